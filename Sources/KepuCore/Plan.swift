/// One year's approved targets and budget for a unit (绩效目标表), as read from a plan file.
public struct Plan: Hashable, Sendable {
    /// The years a plan may be for, wherever a year is read (the store's table checks the same bounds).
    public static let years = 1900...9999

    public var unit: String
    public var year: Int
    public var period: DateRange
    public var budget: Budget
    public var department: Department
    public var fund: Fund
    public var goals: Goals
    public var keyWork: [KeyWork]
    public var lines: [SpendingLine]
    public var indicators: [Indicator]
    public var scoring: ScoringSettings
    /// The year's projects (支出方向, one 附表3 each). A plan file without `projects:` is one project whose
    /// lines, indicators, fund and goals are the plan's own; with several, the plan's own `lines` are all
    /// the projects' lines and its `indicators` the department's (for `--scope department`).
    public var projects: [Project] = []
    /// The project this plan was narrowed to (`project(_:)`), nil for the year as a whole.
    public var focus: ProjectRef?
    /// True when the file had a `projects:` list.
    public var declaresProjects = false

    /// 年度预算: total = basic + project, with the sources of the money.
    public struct Budget: Hashable, Sendable {
        public var total: Money
        public var basic: Money
        public var project: Money
        /// 按收入性质分: 一般公共预算拨款, 政府性基金拨款, 其他资金 (absent when not written).
        public var general: Money?
        public var governmentFund: Money?
        public var other: Money?
    }

    /// 部门名称 and 部门职责概述.
    public struct Department: Hashable, Sendable {
        public var duties: String?
    }

    /// The special fund (区级专项资金) the project budget belongs to (附表2, 附表3).
    public struct Fund: Hashable, Sendable {
        /// 支出方向（子项）, e.g. 业务性专项.
        public var name: String?
        /// 所属专项, e.g. A专项.
        public var parent: String?
        /// 类别 of the 汇总表, e.g. 业务性专项.
        public var category: String?
        /// 项目实施期 as written, e.g. 2023年1月－2023年12月.
        public var term: String?

        public init(name: String? = nil, parent: String? = nil, category: String? = nil, term: String? = nil) {
            self.name = name
            self.parent = parent
            self.category = category
            self.term = term
        }
    }

    /// 实施期绩效目标 and 年度绩效目标 (the two tables word the annual goal slightly differently).
    public struct Goals: Hashable, Sendable {
        public var implementation: String?
        public var annual: String?
        public var annualSummary: String?

        public init(implementation: String? = nil, annual: String? = nil, annualSummary: String? = nil) {
            self.implementation = implementation
            self.annual = annual
            self.annualSummary = annualSummary
        }
    }

    /// 年度重点工作计划: 事项, 责任单位/科室, 工作目标.
    public struct KeyWork: Hashable, Sendable {
        public var item: String
        public var owner: String?
        public var goal: String
    }

    public func line(named key: String) -> SpendingLine? {
        lines.first { $0.id == key || $0.name == key }
    }

    /// The line that print runs are charged to: the first with planned runs, else one named like printing.
    public var printingLine: SpendingLine? {
        lines.first { !$0.runs.isEmpty } ?? lines.first { $0.id == "printing" }
    }

    public func indicator(_ id: String) -> Indicator? { indicators.first { $0.id == id } }

    /// Every indicator of the year: each project's, then the department's own.
    public var allIndicators: [Indicator] {
        guard declaresProjects else { return indicators }
        return projects.flatMap(\.indicators) + indicators
    }

    /// The plan an indicator is scored in: its project's, or the department's.
    public func scoring(indicator id: String) -> (plan: Plan, indicator: Indicator)? {
        if declaresProjects {
            for p in projects { if let i = p.indicators.first(where: { $0.id == id }) { return (narrowed(to: p), i) } }
        }
        return indicator(id).map { (self, $0) }
    }

    /// More than one 支出方向 in the year: each is evaluated on its own.
    public var hasSeveralProjects: Bool { projects.count > 1 }

    /// The project a record belongs to when it names none: the first (the only one, in most years).
    public var defaultProject: Project? { projects.first }

    /// The project with this id or name.
    public func findProject(_ key: String) -> Project? {
        let k = key.trimmingCharacters(in: .whitespaces)
        return projects.first { $0.id == k } ?? projects.first { $0.name == k }
    }

    /// The project a line belongs to.
    public func project(ofLine id: String) -> Project? {
        projects.first { p in p.lines.contains { $0.id == id } }
    }

    /// This plan seen as one project's: its lines, indicators, fund, goals, scoring and amount, with the
    /// department's unit, year, period and budget. A one-project file narrowed to its project is itself.
    public func narrowed(to project: Project) -> Plan {
        var p = self
        p.lines = project.lines
        p.indicators = project.indicators
        p.fund = project.fund
        p.goals = project.goals
        p.scoring = project.scoring
        p.budget.project = project.amount
        if hasSeveralProjects || declaresProjects {
            // The department's total stays in the department view; a project's own table shows its amount.
            p.budget.total = p.budget.basic + project.amount
        }
        p.projects = [project]
        p.focus = project.ref
        return p
    }

