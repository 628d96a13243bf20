/// An exact decimal with four places (value × 10⁴ in an `Int64`): percentages, hours, ratios, scores.
///
/// Arithmetic that could lose precision goes through `ratio(_:_:places:rule:)`, which rounds once,
/// by a named rule.
public struct Fixed: Hashable, Comparable, Sendable, CustomStringConvertible {
    public static let scale: Int64 = 10_000
    public var raw: Int64

    public init(raw: Int64) { self.raw = raw }
    public init(_ integer: Int) { self.raw = Int64(integer) * Fixed.scale }
    public init(_ integer: Int64) { self.raw = integer * Fixed.scale }

    public static let zero = Fixed(raw: 0)

    public static func < (a: Fixed, b: Fixed) -> Bool { a.raw < b.raw }
    public static func + (a: Fixed, b: Fixed) -> Fixed { Fixed(raw: a.raw + b.raw) }
    public static func - (a: Fixed, b: Fixed) -> Fixed { Fixed(raw: a.raw - b.raw) }
    public static func += (a: inout Fixed, b: Fixed) { a.raw += b.raw }
    public static prefix func - (a: Fixed) -> Fixed { Fixed(raw: -a.raw) }

    /// How a quotient is cut to the kept number of places.
    public enum Rounding: String, Sendable, CaseIterable {
        case halfUp = "half-up"
        case truncate
    }

    /// `numerator ÷ denominator` rounded to `places` decimals (at most 4); nil when dividing by zero.
    public static func ratio(
        _ numerator: Int64, _ denominator: Int64, places: Int = 4,
        rule: Rounding = .halfUp
    ) -> Fixed? {
        guard denominator != 0 else { return nil }
        precondition((0...4).contains(places))
        let keep = pow10(places)
        let n = Int128(numerator) * Int128(keep)
        let d = Int128(denominator)
        let q = divide(n, d, rule: rule)
        return Fixed(raw: Int64(q) * (scale / keep))
    }

    /// `self × numerator ÷ denominator`, rounded to `places` decimals.
    public func scaled(
        by numerator: Int64, _ denominator: Int64, places: Int = 4,
        rule: Rounding = .halfUp
    ) -> Fixed? {
        guard denominator != 0 else { return nil }
        let keep = Fixed.pow10(places)
        // raw/scale × n/d, kept to `places`: raw × n × keep / (scale × d)
        let n = Int128(raw) * Int128(numerator) * Int128(keep)
        let d = Int128(Fixed.scale) * Int128(denominator)
        let q = Fixed.divide(n, d, rule: rule)
        return Fixed(raw: Int64(q) * (Fixed.scale / keep))
    }

    /// `self × other`, rounded to `places` decimals.
    public func times(_ other: Fixed, places: Int = 4, rule: Rounding = .halfUp) -> Fixed {
        scaled(by: other.raw, Fixed.scale, places: places, rule: rule)!
    }

    /// `self ÷ other`, rounded to `places` decimals; nil when `other` is zero.
    public func divided(by other: Fixed, places: Int = 4, rule: Rounding = .halfUp) -> Fixed? {
        scaled(by: Fixed.scale, other.raw, places: places, rule: rule)
    }

    public func rounded(places: Int, rule: Rounding = .halfUp) -> Fixed {
        scaled(by: 1, 1, places: places, rule: rule)!
    }

    static func pow10(_ n: Int) -> Int64 {
        var v: Int64 = 1
        for _ in 0..<n { v *= 10 }
        return v
    }

    static func divide(_ n: Int128, _ d: Int128, rule: Rounding) -> Int128 {
        let negative = (n < 0) != (d < 0)
        let an = n < 0 ? -n : n
        let ad = d < 0 ? -d : d
        var q = an / ad
        let r = an % ad
        if rule == .halfUp && r * 2 >= ad { q += 1 }
        return negative ? -q : q
    }

    /// The integer part when the value is whole.
    public var wholeValue: Int64? { raw % Fixed.scale == 0 ? raw / Fixed.scale : nil }

    /// Plain decimal text without trailing zeros: `12`, `97.5`, `0.0833`.
    public var description: String { format(minPlaces: 0) }

    /// Decimal text with at least `minPlaces` decimals (trailing zeros beyond it trimmed).
    public func format(minPlaces: Int, maxPlaces: Int = 4) -> String {
        let v = maxPlaces < 4 ? rounded(places: maxPlaces) : self
        let negative = v.raw < 0
        let a = negative ? -v.raw : v.raw
        let whole = a / Fixed.scale
        var frac = String(a % Fixed.scale)
        frac = String(repeating: "0", count: 4 - frac.count) + frac
        while frac.count > minPlaces, frac.hasSuffix("0") { frac.removeLast() }
        let body = frac.isEmpty ? "\(whole)" : "\(whole).\(frac)"
        return negative ? "-" + body : body
    }

    /// Parses a plain non-negative decimal such as `9.5` or `10.3` with at most `maxPlaces` decimals.
    public static func parse(_ text: String, maxPlaces: Int = 4) -> Fixed? {
        guard let (whole, frac) = splitDecimal(text), frac.count <= maxPlaces else { return nil }
        guard whole.utf8.count <= 12, let w = Int64(whole),
            let f = Int64(frac + String(repeating: "0", count: 4 - frac.count))
        else { return nil }
        return Fixed(raw: w * scale + f)
    }
}

/// Splits `12.50` into ("12", "50"); nil unless it is ASCII digits with at most one point.
func splitDecimal(_ text: String) -> (String, String)? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2 else { return nil }
    let whole = String(parts[0])
    let frac = parts.count == 2 ? String(parts[1]) : ""
    // Digits are checked on bytes: a Character such as "0" + a combining mark is not a digit.
    guard !whole.isEmpty, isASCIIDigits(whole) else { return nil }
    guard parts.count == 1 || (!frac.isEmpty && isASCIIDigits(frac)) else { return nil }
    return (whole, frac)
}

/// True when every byte is an ASCII digit (and there is at least one).
func isASCIIDigits<S: StringProtocol>(_ s: S) -> Bool {
    !s.utf8.isEmpty && s.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 }
}

extension Character {
    /// One Unicode scalar that is an ASCII digit: "0" followed by a combining mark is not one.
    var isASCIIDigit: Bool {
        unicodeScalars.count == 1 && unicodeScalars.first!.value >= 0x30 && unicodeScalars.first!.value <= 0x39
    }
}
