import Foundation
import KepuCore

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// An Excel workbook (.xlsx) read as the office saves it: its sheets by name, each row's cells as the
/// text a clerk sees, with the sheet's own row numbers.
///
/// The package is read by `ZipReader` (zlib inflating, every offset checked) and each part by
/// Foundation's `XMLParser`, libxml2's SAX parser, pulling the inflated bytes a buffer at a time:
/// a part is never inflated to a file or a whole buffer, so a million-row sheet passes through flat
/// memory. Only the shared strings (one entry per distinct text, in one byte buffer) and the styles
/// are kept.
///
/// A workbook may come from anyone, so it is read within bounds (`Limits`), each refused in one
/// sentence naming it: a part's inflated size at most 100 times its compressed size (above 1 MiB)
/// and at most 512 MiB, the whole workbook at most 1 GiB inflated, a cell at most Excel's 32,767
/// characters, at most 1,048,576 rows and 16,384 columns, and no more shared strings than the sheet
/// has cells, plus 1,000.
///
/// What a cell becomes:
/// - shared, inline and formula strings: their text;
/// - numbers: as Excel shows them in General format, to 15 significant digits, so a phone saved as
///   a number reads `13800000001` and 1234.5599999999999 reads `1234.56`;
/// - numbers in a date or time format (Excel serial days, 1900 or 1904 based): `2023-09-16`,
///   `2023-09-16 09:30` or `09:30`;
/// - booleans `TRUE`/`FALSE`, errors as written (`#N/A`).
public final class XlsxWorkbook {
    public struct Sheet: Sendable, Hashable {
        public var name: String
        var part: String
    }

    public let displayName: String
    public let sheets: [Sheet]
    private let archive: ZipReader
    private let date1904: Bool
    private var sharedStrings: SharedStrings?
    private var styleKinds: [XlsxNumberKind]?
    /// The text one pass may produce (`Limits.textBytes`; smaller in tests).
    var textBytes = Limits.textBytes

    /// The bounds a workbook is read within.
    public enum Limits {
        /// A part may inflate to this many times its compressed size (parts above `ratioFloor`).
        public static let ratio: UInt64 = 100
        public static let ratioFloor: UInt64 = 1 << 20
        public static let partBytes: UInt64 = 512 << 20
        public static let workbookBytes: UInt64 = 1 << 30
        public static let cellCharacters = 32_767
        public static let rows = 1_048_576
        public static let columns = 16_384
        /// Shared strings beyond the sheet's cells.
        public static let extraSharedStrings = 1_000
        /// Shared strings loaded before the sheet's cells are counted to bound them.
        static let sharedStringsUncounted = 65_536
        /// The text one pass over a sheet may produce, in UTF-8 bytes (a cell counts at least one), and
        /// one row of it. A cell's shared string is copied into each cell that points at it, so a small
        /// sheet whose cells all name one long string would otherwise grow without bound; a real sign-in
        /// sheet of a million rows in Chinese comes to about 50 MiB, a row to a few hundred bytes.
        public static let textBytes = 256 << 20
        public static let rowBytes = 8 << 20
    }

    public convenience init(path: String, displayName: String) throws {
        let archive: ZipReader
        do {
            archive = try ZipReader(path: path)
        } catch {
            throw KepuError(.xlsxBroken(file: displayName, part: ""))
        }
        try self.init(archive: archive, displayName: displayName)
    }

    private init(archive: ZipReader, displayName: String) throws {
        self.archive = archive
        self.displayName = displayName
        var total: UInt64 = 0
        for entry in archive.entries.values {
            total += min(entry.uncompressedSize, Limits.workbookBytes + 1)
            guard total <= Limits.workbookBytes else {
                throw KepuError(.xlsxOverLimit(file: displayName, limit: .workbookSize(gib: 1)))
            }
        }
        let workbookXML = try Self.small(archive, "xl/workbook.xml", file: displayName)
        let rels = try Self.small(archive, "xl/_rels/workbook.xml.rels", file: displayName)
        let book = WorkbookPart()
        try Self.parse(workbookXML, book, file: displayName, part: "xl/workbook.xml")
        let targets = RelationshipsPart()
        try Self.parse(rels, targets, file: displayName, part: "xl/_rels/workbook.xml.rels")
        date1904 = book.date1904
        sheets = book.sheets.compactMap { name, rid in
            guard let target = targets.targets[rid] else { return nil }
            return Sheet(name: name, part: Self.resolve(target))
        }
        guard !sheets.isEmpty else { throw KepuError(.xlsxBroken(file: displayName, part: "xl/workbook.xml")) }
    }

