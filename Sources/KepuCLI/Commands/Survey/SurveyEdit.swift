import ArgumentParser
import KepuCore

struct SurveyEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改一批满意度调查，编号不变 · Change a survey batch; the id stays.",
        discussion: """
            示例 · Example:
              kepu survey edit 4 --event 7 --reason 录在了错误的活动下
            """)
    @Argument(help: "调查编号 · The survey id.") var id: String
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("回收份数 · Responses.", valueName: "n")) var responses: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("满意份数 · Satisfied.", valueName: "n")) var satisfied: String?
    @Option(help: ArgumentHelp("日期 · The day.", valueName: "date")) var date: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        _ = try reason.validated()
        let patch = SurveyPatch(
            event: try parsed(event) { try recordID($0, field: .named("--event")) },
            responses: try parsed(responses) { try Parse.count($0, field: .named("--responses")) },
            satisfied: try parsed(satisfied) { try Parse.count($0, field: .named("--satisfied")) },
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) })
        reportEdit(try options.ledger().surveys.edit(rid, patch))
    }
}
