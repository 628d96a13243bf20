import GRDB
import KepuCore

/// A print run: copies × unit price, charged to the plan's printing line.
struct PrintRunRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "print_run"
    var id: Int64? = nil
    var unitId: Int64
    var line: String
    var title: String
    var ink: String
    var copies: Int64
    var unitPriceFen: Int64
    var eventId: Int64?
    var date: CalendarDate
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension PrintRunRecord {
    enum Columns {
        static let id = Column("id")
        static let unitId = Column("unit_id")
        static let date = Column("date")
    }
}
