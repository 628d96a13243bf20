import ArgumentParser
import KepuCore

struct PrintAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "登记一次印刷，费用（份数 × 单价）列支计划的印刷明细 · Add a print run.",
        discussion: """
            示例 · Example:
              kepu print add --title 科普日宣传折页 --ink 彩色 --copies 2000 \\
                --unit-price 1元 --event 1
              kepu print add --title 防诈骗科普单页 --ink 单色 --copies 6000 \\
                --unit-price 0.5元 --date 2023-05-20
            """)
    @Option(help: ArgumentHelp("品名 · What was printed.", valueName: "title")) var title: String
    @Option(help: ArgumentHelp("类型 · 彩色(color) | 单色(mono)", valueName: "ink")) var ink: String
    @Option(parsing: .unconditional, help: ArgumentHelp("份数（至少 1）· Number of copies.", valueName: "n")) var copies:
        String
    @Option(parsing: .unconditional, help: ArgumentHelp("单价 · Price per copy: 1元, 0.5元.", valueName: "amount"))
    var unitPrice: String
    @Option(help: ArgumentHelp("所属活动 · The event it was for.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("日期（默认活动第一天，否则今天）· The day.", valueName: "date")) var date: String?
    @Option(
        help: ArgumentHelp(
            "列支的印刷类明细（默认活动所在项目的印刷明细）· The printing line, when the project has several.",
            valueName: "line"))
    var line: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        var input = NewPrintRun(
            title: try Parse.text(title, field: .named("--title")), ink: try Ink.parse(ink, field: .named("--ink")),
            copies: try Parse.positiveCount(copies, field: .named("--copies")),
            unitPrice: try Money.parse(unitPrice, field: .named("--unit-price")),
            event: try parsed(event) { try recordID($0, field: .named("--event")) },
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, unit: unit.value)
        input.line = line.nonBlank
        try input.validate()
        let r = try options.ledger().money.addPrintRun(input)
        console.added(
            r.id,
            .printRunAdded(
                id: r.id, copies: input.copies, unitPrice: input.unitPrice, cost: input.cost,
                line: r.line.id, lineName: r.line.name))
        if r.overPlan {
            console.say(.lineOverPlan(name: r.line.name, spent: r.lineSpent, planned: r.line.amount))
        }
    }
}
