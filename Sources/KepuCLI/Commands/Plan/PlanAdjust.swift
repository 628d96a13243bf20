import ArgumentParser
import KepuCore

struct PlanAdjust: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "adjust",
        abstract: "登记年中预算调整（全年预算数）· Record a mid-year budget adjustment (全年预算数).",
        discussion: """
            计划保留年初预算数；执行率和预算得分按全年预算数计算。可同时调整一条支出明细。
            The plan keeps the initial budget; execution and the budget score use the adjusted one.

            示例 · Example:
              kepu plan adjust --year 2023 --budget 3.5万 --reason 追加科普月活动经费
              kepu plan adjust --year 2023 --budget 3.5万 --line commission \\
                --amount 3万 --reason 追加活动委托费
            """)
    @Option(help: ArgumentHelp("计划年度 · The plan's year.", valueName: "year")) var year: String
    @Option(parsing: .unconditional, help: ArgumentHelp("调整后的项目预算（全年预算数）· The adjusted budget.", valueName: "amount"))
    var budget: String
    @Option(help: ArgumentHelp("调整原因（记入操作记录）· Why.", valueName: "reason")) var reason: String
    @Option(help: ArgumentHelp("调整日期（默认今天，限于计划期内）· The day it takes effect.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("同时调整的支出明细 · A line adjusted too.", valueName: "line")) var line: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("该明细调整后的金额 · The line's new amount.", valueName: "amount"))
    var amount: String?
    @OptionGroup var project: ProjectOption
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        var input = BudgetAdjustment(
            year: try yearValue(year) ?? 0, budget: try Money.parse(budget, field: .named("--budget")),
            reason: try Parse.text(reason, field: .named("--reason")),
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, line: line.nonBlank,
            lineAmount: try parsed(amount) { try Money.parse($0, field: .named("--amount")) }, unit: unit.value)
        input.project = project.project.nonBlank
        try input.validate()
        let id = try options.ledger().evaluation.adjust(input)
        console.added(
            id,
            .budgetAdjusted(
                year: input.year, budget: input.budget, line: input.line,
                lineAmount: input.lineAmount, reason: input.reason))
    }
}
