import Foundation
import KepuCore

/// How a cell looks: the few things an official table needs.
public struct XlsxStyle: Hashable, Sendable {
    public enum Horizontal: Sendable, Hashable { case general, left, center, right }

    public var bold = false
    public var size: Double = 10.5
    public var horizontal: Horizontal = .general
    public var wrap = false
    public var border = true
    /// An Excel number format such as `#,##0.00` or `0.00%`.
    public var numberFormat: String?
    /// A fill colour, 0xRRGGBB.
    public var fill: UInt32?
    /// A font colour, 0xRRGGBB.
    public var color: UInt32?

    public init(
        bold: Bool = false, size: Double = 10.5, horizontal: Horizontal = .general, wrap: Bool = false,
        border: Bool = true, numberFormat: String? = nil, fill: UInt32? = nil, color: UInt32? = nil
    ) {
        self.bold = bold
        self.size = size
        self.horizontal = horizontal
        self.wrap = wrap
        self.border = border
        self.numberFormat = numberFormat
        self.fill = fill
        self.color = color
    }
}

/// An .xlsx workbook written by kepu itself: zip (`ZipWriter`, zlib's deflate and CRC-32) around
/// the few OOXML parts a workbook needs, with merged cells, number formats, formulas with their
/// values, borders and A4 print setup, in the font government tables use (宋体 / SimSun).
///
/// Why kepu writes its own: no package SwiftPM can resolve for kepu writes .xlsx, and a C library
/// made building kepu need a system package a fresh machine lacks. See docs/architecture.md.
///
/// Rows and columns are zero-based. A sheet is streamed: its rows are held until about a thousand
/// are waiting, then written in order straight into the deflate stream, so a list of a million
/// rows passes through flat memory. Hence three rules for callers, checked in debug builds: a row
/// once written is not written to again (a small table, such as the official one, is held whole
/// and may be filled in any order); column widths, frozen rows and the print setup are given
/// before the rows; and the sheets are filled one after another (adding a sheet ends the one
/// before). Strings are written inline rather than in a shared-strings table, which would hold
/// every distinct text of the workbook in memory until the end.
///
/// Nothing is under `path` until `close()` succeeds: the workbook is written to a temporary file
/// in the same folder and renamed into place. A cell kepu must not write (text longer than Excel's
/// 32,767 characters, a number that is not finite) or a failed write makes `close()` throw one
/// sentence and leave no file behind.
public final class XlsxWriter {
    public static let fontName = "宋体"
    /// Excel's limit on the characters in a cell.
    public static let maxCellCharacters = 32_767
    /// Rows held before a sheet starts streaming.
    static let heldRows = 1_024

    let path: String
    let temporaryPath: String
    private let title: String?
    private let author: String?
    private let created: Date
    private var zip: ZipWriter?
    private(set) var failure: KepuError?
    let styles = XlsxStyleTable()
    private var sheets: [XlsxSheet] = []
    private var sheetNames: Set<String> = []
    private var closed = false

    public init(path: String, title: String? = nil, author: String? = nil, created: Date = Date()) throws {
        self.path = path
        self.title = title
        self.author = author
        self.created = created
        let url = URL(fileURLWithPath: path)
        temporaryPath =
            url.deletingLastPathComponent().appendingPathComponent(
                ".\(url.lastPathComponent).kepu-\(UUID().uuidString)"
            )
            .path
        do {
            zip = try ZipWriter(path: temporaryPath, modified: created)
        } catch let e as ZipWriter.Failure {
            throw KepuError(.cannotWrite(path: path, reason: e.reason))
        }
    }

    deinit {
        if !closed {
            zip = nil
            unlink(temporaryPath)
        }
    }

    /// A new sheet, ending the one before. Excel's rules for names are applied: at most 31
    /// characters, none of `[]:*?/\` or control characters, no apostrophe at either end, unique
    /// regardless of case (a repeat becomes `名称(2)`), and never empty.
    public func addSheet(_ name: String) -> XlsxSheet {
        sheets.last?.finish()
        let unique = uniqueSheetName(name)
        let sheet = XlsxSheet(writer: self, index: sheets.count + 1, name: unique)
        sheets.append(sheet)
        return sheet
    }

