import Foundation

/// 扫码签到: an event's public sign-in link, open for a window of local time.
///
/// Times are local minutes written `2023-09-16T08:30`, which sort as text; the window is half open,
/// from its opening minute up to (not including) its closing one.
public enum Door {
    /// The window a door gets unless told otherwise: the event's days, 07:00 to 22:00.
    public static func defaultWindow(start: CalendarDate, end: CalendarDate) -> (from: String, until: String) {
        ("\(start)T07:00", "\(end)T22:00")
    }

    /// `2023-09-16T08:30`, `2023-09-16 08:30` or `2023-09-16 8:30` as `2023-09-16T08:30`; a date alone
    /// is its first minute (for `--from`) or its last (`endOfDay`, for `--until`).
    public static func parseTime(_ input: String, field: Field, endOfDay: Bool = false) throws -> String {
        let s = TypedText.halfWidth(input).trimmingCharacters(in: .whitespaces)
        let fail = KepuError(.notADateTime(field: field, value: input))
        let parts = s.split(whereSeparator: { $0 == "T" || $0 == " " }).map(String.init)
        guard (1...2).contains(parts.count), let date = try? CalendarDate.parse(parts[0], field: field) else {
            throw fail
        }
        guard parts.count == 2 else { return endOfDay ? "\(date)T23:59" : "\(date)T00:00" }
        let hm = parts[1].split(separator: ":")
        guard hm.count == 2, let h = Int(hm[0]), let m = Int(hm[1]), (0...23).contains(h), (0...59).contains(m),
            hm[1].count == 2
        else { throw fail }
        return "\(date)T" + (h < 10 ? "0\(h)" : "\(h)") + ":" + hm[1]
    }

    /// A local minute or a slot as `parseTime` writes it, or nil.
    public static func parseTimeOrNil(_ input: String) -> String? { try? parseTime(input, field: .named("")) }

    /// A local minute `minutes` later (`2023-09-16T23:55` + 10 → `2023-09-17T00:05`).
    public static func adding(minutes: Int, to minute: String) -> String {
        guard let day = try? CalendarDate.parse(String(minute.prefix(10))), minute.count >= 16,
            let h = Int(minute.dropFirst(11).prefix(2)), let m = Int(minute.suffix(2))
        else { return minute }
        let total = h * 60 + m + minutes
        let d = day.adding(days: total / 1440)
        let rest = total % 1440
        return "\(d)T" + String(format: "%02d:%02d", rest / 60, rest % 60)
    }

    /// `2023-09-16 07:00`: a local minute as people read it.
    public static func display(_ minute: String) -> String { minute.replacingOccurrences(of: "T", with: " ") }

    /// The local minute of a moment on a day: the door's clock. The day is the ledger's today (which
    /// `KEPU_TODAY` sets), the time of day the clock's.
    public static func localMinute(day: CalendarDate, at moment: Date, timeZone: TimeZone = .current) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        let c = calendar.dateComponents([.hour, .minute], from: moment)
        let h = c.hour ?? 0
        let m = c.minute ?? 0
        return "\(day)T" + (h < 10 ? "0\(h)" : "\(h)") + ":" + (m < 10 ? "0\(m)" : "\(m)")
    }

    public enum State: Sendable, Hashable {
        case notYet, open, ended
    }

    /// Where `now` falls against a window, a door closed early having ended.
    public static func state(now: String, from: String, until: String, closed: Bool) -> State {
        if closed || now >= until { return .ended }
        return now < from ? .notYet : .open
    }

    /// A mainland mobile number, 11 digits from 13 to 19 (spaces, dashes and +86 allowed, full-width
    /// digits too): the door's sign-in key, one counted sign-in a day.
    public static func mobile(_ input: String) throws -> String {
        let fail = KepuError(.notAMobile(value: input))
        guard let phone = try? NewVolunteer.phone(input, field: .phone), phone.count == 11, phone.first == "1" else {
            throw fail
        }
        return phone
    }

    /// An address without its trailing slashes.
    public static func base(_ url: String) -> String {
        var b = url
        while b.hasSuffix("/") { b.removeLast() }
        return b
    }

    /// `BASE/d/TOKEN`, the base without a trailing slash (`http://127.0.0.1:8080` when none is given).
    public static func url(base: String?, _ token: String) -> String {
        var b = base ?? "http://127.0.0.1:8080"
        while b.hasSuffix("/") { b.removeLast() }
        return b + "/d/" + token
    }

    /// What a satisfaction answer counts as: 4 and 5 are satisfied.
    public static func satisfied(_ answer: Int) -> Bool { answer >= 4 }

    /// A live door's code changes every `codePeriod` seconds; one from the last `codeLife` is accepted,
    /// so a link copied off the screen and sent away stops working within minutes.
    public static let codePeriod = 30
    public static let codeLife = 120
    /// A sign-in is held for review when its address has signed in this many times within the last
    /// minute: faster than a person a second, sustained.
    public static let pacePerMinute = 60
    /// …or this many within the last hour: a steady script below a person a second.
    public static let pacePerHour = 300

    /// The ten-minute slot of a local minute, `2023-09-16 10:37` → `2023-09-16 10:30`.
    public static func slot(_ minute: String) -> String {
        let m = display(minute)
        guard m.count >= 15 else { return m }
        return String(m.prefix(15)) + "0"
    }
}

