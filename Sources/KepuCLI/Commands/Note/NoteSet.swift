import ArgumentParser
import KepuCore

struct NoteSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "填写指标的偏差原因、改进措施或手工评分 · Set an indicator's deviation note or manual score.",
        discussion: """
            手工评分用于 kepu 无法根据台账评分的指标（截止日在本年之后的、定性的），须在 0 到该指标分值之间并说明理由：达成 80–100%，部分达成 60–80%，未达成 0–60%。

            A manual score is for an indicator kepu cannot score from the ledger; it lies within 0 and the indicator's weight, with a reason.

            示例 · Example:
              kepu note set --year 2023 --indicator reach \\
                --reason 受台风影响9月一场户外活动取消 --measures 增加线上直播场次
              kepu note set --year 2023 --indicator literacy --score 13 \\
                --why 抽样调查9.62%，接近2025年目标10%
            """)
    @Option(help: ArgumentHelp("计划年度 · The plan's year.", valueName: "year")) var year: String
    @Option(help: ArgumentHelp("指标编号（见 kepu plan show）· The indicator's id.", valueName: "id")) var indicator: String
    @Option(help: ArgumentHelp("偏差原因分析 · The deviation's reason.", valueName: "text")) var reason: String?
    @Option(help: ArgumentHelp("改进措施 · Improvement measures.", valueName: "text")) var measures: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("手工评分（0 到指标分值）· A manual score.", valueName: "x"))
    var score: String?
    @Option(help: ArgumentHelp("评分理由 · Why that score.", valueName: "text")) var why: String?
    @Option(help: ArgumentHelp("实际完成值（定性指标，如 及时）· The actual as the office words it.", valueName: "text"))
    var actual: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NoteInput(
            year: try yearValue(year) ?? 0, indicator: indicator.trimmingCharacters(in: .whitespaces),
            reason: reason.nonBlank,
            measures: measures.nonBlank,
            score: try parsed(score) { s in
                guard let v = Fixed.parse(s.trimmingCharacters(in: .whitespaces), maxPlaces: 2) else {
                    throw KepuError(.invalid(field: .named("--score"), value: s, form: .score))
                }
                return v
            }, why: why.nonBlank, unit: unit.value, actualText: actual.nonBlank)
        let id = try options.ledger().evaluation.setNote(input)
        console.added(id, .noteSet(indicator: input.indicator, year: input.year))
    }
}
