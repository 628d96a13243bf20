import ArgumentParser
import KepuCore
import KepuReport

struct PlanShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "完整显示一年的计划：预算、目标、明细、指标、评分 · Show a year's plan in full.",
        discussion: """
            --summary 只显示区级专项资金绩效目标汇总表（附表2）：合计、各专项及其支出方向的金额和目标。

            --summary shows only the summary of the special funds (附表2): the total, each fund and its projects.

            示例 · Example:
              kepu plan show --year 2023
              kepu plan show --year 2023 --summary
              kepu plan show --year 2023 --summary --format json
            """)
    @OptionGroup var year: YearOption
    @Flag(help: "只显示附表2（专项资金绩效目标汇总表）· Only the summary table (附表2).")
    var summary = false
    @OptionGroup var output: OutputOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let fmt = try output.resolvedFormat()
        let stored = try options.ledger().plans.plan(year: try year.value(), unit: unit.value)
        // A workbook is read by people, as the web is: no code, digest or machine time in it.
        let workbook = fmt == .xlsx
        let imported = String(RecordTables.localTime(stored.importedAt).prefix(16))
        let source =
            workbook
            ? lang.t("\(stored.sourceName)（导入于 \(imported)）", "\(stored.sourceName) (imported \(imported))")
            : lang.t(
                "\(stored.sourceName)（计划 \(stored.id)，sha256 \(stored.sha256.prefix(12))，导入于 \(stored.importedAt)）",
                "\(stored.sourceName) (plan \(stored.id), sha256 \(stored.sha256.prefix(12)), imported \(stored.importedAt))"
            )
        let report =
            summary
            ? PlanReport.summary(stored.plan, lang: lang)
            : PlanReport.build(stored.plan, lang: lang, source: source, surface: workbook ? .web : .commandLine)
        let what = Notice.Output.report(format: fmt.rawValue)
        let text: String
        switch fmt {
        case .xlsx:
            try emitWorkbook(to: output.output, what: what) { try XLSXRenderer.write(report, to: $0) }
            return
        case .json:
            guard summary else { throw KepuError(.planJSONNeedsSummary) }
            text = PlanReport.summaryJSON(stored.plan).render(indent: 2)
        case .text:
            text = TextRenderer(color: output.output == nil && console.stdoutIsTerminal, maxWidth: console.textWidth)
                .render(report)
        case .md: text = MarkdownRenderer().render(report)
        case .csv: text = CSVRenderer().render(report)
        case .html: text = HTMLRenderer(lang: lang).render(report)
        }
        try emit(text, to: output.output, what: what)
    }
}
