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

extension OrganizationRecord {
    enum Columns {
        static let name = Column("name")
    }
}

extension DerivableRequest<OrganizationRecord> {
    /// The organization of this name.
    func filter(name: String) -> Self {
        filter(OrganizationRecord.Columns.name == name)
    }
}