    func uniqueSheetName(_ name: String) -> String {
        var clean = String(
            String.UnicodeScalarView(
                name.unicodeScalars.filter {
                    !"[]:*?/\\".unicodeScalars.contains($0) && $0.value >= 0x20 && $0.value != 0xFFFE
                        && $0.value != 0xFFFF
                }))
        while clean.hasPrefix("'") { clean.removeFirst() }
        clean = String(clean.prefix(31))
        while clean.hasSuffix("'") { clean.removeLast() }
        if clean.isEmpty { clean = "Sheet\(sheets.count + 1)" }
        var unique = clean
        var n = 2
        while sheetNames.contains(unique.lowercased()) || unique.lowercased() == "history" {
            let suffix = "(\(n))"
            unique = String(clean.prefix(31 - suffix.count)) + suffix
            n += 1
        }
        sheetNames.insert(unique.lowercased())
        return unique
    }

    /// Records the first thing that went wrong; `close()` throws it.
    func fail(_ error: KepuError) {
        if failure == nil { failure = error }
    }

    /// Runs a zip step unless something has already failed, recording a failure.
    func zipping(_ body: (ZipWriter) throws -> Void) {
        guard failure == nil, let zip else { return }
        do {
            try body(zip)
        } catch let e as ZipWriter.Failure {
            fail(KepuError(.cannotWrite(path: path, reason: e.reason)))
        } catch {
            fail(KepuError(.cannotWrite(path: path, reason: "\(error)")))
        }
    }

    /// Ends the last sheet, writes the workbook's own parts and renames the file into place.
    public func close() throws {
        guard !closed else { return }
        closed = true
        if sheets.isEmpty { _ = addSheet("Sheet1") }
        sheets.last?.finish()
        zipping { zip in
            try zip.add("xl/styles.xml", Array(styles.xml().utf8))
            try zip.add("xl/workbook.xml", Array(workbookXML().utf8))
            try zip.add("xl/_rels/workbook.xml.rels", Array(workbookRelsXML().utf8))
            try zip.add("docProps/app.xml", Array(appXML().utf8))
            try zip.add("docProps/core.xml", Array(coreXML().utf8))
            try zip.add("_rels/.rels", Array(Self.rootRels.utf8))
            try zip.add("[Content_Types].xml", Array(contentTypesXML().utf8))
            try zip.finish()
        }
        zip = nil
        if let failure {
            unlink(temporaryPath)
            throw failure
        }
        guard rename(temporaryPath, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporaryPath)
            throw KepuError(.cannotWrite(path: path, reason: reason))
        }
    }

    // MARK: The workbook's parts

    static let header = #"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"# + "\n"
    static let mainNS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

    static let rootRels =
        header
        + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        + #"<Relationship Id="rId1" Type="\#(relNS)/officeDocument" Target="xl/workbook.xml"/>"#
        + #"<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>"#
        + #"<Relationship Id="rId3" Type="\#(relNS)/extended-properties" Target="docProps/app.xml"/>"#
        + "</Relationships>"

    func contentTypesXML() -> String {
        let ct = "application/vnd.openxmlformats-officedocument"
        var s =
            Self.header + #"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">"#
            + #"<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>"#
            + #"<Default Extension="xml" ContentType="application/xml"/>"#
            + #"<Override PartName="/xl/workbook.xml" ContentType="\#(ct).spreadsheetml.sheet.main+xml"/>"#
            + #"<Override PartName="/xl/styles.xml" ContentType="\#(ct).spreadsheetml.styles+xml"/>"#
            + #"<Override PartName="/docProps/app.xml" ContentType="\#(ct).extended-properties+xml"/>"#
            + #"<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>"#
        for sheet in sheets {
            s +=
                #"<Override PartName="/xl/worksheets/sheet\#(sheet.index).xml" ContentType="\#(ct).spreadsheetml.worksheet+xml"/>"#
        }
        return s + "</Types>"
    }

    func workbookRelsXML() -> String {
        var s = Self.header + #"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">"#
        for sheet in sheets {
            s +=
                #"<Relationship Id="rId\#(sheet.index)" Type="\#(Self.relNS)/worksheet" Target="worksheets/sheet\#(sheet.index).xml"/>"#
        }
        s += #"<Relationship Id="rId\#(sheets.count + 1)" Type="\#(Self.relNS)/styles" Target="styles.xml"/>"#
        return s + "</Relationships>"
    }

    func workbookXML() -> String {
        var s =
            Self.header + #"<workbook xmlns="\#(Self.mainNS)" xmlns:r="\#(Self.relNS)">"#
            + #"<workbookPr/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets>"#
        for sheet in sheets {
            s += #"<sheet name="\#(XML.markup(sheet.name))" sheetId="\#(sheet.index)" r:id="rId\#(sheet.index)"/>"#
        }
        s += "</sheets>"
        // Defined names, sorted as Excel keeps them: the filter range, the print area, the titles.
        var names: [String] = []
        for sheet in sheets {
            let quoted = "'" + sheet.name.replacingOccurrences(of: "'", with: "''") + "'"
            let local = #"localSheetId="\#(sheet.index - 1)""#
            if let f = sheet.filter {
                let range = "\(quoted)!$A$\(f.row + 1):$\(XlsxSheet.columnName(f.lastCol))$\(f.lastRow + 1)"
                names.append(
                    #"<definedName name="_xlnm._FilterDatabase" \#(local) hidden="1">\#(XML.markup(range))</definedName>"#
                )
            }
            if sheet.page != nil, sheet.maxRow >= 0 {
                let range = "\(quoted)!$A$1:$\(XlsxSheet.columnName(max(sheet.maxCol, 0)))$\(sheet.maxRow + 1)"
                names.append(#"<definedName name="_xlnm.Print_Area" \#(local)>\#(XML.markup(range))</definedName>"#)
            }
            if let rows = sheet.page?.repeatRows {
                let range = "\(quoted)!$\(rows.lowerBound + 1):$\(rows.upperBound + 1)"
                names.append(#"<definedName name="_xlnm.Print_Titles" \#(local)>\#(XML.markup(range))</definedName>"#)
            }
        }
        if !names.isEmpty { s += "<definedNames>" + names.joined() + "</definedNames>" }
        return s + #"<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#
    }

    func appXML() -> String {
        var s =
            Self.header
            + #"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">"#
            + "<Application>kepu</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop>"
            + #"<HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant>"#
            + #"<vt:variant><vt:i4>\#(sheets.count)</vt:i4></vt:variant></vt:vector></HeadingPairs>"#
            + #"<TitlesOfParts><vt:vector size="\#(sheets.count)" baseType="lpstr">"#
        for sheet in sheets { s += "<vt:lpstr>\(XML.markup(sheet.name))</vt:lpstr>" }
        return s
            + "</vt:vector></TitlesOfParts><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc>"
            + "<HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>"
    }

    func coreXML() -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        formatter.timeZone = TimeZone(identifier: "UTC")
        let when = formatter.string(from: created)
        let creator = XML.markup(author ?? "kepu")
        var s =
            Self.header
            + #"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#
        if let title { s += "<dc:title>\(XML.markup(title))</dc:title>" }
        s += "<dc:creator>\(creator)</dc:creator><cp:lastModifiedBy>\(creator)</cp:lastModifiedBy>"
        s += #"<dcterms:created xsi:type="dcterms:W3CDTF">\#(when)</dcterms:created>"#
        s += #"<dcterms:modified xsi:type="dcterms:W3CDTF">\#(when)</dcterms:modified>"#
        return s + "</cp:coreProperties>"
    }
}

