import ArgumentParser
import KepuCore

struct BasicSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "登记年度基本支出合计（取自财务系统）· Set the year's basic expenditure (from the finance system).",
        discussion: """
            kepu 不记工资明细，只记一年的基本支出合计，用于 kepu report --scope department。已登记的数要替换时请加 --reason。
            kepu keeps no payroll: one total for the year, for kepu report --scope department. Replacing it needs --reason.

            示例 · Example:
              kepu basic set --year 2023 --spent 52.10万 --source 2023年财务决算
              kepu report --year 2023 --scope department
            """)
    @Option(help: ArgumentHelp("年度 · The plan's year.", valueName: "year")) var year: String
    @Option(parsing: .unconditional, help: ArgumentHelp("基本支出合计 · The basic expenditure.", valueName: "amount"))
    var spent: String
    @Option(help: ArgumentHelp("数据来源 · Where the figure comes from.", valueName: "text")) var source: String?
    @Option(help: ArgumentHelp("替换原因（替换已登记的数时必填）· Why an earlier figure is replaced.", valueName: "reason"))
    var reason: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = BasicSpending(
            year: try yearValue(year) ?? 0, spent: try Money.parse(spent, field: .named("--spent")),
            source: source.nonBlank,
            reason: try parsed(reason) { try Parse.text($0, field: .named("--reason")) }, unit: unit.value)
        let id = try options.ledger().evaluation.setBasic(input)
        console.added(id, .basicSet(year: input.year, spent: input.spent))
    }
}
