import GRDB
import KepuCore

/// Attendance (人次) of events: headcounts, online viewers, and the entries behind sign-in sheets.
public struct AttendanceService: Sendable {
    let ledger: Ledger

    public func add(_ a: NewAttendance) throws -> Int64 {
        try ledger.database.write { db in try add(db, a) }
    }

    func add(_ db: Database, _ a: NewAttendance, importID: Int64? = nil, audited: Bool = true) throws -> Int64 {
        let e = try ledger.events.live(db, a.event)
        var record = AttendanceRecord(
            eventId: a.event, date: a.date ?? e.startDate, count: a.count, channel: a.channel.rawValue,
            method: a.method.rawValue, note: a.note, importId: importID, createdAt: ledger.context.timestamp,
            voidedAt: nil, voidReason: nil)
        return audited ? try ledger.insert(db, &record) : try ledger.insertUnaudited(db, &record)
    }
}
