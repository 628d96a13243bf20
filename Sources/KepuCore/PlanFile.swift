import Foundation
import Yams

/// Reads the plan file format of docs/plan-file.md (a contract) into a `Plan`.
///
/// Structural problems (a missing key, a value that does not parse) throw one sentence naming the
/// file, the line and the key. Keys kepu does not know are not dropped silently: they come back as
/// warnings, which `plan lint` and `plan import` print.
public enum PlanFile {
    public struct Result: Sendable {
        public var plan: Plan
        public var warnings: [LintFinding]
    }

    public static func parse(_ text: String, source: String = "plan") throws -> Result {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw KepuError(.yamlInvalid(source: source, detail: yamlMessage(error)))
        } catch {
            throw KepuError(.yamlInvalid(source: source, detail: "\(error)"))
        }
        guard let root, root.mapping != nil else {
            throw KepuError(.notAPlan(source: source))
        }
        var reader = Reader(source: source)
        let plan = try reader.plan(root)
        return Result(plan: plan, warnings: reader.warnings)
    }

    static func yamlMessage(_ error: YamlError) -> String {
        let d = "\(error)"
        return d.split(separator: "\n").first.map(String.init) ?? d
    }

    struct Reader {
        let source: String
        var warnings: [LintFinding] = []

        func fail(_ node: Node?, _ path: String, _ issue: PlanFileIssue) -> KepuError {
            KepuError(.planFile(source: source, line: node?.mark?.line, path: path, issue: issue))
        }

        /// A value's own refusal, placed at its line of the file.
        func fail(_ node: Node?, _ e: KepuError) -> KepuError { fail(node, "", .value(e.problem)) }

        /// Looks up the keys of a mapping, warning about any not in `known`.
        mutating func fields(_ node: Node, _ path: String, known: [String]) throws -> [String: Node] {
            guard let mapping = node.mapping else { throw fail(node, path, .notMapping) }
            var out: [String: Node] = [:]
            for (k, v) in mapping {
                let key = k.string ?? ""
                if known.contains(key) {
                    out[key] = v
                } else {
                    warnings.append(
                        LintFinding(
                            .warning, .planKey(path.isEmpty ? "plan" : path),
                            .unknownKey(key: key, line: k.mark?.line, known: known)))
                }
            }
            return out
        }

        func string(_ f: [String: Node], _ key: String, _ path: String) throws -> String {
            guard let n = f[key] else { throw fail(nil, path, .missingKey(key)) }
            guard let s = n.scalar?.string, !s.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw fail(n, "\(path).\(key)", .notText)
            }
            return s.trimmingCharacters(in: .whitespaces)
        }

        func optionalString(_ f: [String: Node], _ key: String, _ path: String) throws -> String? {
            guard let n = f[key] else { return nil }
            guard let s = n.scalar?.string else { throw fail(n, "\(path).\(key)", .notText) }
            let t = s.trimmingCharacters(in: .whitespacesAndNewlines)
            return t.isEmpty || n.tag.rawValue == Tag.Name.null.rawValue && t == "~" ? nil : t
        }

        func money(_ f: [String: Node], _ key: String, _ path: String) throws -> Money {
            let s = try string(f, key, path)
            do { return try Money.parse(s, field: .named("\(path).\(key)")) } catch let e as KepuError {
                throw fail(f[key], e)
            }
        }

        func optionalMoney(_ f: [String: Node], _ key: String, _ path: String) throws -> Money? {
            guard f[key] != nil else { return nil }
            return try money(f, key, path)
        }

        func date(_ f: [String: Node], _ key: String, _ path: String) throws -> CalendarDate {
            let s = try string(f, key, path)
            do { return try CalendarDate.parse(s, field: .named("\(path).\(key)")) } catch let e as KepuError {
                throw fail(f[key], e)
            }
        }

        func integer(_ f: [String: Node], _ key: String, _ path: String) throws -> Int64 {
            let s = try string(f, key, path)
            do { return try Parse.count(s, field: .named("\(path).\(key)")) } catch let e as KepuError {
                throw fail(f[key], e)
            }
        }

        func fixed(_ n: Node, _ path: String) throws -> Fixed {
            guard let s = n.scalar?.string, let v = Fixed.parse(s.trimmingCharacters(in: .whitespaces)) else {
                throw fail(n, path, .notNumber)
            }
            return v
        }

        mutating func plan(_ root: Node) throws -> Plan {
            let f = try fields(
                root, "",
                known: [
                    "unit", "year", "period", "budget", "department", "fund", "goals", "keyWork", "lines",
                    "indicators", "scoring", "projects",
                ])
            let several = f["projects"] != nil
            let unit = try string(f, "unit", "plan")
            let yearText = try string(f, "year", "plan")
            guard let year = Int(yearText), Plan.years.contains(year) else {
                throw fail(f["year"], "year", .notYear(yearText))
            }
            var period = DateRange.year(year)
            if let p = f["period"] {
                let pf = try fields(p, "period", known: ["start", "end"])
                period = DateRange(start: try date(pf, "start", "period"), end: try date(pf, "end", "period"))
                guard period.start <= period.end else {
                    throw fail(p, "period", .periodBackwards(start: period.start, end: period.end))
                }
            }
            guard let b = f["budget"] else { throw fail(nil, "plan", .missingKey("budget")) }
            let bf = try fields(
                b, "budget", known: ["total", "basic", "project", "general", "governmentFund", "other"])
            // A table for a single project gives only budget.project: basic and total follow from what is given.
            // With `projects:`, 项目支出 defaults to the sum of the projects' amounts.
            var projects: [Project] = []
            if several {
                for (i, n) in try sequence(f["projects"], "projects").enumerated() {
                    projects.append(try self.project(n, index: i, year: year))
                }
                guard !projects.isEmpty else { throw fail(f["projects"], "projects", .noIndicators) }
            }
            let project =
                several && bf["project"] == nil
                ? projects.reduce(Money.zero) { $0 + $1.amount } : try money(bf, "project", "budget")
            let givenTotal = try optionalMoney(bf, "total", "budget")
            let givenBasic = try optionalMoney(bf, "basic", "budget")
            let basic = givenBasic ?? givenTotal.map { $0 > project ? $0 - project : .zero } ?? .zero
            let budget = Plan.Budget(
                total: givenTotal ?? basic + project, basic: basic,
                project: project, general: try optionalMoney(bf, "general", "budget"),
                governmentFund: try optionalMoney(bf, "governmentFund", "budget"),
                other: try optionalMoney(bf, "other", "budget"))

            var department = Plan.Department()
            if let d = f["department"] {
                let df = try fields(d, "department", known: ["duties"])
                department.duties = try optionalString(df, "duties", "department")
            }
            var fund = Plan.Fund()
            if let n = f["fund"] {
                let ff = try fields(n, "fund", known: ["name", "parent", "category", "term"])
                fund = Plan.Fund(
                    name: try optionalString(ff, "name", "fund"), parent: try optionalString(ff, "parent", "fund"),
                    category: try optionalString(ff, "category", "fund"), term: try optionalString(ff, "term", "fund"))
            }
            var goals = Plan.Goals()
            if let n = f["goals"] {
                let gf = try fields(n, "goals", known: ["implementation", "annual", "annualSummary"])
                goals = Plan.Goals(
                    implementation: try optionalString(gf, "implementation", "goals"),
                    annual: try optionalString(gf, "annual", "goals"),
                    annualSummary: try optionalString(gf, "annualSummary", "goals"))
            }
            var keyWork: [Plan.KeyWork] = []
            for (i, n) in try sequence(f["keyWork"], "keyWork").enumerated() {
                let path = "keyWork[\(i + 1)]"
                let kf = try fields(n, path, known: ["item", "owner", "goal"])
                keyWork.append(
                    Plan.KeyWork(
                        item: try string(kf, "item", path), owner: try optionalString(kf, "owner", path),
                        goal: try string(kf, "goal", path)))
            }
            var lines: [SpendingLine] = []
            for (i, n) in try sequence(f["lines"], "lines").enumerated() {
                lines.append(try line(n, index: i))
            }
            var indicators: [Indicator] = []
            for (i, n) in try sequence(f["indicators"], "indicators").enumerated() {
                indicators.append(try indicator(n, index: i, year: year))
            }
            guard several || !indicators.isEmpty else { throw fail(root, "plan", .noIndicators) }
            var scoring = ScoringSettings()
            if let s = f["scoring"] { scoring = try self.scoring(s) }
            if several {
                // The plan's own lines are every project's, so that a cost finds its line, and so its project.
                lines += projects.flatMap(\.lines)
            } else {
                projects = [
                    Project(
                        id: Project.soleID, name: fund.name ?? "项目支出", fund: fund, amount: project, goals: goals,
                        lines: lines, indicators: indicators, scoring: scoring)
                ]
            }
            return Plan(
                unit: unit, year: year, period: period, budget: budget, department: department, fund: fund,
                goals: goals, keyWork: keyWork, lines: lines, indicators: indicators, scoring: scoring,
                projects: projects, declaresProjects: several)
        }

        /// One entry of `projects:` (a 附表3).
        mutating func project(_ n: Node, index: Int, year: Int) throws -> Project {
            var path = "projects[\(index + 1)]"
            let f = try fields(
                n, path,
                known: ["id", "name", "fund", "amount", "term", "goals", "lines", "indicators", "scoring"])
            let id = try string(f, "id", path)
            path = "project \(id)"
            let name = try string(f, "name", path)
            var fund = Plan.Fund(name: name)
            if let fn = f["fund"] {
                let ff = try fields(fn, "\(path).fund", known: ["parent", "category"])
                fund.parent = try optionalString(ff, "parent", "\(path).fund")
                fund.category = try optionalString(ff, "category", "\(path).fund")
            }
            fund.term = try optionalString(f, "term", path)
            var goals = Plan.Goals()
            if let g = f["goals"] {
                let gf = try fields(g, "\(path).goals", known: ["implementation", "annual", "annualSummary"])
                goals = Plan.Goals(
                    implementation: try optionalString(gf, "implementation", "\(path).goals"),
                    annual: try optionalString(gf, "annual", "\(path).goals"),
                    annualSummary: try optionalString(gf, "annualSummary", "\(path).goals"))
            }
            var lines: [SpendingLine] = []
            for (i, l) in try sequence(f["lines"], "\(path).lines").enumerated() {
                lines.append(try line(l, index: i))
            }
            var indicators: [Indicator] = []
            for (i, x) in try sequence(f["indicators"], "\(path).indicators").enumerated() {
                indicators.append(try indicator(x, index: i, year: year))
            }
            guard !indicators.isEmpty else { throw fail(n, path, .noIndicators) }
            var scoring = ScoringSettings()
            if let s = f["scoring"] { scoring = try self.scoring(s) }
            let amount = try optionalMoney(f, "amount", path) ?? lines.reduce(Money.zero) { $0 + $1.amount }
            return Project(
                id: id, name: name, fund: fund, amount: amount, goals: goals, lines: lines, indicators: indicators,
                scoring: scoring)
        }

        func sequence(_ node: Node?, _ path: String) throws -> [Node] {
            guard let node else { return [] }
            guard let seq = node.sequence else { throw fail(node, path, .notList) }
            return Array(seq)
        }

        mutating func line(_ n: Node, index: Int) throws -> SpendingLine {
            var path = "lines[\(index + 1)]"
            let lf = try fields(n, path, known: ["id", "name", "category", "amount", "basis", "runs"])
            let id = try string(lf, "id", path)
            path = "line \(id)"
            var runs: [PlannedRun] = []
            for (j, r) in try sequence(lf["runs"], "\(path).runs").enumerated() {
                let rp = "\(path).runs[\(j + 1)]"
                let rf = try fields(r, rp, known: ["ink", "unitPrice", "copies"])
                let inkText = try string(rf, "ink", rp)
                let ink: Ink
                do { ink = try Ink.parse(inkText, field: .named("\(rp).ink")) } catch let e as KepuError {
                    throw fail(rf["ink"], e)
                }
                runs.append(
                    PlannedRun(
                        ink: ink, unitPrice: try money(rf, "unitPrice", rp),
                        copies: try integer(rf, "copies", rp)))
            }
            return SpendingLine(
                id: id, name: try string(lf, "name", path), category: try optionalString(lf, "category", path),
                amount: try money(lf, "amount", path), basis: try optionalString(lf, "basis", path),
                runs: runs)
        }

        mutating func indicator(_ n: Node, index: Int, year: Int) throws -> Indicator {
            var path = "indicators[\(index + 1)]"
            let f = try fields(
                n, path,
                known: [
                    "id", "level1", "level2", "name", "target", "op", "metric", "due", "weight", "standard",
                    "targetWording", "channel", "line", "ink",
                ])
            let id = try string(f, "id", path)
            path = "indicator \(id)"
            let targetText = try string(f, "target", path)
            let target: Target
            do { target = try Target.parse(targetText, field: .named("\(path) target"), year: year) } catch let e
                as KepuError
            {
                // A figure kepu cannot read (800000, 5个) is kept as words when the indicator says it is scored
                // by hand: the official tables carry such targets, and `kepu plan import` writes them so.
                guard try optionalString(f, "metric", path) == "manual" else { throw fail(f["target"], e) }
                target = Target(text: targetText, kind: .qualitative, impliedComparison: nil)
            }
            // A qualitative target is scored by hand and a date target by the last day of activity, unless the
            // file names another metric.
            let defaultMetric = target.isQualitative ? "manual" : target.date != nil ? "completion-date" : nil
            let metricName =
                try f["metric"] == nil ? defaultMetric ?? string(f, "metric", path) : string(f, "metric", path)
            guard let metric = Metric(name: metricName) else {
                throw fail(f["metric"], "\(path) metric", .unknownMetric(metricName, known: Metric.names))
            }
            var comparison = target.impliedComparison ?? .atLeast
            if let opText = try optionalString(f, "op", path) {
                guard let op = Comparison.parse(opText) else {
                    throw fail(f["op"], "\(path) op", .unknownComparison(opText))
                }
                comparison = op
            }
            var due: CalendarDate?
            if f["due"] != nil { due = try date(f, "due", path) }
            var weight: Fixed?
            if let w = f["weight"] { weight = try fixed(w, "\(path) weight") }
            var filter = MetricFilter()
            do {
                if let c = try optionalString(f, "channel", path) {
                    filter.channel = try Channel.parse(c, field: .named("\(path) channel"))
                }
                if let k = try optionalString(f, "ink", path) {
                    filter.ink = try Ink.parse(k, field: .named("\(path) ink"))
                }
            } catch let e as KepuError { throw fail(n, e) }
            filter.line = try optionalString(f, "line", path)
            return Indicator(
                id: id, level1: try string(f, "level1", path), level2: try string(f, "level2", path),
                name: try string(f, "name", path), target: target, comparison: comparison, metric: metric,
                due: due, weight: weight, standard: try optionalString(f, "standard", path),
                targetWording: try optionalString(f, "targetWording", path), filter: filter)
        }

        mutating func scoring(_ n: Node) throws -> ScoringSettings {
            let f = try fields(n, "scoring", known: ["budgetWeight", "levelWeights", "reverse", "rounding"])
            var s = ScoringSettings()
            if let w = f["budgetWeight"] { s.budgetWeight = try fixed(w, "scoring.budgetWeight") }
            if let lw = f["levelWeights"] {
                guard let m = lw.mapping else { throw fail(lw, "scoring.levelWeights", .levelWeightsNotMapping) }
                s.levelWeights = try m.map { (k, v) in
                    (k.string ?? "", try fixed(v, "scoring.levelWeights.\(k.string ?? "")"))
                }
            }
            if let r = try optionalString(f, "reverse", "scoring") {
                guard let v = ScoringSettings.Reverse(rawValue: r) else {
                    throw fail(f["reverse"], "scoring.reverse", .unknownSetting(r, choices: ["ratio", "linear"]))
                }
                s.reverse = v
            }
            if let r = try optionalString(f, "rounding", "scoring") {
                guard let v = Fixed.Rounding(rawValue: r) else {
                    throw fail(f["rounding"], "scoring.rounding", .unknownSetting(r, choices: ["half-up", "truncate"]))
                }
                s.rounding = v
            }
            return s
        }
    }
}
