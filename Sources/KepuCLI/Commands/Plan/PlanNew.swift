import ArgumentParser
import Foundation
import KepuCore

struct PlanNew: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "new",
        abstract: "根据某年计划起草下一年的计划文件 · Draft next year's plan file from a stored plan.",
        discussion: """
            单位、支出明细、计划印刷、指标和评分设置照搬，实施期和带年份的名称顺延（2023年1月-12月 → 2024年1月-12月），指标值保留。生成后自动检查，并列出需要核对的地方。

            The unit, lines, planned print runs, indicators and scoring are kept, the period and year-bearing names move, the targets stay; the draft is linted and what to review is listed.

            示例 · Example:
              kepu plan new --year 2024 --from 2023 -o 2024-shifeng-kexie.yaml
              kepu plan lint 2024-shifeng-kexie.yaml
            """)
    @Option(help: ArgumentHelp("新计划的年度 · The new plan's year.", valueName: "year")) var year: String
    @Option(help: ArgumentHelp("照搬哪一年的计划 · The stored plan to start from.", valueName: "year")) var from: String
    @Option(name: .shortAndLong, help: ArgumentHelp("写入文件 · Write to this file instead of stdout.", valueName: "file"))
    var output: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        // A draft is a YAML plan file, whatever the name: `-o 计划.xlsx` would hold YAML text.
        if let output, case let ext = (output as NSString).pathExtension.lowercased(), !ext.isEmpty,
            !["yaml", "yml"].contains(ext)
        {
            throw KepuError(.unknownOutputExtension(path: output, ext: ext, accepted: ["yaml", "yml"]))
        }
        let to = try yearValue(year) ?? 0
        let source = try yearValue(from, field: .named("--from")) ?? 0
        let stored = try options.ledger().plans.plan(year: source, unit: unit.value)
        let draft = PlanDraft.move(stored.sourceText, from: source, to: to)
        let parsed = try PlanFile.parse(draft, source: output.map(displayName) ?? "\(to).yaml")
        for f in parsed.warnings + PlanLint.check(parsed.plan) { console.err(findingLine(f)) }
        // A file ends with a newline, as editors expect; on the screen the console adds it.
        try emit(output == nil || draft.hasSuffix("\n") ? draft : draft + "\n", to: output, what: .planDraft(year: to))
        console.say(
            .planDrafted(
                year: to, from: source, indicators: parsed.plan.indicators.count, lines: parsed.plan.lines.count))
    }
}
