import Foundation

/// A day in the proleptic Gregorian calendar, with no time or zone: what a ledger date means.
public struct CalendarDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or nil when it is not a real calendar date.
    public init?(year: Int, month: Int, day: Int) {
        guard (1...9999).contains(year), (1...12).contains(month),
            (1...CalendarDate.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
    }

    public static func < (a: CalendarDate, b: CalendarDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `2023-09-16`
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// `2023年9月16日`
    public var chinese: String { "\(year)年\(month)月\(day)日" }

    /// Days since 1970-01-01 (civil-from-days algorithm), for differences between dates.
    public var dayNumber: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(dayNumber z0: Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        let y = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.year = y
        self.month = m
        self.day = d
    }

    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Parses `2023-09-16`, `2023-9-16`, `2023/9/16` (as Excel writes it), `2023.9.16`, `20230916`,
    /// `2023年9月16日`, `2023年09月16号`, in full-width digits too.
    public static func parse(_ input: String, field: Field = .date) throws -> CalendarDate {
        let typed = TypedText.halfWidth(input)
        // Excel and sign-in tools often append a time; the date is the first word.
        let s = typed.contains("年") ? typed : String(typed.split(separator: " ").first ?? "")
        var parts: [Substring]
        if s.contains("年") {
            guard s.hasSuffix("日") || s.hasSuffix("号") else { throw invalid(input, field) }
            parts = s.dropLast().split(omittingEmptySubsequences: false) { $0 == "年" || $0 == "月" }
        } else if s.utf8.count == 8, isASCIIDigits(s) {
            // 20230916
            let u = Array(s)
            parts = [Substring(String(u[0..<4])), Substring(String(u[4..<6])), Substring(String(u[6..<8]))]
        } else if let sep = ["/", ".", "-"].first(where: { s.contains($0) }) {
            parts = s.split(separator: Character(sep), omittingEmptySubsequences: false)
        } else {
            throw invalid(input, field)
        }
        // Excel and sign-in tools often append a time; the date is the first word.
        if parts.count == 3, let space = parts[2].firstIndex(of: " ") {
            parts[2] = parts[2][..<space]
        }
        guard parts.count == 3, parts[0].count == 4, (1...2).contains(parts[1].count),
            (1...2).contains(parts[2].count), parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
            let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { throw invalid(input, field) }
        guard let date = CalendarDate(year: y, month: m, day: d) else {
            throw KepuError(.notRealDate(field: field, value: input))
        }
        return date
    }

    static func invalid(_ input: String, _ field: Field) -> KepuError {
        KepuError(.invalid(field: field, value: input, form: .date))
    }

    /// The first instant of this day in a time zone.
    public func start(in timeZone: TimeZone = .current) -> Date {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        return cal.date(from: DateComponents(year: year, month: month, day: day)) ?? Date(timeIntervalSince1970: 0)
    }

    /// Today in the local time zone of `now`.
    public static func today(_ now: Date = Date(), timeZone: TimeZone = .current) -> CalendarDate {
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = timeZone
        let c = cal.dateComponents([.year, .month, .day], from: now)
        return CalendarDate(year: c.year!, month: c.month!, day: c.day!)!
    }
}

/// An inclusive span of days, such as a plan's period.
public struct DateRange: Hashable, Sendable, CustomStringConvertible {
    public var start: CalendarDate
    public var end: CalendarDate

    public init(start: CalendarDate, end: CalendarDate) {
        self.start = start
        self.end = end
    }

    public func contains(_ d: CalendarDate) -> Bool { start <= d && d <= end }
    public var days: Int { end.dayNumber - start.dayNumber + 1 }
    public var description: String { "\(start)–\(end)" }

    /// The whole calendar year.
    public static func year(_ y: Int) -> DateRange {
        DateRange(start: CalendarDate(year: y, month: 1, day: 1)!, end: CalendarDate(year: y, month: 12, day: 31)!)
    }

    /// Month ordinal from the start, counting the start's month as 1 (December of a calendar year is 12).
    public func monthOrdinal(of d: CalendarDate) -> Int {
        (d.year - start.year) * 12 + d.month - start.month + 1
    }
}