/// Why a sign-in at a door was held for the clerk's review rather than counted.
public enum DoorHold: String, Sendable, Hashable, CaseIterable {
    /// Past the door's 预计人数.
    case crowd
    /// Its address signed in faster than a person a second for a minute, or more than 300 times in an hour.
    case pace
}

/// A door's sign-ins as the clerk reviews them: by ten-minute slot and by client address, the ones
/// held, and the ones voided in a batch.
public struct DoorVisits: Sendable, Hashable {
    public struct Tally: Sendable, Hashable {
        /// A slot (`2023-09-16 10:30`) or an address.
        public var key: String
        public var counted: Int64
        public var held: Int64
        public var voided: Int64
        public init(key: String, counted: Int64, held: Int64, voided: Int64) {
            self.key = key
            self.counted = counted
            self.held = held
            self.voided = voided
        }
    }
    /// A sign-in held for review, as the clerk looks at it before accepting.
    public struct Held: Sendable, Hashable {
        /// Local, `2023-09-16 10:03`.
        public var minute: String
        public var name: String
        public var phone: String
        public var address: String
        public var why: DoorHold
        public init(minute: String, name: String, phone: String, address: String, why: DoorHold) {
            self.minute = minute
            self.name = name
            self.phone = phone
            self.address = address
            self.why = why
        }
    }
    public var bySlot: [Tally]
    /// The busiest addresses first, at most 10.
    public var byAddress: [Tally]
    public var held: Int64
    public var heldFor: [DoorHold: Int64]
    /// The first 50 held, oldest first.
    public var heldRows: [Held]
    public init(bySlot: [Tally], byAddress: [Tally], held: Int64, heldFor: [DoorHold: Int64], heldRows: [Held] = []) {
        self.bySlot = bySlot
        self.byAddress = byAddress
        self.held = held
        self.heldFor = heldFor
        self.heldRows = heldRows
    }
}

/// What a batch void at a door did: the counted sign-ins taken out of the 人次, the held ones set
/// aside, and the answers that came with them.
public struct DoorBatchVoid: Sendable, Hashable {
    public var counted: Int64
    public var held: Int64
    public var answers: Int64
    /// The event's title, for the sentence.
    public var eventTitle: String
    public init(counted: Int64, held: Int64, answers: Int64, eventTitle: String = "") {
        self.counted = counted
        self.held = held
        self.answers = answers
        self.eventTitle = eventTitle
    }
}

/// A door as the front ends show it.
public struct DoorInfo: Sendable, Hashable {
    public var id: Int64
    public var event: Int64
    public var eventTitle: String
    public var venue: String?
    public var start: CalendarDate
    public var end: CalendarDate
    public var unit: String
    /// Local minutes, `2023-09-16T07:00`.
    public var from: String
    public var until: String
    public var survey: Bool
    public var volunteers: Int64?
    public var closed: Bool
    /// A live door: the code on the screen at the venue, changing every 30 seconds, is needed to sign in.
    public var live: Bool
    /// 预计人数: sign-ins past it are held for the clerk's review, not counted.
    public var expected: Int64?

    public init(
        id: Int64, event: Int64, eventTitle: String, venue: String?, start: CalendarDate, end: CalendarDate,
        unit: String, from: String, until: String, survey: Bool, volunteers: Int64?, closed: Bool, live: Bool = false,
        expected: Int64? = nil
    ) {
        self.live = live
        self.expected = expected
        self.id = id
        self.event = event
        self.eventTitle = eventTitle
        self.venue = venue
        self.start = start
        self.end = end
        self.unit = unit
        self.from = from
        self.until = until
        self.survey = survey
        self.volunteers = volunteers
        self.closed = closed
    }

    public func state(now: String) -> Door.State { Door.state(now: now, from: from, until: until, closed: closed) }
}
