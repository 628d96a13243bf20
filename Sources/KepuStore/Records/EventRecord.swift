import GRDB
import KepuCore

/// An event or a sub-activity of a campaign.
struct EventRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "event"
    var id: Int64? = nil
    var unitId: Int64
    var parentId: Int64?
    var title: String
    var kind: String
    var form: String = "other"
    var major: Bool
    var startDate: CalendarDate
    var endDate: CalendarDate
    var venue: String?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil
    var project: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension EventRecord {
    enum Columns {
        static let id = Column("id")
        static let title = Column("title")
        static let startDate = Column("start_date")
    }
}
