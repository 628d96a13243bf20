import ArgumentParser
import KepuCore
import KepuStore

struct PlanImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入计划文件（YAML），先检查，有错误则不导入 · Import a plan file; it is linted first.",
        discussion: """
            示例 · Example:
              kepu plan import Seeds/plans/2023-shifeng-kexie.yaml
              kepu plan import 2023-revised.yaml --replace
            （--replace 替换该年计划，台账保留 · swaps the year's plan, keeps the ledger）
            """)

    @Argument(help: "计划文件 · The plan file.") var file: String
    @Flag(help: "替换该单位该年的计划（旧计划保留并标记为已替换）· Replace the unit's plan for that year.")
    var replace = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let text = try readTextFile(file)
        let result = try options.ledger().plans.importPlan(text: text, sourceName: displayName(file), replace: replace)
        for f in result.findings { console.err(findingLine(f)) }
        let p = result.plan
        console.added(
            result.id,
            .planImported(
                id: result.id, unit: p.unit, year: p.year, indicators: p.allIndicators.count, lines: p.lines.count,
                project: p.budget.project, replaces: result.replaced, projects: p.projects.count))
    }
}
