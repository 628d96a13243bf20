import GRDB
import KepuCore

/// A mid-year adjustment (追加/调减) of the project budget, or of one of its lines when `line` is set.
struct BudgetAdjustmentRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "budget_adjustment"
    var id: Int64? = nil
    var unitId: Int64
    var year: Int
    var line: String?
    var amountFen: Int64
    var date: CalendarDate
    var reason: String
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var project: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension BudgetAdjustmentRecord {
    enum Columns {
        static let id = Column("id")
        static let unitId = Column("unit_id")
        static let year = Column("year")
        static let line = Column("line")
        static let date = Column("date")
        static let voidedAt = Column("voided_at")
    }
}

extension DerivableRequest<BudgetAdjustmentRecord> {
    /// The adjustments not voided.
    func live() -> Self {
        filter(BudgetAdjustmentRecord.Columns.voidedAt == nil)
    }
}

extension BudgetAdjustmentRecord: UnitYearRecord {}
