import Foundation
import KepuCore

/// Renders a report as one self-contained HTML file: no network, A4 print styles, inline SVG charts,
/// every piece of user text escaped.
public struct HTMLRenderer: Sendable {
    public var lang: Language
    /// Where a cell naming a record links to (the web app's record pages); no links when nil.
    public var link: (@Sendable (RecordRef) -> String?)?
    /// Where a cell's fix leads (the web app's prefilled forms); no links when nil.
    public var fixLink: (@Sendable (FindingFix) -> String?)?
    /// What a row showing a record offers (the web app's 修改, 作废 or 恢复), drawn as a last column of
    /// links in a table whose rows name their records (`ReportTable.rowRecords`); no such column when nil.
    public var rowActions: (@Sendable (RowRecord) -> [RowAction])?
    public init(
        lang: Language = .zh, link: (@Sendable (RecordRef) -> String?)? = nil,
        fixLink: (@Sendable (FindingFix) -> String?)? = nil,
        rowActions: (@Sendable (RowRecord) -> [RowAction])? = nil
    ) {
        self.lang = lang
        self.link = link
        self.fixLink = fixLink
        self.rowActions = rowActions
    }

    public func render(_ report: Report) -> String {
        var body = "<header><h1>\(esc(report.title))</h1>"
        for s in report.subtitle { body += "<p class=\"sub\">\(esc(s))</p>" }
        body += "</header>\n"
        for section in report.sections {
            body += "<section>"
            if let h = section.heading { body += "<h2>\(esc(h))</h2>" }
            for block in section.blocks { body += render(block) }
            body += "</section>\n"
        }
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
            <title>\(esc(report.title))</title>
            <style>\(HTMLRenderer.css)</style>
            </head>
            <body>
            \(body)</body>
            </html>

            """
    }

    /// Several reports in one document, each from a new page when printed.
    public func render(_ reports: [Report]) -> String {
        guard let first = reports.first else { return "" }
        var doc = render(first)
        var more = ""
        for r in reports.dropFirst() {
            more += "<div style=\"break-before: page\"><header><h1>\(esc(r.title))</h1>"
            for s in r.subtitle { more += "<p class=\"sub\">\(esc(s))</p>" }
            more += "</header>\n" + fragment(r) + "</div>\n"
        }
        if let end = doc.range(of: "</body>", options: .backwards) { doc.insert(contentsOf: more, at: end.lowerBound) }
        return doc
    }

    /// The report's sections without the document around them, for a page of the web app.
    public func fragment(_ report: Report) -> String {
        var body = ""
        for section in report.sections {
            body += "<section>"
            if let h = section.heading { body += "<h2>\(esc(h))</h2>" }
            for block in section.blocks { body += render(block) }
            body += "</section>\n"
        }
        return body
    }

    func render(_ block: Block) -> String {
        switch block {
        case .table(let t): return table(t)
        case .fields(let f):
            return "<table class=\"fields\">" + f.map { "<tr><th>\(esc($0.0))</th><td>\(esc($0.1))</td></tr>" }.joined()
                + "</table>"
        case .paragraph(let p): return "<p>\(esc(p))</p>"
        case .chart(let c): return SVGChart.render(c)
        }
    }

    func table(_ t: ReportTable) -> String {
        // A table of many columns takes a smaller type so that every column stays on the A4 page.
        // A table with set widths keeps them (a long figure wraps rather than widening its column).
        let fixed = t.columns.contains { $0.width != nil }
        let classes = [t.columns.count > 7 ? "wide" : nil, fixed ? "fixed" : nil].compactMap { $0 }
        var out = classes.isEmpty ? "<table>" : "<table class=\"\(classes.joined(separator: " "))\">"
        if let c = t.caption { out += "<caption>\(esc(c))</caption>" }
        // The row actions: a last column of links, only where rows name their records and this page
        // offers actions (the web app); never printed.
        let actions: (@Sendable (RowRecord) -> [RowAction])? = t.rowRecords.isEmpty ? nil : rowActions
        if fixed {
            out +=
                "<colgroup>" + t.columns.map { c in c.width.map { "<col class=\"w\($0)\">" } ?? "<col>" }.joined()
                + (actions == nil ? "" : "<col>") + "</colgroup>"
        }
        out += "<thead><tr>" + t.columns.map { "<th>\(esc($0.header))</th>" }.joined()
        if actions != nil { out += "<th class=\"noprint\">\(esc(lang.t("操作", "Actions")))</th>" }
        out += "</tr></thead><tbody>"
        for (i, row) in t.rows.enumerated() {
            var last: String? = nil
            if let actions {
                let record = i < t.rowRecords.count ? t.rowRecords[i] : nil
                last = actionsCell(record.map { actions($0) } ?? [])
            }
            out += tr(row, t.columns, last: last)
        }
        out += "</tbody>"
        if !t.footer.isEmpty {
            let last: String? = actions == nil ? nil : "<td class=\"noprint\"></td>"
            out += "<tfoot>" + t.footer.map { tr($0, t.columns, last: last) }.joined() + "</tfoot>"
        }
        return out + "</table>\n"
    }

    /// A row's actions as links: `修改 作废`, or `恢复` for a voided row.
    func actionsCell(_ actions: [RowAction]) -> String {
        "<td class=\"actions noprint\">"
            + actions.map { a in
                "<a href=\"\(Markup.escape(a.href))\"\(a.danger ? " class=\"danger\"" : "")>\(esc(a.label))</a>"
            }.joined(separator: " ") + "</td>"
    }

    /// A cell's folded text under a toggle (`<details><summary>文件校验码</summary>…</details>`).
    func folded(_ cell: Cell) -> String {
        guard let f = cell.folded else { return "" }
        return "<details class=\"folded\"><summary>\(esc(f.label))</summary>\(esc(f.text))</details>"
    }

    /// A row; `last`, when given, is one more cell after the columns' (the row's actions).
    func tr(_ row: [Cell], _ columns: [ReportTable.Column], last: String? = nil) -> String {
        "<tr>"
            + columns.indices.map { i -> String in
                let cell = i < row.count ? row[i] : Cell("")
                var classes: [String] = []
                if columns[i].alignment == .right { classes.append("num") }
                // A date or a range of dates is never broken across lines (2023-05-20–2023-05-27).
                if Self.isDate(cell.text) { classes.append("date") }
                switch cell.emphasis {
                case .good: classes.append("good")
                case .bad: classes.append("bad")
                case .warn: classes.append("warn")
                case .strong: classes.append("strong")
                case .none: break
                }
                let cls = classes.isEmpty ? "" : " class=\"\(classes.joined(separator: " "))\""
                if let fix = cell.fix, let href = fixLink?(fix) {
                    return "<td\(cls)><a href=\"\(Markup.escape(href))\">\(esc(cell.text))</a>\(folded(cell))</td>"
                }
                if let ref = cell.ref, let href = link?(ref) {
                    return "<td\(cls)><a href=\"\(Markup.escape(href))\">\(esc(cell.text))</a>\(folded(cell))</td>"
                }
                return "<td\(cls)>\(esc(cell.text))\(folded(cell))</td>"
            }.joined() + (last ?? "") + "</tr>"
    }

    /// `2023-05-20`, `2023-05-20–2023-05-27`, `2023-05-20 08:30:00`: text that reads as a date.
    static func isDate(_ s: String) -> Bool {
        let u = Array(s.utf8)
        guard u.count >= 10, u.count <= 25 else { return false }
        for (i, c) in u.prefix(10).enumerated() {
            if i == 4 || i == 7 {
                guard c == UInt8(ascii: "-") else { return false }
            } else if !(48...57).contains(c) {
                return false
            }
        }
        return true
    }

    /// Text as element content (`Markup.text`: escaped, a line break a `<br>`).
    func esc(_ s: String) -> String { Markup.text(s) }

    /// The column widths a table may set (`<col class="w14">`), as classes: the web app's policy forbids
    /// inline styles.
    public static let columnWidths = (1...60).map { "col.w\($0) { width: \($0)%; }" }.joined(separator: " ")

    static let css = """
        @page { size: A4; margin: 15mm 12mm; }
        body { font-family: "SimSun", "Songti SC", "Noto Serif CJK SC", "Noto Sans CJK SC", serif; font-size: 10.5pt; color: #111; max-width: 190mm; margin: 0 auto; padding: 8mm 0; }
        h1 { font-size: 16pt; text-align: center; margin: 0 0 4pt; }
        h2 { font-size: 12pt; border-bottom: 1px solid #444; padding-bottom: 2pt; margin: 14pt 0 6pt; }
        .sub { text-align: center; margin: 0; color: #333; }
        table { border-collapse: collapse; width: 100%; margin: 4pt 0 8pt; page-break-inside: auto; }
        tr { page-break-inside: avoid; }
        th, td { border: 1px solid #666; padding: 2pt 4pt; vertical-align: top; overflow-wrap: anywhere; }
        table.wide { font-size: 8.5pt; }
        table.wide th, table.wide td { padding: 1.5pt 2.5pt; }
        table.fixed { table-layout: fixed; } table.fixed td.num { white-space: normal; }
        th { background: #eee; font-weight: bold; }
        caption { text-align: left; font-weight: bold; padding: 2pt 0; }
        table.fields th { width: 28%; text-align: left; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.date { white-space: nowrap; }
        td.good { color: #14662b; } td.bad { color: #a11; font-weight: bold; } td.warn { color: #8a5a00; } td.strong { font-weight: bold; }
        tfoot td { font-weight: bold; background: #f6f6f6; }
        svg { display: block; margin: 4pt auto 10pt; max-width: 100%; height: auto; }
        svg text { font-family: inherit; }
        @media print { body { padding: 0; } h2 { page-break-after: avoid; } section { page-break-inside: auto; } }
        \(columnWidths)
        """
}

/// Inline SVG charts: horizontal bars (percent of target per indicator) and columns (by month).
enum SVGChart {
    static func render(_ c: Chart) -> String {
        switch c.kind {
        case .bars: return bars(c)
        case .columns: return columns(c)
        }
    }

    static let palette = ["#2f6db3", "#d98b2b", "#3a9a5b", "#b33f3f"]

    static func fmt(_ v: Double) -> String { String(format: "%.1f", v) }

    static func bars(_ c: Chart) -> String {
        let rowH = 22.0
        let labelW = 200.0
        let plotW = 380.0
        let h = 30 + Double(c.labels.count) * rowH + 20
        let maxV = max(100, (c.series.first?.values.max() ?? 100)) * 1.05
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 660 \(fmt(h))\" role=\"img\" aria-label=\"\(Markup.escape(c.title))\">"
        s +=
            "<text x=\"330\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">\(Markup.escape(c.title))</text>"
        let x100 = labelW + plotW * 100 / maxV
        // Values stand in their own column right of the plot, clear of the bars and of the 100% line.
        let valueX = labelW + plotW + 10
        for (i, label) in c.labels.enumerated() {
            let y = 30 + Double(i) * rowH
            let v = c.series.first.map { i < $0.values.count ? $0.values[i] : 0 } ?? 0
            let w = max(0, plotW * min(v, maxV) / maxV)
            let good = c.good.map { i < $0.count && $0[i] } ?? (v >= 100)
            let color = good ? "#3a9a5b" : "#c0504d"
            s +=
                "<text x=\"\(fmt(labelW - 6))\" y=\"\(fmt(y + 15))\" text-anchor=\"end\" font-size=\"11\">\(Markup.escape(label))</text>"
            s += "<rect x=\"\(fmt(labelW))\" y=\"\(fmt(y + 4))\" width=\"\(fmt(w))\" height=\"14\" fill=\"\(color)\"/>"
            s += "<text x=\"\(fmt(valueX))\" y=\"\(fmt(y + 15))\" font-size=\"10\">\(fmt(v))%</text>"
        }
        s +=
            "<line x1=\"\(fmt(x100))\" y1=\"26\" x2=\"\(fmt(x100))\" y2=\"\(fmt(h - 16))\" stroke=\"#333\" stroke-dasharray=\"4 3\"/>"
        s += "<text x=\"\(fmt(x100))\" y=\"\(fmt(h - 4))\" text-anchor=\"middle\" font-size=\"10\">100%</text>"
        return s + "</svg>\n"
    }

    /// One panel per series, each on its own scale with a labelled value axis (people and money differ a
    /// thousandfold); a month with a small figure keeps a visible bar and its value.
    static func columns(_ c: Chart) -> String {
        let left = 70.0
        let plotW = 560.0
        let panelH = 110.0
        let top = 34.0
        let gap = 34.0
        let n = max(1, c.labels.count)
        let slot = plotW / Double(n)
        let panels = max(1, c.series.count)
        let height = top + Double(panels) * (panelH + gap) + 10
        var s =
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 660 \(fmt(height))\" role=\"img\" aria-label=\"\(Markup.escape(c.title))\">"
        s +=
            "<text x=\"330\" y=\"16\" text-anchor=\"middle\" font-size=\"13\" font-weight=\"bold\">\(Markup.escape(c.title))</text>"
        for (k, series) in c.series.enumerated() {
            let color = palette[k % palette.count]
            let y0 = top + Double(k) * (panelH + gap)
            let base = y0 + panelH
            let axisMax = niceCeiling(series.values.max() ?? 0)
            s +=
                "<text x=\"\(fmt(left))\" y=\"\(fmt(y0 - 6))\" font-size=\"11\" font-weight=\"bold\" fill=\"\(color)\">\(Markup.escape(series.name))</text>"
            for t in 0...2 {
                let v = axisMax * Double(t) / 2
                let y = base - panelH * Double(t) / 2
                s +=
                    "<line x1=\"\(fmt(left))\" y1=\"\(fmt(y))\" x2=\"\(fmt(left + plotW))\" y2=\"\(fmt(y))\" stroke=\"\(t == 0 ? "#333" : "#ccc")\"/>"
                s +=
                    "<text x=\"\(fmt(left - 6))\" y=\"\(fmt(y + 4))\" text-anchor=\"end\" font-size=\"9\">\(compact(v))</text>"
            }
            for (i, v) in series.values.enumerated() where v > 0 {
                let hgt = max(2, panelH * v / axisMax)
                let x = left + Double(i) * slot + slot * 0.2
                s +=
                    "<rect x=\"\(fmt(x))\" y=\"\(fmt(base - hgt))\" width=\"\(fmt(slot * 0.6))\" height=\"\(fmt(hgt))\" fill=\"\(color)\"><title>\(Markup.escape(c.labels[i])) \(Markup.escape(series.name)): \(compact(v))</title></rect>"
                s +=
                    "<text x=\"\(fmt(x + slot * 0.3))\" y=\"\(fmt(base - hgt - 3))\" text-anchor=\"middle\" font-size=\"8\">\(compact(v))</text>"
            }
            for (i, label) in c.labels.enumerated() {
                s +=
                    "<text x=\"\(fmt(left + Double(i) * slot + slot / 2))\" y=\"\(fmt(base + 12))\" text-anchor=\"middle\" font-size=\"9\">\(Markup.escape(label))</text>"
            }
        }
        return s + "</svg>\n"
    }

    /// The axis top: the maximum rounded up to 1, 2 or 5 × a power of ten.
    static func niceCeiling(_ v: Double) -> Double {
        guard v > 0 else { return 1 }
        let p = pow(10, floor(log10(v)))
        for m in [1.0, 2, 5, 10] where m * p >= v { return m * p }
        return 10 * p
    }

    /// `9530`, `1.4万`, `0.5`: a value short enough for an axis or a bar.
    static func compact(_ v: Double) -> String {
        if v >= 10_000 { return String(format: "%.1f万", v / 10_000).replacingOccurrences(of: ".0万", with: "万") }
        if v == v.rounded() { return String(Int(v)) }
        return String(format: "%.1f", v)
    }
}
