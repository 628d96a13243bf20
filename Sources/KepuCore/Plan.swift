/// One year's approved targets and budget for a unit (绩效目标表), as read from a plan file.
public struct Plan: Hashable, Sendable {
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
    }

    /// 实施期绩效目标 and 年度绩效目标 (the two tables word the annual goal slightly differently).
    public struct Goals: Hashable, Sendable {
        public var implementation: String?
        public var annual: String?
        public var annualSummary: String?
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