/// One sheet of an `XlsxWriter`.
public final class XlsxSheet {
    enum Value {
        case blank
        case text(String)
        case number(Double)
        case formula(String, Double)
    }

    struct Cell {
        var col: Int
        var style: Int
        var value: Value
    }

    struct Row {
        var cells: [Cell] = []
        var height: Double?
    }

    struct Page {
        var landscape: Bool
        var repeatRows: ClosedRange<Int>?
        var footer: String?
    }

    unowned let writer: XlsxWriter
    let index: Int
    public let name: String
    private var columnWidths: [(Int, Int, Double)] = []
    private var frozenRows = 0
    private(set) var page: Page?
    private(set) var filter: (row: Int, lastRow: Int, lastCol: Int)?
    private var merges: [(Int, Int, Int, Int)] = []
    private var pending: [Int: Row] = [:]
    /// The row being written, kept out of `pending` so that filling it costs no hashing.
    private var hotIndex = -1
    private var hot = Row()
    private var highestPending = -1
    private var writtenThrough = -1
    private var started = false
    private var finished = false
    private(set) var maxRow = -1
    private(set) var maxCol = -1
    private var xml: [UInt8] = []

    /// Excel's limits.
    static let maxRows = 1_048_576
    static let maxColumns = 16_384

    init(writer: XlsxWriter, index: Int, name: String) {
        self.writer = writer
        self.index = index
        self.name = name
    }

    // MARK: Cells

