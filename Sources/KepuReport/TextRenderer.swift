import Foundation

/// Renders a report as aligned plain text; colour (ANSI) only when asked, i.e. on a terminal.
public struct TextRenderer: Sendable {
    public var color: Bool
    public init(color: Bool = false) { self.color = color }

    public func render(_ report: Report) -> String {
        var out = report.title + "\n"
        for line in report.subtitle { out += line + "\n" }
        for section in report.sections {
            out += "\n"
            if let h = section.heading { out += style("■ " + h, .strong) + "\n" }
            for block in section.blocks { out += render(block) }
        }
        return out
    }

    public func render(_ block: Block) -> String {
        switch block {
        case .table(let t): return render(t)
        case .fields(let f):
            let w = f.map { displayWidth($0.0) }.max() ?? 0
            return f.map {
                pad($0.0, to: w, .left) + "  "
                    + $0.1.replacingOccurrences(of: "\n", with: "\n" + String(repeating: " ", count: w + 2)) + "\n"
            }.joined()
        case .paragraph(let p): return p + "\n"
        case .chart: return ""
        }
    }

    public func render(_ t: ReportTable) -> String {
        let all = [t.columns.map { Cell($0.header) }] + t.rows + t.footer
        var widths = t.columns.map { _ in 0 }
        for row in all {
            for (i, c) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], displayWidth(oneLine(c.text)))
            }
        }
        var out = ""
        if let caption = t.caption { out += caption + "\n" }
        func line(_ row: [Cell], header: Bool = false) -> String {
            var parts: [String] = []
            for (i, col) in t.columns.enumerated() {
                let cell = i < row.count ? row[i] : Cell("")
                let a = header ? Alignment.left : col.alignment
                parts.append(style(pad(oneLine(cell.text), to: widths[i], a), cell.emphasis))
            }
            var s = parts.joined(separator: "  ")
            while s.hasSuffix(" ") { s.removeLast() }
            return s + "\n"
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        out += line(t.columns.map { Cell($0.header) }, header: true)
        out += rule
        for r in t.rows { out += line(r) }
        if !t.footer.isEmpty {
            out += rule
            for r in t.footer { out += line(r) }
        }
        return out
    }

    func oneLine(_ s: String) -> String { s.replacingOccurrences(of: "\n", with: " ") }

    func style(_ s: String, _ e: Emphasis) -> String {
        guard color else { return s }
        switch e {
        case .none: return s
        case .good: return "\u{1B}[32m" + s + "\u{1B}[0m"
        case .bad: return "\u{1B}[31m" + s + "\u{1B}[0m"
        case .warn: return "\u{1B}[33m" + s + "\u{1B}[0m"
        case .strong: return "\u{1B}[1m" + s + "\u{1B}[0m"
        }
    }
}
