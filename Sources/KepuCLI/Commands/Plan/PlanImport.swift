import ArgumentParser
import KepuCore
import KepuFiles
import KepuOffice
import KepuReport
import KepuStore

struct PlanImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入计划：YAML 计划文件，或财政下发的绩效目标表（.xlsx）· Import a plan file, or the official target tables.",
        discussion: """
            .xlsx 可以是一个工作簿（每张表一个工作表），也可以每张表一个文件：部门整体支出绩效目标表、专项资金绩效目标汇总表（附表2）、各支出方向绩效目标表（附表3）。按标题认表，按“一级指标”“指标值”“支出明细”等栏目名找内容；每项指标的取数口径按 Seeds/plan-rules.yaml 的规则推断并列出，请核对。--dry-run 只显示不导入；-o 写成 YAML 计划文件供修改。全部成功才导入。

            A workbook with a sheet per table, or a file per table. Tables are found by their titles and their blocks by their labels; each indicator's metric is inferred by rules kept as data and listed for review. --dry-run shows and imports nothing; -o writes the plan file for editing. All or nothing.

            示例 · Example:
              kepu plan import Seeds/plans/2023-shifeng-kexie.yaml
              kepu plan import 2023-revised.yaml --replace
              kepu plan import 2024绩效目标表.xlsx --dry-run
              kepu plan import 部门整体.xlsx 附表2.xlsx 附表3.xlsx -o 2024.yaml
            （--replace 替换该年计划，台账保留 · swaps the year's plan, keeps the ledger）
            """)

    @Argument(help: "计划文件（.yaml），或绩效目标表（.xlsx，可多个）· The plan file, or the official tables.")
    var files: [String]
    @Flag(help: "替换该单位该年的计划（旧计划保留并标记为已替换）· Replace the unit's plan for that year.")
    var replace = false
    @Flag(help: "只显示读出的计划、推断的口径和检查结果，不导入 · Show what would be imported; import nothing.")
    var dryRun = false
    @Option(
        name: .shortAndLong,
        help: ArgumentHelp("把读出的计划写成 YAML 文件（不导入）· Write the plan read as a plan file instead.", valueName: "file"))
    var output: String?
    @Option(help: ArgumentHelp("单位名称（表中没有部门名称时）· The unit, when no table names it.", valueName: "name"))
    var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        if files.contains(where: OfficialWorkbook.isWorkbook) { return try official() }
        guard files.count == 1, let file = files.first else {
            throw KepuError(.commandLine(.unexpected(files.dropFirst().first ?? "")))
        }
        let text = try readTextFile(file)
        let result = try options.ledger().plans.importPlan(text: text, sourceName: displayName(file), replace: replace)
        report(result)
    }

    func report(_ result: KepuStore.PlanImport) {
        for f in result.findings { console.err(findingLine(f)) }
        let p = result.plan
        console.added(
            result.id,
            .planImported(
                id: result.id, unit: p.unit, year: p.year, indicators: p.allIndicators.count, lines: p.lines.count,
                project: p.budget.project, replaces: result.replaced, projects: p.projects.count))
    }

    /// The official tables: read, shown for review with `--dry-run`, written with `-o`, else imported.
    func official() throws {
        let lang = Language.current
        let preview = try OfficialPlanImport.preview(
            files: files.map { (console.path($0), displayName($0)) }, unit: unit.nonBlank)
        if dryRun {
            let width = console.textWidth
            let text = TextRenderer(color: console.stdoutIsTerminal, maxWidth: width)
            console.out(text.render(PlanReport.build(preview.plan, lang: lang, source: preview.sourceName)))
            console.out(
                text.render(
                    Report(
                        title: lang.t("推断的取数口径（请核对）", "Inferred metrics (review them)"),
                        sections: [
                            Section(
                                heading: nil, blocks: [.table(OfficialPlanImport.inferenceTable(preview, lang: lang))])
                        ])))
        }
        for f in preview.findings { console.err(findingLine(f)) }
        let errors = preview.errors
        if let output {
            try emit(preview.yaml, to: output, what: .planDraft(year: preview.plan.year))
            return
        }
        if dryRun {
            console.say(
                .lintSummary(
                    file: preview.sourceName, errors: errors.count, warnings: preview.findings.count - errors.count))
            if !errors.isEmpty { throw ExitCode(1) }
            return
        }
        report(try OfficialPlanImport.commit(preview, ledger: try options.ledger(), replace: replace))
    }
}
