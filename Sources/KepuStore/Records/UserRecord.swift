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
