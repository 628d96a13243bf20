import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan", abstract: "Import, check and show the year's performance targets (绩效目标表).",
        subcommands: [PlanImport.self, PlanShow.self, PlanList.self, PlanLintCommand.self])
}

/// Reads a plan file as UTF-8 text, with one sentence when it cannot.
func readTextFile(_ path: String, what: String) throws -> String {
    let full = console.path(path)
    guard let data = FileManager.default.contents(atPath: full) else {
        throw KepuError("cannot read the \(what) \(path): no such file, or it is not readable")
    }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(data: bytes, encoding: .utf8) else {
        throw KepuError("the \(what) \(path) is not UTF-8 text; save it as UTF-8")
    }
    return text
}

func printFindings(_ findings: [LintFinding]) {
    for f in findings { console.err("\(f.severity == .error ? "error" : "warning"): \(f.subject): \(f.message)") }
}

struct PlanImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a plan file (YAML); it is linted first and errors block it.",
        discussion: """
            Example:
              kepu plan import Seeds/plans/2023-shifeng-kexie.yaml
              kepu plan import 2023-revised.yaml --replace     # swap the 2023 plan; the ledger is kept
            """)

    @Argument(help: "The plan file.") var file: String
    @Flag(help: "Replace the unit's plan for that year (the old one is kept, marked replaced).") var replace = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let text = try readTextFile(file, what: "plan file")
        let ledger = try options.ledger()
        let result = try ledger.importPlan(text: text, sourceName: (file as NSString).lastPathComponent, replace: replace)
        printFindings(result.findings)
        let p = result.plan
        console.out(String(result.id))
        console.err("imported plan \(result.id): \(p.unit) \(p.year), \(p.indicators.count) indicators, \(p.lines.count) lines, project budget \(p.budget.project.wan)万元"
            + (result.replaced.map { " (replaces plan \($0))" } ?? ""))
    }
}

struct PlanLintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lint", abstract: "Check a plan file's arithmetic and consistency without importing it.",
        discussion: """
            Exit 0 when there are no errors (warnings may be printed), 1 when there are.

            Example:
              kepu plan lint Seeds/plans/2023-shifeng-kexie.yaml
            """)

    @Argument(help: "The plan file.") var file: String

    func run() throws {
        let text = try readTextFile(file, what: "plan file")
        let parsed = try PlanFile.parse(text, source: (file as NSString).lastPathComponent)
        let findings = parsed.warnings + PlanLint.check(parsed.plan)
        for f in findings { console.out("\(f.severity.rawValue): \(f.subject): \(f.message)") }
        let errors = findings.filter { $0.severity == .error }.count
        let warnings = findings.count - errors
        console.err("\(file): \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        if errors > 0 { throw CheckFailed(code: 1) }
    }
}

struct PlanList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the imported plans, replaced ones included.",
        discussion: "Example:\n  kepu plan list")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let plans = try options.ledger().plans()
        let t = ReportTable(columns: [.init("id", .right), .init("unit"), .init("year", .right), .init("period"),
                                      .init("file"), .init("imported"), .init("status")],
                            rows: plans.map {
                                [Cell(String($0.id)), Cell($0.unit), Cell(String($0.year)), Cell($0.period.description),
                                 Cell($0.sourceName), Cell($0.importedAt),
                                 Cell($0.replacedAt.map { "replaced \($0.prefix(10))" } ?? "current")]
                            })
        if plans.isEmpty { console.err("no plans yet; import one with: kepu plan import FILE") } else {
            console.out(TextRenderer().render(t))
        }
    }
}

struct PlanShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show a year's plan in full: budget, goals, lines, indicators, scoring.",
        discussion: "Example:\n  kepu plan show --year 2023")
    @Option(help: "The plan's year (default: the latest).") var year: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @Option(help: "Language of the labels: zh or en.") var lang: String = "zh"
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year)
        let language = try Language.parse(lang)
        let stored = try options.ledger().plan(year: y, unit: unit.nonBlank)
        console.out(TextRenderer(color: console.stdoutIsTerminal).render(PlanReport.build(stored.plan, lang: language,
            source: "\(stored.sourceName) (plan \(stored.id), sha256 \(stored.sha256.prefix(12)), imported \(stored.importedAt))")))
    }
}
