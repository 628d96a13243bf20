import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report", abstract: "Write the year's performance self-evaluation (绩效自评) in the official layout.",
        discussion: """
            The format may also come from the extension of -o (.txt .md .csv .json .html). The HTML is one self-contained file, printable on A4, with charts. Phone numbers are never shown.

            Example:
              kepu report --year 2023 -o 2023绩效自评.html
              kepu report --year 2023 --format csv -o 2023绩效自评.csv
              kepu report --year 2023 --lang en
            """)
    @Option(help: "The plan's year (default: the latest).") var year: String?
    @Option(help: "text | md | csv | json | html (default: from -o, else text)") var format: String?
    @Option(help: "Language of the labels: zh or en.") var lang: String = "zh"
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
    @Option(help: "Evaluate at this date (default: today, within the plan's period).") var asOf: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try format.map(ReportFormat.parse) ?? output.flatMap(Self.formatFromExtension) ?? .text
        let language = try Language.parse(lang)
        let y = try yearValue(year)
        let day = try parsed(asOf) { try CalendarDate.parse($0, field: "--as-of") }
        let ledger = try options.ledger()
        let text = try Self.render(ledger: ledger, year: y, unit: unit.nonBlank, asOf: day, format: fmt, lang: language,
                                   color: output == nil && console.stdoutIsTerminal)
        try emit(text, to: output, what: "the \(fmt.rawValue) report")
    }

    static func formatFromExtension(_ path: String) -> ReportFormat? {
        switch (path as NSString).pathExtension.lowercased() {
        case "txt": .text
        case "md": .md
        case "csv": .csv
        case "json": .json
        case "html", "htm": .html
        default: nil
        }
    }

    static func render(ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, format: ReportFormat, lang: Language,
                       color: Bool) throws -> String {
        let inputs = try ledger.reportInputs(year: year, unit: unit, asOf: asOf, today: try console.today())
        let plan = inputs.stored.plan
        let (card, findings) = SelfEvaluation.make(plan: plan, facts: inputs.facts, notes: inputs.notes, events: inputs.events,
                                                   storeFindings: inputs.storeFindings)
        let report = SelfEvaluationReport.build(plan: plan, card: card, events: inputs.events, evidence: inputs.evidence,
                                                findings: findings, lang: lang)
        switch format {
        case .text: return TextRenderer(color: color).render(report)
        case .md: return MarkdownRenderer().render(report)
        case .csv: return CSVRenderer().render(report)
        case .json: return SelfEvaluationReport.json(card, findings: findings).render(indent: 2)
        case .html: return HTMLRenderer(lang: lang).render(report)
        }
    }
}

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note", abstract: "Explain an indicator: deviation reason, improvement measures, manual score.",
        subcommands: [NoteSet.self])
}

struct NoteSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set an indicator's deviation reason (偏差原因), measures (改进措施) or manual score.",
        discussion: """
            A manual score is for an indicator kepu cannot score from the ledger (a target due after the year, a qualitative one); it must lie within 0 and the indicator's weight, with a reason: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight.

            Example:
              kepu note set --year 2023 --indicator reach --reason 受台风影响9月一场户外活动取消 --measures 增加线上直播场次
              kepu note set --year 2023 --indicator literacy --score 13 --why 抽样调查9.62%，接近2025年目标10%
            """)
    @Option(help: "The plan's year.") var year: String
    @Option(help: "The indicator's id (see kepu plan show).") var indicator: String
    @Option(help: "偏差原因分析.") var reason: String?
    @Option(help: "改进措施.") var measures: String?
    @Option(parsing: .unconditional, help: "A manual score, 0 to the indicator's weight.") var score: String?
    @Option(help: "Why that score.") var why: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NoteInput(
            year: try yearValue(year)!, indicator: indicator.trimmingCharacters(in: .whitespaces), reason: reason.nonBlank,
            measures: measures.nonBlank,
            score: try parsed(score) { s in
                guard let v = Fixed.parse(s.trimmingCharacters(in: .whitespaces), maxPlaces: 2) else {
                    throw KepuError.invalid("--score", s, isNot: "a score", accepted: "write a number such as 13 or 12.5")
                }
                return v
            }, why: why.nonBlank, unit: unit.nonBlank)
        try input.validate()
        let id = try options.ledger().setNote(input)
        reportAdded(id, "noted \(input.indicator) of \(input.year)")
    }
}

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Run the data checks; silent with exit 0 when all pass, else findings and exit 2.",
        discussion: """
            Checks: events or costs outside the period; a campaign with no attendance; more survey responses than attendance; print runs that differ from the plan; a line over its plan; missed or ≥ 130% indicators without a deviation note; a measurement older than the period.

            Example:
              kepu check --year 2023
            """)
    @Option(help: "The plan's year (default: the latest).") var year: String?
    @Option(help: "Language of the findings: zh or en.") var lang: String = "zh"
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year)
        let language = try Language.parse(lang)
        let inputs = try options.ledger().reportInputs(year: y, unit: unit.nonBlank, asOf: nil, today: try console.today())
        let (_, findings) = SelfEvaluation.make(plan: inputs.stored.plan, facts: inputs.facts, notes: inputs.notes,
                                                events: inputs.events, storeFindings: inputs.storeFindings)
        guard !findings.isEmpty else { return }
        for f in findings {
            console.out("\(f.check): \(f.subject): \(language == .zh ? (f.chinese ?? f.message) : f.message)")
        }
        console.err("\(findings.count) finding\(findings.count == 1 ? "" : "s")")
        throw CheckFailed(code: 2)
    }
}
