import Foundation
import KepuCore
import KepuReport
import KepuStore

/// The year's self-evaluation (绩效自评) in every format, from the ledger: the one library call
/// behind `kepu report`, the web's 自评 page and `GET /api/v1/report`.
public enum SelfEvaluationDocuments {
    /// What a self-evaluation is computed from, its scorecard, its findings and its layout.
    public struct Evaluated: Sendable {
        public var inputs: ReportInputs
        public var card: Scorecard
        public var findings: [LintFinding]
        public var report: Report
        /// The front end it is for: the web's words have links where the command line's name commands.
        public var surface: Surface
    }

    public static func evaluate(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate, lang: Language,
        scope: EvaluationScope = .project, project: String? = nil, surface: Surface = .commandLine
    ) throws -> Evaluated {
        let inputs = try ledger.evaluation.reportInputs(
            year: year, unit: unit, asOf: asOf, today: today, project: project)
        let plan = inputs.stored.plan
        let (card, findings) = SelfEvaluation.make(
            plan: plan, facts: inputs.facts, notes: inputs.notes, events: inputs.events,
            storeFindings: inputs.storeFindings, scope: scope)
        let report = SelfEvaluationReport.build(
            plan: plan, card: card, events: inputs.events, evidence: inputs.evidence, findings: findings, lang: lang,
            surface: surface)
        return Evaluated(inputs: inputs, card: card, findings: findings, report: report, surface: surface)
    }

    /// A text format: plain text (for a terminal `width` wide), Markdown, CSV, JSON or HTML.
    public static func render(
        _ e: Evaluated, format: ReportFormat, lang: Language, color: Bool = false, width: Int = 120
    ) throws -> String {
        switch format {
        case .text: return TextRenderer(color: color, maxWidth: width).render(e.report)
        case .md: return MarkdownRenderer().render(e.report)
        case .csv: return CSVRenderer().render(e.report)
        case .json: return SelfEvaluationReport.json(e.card, findings: e.findings, lang: lang).render(indent: 2)
        case .html: return HTMLRenderer(lang: lang).render(e.report)
        case .xlsx: throw KepuError(.xlsxNeedsOutput)
        }
    }

    /// The self-evaluation workbook: the official table, then the events, costs, print runs,
    /// volunteers (phones masked) and data checks of the year.
    public static func workbook(_ e: Evaluated, ledger: Ledger, unit: String?, lang: Language, to path: String) throws {
        try workbook([e], ledger: ledger, unit: unit, lang: lang, to: path)
    }

    /// Several self-evaluations (every project's, then the department's): one official sheet each, then
    /// the year's records.
    public static func workbook(_ parts: [Evaluated], ledger: Ledger, unit: String?, lang: Language, to path: String)
        throws
    {
        let e = parts.last!
        let plan = e.inputs.stored.plan
        let filter = RecordFilter(range: plan.period, event: nil, unit: unit, includeVoided: false)
        let y = plan.year
        func sheet(_ zh: String, _ en: String, _ table: ReportTable) -> XLSXRenderer.Sheet {
            XLSXRenderer.Sheet(name: lang.t(zh, en), title: lang.t("\(y)年\(zh)", "\(en) \(y)"), table: table)
        }
        // A workbook is read by people, whoever writes it: spending lines by their names in the plan,
        // events by their numbers and titles (`12 科普讲座`), never a code.
        let costs = try ledger.money.costs(filter)
        let runs = try ledger.money.printRuns(filter)
        var names = RecordNames(
            events: try ledger.events.titles(Set((costs.map(\.event) + runs.map(\.event)).compactMap { $0 })))
        for part in parts {
            for l in part.inputs.stored.plan.lines where names.lines[l.id] == nil { names.lines[l.id] = l.name }
        }
        var more = [
            sheet("活动", "Events", EventTables.list(e.inputs.events, lang: lang, showForm: true)),
            sheet("费用", "Costs", RecordTables.costs(costs, lang: lang, names: names)),
            sheet("印刷品", "Print runs", RecordTables.printRuns(runs, lang: lang, names: names)),
            sheet(
                "志愿者", "Volunteers",
                RecordTables.volunteers(
                    try ledger.volunteers.list(RecordFilter(range: nil, event: nil, unit: unit, includeVoided: false)),
                    maskPhones: true, lang: lang)),
        ]
        // The checks as the web words them, whichever front end asked: subjects by name, and what to do in
        // words (上传佐证材料), not a command.
        let checks = SelfEvaluationReport.checksTable(e.findings, plan: plan, lang: lang, surface: .web)
        more.append(sheet("数据核查", "Data checks", checks))
        if parts.count == 1 {
            try SelfEvaluationWorkbook.write(e.report, more: more, to: path, lang: lang)
        } else {
            let official = parts.map { p -> (String, Report) in
                (YearProjects.heading(p.card.evaluation, lang: lang), p.report)
            }
            try SelfEvaluationWorkbook.write(official, more: more, to: path, lang: lang)
        }
    }
}
