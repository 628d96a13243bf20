import GRDB
import KepuCore

/// An external figure, such as the district's literacy rate.
struct MeasurementRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "measurement"
    var id: Int64? = nil
    var unitId: Int64
    var metric: String
    var valueE4: Int64
    var date: CalendarDate
    var source: String?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
