import ArgumentParser
import KepuCore
import KepuReport

struct EventShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "显示一个活动及其全部记录 · Show one event with everything recorded against it.",
        discussion: "示例 · Example:\n  kepu event show 1")
    @Argument(help: "活动编号 · The event id.") var id: String
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: Language.current.t("活动编号", "event id"))
        let detail = try options.ledger().events.detail(eid)
        let report = EventTables.detail(detail, maskPhones: !showPhones, lang: Language.current)
        console.out(TextRenderer(color: console.stdoutIsTerminal, maxWidth: console.textWidth).render(report))
    }
}
