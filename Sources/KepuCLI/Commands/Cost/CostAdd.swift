import ArgumentParser
import KepuCore

struct CostAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "登记一笔费用（发票上的一行），输出其编号 · Add a cost; prints its id.",
        discussion: """
            --line 取覆盖该日期的计划中的明细编号或名称。金额以分保存。
            --line takes a line's id or name from the plan that covers the cost's date. Amounts are kept in fen.

            示例 · Example:
              kepu cost add --line commission --amount 6000 --event 1 \\
                --item 授课费 --invoice 23430001 --payee 株洲市科技馆
              kepu cost add --line 活动委托费 --amount 1.25万 --event 2
            """)
    @Option(help: ArgumentHelp("支出明细：编号或名称（commission 或 活动委托费）· The spending line.", valueName: "line"))
    var line: String
    @Option(
        parsing: .unconditional,
        help: ArgumentHelp("金额 · 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元", valueName: "amount"))
    var amount: String
    @Option(help: ArgumentHelp("所属活动 · The event it was for.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("摘要（授课费、车辆、展架、条幅…）· What was bought.", valueName: "item")) var item: String?
    @Option(help: ArgumentHelp("发票号 · The invoice number.", valueName: "no")) var invoice: String?
    @Option(help: ArgumentHelp("支付日期（默认活动第一天，否则今天）· The day paid.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("收款方 · Who was paid.", valueName: "payee")) var payee: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewCost(
            line: try Parse.text(line, field: .named("--line")),
            amount: try Money.parse(amount, field: .named("--amount")),
            event: try parsed(event) { try recordID($0, field: .named("--event")) }, item: item.nonBlank,
            invoice: invoice.nonBlank,
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, payee: payee.nonBlank,
            unit: unit.value)
        try input.validate()
        let r = try options.ledger().money.addCost(input)
        console.added(
            r.id, .costAdded(id: r.id, amount: input.amount, line: r.line.id, lineName: r.line.name, year: r.planYear))
        if r.overPlan {
            console.say(.lineOverPlan(name: r.line.name, spent: r.lineSpent, planned: r.line.amount))
        }
    }
}