    /// The sheet named `name`, else the first.
    public func sheet(_ name: String?) throws -> Sheet {
        guard let name else { return sheets[0] }
        if let s = sheets.first(where: { $0.name == name }) { return s }
        let trimmed = CSVColumns.trim(name)
        if let s = sheets.first(where: { CSVColumns.trim($0.name) == trimmed }) { return s }
        throw KepuError(.sheetNotFound(file: displayName, sheet: name, sheets: sheets.map(\.name)))
    }

    /// Streams the rows of a sheet: each row's cells (missing cells as "", trailing blanks dropped) and
    /// its row number as Excel shows it. Rows with no cell are not reported.
    public func forEachRow(of sheet: Sheet, _ body: ([String], Int) throws -> Void) throws {
        let strings = try loadSharedStrings(for: sheet)
        let kinds = try loadStyles()
        // The parser calls back synchronously, so `body` does not outlive this call.
        try withoutActuallyEscaping(body) { body in
            let handler = SheetPart(
                strings: strings, kinds: kinds, date1904: date1904, sheet: sheet.name, part: sheet.part,
                file: displayName, budget: TextBudget(textBytes), body: body)
            try stream(sheet.part, handler)
            if let e = handler.failure { throw e }
        }
    }

    /// The entry of a part, refused when it would inflate past the bounds.
    private func entry(_ part: String) throws -> ZipReader.Entry {
        guard let entry = archive.entries[part] else { throw KepuError(.xlsxBroken(file: displayName, part: part)) }
        guard entry.uncompressedSize <= Limits.partBytes else {
            throw KepuError(.xlsxOverLimit(file: displayName, limit: .partSize(part: part, mib: 512)))
        }
        if entry.uncompressedSize > Limits.ratioFloor,
            entry.uncompressedSize / max(entry.compressedSize, 1) >= Limits.ratio
        {
            throw KepuError(.xlsxOverLimit(file: displayName, limit: .ratio(part: part, ratio: Int(Limits.ratio))))
        }
        return entry
    }

    /// Streams a part through the SAX parser, inflated a buffer at a time as the parser pulls it.
    private func stream(_ part: String, _ delegate: some StoppableDelegate) throws {
        let input: InflatingInputStream
        do {
            input = InflatingInputStream(try ZipReader.EntryStream(archive, try entry(part)))
        } catch let e as KepuError {
            throw e
        } catch {
            throw KepuError(.xlsxBroken(file: displayName, part: part))
        }
        delegate.stop = { input.stopped = true }
        let parser = XMLParser(stream: input)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        let ok = parser.parse()
        parser.delegate = nil
        delegate.stop = nil
        if let failure = delegate.failure { throw failure }
        guard ok, input.failure == nil else { throw KepuError(.xlsxBroken(file: displayName, part: part)) }
    }

    /// The shared strings, at most the sheet's cells plus 1,000: a part of a few megabytes could
    /// otherwise hold tens of millions of tiny strings. The cells are counted (a pass over the sheet)
    /// only when the strings are many.
    private func loadSharedStrings(for sheet: Sheet) throws -> SharedStrings {
        if let sharedStrings { return sharedStrings }
        var strings = SharedStrings()
        if archive.entries["xl/sharedStrings.xml"] != nil {
            var part = SharedStringsPart(file: displayName, limit: Limits.sharedStringsUncounted)
            do {
                try stream("xl/sharedStrings.xml", part)
            } catch  where part.overLimit {
                let counter = CellCounter()
                try stream(sheet.part, counter)
                let limit = counter.cells + Limits.extraSharedStrings
                part = SharedStringsPart(file: displayName, limit: limit)
                try stream("xl/sharedStrings.xml", part)
            }
            strings = part.strings
        }
        sharedStrings = strings
        return strings
    }

