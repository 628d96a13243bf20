import KepuReport

/// Markup that escapes by construction: in an `HTML` literal, an interpolated `String` (anything a
/// person typed or the database holds) is escaped; only another `HTML` value goes in as markup.
///
///     let row: HTML = "<td>\(event.title)</td>"         // the title escaped
///     let page: HTML = "<main>\(row)</main>"            // markup kept
///     let trusted = HTML(trusted: renderer.fragment(r)) // the one way in for markup text (`Web.html`)
///
/// Every value that is not `HTML` (a date, a number, a code) goes in as its escaped text, so a page
/// can't splice text in as markup by accident.
struct HTML: Sendable, Equatable, ExpressibleByStringInterpolation, CustomStringConvertible {
    private(set) var markup: String

    init() { markup = "" }

    /// Markup produced by a renderer that escapes what it is given (`HTMLRenderer`), or a constant.
    init(trusted markup: String) { self.markup = markup }

    init(stringLiteral value: String) { markup = value }

    init(stringInterpolation: StringInterpolation) { markup = stringInterpolation.markup }

    var description: String { markup }
    var isEmpty: Bool { markup.isEmpty }

    static func + (a: HTML, b: HTML) -> HTML {
        var out = a
        out += b
        return out
    }
    static func += (a: inout HTML, b: HTML) { a.markup += b.markup }

    struct StringInterpolation: StringInterpolationProtocol {
        var markup = ""
        init(literalCapacity: Int, interpolationCount: Int) { markup.reserveCapacity(literalCapacity * 2) }

        /// The literal's own text: the page's markup, written by us.
        mutating func appendLiteral(_ literal: String) { markup += literal }
        /// Text: escaped.
        mutating func appendInterpolation(_ text: String) { markup += HTML.escape(text) }
        mutating func appendInterpolation(_ text: Substring) { markup += HTML.escape(String(text)) }
        /// Markup: as it is.
        mutating func appendInterpolation(_ html: HTML) { markup += html.markup }
        /// A list of fragments, one after the other.
        mutating func appendInterpolation(_ list: [HTML]) { for h in list { markup += h.markup } }
        mutating func appendInterpolation<N: BinaryInteger>(_ number: N) { markup += String(number) }
        /// Any other value (a date, a code): its text, escaped.
        mutating func appendInterpolation<T: CustomStringConvertible>(_ value: T) {
            markup += HTML.escape(value.description)
        }
    }

    /// A sentence as markup: escaped, with each date in it (`2023-09-16`) kept on one line
    /// (`<span class="date">`), so a notice never breaks a date at its hyphen.
    static func sentence(_ s: String) -> HTML {
        // A plain scan for `dddd-dd-dd` (a Swift regex would be compiled again for every notice).
        var out = HTML()
        let chars = Array(s)
        func isDigit(_ i: Int) -> Bool { i < chars.count && chars[i].isASCII && chars[i].isNumber }
        func isDate(at i: Int) -> Bool {
            (0..<4).allSatisfy { isDigit(i + $0) } && i + 4 < chars.count && chars[i + 4] == "-" && isDigit(i + 5)
                && isDigit(i + 6) && i + 7 < chars.count && chars[i + 7] == "-" && isDigit(i + 8) && isDigit(i + 9)
        }
        var start = 0
        var i = 0
        while i < chars.count {
            if isDate(at: i) {
                out += "\(String(chars[start..<i]))<span class=\"date\">\(String(chars[i..<i + 10]))</span>"
                i += 10
                start = i
            } else {
                i += 1
            }
        }
        return out + "\(String(chars[start...]))"
    }

    /// Text as markup for content and attributes alike: `Markup.escape`, the reports' escaper.
    static func escape(_ s: String) -> String { Markup.escape(s) }
}

extension Array where Element == HTML {
    func joined(separator: HTML = "") -> HTML {
        var out = HTML()
        for (i, h) in enumerated() {
            if i > 0 { out += separator }
            out += h
        }
        return out
    }
}
