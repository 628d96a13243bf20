import GRDB
import KepuCore

/// An attendance count (人次) of an event.
struct AttendanceRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "attendance"
    var id: Int64? = nil
    var eventId: Int64
    var date: CalendarDate
    var count: Int64
    var channel: String
    var method: String
    var note: String?
    var importId: Int64?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension AttendanceRecord {
    enum Columns {
        static let eventId = Column("event_id")
        static let date = Column("date")
        static let count = Column("count")
        static let channel = Column("channel")
        static let importId = Column("import_id")
    }
}
