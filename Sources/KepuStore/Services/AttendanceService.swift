import GRDB
import KepuCore

/// Attendance (人次) of events: headcounts, online viewers, and the entries behind sign-in sheets.
public struct AttendanceService: Sendable {
    let ledger: Ledger

    /// What `attendance add` did: the new id, and an entry it may repeat.
    public struct Added: Sendable {
        public var id: Int64
        /// The day counted (given, else the event's first day).
        public var date: CalendarDate
        /// A live entry of the same event, day, channel and count: perhaps entered twice.
        public var sameAs: Int64?
    }

    /// One entry's most: 1亿人次.
    public static let maxCount: Int64 = 100_000_000

    /// An attendance or survey happened: not after today, and in the year(s) its event spans.
    static func checkDate(_ date: CalendarDate, of e: EventRecord, today: CalendarDate) throws {
        guard date <= today else { throw KepuError(.dateAfterToday(date: date, today: today)) }
        guard date.year >= e.startDate.year, date.year <= e.endDate.year else {
            throw KepuError(
                .dateOutsideEventYears(date: date, event: e.id ?? 0, first: e.startDate.year, last: e.endDate.year))
        }
    }

    public func add(_ a: NewAttendance) throws -> Added {
        try ledger.database.write { db in
            let e = try ledger.events.live(db, a.event)
            let date = a.date ?? e.startDate
            let same = try AttendanceRecord.filter(
                AttendanceRecord.Columns.eventId == a.event && AttendanceRecord.Columns.date == date
                    && AttendanceRecord.Columns.channel == a.channel.rawValue
                    && AttendanceRecord.Columns.count == a.count
            ).live().fetchOne(db)
            return Added(id: try add(db, a), date: date, sameAs: same?.id)
        }
    }

    func add(_ db: Database, _ a: NewAttendance, importID: Int64? = nil, audited: Bool = true) throws -> Int64 {
        let e = try ledger.events.live(db, a.event)
        guard a.count <= Self.maxCount else {
            throw KepuError(.attendanceTooLarge(count: a.count, limit: Self.maxCount))
        }
        try Self.checkDate(a.date ?? e.startDate, of: e, today: ledger.today)
        var record = AttendanceRecord(
            eventId: a.event, date: a.date ?? e.startDate, count: a.count, channel: a.channel.rawValue,
            method: a.method.rawValue, note: a.note, importId: importID, createdAt: ledger.context.timestamp,
            voidedAt: nil, voidReason: nil)
        return audited ? try ledger.insert(db, &record) : try ledger.insertUnaudited(db, &record)
    }
}
