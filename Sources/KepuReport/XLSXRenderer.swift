import KepuCore
import KepuFiles

/// Report tables as Excel workbooks: one sheet per table, numbers as numbers (amounts with two
/// decimals, rates as percentages), 宋体, borders, the header frozen and filtered, A4 fitted to one
/// page wide with the header repeated on every page.
public enum XLSXRenderer {
    /// A sheet to write: its tab name, the title above the table, and the table.
    public struct Sheet: Sendable {
        public var name: String
        public var title: String
        public var table: ReportTable
        public init(name: String, title: String, table: ReportTable) {
            self.name = name
            self.title = title
            self.table = table
        }
    }

    /// Writes each table on a sheet of its own.
    public static func write(_ sheets: [Sheet], to path: String, title: String) throws {
        let book = try XlsxWriter(path: path, title: title, author: "kepu")
        for s in sheets { table(s.table, title: s.title, on: book.addSheet(s.name)) }
        try book.close()
    }

    /// Writes a report: each table of each section on a sheet named after its section.
    public static func write(_ report: Report, to path: String) throws {
        var sheets: [Sheet] = []
        for section in report.sections {
            for block in section.blocks {
                switch block {
                case .table(let t):
                    let name = t.caption ?? section.heading ?? report.title
                    sheets.append(Sheet(name: sheetName(name), title: report.title + "　" + name, table: t))
                case .fields(let f):
                    let t = ReportTable(columns: [.init(""), .init("")], rows: f.map { [Cell($0.0), Cell($0.1)] })
                    sheets.append(
                        Sheet(name: sheetName(section.heading ?? report.title), title: report.title, table: t))
                case .paragraph, .chart: break
                }
            }
        }
        if sheets.isEmpty {
            sheets.append(Sheet(name: report.title, title: report.title, table: ReportTable(columns: [])))
        }
        try write(sheets, to: path, title: report.title)
    }

    /// `一、预算执行情况` → `预算执行情况`: a tab name without the section's numbering.
    static func sheetName(_ heading: String) -> String {
        var h = Substring(heading)
        if let sep = h.firstIndex(where: { $0 == "、" || $0 == "." }), h.distance(from: h.startIndex, to: sep) <= 3 {
            h = h[h.index(after: sep)...]
        }
        return String(h.trimmingPrefix(" "))
    }

    // MARK: Styles

    static let body = XlsxStyle()
    static let header = XlsxStyle(bold: true, horizontal: .center, wrap: true, fill: 0xF2F2F2)
    static let title = XlsxStyle(bold: true, size: 16, horizontal: .center, border: false)

    /// The style of a cell: its number format, its emphasis, wrapped when long.
    static func style(_ cell: Cell, number: CellNumber?, alignment: Alignment, wrap: Bool) -> XlsxStyle {
        var s = XlsxStyle(wrap: wrap)
        s.horizontal = alignment == .right ? .right : alignment == .center ? .center : .left
        if let n = number, n.style != .general { s.numberFormat = numberFormat(n.style) }
        switch cell.emphasis {
        case .none: break
        case .strong: s.bold = true
        case .bad: s.color = 0xC0_0000
        case .warn: s.color = 0x9C_5700
        case .good: s.color = 0x00_6100
        }
        return s
    }

    static func numberFormat(_ style: CellNumber.Style) -> String {
        switch style {
        case .money: "#,##0.00"
        case .general: "General"
        case .decimal(let p): p == 0 ? "0" : "0." + String(repeating: "0", count: p)
        case .integer(let grouped): grouped ? "#,##0" : "0"
        case .percent(let p): (p == 0 ? "0" : "0." + String(repeating: "0", count: p)) + "%"
        }
    }

    /// Writes a cell: its number when it has one (or when a right-aligned column's text is one).
    static func put(_ sheet: XlsxSheet, _ row: Int, _ col: Int, _ cell: Cell, alignment: Alignment, wrap: Bool) {
        let number = cell.number ?? (alignment == .right ? CellNumber.parse(cell.text) : nil)
        let s = style(cell, number: number, alignment: alignment, wrap: wrap)
        if let number { sheet.number(row, col, number.value, s) } else { sheet.text(row, col, cell.text, s) }
    }

    /// Width in Excel's character units from the display width (CJK characters count two).
    static func width(_ text: String) -> Int {
        text.split(separator: "\n").map { displayWidth(String($0)) }.max() ?? 0
    }

    /// Lines a text takes in a column of `chars` characters.
    static func lines(_ text: String, chars: Double) -> Int {
        let per = max(1, Int(chars * 0.95))
        return text.split(separator: "\n", omittingEmptySubsequences: false).reduce(0) {
            $0 + max(1, (displayWidth(String($1)) + per - 1) / per)
        }
    }

    /// A table under a merged title: returns nothing, the sheet is complete.
    static func table(_ t: ReportTable, title: String, on sheet: XlsxSheet) {
        let cols = max(t.columns.count, 1)
        let maxWidth = 40
        var widths = t.columns.map { max(6, min(maxWidth, width($0.header) + 2)) }
        if widths.isEmpty { widths = [20] }
        for row in t.rows + t.footer {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], min(maxWidth, width(c.text) + 2))
            }
        }
        for (i, w) in widths.enumerated() { sheet.columns(i, i, width: Double(w)) }
        // What precedes the rows in the sheet is given first: the rows are streamed as they come.
        sheet.freeze(rows: 2)
        let total = widths.reduce(0, +)
        sheet.printA4(landscape: total > 110, repeatRows: 1...1, footer: "&C&P / &N")
        sheet.merge(0, 0, 0, cols - 1, title, Self.title)
        sheet.rowHeight(0, 24)
        for (i, c) in t.columns.enumerated() { sheet.text(1, i, c.header, header) }
        var r = 2
        for row in t.rows + t.footer {
            var most = 1
            for (i, c) in row.enumerated() where i < cols {
                let align = t.columns.indices.contains(i) ? t.columns[i].alignment : .left
                let wrap = width(c.text) > widths[i] - 2 || c.text.contains("\n")
                var cell = c
                if r - 2 >= t.rows.count { cell.emphasis = .strong }
                put(sheet, r, i, cell, alignment: align, wrap: wrap)
                if wrap { most = max(most, lines(c.text, chars: Double(widths[i]))) }
            }
            if most > 1 { sheet.rowHeight(r, Double(most) * 13.5 + 3) }
            r += 1
        }
        sheet.autofilter(row: 1, lastRow: 1 + t.rows.count, lastCol: cols - 1)
    }
}
