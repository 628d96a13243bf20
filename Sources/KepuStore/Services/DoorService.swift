import Crypto
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
    /// Signs the phone page's forms and a live door's codes; never shown, never in the audit trail.
    var secret: String?
    var live: Int64 = 0
    var expected: Int64?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A door's keys, from its secret: the code a live door's screen shows (a new one every 30 seconds)
/// and the phone page's form token, each an HMAC-SHA256 the server alone can make. A form token is
/// `ISSUED.NONCE.MAC`: bound to its door, to when the page was served and, at a live door, to a code
/// that was fresh then; a client making one up is refused.
public struct DoorKeys: Sendable {
    let secret: Data
    public let door: Int64

    init(door: Int64, secret: String) {
        self.door = door
        self.secret = Data(secret.utf8)
    }

    func mac(_ text: String, length: Int) -> String {
        let code = HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: secret))
        return code.prefix(length).map { String(format: "%02x", $0) }.joined()
    }

    /// The live code of the period `at` falls in: 8 hex digits.
    public func code(at: Date) -> String {
        mac("code.\(door).\(Int(at.timeIntervalSince1970) / Door.codePeriod)", length: 4)
    }

    /// Whether `code` was shown within the last `Door.codeLife` seconds before `at`.
    public func accepts(code: String, at: Date) -> Bool {
        guard code.utf8.count == 8 else { return false }
        let now = Int(at.timeIntervalSince1970) / Door.codePeriod
        let periods = Door.codeLife / Door.codePeriod
        return (0...periods).contains { n in
            mac("code.\(door).\(now - n)", length: 4) == code.lowercased()
        }
    }

    /// Which page a form token is for: the sign-in (`/d/`) or the volunteer call (`/v/`). A token of one
    /// is no token of the other, so the call's page, which asks for no screen code, can't hand out
    /// sign-in tokens for a live door.
    public enum Page: String, Sendable {
        case signIn = "sign"
        case call
    }

    /// A new form token for `page`, issued at `issued` (seconds since 1970).
    public func formToken(_ page: Page, issued: Int, nonce: String) -> String {
        "\(issued).\(nonce).\(mac("form.\(page.rawValue).\(door).\(issued).\(nonce)", length: 16))"
    }

    /// The token's nonce and when it was issued, when it is this door's for `page`, unaltered and issued
    /// within `life` seconds before `at`.
    public func verify(formToken token: String, _ page: Page, at: Date, life: Int) -> (nonce: String, issued: Int)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        // Ten digits at most: a number a client makes up can't overflow the arithmetic below.
        guard parts.count == 3, token.utf8.count <= 120, (1...10).contains(parts[0].utf8.count),
            parts[0].utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }), let issued = Int(parts[0])
        else { return nil }
        let nonce = String(parts[1])
        let age = Int(at.timeIntervalSince1970) - issued
        guard age >= -5, age <= life, !nonce.isEmpty else { return nil }
        return mac("form.\(page.rawValue).\(door).\(issued).\(nonce)", length: 16) == parts[2] ? (nonce, issued) : nil
    }
}

/// What opening a door gives: the door and its token (shown once; only its hash is kept).
public struct DoorOpened: Sendable {
    public var door: DoorInfo
    public var token: String
    /// The door it replaced, closed by the opening.
    public var replaced: Int64?
}

/// One sign-in through a door, as kept in `door_visit`.
struct VisitRow: FetchableRecord {
    var id: Int64? = nil
    var doorID: Int64
    var day: CalendarDate
    /// Local, `2023-09-16 10:03`.
    var minute: String
    /// UTC, ISO 8601.
    var at: String
    var address: String
    var name: String
    var phone: String
    var org: String?
    var satisfaction: Int?
    var attendanceID: Int64? = nil
    var line: Int64? = nil
    /// The survey batch its answer was counted in.
    var surveyID: Int64? = nil

    init(
        doorID: Int64, day: CalendarDate, minute: String, at: String, address: String, name: String, phone: String,
        org: String?, satisfaction: Int?
    ) {
        self.doorID = doorID
        self.day = day
        self.minute = minute
        self.at = at
        self.address = address
        self.name = name
        self.phone = phone
        self.org = org
        self.satisfaction = satisfaction
    }

