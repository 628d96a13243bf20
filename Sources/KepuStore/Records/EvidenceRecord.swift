import GRDB
import KepuCore

/// A file in the evidence store, linked to an event or a cost.
struct EvidenceRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "evidence"
    var id: Int64? = nil
    var sha256: String
    var fileName: String
    var size: Int64
    var kind: String
    var eventId: Int64?
    var costId: Int64?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension EvidenceRecord {
    enum Columns {
        static let id = Column("id")
        static let sha256 = Column("sha256")
        static let eventId = Column("event_id")
        static let costId = Column("cost_id")
    }
}
