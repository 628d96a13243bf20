/// What a self-evaluation covers: the project's budget (项目支出绩效自评) or the whole department's
/// (部门整体支出绩效自评: 基本支出 + 项目支出).
public enum EvaluationScope: String, Sendable, Hashable, CaseIterable {
    case project, department
}

/// Plan + Facts reconciled: each indicator's actual against its target, and the budget's execution.
public struct Evaluation: Hashable, Sendable {
    public var unit: String
    public var year: Int
    public var period: DateRange
    public var asOf: CalendarDate
    /// At or after the period's end: the year-end view rather than monitoring.
    public var final: Bool
    /// Share of the period elapsed at the as-of date, 0…1.
    public var elapsedShare: Fixed
    public var budget: BudgetExecution
    public var indicators: [IndicatorResult]
    public var scope: EvaluationScope = .project
    /// The project evaluated (支出方向), nil for a department view of a year with several.
    public var project: ProjectRef? = nil
}

/// Whether an indicator is reached (docs/metrics-and-scoring.md).
public enum Status: String, Sendable, Hashable, CaseIterable {
    case met
    case missed
    case notApplicable = "n/a"
    case noData = "no-data"
    case inProgress = "in-progress"
    case onTrack = "on-track"
    case behind
    /// A manual indicator without its score yet.
    case needsScore = "needs-score"
    /// Scored by hand within 部分达成 (60–80% of the weight).
    case partlyMet = "partly-met"

    public var chinese: String {
        switch self {
        case .met: "已完成"
        case .missed: "未完成"
        case .notApplicable: "不适用"
        case .noData: "无数据"
        case .inProgress: "进行中"
        case .onTrack: "进度正常"
        case .behind: "进度滞后"
        case .needsScore: "待评分"
        case .partlyMet: "部分达成"
        }
    }

    /// The status in English words (`no data`, `in progress`); the raw value is JSON's code.
    public var english: String {
        switch self {
        case .met: "met"
        case .missed: "missed"
        case .notApplicable: "not applicable"
        case .noData: "no data"
        case .inProgress: "in progress"
        case .onTrack: "on track"
        case .behind: "behind"
        case .needsScore: "needs a score"
        case .partlyMet: "partly met"
        }
    }
}

/// 完成目标可能性 of the monitoring table.
public enum Likelihood: String, Sendable, Hashable {
    case certain = "确定能"
    case possible = "有可能"
    case impossible = "不可能"

    public var english: String {
        switch self {
        case .certain: "certain"
        case .possible: "possible"
        case .impossible: "unlikely"
        }
    }
}

public struct IndicatorResult: Hashable, Sendable {
    public var indicator: Indicator
    /// In the target's normalized unit; nil where there is no data.
    public var actual: Fixed?
    public var variance: Fixed?
    public var percentOfTarget: Fixed?
    public var status: Status
    /// Monitoring only: the prorated expectation at the as-of date, for cumulative indicators.
    public var expected: Fixed?
    public var likelihood: Likelihood?
    /// At or above 130% of target: a deviation note is expected.
    public var farAbove: Bool
    /// Volunteer growth: the comparison behind the status.
    public var growth: Growth?
    /// A date target: the last day of activity in the period.
    public var actualDate: CalendarDate? = nil
    /// A manual indicator: the 实际完成值 as the office words it (`及时`).
    public var actualText: String? = nil

    public struct Growth: Hashable, Sendable {
        public var volunteers: Int64
        public var orgs: Int64
        public var previous: Facts.PreviousYear?
        public var volunteersGrew: Bool? { previous.map { volunteers > $0.volunteers } }
        public var orgsGrew: Bool? { previous.map { orgs > $0.orgs } }
    }
}

/// 预算执行: planned against spent, per line, with the print runs.
public struct BudgetExecution: Hashable, Sendable {
    /// 年初预算数: the plan's project budget.
    public var planned: Money
    /// 全年预算数: after mid-year adjustments (the plan's when there are none).
    public var adjusted: Money
    public var spent: Money
    /// spent ÷ adjusted (全年预算数), four places; nil when nothing was budgeted.
    public var executionRate: Fixed?
    /// Monitoring: what a linear pace would have spent by the as-of date.
    public var expectedByNow: Money
    public var lines: [LineExecution]
    public var printRuns: [PrintRunComparison]

    public struct LineExecution: Hashable, Sendable {
        public var id: String
        public var name: String
        /// False for a line the ledger charges but the plan no longer has: shown, never hidden.
        public var inPlan: Bool
        public var planned: Money
        public var costs: Money
        public var print: Money
        /// The line's amount after a mid-year adjustment, if it had one.
        public var adjusted: Money? = nil
        public var spent: Money { costs + print }
        public var executionRate: Fixed? { Fixed.ratio(spent.fen, (adjusted ?? planned).fen) }
    }

    public struct PrintRunComparison: Hashable, Sendable {
        public var ink: Ink
        public var unitPrice: Money
        public var plannedCopies: Int64
        public var actualCopies: Int64
        public var plannedCost: Money { unitPrice * plannedCopies }
        public var actualCost: Money
    }
}
