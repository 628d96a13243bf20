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
              kepu event list --year 2023 --format csv -o 2023活动.csv
              kepu event list --year 2025 --kind 全国科普月
            """)
    @Option(
        help: ArgumentHelp(
            "只列该类型的活动及其子活动 · Only events of this kind, with their sub-activities (全国科普月, tech-week …).",
            valueName: "kind"))
    var kind: String?
    @Option(help: ArgumentHelp("只列该形式的活动 · Only events of this form (科普讲座, lecture …).", valueName: "form"))
    var form: String?
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let filter = try list.filter(ledger, unit: unit.value)
        var events = try ledger.events.list(in: filter.range, unit: unit.value, includeVoided: list.all)
        if let root = filter.event { events = events.subtrees(of: [root]) }
        if let kind = try parsed(kind, { try EventKind.parse($0, field: .named("--kind")) }) {
            events = events.subtrees(of: Set(events.filter { $0.kind == kind }.map(\.id)))
        }
        if let form = try parsed(form, { try EventForm.parse($0, field: .named("--form")) }) {
            events = events.filter { $0.form == form }
        }
        guard !events.isEmpty else {
            console.say(.noEvents(year: try yearValue(list.year)))
            return
        }
        try list.emitList(
            EventTables.list(events, lang: Language.current, showForm: true), json: events.map { .event($0) },
            kind: .event)
    }
}
