import ArgumentParser
import KepuCore

struct PrintEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改一条印刷记录，编号不变 · Change a print run; the id stays.",
        discussion: """
            示例 · Example:
              kepu print edit 2 --copies 1800 --reason 按送货单更正份数
            """)
    @Argument(help: "印刷记录编号 · The print run id.") var id: String
    @Option(help: ArgumentHelp("品名 · What was printed.", valueName: "title")) var title: String?
    @Option(help: ArgumentHelp("类型 · 彩色 | 单色", valueName: "ink")) var ink: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("份数 · Copies.", valueName: "n")) var copies: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("单价 · Price per copy.", valueName: "amount")) var unitPrice:
        String?
    @Option(help: ArgumentHelp("所属活动 · The event.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("日期 · The day.", valueName: "date")) var date: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        _ = try reason.validated()
        let patch = PrintRunPatch(
            title: try parsed(title) { try Parse.text($0, field: .named("--title")) },
            ink: try parsed(ink) { try Ink.parse($0, field: .named("--ink")) },
            copies: try parsed(copies) { try Parse.positiveCount($0, field: .named("--copies")) },
            unitPrice: try parsed(unitPrice) { try Money.parse($0, field: .named("--unit-price")) },
            event: try parsed(event) { try recordID($0, field: .named("--event")) },
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) })
        reportEdit(try options.ledger().money.editPrintRun(rid, patch))
    }
}
