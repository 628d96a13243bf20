/// Renders a report as GitHub-flavoured Markdown; user text is escaped so it cannot break a table.
public struct MarkdownRenderer: Sendable {
    public init() {}

    public func render(_ report: Report) -> String {
        var out = "# \(escape(report.title))\n\n"
        for line in report.subtitle { out += escape(line) + "  \n" }
        for section in report.sections {
            out += "\n"
            if let h = section.heading { out += "## \(escape(h))\n\n" }
            for block in section.blocks {
                switch block {
                case .table(let t): out += render(t) + "\n"
                case .fields(let f):
                    out += f.map { "- **\(escape($0.0))**: \(escape($0.1))" }.joined(separator: "\n") + "\n\n"
                case .paragraph(let p): out += escape(p) + "\n\n"
                case .chart: break
                }
            }
        }
        while out.hasSuffix("\n\n") { out.removeLast() }
        return out
    }

    public func render(_ t: ReportTable) -> String {
        var out = ""
        if let c = t.caption { out += "**\(escape(c))**\n\n" }
        out += "| " + t.columns.map { escape($0.header) }.joined(separator: " | ") + " |\n"
        out +=
            "|"
            + t.columns.map {
                switch $0.alignment {
                case .left: ":---"
                case .right: "---:"
                case .center: ":---:"
                }
            }.joined(separator: "|") + "|\n"
        for (i, row) in (t.rows + t.footer).enumerated() {
            let bold = i >= t.rows.count
            out +=
                "| "
                + t.columns.indices.map { j in
                    let text = j < row.count ? escape(row[j].text) : ""
                    return bold && !text.isEmpty ? "**\(text)**" : text
                }.joined(separator: " | ") + " |\n"
        }
        return out
    }

    func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "|", "\\", "*", "_", "`", "<", ">", "[", "]", "#": out += "\\\(c)"
            case "\n": out += "<br>"
            default: out.append(c)
            }
        }
        return out
    }
}
