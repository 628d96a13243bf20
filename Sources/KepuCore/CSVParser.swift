import Foundation

/// A streaming RFC 4180 CSV parser over UTF-8 bytes: fed chunk by chunk, it emits each record with
/// the physical line it starts on, so that memory stays flat however long the file is.
///
/// Quoted fields may hold commas, doubled quotes and line breaks; CRLF and LF both end records;
/// blank lines are skipped. Text that is not UTF-8 is an error naming the line, never replaced.
public struct CSVParser {
    private var field: [UInt8] = []
    private var fields: [String] = []
    private var inQuotes = false
    private var quoteInQuotes = false
    private var afterCR = false
    private var line = 1
    private var recordLine = 1
    private var fieldStarted = false

    public init() {}

    /// A record: its fields and the line it starts on.
    public typealias Emit = (_ fields: [String], _ line: Int) throws -> Void

    public mutating func feed(_ bytes: [UInt8], emit: Emit) throws {
        try bytes.withUnsafeBufferPointer { try feed($0, emit: emit) }
    }

    public mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, emit: Emit) throws {
        var i = 0
        let n = bytes.count
        while i < n {
            // Copy a run of ordinary bytes at once: most of a file is field text.
            if !inQuotes && !afterCR && !quoteInQuotes {
                var j = i
                while j < n {
                    let c = bytes[j]
                    if c == 0x2C || c == 0x0D || c == 0x0A || c == 0x22 { break }
                    j += 1
                }
                if j > i {
                    field.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<j]))
                    fieldStarted = true
                    i = j
                    if i == n { break }
                }
            }
            let b = bytes[i]
            i += 1
            if afterCR {
                afterCR = false
                if b == 0x0A { continue }
            }
            if inQuotes {
                if quoteInQuotes {
                    quoteInQuotes = false
                    if b == 0x22 {  // "" inside quotes
                        field.append(b)
                        continue
                    }
                    inQuotes = false
                    // Fall through: the byte after a closing quote is handled unquoted.
                } else if b == 0x22 {
                    quoteInQuotes = true
                    continue
                } else {
                    if b == 0x0A { line += 1 }
                    field.append(b)
                    continue
                }
            }
            switch b {
            case 0x22 where field.isEmpty && !fieldStarted:
                inQuotes = true
                fieldStarted = true
            case 0x2C:
                try endField()
            case 0x0D, 0x0A:
                try endRecord(emit)
                line += 1
                recordLine = line
                afterCR = b == 0x0D
            default:
                field.append(b)
                fieldStarted = true
            }
        }
    }

    /// Flushes the last record; an unclosed quote is an error naming its line.
    public mutating func finish(emit: Emit) throws {
        if inQuotes && !quoteInQuotes {
            throw KepuError(.csvUnclosedQuote(line: recordLine))
        }
        inQuotes = false
        quoteInQuotes = false
        try endRecord(emit)
    }

    private mutating func endField() throws {
        guard CSVParser.isValidUTF8(field) else {
            throw KepuError(.csvNotUTF8(line: recordLine))
        }
        fields.append(String(decoding: field, as: UTF8.self))
        field.removeAll(keepingCapacity: true)
        fieldStarted = false
    }

    private mutating func endRecord(_ emit: Emit) throws {
        try endField()
        defer { fields.removeAll(keepingCapacity: true) }
        if fields.count == 1 && fields[0].isEmpty { return }
        try emit(fields, recordLine)
    }
}

extension CSVParser {
    /// Strict UTF-8 validation (no overlongs, no surrogates, nothing above U+10FFFF), written out
    /// because the standard library's generic validator costs a metadata lookup per field.
    static func isValidUTF8(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { p in
            var i = 0
            let n = p.count
            while i < n {
                let b0 = p[i]
                if b0 < 0x80 {
                    i += 1
                    continue
                }
                let need: Int
                var lo: UInt8 = 0x80
                var hi: UInt8 = 0xBF
                switch b0 {
                case 0xC2...0xDF: need = 1
                case 0xE0:
                    need = 2
                    lo = 0xA0
                case 0xE1...0xEC, 0xEE...0xEF: need = 2
                case 0xED:
                    need = 2
                    hi = 0x9F
                case 0xF0:
                    need = 3
                    lo = 0x90
                case 0xF1...0xF3: need = 3
                case 0xF4:
                    need = 3
                    hi = 0x8F
                default: return false
                }
                guard i + need < n else { return false }
                let b1 = p[i + 1]
                guard b1 >= lo && b1 <= hi else { return false }
                var k = 2
                while k <= need {
                    guard p[i + k] >= 0x80 && p[i + k] <= 0xBF else { return false }
                    k += 1
                }
                i += need + 1
            }
            return true
        }
    }
}

