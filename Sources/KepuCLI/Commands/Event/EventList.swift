import ArgumentParser
import KepuCore
import KepuReport

struct EventList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出活动及其人次、费用、满意度、志愿者合计 · List events with their totals.",
        discussion: """
            示例 · Example:
              kepu event list --year 2023
              kepu event list --year 2023 --format csv > 2023活动.csv
            """)
    @Option(
        help: ArgumentHelp(
            "只列该年度计划期（或自然年）内开始的活动 · Only events starting in this year.",
            valueName: "year"))
    var year: String?
    @Flag(help: "包括已作废的活动 · Include voided events.") var all = false
    @Option(help: ArgumentHelp("格式 · text | md | csv | html（csv 可用 Excel 打开）", valueName: "format"))
    var format: String = "text"
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year)
        let fmt = try ReportFormat.parse(format)
        let ledger = try options.ledger()
        var range: DateRange?
        if let y { range = (try? ledger.plans.plan(year: y, unit: unit.value).plan.period) ?? DateRange.year(y) }
        let events = try ledger.events.list(in: range, unit: unit.value, includeVoided: all)
        guard !events.isEmpty else {
            console.say(.noEvents(year: y))
            return
        }
        let lang = Language.current
        try printList(
            EventTables.list(events, lang: lang),
            title: lang.t("活动", "Events") + (y.map { lang.t("（\($0)年）", " (\($0))") } ?? ""),
            format: fmt)
    }
}