    public func text(_ row: Int, _ col: Int, _ text: String, _ style: XlsxStyle = XlsxStyle()) {
        if text.isEmpty {
            put(row, col, .blank, style)
            return
        }
        if text.utf16.count > XlsxWriter.maxCellCharacters {
            writer.fail(
                KepuError(
                    .xlsxCellTooLong(
                        sheet: name, cell: Self.reference(row, col), length: text.utf16.count,
                        limit: XlsxWriter.maxCellCharacters)))
            return
        }
        put(row, col, .text(text), style)
    }

    public func number(_ row: Int, _ col: Int, _ value: Double, _ style: XlsxStyle = XlsxStyle()) {
        guard value.isFinite else {
            writer.fail(KepuError(.xlsxNumberNotFinite(sheet: name, cell: Self.reference(row, col))))
            return
        }
        put(row, col, .number(value), style)
    }

    /// A date, stored as Excel's serial day number and shown as `yyyy-mm-dd` unless the style says
    /// otherwise, so that Excel sorts, filters and computes with it as a date.
    public func date(_ row: Int, _ col: Int, _ date: CalendarDate, _ style: XlsxStyle = XlsxStyle()) {
        var s = style
        if s.numberFormat == nil { s.numberFormat = "yyyy-mm-dd" }
        number(row, col, Double(Self.serial(date)), s)
    }

    /// Excel's serial day number (1900 system) of a date after 28 February 1900.
    static func serial(_ date: CalendarDate) -> Int {
        let base = CalendarDate(year: 1899, month: 12, day: 30)!
        return date.dayNumber - base.dayNumber
    }

    /// A formula with its value computed here, so that readers that do not calculate see it too.
    /// A leading `=` is optional.
    public func formula(_ row: Int, _ col: Int, _ formula: String, value: Double, _ style: XlsxStyle = XlsxStyle()) {
        guard value.isFinite else {
            writer.fail(KepuError(.xlsxNumberNotFinite(sheet: name, cell: Self.reference(row, col))))
            return
        }
        let f = formula.hasPrefix("=") ? String(formula.dropFirst()) : formula
        put(row, col, .formula(f, value), style)
    }

    /// Merges a range and writes text into it; the other cells of the range get the style too, so
    /// that its borders show.
    public func merge(
        _ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int, _ text: String,
        _ style: XlsxStyle = XlsxStyle()
    ) {
        guard lastRow > firstRow || lastCol > firstCol else {
            self.text(firstRow, firstCol, text, style)
            return
        }
        guard lastRow >= firstRow, lastCol >= firstCol else { return }
        for r in firstRow...lastRow {
            for c in firstCol...lastCol where r != firstRow || c != firstCol { put(r, c, .blank, style) }
        }
        self.text(firstRow, firstCol, text, style)
        // Excel refuses a workbook whose merged ranges overlap: a range that would is written as
        // cells only.
        let overlaps = merges.contains {
            $0.0 <= lastRow && firstRow <= $0.2 && $0.1 <= lastCol && firstCol <= $0.3
        }
        if !overlaps { merges.append((firstRow, firstCol, lastRow, lastCol)) }
    }

    /// Merges a range and writes a number into it.
    public func mergeNumber(
        _ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int, _ value: Double, _ style: XlsxStyle
    ) {
        merge(firstRow, firstCol, lastRow, lastCol, "", style)
        number(firstRow, firstCol, value, style)
    }

    // MARK: Sheet settings

    /// Columns `first` to `last`, `width` characters wide (Excel adds its 5-pixel padding).
    public func columns(_ first: Int, _ last: Int, width: Double) {
        assert(!started, "XlsxSheet: column widths must be set before the rows are written")
        columnWidths.removeAll { $0.0 == first && $0.1 == last }
        columnWidths.append((first, last, width))
    }

    public func rowHeight(_ row: Int, _ height: Double) {
        guard accepts(row, 0) else { return }
        select(row)
        hot.height = height
        note(row)
    }

    /// A4, portrait or landscape, fitted to one page wide, the header rows repeated on each page.
    public func printA4(landscape: Bool = false, repeatRows: ClosedRange<Int>? = nil, footer: String? = nil) {
        assert(!started, "XlsxSheet: the print setup must be given before the rows are written")
        page = Page(landscape: landscape, repeatRows: repeatRows, footer: footer)
    }

    public func freeze(rows: Int) {
        assert(!started, "XlsxSheet: frozen rows must be set before the rows are written")
        frozenRows = rows
    }

    public func autofilter(row: Int, lastRow: Int, lastCol: Int) {
        guard lastRow > row else { return }
        filter = (row, lastRow, lastCol)
    }

