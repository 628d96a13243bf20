import ArgumentParser
import KepuCore

struct CostEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改一笔费用，编号不变 · Change a cost; the id stays.",
        discussion: """
            检查与 cost add 相同：活动有效、有计划覆盖该日期、明细属于该计划。
            The same checks as cost add: a live event, a plan covering the day, a line of that plan.

            示例 · Example:
              kepu cost edit 12 --amount 2600 --reason 发票金额录错
            """)
    @Argument(help: "费用编号 · The cost id.") var id: String
    @Option(help: ArgumentHelp("支出明细 · The spending line.", valueName: "line")) var line: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("金额 · The amount.", valueName: "amount")) var amount: String?
    @Option(help: ArgumentHelp("所属活动 · The event.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("摘要 · What was bought.", valueName: "item")) var item: String?
    @Option(help: ArgumentHelp("发票号 · The invoice number.", valueName: "no")) var invoice: String?
    @Option(help: ArgumentHelp("支付日期 · The day paid.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("收款方 · Who was paid.", valueName: "payee")) var payee: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        _ = try reason.validated()
        let patch = CostPatch(
            line: try parsed(line) { try Parse.text($0, field: .named("--line")) },
            amount: try parsed(amount) { a in
                let m = try Money.parse(a, field: .amount)
                try NewCost.check(amount: m)
                return m
            },
            event: try parsed(event) { try recordID($0, field: .named("--event")) }, item: item.nonBlank,
            invoice: invoice.nonBlank, date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) },
            payee: payee.nonBlank)
        reportEdit(try options.ledger().money.editCost(rid, patch))
    }
}
