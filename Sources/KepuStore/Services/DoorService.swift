import Foundation
import GRDB
import KepuCore

struct DoorRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "door"
    var id: Int64? = nil
    var eventId: Int64
    var tokenHash: String
    var opensAt: String
    var closesAt: String
    var survey: Int64
    var volunteers: Int64?
    var createdAt: String
    var closedAt: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// What opening a door gives: the door and its token (shown once; only its hash is kept).
public struct DoorOpened: Sendable {
    public var door: DoorInfo
    public var token: String
    /// The door it replaced, closed by the opening.
    public var replaced: Int64?
}

/// What a sign-in at the door did.
public enum DoorSignIn: Sendable, Hashable {
    /// Counted: the `number`th sign-in of the day.
    case counted(number: Int64)
    /// This phone has signed in today already: not counted again.
    case already
}

/// 扫码签到: doors, and the sign-ins, answers and volunteer calls that come through them.
public struct DoorService: Sendable {
    let ledger: Ledger

    /// The token's stored form: its SHA-256, so the database never holds a working link.
    static func hash(_ token: String) -> String {
        sha256Hex(Data(token.utf8))
    }

    /// 128 random bits and more: 24 URL-safe characters (144 bits).
    static func newToken() -> String {
        var g = SystemRandomNumberGenerator()
        let bytes = (0..<18).map { _ in UInt8.random(in: 0...255, using: &g) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
    }

    /// Opens a door for the event (a live one, in an unlocked year). An open door of the event is
    /// closed by it: one link at a time, and the old one answers 410 at once.
    public func open(event: Int64, from: String?, until: String?, survey: Bool, volunteers: Int64?) throws
        -> DoorOpened
    {
        try ledger.database.write { db in
            let e = try ledger.events.live(db, event)
            let window = Door.defaultWindow(start: e.startDate, end: e.endDate)
            let opens = from ?? window.from
            let closes = until ?? window.until
            guard closes > opens else { throw KepuError(.doorWindowEmpty(from: opens, until: closes)) }
            // Its sign-ins are attendance of the event: within the years it spans, as any attendance.
            for minute in [opens, closes] {
                if let day = try? CalendarDate.parse(String(minute.prefix(10))),
                    day.year < e.startDate.year || day.year > e.endDate.year
                {
                    throw KepuError(
                        .dateOutsideEventYears(date: day, event: event, first: e.startDate.year, last: e.endDate.year))
                }
            }
            var replaced: Int64?
            if var old = try openRecord(db, event: event) {
                old.closedAt = ledger.context.timestamp
                try ledger.update(db, old)
                replaced = old.id
            }
            let token = Self.newToken()
            var record = DoorRecord(
                eventId: event, tokenHash: Self.hash(token), opensAt: opens, closesAt: closes, survey: survey ? 1 : 0,
                volunteers: volunteers, createdAt: ledger.context.timestamp, closedAt: nil)
            // A locked year refuses it: the audit's check reads the window's dates.
            try ledger.insert(db, &record)
            return DoorOpened(door: try info(db, record), token: token, replaced: replaced)
        }
    }

    /// Closes the event's open door: its link answers 410 from now on.
    public func close(event: Int64) throws -> DoorInfo {
        try ledger.database.write { db in
            _ = try ledger.events.live(db, event)
            guard var door = try openRecord(db, event: event) else { throw KepuError(.noOpenDoor(event: event)) }
            door.closedAt = ledger.context.timestamp
            try ledger.update(db, door)
            return try info(db, door)
        }
    }

    /// The door of a token; nil for a token no door has.
    public func door(token: String) throws -> DoorInfo? {
        guard token.utf8.count <= 64 else { return nil }
        return try ledger.database.read { db in
            try DoorRecord.filter(Column("token_hash") == Self.hash(token)).fetchOne(db).map { try info(db, $0) }
        }
    }

    /// The event's door that is not closed, if any (it may be outside its window).
    public func current(event: Int64) throws -> DoorInfo? {
        try ledger.database.read { db in try openRecord(db, event: event).map { try info(db, $0) } }
    }

    /// The local minute now, on the ledger's clock.
    public func now() -> String { Door.localMinute(day: ledger.today, at: ledger.context.now()) }

    func openRecord(_ db: Database, event: Int64) throws -> DoorRecord? {
        try DoorRecord.filter(Column("event_id") == event && Column("closed_at") == nil).order(Column("id").desc)
            .fetchOne(db)
    }

    func info(_ db: Database, _ r: DoorRecord) throws -> DoorInfo {
        let e = try EventRecord.fetchOne(db, key: r.eventId)
        let unit = try e.flatMap {
            try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0.unitId])
        }
        return DoorInfo(
            id: r.id ?? 0, event: r.eventId, eventTitle: e?.title ?? "", venue: e?.venue,
            start: e?.startDate ?? ledger.today, end: e?.endDate ?? ledger.today, unit: unit ?? "", from: r.opensAt,
            until: r.closesAt, survey: r.survey == 1, volunteers: r.volunteers, closed: r.closedAt != nil)
    }

    /// A sign-in through an open door: one sign-in row of the day's attendance entry (onsite, method
    /// 签到), unless this phone has signed in today; with a satisfaction answer (1–5) when the door asks
    /// for one, counted once a phone a day in the day's survey batch (4 and 5 satisfied).
    public func signIn(door id: Int64, name: String, phone: String, org: String?, satisfaction: Int?) throws
        -> DoorSignIn
    {
        try ledger.database.write { db in
            guard let door = try DoorRecord.fetchOne(db, key: id) else { throw KepuError(.noOpenDoor(event: 0)) }
            // Closed between the page's check and this write.
            guard door.closedAt == nil else { throw KepuError(.noOpenDoor(event: door.eventId)) }
            let day = ledger.today
            let dayText = day.description
            var dayRow = try Row.fetchOne(
                db, sql: "SELECT attendance_id, survey_id FROM door_day WHERE door_id = ? AND day = ?",
                arguments: [id, dayText])
            if dayRow == nil {
                try db.execute(
                    sql: "INSERT INTO door_day (door_id, day) VALUES (?, ?)", arguments: [id, dayText])
                dayRow = Row(["attendance_id": nil, "survey_id": nil])
            }
            var attendanceID: Int64? = dayRow?["attendance_id"]
            if let aid = attendanceID,
                try Bool.fetchOne(
                    db, sql: "SELECT 1 FROM signin WHERE attendance_id = ? AND phone = ? LIMIT 1",
                    arguments: [aid, phone]) == true
            {
                return .already
            }
            if attendanceID == nil {
                let aid = try ledger.attendance.add(
                    db,
                    NewAttendance(
                        event: door.eventId, count: 0, channel: .onsite, method: .signin, date: day,
                        note: "扫码签到"))
                try db.execute(
                    sql: "UPDATE door_day SET attendance_id = ? WHERE door_id = ? AND day = ?",
                    arguments: [aid, id, dayText])
                attendanceID = aid
            }
            guard let aid = attendanceID, var a = try AttendanceRecord.fetchOne(db, key: aid) else {
                throw KepuError(.noOpenDoor(event: door.eventId))
            }
            let number = a.count + 1
            let time = Door.localMinute(day: day, at: ledger.context.now())
            try db.execute(
                sql: "INSERT INTO signin (attendance_id, line, name, phone, time, org) VALUES (?, ?, ?, ?, ?, ?)",
                arguments: [aid, number, name, phone, time.replacingOccurrences(of: "T", with: " "), org])
            a.count = number
            try ledger.update(db, a)
            if let answer = satisfaction, door.survey == 1 {
                try answerSurvey(db, door: door, day: day, phone: phone, answer: answer, surveyID: dayRow?["survey_id"])
            }
            return .counted(number: number)
        }
    }

    func answerSurvey(
        _ db: Database, door: DoorRecord, day: CalendarDate, phone: String, answer: Int, surveyID: Int64?
    ) throws {
        guard let id = door.id, (1...5).contains(answer) else { return }
        let fresh =
            try Bool.fetchOne(
                db, sql: "SELECT 1 FROM door_answer WHERE door_id = ? AND day = ? AND phone = ?",
                arguments: [id, day.description, phone]) != true
        guard fresh else { return }
        try db.execute(
            sql: "INSERT INTO door_answer (door_id, day, phone, satisfaction, at) VALUES (?, ?, ?, ?, ?)",
            arguments: [id, day.description, phone, answer, ledger.context.timestamp])
        let satisfied: Int64 = Door.satisfied(answer) ? 1 : 0
        if let sid = surveyID, var s = try SurveyRecord.fetchOne(db, key: sid) {
            s.responses += 1
            s.satisfied += satisfied
            try ledger.update(db, s)
        } else {
            var s = SurveyRecord(
                eventId: door.eventId, date: day, responses: 1, satisfied: satisfied,
                createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
            let sid = try ledger.insert(db, &s)
            try db.execute(
                sql: "UPDATE door_day SET survey_id = ? WHERE door_id = ? AND day = ?",
                arguments: [sid, id, day.description])
        }
    }

    /// How many have signed in through the event's doors today, and in all.
    public func counts(event: Int64) throws -> (today: Int64, total: Int64) {
        try ledger.database.read { db in
            let sql = """
                SELECT coalesce(sum(a.count), 0) FROM door_day d JOIN door ON door.id = d.door_id
                JOIN attendance a ON a.id = d.attendance_id
                WHERE door.event_id = ? AND a.voided_at IS NULL
                """
            let total = try Int64.fetchOne(db, sql: sql, arguments: [event]) ?? 0
            let today =
                try Int64.fetchOne(db, sql: sql + " AND d.day = ?", arguments: [event, ledger.today.description]) ?? 0
            return (today, total)
        }
    }
}
