import GRDB
import KepuCore

/// A volunteer's sign-up for an event, with the hours served.
struct SignupRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord, VoidableRecord {
    static let databaseTableName = "signup"
    var id: Int64? = nil
    var volunteerId: Int64
    var eventId: Int64
    var date: CalendarDate
    var hoursCenti: Int64?
    var role: String?
    var importId: Int64?
    var createdAt: String
    var voidedAt: String?
    var voidReason: String?
    var voidBatch: Int64? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SignupRecord {
    enum Columns {
        static let volunteerId = Column("volunteer_id")
        static let eventId = Column("event_id")
        static let date = Column("date")
    }
}

extension DerivableRequest<SignupRecord> {
    /// The volunteer's sign-ups for the event on the date.
    func filter(volunteer: Int64, event: Int64, date: CalendarDate) -> Self {
        filter(
            SignupRecord.Columns.volunteerId == volunteer && SignupRecord.Columns.eventId == event
                && SignupRecord.Columns.date == date)
    }
}