    private func loadStyles() throws -> [XlsxNumberKind] {
        if let styleKinds { return styleKinds }
        var kinds: [XlsxNumberKind] = []
        if archive.entries["xl/styles.xml"] != nil {
            let data = try Self.small(archive, "xl/styles.xml", file: displayName)
            let part = StylesPart()
            try Self.parse(data, part, file: displayName, part: "xl/styles.xml")
            kinds = part.cellFormats.map { id in XlsxNumberKind(formatID: id, custom: part.customFormats[id]) }
        }
        styleKinds = kinds
        return kinds
    }

    /// A small part (workbook, relationships, shared strings, styles) read into memory, at most 256 MiB.
    static func small(_ archive: ZipReader, _ path: String, file: String) throws -> Data {
        guard let entry = archive.entries[path] else { throw KepuError(.xlsxBroken(file: file, part: path)) }
        guard entry.uncompressedSize <= 64 << 20 else {
            throw KepuError(.xlsxOverLimit(file: file, limit: .partSize(part: path, mib: 64)))
        }
        var data = Data()
        do {
            try archive.read(entry) { data.append($0) }
        } catch {
            throw KepuError(.xlsxBroken(file: file, part: path))
        }
        return data
    }

    static func parse(_ data: Data, _ delegate: some XMLParserDelegate, file: String, part: String) throws {
        guard UTF8Check.valid(data) else { throw KepuError(.xlsxBroken(file: file, part: part)) }
        let parser = XMLParser(data: data)
        parser.delegate = delegate
        parser.shouldResolveExternalEntities = false
        guard parser.parse() else { throw KepuError(.xlsxBroken(file: file, part: part)) }
    }

    /// A relationship target, relative to xl/ unless it starts with a slash.
    static func resolve(_ target: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = ["xl"]
        for p in target.split(separator: "/") {
            if p == ".." {
                if !parts.isEmpty { parts.removeLast() }
            } else if p != "." {
                parts.append(String(p))
            }
        }
        return parts.joined(separator: "/")
    }
}

/// The local part of an element or attribute name: writers differ in namespace prefixes.
@inline(__always) func local(_ name: String) -> Substring {
    guard let colon = name.lastIndex(of: ":") else { return name[...] }
    return name[name.index(after: colon)...]
}

private final class WorkbookPart: NSObject, XMLParserDelegate {
    var sheets: [(String, String)] = []
    var date1904 = false
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(name) {
        case "sheet":
            guard let sheetName = attributes["name"],
                let rid = attributes.first(where: { local($0.key) == "id" && $0.key.contains(":") })?.value
            else { return }
            sheets.append((sheetName, rid))
        case "workbookPr":
            let v = attributes["date1904"] ?? ""
            date1904 = v == "1" || v.lowercased() == "true"
        default: break
        }
    }
}

private final class RelationshipsPart: NSObject, XMLParserDelegate {
    var targets: [String: String] = [:]
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard local(name) == "Relationship", let id = attributes["Id"], let target = attributes["Target"] else {
            return
        }
        targets[id] = target
    }
}

/// A SAX delegate that can fail, and stop the stream feeding it.
protocol StoppableDelegate: XMLParserDelegate, AnyObject {
    /// Set while parsing: ends the input, so that nothing more is inflated.
    var stop: (() -> Void)? { get set }
    var failure: Error? { get }
}

/// An entry's inflated bytes as the `InputStream` XMLParser pulls from, a buffer at a time.
final class InflatingInputStream: InputStream {
    private let source: ZipReader.EntryStream
    /// Set when the parser's delegate has failed: the stream ends, so nothing more is inflated.
    var stopped = false
    private(set) var failure: Error?
    private var utf8 = UTF8Check()

    init(_ source: ZipReader.EntryStream) {
        self.source = source
        super.init(data: Data())
    }