    /// The plan evaluated when no project is named: the only project's, or the department's when the
    /// year has several.
    public var evaluatedByDefault: Plan {
        if !hasSeveralProjects, let only = projects.first { return narrowed(to: only) }
        return self
    }
}

/// A project's id and name, as JSON and reports label it.
public struct ProjectRef: Hashable, Sendable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// One 支出方向（子项）of a year (附表3): its amount, goals, budget lines, indicators and scoring.
public struct Project: Hashable, Sendable {
    public var id: String
    /// 支出方向（子项）名称.
    public var name: String
    /// 所属专项 (parent, the 附表2 group) and its category; `term` is 项目实施期.
    public var fund: Plan.Fund
    /// 金额: the sum of the lines.
    public var amount: Money
    public var goals: Plan.Goals
    public var lines: [SpendingLine]
    public var indicators: [Indicator]
    public var scoring: ScoringSettings

    public init(
        id: String, name: String, fund: Plan.Fund = Plan.Fund(), amount: Money, goals: Plan.Goals = Plan.Goals(),
        lines: [SpendingLine], indicators: [Indicator], scoring: ScoringSettings = ScoringSettings()
    ) {
        self.id = id
        self.name = name
        self.fund = fund
        self.amount = amount
        self.goals = goals
        self.lines = lines
        self.indicators = indicators
        self.scoring = scoring
    }

    public var ref: ProjectRef { ProjectRef(id: id, name: name) }

    /// The id of a one-project plan's project.
    public static let soleID = "main"
}

/// A planned line of the project budget (支出明细) and how it was computed (测算依据).
public struct SpendingLine: Hashable, Sendable {
    public var id: String
    public var name: String
    public var category: String?
    public var amount: Money
    public var basis: String?
    public var runs: [PlannedRun]

    public init(
        id: String, name: String, category: String? = nil, amount: Money, basis: String? = nil,
        runs: [PlannedRun] = []
    ) {
        self.id = id
        self.name = name
        self.category = category
        self.amount = amount
        self.basis = basis
        self.runs = runs
    }
}

/// A planned print run: copies × unit price.
public struct PlannedRun: Hashable, Sendable {
    public var ink: Ink
    public var unitPrice: Money
    public var copies: Int64
    public var cost: Money { unitPrice * copies }
}

/// One row of the indicator tree: 一级 → 二级 → 三级 with its target and metric.
public struct Indicator: Hashable, Sendable {
    public var id: String
    public var level1: String
    public var level2: String
    public var name: String
    public var target: Target
    public var comparison: Comparison
    public var metric: Metric
    public var due: CalendarDate?
    public var weight: Fixed?
    /// 绩效标准, as the fund table writes it.
    public var standard: String?
    /// The target as worded in the table when it is longer than the figure (力争到2025年…达到10%以上).
    public var targetWording: String?
    public var filter: MetricFilter

    public init(
        id: String, level1: String, level2: String, name: String, target: Target,
        comparison: Comparison = .atLeast, metric: Metric, due: CalendarDate? = nil,
        weight: Fixed? = nil, standard: String? = nil, targetWording: String? = nil,
        filter: MetricFilter = MetricFilter()
    ) {
        self.id = id
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.comparison = comparison
        self.metric = metric
        self.due = due
        self.weight = weight
        self.standard = standard
        self.targetWording = targetWording
        self.filter = filter
    }
}

/// Narrows a metric: attendance by channel, spending by line, print copies by ink.
public struct MetricFilter: Hashable, Sendable {
    public var channel: Channel?
    public var line: String?
    public var ink: Ink?
    public init(channel: Channel? = nil, line: String? = nil, ink: Ink? = nil) {
        self.channel = channel
        self.line = line
        self.ink = ink
    }
}

/// How the self-evaluation is scored (docs/metrics-and-scoring.md); the defaults are the published practice.
public struct ScoringSettings: Hashable, Sendable {
    public enum Reverse: String, Sendable, CaseIterable {
        /// `≤` missed: target ÷ actual × weight.
        case ratio
        /// `≤` missed: falls linearly to 0 at twice the target.
        case linear
    }

    public var budgetWeight: Fixed
    public var levelWeights: [(level: String, weight: Fixed)]
    public var reverse: Reverse
    public var rounding: Fixed.Rounding

    public static let defaultLevelWeights: [(level: String, weight: Fixed)] = [
        ("产出指标", Fixed(50)), ("效益指标", Fixed(30)), ("满意度指标", Fixed(10)),
    ]

    public init(
        budgetWeight: Fixed = Fixed(10),
        levelWeights: [(level: String, weight: Fixed)] = ScoringSettings.defaultLevelWeights,
        reverse: Reverse = .ratio, rounding: Fixed.Rounding = .halfUp
    ) {
        self.budgetWeight = budgetWeight
        self.levelWeights = levelWeights
        self.reverse = reverse
        self.rounding = rounding
    }

