/// Turns Plan + Facts into an Evaluation (docs/metrics-and-scoring.md). Pure: no database, no clock.
public enum Reconciler {
    /// Far above target: at or over 130% calls for a deviation note.
    public static let farAbovePercent = Fixed(130)

    public static func evaluate(_ plan: Plan, _ facts: Facts, scope: EvaluationScope = .project) -> Evaluation {
        let asOf = facts.asOf
        let final = asOf >= plan.period.end
        let share = elapsedShare(plan.period, asOf)
        var budget = budgetExecution(plan, facts, share: share)
        if scope == .department { budget = departmentBudget(plan, facts, project: budget, share: share) }
        let results = plan.indicators.map { indicator($0, plan: plan, facts: facts, final: final, share: share) }
        return Evaluation(
            unit: plan.unit, year: plan.year, period: plan.period, asOf: asOf, final: final,
            elapsedShare: share, budget: budget, indicators: results, scope: scope, project: plan.focus)
    }

    /// The whole department's budget: 基本支出 (from `kepu basic set`) and 项目支出 (the ledger's), against
    /// the total (资金总额).
    static func departmentBudget(_ plan: Plan, _ facts: Facts, project: BudgetExecution, share: Fixed)
        -> BudgetExecution
    {
        let basicSpent = facts.basicSpent ?? .zero
        let projectAdjusted = project.adjusted
        let total = plan.budget.total
        let adjusted = plan.budget.basic + projectAdjusted
        let lines: [BudgetExecution.LineExecution] = [
            .init(id: "basic", name: "基本支出", inPlan: true, planned: plan.budget.basic, costs: basicSpent, print: .zero),
            .init(
                id: "project", name: "项目支出", inPlan: true, planned: plan.budget.project, costs: project.spent,
                print: .zero, adjusted: projectAdjusted == plan.budget.project ? nil : projectAdjusted),
        ]
        let spent = basicSpent + project.spent
        return BudgetExecution(
            planned: total, adjusted: adjusted, spent: spent, executionRate: Fixed.ratio(spent.fen, adjusted.fen),
            expectedByNow: Money(fen: adjusted.yuan.times(share, places: 2).raw / 100), lines: lines,
            printRuns: project.printRuns)
    }

    /// Days elapsed (as-of date included) over days in the period, clamped to 0…1.
    public static func elapsedShare(_ period: DateRange, _ asOf: CalendarDate) -> Fixed {
        if asOf < period.start { return .zero }
        if asOf >= period.end { return Fixed(1) }
        return Fixed.ratio(Int64(asOf.dayNumber - period.start.dayNumber + 1), Int64(period.days))!
    }

    /// The indicator's actual in its target's unit, or nil where nothing was recorded.
    public static func actual(_ ind: Indicator, plan: Plan, facts: Facts) -> Fixed? {
        switch ind.metric {
        case .majorEvents: return Fixed(facts.majorEvents)
        case .events: return Fixed(facts.events)
        case .attendance:
            if let c = ind.filter.channel { return Fixed(facts.attendanceByChannel[c] ?? 0) }
            return Fixed(facts.attendance)
        case .uniqueParticipants: return Fixed(facts.uniqueParticipants)
        case .spending:
            let key = ind.filter.line.flatMap { plan.line(named: $0)?.id ?? $0 }
            return facts.spending(line: key).yuan
        case .costPerParticipant:
            guard facts.attendance > 0 else { return nil }
            return Fixed.ratio(facts.spending.fen, facts.attendance * 100)
        case .completionMonths:
            guard let last = facts.lastActivity else { return nil }
            return Fixed(max(0, plan.period.monthOrdinal(of: last)))
        case .satisfaction:
            guard facts.surveyResponses > 0 else { return nil }
            return Fixed.ratio(facts.surveySatisfied * 100, facts.surveyResponses)
        case .volunteers: return Fixed(facts.volunteers)
        case .volunteerOrgs: return Fixed(facts.volunteerOrgs)
        case .volunteerHours: return Fixed(raw: facts.volunteerHoursCenti * 100)
        case .volunteerGrowth: return Fixed(facts.volunteers)
        case .printCopies: return Fixed(facts.printCopies(ink: ind.filter.ink))
        case .measurement(let name): return facts.measurements[name]?.value
        case .none, .manual, .completionDate: return nil
        }
    }

