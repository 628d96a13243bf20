import Foundation

/// Parsers for the plain values staff type: counts, hours, percentages, decimal figures.
public enum Parse {
    /// A non-negative whole number: `1200`, `1,200`, `1.2万`.
    public static func count(_ input: String, field: Field) throws -> Int64 {
        let s = TypedText.halfWidth(input)
        if s.hasPrefix("-") {
            throw KepuError(.negative(field: field, value: input, form: .count))
        }
        var body = s
        var wan = false
        if body.hasSuffix("万") {
            body.removeLast()
            wan = true
        }
        guard let plain = Money.stripGrouping(body), let (whole, frac) = splitDecimal(plain) else {
            throw KepuError(.invalid(field: field, value: input, form: .count))
        }
        guard whole.utf8.count <= 12, let w = Int64(whole) else {
            throw KepuError(.tooLarge(field: field, value: input, form: .count))
        }
        if !wan {
            guard frac.utf8.allSatisfy({ $0 == 0x30 }) else {
                throw KepuError(.invalid(field: field, value: input, form: .wholeNumber))
            }
            return w
        }
        let significant = frac.reversed().drop(while: { $0 == "0" }).count
        let f = String(frac.prefix(4))
        guard significant <= 4, let fv = Int64(f + String(repeating: "0", count: 4 - f.count)) else {
            throw KepuError(.invalid(field: field, value: input, form: .wholeNumber))
        }
        // The same ceiling as for the digits written out: 12 digits (found by Fuzz/run count).
        let n = w * 10_000 + fv
        guard n <= maxCount else { throw KepuError(.tooLarge(field: field, value: input, form: .count)) }
        return n
    }

    /// The largest count kepu takes: 12 digits, far beyond any attendance, yet safe to sum.
    public static let maxCount: Int64 = 999_999_999_999

    /// A positive whole number (copies of a print run, survey responses of a batch).
    public static func positiveCount(_ input: String, field: Field) throws -> Int64 {
        let n = try count(input, field: field)
        guard n > 0 else {
            throw KepuError(.atLeastOne(field: field, value: input))
        }
        return n
    }

    /// Hours served, kept exactly in hundredths: `9.5` → 950.
    public static func hours(_ input: String, field: Field) throws -> Int64 {
        let s = TypedText.halfWidth(input)
        let body = s.hasSuffix("小时") ? String(s.dropLast(2)) : (s.hasSuffix("h") ? String(s.dropLast()) : s)
        if body.hasPrefix("-") {
            throw KepuError(.negative(field: field, value: input, form: .hours))
        }
        guard let v = Fixed.parse(body, maxPlaces: 2), v.raw <= 24 * 366 * Fixed.scale else {
            throw KepuError(.invalid(field: field, value: input, form: .hours))
        }
        return v.raw / 100
    }

    /// A percentage: `98%`, `98.5%` (the sign may be left off, the value is read as percent).
    public static func percent(_ input: String, field: Field) throws -> Fixed {
        var s = TypedText.halfWidth(input)
        if s.hasSuffix("%") || s.hasSuffix("％") { s.removeLast() }
        guard let v = Fixed.parse(s), v <= Fixed(100) else {
            throw KepuError(.invalid(field: field, value: input, form: .percent))
        }
        return v
    }

    /// A measured figure: a plain decimal or a percentage (`10.3%` or `10.3`).
    public static func figure(_ input: String, field: Field) throws -> Fixed {
        var s = TypedText.halfWidth(input)
        if s.hasSuffix("%") || s.hasSuffix("％") { s.removeLast() }
        guard let v = Fixed.parse(s) else {
            throw KepuError(.invalid(field: field, value: input, form: .figure))
        }
        return v
    }

    /// A non-empty text after trimming.
    public static func text(_ input: String, field: Field) throws -> String {
        let s = TypedText.clean(input).trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { throw KepuError(.empty(field: field)) }
        return s
    }
}

/// Masks a phone number for reports: `13800000001` → `138****0001`.
public func maskPhone(_ phone: String) -> String {
    let chars = Array(phone)
    guard chars.count >= 7 else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
}

/// Masks every mainland mobile number in free text (a command line, an audit row): `13800000001` → `138****0001`.
public func maskPhones(in text: String) -> String {
    var out = ""
    var digits = ""
    func flush(next: Character?) {
        let isMobile = digits.count == 11 && digits.hasPrefix("1") && next.map { !$0.isASCIIDigit } ?? true
        out += isMobile ? maskPhone(digits) : digits
        digits = ""
    }
    for c in text {
        if c.isASCIIDigit {
            digits.append(c)
        } else {
            if !digits.isEmpty { flush(next: c) }
            out.append(c)
        }
    }
    if !digits.isEmpty { flush(next: nil) }
    return out
}
