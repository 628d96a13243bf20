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
        let e = try SelfEvaluationDocuments.evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, today: try console.today(), lang: lang, scope: scope)
        return try SelfEvaluationDocuments.render(e, format: format, lang: lang, color: color, width: console.textWidth)
    }

    static func workbook(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, lang: Language, scope: EvaluationScope,
        to path: String
    ) throws {
        let e = try SelfEvaluationDocuments.evaluate(
            ledger: ledger, year: year, unit: unit, asOf: asOf, today: try console.today(), lang: lang, scope: scope)
        try SelfEvaluationDocuments.workbook(e, ledger: ledger, unit: unit, lang: lang, to: path)
    }
}
