import ArgumentParser
import KepuCore
import KepuReport

struct PlanShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "完整显示一年的计划：预算、目标、明细、指标、评分 · Show a year's plan in full.",
        discussion: "示例 · Example:\n  kepu plan show --year 2023")
    @OptionGroup var year: YearOption
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let stored = try options.ledger().plans.plan(year: try year.value(), unit: unit.value)
        let source = lang.t(
            "\(stored.sourceName)（计划 \(stored.id)，sha256 \(stored.sha256.prefix(12))，导入于 \(stored.importedAt)）",
            "\(stored.sourceName) (plan \(stored.id), sha256 \(stored.sha256.prefix(12)), imported \(stored.importedAt))"
        )
        console.out(
            TextRenderer(color: console.stdoutIsTerminal, maxWidth: console.textWidth).render(
                PlanReport.build(stored.plan, lang: lang, source: source))
        )
    }
}
