import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "载入示例年度并显示对账结果 · Load the seed's plan and a sample year, and show the reconciliation.",
        discussion: """
            计划和示例年度编译在 kepu 里，任何文件夹下都能运行。不给 --db 时使用新的临时数据库，并保留下来供查看；自评报告写在数据库旁边。

            The plan and the sample year are built into kepu, so this works from any folder. Without --db the database is a new temporary file, kept so that you can explore it; the HTML report is written beside it.

            示例 · Example:
              kepu demo
              kepu demo --db /tmp/kepu-demo.sqlite
              kepu demo --year 2025    # 全国科普月 · a 2025-style year
              kepu event list --db /tmp/kepu-demo.sqlite
            """)
    @Option(
        help: ArgumentHelp(
            "示例年度：2023（种子计划，默认）或 2025（全国科普月）· The sample year: 2023 (the seed, default) or 2025.",
            valueName: "year"))
    var year: String?
    @OptionGroup var options: DatabaseOptions

    /// The sample years kepu carries: the seed's 2023, and a 2025 with the 全国科普月.
    static func sample(_ year: Int?) throws -> (planName: String, plan: String, demoName: String, demo: String) {
        switch year {
        case nil, 2023:
            (EmbeddedSeeds.planName, EmbeddedSeeds.plan, EmbeddedSeeds.demoName, EmbeddedSeeds.demo)
        case 2025: EmbeddedSeeds.sample2025
        case let y?: throw KepuError(.noSampleYear(year: y, years: [2023, 2025]))
        }
    }

    func run() throws {
        let sample = try Self.sample(try yearValue(year))
        let language = Language.current
        let path: String
        if let db = options.db.nonBlank {
            path = console.path(db)
        } else {
            let dir = NSTemporaryDirectory() + "kepu-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            path = dir + "/kepu.sqlite"
        }
        let database = try AppDatabase.create(at: path)
        // The sample's records are made by a named demo user, not by whoever ran the command.
        var context = try auditContext()
        context.operatorName = DemoScript.operatorName
        let ledger = Ledger(database: database, context: context)
        let plan = try ledger.plans.importPlan(
            text: sample.plan, sourceName: sample.planName, replace: false)
        let steps = try DemoScript.run(sample.demo, name: sample.demoName, db: path, runtime: console)
        console.say(.demoLoaded(unit: plan.plan.unit, year: plan.plan.year, steps: steps, path: path))

        let end = plan.plan.period.end
        let (stored, facts) = try ledger.evaluation.inputs(year: plan.plan.year, unit: nil, asOf: end, today: end)
        let evaluation = Reconciler.evaluate(stored.plan, facts)
        console.out(
            TextRenderer(color: console.stdoutIsTerminal, maxWidth: console.textWidth).render(
                ReconcileReport.build(evaluation, lang: language)))
        let html = (path as NSString).deletingLastPathComponent + "/kepu-report-\(plan.plan.year).html"
        let report = try ReportCommand.render(
            ledger: ledger, year: plan.plan.year, unit: nil, asOf: end, format: .html,
            lang: language, color: false)
        do { try report.write(toFile: html, atomically: true, encoding: .utf8) } catch {
            throw KepuError(.cannotWrite(path: html, reason: error.localizedDescription))
        }
        console.say(.wrote(what: .demoReport, path: html))
        console.say(.demoExplore(command: "kepu event list --db \(shellQuoted(path))"))
    }
}
