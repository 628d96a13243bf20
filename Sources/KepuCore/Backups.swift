import Foundation

/// This kepu's release, as `kepu --version` and the web's footer say it.
public enum KepuRelease {
    public static let version = "0.3.0"
}

/// Which backups a rotation keeps: the newest of each of the last 7 days, of the last 4 weeks and of
/// the last 12 months (a copy may serve several), and always the newest of all.
public enum BackupRetention {
    public static let days = 7
    public static let weeks = 4
    public static let months = 12

    /// The indices of `dates` to keep, on `calendar` (the office's local time).
    public static func keep(_ dates: [Date], now: Date, calendar: Calendar = .current) -> Set<Int> {
        var keep = Set<Int>()
        guard !dates.isEmpty else { return keep }
        let newestFirst = dates.indices.sorted { dates[$0] > dates[$1] }
        keep.insert(newestFirst[0])
        func newestPer(_ period: (Date) -> DateComponents, within limit: Int, _ unit: Calendar.Component) {
            guard let since = calendar.date(byAdding: unit, value: -limit, to: now) else { return }
            var seen = Set<DateComponents>()
            for i in newestFirst where dates[i] > since {
                if seen.insert(period(dates[i])).inserted { keep.insert(i) }
            }
        }
        newestPer({ calendar.dateComponents([.year, .month, .day], from: $0) }, within: days, .day)
        newestPer({ calendar.dateComponents([.yearForWeekOfYear, .weekOfYear], from: $0) }, within: weeks, .weekOfYear)
        newestPer({ calendar.dateComponents([.year, .month], from: $0) }, within: months, .month)
        return keep
    }

    /// `kepu-20261207-153000.tar`: a rotation's name for a backup made at `date`.
    public static func name(_ date: Date, calendar: Calendar = .current) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(
            format: "kepu-%04d%02d%02d-%02d%02d%02d.tar", c.year ?? 0, c.month ?? 0, c.day ?? 0, c.hour ?? 0,
            c.minute ?? 0,
            c.second ?? 0)
    }

    /// The moment a rotation's file name says, or nil for any other file.
    public static func date(ofName name: String, calendar: Calendar = .current) -> Date? {
        guard name.hasPrefix("kepu-"), name.hasSuffix(".tar"), name.count == "kepu-20261207-153000.tar".count else {
            return nil
        }
        let digits = name.dropFirst(5).dropLast(4).filter { $0 != "-" }
        guard digits.count == 14, digits.allSatisfy(\.isASCIIDigit) else { return nil }
        let n = Array(digits).map { Int(String($0))! }
        func num(_ r: Range<Int>) -> Int { r.reduce(0) { $0 * 10 + n[$1] } }
        return calendar.date(
            from: DateComponents(
                year: num(0..<4), month: num(4..<6), day: num(6..<8), hour: num(8..<10), minute: num(10..<12),
                second: num(12..<14)))
    }
}