    init(row: Row) throws {
        id = row["id"]
        doorID = row["door_id"]
        day = try CalendarDate.parse(row["day"] as String)
        minute = row["minute"]
        at = row["at"]
        address = row["address"]
        name = row["name"]
        phone = row["phone"]
        org = row["org"]
        satisfaction = row["satisfaction"]
        attendanceID = row["attendance_id"]
        line = row["line"]
        surveyID = row["survey_id"]
    }

    func insert(_ db: Database, held: DoorHold?) throws {
        try db.execute(
            sql: """
                INSERT INTO door_visit (door_id, day, minute, at, address, name, phone, org, satisfaction, attendance_id,
                  line, survey_id, held) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                doorID, day.description, minute, at, address, name, phone, org, satisfaction, attendanceID, line,
                surveyID, held?.rawValue,
            ])
    }
}

/// What a sign-in at the door did.
public enum DoorSignIn: Sendable, Hashable {
    /// Counted: the `number`th sign-in of the day.
    case counted(number: Int64)
    /// This phone has signed in today already: not counted again.
    case already
    /// Kept for the clerk's review, not counted until accepted.
    case held(DoorHold)
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
    ///
    /// A live door needs the code on the venue's screen to sign in; `expected` (预计人数) holds the
    /// sign-ins past it for review.
    public func open(
        event: Int64, from: String?, until: String?, survey: Bool, volunteers: Int64?, live: Bool = false,
        expected: Int64? = nil
    ) throws -> DoorOpened {
        try ledger.database.write { db in
            let e = try ledger.events.live(db, event)
            let window = Door.defaultWindow(start: e.startDate, end: e.endDate)
            let opens = from ?? window.from
            let closes = until ?? window.until
            guard closes > opens else { throw KepuError(.doorWindowEmpty(from: opens, until: closes)) }
            // A window that ended before today would only tell phones that sign-in is over: offer today's
            // instead. (By the day, not the minute: a door opened late in the evening is the clerk's call.)
            let today = ledger.today
            if String(closes.prefix(10)) < today.description {
                let inYears = (e.startDate.year...e.endDate.year).contains(today.year)
                let window = Door.defaultWindow(start: today, end: today)
                throw KepuError(
                    .doorWindowOver(
                        until: closes, todayFrom: inYears ? window.from : nil, todayUntil: inYears ? window.until : nil,
                        first: e.startDate.year, last: e.endDate.year))
            }
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
                volunteers: volunteers, createdAt: ledger.context.timestamp, closedAt: nil,
                secret: SessionService.random(32), live: live ? 1 : 0, expected: expected)
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
            try DoorRecord.filter(DoorRecord.Columns.tokenHash == Self.hash(token)).fetchOne(db)
                .map { try info(db, $0) }
        }
    }

    /// A door's keys: its live codes and form tokens.
    public func keys(door id: Int64) throws -> DoorKeys {
        try ledger.database.read { db in
            let secret = try String.fetchOne(db, sql: "SELECT secret FROM door WHERE id = ?", arguments: [id])
            return DoorKeys(door: id, secret: secret ?? SessionService.random(32))
        }
    }

    /// The event's door that is not closed, if any (it may be outside its window).
    public func current(event: Int64) throws -> DoorInfo? {
        try ledger.database.read { db in try openRecord(db, event: event).map { try info(db, $0) } }
    }

    /// The local minute now, on the ledger's clock.
    public func now() -> String { Door.localMinute(day: ledger.today, at: ledger.context.now()) }

    func openRecord(_ db: Database, event: Int64) throws -> DoorRecord? {
        try DoorRecord.filter(DoorRecord.Columns.eventId == event && DoorRecord.Columns.closedAt == nil)
            .order(DoorRecord.Columns.id.desc).fetchOne(db)
    }

    func info(_ db: Database, _ r: DoorRecord) throws -> DoorInfo {
        let e = try EventRecord.fetchOne(db, key: r.eventId)
        let unit = try e.flatMap {
            try String.fetchOne(db, sql: "SELECT name FROM unit WHERE id = ?", arguments: [$0.unitId])
        }
        return DoorInfo(
            id: r.id ?? 0, event: r.eventId, eventTitle: e?.title ?? "", venue: e?.venue,
            start: e?.startDate ?? ledger.today, end: e?.endDate ?? ledger.today, unit: unit ?? "", from: r.opensAt,
            until: r.closesAt, survey: r.survey == 1, volunteers: r.volunteers, closed: r.closedAt != nil,
            live: r.live == 1, expected: r.expected)
    }

    /// A sign-in through an open door: one sign-in row of the day's attendance entry (onsite, method
    /// 签到), unless this phone has signed in today; with a satisfaction answer (1–5) when the door asks
    /// for one, counted once a phone a day in the day's survey batch (4 and 5 satisfied).
    ///
    /// Every sign-in is kept as a visit with its time and `address` (the client's, an IPv6 /64). One
    /// past the door's 预计人数, or from an address that signed in `Door.pacePerMinute` times within
    /// the last minute (unless `paced` is false), is held for review: kept, not counted, until the
    /// clerk accepts it.
    public func signIn(
        door id: Int64, name: String, phone: String, org: String?, satisfaction: Int?, address: String = "unknown",
        paced: Bool = true
    ) throws -> DoorSignIn {
        try ledger.database.write { db in
            guard let door = try DoorRecord.fetchOne(db, key: id) else { throw KepuError(.noOpenDoor(event: 0)) }
            // Closed between the page's check and this write.
            guard door.closedAt == nil else { throw KepuError(.noOpenDoor(event: door.eventId)) }
            let day = ledger.today
            let answer = satisfaction.flatMap { door.survey == 1 && (1...5).contains($0) ? $0 : nil }
            // Signed in today: held, or counted in an entry that still stands (a voided entry or a
            // voided visit counts for nothing, so its phone may sign in again).
            if try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM door_visit v LEFT JOIN attendance a ON a.id = v.attendance_id
                    WHERE v.door_id = ? AND v.day = ? AND v.phone = ? AND v.voided_at IS NULL
                      AND (v.attendance_id IS NULL OR a.voided_at IS NULL) LIMIT 1
                    """,
                arguments: [id, day.description, phone]) == true
            {
                return .already
            }
            var visit = VisitRow(
                doorID: id, day: day, minute: Door.display(Door.localMinute(day: day, at: ledger.context.now())),
                at: ledger.context.timestamp, address: address, name: name, phone: phone, org: org,
                satisfaction: answer)
            if let hold = try holdFor(db, door, address: address, paced: paced) {
                try visit.insert(db, held: hold)
                return .held(hold)
            }
            guard let number = try count(db, door, &visit) else { return .already }
            try visit.insert(db, held: nil)
            return .counted(number: number)
        }
    }

    /// Why a sign-in now would be held, if it would.
    /// `paced`: whether the address tells clients apart (a front end says no for this machine's own).
    func holdFor(_ db: Database, _ door: DoorRecord, address: String, paced: Bool) throws -> DoorHold? {
        guard let id = door.id else { return nil }
        // 预计人数 is the event's: a door opened again (a new link) starts from what the event has.
        if let expected = door.expected, try counted(db, event: door.eventId) >= expected { return .crowd }
        let now = ledger.context.now()
        func recent(_ seconds: TimeInterval) throws -> Int {
            try Int.fetchOne(
                db, sql: "SELECT count(*) FROM door_visit WHERE door_id = ? AND address = ? AND at > ?",
                arguments: [id, address, Timestamp.iso(now.addingTimeInterval(-seconds))]) ?? 0
        }
        guard paced else { return nil }
        return try recent(60) >= Door.pacePerMinute || recent(3600) >= Door.pacePerHour ? .pace : nil
    }

    /// How many the event's doors have counted, in all (their days' live entries).
    func counted(_ db: Database, event: Int64) throws -> Int64 {
        try Int64.fetchOne(
            db,
            sql: """
                SELECT coalesce(sum(a.count), 0) FROM door_day d JOIN door ON door.id = d.door_id
                JOIN attendance a ON a.id = d.attendance_id
                WHERE door.event_id = ? AND a.voided_at IS NULL
                """, arguments: [event]) ?? 0
    }

    /// Counts a visit into its day's attendance entry (and its answer into the day's survey batch):
    /// the day's number, or nil when the phone is counted that day already. A sign-in never goes
    /// into a voided record: a voided entry (a flood voided by the clerk) makes way for a new one.
    func count(_ db: Database, _ door: DoorRecord, _ visit: inout VisitRow) throws -> Int64? {
        guard let id = door.id else { return nil }
        let dayText = visit.day.description
        var dayRow = try Row.fetchOne(
            db, sql: "SELECT attendance_id, survey_id FROM door_day WHERE door_id = ? AND day = ?",
            arguments: [id, dayText])
        if dayRow == nil {
            try db.execute(sql: "INSERT INTO door_day (door_id, day) VALUES (?, ?)", arguments: [id, dayText])
            dayRow = Row(["attendance_id": nil, "survey_id": nil])
        }
        var attendance = try (dayRow?["attendance_id"] as Int64?).flatMap {
            try AttendanceRecord.fetchOne(db, key: $0)
        }
        if attendance?.voidedAt != nil { attendance = nil }
        if let aid = attendance?.id,
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM signin s WHERE s.attendance_id = ? AND s.phone = ? AND NOT EXISTS (
                      SELECT 1 FROM door_visit v WHERE v.attendance_id = s.attendance_id AND v.line = s.line
                      AND v.voided_at IS NOT NULL) LIMIT 1
                    """,
                arguments: [aid, visit.phone]) == true
        {
            return nil
        }
        if attendance == nil {
            let aid = try ledger.attendance.add(
                db,
                NewAttendance(
                    event: door.eventId, count: 0, channel: .onsite, method: .signin, date: visit.day,
                    note: "扫码签到"))
            try db.execute(
                sql: "UPDATE door_day SET attendance_id = ? WHERE door_id = ? AND day = ?",
                arguments: [aid, id, dayText])
            attendance = try AttendanceRecord.fetchOne(db, key: aid)
        }
        guard var a = attendance, let aid = a.id else { throw KepuError(.noOpenDoor(event: door.eventId)) }
        // Lines follow the rows written, whatever a batch void took out of the count.
        let line =
            try Int64.fetchOne(
                db, sql: "SELECT coalesce(max(line), 0) + 1 FROM signin WHERE attendance_id = ?", arguments: [aid]) ?? 1
        try db.execute(
            sql: "INSERT INTO signin (attendance_id, line, name, phone, time, org) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [aid, line, visit.name, visit.phone, visit.minute, visit.org])
        a.count += 1
        try ledger.update(db, a)
        visit.attendanceID = aid
        visit.line = line
        if let answer = visit.satisfaction, door.survey == 1 {
            visit.surveyID = try answerSurvey(
                db, door: door, day: visit.day, phone: visit.phone, answer: answer, surveyID: dayRow?["survey_id"])
        }
        return a.count
    }

    /// Counts every sign-in the event's doors hold for review (the clerk has looked at them); each
    /// into the attendance of its own day. A phone counted that day meanwhile is not counted twice.
    /// How many were counted.
    @discardableResult
    public func acceptHeld(event: Int64) throws -> (counted: Int64, eventTitle: String) {
        try ledger.database.write { db in
            let title = try ledger.events.live(db, event).title
            let rows = try VisitRow.fetchAll(
                db,
                sql: """
                    SELECT v.* FROM door_visit v JOIN door ON door.id = v.door_id
                    WHERE door.event_id = ? AND v.held IS NOT NULL AND v.accepted_at IS NULL AND v.voided_at IS NULL
                    ORDER BY v.id
                    """, arguments: [event])
            var counted: Int64 = 0
            for var visit in rows {
                guard let door = try DoorRecord.fetchOne(db, key: visit.doorID) else { continue }
                if try count(db, door, &visit) != nil { counted += 1 }
                try db.execute(
                    sql:
                        "UPDATE door_visit SET accepted_at = ?, attendance_id = ?, line = ?, survey_id = ? WHERE id = ?",
                    arguments: [ledger.context.timestamp, visit.attendanceID, visit.line, visit.surveyID, visit.id])
            }
            try ledger.appendAudit(
                db, "door_visit", nil,
                after: .object([
                    "event_id": .int(event), "accepted": .int(Int64(rows.count)), "counted": .int(counted),
                ]))
            return (counted, title)
        }
    }

    /// Voids the sign-ins through the event's doors from `from` up to `until` (local minutes,
    /// `2023-09-16T10:00`), from `address` when given: the counted ones leave their day's 人次 and
    /// their answers leave the survey batch; the held ones are set aside. The rows stay, voided with
    /// the reason; later sign-ins are counted as usual.
    public func voidVisits(event: Int64, from: String, until: String, address: String?, reason: String) throws
        -> DoorBatchVoid
    {
        let why = try Parse.text(reason, field: .reason)
        guard until > from else { throw KepuError(.doorWindowEmpty(from: from, until: until)) }
        return try ledger.database.write { db in
            let title = try ledger.events.live(db, event).title
            var sql = """
                SELECT v.* FROM door_visit v JOIN door ON door.id = v.door_id
                WHERE door.event_id = ? AND v.voided_at IS NULL AND v.minute >= ? AND v.minute < ?
                """
            var args: [DatabaseValueConvertible?] = [event, Door.display(from), Door.display(until)]
            if let address {
                sql += " AND v.address = ?"
                args.append(address)
            }
            let rows = try VisitRow.fetchAll(db, sql: sql + " ORDER BY v.id", arguments: StatementArguments(args))
            var result = DoorBatchVoid(counted: 0, held: 0, answers: 0, eventTitle: title)
            var fewer: [Int64: Int64] = [:]
            var answers: [Int64: (responses: Int64, satisfied: Int64)] = [:]
            for v in rows {
                if let aid = v.attendanceID, v.line != nil {
                    fewer[aid, default: 0] += 1
                    result.counted += 1
                    // The answer that came with it, in the batch it was counted in.
                    if let sid = v.surveyID, let answer = v.satisfaction {
                        answers[sid, default: (0, 0)].responses += 1
                        if Door.satisfied(answer) { answers[sid, default: (0, 0)].satisfied += 1 }
                        result.answers += 1
                        try db.execute(
                            sql: """
                                UPDATE door_answer SET voided_at = ?
                                WHERE door_id = ? AND day = ? AND phone = ? AND survey_id = ? AND voided_at IS NULL
                                """,
                            arguments: [ledger.context.timestamp, v.doorID, v.day.description, v.phone, sid])
                    }
                } else {
                    result.held += 1
                }
            }
            let at = ledger.context.timestamp
            for v in rows {
                try db.execute(
                    sql: "UPDATE door_visit SET voided_at = ?, void_reason = ? WHERE id = ?",
                    arguments: [at, why, v.id])
            }
            for (aid, n) in fewer {
                guard var a = try AttendanceRecord.fetchOne(db, key: aid), a.voidedAt == nil else { continue }
                a.count = max(0, a.count - n)
                try ledger.update(db, a)
            }
            for (sid, n) in answers {
                guard var s = try SurveyRecord.fetchOne(db, key: sid), s.voidedAt == nil else { continue }
                s.responses = max(0, s.responses - n.responses)
                s.satisfied = max(0, min(s.responses, s.satisfied - n.satisfied))
                try ledger.update(db, s)
            }
            try ledger.appendAudit(
                db, "door_visit", nil,
                after: .object([
                    "event_id": .int(event), "from": .string(from), "until": .string(until),
                    "address": address.map(JSONValue.string) ?? .null, "reason": .string(why),
                    "voided_counted": .int(result.counted), "voided_held": .int(result.held),
                    "voided_answers": .int(result.answers),
                ]))
            return result
        }
    }

    /// The event's sign-ins through its doors, by ten-minute slot and by address.
    public func visits(event: Int64) throws -> DoorVisits {
        try ledger.database.read { db in
            let tallies = { (key: String, order: String, limit: Int) throws -> [DoorVisits.Tally] in
                try Row.fetchAll(
                    db,
                    sql: """
                        SELECT \(key) AS k,
                          sum(v.voided_at IS NULL AND v.line IS NOT NULL) AS counted,
                          sum(v.voided_at IS NULL AND v.line IS NULL AND v.held IS NOT NULL) AS held,
                          sum(v.voided_at IS NOT NULL) AS voided
                        FROM door_visit v JOIN door ON door.id = v.door_id WHERE door.event_id = ?
                        GROUP BY k ORDER BY \(order) LIMIT \(limit)
                        """, arguments: [event]
                ).map {
                    DoorVisits.Tally(key: $0["k"], counted: $0["counted"], held: $0["held"], voided: $0["voided"])
                }
            }
            let bySlot = try tallies("substr(v.minute, 1, 15) || '0'", "k", 500)
            let byAddress = try tallies("v.address", "count(*) DESC, k", 10)
            var heldFor: [DoorHold: Int64] = [:]
            for row in try Row.fetchAll(
                db,
                sql: """
                    SELECT v.held, count(*) AS n FROM door_visit v JOIN door ON door.id = v.door_id
                    WHERE door.event_id = ? AND v.held IS NOT NULL AND v.accepted_at IS NULL AND v.voided_at IS NULL
                    GROUP BY v.held
                    """, arguments: [event])
            {
                if let hold = DoorHold(rawValue: row["held"]) { heldFor[hold] = row["n"] }
            }
            let heldRows = try Row.fetchAll(
                db,
                sql: """
                    SELECT v.minute, v.name, v.phone, v.address, v.held FROM door_visit v JOIN door ON door.id = v.door_id
                    WHERE door.event_id = ? AND v.held IS NOT NULL AND v.accepted_at IS NULL AND v.voided_at IS NULL
                    ORDER BY v.id LIMIT 50
                    """, arguments: [event]
            ).map {
                DoorVisits.Held(
                    minute: $0["minute"], name: $0["name"], phone: $0["phone"], address: $0["address"],
                    why: DoorHold(rawValue: $0["held"]) ?? .pace)
            }
            return DoorVisits(
                bySlot: bySlot, byAddress: byAddress, held: heldFor.values.reduce(0, +), heldFor: heldFor,
                heldRows: heldRows)
        }
    }

    /// Counts an answer into the day's live survey batch (a voided one makes way for a new batch):
    /// the batch's id, or nil when this phone has answered in it already.
    func answerSurvey(
        _ db: Database, door: DoorRecord, day: CalendarDate, phone: String, answer: Int, surveyID: Int64?
    ) throws -> Int64? {
        guard let id = door.id, (1...5).contains(answer) else { return nil }
        var batch = try surveyID.flatMap { try SurveyRecord.fetchOne(db, key: $0) }
        if batch?.voidedAt != nil { batch = nil }
        if let sid = batch?.id,
            try Bool.fetchOne(
                db,
                sql: """
                    SELECT 1 FROM door_answer WHERE door_id = ? AND day = ? AND phone = ? AND survey_id = ?
                    AND voided_at IS NULL
                    """,
                arguments: [id, day.description, phone, sid]) == true
        {
            return nil
        }
        let satisfied: Int64 = Door.satisfied(answer) ? 1 : 0
        let sid: Int64
        if var s = batch, let known = s.id {
            s.responses += 1
            s.satisfied += satisfied
            try ledger.update(db, s)
            sid = known
        } else {
            var s = SurveyRecord(
                eventId: door.eventId, date: day, responses: 1, satisfied: satisfied,
                createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
            sid = try ledger.insert(db, &s)
            try db.execute(
                sql: "UPDATE door_day SET survey_id = ? WHERE door_id = ? AND day = ?",
                arguments: [sid, id, day.description])
        }
        try db.execute(
            sql: "INSERT INTO door_answer (door_id, day, phone, satisfaction, at, survey_id) VALUES (?, ?, ?, ?, ?, ?)",
            arguments: [id, day.description, phone, answer, ledger.context.timestamp, sid])
        return sid
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