    static func meets(_ actual: Fixed, _ op: Comparison, _ target: Fixed) -> Bool {
        switch op {
        case .atLeast: actual >= target
        case .atMost: actual <= target
        case .equal: actual == target
        }
    }

    static func indicator(_ ind: Indicator, plan: Plan, facts: Facts, final: Bool, share: Fixed) -> IndicatorResult {
        var r = IndicatorResult(
            indicator: ind, actual: nil, variance: nil, percentOfTarget: nil, status: .noData,
            expected: nil, likelihood: nil, farAbove: false, growth: nil)
        if ind.metric == .none || ind.target.kind == .none {
            r.status = .notApplicable
            return r
        }
        r.actual = actual(ind, plan: plan, facts: facts)
        let note = facts.notes.first { $0.indicator == ind.id }

        // Qualitative: the office's words and a manual score decide, within the bands of the weight.
        if ind.metric == .manual || ind.target.isQualitative {
            r.actualText = note?.actualText
            guard let score = note?.manualScore else {
                r.status = .needsScore
                r.likelihood = final ? nil : .possible
                return r
            }
            let weight = Scoring.weights(plan)[ind.id] ?? .zero
            switch ScoreBand.of(score: score, weight: weight) {
            case .achieved: r.status = .met
            case .partly: r.status = .partlyMet
            case .notAchieved: r.status = .missed
            }
            r.likelihood = final ? nil : (r.status == .met ? .certain : .possible)
            return r
        }

        // A date target: the last day of activity against the date.
        if let due = ind.target.date {
            r.actualDate = facts.lastActivity
            guard let last = facts.lastActivity else {
                r.status = final ? .noData : .onTrack
                r.likelihood = final ? nil : (asOfBeforeDue(facts, due) ? .possible : .impossible)
                return r
            }
            if last > due {
                r.status = .missed
                r.likelihood = final ? nil : .impossible
            } else {
                r.status = final || facts.asOf >= due ? .met : .onTrack
                r.likelihood = final ? nil : .certain
            }
            return r
        }

        if ind.metric == .volunteerGrowth {
            let g = IndicatorResult.Growth(
                volunteers: facts.volunteers, orgs: facts.volunteerOrgs, previous: facts.previousYear)
            r.growth = g
            switch (g.volunteersGrew, g.orgsGrew) {
            case (nil, _), (_, nil):
                r.status = .noData
                r.likelihood = final ? nil : .possible
            case (true, true):
                r.status = .met
                r.likelihood = final ? nil : .certain
            default:
                r.status = final ? .missed : .behind
                r.likelihood = final ? nil : .possible
            }
            return r
        }

        guard let target = ind.target.value else {
            r.status = .noData
            return r
        }
        if let actual = r.actual {
            r.variance = actual - target
            r.percentOfTarget = target == .zero ? nil : Fixed.ratio(actual.raw * 100, target.raw)
            r.farAbove = r.percentOfTarget.map { $0 >= farAbovePercent } ?? false
        }

        // A target due after the period (literacy by 2025) is in progress unless already reached.
        if let due = ind.due, due > plan.period.end {
            if let a = r.actual, meets(a, ind.comparison, target) {
                r.status = .met
                r.likelihood = final ? nil : .certain
            } else {
                r.status = .inProgress
                r.likelihood = final ? nil : .possible
            }
            return r
        }
        guard let actual = r.actual else {
            r.status = .noData
            r.likelihood = final ? nil : .possible
            return r
        }
        if final {
            r.status = meets(actual, ind.comparison, target) ? .met : .missed
            return r
        }
        monitor(&r, actual: actual, target: target, share: share)
        return r
    }

