import GRDB
import KepuCore

/// A previous year's volunteer figures where the database has none.
struct BaselineRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "baseline"
    var id: Int64? = nil
    var unitId: Int64
    var year: Int
    var volunteers: Int64?
    var orgs: Int64?
    var updatedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension BaselineRecord {
    enum Columns {
        static let unitId = Column("unit_id")
        static let year = Column("year")
    }
}

extension BaselineRecord: UnitYearRecord {}
