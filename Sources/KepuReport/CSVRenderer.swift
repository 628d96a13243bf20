import Foundation

/// Renders a report's tables as CSV for Excel: UTF-8 with a BOM, CRLF line ends, and cells that
/// start with `=`, `+`, `-` or `@` neutralized so that a spreadsheet never runs them as formulas.
public struct CSVRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var rows: [[String]] = [[report.title]]
        for line in report.subtitle { rows.append([line]) }
        for section in report.sections {
            rows.append([])
            if let h = section.heading { rows.append([h]) }
            for block in section.blocks {
                switch block {
                case .table(let t):
                    if let c = t.caption { rows.append([c]) }
                    rows.append(t.columns.map(\.header))
                    rows += (t.rows + t.footer).map { $0.map(\.text) }
                case .fields(let f): rows += f.map { [$0.0, $0.1] }
                case .paragraph(let p): rows.append([p])
                case .chart: break
                }
            }
        }
        return "\u{FEFF}" + rows.map { $0.map(CSVRenderer.field).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    /// One table alone, with its header row.
    public func render(_ t: ReportTable) -> String {
        let rows = [t.columns.map(\.header)] + (t.rows + t.footer).map { $0.map(\.text) }
        return "\u{FEFF}" + rows.map { $0.map(CSVRenderer.field).joined(separator: ",") }.joined(separator: "\r\n")
            + "\r\n"
    }

    public static func field(_ raw: String) -> String {
        var s = raw
        // A leading formula character, or a tab/CR that Excel skips before one, becomes text.
        if let first = s.unicodeScalars.first, "=+-@\t\r".unicodeScalars.contains(first) {
            // Plain negative numbers stay numbers, and a lone "-" (a figure that does not exist) stays a dash.
            if !(first == "-" && (Double(s) != nil || s == "-")) { s = "'" + s }
        }
        if s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r") {
            s = "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return s
    }
}