    // MARK: Holding and streaming rows

    private func accepts(_ row: Int, _ col: Int) -> Bool {
        guard writer.failure == nil else { return false }
        assert(!finished, "XlsxSheet: written to after the next sheet was added")
        assert(row > writtenThrough, "XlsxSheet: row \(row + 1) was written to after it was streamed")
        guard !finished, row > writtenThrough else { return false }
        guard row >= 0, row < Self.maxRows, col >= 0, col < Self.maxColumns else {
            writer.fail(KepuError(.xlsxOutOfRange(sheet: name, row: row + 1, column: col + 1)))
            return false
        }
        return true
    }

    private func put(_ row: Int, _ col: Int, _ value: Value, _ style: XlsxStyle) {
        guard accepts(row, col) else { return }
        let cell = Cell(col: col, style: writer.styles.index(style), value: value)
        select(row)
        if let last = hot.cells.last, last.col >= col {
            if let i = hot.cells.firstIndex(where: { $0.col >= col }) {
                if hot.cells[i].col == col { hot.cells[i] = cell } else { hot.cells.insert(cell, at: i) }
            }
        } else {
            hot.cells.append(cell)
        }
        maxCol = max(maxCol, col)
        note(row)
    }

    /// Makes `row` the hot row, putting the one before back among the held rows.
    private func select(_ row: Int) {
        guard row != hotIndex else { return }
        park()
        hot = pending.removeValue(forKey: row) ?? Row()
        hotIndex = row
    }

    private func park() {
        guard hotIndex >= 0 else { return }
        pending[hotIndex] = hot
        hotIndex = -1
        hot = Row()
    }

    private func note(_ row: Int) {
        maxRow = max(maxRow, row)
        if row > highestPending { highestPending = row }
        if pending.count >= XlsxWriter.heldRows { stream(below: highestPending) }
    }

    /// Writes every held row above `limit` (zero-based, exclusive) in order.
    private func stream(below limit: Int) {
        park()
        if !started { start(whole: false) }
        for r in pending.keys.filter({ $0 < limit }).sorted() {
            write(r, pending.removeValue(forKey: r)!)
            writtenThrough = r
        }
        drain(force: false)
    }