    override func read(_ buffer: UnsafeMutablePointer<UInt8>, maxLength len: Int) -> Int {
        guard !stopped, failure == nil else { return 0 }
        do {
            let n = try source.read(into: UnsafeMutableBufferPointer(start: buffer, count: len))
            // Foundation's XMLParser traps on a name that is not UTF-8 (it force-unwraps the
            // string), and libxml2 in recovery mode passes such bytes on: a part must be UTF-8.
            guard utf8.feed(UnsafeBufferPointer(start: buffer, count: n), last: n == 0) else {
                failure = ZipReader.Failure.corrupt("not UTF-8")
                return 0
            }
            return n
        } catch {
            // The end of the stream, not -1: XMLParser would then ask the base class for its
            // `streamError`, which it can't give. The reader checks `failure` after the parse.
            failure = error
            return 0
        }
    }

    override var streamError: Error? { nil }

    override var hasBytesAvailable: Bool { !stopped && failure == nil }
}

/// Checks that bytes arriving in chunks are well-formed UTF-8 (no overlong forms, surrogates or
/// values past U+10FFFF), a sequence split between chunks included.
struct UTF8Check {
    /// Continuation bytes still expected, and the range the next one must fall in.
    private var pending = 0
    private var low: UInt8 = 0x80
    private var high: UInt8 = 0xBF

    /// False at the first byte that breaks UTF-8, or at the end (`last`) inside a sequence.
    mutating func feed(_ bytes: UnsafeBufferPointer<UInt8>, last: Bool = false) -> Bool {
        for b in bytes {
            if pending > 0 {
                guard b >= low && b <= high else { return false }
                pending -= 1
                low = 0x80
                high = 0xBF
                continue
            }
            switch b {
            case 0x00...0x7F: continue
            case 0xC2...0xDF: pending = 1
            case 0xE0:
                pending = 2
                low = 0xA0
            case 0xE1...0xEC, 0xEE, 0xEF: pending = 2
            case 0xED:
                pending = 2
                high = 0x9F
            case 0xF0:
                pending = 3
                low = 0x90
            case 0xF1...0xF3: pending = 3
            case 0xF4:
                pending = 3
                high = 0x8F
            default: return false
            }
        }
        return !last || pending == 0
    }

    static func valid(_ data: Data) -> Bool {
        var check = UTF8Check()
        return data.withUnsafeBytes { check.feed($0.bindMemory(to: UInt8.self), last: true) }
    }
}

/// The shared strings, in one byte buffer with their ends: a few bytes each beyond their text.
struct SharedStrings: Sendable {
    private var bytes: [UInt8] = []
    private var ends: [UInt32] = []
    var count: Int { ends.count }

    mutating func append(_ s: String) {
        bytes.append(contentsOf: s.utf8)
        ends.append(UInt32(truncatingIfNeeded: bytes.count))
    }

    subscript(i: Int) -> String? {
        guard i >= 0, i < ends.count else { return nil }
        let start = i == 0 ? 0 : Int(ends[i - 1])
        return String(decoding: bytes[start..<Int(ends[i])], as: UTF8.self)
    }
}

private final class SharedStringsPart: NSObject, StoppableDelegate {
    var strings = SharedStrings()
    var stop: (() -> Void)?
    var failure: Error?
    private(set) var overLimit = false
    let file: String
    let limit: Int
    private var current = ""
    private var length = 0
    private var inText = false
    private var phonetic = 0

    init(file: String, limit: Int) {
        self.file = file
        self.limit = limit
    }

