import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Load the seed's 2023 plan and a sample year into a fresh database and show the reconciliation.",
        discussion: """
            The plan and the sample year are built into kepu, so this works from any folder. Without --db the database is a new temporary file, which is kept so that you can explore it.

            Example:
              kepu demo
              kepu demo --db /tmp/kepu-demo.sqlite && kepu event list --db /tmp/kepu-demo.sqlite
            """)
    @Option(help: "Language of the labels: zh or en.") var lang: String = "zh"
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let language = try Language.parse(lang)
        let path: String
        if let db = options.db.nonBlank {
            path = console.path(db)
        } else {
            let dir = NSTemporaryDirectory() + "kepu-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
            path = dir + "/kepu.sqlite"
        }
        let database = try AppDatabase.create(at: path)
        let ledger = Ledger(database: database, context: auditContext())
        let plan = try ledger.importPlan(text: EmbeddedSeeds.plan, sourceName: EmbeddedSeeds.planName, replace: false)
        let steps = try DemoScript.run(EmbeddedSeeds.demo, name: EmbeddedSeeds.demoName, db: path, runtime: console)
        console.err("loaded \(plan.plan.unit) \(plan.plan.year) and \(steps) recorded steps into \(path)")

        let (stored, facts) = try ledger.evaluationInputs(year: plan.plan.year, unit: nil, asOf: plan.plan.period.end,
                                                          today: plan.plan.period.end)
        let evaluation = Reconciler.evaluate(stored.plan, facts)
        console.out(TextRenderer(color: console.stdoutIsTerminal).render(ReconcileReport.build(evaluation, lang: language)))
        let html = (path as NSString).deletingLastPathComponent + "/kepu-report-\(plan.plan.year).html"
        let report = try ReportCommand.render(ledger: ledger, year: plan.plan.year, unit: nil, asOf: plan.plan.period.end,
                                              format: .html, lang: language, color: false)
        do { try report.write(toFile: html, atomically: true, encoding: .utf8) } catch {
            throw KepuError("cannot write the demo report to \(html): \(error.localizedDescription)")
        }
        console.err("wrote the self-evaluation report: \(html)")
        console.err("explore it: kepu event list --db \(shellQuoted(path))")
    }
}

/// Runs a demo script: one kepu command per line, `@name = …` keeping the printed id for later `@name`.
enum DemoScript {
    static func run(_ script: String, name: String, db: String, runtime: Runtime) throws -> Int {
        var ids: [String: String] = [:]
        var steps = 0
        for (n, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var binding: String?
            var command = line
            if line.hasPrefix("@"), let eq = line.firstIndex(of: "=") {
                binding = line[..<eq].trimmingCharacters(in: .whitespaces)
                command = String(line[line.index(after: eq)...])
            }
            var words = try split(command, line: n + 1, name: name)
            for (i, w) in words.enumerated() where w.hasPrefix("@") {
                guard let id = ids[w] else { throw KepuError("\(name) line \(n + 1): \(w) is used before it is set") }
                words[i] = id
            }
            var out = ""
            var err = ""
            let sub = Runtime(environment: runtime.environment, now: runtime.now, commandLine: "kepu demo: " + command,
                              currentDirectory: runtime.currentDirectory, out: { out += $0 }, err: { err += $0 })
            let code = KepuCommandLine.run(words + ["--db", db], runtime: sub)
            guard code == 0 else {
                throw KepuError("\(name) line \(n + 1) failed: \(err.trimmingCharacters(in: .whitespacesAndNewlines))")
            }
            if let binding { ids[binding] = out.trimmingCharacters(in: .whitespacesAndNewlines) }
            steps += 1
        }
        return steps
    }

    /// Splits a line into words, honouring "double" and 'single' quotes.
    static func split(_ s: String, line: Int, name: String) throws -> [String] {
        var words: [String] = []
        var cur = ""
        var quote: Character?
        var inWord = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord { words.append(cur); cur = ""; inWord = false }
            } else {
                cur.append(c)
                inWord = true
            }
        }
        if quote != nil { throw KepuError("\(name) line \(line): a quote is not closed") }
        if inWord { words.append(cur) }
        return words
    }
}

/// The seeds compiled into kepu, for the benchmark's generator.
public enum EmbeddedSeedsAccess {
    public static var plan: String { EmbeddedSeeds.plan }
}
