import ArgumentParser
import KepuCore
import KepuReport

struct EventShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "显示一个活动及其全部记录和修改记录 · Show one event, everything recorded against it, and its history.",
        discussion: "示例 · Example:\n  kepu event show 1")
    @Argument(help: "活动编号 · The event id.") var id: String
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: .named(Language.current.t("活动编号", "event id")))
        let ledger = try options.ledger()
        let detail = try ledger.events.detail(eid)
        var report = EventTables.detail(detail, maskPhones: !showPhones, lang: Language.current)
        let history = RecordTables.historyTable(try ledger.audit.history(.event, eid), lang: Language.current)
        report.sections.append(Section(heading: Language.current.t("修改记录", "History"), blocks: [.table(history)]))
        console.out(TextRenderer(color: console.stdoutIsTerminal, maxWidth: console.textWidth).render(report))
    }
}
