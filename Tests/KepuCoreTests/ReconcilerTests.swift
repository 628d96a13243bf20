import Testing

@testable import KepuCore

func day(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }

/// The demo year's facts, worked out by hand.
func yearEndFacts() -> Facts {
    var f = Facts(asOf: day("2023-12-31"))
    f.majorEvents = 2
    f.events = 4
    f.attendanceByChannel = [.onsite: 9530, .online: 10300]
    f.costsByLine = ["commission": Money(yuan: 24900)]
    f.printByLine = ["printing": Money(yuan: 5000)]
    f.lastActivity = day("2023-11-08")
    f.surveyResponses = 670
    f.surveySatisfied = 659
    f.volunteers = 10
    f.volunteerOrgs = 3
    f.volunteerHoursCenti = 6050
    f.previousYear = .init(year: 2022, volunteers: 8, orgs: 2, source: .baseline)
    f.printRuns = [
        .init(ink: .color, unitPrice: Money(fen: 100), copies: 2000, cost: Money(yuan: 2000), runs: 1),
        .init(ink: .mono, unitPrice: Money(fen: 50), copies: 6000, cost: Money(yuan: 3000), runs: 2),
    ]
    f.measurements = ["literacy-rate": .init(value: Fixed(raw: 96200), date: day("2023-11-30"), source: nil)]
    return f
}

func result(_ e: Evaluation, _ id: String) -> IndicatorResult { e.indicators.first { $0.indicator.id == id }! }

@Suite struct ReconcilerTests {
    @Test func yearEndStatusesOfTheSeedPlan() throws {
        let e = Reconciler.evaluate(try seedPlan(), yearEndFacts())
        #expect(e.final)
        #expect(result(e, "major-events").status == .met)
        let reach = result(e, "reach")
        #expect(reach.actual == Fixed(19830))
        #expect(reach.status == .missed)
        #expect(reach.variance == Fixed(-170))
        #expect(reach.percentOfTarget == Fixed(raw: 991_500))
        #expect(result(e, "timeliness").actual == Fixed(11))
        #expect(result(e, "timeliness").status == .met)
        #expect(result(e, "cost").actual == Fixed(29900))
        #expect(result(e, "cost").status == .met)
        #expect(result(e, "economic").status == .notApplicable)
        #expect(result(e, "ecological").status == .notApplicable)
        #expect(result(e, "literacy").status == .inProgress)
        #expect(result(e, "volunteers").status == .met)
        #expect(result(e, "satisfaction").actual == Fixed(raw: 983_582))
        #expect(result(e, "satisfaction").status == .met)
        #expect(e.budget.spent == Money(yuan: 29900))
        #expect(e.budget.executionRate == Fixed(raw: 9967))
        #expect(e.budget.printRuns.map(\.actualCopies) == [2000, 6000])
    }

    @Test func everyMetricIsComputedFromFacts() throws {
        let plan = try seedPlan()
        let f = yearEndFacts()
        func actual(_ metric: Metric, _ filter: MetricFilter = MetricFilter()) -> Fixed? {
            let ind = Indicator(
                id: "x", level1: "产出指标", level2: "数量指标", name: "x", target: try! Target.parse("1次"),
                metric: metric, filter: filter)
            return Reconciler.actual(ind, plan: plan, facts: f)
        }
        #expect(actual(.events) == Fixed(4))
        #expect(actual(.majorEvents) == Fixed(2))
        #expect(actual(.attendance) == Fixed(19830))
        #expect(actual(.attendance, MetricFilter(channel: .online)) == Fixed(10300))
        #expect(actual(.spending, MetricFilter(line: "资料排版复印")) == Fixed(5000))
        #expect(actual(.costPerParticipant) == Fixed(raw: 15078))
        #expect(actual(.volunteers) == Fixed(10))
        #expect(actual(.volunteerOrgs) == Fixed(3))
        #expect(actual(.volunteerHours) == Fixed(raw: 605_000))
        #expect(actual(.printCopies) == Fixed(8000))
        #expect(actual(.printCopies, MetricFilter(ink: .color)) == Fixed(2000))
        #expect(actual(.measurement("literacy-rate")) == Fixed(raw: 96200))
        #expect(actual(.measurement("unknown")) == nil)
        #expect(actual(.uniqueParticipants) == Fixed(0))
        #expect(actual(.none) == nil)
        var empty = Facts(asOf: day("2023-12-31"))
        empty.surveyResponses = 0
        #expect(Reconciler.actual(plan.indicator("satisfaction")!, plan: plan, facts: empty) == nil)
        #expect(Reconciler.actual(plan.indicator("timeliness")!, plan: plan, facts: empty) == nil)
    }

