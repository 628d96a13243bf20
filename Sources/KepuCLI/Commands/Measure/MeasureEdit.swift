import ArgumentParser
import KepuCore

struct MeasureEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改一条测量值，编号不变 · Change a measurement; the id stays.",
        discussion: """
            示例 · Example:
              kepu measure edit 1 --value 9.62% --reason 按正式报告更正
            """)
    @Argument(help: "测量值编号 · The measurement id.") var id: String
    @Option(help: ArgumentHelp("测量名称 · The measurement's name.", valueName: "name")) var metric: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("数值 · The figure.", valueName: "value")) var value: String?
    @Option(help: ArgumentHelp("测量日期 · The day.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("来源 · The source.", valueName: "text")) var source: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        _ = try reason.validated()
        let patch = MeasurementPatch(
            metric: metric.nonBlank, value: try parsed(value) { try Parse.figure($0, field: .named("--value")) },
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, source: source.nonBlank)
        reportEdit(try options.ledger().surveys.editMeasurement(rid, patch))
    }
}
