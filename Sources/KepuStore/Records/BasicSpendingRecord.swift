import GRDB
import KepuCore

/// A year's 基本支出 as one total, taken from the finance system.
struct BasicSpendingRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "basic_spending"
    var id: Int64? = nil
    var unitId: Int64
    var year: Int
    var spentFen: Int64
    var source: String?
    var updatedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension BasicSpendingRecord {
    enum Columns {
        static let unitId = Column("unit_id")
        static let year = Column("year")
    }
}

extension BasicSpendingRecord: UnitYearRecord {}