    /// Ends the sheet: the rows still held, then what follows the rows.
    func finish() {
        guard !finished else { return }
        park()
        if !started { start(whole: true) }
        for r in pending.keys.sorted() { write(r, pending[r]!) }
        pending = [:]
        finished = true
        xml.append(contentsOf: "</sheetData>".utf8)
        if let f = filter {
            xml.append(
                contentsOf: #"<autoFilter ref="A\#(f.row + 1):\#(Self.columnName(f.lastCol))\#(f.lastRow + 1)"/>"#.utf8)
        }
        if !merges.isEmpty {
            var s = #"<mergeCells count="\#(merges.count)">"#
            for m in merges {
                s += #"<mergeCell ref="\#(Self.reference(m.0, m.1)):\#(Self.reference(m.2, m.3))"/>"#
            }
            xml.append(contentsOf: (s + "</mergeCells>").utf8)
        }
        if let page {
            var s = #"<printOptions horizontalCentered="1"/>"#
            s += #"<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>"#
            s +=
                #"<pageSetup paperSize="9" orientation="\#(page.landscape ? "landscape" : "portrait")" fitToWidth="1" fitToHeight="0"/>"#
            if let footer = page.footer {
                s += "<headerFooter><oddFooter>\(XML.markup(footer))</oddFooter></headerFooter>"
            }
            xml.append(contentsOf: s.utf8)
        }
        xml.append(contentsOf: "</worksheet>".utf8)
        drain(force: true)
        writer.zipping { try $0.end() }
    }

    /// Begins the part: what precedes the rows. `whole` when every row is held, so the sheet's
    /// dimension is known.
    private func start(whole: Bool) {
        started = true
        writer.zipping { try $0.begin("xl/worksheets/sheet\(index).xml") }
        var s =
            XlsxWriter.header
            + #"<worksheet xmlns="\#(XlsxWriter.mainNS)" xmlns:r="\#(XlsxWriter.relNS)">"#
        if page != nil { s += #"<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>"# }
        if whole {
            let ref =
                maxRow < 0 ? "A1" : "\(Self.reference(minRow, minCol)):\(Self.reference(maxRow, max(maxCol, 0)))"
            s += #"<dimension ref="\#(ref)"/>"#
        }
        s += "<sheetViews><sheetView" + (index == 1 ? #" tabSelected="1""# : "") + #" workbookViewId="0">"#
        if frozenRows > 0 {
            s +=
                #"<pane ySplit="\#(frozenRows)" topLeftCell="A\#(frozenRows + 1)" activePane="bottomLeft" state="frozen"/>"#
            s += #"<selection pane="bottomLeft" activeCell="A\#(frozenRows + 1)" sqref="A\#(frozenRows + 1)"/>"#
        }
        s += #"</sheetView></sheetViews><sheetFormatPr defaultRowHeight="15"/>"#
        if !columnWidths.isEmpty {
            s += "<cols>"
            for (first, last, width) in columnWidths.sorted(by: { $0.0 < $1.0 }) {
                s +=
                    #"<col min="\#(first + 1)" max="\#(last + 1)" width="\#(Self.excelWidth(width))" customWidth="1"/>"#
            }
            s += "</cols>"
        }
        xml.append(contentsOf: (s + "<sheetData>").utf8)
    }

    private var minRow: Int { pending.keys.min() ?? 0 }
    private var minCol: Int { pending.values.compactMap { $0.cells.first?.col }.min() ?? 0 }

    /// A width in characters as Excel stores it: the text width plus 5 pixels of padding, in units
    /// of the default font's 7-pixel digit.
    static func excelWidth(_ chars: Double) -> String {
        let w = chars < 1 ? (chars * 12 + 0.5).rounded(.down) / 12 : ((chars * 7 + 0.5).rounded(.down) + 5) / 7
        return XML.number(w)
    }

    private func write(_ r: Int, _ row: Row) {
        xml.append(contentsOf: #"<row r=""#.utf8)
        XML.appendInt(r + 1, to: &xml)
        xml.append(UInt8(ascii: "\""))
        if let h = row.height {
            xml.append(contentsOf: #" ht=""#.utf8)
            xml.append(contentsOf: XML.number(h).utf8)
            xml.append(contentsOf: #"" customHeight="1""#.utf8)
        }
        if row.cells.isEmpty {
            xml.append(contentsOf: "/>".utf8)
            return
        }
        xml.append(UInt8(ascii: ">"))
        for cell in row.cells {
            xml.append(contentsOf: #"<c r=""#.utf8)
            Self.appendColumn(cell.col, to: &xml)
            XML.appendInt(r + 1, to: &xml)
            xml.append(UInt8(ascii: "\""))
            if cell.style != 0 {
                xml.append(contentsOf: #" s=""#.utf8)
                XML.appendInt(cell.style, to: &xml)
                xml.append(UInt8(ascii: "\""))
            }
            switch cell.value {
            case .blank:
                xml.append(contentsOf: "/>".utf8)
            case .text(let t):
                xml.append(contentsOf: #" t="inlineStr"><is><t"#.utf8)
                if XML.needsPreserve(t) { xml.append(contentsOf: #" xml:space="preserve""#.utf8) }
                xml.append(UInt8(ascii: ">"))
                XML.appendText(t, to: &xml)
                xml.append(contentsOf: "</t></is></c>".utf8)
            case .number(let v):
                xml.append(contentsOf: "><v>".utf8)
                xml.append(contentsOf: XML.number(v).utf8)
                xml.append(contentsOf: "</v></c>".utf8)
            case .formula(let f, let v):
                xml.append(contentsOf: "><f>".utf8)
                XML.appendText(f, to: &xml)
                xml.append(contentsOf: "</f><v>".utf8)
                xml.append(contentsOf: XML.number(v).utf8)
                xml.append(contentsOf: "</v></c>".utf8)
            }
        }
        xml.append(contentsOf: "</row>".utf8)
        if xml.count >= 1 << 16 { drain(force: true) }
    }

    private func drain(force: Bool) {
        guard force || xml.count >= 1 << 16, !xml.isEmpty else { return }
        let bytes = xml
        writer.zipping { try $0.write(bytes) }
        xml.removeAll(keepingCapacity: true)
    }

    // MARK: References

    /// `A`, `Z`, `AA` … for a zero-based column.
    public static func columnName(_ col: Int) -> String {
        var bytes: [UInt8] = []
        appendColumn(col, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendColumn(_ col: Int, to out: inout [UInt8]) {
        var n = col + 1
        var letters: [UInt8] = []
        while n > 0 {
            let m = (n - 1) % 26
            letters.append(UInt8(ascii: "A") + UInt8(m))
            n = (n - 1) / 26
        }
        out.append(contentsOf: letters.reversed())
    }

    /// `B3` for zero-based row 2, column 1.
    public static func reference(_ row: Int, _ col: Int) -> String { columnName(col) + String(row + 1) }
}

/// The workbook's cell formats: fonts, fills, borders and number formats, each kept once.
final class XlsxStyleTable {
    private var styles: [XlsxStyle] = []
    private var indexes: [XlsxStyle: Int] = [:]
    private var last: (XlsxStyle, Int)?

    /// The cellXfs index of a style; 0 is the workbook's default.
    func index(_ style: XlsxStyle) -> Int {
        if let last, last.0 == style { return last.1 }
        if let i = indexes[style] {
            last = (style, i)
            return i
        }
        styles.append(style)
        let i = styles.count
        indexes[style] = i
        last = (style, i)
        return i
    }

    static let builtinFormats: [String: Int] = [
        "General": 0, "0": 1, "0.00": 2, "#,##0": 3, "#,##0.00": 4, "0%": 9, "0.00%": 10, "0.00E+00": 11, "@": 49,
    ]

    func xml() -> String {
        var numFmts: [String] = []
        var numFmtIDs: [String: Int] = [:]
        var fonts = [#"<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>"#]
        var fontIDs: [String: Int] = [:]
        var fills = [
            #"<fill><patternFill patternType="none"/></fill>"#, #"<fill><patternFill patternType="gray125"/></fill>"#,
        ]
        var fillIDs: [UInt32: Int] = [:]
        let borders = [
            "<border><left/><right/><top/><bottom/><diagonal/></border>",
            #"<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right><top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border>"#,
        ]
        var xfs = [#"<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>"#]
        for style in styles {
            var numFmt = 0
            if let code = style.numberFormat {
                if let id = Self.builtinFormats[code] {
                    numFmt = id
                } else if let id = numFmtIDs[code] {
                    numFmt = id
                } else {
                    numFmt = 164 + numFmts.count
                    numFmtIDs[code] = numFmt
                    numFmts.append(#"<numFmt numFmtId="\#(numFmt)" formatCode="\#(XML.markup(code))"/>"#)
                }
            }
            var font = "<font>" + (style.bold ? "<b/>" : "") + #"<sz val="\#(XML.number(style.size))"/>"#
            if let color = style.color { font += #"<color rgb="FF\#(Self.hex(color))"/>"# }
            font += #"<name val="\#(XML.markup(XlsxWriter.fontName))"/><family val="3"/><charset val="134"/></font>"#
            let fontID: Int
            if let id = fontIDs[font] {
                fontID = id
            } else {
                fontID = fonts.count
                fontIDs[font] = fontID
                fonts.append(font)
            }
            var fillID = 0
            if let fill = style.fill {
                if let id = fillIDs[fill] {
                    fillID = id
                } else {
                    fillID = fills.count
                    fillIDs[fill] = fillID
                    fills.append(
                        #"<fill><patternFill patternType="solid"><fgColor rgb="FF\#(Self.hex(fill))"/><bgColor indexed="64"/></patternFill></fill>"#
                    )
                }
            }
            var xf =
                #"<xf numFmtId="\#(numFmt)" fontId="\#(fontID)" fillId="\#(fillID)" borderId="\#(style.border ? 1 : 0)" xfId="0""#
            if numFmt != 0 { xf += #" applyNumberFormat="1""# }
            xf += #" applyFont="1""#
            if fillID != 0 { xf += #" applyFill="1""# }
            if style.border { xf += #" applyBorder="1""# }
            xf += #" applyAlignment="1"><alignment"#
            switch style.horizontal {
            case .general: break
            case .left: xf += #" horizontal="left""#
            case .center: xf += #" horizontal="center""#
            case .right: xf += #" horizontal="right""#
            }
            xf += #" vertical="center""# + (style.wrap ? #" wrapText="1""# : "") + "/></xf>"
            xfs.append(xf)
        }
        var s = XlsxWriter.header + #"<styleSheet xmlns="\#(XlsxWriter.mainNS)">"#
        if !numFmts.isEmpty { s += #"<numFmts count="\#(numFmts.count)">"# + numFmts.joined() + "</numFmts>" }
        s += #"<fonts count="\#(fonts.count)">"# + fonts.joined() + "</fonts>"
        s += #"<fills count="\#(fills.count)">"# + fills.joined() + "</fills>"
        s += #"<borders count="\#(borders.count)">"# + borders.joined() + "</borders>"
        s += #"<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>"#
        s += #"<cellXfs count="\#(xfs.count)">"# + xfs.joined() + "</cellXfs>"
        s += #"<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>"#
        s +=
            #"<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/>"#
        return s + "</styleSheet>"
    }

    static func hex(_ rgb: UInt32) -> String {
        let digits = Array("0123456789ABCDEF")
        return String((0..<6).reversed().map { digits[Int((rgb >> (UInt32($0) * 4)) & 0xF)] })
    }
}

/// Text and numbers as XML 1.0 allows them in a workbook.
enum XML {
    /// Text content: `&`, `<` and `>` as entities; the characters XML 1.0 forbids (controls other
    /// than tab and newline, U+FFFE, U+FFFF) and carriage returns as Excel writes them, `_x000D_`;
    /// an underscore that would read as such an escape as `_x005F_`.
    static func appendText(_ text: String, to out: inout [UInt8]) {
        let utf8 = text.utf8
        if !utf8.contains(where: { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x5F || $0 == 0xEF }) {
            out.append(contentsOf: utf8)
            return
        }
        let bytes = Array(utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case 0x26: out.append(contentsOf: "&amp;".utf8)
            case 0x3C: out.append(contentsOf: "&lt;".utf8)
            case 0x3E: out.append(contentsOf: "&gt;".utf8)
            case 0x09, 0x0A: out.append(b)
            case 0x00..<0x20: appendEscape(UInt32(b), to: &out)
            case 0x5F:
                if isEscape(bytes, at: i) { out.append(contentsOf: "_x005F_".utf8) } else { out.append(b) }
            case 0xEF
            where i + 2 < bytes.count && bytes[i + 1] == 0xBF && (bytes[i + 2] == 0xBE || bytes[i + 2] == 0xBF):
                appendEscape(bytes[i + 2] == 0xBE ? 0xFFFE : 0xFFFF, to: &out)
                i += 2
            default: out.append(b)
            }
            i += 1
        }
    }

    /// `_xHHHH_` at `i`.
    static func isEscape(_ b: [UInt8], at i: Int) -> Bool {
        guard i + 6 < b.count, b[i] == 0x5F, b[i + 1] == 0x78 || b[i + 1] == 0x58, b[i + 6] == 0x5F else {
            return false
        }
        return b[(i + 2)...(i + 5)].allSatisfy {
            ($0 >= 0x30 && $0 <= 0x39) || ($0 | 0x20 >= 0x61 && $0 | 0x20 <= 0x66)
        }
    }

    static func appendEscape(_ v: UInt32, to out: inout [UInt8]) {
        let digits = Array("0123456789ABCDEF".utf8)
        out.append(contentsOf: "_x".utf8)
        for shift in stride(from: 12, through: 0, by: -4) { out.append(digits[Int((v >> UInt32(shift)) & 0xF)]) }
        out.append(UInt8(ascii: "_"))
    }

    static func text(_ s: String) -> String {
        var out: [UInt8] = []
        appendText(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Text outside cells (sheet names, titles, defined names, attributes), where Excel reads no
    /// `_xHHHH_` escapes: the markup characters as entities, and what XML 1.0 can't hold dropped.
    static func markup(_ s: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(s.unicodeScalars.count)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "\t": out += "&#9;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            default:
                if u.value < 0x20 || u.value == 0xFFFE || u.value == 0xFFFF { continue }
                out.unicodeScalars.append(u)
            }
        }
        return out
    }

    /// Whitespace at either end, or a line break or tab inside, which XML would otherwise drop.
    static func needsPreserve(_ s: String) -> Bool {
        guard let first = s.utf8.first, let last = s.utf8.last else { return false }
        return first == 0x20 || last == 0x20 || s.utf8.contains(where: { $0 == 0x0A || $0 == 0x09 || $0 == 0x0D })
            || first == 0x0A || last == 0x0A
    }

    /// A number as the shortest text that reads back as the same double.
    static func number(_ v: Double) -> String {
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }

    static func appendInt(_ n: Int, to out: inout [UInt8]) {
        if n < 10 {
            out.append(UInt8(ascii: "0") + UInt8(n))
            return
        }
        var digits: [UInt8] = []
        var v = n
        while v > 0 {
            digits.append(UInt8(ascii: "0") + UInt8(v % 10))
            v /= 10
        }
        out.append(contentsOf: digits.reversed())
    }
}
