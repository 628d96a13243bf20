import ArgumentParser
import KepuCore
import KepuStore

struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "数据核查：全部通过则无输出、退出码 0，否则列出问题、退出码 2 · Run the data checks.",
        discussion: """
            核查：活动或费用超出实施期；主题活动未登记人次；问卷多于人次；印刷与计划不符；明细超支；未达标或超过 130% 的指标没有偏差说明；测量值早于实施期；缺少佐证材料。

            Checks: events or costs outside the period; a campaign with no attendance; more survey responses than attendance; print runs that differ from the plan; a line over its plan; missed or ≥ 130% indicators without a deviation note; a measurement older than the period; missing evidence.

            示例 · Example:
              kepu check --year 2023
            """)
    @OptionGroup var year: YearOption
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let inputs = try options.ledger().evaluation.reportInputs(
            year: try year.value(), unit: unit.value, asOf: nil,
            today: try console.today())
        let (_, findings) = SelfEvaluation.make(
            plan: inputs.stored.plan, facts: inputs.facts, notes: inputs.notes,
            events: inputs.events, storeFindings: inputs.storeFindings)
        guard !findings.isEmpty else { return }
        for f in findings { console.out(findingLine(f, check: true)) }
        console.say(.findings(count: findings.count))
        throw CheckFailed(code: 2)
    }
}