    private func fail(_ parser: XMLParser, _ limit: XlsxLimit) {
        guard failure == nil else { return }
        failure = KepuError(.xlsxOverLimit(file: file, limit: limit))
        stop?()
        parser.abortParsing()
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(name) {
        case "si":
            current = ""
            length = 0
        case "rPh": phonetic += 1
        case "t": inText = phonetic == 0
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard inText, failure == nil else { return }
        length += string.utf16.count
        // Escapes (_x000D_) take 7 characters for one: the cell's limit is checked with room for them.
        guard length <= XlsxWorkbook.Limits.cellCharacters * 7 else {
            fail(
                parser,
                .cellLength(sheet: "sharedStrings", row: strings.count + 1, limit: XlsxWorkbook.Limits.cellCharacters))
            return
        }
        current += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch local(name) {
        case "si":
            guard strings.count < limit else {
                overLimit = limit == XlsxWorkbook.Limits.sharedStringsUncounted
                fail(parser, .sharedStrings(limit: limit))
                return
            }
            strings.append(XlsxCell.unescape(current))
        case "rPh": phonetic -= 1
        case "t": inText = false
        default: break
        }
    }
}

/// Counts a sheet's cells, to bound its shared strings.
private final class CellCounter: NSObject, StoppableDelegate {
    var cells = 0
    var stop: (() -> Void)?
    var failure: Error?

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        if local(name) == "c" { cells += 1 }
    }
}

private final class StylesPart: NSObject, XMLParserDelegate {
    var customFormats: [Int: String] = [:]
    var cellFormats: [Int] = []
    private var inCellXfs = false

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        switch local(name) {
        case "numFmt":
            if let id = attributes["numFmtId"].flatMap({ Int($0) }), let code = attributes["formatCode"] {
                customFormats[id] = code
            }
        case "cellXfs": inCellXfs = true
        case "xf" where inCellXfs: cellFormats.append(attributes["numFmtId"].flatMap { Int($0) } ?? 0)
        default: break
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        if local(name) == "cellXfs" { inCellXfs = false }
    }
}

/// What a number format makes of a number: a date, a time, both, or a plain number.
enum XlsxNumberKind: Sendable, Hashable {
    case number, date, dateTime, time

    init(formatID id: Int, custom: String?) {
        if let custom {
            self = Self.classify(custom)
            return
        }
        switch id {
        case 14...17, 27...31, 34...36, 50...58: self = .date
        case 22: self = .dateTime
        case 18...21, 32, 33, 45...47: self = .time
        default: self = .number
        }
    }

    /// A custom format code's kind, from its letters outside quotes, brackets and escapes.
    static func classify(_ code: String) -> XlsxNumberKind {
        if code.lowercased() == "general" || code == "@" { return .number }
        var hasDate = false
        var hasTime = false
        var inQuote = false
        var inBracket = false
        var escape = false
        // Only the first section (before `;`) decides.
        for ch in code.unicodeScalars {
            if escape {
                escape = false
                continue
            }
            if inQuote {
                if ch == "\"" { inQuote = false }
                continue
            }
            if inBracket {
                if ch == "]" { inBracket = false }
                continue
            }
            switch ch {
            case "\\", "_", "*": escape = true
            case "\"": inQuote = true
            case "[": inBracket = true
            case ";": return hasDate ? (hasTime ? .dateTime : .date) : (hasTime ? .time : .number)
            case "y", "Y", "d", "D": hasDate = true
            case "h", "H", "s", "S": hasTime = true
            default: break
            }
        }
        // A lone m (月 or 分) means a date unless hours or seconds are around it.
        if !hasDate && !hasTime && code.contains(where: { $0 == "m" || $0 == "M" }) && !code.contains("0") {
            hasDate = true
        }
        return hasDate ? (hasTime ? .dateTime : .date) : (hasTime ? .time : .number)
    }
}

/// The bytes of text one pass over a sheet may still produce.
final class TextBudget {
    let limit: Int
    private(set) var left: Int
    init(_ limit: Int) {
        self.limit = limit
        left = limit
    }
    /// Takes `n`; false once the budget is spent.
    func take(_ n: Int) -> Bool {
        left -= n
        return left >= 0
    }
}

/// A worksheet's rows, streamed.
private final class SheetPart: NSObject, StoppableDelegate {
    let strings: SharedStrings
    let kinds: [XlsxNumberKind]
    let date1904: Bool
    let sheet: String
    let part: String
    let file: String
    let budget: TextBudget
    let body: ([String], Int) throws -> Void
    var failure: Error?
    var stop: (() -> Void)?
    private var length = 0

