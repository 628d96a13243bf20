import GRDB
import KepuCore

/// A user of the office web app.
struct UserRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "app_user"
    var id: Int64? = nil
    var name: String
    var role: String
    var passwordHash: String
    var createdAt: String
    var passwordChangedAt: String
    var disabledAt: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// An API token: only its SHA-256 is kept.
struct APITokenRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "api_token"
    var id: Int64? = nil
    var userId: Int64
    var tokenHash: String
    var createdAt: String
    var revokedAt: String? = nil
    var lastUsedAt: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension UserRecord {
    enum Columns {
        static let name = Column("name")
        static let role = Column("role")
        static let disabledAt = Column("disabled_at")
    }
}

extension DerivableRequest<UserRecord> {
    /// The user of this name, in any case (names are unique regardless of case).
    func filter(nameIgnoringCase name: String) -> Self {
        filter(UserRecord.Columns.name.collating(.nocase) == name)
    }
}

extension APITokenRecord {
    enum Columns {
        static let id = Column("id")
        static let userId = Column("user_id")
        static let tokenHash = Column("token_hash")
        static let revokedAt = Column("revoked_at")
    }
}

extension DerivableRequest<APITokenRecord> {
    /// The user's tokens.
    func filter(userId: Int64?) -> Self {
        filter(APITokenRecord.Columns.userId == userId)
    }

    /// The tokens not revoked.
    func active() -> Self {
        filter(APITokenRecord.Columns.revokedAt == nil)
    }

    /// The newest token first.
    func newestFirst() -> Self {
        order(APITokenRecord.Columns.id.desc)
    }
}