    @Test func atMostTargetsAreMissedWhenExceeded() throws {
        var f = yearEndFacts()
        f.costsByLine["commission"] = Money(yuan: 26000)
        let e = Reconciler.evaluate(try seedPlan(), f)
        #expect(result(e, "cost").status == .missed)
        #expect(e.budget.executionRate == Fixed(raw: 10333))
    }

    @Test func growthAgainstThePreviousYear() throws {
        var f = yearEndFacts()
        f.previousYear = .init(year: 2022, volunteers: 12, orgs: 2, source: .database)
        #expect(result(Reconciler.evaluate(try seedPlan(), f), "volunteers").status == .missed)
        f.previousYear = nil
        #expect(result(Reconciler.evaluate(try seedPlan(), f), "volunteers").status == .noData)
    }

    @Test func measurementsDueAfterThePeriod() throws {
        var f = yearEndFacts()
        f.measurements["literacy-rate"] = .init(value: Fixed(raw: 103_000), date: day("2023-11-30"), source: nil)
        #expect(result(Reconciler.evaluate(try seedPlan(), f), "literacy").status == .met)
        f.measurements = [:]
        #expect(result(Reconciler.evaluate(try seedPlan(), f), "literacy").status == .inProgress)
        var plan = try seedPlan()
        plan.indicators[5].due = nil
        #expect(result(Reconciler.evaluate(plan, f), "literacy").status == .noData)
    }

    @Test func farAboveTargetIsFlagged() throws {
        var f = yearEndFacts()
        f.attendanceByChannel = [.onsite: 26000]
        let r = result(Reconciler.evaluate(try seedPlan(), f), "reach")
        #expect(r.farAbove)
        #expect(r.percentOfTarget == Fixed(130))
        #expect(!result(Reconciler.evaluate(try seedPlan(), yearEndFacts()), "reach").farAbove)
    }

    @Test func monitoringMidYearProratesCumulativeIndicators() throws {
        var f = Facts(asOf: day("2023-06-30"))
        f.majorEvents = 1
        f.attendanceByChannel = [.onsite: 7460]
        f.costsByLine = ["commission": Money(yuan: 12400)]
        f.surveyResponses = 250
        f.surveySatisfied = 244
        f.lastActivity = day("2023-05-30")
        let e = Reconciler.evaluate(try seedPlan(), f)
        #expect(!e.final)
        #expect(e.elapsedShare == Fixed(raw: 4959))  // 181 of 365 days
        let major = result(e, "major-events")
        #expect(major.status == .onTrack)
        #expect(major.expected == Fixed(raw: 9918))
        #expect(major.likelihood == .certain)
        let reach = result(e, "reach")
        #expect(reach.expected == Fixed(9918))
        #expect(reach.status == .behind)
        #expect(reach.likelihood == .possible)
        #expect(result(e, "cost").status == .onTrack)
        #expect(result(e, "timeliness").status == .met)
        #expect(result(e, "satisfaction").status == .behind)
        #expect(result(e, "literacy").likelihood == .possible)
        #expect(e.budget.expectedByNow == Money(fen: 1_487_700))
    }

    @Test func farBehindThePaceIsUnlikely() throws {
        var f = Facts(asOf: day("2023-10-31"))
        f.attendanceByChannel = [.onsite: 3000]
        let reach = result(Reconciler.evaluate(try seedPlan(), f), "reach")
        #expect(reach.status == .behind)
        #expect(reach.likelihood == .impossible)
    }

    @Test func aCeilingPassedMidYearIsMissedAlready() throws {
        var f = Facts(asOf: day("2023-08-01"))
        f.costsByLine = ["commission": Money(yuan: 31000)]
        let cost = result(Reconciler.evaluate(try seedPlan(), f), "cost")
        #expect(cost.status == .missed)
        #expect(cost.likelihood == .impossible)
    }

    @Test func beforeThePeriodNothingHasElapsed() throws {
        let e = Reconciler.evaluate(try seedPlan(), Facts(asOf: day("2022-12-01")))
        #expect(e.elapsedShare == .zero)
        #expect(!e.final)
        #expect(result(e, "reach").status == .behind || result(e, "reach").status == .onTrack)
    }

    @Test func linesNoLongerInThePlanAreShownNotHidden() throws {
        var f = yearEndFacts()
        f.costsByLine["training"] = Money(yuan: 800)
        let b = Reconciler.evaluate(try seedPlan(), f).budget
        #expect(b.lines.last?.id == "training")
        #expect(b.lines.last?.inPlan == false)
        #expect(b.spent == Money(yuan: 30700))
    }

    @Test func equalTargets() throws {
        var plan = try seedPlan()
        plan.indicators[0].comparison = .equal
        var f = yearEndFacts()
        f.majorEvents = 3
        #expect(result(Reconciler.evaluate(plan, f), "major-events").status == .missed)
        f.majorEvents = 2
        #expect(result(Reconciler.evaluate(plan, f), "major-events").status == .met)
    }
}