    public func weight(ofLevel level: String) -> Fixed? {
        levelWeights.first { $0.level == level }?.weight
    }

    public static func == (a: ScoringSettings, b: ScoringSettings) -> Bool {
        a.budgetWeight == b.budgetWeight && a.reverse == b.reverse && a.rounding == b.rounding
            && a.levelWeights.map(\.level) == b.levelWeights.map(\.level)
            && a.levelWeights.map(\.weight) == b.levelWeights.map(\.weight)
    }

    public func hash(into h: inout Hasher) {
        h.combine(budgetWeight)
        for (l, w) in levelWeights {
            h.combine(l)
            h.combine(w)
        }
    }
}

/// One row of 附表2 (区级专项资金绩效目标汇总表): the 合计, a 专项 (一、二…) or a 支出方向 (1、2…).
public struct FundSummaryRow: Hashable, Sendable {
    public enum Level: String, Sendable { case total, fund, project }
    public var no: String
    public var name: String
    public var amount: Money
    public var implementationGoal: String?
    public var annualGoal: String?
    public var level: Level
    public var projectID: String?
}

extension Plan {
    /// 附表2 as the office fills it: 合计 first, then each 专项 in order of first appearance (一、二…) with
    /// its 支出方向 (1、2…, numbered through the table).
    public var fundSummary: [FundSummaryRow] {
        var groups: [(key: String, name: String, projects: [Project])] = []
        for p in projects {
            let key = p.fund.parent ?? p.fund.category ?? p.name
            if let i = groups.firstIndex(where: { $0.key == key }) {
                groups[i].projects.append(p)
            } else {
                groups.append((key, p.fund.category ?? p.fund.parent ?? p.name, [p]))
            }
        }
        let total = projects.reduce(Money.zero) { $0 + $1.amount }
        var rows = [FundSummaryRow(no: "", name: "合计", amount: total, level: .total)]
        var n = 0
        for (i, g) in groups.enumerated() {
            rows.append(
                FundSummaryRow(
                    no: Plan.chineseNumeral(i + 1), name: g.name,
                    amount: g.projects.reduce(Money.zero) { $0 + $1.amount },
                    level: .fund))
            for p in g.projects {
                n += 1
                rows.append(
                    FundSummaryRow(
                        no: String(n), name: p.name, amount: p.amount, implementationGoal: p.goals.implementation,
                        annualGoal: p.goals.annualSummary ?? p.goals.annual, level: .project, projectID: p.id))
            }
        }
        return rows
    }

    /// 一 … 二十, for 附表2's 序号.
    public static func chineseNumeral(_ n: Int) -> String {
        let digits = ["", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        if n < 10 { return digits[n] }
        if n < 20 { return "十" + digits[n - 10] }
        if n < 100 { return digits[n / 10] + "十" + digits[n % 10] }
        return String(n)
    }
}

extension Plan {
    /// The plan with one indicator changed wherever it is (a project's, or the plan's own); nil when no
    /// indicator has that id.
    /// The plan with a project's names corrected: its name (支出方向（子项）) and its 所属专项, each left as it
    /// is when nil. `project` is a project's id in a plan of several; nil for a plan of one, whose names are
    /// its fund's. Nil when no such project.
    public func renamingProject(_ project: String?, name: String?, parent: String?) -> Plan? {
        var p = self
        if let project {
            guard let j = p.projects.firstIndex(where: { $0.id == project }) else { return nil }
            if let name { p.projects[j].name = name }
            if let parent { p.projects[j].fund.parent = parent }
            // A plan of one project keeps its fund and its project alike.
            if p.projects.count == 1 {
                if let name { p.fund.name = name }
                if let parent { p.fund.parent = parent }
            }
        } else {
            if let name { p.fund.name = name }
            if let parent { p.fund.parent = parent }
        }
        return p
    }

    /// The plan with a spending line's name corrected, wherever the line is; nil when there is no such line.
    public func renamingLine(_ id: String, to name: String) -> Plan? {
        var p = self
        var found = false
        for i in p.lines.indices where p.lines[i].id == id {
            p.lines[i].name = name
            found = true
        }
        for j in p.projects.indices {
            for i in p.projects[j].lines.indices where p.projects[j].lines[i].id == id {
                p.projects[j].lines[i].name = name
                found = true
            }
        }
        return found ? p : nil
    }

    public func updatingIndicator(_ id: String, _ change: (inout Indicator) -> Void) -> Plan? {
        var p = self
        var found = false
        for i in p.indicators.indices where p.indicators[i].id == id {
            change(&p.indicators[i])
            found = true
        }
        for j in p.projects.indices {
            for i in p.projects[j].indicators.indices where p.projects[j].indicators[i].id == id {
                change(&p.projects[j].indicators[i])
                found = true
            }
        }
        return found ? p : nil
    }
}
