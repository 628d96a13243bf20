import Foundation
import KepuCore
import KepuFiles
import KepuReport
import KepuStore

/// `kepu plan import FILE.xlsx …` and the web's 计划 page: the official tables read into a plan, shown
/// for review (each inferred metric, every finding), then stored as a plan file (all or nothing).
public enum OfficialPlanImport {
    public struct Preview: Sendable {
        public var read: OfficialTables.Result
        /// The plan as a plan file: what is stored, and what `-o plan.yaml` writes.
        public var yaml: String
        /// The reader's cross-table checks, then the plan's lint; errors block the import.
        public var findings: [LintFinding]
        public var sourceName: String
        public var plan: Plan { read.plan }
        public var errors: [LintFinding] { findings.filter { $0.severity == .error } }
    }

    /// `metrics` replaces inferred metrics by indicator id (the web's preview lets a reviewer pick another).
    public static func preview(
        files: [(path: String, displayName: String)], unit: String? = nil, rules: PlanRules = .standard,
        metrics: [String: Metric] = [:]
    ) throws -> Preview {
        let sheets = try OfficialWorkbook.sheets(paths: files)
        return try preview(
            sheets: sheets, sourceName: files.map(\.displayName).joined(separator: "+"), unit: unit, rules: rules,
            metrics: metrics)
    }

    public static func preview(
        sheets: [OfficialTables.Sheet], sourceName: String, unit: String? = nil, rules: PlanRules = .standard,
        metrics: [String: Metric] = [:]
    ) throws -> Preview {
        var read = try OfficialTables.read(sheets, rules: rules, unit: unit)
        for (id, metric) in metrics {
            if let changed = read.plan.updatingIndicator(id, { $0.metric = metric }) { read.plan = changed }
            for i in read.inferred.indices where read.inferred[i].indicator.id == id {
                read.inferred[i].indicator.metric = metric
            }
        }
        let yaml = PlanYAML.text(
            read.plan,
            header: [
                "由 kepu plan import 从 \(sourceName) 读出（Read from the official tables by kepu plan import）。",
                "每项指标的取数口径（metric）是按 Seeds/plan-rules.yaml 的规则推断的，请核对。",
            ])
        // What is stored is this text: reading it back must give the plan that was shown.
        let parsed = try PlanFile.parse(yaml, source: sourceName)
        return Preview(
            read: read, yaml: yaml, findings: read.findings + parsed.warnings + PlanLint.check(parsed.plan),
            sourceName: sourceName)
    }

    /// Stores the previewed plan (refused, with nothing written, when lint finds an error).
    public static func commit(_ p: Preview, ledger: Ledger, replace: Bool) throws -> PlanImport {
        try ledger.plans.importPlan(text: p.yaml, sourceName: p.sourceName, replace: replace)
    }

    /// Each indicator with its metric and the rule that gave it, for review.
    public static func inferenceTable(_ p: Preview, lang: Language) -> ReportTable {
        let names = Dictionary(uniqueKeysWithValues: p.plan.projects.map { ($0.id, $0.name) })
        let several = p.plan.declaresProjects
        var columns: [ReportTable.Column] = []
        if several { columns.append(.init(lang.t("项目", "Project"))) }
        columns += [
            .init(lang.t("代号", "id")), .init(lang.t("二级指标", "Level 2")), .init(lang.t("三级指标", "Indicator")),
            .init(lang.t("指标值", "Target")), .init(lang.t("取数口径", "Metric")), .init(lang.t("依据", "Rule")),
        ]
        let rows: [[Cell]] = p.read.inferred.map { i in
            let ind = i.indicator
            var row: [Cell] = []
            if several { row.append(Cell(i.project.flatMap { names[$0] } ?? lang.t("部门整体", "Department"))) }
            let target = TargetText.comparison(ind) + ind.target.text
            row += [
                Cell(ind.id), Cell(lang.term(ind.level2)), Cell(ind.name),
                Cell(ind.targetWording.map { "\(target)（\($0)）" } ?? target),
                Cell(
                    "\(Catalogue.metricName(ind.metric, lang))（\(ind.metric.description)）",
                    i.rule == nil && ind.metric == .manual ? .warn : .none),
                Cell(i.rule.map { Catalogue.ruleText($0, lang) } ?? lang.t("没有对应的规则：人工评分", "no rule: scored by hand")),
            ]
            return row
        }
        return ReportTable(columns: columns, rows: rows)
    }

    /// One indicator's metric, comparison, weight or 绩效标准 changed: a new version of the year's plan
    /// (the old one kept as replaced, the change audited; refused in a locked year).
    public struct IndicatorChange: Sendable {
        public var metric: Metric
        public var comparison: Comparison
        public var weight: Fixed?
        public var standard: String?
        public init(metric: Metric, comparison: Comparison, weight: Fixed?, standard: String?) {
            self.metric = metric
            self.comparison = comparison
            self.weight = weight
            self.standard = standard
        }
    }

    /// A project's name, its 所属专项, or a line's name corrected (a label misread, a typo in the table), as
    /// a new version of the plan: the ledger is kept, the old version stays in the history.
    public static func correctNames(
        ledger: Ledger, year: Int?, unit: String?, project: String?, name: String?, parent: String?,
        line: String?, lineName: String?, who: String
    ) throws -> PlanImport {
        let stored = try ledger.plans.plan(year: year, unit: unit)
        var plan = stored.plan
        if name != nil || parent != nil {
            guard let renamed = plan.renamingProject(project, name: name, parent: parent) else {
                throw KepuError(
                    .noSuchProject(
                        field: .project, value: project ?? "", year: plan.year, projects: plan.projects.map(\.ref)))
            }
            plan = renamed
        }
        if let line, let lineName {
            guard let renamed = plan.renamingLine(line, to: lineName) else {
                throw KepuError(
                    .notALine(
                        field: .line, value: line, year: plan.year, unit: plan.unit,
                        lines: plan.lines.map { LineRef(id: $0.id, name: $0.name) }))
            }
            plan = renamed
        }
        guard plan != stored.plan else { throw KepuError(.planNamesUnchanged(year: plan.year)) }
        let text = PlanYAML.text(
            plan, header: ["由 \(who) 在网页“计划”中更正名称（计划 \(stored.id) 的新版本）· Names corrected on the web."])
        return try ledger.plans.importPlan(text: text, sourceName: stored.sourceName, replace: true)
    }

    public static func changeIndicator(
        ledger: Ledger, year: Int?, unit: String?, id: String, change: IndicatorChange, who: String
    ) throws -> PlanImport {
        let stored = try ledger.plans.plan(year: year, unit: unit)
        guard
            let plan = stored.plan.updatingIndicator(
                id,
                {
                    $0.metric = change.metric
                    $0.comparison = change.comparison
                    $0.weight = change.weight
                    $0.standard = change.standard
                })
        else {
            throw KepuError(
                .notAnIndicator(
                    field: .indicator, value: id, year: stored.plan.year, ids: stored.plan.allIndicators.map(\.id)))
        }
        let text = PlanYAML.text(
            plan,
            header: ["由 \(who) 在网页“计划”中修改指标 \(id)（计划 \(stored.id) 的新版本）· Indicator \(id) changed on the web."])
        return try ledger.plans.importPlan(text: text, sourceName: stored.sourceName, replace: true)
    }
}
