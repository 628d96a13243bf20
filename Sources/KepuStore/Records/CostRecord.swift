import GRDB
import KepuCore

/// A cost charged to a spending line of the plan covering its date.
struct CostRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "cost"
    var id: Int64? = nil
    var unitId: Int64
    var line: String
    var eventId: Int64?
    var item: String?
    var amountFen: Int64
    var date: CalendarDate
    var invoice: String?
    var payee: String?
    var importId: Int64?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension CostRecord {
    enum Columns {
        static let id = Column("id")
        static let unitId = Column("unit_id")
        static let date = Column("date")
    }
}
