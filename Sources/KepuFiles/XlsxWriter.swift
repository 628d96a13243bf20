import CXlsxWriter
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

/// An .xlsx workbook written with libxlsxwriter (Debian's libxlsxwriter-dev): merged cells, number
/// formats, borders and A4 print setup, in the font government tables use (宋体 / SimSun).
///
/// Rows and columns are zero-based. Nothing is on disk until `close()`, which reports a file that
/// cannot be written as kepu's usual sentence.
public final class XlsxWriter {
    public static let fontName = "宋体"
    private let book: UnsafeMutablePointer<lxw_workbook>
    private var formats: [XlsxStyle: UnsafeMutablePointer<lxw_format>] = [:]
    private var sheetNames: Set<String> = []
    private var closed = false
    let path: String
    // C strings the workbook keeps pointers to until it is closed.
    private var kept: [UnsafeMutablePointer<CChar>] = []

    public init(path: String, title: String? = nil, author: String? = nil) throws {
        self.path = path
        guard let book = path.withCString({ workbook_new($0) }) else {
            throw KepuError(.cannotWrite(path: path, reason: "libxlsxwriter"))
        }
        self.book = book
        var props = lxw_doc_properties()
        if let title { props.title = keep(title) }
        if let author { props.author = keep(author) }
        props.comments = keep("kepu")
        workbook_set_properties(book, &props)
    }

    deinit {
        if !closed { workbook_close(book) }
        for p in kept { free(p) }
    }

    private func keep(_ s: String) -> UnsafeMutablePointer<CChar> {
        let p = strdup(s)!
        kept.append(p)
        return p
    }

    /// A new sheet; Excel's limits on names (31 characters, no `[]:*?/\`) are applied.
    public func addSheet(_ name: String) -> XlsxSheet {
        var clean = String(name.unicodeScalars.filter { !"[]:*?/\\".unicodeScalars.contains($0) }.prefix(31))
        if clean.isEmpty { clean = "Sheet\(sheetNames.count + 1)" }
        var unique = clean
        var n = 2
        while sheetNames.contains(unique.lowercased()) {
            unique = String(clean.prefix(28)) + "(\(n))"
            n += 1
        }
        sheetNames.insert(unique.lowercased())
        let ws = unique.withCString { workbook_add_worksheet(book, $0) }!
        return XlsxSheet(ws: ws, writer: self)
    }

    func format(_ style: XlsxStyle) -> UnsafeMutablePointer<lxw_format> {
        if let f = formats[style] { return f }
        let f = workbook_add_format(book)!
        Self.fontName.withCString { format_set_font_name(f, $0) }
        format_set_font_size(f, style.size)
        if style.bold { format_set_bold(f) }
        switch style.horizontal {
        case .general: break
        case .left: format_set_align(f, UInt8(LXW_ALIGN_LEFT.rawValue))
        case .center: format_set_align(f, UInt8(LXW_ALIGN_CENTER.rawValue))
        case .right: format_set_align(f, UInt8(LXW_ALIGN_RIGHT.rawValue))
        }
        format_set_align(f, UInt8(LXW_ALIGN_VERTICAL_CENTER.rawValue))
        if style.wrap { format_set_text_wrap(f) }
        if style.border { format_set_border(f, UInt8(LXW_BORDER_THIN.rawValue)) }
        if let nf = style.numberFormat { nf.withCString { format_set_num_format(f, $0) } }
        if let fill = style.fill {
            format_set_pattern(f, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(f, lxw_color_t(fill))
        }
        if let color = style.color { format_set_font_color(f, lxw_color_t(color)) }
        formats[style] = f
        return f
    }

    /// Writes the file.
    public func close() throws {
        guard !closed else { return }
        closed = true
        let err = workbook_close(book)
        guard err == LXW_NO_ERROR else {
            let reason = String(cString: lxw_strerror(err))
            throw KepuError(.cannotWrite(path: path, reason: reason))
        }
    }
}

/// One sheet of an `XlsxWriter`.
public final class XlsxSheet {
    let ws: UnsafeMutablePointer<lxw_worksheet>
    unowned let writer: XlsxWriter

    init(ws: UnsafeMutablePointer<lxw_worksheet>, writer: XlsxWriter) {
        self.ws = ws
        self.writer = writer
    }

    public func text(_ row: Int, _ col: Int, _ text: String, _ style: XlsxStyle = XlsxStyle()) {
        let f = writer.format(style)
        if text.isEmpty {
            worksheet_write_blank(ws, lxw_row_t(row), lxw_col_t(col), f)
        } else {
            _ = text.withCString { worksheet_write_string(ws, lxw_row_t(row), lxw_col_t(col), $0, f) }
        }
    }

    public func number(_ row: Int, _ col: Int, _ value: Double, _ style: XlsxStyle = XlsxStyle()) {
        worksheet_write_number(ws, lxw_row_t(row), lxw_col_t(col), value, writer.format(style))
    }

    /// A formula with its value computed here, so that readers that do not calculate see it too.
    public func formula(_ row: Int, _ col: Int, _ formula: String, value: Double, _ style: XlsxStyle = XlsxStyle()) {
        let f = writer.format(style)
        _ = formula.withCString { worksheet_write_formula_num(ws, lxw_row_t(row), lxw_col_t(col), $0, f, value) }
    }

    /// Merges a range and writes text into it.
    public func merge(
        _ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int, _ text: String,
        _ style: XlsxStyle = XlsxStyle()
    ) {
        guard lastRow > firstRow || lastCol > firstCol else {
            self.text(firstRow, firstCol, text, style)
            return
        }
        let f = writer.format(style)
        _ = text.withCString {
            worksheet_merge_range(
                ws, lxw_row_t(firstRow), lxw_col_t(firstCol), lxw_row_t(lastRow), lxw_col_t(lastCol), $0, f)
        }
    }

    /// Merges a range and writes a number into it.
    public func mergeNumber(
        _ firstRow: Int, _ firstCol: Int, _ lastRow: Int, _ lastCol: Int, _ value: Double, _ style: XlsxStyle
    ) {
        merge(firstRow, firstCol, lastRow, lastCol, "", style)
        number(firstRow, firstCol, value, style)
    }

    public func columns(_ first: Int, _ last: Int, width: Double) {
        worksheet_set_column(ws, lxw_col_t(first), lxw_col_t(last), width, nil)
    }

    public func rowHeight(_ row: Int, _ height: Double) {
        worksheet_set_row(ws, lxw_row_t(row), height, nil)
    }

    /// A4, portrait or landscape, fitted to one page wide, the header rows repeated on each page.
    public func printA4(landscape: Bool = false, repeatRows: ClosedRange<Int>? = nil, footer: String? = nil) {
        worksheet_set_paper(ws, 9)
        if landscape { worksheet_set_landscape(ws) } else { worksheet_set_portrait(ws) }
        worksheet_fit_to_pages(ws, 1, 0)
        worksheet_set_margins(ws, 0.5, 0.5, 0.6, 0.6)
        worksheet_center_horizontally(ws)
        if let r = repeatRows { worksheet_repeat_rows(ws, lxw_row_t(r.lowerBound), lxw_row_t(r.upperBound)) }
        if let footer { _ = footer.withCString { worksheet_set_footer(ws, $0) } }
    }

    public func freeze(rows: Int) {
        worksheet_freeze_panes(ws, lxw_row_t(rows), 0)
    }

    public func autofilter(row: Int, lastRow: Int, lastCol: Int) {
        guard lastRow > row else { return }
        worksheet_autofilter(ws, lxw_row_t(row), 0, lxw_row_t(lastRow), lxw_col_t(lastCol))
    }
}
