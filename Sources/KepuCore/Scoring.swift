/// Staff's words on one indicator of one year: deviation reason, improvement measures, manual score.
public struct IndicatorNote: Hashable, Sendable {
    public var indicator: String
    public var reason: String?
    public var measures: String?
    public var manualScore: Fixed?
    public var scoreWhy: String?
    /// 实际完成值 as the office words it, for a manual indicator (`及时`, `达成预期指标`).
    public var actualText: String? = nil
    public init(
        indicator: String, reason: String? = nil, measures: String? = nil, manualScore: Fixed? = nil,
        scoreWhy: String? = nil, actualText: String? = nil
    ) {
        self.actualText = actualText
        self.indicator = indicator
        self.reason = reason
        self.measures = measures
        self.manualScore = manualScore
        self.scoreWhy = scoreWhy
    }
    public var hasExplanation: Bool { !(reason ?? "").isEmpty || !(measures ?? "").isEmpty }
}

/// 评价等级.
public enum Grade: String, Sendable, Hashable {
    case excellent = "优"
    case good = "良"
    case fair = "中"
    case poor = "差"

    public var english: String {
        switch self {
        case .excellent: "excellent"
        case .good: "good"
        case .fair: "fair"
        case .poor: "poor"
        }
    }

    public static func of(_ total: Fixed) -> Grade {
        if total >= Fixed(90) { return .excellent }
        if total >= Fixed(80) { return .good }
        if total >= Fixed(60) { return .fair }
        return .poor
    }
}

/// The bands a manual score must fall in: 达成 80–100%, 部分达成 60–80%, 未达成 0–60% of the weight.
public enum ScoreBand: String, Sendable, Hashable {
    case achieved = "达成"
    case partly = "部分达成"
    case notAchieved = "未达成"

    public var english: String {
        switch self {
        case .achieved: "achieved"
        case .partly: "partly achieved"
        case .notAchieved: "not achieved"
        }
    }

    public static func of(score: Fixed, weight: Fixed) -> ScoreBand {
        guard weight > .zero else { return .notAchieved }
        if score.raw * 10 >= weight.raw * 8 { return .achieved }
        if score.raw * 10 >= weight.raw * 6 { return .partly }
        return .notAchieved
    }
}

/// The self-evaluation (绩效自评): every indicator weighted and scored, the budget scored, a total and grade.
public struct Scorecard: Hashable, Sendable {
    public var evaluation: Evaluation
    public var budget: BudgetScore
    public var rows: [ScoredIndicator]
    public var total: Fixed
    public var grade: Grade
    /// Some indicator still waits for a manual score: the total may change.
    public var provisional: Bool

    public struct BudgetScore: Hashable, Sendable {
        /// 年初预算数 and 全年预算数 (the same unless the plan was adjusted).
        public var initial: Money
        public var annual: Money
        /// 全年执行数.
        public var executed: Money
        public var weight: Fixed
        public var rate: Fixed?
        public var score: Fixed
    }
}

public struct ScoredIndicator: Hashable, Sendable {
    public enum Basis: String, Sendable, Hashable {
        /// Scored from the actual by the rules.
        case computed
        /// Scored by staff (`kepu note set --score`).
        case manual
        /// Needs a manual score that has not been given.
        case pending
        /// Not applicable (无): dropped, its weight spread over its level.
        case excluded
    }
    public var result: IndicatorResult
    public var weight: Fixed
    public var score: Fixed?
    public var basis: Basis
    public var note: IndicatorNote?
    public var band: ScoreBand?
    /// Missed or ≥ 130% without a deviation reason.
    public var needsNote: Bool
}

