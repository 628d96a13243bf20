import GRDB
import KepuCore

/// A unit (区科协) that has plans.
struct UnitRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "unit"
    var id: Int64? = nil
    var name: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension UnitRecord {
    enum Columns {
        static let name = Column("name")
    }
}

extension DerivableRequest<UnitRecord> {
    /// The unit of this name.
    func filter(name: String) -> Self {
        filter(UnitRecord.Columns.name == name)
    }
}
