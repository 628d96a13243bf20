import ArgumentParser
import Foundation
import KepuCore
import KepuOffice
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
              kepu report --year 2023 --project kepu-activities
              kepu report --year 2023 --summary
            """)
    @OptionGroup var year: YearOption
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOption
    @OptionGroup var project: ProjectOption
    @Flag(help: "每个项目和部门整体的得分与等级 · Each project's score and grade, and the department's.")
    var summary = false
    @Option(help: ArgumentHelp("评价日期（默认今天，限于计划期内）· Evaluate at this date.", valueName: "date"))
    var asOf: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try output.resolvedFormat()
        let y = try year.value()
        let day = try parsed(asOf) { try CalendarDate.parse($0, field: .named("--as-of")) }
        let ledger = try options.ledger()
        let lang = Language.current
        if summary {
            let s = try YearProjects.summary(
                ledger: ledger, year: y, unit: unit.value, asOf: day, today: try console.today(), lang: lang)
            let report = YearProjects.summaryReport(s, lang: lang)
            if fmt == .xlsx {
                try emitWorkbook(to: output.output, what: .report(format: fmt.rawValue)) {
                    try XLSXRenderer.write(report, to: $0)
                }
                return
            }
            let text =
                fmt == .json
                ? YearProjects.summaryJSON(s).render(indent: 2)
                : try Self.renderPlain(
                    report, format: fmt, lang: lang, color: output.output == nil && console.stdoutIsTerminal)
            try emit(text, to: output.output, what: .report(format: fmt.rawValue))
            return
        }
        if fmt == .xlsx {
            try emitWorkbook(to: output.output, what: .report(format: fmt.rawValue)) { path in
                try Self.workbook(
                    ledger: ledger, year: y, unit: unit.value, asOf: day, lang: lang, scope: try scope.value(),
                    project: project.project, to: path)
            }
            return
        }
        let text = try Self.render(
            ledger: ledger, year: y, unit: unit.value, asOf: day, format: fmt, lang: lang,
            color: output.output == nil && console.stdoutIsTerminal, scope: try scope.value(),
            project: project.project)
        try emit(text, to: output.output, what: .report(format: fmt.rawValue))
    }

    static func renderPlain(_ report: Report, format: ReportFormat, lang: Language, color: Bool) throws -> String {
        switch format {
        case .text: return TextRenderer(color: color, maxWidth: console.textWidth).render(report)
        case .md: return MarkdownRenderer().render(report)
        case .csv: return CSVRenderer().render(report)
        case .html: return HTMLRenderer(lang: lang).render(report)
        case .json, .xlsx: throw KepuError(.xlsxNeedsOutput)
        }
    }

    static func render(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, format: ReportFormat, lang: Language,
        color: Bool, scope: EvaluationScope = .project, project: String? = nil
    ) throws -> String {
        let parts = try YearProjects.evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, today: try console.today(), lang: lang, scope: scope,
            project: project)
        if parts.count == 1 {
            return try SelfEvaluationDocuments.render(
                parts[0], format: format, lang: lang, color: color, width: console.textWidth)
        }
        switch format {
        case .json:
            let plan = try ledger.plans.plan(year: year, unit: unit).plan
            return YearProjects.json(parts, plan: plan, lang: lang).render(indent: 2)
        case .html:
            return HTMLRenderer(lang: lang).render(parts.map(\.report))
        default:
            return try parts.map {
                try SelfEvaluationDocuments.render(
                    $0, format: format, lang: lang, color: color, width: console.textWidth)
            }.joined(separator: "\n")
        }
    }

    static func workbook(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, lang: Language, scope: EvaluationScope,
        project: String? = nil, to path: String
    ) throws {
        let parts = try YearProjects.evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, today: try console.today(), lang: lang, scope: scope,
            project: project)
        try SelfEvaluationDocuments.workbook(parts, ledger: ledger, unit: unit, lang: lang, to: path)
    }
}