/// Scores an evaluation (docs/metrics-and-scoring.md). Pure: the notes come in as values.
public enum Scoring {
    public static func score(_ e: Evaluation, plan: Plan, notes: [IndicatorNote]) -> Scorecard {
        let s = plan.scoring
        let weights = self.weights(plan)
        var rows: [ScoredIndicator] = []
        for r in e.indicators {
            let note = notes.first { $0.indicator == r.indicator.id }
            let w = weights[r.indicator.id] ?? .zero
            var row = ScoredIndicator(
                result: r, weight: w, score: nil, basis: .computed, note: note, band: nil,
                needsNote: false)
            if r.status == .notApplicable {
                row.basis = .excluded
                row.weight = .zero
            } else if r.indicator.metric == .completionDate, let manual = note?.manualScore {
                row.basis = .manual
                row.score = min(manual, w).rounded(places: 2, rule: s.rounding)
            } else if let computed = computedScore(r, weight: w, settings: s) {
                row.score = computed.rounded(places: 2, rule: s.rounding)
            } else if let manual = note?.manualScore {
                row.basis = .manual
                row.score = min(manual, w).rounded(places: 2, rule: s.rounding)
            } else {
                row.basis = .pending
            }
            if let sc = row.score, row.basis != .excluded { row.band = ScoreBand.of(score: sc, weight: w) }
            row.needsNote = (r.status == .missed || r.farAbove) && !(note?.hasExplanation ?? false)
            rows.append(row)
        }
        let rate = e.budget.executionRate
        let capped = min(rate ?? .zero, Fixed(1))
        let budgetScore = s.budgetWeight.times(capped, places: 2, rule: s.rounding)
        let budget = Scorecard.BudgetScore(
            initial: e.budget.planned, annual: e.budget.adjusted, executed: e.budget.spent,
            weight: s.budgetWeight, rate: rate, score: budgetScore)
        let total = rows.compactMap(\.score).reduce(budgetScore, +)
        return Scorecard(
            evaluation: e, budget: budget, rows: rows, total: total, grade: .of(total),
            provisional: rows.contains { $0.basis == .pending })
    }

    /// Each indicator's points: its own weight, else an equal share of what its level has left.
    public static func weights(_ plan: Plan) -> [String: Fixed] {
        var out: [String: Fixed] = [:]
        let scored = plan.indicators.filter { $0.metric != .none && $0.target.kind != .none }
        for level in Set(scored.map(\.level1)) {
            let members = scored.filter { $0.level1 == level }
            let explicit = members.compactMap(\.weight).reduce(Fixed.zero, +)
            let open = members.filter { $0.weight == nil }
            let levelWeight = plan.scoring.weight(ofLevel: level) ?? explicit
            let share = open.isEmpty ? Fixed.zero : Fixed(raw: (levelWeight - explicit).raw / Int64(open.count))
            for m in members { out[m.id] = m.weight ?? share }
        }
        return out
    }

    /// The rule-based score, or nil where a person has to judge (no data, not yet due, no comparison year).
    public static func computedScore(_ r: IndicatorResult, weight w: Fixed, settings: ScoringSettings) -> Fixed? {
        let i = r.indicator
        if i.metric == .volunteerGrowth {
            guard let g = r.growth, let v = g.volunteersGrew, let o = g.orgsGrew else { return nil }
            switch (v, o) {
            case (true, true): return w
            case (false, false): return .zero
            default: return w.scaled(by: 1, 2)
            }
        }
        if i.metric == .manual || i.target.isQualitative { return nil }
        if let due = i.target.date {
            guard let last = r.actualDate else { return nil }
            return last <= due ? w : .zero
        }
        guard r.status != .inProgress, r.status != .noData, let actual = r.actual, let target = i.target.value else {
            return nil
        }
        return ruleScore(actual: actual, target: target, comparison: i.comparison, weight: w, reverse: settings.reverse)
    }

    /// `>=` proportional and capped; `<=` by the reverse setting; `=` falls with the relative distance.
    public static func ruleScore(
        actual: Fixed, target: Fixed, comparison: Comparison, weight w: Fixed,
        reverse: ScoringSettings.Reverse
    ) -> Fixed {
        switch comparison {
        case .atLeast:
            if actual >= target { return w }
            guard target > .zero else { return w }
            return max(.zero, w.scaled(by: actual.raw, target.raw)!)
        case .atMost:
            if actual <= target { return w }
            switch reverse {
            case .ratio:
                return w.scaled(by: target.raw, actual.raw)!
            case .linear:
                guard target > .zero else { return .zero }
                // w × (1 − (actual − target) / target), reaching 0 at twice the target.
                let over = actual - target
                return max(.zero, w - w.scaled(by: over.raw, target.raw)!)
            }
        case .equal:
            if actual == target { return w }
            guard target > .zero else { return .zero }
            let distance = actual > target ? actual - target : target - actual
            return max(.zero, w - w.scaled(by: distance.raw, target.raw)!)
        }
    }
}
