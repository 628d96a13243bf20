import ArgumentParser
import KepuCore

struct PlanLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint",
        abstract: "检查计划文件的算术和一致性，不导入 · Check a plan file's arithmetic without importing it.",
        discussion: """
            没有错误时退出码 0（可能有警告），有错误时 1。
            Exit 0 when there are no errors (warnings may be printed), 1 when there are.

            示例 · Example:
              kepu plan lint Seeds/plans/2023-shifeng-kexie.yaml
            """)

    @Argument(help: "计划文件 · The plan file.") var file: String
    @OptionGroup var language: LanguageOption

    func run() throws {
        let text = try readTextFile(file)
        let parsed = try PlanFile.parse(text, source: displayName(file))
        let findings = parsed.warnings + PlanLint.check(parsed.plan)
        for f in findings { console.out(findingLine(f)) }
        let errors = findings.filter { $0.severity == .error }.count
        console.say(.lintSummary(file: file, errors: errors, warnings: findings.count - errors))
        if errors > 0 { throw CheckFailed(code: 1) }
    }
}
