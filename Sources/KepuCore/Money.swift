import Foundation

/// An amount of money in integer fen (分). Never a floating-point number.
public struct Money: Hashable, Comparable, Sendable, CustomStringConvertible {
    public var fen: Int64

    public init(fen: Int64) { self.fen = fen }
    public init(yuan: Int64) { self.fen = yuan * 100 }

    public static let zero = Money(fen: 0)
    public static func < (a: Money, b: Money) -> Bool { a.fen < b.fen }
    // Amounts are bounded at parse time (a trillion 元), so sums of a ledger cannot overflow.
    public static func + (a: Money, b: Money) -> Money { Money(fen: a.fen + b.fen) }
    public static func - (a: Money, b: Money) -> Money { Money(fen: a.fen - b.fen) }
    public static func += (a: inout Money, b: Money) { a.fen += b.fen }
    public static func * (a: Money, n: Int64) -> Money { Money(fen: a.fen * n) }

    /// The amount in 元 as an exact decimal.
    public var yuan: Fixed { Fixed(raw: fen * 100) }

    /// The largest amount accepted: a trillion 元 leaves room for sums without overflow.
    public static let maxFen: Int64 = 100_000_000_000_000

    /// Parses `2500`, `2500元`, `2,500.00`, `¥2500`, `1.25万`, `1.25万元`, `0.5元`, `2千`, `RMB 1250`,
    /// `人民币1250元`, full-width digits, and capital numerals (`壹仟贰佰伍拾元整`).
    ///
    /// Rejects negatives, empties, more precision than a fen, and anything else, with a message
    /// that names `field` and the accepted forms.
    public static func parse(_ input: String, field: Field = .amount) throws -> Money {
        let fail = KepuError(.invalid(field: field, value: input, form: .amount))
        let typed = TypedText.halfWidth(input)
        var s = Substring(typed)
        if s.hasPrefix("-") || s.hasPrefix("−") {
            throw KepuError(.negative(field: field, value: input, form: .amount))
        }
        // Capital numerals as on an invoice: 壹仟贰佰伍拾元整.
        if let fen = TypedText.capitalAmount(typed) {
            guard fen <= maxFen else { throw KepuError(.tooLarge(field: field, value: input, form: .amount)) }
            return Money(fen: fen)
        }
        for prefix in ["RMB", "rmb", "CNY", "人民币", "¥", "￥"] where s.hasPrefix(prefix) {
            s = s.dropFirst(prefix.count)
            break
        }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        if s.hasSuffix("元整") { s = s.dropLast() }
        // Fen per unit of the written figure: 100 for 元, 100,000 for 千, 1,000,000 for 万.
        var places = 2
        if s.hasSuffix("万元") {
            s = s.dropLast(2)
            places = 6
        } else if s.hasSuffix("万") {
            s = s.dropLast()
            places = 6
        } else if s.hasSuffix("千元") {
            s = s.dropLast(2)
            places = 5
        } else if s.hasSuffix("千") {
            s = s.dropLast()
            places = 5
        } else if s.hasSuffix("元") {
            s = s.dropLast()
        }
        s = Substring(s.trimmingCharacters(in: .whitespaces))
        guard let digits = stripGrouping(String(s)), let (whole, frac) = splitDecimal(digits) else {
            throw fail
        }
        let significant = frac.reversed().drop(while: { $0 == "0" }).count
        guard significant <= places else {
            throw KepuError(.tooPrecise(field: field, value: input))
        }
        let tooLarge = KepuError(.tooLarge(field: field, value: input, form: .amount))
        guard whole.utf8.count <= 15 else { throw tooLarge }
        let fracDigits = String(frac.prefix(places))
        let padded = fracDigits + String(repeating: "0", count: places - fracDigits.count)
        let unit = Fixed.pow10(places)
        guard let wholeValue = Int64(whole), let fracValue = Int64(padded) else { throw fail }
        let (w, overflow) = wholeValue.multipliedReportingOverflow(by: unit)
        let (fen, overflow2) = w.addingReportingOverflow(fracValue)
        guard !overflow, !overflow2, fen <= maxFen else { throw tooLarge }
        return Money(fen: fen)
    }

    /// Removes thousands separators when they group digits by three: `2,500.00` → `2500.00`.
    static func stripGrouping(_ s: String) -> String? {
        guard s.contains(",") || s.contains("，") else { return s }
        let normalized = s.replacingOccurrences(of: "，", with: ",")
        let wholePart = normalized.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let groups = wholePart[0].split(separator: ",", omittingEmptySubsequences: false)
        guard let first = groups.first, (1...3).contains(first.count),
            groups.dropFirst().allSatisfy({ $0.count == 3 })
        else { return nil }
        return normalized.replacingOccurrences(of: ",", with: "")
    }

    /// `25000.00` — 元 with two decimals, no grouping (machine-friendly, used in CSV).
    public var plain: String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        let cents = a % 100
        return "\(sign)\(a / 100).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `25,000.00` — 元 with two decimals and thousands grouping.
    public var grouped: String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        var whole = String(a / 100)
        var out = ""
        while whole.count > 3 {
            out = "," + whole.suffix(3) + out
            whole.removeLast(3)
        }
        let cents = a % 100
        return "\(sign)\(whole)\(out).\(cents < 10 ? "0" : "")\(cents)"
    }

    /// `2.5` — the amount in 万元 as people write budgets (up to six decimals, trailing zeros trimmed).
    public var wan: String {
        let sign = fen < 0 ? "-" : ""
        let a = fen.magnitude
        var frac = String(a % 1_000_000)
        frac = String(repeating: "0", count: 6 - frac.count) + frac
        while frac.hasSuffix("0") { frac.removeLast() }
        return "\(sign)\(a / 1_000_000)" + (frac.isEmpty ? "" : ".\(frac)")
    }

    public var description: String { grouped + "元" }
}
