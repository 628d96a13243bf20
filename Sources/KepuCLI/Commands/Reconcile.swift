import ArgumentParser
import KepuCore
import KepuReport
import KepuStore

/// Output formats of the reports.
enum ReportFormat: String, CaseIterable {
    case text, md, csv, json, html

    static func parse(_ s: String) throws -> ReportFormat {
        guard let f = ReportFormat(rawValue: s.lowercased()) else {
            throw KepuError.invalid("--format", s, isNot: "a report format", accepted: "use text, md, csv, json or html")
        }
        return f
    }
}

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Compare every indicator's actual with its target, and the budget's execution, at a date.",
        discussion: """
            Before the period's end this is the monitoring view (绩效运行监控): cumulative indicators against a linear prorated expectation, with the likelihood of completion (确定能/有可能/不可能), and budget execution against the share of the year elapsed. At or after it, the year-end view.

            Example:
              kepu reconcile --year 2023 --as-of 2023-06-30
              kepu reconcile --year 2023 --format json
            """)
    @Option(help: "The plan's year (default: the latest).") var year: String?
    @Option(help: "The date to reconcile at (default: today, within the plan's period).") var asOf: String?
    @Option(help: "text | md | csv | json | html") var format: String = "text"
    @Option(help: "Language of the labels: zh or en.") var lang: String = "zh"
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year)
        let day = try parsed(asOf) { try CalendarDate.parse($0, field: "--as-of") }
        let fmt = try ReportFormat.parse(format)
        let language = try Language.parse(lang)
        let ledger = try options.ledger()
        let (stored, facts) = try ledger.evaluationInputs(year: y, unit: unit.nonBlank, asOf: day, today: try console.today())
        let evaluation = Reconciler.evaluate(stored.plan, facts)
        let report = ReconcileReport.build(evaluation, lang: language)
        switch fmt {
        case .json: console.out(JSONValue.object(EvaluationJSON.object(evaluation)).render(indent: 2))
        case .text: console.out(TextRenderer(color: console.stdoutIsTerminal).render(report))
        case .md: console.out(MarkdownRenderer().render(report))
        case .csv: console.out(CSVRenderer().render(report))
        case .html: console.out(HTMLRenderer().render(report))
        }
    }
}

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Show the audit trail, newest first; --verify recomputes its hash chain.",
        discussion: """
            Every write appends a row (time, operator from $KEPU_USER or the OS user, command, record, before and after), each hashed with the one before it, so an edit behind kepu's back shows.

            Example:
              kepu log --limit 20
              kepu log --verify
            """)
    @Flag(help: "Recompute the hash chain and report the first broken row.") var verify = false
    @Option(help: "Show at most this many rows.") var limit: String?
    @Flag(help: "Show the before/after of each row.") var details = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        if verify {
            let v = try ledger.verifyAudit()
            if let broken = v.firstBroken {
                console.err("kepu: the audit trail is broken at row \(broken.id): \(broken.reason); rows from \(broken.id) on cannot be trusted")
                throw CheckFailed(code: 2)
            }
            console.out("the audit trail is intact: \(v.rows) row\(v.rows == 1 ? "" : "s") verified")
            return
        }
        let n = try parsed(limit) { Int(try Parse.positiveCount($0, field: "--limit")) }
        let entries = try ledger.auditLog(limit: n)
        var rows: [[Cell]] = []
        for e in entries {
            rows.append([Cell(String(e.id)), Cell(e.at), Cell(e.operatorName),
                         Cell(e.entity + (e.entityID.map { " \($0)" } ?? "")),
                         Cell(e.action),
                         Cell(e.command)])
            if details {
                if let b = e.before { rows.append(["", "", "", "", "before", Cell(b)]) }
                if let a = e.after { rows.append(["", "", "", "", "after", Cell(a)]) }
            }
        }
        console.out(TextRenderer().render(ReportTable(
            columns: [.init("#", .right), .init("time (UTC)"), .init("operator"), .init("record"), .init("what"), .init("command")],
            rows: rows)))
    }
}
