import Foundation

/// Parsers for the plain values staff type: counts, hours, percentages, decimal figures.
public enum Parse {
    /// A non-negative whole number: `1200`, `1,200`, `1.2万`.
    public static func count(_ input: String, field: String) throws -> Int64 {
        let s = input.trimmingCharacters(in: .whitespaces)
        let accepted = "write a whole number such as 1200, 1,200 or 1.2万"
        if s.hasPrefix("-") {
            throw KepuError("\(field) \(quoted(input)) is negative: counts are 0 or more", kind: .usage)
        }
        var body = s
        var wan = false
        if body.hasSuffix("万") { body.removeLast(); wan = true }
        guard let plain = Money.stripGrouping(body), let (whole, frac) = splitDecimal(plain),
              whole.count <= 12
        else { throw KepuError.invalid(field, input, isNot: "a count", accepted: accepted) }
        if !wan {
            guard frac.isEmpty || frac.allSatisfy({ $0 == "0" }) else {
                throw KepuError.invalid(field, input, isNot: "a whole number", accepted: accepted)
            }
            return Int64(whole)!
        }
        let significant = frac.reversed().drop(while: { $0 == "0" }).count
        guard significant <= 4 else {
            throw KepuError.invalid(field, input, isNot: "a whole number", accepted: accepted)
        }
        let f = String(frac.prefix(4))
        return Int64(whole)! * 10_000 + Int64(f + String(repeating: "0", count: 4 - f.count))!
    }

    /// A positive whole number (copies of a print run, survey responses of a batch).
    public static func positiveCount(_ input: String, field: String) throws -> Int64 {
        let n = try count(input, field: field)
        guard n > 0 else {
            throw KepuError("\(field) \(quoted(input)) must be at least 1", kind: .usage)
        }
        return n
    }

    /// Hours served, kept exactly in hundredths: `9.5` → 950.
    public static func hours(_ input: String, field: String) throws -> Int64 {
        let s = input.trimmingCharacters(in: .whitespaces)
        let body = s.hasSuffix("小时") ? String(s.dropLast(2)) : (s.hasSuffix("h") ? String(s.dropLast()) : s)
        if body.hasPrefix("-") {
            throw KepuError("\(field) \(quoted(input)) is negative: hours are 0 or more", kind: .usage)
        }
        guard let v = Fixed.parse(body, maxPlaces: 2), v.raw <= 24 * 366 * Fixed.scale else {
            throw KepuError.invalid(field, input, isNot: "a number of hours",
                                    accepted: "write 3, 9.5 or 2.25 (at most two decimals)")
        }
        return v.raw / 100
    }

    /// A percentage: `98%`, `98.5%` (the sign may be left off, the value is read as percent).
    public static func percent(_ input: String, field: String) throws -> Fixed {
        var s = input.trimmingCharacters(in: .whitespaces)
        if s.hasSuffix("%") || s.hasSuffix("％") { s.removeLast() }
        guard let v = Fixed.parse(s), v <= Fixed(100) else {
            throw KepuError.invalid(field, input, isNot: "a percentage", accepted: "write 98% or 98.5%")
        }
        return v
    }

    /// A measured figure: a plain decimal or a percentage (`10.3%` or `10.3`).
    public static func figure(_ input: String, field: String) throws -> Fixed {
        var s = input.trimmingCharacters(in: .whitespaces)
        if s.hasSuffix("%") || s.hasSuffix("％") { s.removeLast() }
        guard let v = Fixed.parse(s) else {
            throw KepuError.invalid(field, input, isNot: "a number",
                                    accepted: "write 10.3 or 10.3% (at most four decimals)")
        }
        return v
    }

    /// A non-empty text after trimming.
    public static func text(_ input: String, field: String) throws -> String {
        let s = input.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !s.isEmpty else { throw KepuError("\(field) is empty: give some text", kind: .usage) }
        return s
    }
}

/// Masks a phone number for reports: `13800000001` → `138****0001`.
public func maskPhone(_ phone: String) -> String {
    let chars = Array(phone)
    guard chars.count >= 7 else { return String(repeating: "*", count: chars.count) }
    return String(chars.prefix(3)) + "****" + String(chars.suffix(4))
}
