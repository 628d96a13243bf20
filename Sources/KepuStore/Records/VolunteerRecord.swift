import GRDB
import KepuCore

/// A volunteer.
struct VolunteerRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "volunteer"
    var id: Int64? = nil
    var name: String
    var phone: String?
    var orgId: Int64?
    var platformNo: String?
    var importId: Int64?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension VolunteerRecord {
    enum Columns {
        static let name = Column("name")
        static let phone = Column("phone")
        static let orgId = Column("org_id")
    }
}
