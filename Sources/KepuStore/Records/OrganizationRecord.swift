import GRDB
import KepuCore

/// A volunteer organization (队伍).
struct OrganizationRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "organization"
    var id: Int64? = nil
    var name: String
    var createdAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
