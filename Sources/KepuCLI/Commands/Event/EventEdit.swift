import ArgumentParser
import KepuCore

struct EventEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改活动的字段，编号不变 · Change an event's fields; the id stays.",
        discussion: """
            只改给出的字段，检查与 add 相同；操作记录保留修改前后。
            Only the fields given change, with the same checks as add; the audit trail keeps before and after.

            示例 · Example:
              kepu event edit 3 --venue 石峰公园 --reason 地点录错
            """)
    @Argument(help: "活动编号 · The event id.") var id: String
    @Option(help: ArgumentHelp("活动名称 · The title.", valueName: "title")) var title: String?
    @Option(help: ArgumentHelp("类型 · 全国科普月 | 全国科普日 | 科技活动周 | 其他", valueName: "kind")) var kind: String?
    @Option(
        help: ArgumentHelp(
            "形式 · 科普讲座 | 科普展览 | 科普竞赛 | 实用技术培训 | 青少年科技活动 | 开放日 | 科技咨询 | 其他",
            valueName: "form"))
    var form: String?
    @Option(help: ArgumentHelp("开始日期 · First day.", valueName: "date")) var start: String?
    @Option(help: ArgumentHelp("结束日期 · Last day.", valueName: "date")) var end: String?
    @Option(help: ArgumentHelp("地点 · Venue.", valueName: "venue")) var venue: String?
    @Flag(inversion: .prefixedNo, help: "是否大型活动 · Counts as a major event.") var major: Bool?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: .named(Language.current.t("活动编号", "event id")))
        _ = try reason.validated()
        let patch = EventPatch(
            title: try parsed(title) { try Parse.text($0, field: .named("--title")) },
            kind: try parsed(kind) { try EventKind.parse($0, field: .named("--kind")) },
            form: try parsed(form) { try EventForm.parse($0, field: .named("--form")) }, major: major,
            start: try parsed(start) { try CalendarDate.parse($0, field: .named("--start")) },
            end: try parsed(end) { try CalendarDate.parse($0, field: .named("--end")) }, venue: venue.nonBlank)
        reportEdit(try options.ledger().events.edit(eid, patch))
    }
}