    private var row: [String] = []
    private var rowNumber = 0
    /// The bytes of text the row under way has produced.
    private var rowBytes = 0
    /// Inside a `<row>`: a row opened within another is no worksheet (a damaged part the parser
    /// recovered from once reported a row twice).
    private var inRow = false
    private var column = 0
    private var cellType = ""
    private var cellStyle = 0
    private var text = ""
    private var collecting = false
    private var inInline = false
    private var phonetic = 0
    private var hasValue = false

    init(
        strings: SharedStrings, kinds: [XlsxNumberKind], date1904: Bool, sheet: String, part: String, file: String,
        budget: TextBudget, body: @escaping ([String], Int) throws -> Void
    ) {
        self.budget = budget
        self.strings = strings
        self.kinds = kinds
        self.date1904 = date1904
        self.sheet = sheet
        self.part = part
        self.file = file
        self.body = body
    }

    private func fail(_ parser: XMLParser, _ error: Error) {
        guard failure == nil else { return }
        failure = error
        stop?()
        parser.abortParsing()
    }

    private func fail(_ parser: XMLParser, _ limit: XlsxLimit) {
        fail(parser, KepuError(.xlsxOverLimit(file: file, limit: limit)))
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String]
    ) {
        guard failure == nil else { return }
        switch local(name) {
        case "row":
            let number = attributes["r"].flatMap { Int($0) } ?? rowNumber + 1
            // Rows come once each, numbered from 1 upwards, as Excel writes them.
            guard !inRow, number > rowNumber else {
                fail(parser, KepuError(.xlsxBroken(file: file, part: part)))
                return
            }
            inRow = true
            rowNumber = number
            rowBytes = 0
            row.removeAll(keepingCapacity: true)
            column = 0
            if rowNumber > XlsxWorkbook.Limits.rows {
                fail(parser, .rows(sheet: sheet, limit: XlsxWorkbook.Limits.rows))
            }
        case "c":
            if let r = attributes["r"], let c = XlsxCell.column(of: r) { column = c }
            if column >= XlsxWorkbook.Limits.columns {
                fail(parser, .columns(sheet: sheet, row: rowNumber, limit: XlsxWorkbook.Limits.columns))
            }
            cellType = attributes["t"] ?? "n"
            cellStyle = attributes["s"].flatMap { Int($0) } ?? 0
            text = ""
            length = 0
            hasValue = false
        case "v":
            collecting = true
            text = ""
            length = 0
        case "is": inInline = true
        case "rPh": phonetic += 1
        case "t" where inInline && phonetic == 0: collecting = true
        default: break
        }
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        guard collecting, failure == nil else { return }
        length += string.utf16.count
        // Escapes (_x000D_) take 7 characters for one: the limit is checked exactly once decoded.
        guard length <= XlsxWorkbook.Limits.cellCharacters * 7 else {
            fail(parser, .cellLength(sheet: sheet, row: rowNumber, limit: XlsxWorkbook.Limits.cellCharacters))
            return
        }
        text += string
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        guard failure == nil else { return }
        switch local(name) {
        case "v", "t":
            if collecting { hasValue = true }
            collecting = false
        case "rPh": phonetic -= 1
        case "is": inInline = false
        case "c":
            let value = hasValue ? cellText() : ""
            if value.utf16.count > XlsxWorkbook.Limits.cellCharacters {
                fail(parser, .cellLength(sheet: sheet, row: rowNumber, limit: XlsxWorkbook.Limits.cellCharacters))
                return
            }
            if column < 16_384 {
                // Every cell counts, the blanks a row is padded with included.
                let bytes = max(value.utf8.count, 1) + max(column - row.count, 0)
                rowBytes += bytes
                guard rowBytes <= XlsxWorkbook.Limits.rowBytes else {
                    fail(parser, .rowText(sheet: sheet, row: rowNumber, mib: XlsxWorkbook.Limits.rowBytes >> 20))
                    return
                }
                guard budget.take(bytes) else {
                    fail(parser, .text(sheet: sheet, row: rowNumber, mib: budget.limit >> 20))
                    return
                }
                if row.count <= column { row.append(contentsOf: repeatElement("", count: column - row.count + 1)) }
                row[column] = value
            }
            column += 1
        case "row":
            guard inRow else { return }
            inRow = false
            while let last = row.last, last.isEmpty { row.removeLast() }
            guard !row.isEmpty else { return }
            do {
                try body(row, rowNumber)
            } catch {
                fail(parser, error)
            }
        default: break
        }
    }

    private func cellText() -> String {
        switch cellType {
        case "s":
            return Int(text).flatMap { strings[$0] } ?? ""
        case "inlineStr", "str": return XlsxCell.unescape(text)
        case "e": return text
        case "b": return text == "1" ? "TRUE" : "FALSE"
        default:
            let kind = cellStyle >= 0 && cellStyle < kinds.count ? kinds[cellStyle] : .number
            return XlsxCell.number(text, kind: kind, date1904: date1904)
        }
    }
}