    static func asOfBeforeDue(_ facts: Facts, _ due: CalendarDate) -> Bool { facts.asOf <= due }

    /// Mid-year: cumulative indicators against a linear prorated expectation; others as they stand.
    static func monitor(_ r: inout IndicatorResult, actual: Fixed, target: Fixed, share: Fixed) {
        let ind = r.indicator
        switch ind.comparison {
        case .atMost:
            // Over a ceiling before the year is out cannot be undone.
            if actual > target {
                r.status = .missed
                r.likelihood = .impossible
            } else {
                r.status = ind.metric.isCumulative ? .onTrack : .met
                r.likelihood = .certain
            }
        case .atLeast, .equal:
            if ind.comparison == .equal && actual > target && ind.metric.isCumulative {
                r.status = .missed
                r.likelihood = .impossible
            } else if actual == target || (ind.comparison == .atLeast && actual > target) {
                r.status = .met
                r.likelihood = .certain
            } else if ind.metric.isCumulative {
                let expected = target.times(share, places: 4)
                r.expected = expected
                if actual >= expected {
                    r.status = .onTrack
                    r.likelihood = .certain
                } else {
                    r.status = .behind
                    // Half of the pace or more can still be caught up; less is unlikely to be.
                    r.likelihood = actual.raw * 2 >= expected.raw ? .possible : .impossible
                }
            } else {
                r.status = .behind
                r.likelihood = .possible
            }
        }
    }

    static func budgetExecution(_ plan: Plan, _ facts: Facts, share: Fixed) -> BudgetExecution {
        var lines: [BudgetExecution.LineExecution] = plan.lines.map {
            .init(
                id: $0.id, name: $0.name, inPlan: true, planned: $0.amount, costs: facts.costsByLine[$0.id] ?? .zero,
                print: facts.printByLine[$0.id] ?? .zero)
        }
        let known = Set(plan.lines.map(\.id))
        let charged = Set(facts.costsByLine.keys).union(facts.printByLine.keys)
        for key in charged.subtracting(known).sorted() {
            lines.append(
                .init(
                    id: key, name: key, inPlan: false, planned: .zero, costs: facts.costsByLine[key] ?? .zero,
                    print: facts.printByLine[key] ?? .zero))
        }
        let spent = lines.reduce(Money.zero) { $0 + $1.spent }
        let planned = plan.budget.project
        let adjusted = facts.adjustedBudget ?? planned
        let expected = Money(fen: adjusted.yuan.times(share, places: 2).raw / 100)

        var runs: [BudgetExecution.PrintRunComparison] = []
        let plannedRuns = plan.printingLine?.runs ?? []
        for p in plannedRuns {
            let actual = facts.printRuns.filter { $0.ink == p.ink && $0.unitPrice == p.unitPrice }
            if let i = runs.firstIndex(where: { $0.ink == p.ink && $0.unitPrice == p.unitPrice }) {
                runs[i].plannedCopies += p.copies
                continue
            }
            runs.append(
                .init(
                    ink: p.ink, unitPrice: p.unitPrice, plannedCopies: p.copies,
                    actualCopies: actual.reduce(0) { $0 + $1.copies },
                    actualCost: actual.reduce(Money.zero) { $0 + $1.cost }))
        }
        for a in facts.printRuns where !plannedRuns.contains(where: { $0.ink == a.ink && $0.unitPrice == a.unitPrice })
        {
            runs.append(
                .init(ink: a.ink, unitPrice: a.unitPrice, plannedCopies: 0, actualCopies: a.copies, actualCost: a.cost))
        }
        for i in lines.indices { lines[i].adjusted = facts.adjustedLines[lines[i].id] }
        return BudgetExecution(
            planned: planned, adjusted: adjusted, spent: spent, executionRate: Fixed.ratio(spent.fen, adjusted.fen),
            expectedByNow: expected, lines: lines, printRuns: runs)
    }
}
