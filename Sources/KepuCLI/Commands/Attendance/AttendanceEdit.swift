import ArgumentParser
import KepuCore

struct AttendanceEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改一条人次记录，编号不变 · Change an attendance entry; the id stays.",
        discussion: """
            示例 · Example:
              kepu attendance edit 5 --count 3020 --reason 签到表复核
            """)
    @Argument(help: "人次记录编号 · The attendance id.") var id: String
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("人次 · Person-visits.", valueName: "n")) var count: String?
    @Option(help: ArgumentHelp("渠道 · 线下 | 线上", valueName: "channel")) var channel: String?
    @Option(help: ArgumentHelp("统计方式 · 计数 | 签到 | 估算", valueName: "method")) var method: String?
    @Option(help: ArgumentHelp("日期 · The day.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("备注 · A note.", valueName: "text")) var note: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        _ = try reason.validated()
        let patch = AttendancePatch(
            event: try parsed(event) { try recordID($0, field: .named("--event")) },
            count: try parsed(count) { try Parse.count($0, field: .named("--count")) },
            channel: try parsed(channel) { try Channel.parse($0, field: .named("--channel")) },
            method: try parsed(method) { try CountMethod.parse($0, field: .named("--method")) },
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, note: note.nonBlank)
        reportEdit(try options.ledger().attendance.edit(rid, patch))
    }
}
