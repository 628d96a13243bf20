import Foundation

/// Renders a report as aligned plain text; colour (ANSI) only when asked, i.e. on a terminal.
///
/// Tables fit `maxWidth` columns (120 by default): the widest text columns are narrowed and their cells
/// wrap onto continuation lines, counting Chinese characters as two columns.
public struct TextRenderer: Sendable {
    public var color: Bool
    public var maxWidth: Int
    public init(color: Bool = false, maxWidth: Int = 120) {
        self.color = color
        self.maxWidth = maxWidth
    }

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
            let indent = String(repeating: " ", count: w + 2)
            return f.map {
                let lines = wrap($0.1, to: max(20, maxWidth - w - 2))
                return pad($0.0, to: w, .left) + "  " + lines.joined(separator: "\n" + indent) + "\n"
            }.joined()
        case .paragraph(let p): return wrap(p, to: maxWidth).joined(separator: "\n") + "\n"
        case .chart: return ""
        }
    }

    public func render(_ t: ReportTable) -> String {
        let all = [t.columns.map { Cell($0.header) }] + t.rows + t.footer
        var widths = t.columns.map { _ in 0 }
        for row in all {
            for (i, c) in row.enumerated() where i < widths.count {
                for part in c.text.split(separator: "\n", omittingEmptySubsequences: false) {
                    widths[i] = max(widths[i], displayWidth(String(part)))
                }
            }
        }
        widths = fit(widths, t.columns)
        var out = ""
        if let caption = t.caption { out += caption + "\n" }
        func lines(_ row: [Cell], header: Bool = false) -> String {
            let wrapped = t.columns.indices.map { i in wrap(i < row.count ? row[i].text : "", to: widths[i]) }
            let height = wrapped.map(\.count).max() ?? 1
            var text = ""
            for k in 0..<height {
                var parts: [String] = []
                for (i, col) in t.columns.enumerated() {
                    let a = header ? Alignment.left : col.alignment
                    let piece = k < wrapped[i].count ? wrapped[i][k] : ""
                    parts.append(style(pad(piece, to: widths[i], a), i < row.count ? row[i].emphasis : .none))
                }
                var s = parts.joined(separator: "  ")
                while s.hasSuffix(" ") { s.removeLast() }
                text += s + "\n"
            }
            return text
        }
        let rule = widths.map { String(repeating: "─", count: $0) }.joined(separator: "  ") + "\n"
        out += lines(t.columns.map { Cell($0.header) }, header: true)
        out += rule
        for r in t.rows { out += lines(r) }
        if !t.footer.isEmpty {
            out += rule
            for r in t.footer { out += lines(r) }
        }
        return out
    }

    /// Narrows the widest text columns, one column at a time, until the table fits `maxWidth`; numbers keep
    /// their width.
    func fit(_ natural: [Int], _ columns: [ReportTable.Column]) -> [Int] {
        var widths = natural
        // A column keeps at least 10 columns, and its header whole up to 16.
        let floors = columns.indices.map { min(natural[$0], max(10, min(16, displayWidth(columns[$0].header)))) }
        func total() -> Int { widths.reduce(0, +) + 2 * max(0, widths.count - 1) }
        // Text columns wrap; so does a right-aligned column holding long text rather than a figure.
        let wrappable = columns.indices.map { columns[$0].alignment == .left || natural[$0] > 16 }
        while total() > maxWidth {
            let candidates = widths.indices.filter { wrappable[$0] && widths[$0] > floors[$0] }
            guard let widest = candidates.max(by: { widths[$0] < widths[$1] }) else { break }
            widths[widest] -= 1
        }
        return widths
    }

    /// Splits text into lines of at most `width` columns: at explicit line breaks, then after a space or
    /// between any two Chinese characters.
    func wrap(_ text: String, to width: Int) -> [String] {
        var out: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            var line = ""
            var lineWidth = 0
            var lastSpace: String.Index?
            for c in paragraph {
                let w = displayWidth(String(c))
                if lineWidth + w > width && !line.isEmpty {
                    if let space = lastSpace, c.isASCII, space > line.startIndex {
                        // Break an English word at its last space.
                        let rest = String(line[line.index(after: space)...])
                        out.append(String(line[..<space]))
                        line = rest
                        lineWidth = displayWidth(rest)
                    } else {
                        out.append(line)
                        line = ""
                        lineWidth = 0
                    }
                    lastSpace = nil
                }
                if c == " " { lastSpace = line.endIndex }
                line.append(c)
                lineWidth += w
            }
            out.append(line)
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
