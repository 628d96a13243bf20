import Testing

@testable import KepuCore

@Suite struct ScoringTests {
    let w = Fixed(10)

    @Test func nineOfTenSessionsScoresNineTenths() {
        #expect(
            Scoring.ruleScore(actual: Fixed(9), target: Fixed(10), comparison: .atLeast, weight: w, reverse: .ratio)
                == Fixed(9))
        #expect(
            Scoring.ruleScore(actual: Fixed(12), target: Fixed(10), comparison: .atLeast, weight: w, reverse: .ratio)
                == w)
    }

    @Test func overspendingAgainstACeilingUnderEachReverseSetting() {
        // 43,000 spent against ≤ 40,000: ratio 40/43 × 10 = 9.3023; linear (1 − 3/40) × 10 = 9.25.
        let ratio = Scoring.ruleScore(
            actual: Fixed(43000), target: Fixed(40000), comparison: .atMost, weight: w, reverse: .ratio)
        #expect(ratio.rounded(places: 2) == Fixed(raw: 93_000))
        #expect(ratio == Fixed(raw: 93_023))
        let linear = Scoring.ruleScore(
            actual: Fixed(43000), target: Fixed(40000), comparison: .atMost, weight: w, reverse: .linear)
        #expect(linear == Fixed(raw: 92_500))
        #expect(
            Scoring.ruleScore(
                actual: Fixed(80000), target: Fixed(40000), comparison: .atMost, weight: w, reverse: .linear) == .zero)
        #expect(
            Scoring.ruleScore(
                actual: Fixed(39000), target: Fixed(40000), comparison: .atMost, weight: w, reverse: .ratio) == w)
    }

    @Test func ninetyOfAHundredSatisfiedAgainstNinetyFivePercent() {
        // 90% of 95%: 90/95 × 10 = 9.4737 → 9.47.
        let s = Scoring.ruleScore(
            actual: Fixed(90), target: Fixed(95), comparison: .atLeast, weight: w, reverse: .ratio)
        #expect(s.rounded(places: 2) == Fixed(raw: 94_700))
        #expect(s.rounded(places: 2, rule: .truncate) == Fixed(raw: 94_700))
    }

    @Test func equalTargetsLoseByRelativeDistance() {
        #expect(
            Scoring.ruleScore(actual: Fixed(11), target: Fixed(10), comparison: .equal, weight: w, reverse: .ratio)
                == Fixed(9))
        #expect(
            Scoring.ruleScore(actual: Fixed(30), target: Fixed(10), comparison: .equal, weight: w, reverse: .ratio)
                == .zero)
    }

    @Test func theSeedPlanSplitsLevelWeightsOverApplicableIndicators() throws {
        let weights = Scoring.weights(try seedPlan())
        for id in ["major-events", "reach", "timeliness", "cost"] { #expect(weights[id] == Fixed(raw: 125_000)) }
        #expect(weights["literacy"] == Fixed(15))
        #expect(weights["volunteers"] == Fixed(15))
        #expect(weights["satisfaction"] == Fixed(10))
        #expect(weights["economic"] == nil)
    }

    @Test func explicitWeightsLeaveTheRestToTheOthers() throws {
        var plan = try seedPlan()
        plan.indicators[1].weight = Fixed(20)
        let weights = Scoring.weights(plan)
        #expect(weights["reach"] == Fixed(20))
        #expect(weights["major-events"] == Fixed(10))
    }

    @Test func theDemoYearScoresWithAProvisionalTotalUntilLiteracyIsJudged() throws {
        let plan = try seedPlan()
        let e = Reconciler.evaluate(plan, yearEndFacts())
        let card = Scoring.score(e, plan: plan, notes: [])
        let by = Dictionary(uniqueKeysWithValues: card.rows.map { ($0.result.indicator.id, $0) })
        #expect(by["reach"]?.score == Fixed(raw: 123_900))  // 19830/20000 × 12.5 = 12.39375 → 12.39
        #expect(by["reach"]?.needsNote == true)
        #expect(by["cost"]?.score == Fixed(raw: 125_000))
        #expect(by["economic"]?.basis == .excluded)
        #expect(by["literacy"]?.basis == .pending)
        #expect(by["volunteers"]?.score == Fixed(15))
        #expect(by["satisfaction"]?.score == Fixed(10))
        #expect(card.budget.score == Fixed(raw: 99_700))  // 0.9967 × 10
        #expect(card.provisional)
        #expect(card.total == Fixed(raw: 848_600))  // 12.5 + 12.39 + 12.5 + 12.5 + 15 + 10 + 9.97
        let judged = Scoring.score(
            e, plan: plan,
            notes: [IndicatorNote(indicator: "literacy", manualScore: Fixed(13), scoreWhy: "抽样9.62%，接近目标")])
        #expect(!judged.provisional)
        #expect(judged.total == Fixed(raw: 978_600))
        #expect(judged.grade == .excellent)
        #expect(judged.rows.first { $0.result.indicator.id == "literacy" }?.band == .achieved)
    }

    @Test func executionAboveAHundredPercentIsCapped() throws {
        let plan = try seedPlan()
        var f = yearEndFacts()
        f.costsByLine["commission"] = Money(yuan: 27000)
        let card = Scoring.score(Reconciler.evaluate(plan, f), plan: plan, notes: [])
        #expect(card.budget.rate == Fixed(raw: 10_667))
        #expect(card.budget.score == Fixed(10))
        // The cost ceiling is missed: 30000/32000 × 12.5 = 11.71875 → 11.72.
        #expect(card.rows.first { $0.result.indicator.id == "cost" }?.score == Fixed(raw: 117_200))
    }

    @Test func growthScoresFullHalfOrNothing() throws {
        let plan = try seedPlan()
        var f = yearEndFacts()
        f.previousYear = .init(year: 2022, volunteers: 8, orgs: 3, source: .baseline)
        #expect(
            Scoring.score(Reconciler.evaluate(plan, f), plan: plan, notes: []).rows.first {
                $0.result.indicator.id == "volunteers"
            }?.score == Fixed(raw: 75_000))
        f.previousYear = .init(year: 2022, volunteers: 20, orgs: 3, source: .baseline)
        #expect(
            Scoring.score(Reconciler.evaluate(plan, f), plan: plan, notes: []).rows.first {
                $0.result.indicator.id == "volunteers"
            }?.score == .zero)
    }

    @Test func gradesAndBands() {
        #expect(Grade.of(Fixed(90)) == .excellent)
        #expect(Grade.of(Fixed(raw: 899_999)) == .good)
        #expect(Grade.of(Fixed(60)) == .fair)
        #expect(Grade.of(Fixed(59)) == .poor)
        #expect(ScoreBand.of(score: Fixed(12), weight: Fixed(15)) == .achieved)
        #expect(ScoreBand.of(score: Fixed(9), weight: Fixed(15)) == .partly)
        #expect(ScoreBand.of(score: Fixed(8), weight: Fixed(15)) == .notAchieved)
    }
}
