import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "按官方格式生成年度绩效自评表 · Write the year's self-evaluation (绩效自评) in the official layout.",
        discussion: """
            格式也可以由 -o 的扩展名决定（.txt .md .csv .json .html）。HTML 是一个独立文件，可在 A4 纸上打印，含图表；不显示手机号。

            The format may also come from the extension of -o. The HTML is one self-contained file, printable on A4, with charts. Phone numbers are never shown.

            示例 · Example:
              kepu report --year 2023 -o 2023绩效自评.html
              kepu report --year 2023 --format csv -o 2023绩效自评.csv
              kepu report --year 2023 --lang en
            """)
    @OptionGroup var year: YearOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOption
    @Option(help: ArgumentHelp("评价日期（默认今天，限于计划期内）· Evaluate at this date.", valueName: "date"))
    var asOf: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try output.resolvedFormat()
        let y = try year.value()
        let day = try parsed(asOf) { try CalendarDate.parse($0, field: "--as-of") }
        let ledger = try options.ledger()
        if fmt == .xlsx {
            try emitWorkbook(to: output.output, what: .report(format: fmt.rawValue)) { path in
                try Self.workbook(
                    ledger: ledger, year: y, unit: unit.value, asOf: day, lang: Language.current,
                    scope: try scope.value(),
                    to: path)
            }
            return
        }
        let text = try Self.render(
            ledger: ledger, year: y, unit: unit.value, asOf: day, format: fmt, lang: Language.current,
            color: output.output == nil && console.stdoutIsTerminal, scope: try scope.value())
        try emit(text, to: output.output, what: .report(format: fmt.rawValue))
    }

    static func render(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, format: ReportFormat, lang: Language,
        color: Bool, scope: EvaluationScope = .project
    ) throws -> String {
        let (_, card, findings, report) = try evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, lang: lang, scope: scope)
        switch format {
        case .text: return TextRenderer(color: color, maxWidth: console.textWidth).render(report)
        case .md: return MarkdownRenderer().render(report)
        case .csv: return CSVRenderer().render(report)
        case .json: return SelfEvaluationReport.json(card, findings: findings, lang: lang).render(indent: 2)
        case .html: return HTMLRenderer(lang: lang).render(report)
        case .xlsx: throw KepuError(.xlsxNeedsOutput)
        }
    }

    /// The year's self-evaluation, scored and laid out, with what it was computed from.
    static func evaluate(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, lang: Language, scope: EvaluationScope
    ) throws -> (ReportInputs, Scorecard, [LintFinding], Report) {
        let inputs = try ledger.evaluation.reportInputs(year: year, unit: unit, asOf: asOf, today: try console.today())
        let plan = inputs.stored.plan
        let (card, findings) = SelfEvaluation.make(
            plan: plan, facts: inputs.facts, notes: inputs.notes, events: inputs.events,
            storeFindings: inputs.storeFindings, scope: scope)
        let report = SelfEvaluationReport.build(
            plan: plan, card: card, events: inputs.events, evidence: inputs.evidence, findings: findings, lang: lang)
        return (inputs, card, findings, report)
    }

    /// The self-evaluation workbook: the official table, then the events, costs, print runs,
    /// volunteers (phones masked) and data checks of the year.
    static func workbook(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, lang: Language, scope: EvaluationScope,
        to path: String
    ) throws {
        let (inputs, _, findings, report) = try evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, lang: lang, scope: scope)
        let plan = inputs.stored.plan
        let filter = RecordFilter(range: plan.period, event: nil, unit: unit, includeVoided: false)
        let y = plan.year
        func sheet(_ zh: String, _ en: String, _ table: ReportTable) -> XLSXRenderer.Sheet {
            XLSXRenderer.Sheet(
                name: lang.t(zh, en), title: lang.t("\(y)年\(zh)", "\(en) \(y)"), table: table)
        }
        var more = [
            sheet("活动", "Events", EventTables.list(inputs.events, lang: lang, showForm: true)),
            sheet("费用", "Costs", RecordTables.costs(try ledger.money.costs(filter), lang: lang)),
            sheet("印刷品", "Print runs", RecordTables.printRuns(try ledger.money.printRuns(filter), lang: lang)),
            sheet(
                "志愿者", "Volunteers",
                RecordTables.volunteers(
                    try ledger.volunteers.list(RecordFilter(range: nil, event: nil, unit: unit, includeVoided: false)),
                    maskPhones: true, lang: lang)),
        ]
        let checks = ReportTable(
            columns: [.init(lang.t("核查", "Check")), .init(lang.t("对象", "Subject")), .init(lang.t("发现", "Finding"))],
            rows: findings.map { [Cell($0.check), Cell(Catalogue.text($0.subject, lang)), Cell($0.text(lang), .warn)] })
        more.append(sheet("数据核查", "Data checks", checks))
        try SelfEvaluationWorkbook.write(report, more: more, to: path, lang: lang)
    }
}