/// Cell references and numbers as Excel shows them; pure, so the fuzzer and tests reach them.
public enum XlsxCell {
    /// The zero-based column of a reference such as `C5` (nil when it has no letters).
    public static func column(of reference: String) -> Int? {
        var c = 0
        var letters = 0
        for u in reference.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"): c = c * 26 + Int(u - UInt8(ascii: "A")) + 1
            case UInt8(ascii: "a")...UInt8(ascii: "z"): c = c * 26 + Int(u - UInt8(ascii: "a")) + 1
            default:
                return letters == 0 ? nil : c - 1
            }
            letters += 1
            if letters > 3 { return nil }
        }
        return letters == 0 ? nil : c - 1
    }

    /// A string with Excel's `_xHHHH_` escapes (how it stores characters XML cannot hold, such as
    /// control characters and carriage returns) decoded; `_x005F_` is a literal underscore.
    public static func unescape(_ s: String) -> String {
        guard s.utf8.contains(0x5F), s.contains("_x") || s.contains("_X") else { return s }
        let b = Array(s.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(b.count)
        var i = 0
        while i < b.count {
            if XML.isEscape(b, at: i), let v = UInt32(String(decoding: b[(i + 2)...(i + 5)], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(v)
            {
                out.append(contentsOf: String(Character(scalar)).utf8)
                i += 7
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// A stored number as text: in General format, or as a date or time.
    static func number(_ raw: String, kind: XlsxNumberKind, date1904: Bool) -> String {
        let t = raw.trimmingCharacters(in: .whitespaces)
        guard let v = Double(t), v.isFinite else { return t }
        if kind != .number, v >= 0, v < 2_958_466 {
            return serial(v, kind: kind, date1904: date1904) ?? general(t, v)
        }
        return general(t, v)
    }

    /// Excel's General display: integers in full up to 15 digits, else 15 significant digits.
    static func general(_ raw: String, _ v: Double) -> String {
        if raw.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) && raw.utf8.count <= 15 { return raw }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        var s = String(format: "%.15g", v)
        if s.contains("e") || s.contains("E") { return s }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// A serial day count (with its fraction of a day) as an ISO date, time, or both.
    static func serial(_ v: Double, kind: XlsxNumberKind, date1904: Bool) -> String? {
        var days = Int(v.rounded(.down))
        var seconds = Int(((v - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 {
            days += 1
            seconds -= 86_400
        }
        let time =
            seconds % 60 == 0
            ? String(format: "%02d:%02d", seconds / 3600, seconds / 60 % 60)
            : String(format: "%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60)
        if kind == .time { return time }
        // 1900 system: day 1 is 1900-01-01 and Excel counts a 29 February 1900 that never was.
        let base = date1904 ? CalendarDate(year: 1904, month: 1, day: 1) : CalendarDate(year: 1899, month: 12, day: 30)
        guard let base else { return nil }
        if days == 0 && kind == .dateTime { return time }
        if !date1904 && days <= 0 { return nil }
        if !date1904 && days < 61 { days += 1 }
        let date = base.adding(days: days).description
        return kind == .dateTime ? "\(date) \(time)" : date
    }
}
