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