/// Finds columns by header, in Chinese or English, in any order.
public struct CSVColumns: Sendable {
    public struct Spec: Sendable {
        public var key: String
        public var aliases: [String]
        public var required: Bool
        public init(_ key: String, _ aliases: [String], required: Bool = false) {
            self.key = key
            self.aliases = aliases
            self.required = required
        }
    }

    public var index: [String: Int]
    /// The header row as read.
    public var header: [String]
    /// Header cells no column uses: reported, never silently dropped.
    public var ignored: [String]
    public var width: Int

    /// A header cell as compared with the aliases: trimmed, without a BOM, lowercased.
    static func norm(_ s: String) -> String {
        trim(s).replacingOccurrences(of: "\u{FEFF}", with: "").lowercased()
    }

    /// How many of the specs' columns a row names: the required ones, and all.
    public static func matches(_ row: [String], specs: [Spec]) -> (required: Int, any: Int) {
        let cells = Set(row.map(norm))
        var required = 0
        var any = 0
        for spec in specs where spec.aliases.contains(where: { cells.contains(norm($0)) }) {
            any += 1
            if spec.required { required += 1 }
        }
        return (required, any)
    }

    public init(header: [String], specs: [Spec], file: String) throws {
        let norm = CSVColumns.norm
        self.header = header
        let cells = header.map(norm)
        index = [:]
        var used = Set<Int>()
        for spec in specs {
            if let i = cells.firstIndex(where: { c in spec.aliases.contains { norm($0) == c } }) {
                index[spec.key] = i
                used.insert(i)
            } else if spec.required {
                throw KepuError(
                    .missingColumn(
                        file: file, column: spec.aliases.first ?? spec.key, header: header, aliases: spec.aliases))
            }
        }
        ignored = header.enumerated().filter { !used.contains($0.offset) && !norm($0.element).isEmpty }.map(\.element)
        width = header.count
    }

    /// The trimmed cell of a column, nil when the column is absent or the cell blank.
    public func value(_ key: String, in row: [String]) -> String? {
        guard let i = index[key], i < row.count else { return nil }
        let v = CSVColumns.trim(row[i])
        return v.isEmpty ? nil : v
    }

    /// The value of a column found by `column(_:)`: trimmed, nil when absent or blank.
    public func value(at column: Int?, in row: [String]) -> String? {
        guard let i = column, i < row.count else { return nil }
        let v = CSVColumns.trim(row[i])
        return v.isEmpty ? nil : v
    }

    public func column(_ key: String) -> Int? { index[key] }

    /// A column's header as the file has it (`手机号码`, `Phone`): what a refusal of one of its cells
    /// names, in the clerk's own words. The key when the file has no such column.
    public func named(_ key: String) -> Field { .named(named(at: index[key]) ?? key) }

    /// The header of the column at `column`, as the file has it.
    public func named(at column: Int?) -> String? {
        guard let i = column, i < header.count else { return nil }
        let name = CSVColumns.trim(header[i])
        return name.isEmpty ? nil : name
    }

    /// Trims spaces, tabs and the ideographic space (U+3000) without Foundation: this runs per cell.
    public static func trim(_ s: String) -> String {
        let s = TypedText.clean(s)
        // Fast path on the bytes: nothing to trim unless the text starts or ends with a space-like byte.
        let utf8 = s.utf8
        guard let f = utf8.first, let l = utf8.last else { return s }
        func spaceLike(_ b: UInt8) -> Bool { b == 0x20 || b == 0x09 || b == 0x80 || b == 0xA0 }
        if !spaceLike(f) && !spaceLike(l) && f != 0xE3 && f != 0xC2 { return s }
        let scalars = s.unicodeScalars
        func blank(_ u: Unicode.Scalar) -> Bool { u == " " || u == "\t" || u == "\u{3000}" || u == "\u{00A0}" }
        guard let first = scalars.first, let last = scalars.last, blank(first) || blank(last) else { return s }
        var start = scalars.startIndex
        var end = scalars.endIndex
        while start < end, blank(scalars[start]) { start = scalars.index(after: start) }
        while end > start, blank(scalars[scalars.index(before: end)]) { end = scalars.index(before: end) }
        return String(scalars[start..<end])
    }
}
