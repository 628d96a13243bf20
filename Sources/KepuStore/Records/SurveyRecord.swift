import GRDB
import KepuCore

/// A batch of satisfaction survey answers.
struct SurveyRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "survey"
    var id: Int64? = nil
    var eventId: Int64
    var date: CalendarDate
    var responses: Int64
    var satisfied: Int64
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
