import ArgumentParser
import KepuCore

struct EventAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "添加活动，输出其编号 · Add an event; prints its id.",
        discussion: """
            两大主题活动（全国科普日、科技活动周）默认算作大型活动，除非给出 --no-major；子活动（--parent）的人次和费用汇总到所属主题活动。

            The two campaigns are major events unless --no-major is given; a sub-activity (--parent) rolls its attendance and costs up to its campaign.

            示例 · Example:
              sd=$(kepu event add --title 2023年全国科普日石峰区主场活动 \\
                     --kind 全国科普日 --start 2023-09-16 --end 2023-09-22 \\
                     --venue 石峰区政府广场)
              kepu event add --title 科普进社区·清水塘街道 --kind 其他 \\
                --start 2023-09-18 --parent $sd
            """)

    @Option(help: ArgumentHelp("活动名称 · The event's title.", valueName: "title")) var title: String
    @Option(
        help: ArgumentHelp(
            "类型 · 全国科普月(science-month) | 全国科普日(science-day) | 科技活动周(tech-week) | 其他(other)", valueName: "kind"))
    var kind: String
    @Option(
        help: ArgumentHelp(
            "形式 · 科普讲座(lecture) | 科普展览(exhibition) | 科普竞赛(competition) | 实用技术培训(training) | 青少年科技活动(youth) | 开放日(open-day) | 科技咨询(consultation) | 其他(other)",
            valueName: "form"))
    var form: String?
    @Option(help: ArgumentHelp("开始日期 · First day (2023-09-16 or 2023年9月16日).", valueName: "date")) var start: String
    @Option(help: ArgumentHelp("结束日期（默认同开始）· Last day (default: the first day).", valueName: "date")) var end: String?
    @Option(help: ArgumentHelp("地点 · Where it took place.", valueName: "venue")) var venue: String?
    @Option(help: ArgumentHelp("所属主题活动的编号 · The campaign this is an activity of (an event id).", valueName: "id"))
    var parent: String?
    @Flag(inversion: .prefixedNo, help: "是否大型活动（两大主题活动默认是）· Counts as a major event.") var major: Bool?
    @Flag(help: "同名同日的活动也照样添加 · Add it even if an event has the same title and start.")
    var allowDuplicate = false
    @OptionGroup var project: ProjectOption
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewEvent(
            title: try Parse.text(title, field: .named("--title")),
            kind: try EventKind.parse(kind, field: .named("--kind")),
            major: major,
            start: try CalendarDate.parse(start, field: .named("--start")),
            end: try parsed(end) { try CalendarDate.parse($0, field: .named("--end")) }, venue: venue.nonBlank,
            parent: try parsed(parent) { try recordID($0, field: .named("--parent")) }, unit: unit.value,
            allowDuplicate: allowDuplicate)
        var event = input
        event.form = try parsed(form) { try EventForm.parse($0, field: .named("--form")) } ?? .other
        event.project = project.project.nonBlank
        try event.validate()
        let id = try options.ledger().events.add(event)
        console.added(
            id,
            .eventAdded(
                id: id, title: input.title, kind: input.kind, start: input.start, end: input.end,
                parent: input.parent))
    }
}
