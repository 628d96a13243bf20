import GRDB
import KepuCore

/// A plan as stored: its source file and where its year runs.
struct PlanRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "plan"
    var id: Int64? = nil
    var unitId: Int64
    var year: Int
    var periodStart: CalendarDate
    var periodEnd: CalendarDate
    var sourceName: String
    var sourceText: String
    var sourceSha256: String
    var importedAt: String
    var replacedAt: String?
    var replacedBy: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PlanRecord {
    enum Columns {
        static let id = Column("id")
        static let unitId = Column("unit_id")
        static let year = Column("year")
        static let periodStart = Column("period_start")
        static let periodEnd = Column("period_end")
        static let replacedAt = Column("replaced_at")
    }
}

extension DerivableRequest<PlanRecord> {
    /// The plans not replaced.
    func current() -> Self {
        filter(PlanRecord.Columns.replacedAt == nil)
    }

    /// The plans whose period covers the date.
    func covering(_ date: CalendarDate) -> Self {
        filter(PlanRecord.Columns.periodStart <= date && PlanRecord.Columns.periodEnd >= date)
    }

    /// The plans whose period shares a day with this one.
    func overlapping(_ period: DateRange) -> Self {
        filter(PlanRecord.Columns.periodStart <= period.end && PlanRecord.Columns.periodEnd >= period.start)
    }
}

extension PlanRecord: UnitYearRecord {}
