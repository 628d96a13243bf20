import Foundation

/// How an actual is compared with its target.
public enum Comparison: String, Sendable, CaseIterable, Hashable {
    case atLeast = ">="
    case atMost = "<="
    case equal = "="

    public var symbol: String {
        switch self {
        case .atLeast: "≥"
        case .atMost: "≤"
        case .equal: "="
        }
    }

    public static func parse(_ s: String) -> Comparison? {
        switch s.trimmingCharacters(in: .whitespaces) {
        case ">=", "≥", "＞＝": .atLeast
        case "<=", "≤", "＜＝": .atMost
        case "=", "==", "＝": .equal
        default: nil
        }
    }
}

/// A target as people write it (`2万人次`, `3万元`, `98%`, `12个月`, `增加`, `无`), normalized.
public struct Target: Hashable, Sendable {
    public enum Kind: Hashable, Sendable {
        /// A figure in a normalized unit: money in 元, counts in units, `万` multiplied out.
        case numeric(value: Fixed, unit: String)
        /// `增加`: more than the previous year.
        case growth
        /// `无`: not applicable.
        case none
        /// A date with `≤`: `2022年底之前`, `2023年12月31日前`, `12月底前`, `≤2022-12-31`.
        case date(CalendarDate)
        /// Words, not a figure: `及时`, `达成预期指标`, `有所提高`. Scored by hand.
        case qualitative
    }

    public var text: String
    public var kind: Kind
    /// A comparison written into the text itself (`≥98%`, `10%以上`), if any.
    public var impliedComparison: Comparison?

    public var value: Fixed? {
        if case .numeric(let v, _) = kind { return v }
        return nil
    }
    public var unit: String? {
        if case .numeric(_, let u) = kind { return u }
        return nil
    }
    public var date: CalendarDate? {
        if case .date(let d) = kind { return d }
        return nil
    }
    public var isQualitative: Bool { kind == .qualitative }

    /// A date target, or nil: `2022年底之前`, `2022年12月31日前`, `2022年12月底前`, `12月底前` (in `year`),
    /// `≤2022-12-31`, with an optional trailing 完成.
    static func dateTarget(_ text: String, year: Int?) -> CalendarDate? {
        var t = text
        if t.hasSuffix("完成") { t.removeLast(2) }
        for prefix in ["≤", "<=", "不晚于"] where t.hasPrefix(prefix) {
            return try? CalendarDate.parse(String(t.dropFirst(prefix.count)))
        }
        guard t.hasSuffix("前") else { return nil }
        t.removeLast()
        if t.hasSuffix("之") { t.removeLast() }
        if t.hasSuffix("年底") || t.hasSuffix("年年底") {
            let y = t.hasSuffix("年年底") ? t.dropLast(3) : t.dropLast(2)
            return Int(y).flatMap { CalendarDate(year: $0, month: 12, day: 31) }
        }
        if t.hasSuffix("日") || t.hasSuffix("号") { return try? CalendarDate.parse(t) }
        if t.hasSuffix("月底") {
            let body = t.dropLast(2)
            let parts = body.split(separator: "年", omittingEmptySubsequences: false)
            let (y, m): (Int?, Int?) =
                parts.count == 2
                ? (Int(parts[0]), Int(parts[1])) : parts.count == 1 ? (year, Int(parts[0])) : (nil, nil)
            guard let y, let m, (1...12).contains(m), (1...9999).contains(y) else { return nil }
            return CalendarDate(year: y, month: m, day: CalendarDate.daysIn(month: m, year: y))
        }
        return nil
    }

    /// Units a target may carry, after normalization. Counting units, money, time and rates.
    public static let knownUnits: [String] = [
        "人次", "次", "场", "个", "人", "名", "篇", "份", "项", "期", "所", "支", "家", "条", "册", "本",
        "元", "%", "个月", "天", "小时", "元/人次", "元/人",
    ]

    /// Parses a target text; the error says what forms are accepted.
    /// Parses a target text; `year` is the plan's, for dates written without one (`12月底前`).
    public static func parse(_ input: String, field: Field = .target, year: Int? = nil) throws -> Target {
        var s = TypedText.halfWidth(input)
        if ["无", "none", "n/a", "不适用"].contains(s.lowercased()) {
            return Target(text: input, kind: .none, impliedComparison: nil)
        }
        if s.hasSuffix("增加") || s.hasSuffix("增长") || s.lowercased() == "increase" {
            return Target(text: input, kind: .growth, impliedComparison: nil)
        }
        if let d = dateTarget(s, year: year) {
            return Target(text: input, kind: .date(d), impliedComparison: .atMost)
        }
        var implied: Comparison?
        for (prefix, op) in [
            ("≥", Comparison.atLeast), (">=", .atLeast), ("不低于", .atLeast), ("≤", .atMost),
            ("<=", .atMost), ("不超过", .atMost), ("不高于", .atMost), ("=", .equal),
        ]
        where s.hasPrefix(prefix) {
            implied = op
            s = String(s.dropFirst(prefix.count)).trimmingCharacters(in: .whitespaces)
            break
        }
        for (suffix, op) in [("以上", Comparison.atLeast), ("以下", .atMost), ("以内", .atMost)] where s.hasSuffix(suffix) {
            implied = op
            s = String(s.dropLast(suffix.count))
            break
        }
        let numberEnd = s.firstIndex(where: { !($0.isASCIIDigit || $0 == "." || $0 == ",") }) ?? s.endIndex
        let number = String(s[..<numberEnd])
        // Words rather than a figure: a qualitative target, scored by hand.
        if number.isEmpty && !s.isEmpty && !s.unicodeScalars.contains(where: { $0.properties.numericType != nil }) {
            return Target(text: input, kind: .qualitative, impliedComparison: nil)
        }
        var unit = String(s[numberEnd...]).trimmingCharacters(in: .whitespaces)
        guard let plain = Money.stripGrouping(number), var value = Fixed.parse(plain) else {
            throw KepuError(.invalid(field: field, value: input, form: .target))
        }
        // 万 and 亿 scale the figure; one too large for that is refused, not trapped (亿 was found by
        // Fuzz/run target: `20250924亿` overflowed).
        if let scale: Int64 = unit.hasPrefix("万") ? 10_000 : unit.hasPrefix("亿") ? 100_000_000 : nil {
            unit.removeFirst()
            let (scaled, overflow) = value.raw.multipliedReportingOverflow(by: scale)
            guard !overflow else { throw KepuError(.invalid(field: field, value: input, form: .target)) }
            value = Fixed(raw: scaled)
        }
        switch unit {
        case "％": unit = "%"
        case "月": unit = "个月"
        case "元/人": unit = "元/人次"
        default: break
        }
        guard !unit.isEmpty else {
            throw KepuError(.targetWithoutUnit(field: field, value: input))
        }
        guard knownUnits.contains(unit) else {
            throw KepuError(.targetUnknownUnit(field: field, value: input, unit: unit, known: knownUnits))
        }
        return Target(text: input, kind: .numeric(value: value, unit: unit), impliedComparison: implied)
    }
}
