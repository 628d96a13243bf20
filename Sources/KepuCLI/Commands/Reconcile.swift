import ArgumentParser
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

struct Reconcile: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reconcile",
        abstract: "某日的指标完成情况与预算执行 · Compare every indicator and the budget with the targets at a date.",
        discussion: """
            期末之前是绩效运行监控：累计指标与按时间进度折算的预期比较，给出完成目标可能性（确定能/有可能/不可能），预算执行率与时间进度比较。期末及之后是年终对账。

            Before the period's end this is the monitoring view: cumulative indicators against a linear prorated expectation, with the likelihood of completion, and budget execution against the share of the year elapsed.

            示例 · Example:
              kepu reconcile --year 2023 --as-of 2023-06-30
              kepu reconcile --year 2023 --format json
              kepu reconcile --year 2023 --project kepu-activities
            """)
    @OptionGroup var year: YearOption
    @Option(
        help: ArgumentHelp(
            "对账日期（默认今天，限于计划期内）· The date (default: today, within the period).",
            valueName: "date"))
    var asOf: String?
    @OptionGroup var output: OutputOptions
    @OptionGroup var scope: ScopeOption
    @OptionGroup var project: ProjectOption
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try year.value()
        let day = try parsed(asOf) { try CalendarDate.parse($0, field: .named("--as-of")) }
        let fmt = try output.resolvedFormat()
        let language = Language.current
        let ledger = try options.ledger()
        let r = try YearProjects.reconcile(
            ledger: ledger, year: y, unit: unit.value, asOf: day, today: try console.today(),
            project: project.project, scope: try scope.value())
        // A workbook is read by people: its lines by their names alone, as the web names them.
        let surface: Surface = fmt == .xlsx ? .web : .commandLine
        let report =
            r.several
            ? YearProjects.combined(
                r.parts.map { ($0, ReconcileReport.build($0, lang: language, surface: surface)) }, lang: language)
            : ReconcileReport.build(r.parts[0], lang: language, surface: surface)
        let text: String
        switch fmt {
        case .xlsx:
            try emitWorkbook(to: output.output, what: .reconciliation(format: fmt.rawValue)) {
                try XLSXRenderer.write(report, to: $0)
            }
            return
        case .json: text = YearProjects.json(r).render(indent: 2)
        case .text:
            text = TextRenderer(color: output.output == nil && console.stdoutIsTerminal, maxWidth: console.textWidth)
                .render(report)
        case .md: text = MarkdownRenderer().render(report)
        case .csv: text = CSVRenderer().render(report)
        case .html: text = HTMLRenderer(lang: language).render(report)
        }
        try emit(text, to: output.output, what: .reconciliation(format: fmt.rawValue))
    }
}
