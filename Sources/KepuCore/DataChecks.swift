/// The named data checks of `kepu check` and of the report (docs/metrics-and-scoring.md).
public enum DataChecks {
    public static func run(
        plan: Plan, scorecard: Scorecard, events: [EventSummary], facts: Facts,
        storeFindings: [LintFinding]
    ) -> [LintFinding] {
        var out = storeFindings
        let e = scorecard.evaluation
        // Roll sub-activities up to their top-level event.
        var top: [Int64: Int64] = [:]
        var rolled: [Int64: (attendance: Int64, responses: Int64)] = [:]
        for ev in events where !ev.voided {
            let root = ev.parent.flatMap { top[$0] } ?? ev.id
            top[ev.id] = root
            rolled[root, default: (0, 0)].attendance += ev.onsite + ev.online
            rolled[root, default: (0, 0)].responses += ev.surveyResponses
        }
        for ev in events where ev.depth == 0 && !ev.voided {
            let r = rolled[ev.id] ?? (0, 0)
            if ev.kind != .other && r.attendance == 0 {
                out.append(LintFinding(.warning, .event(ev.id), .campaignWithoutAttendance(title: ev.title)))
            }
            if r.responses > r.attendance {
                out.append(
                    LintFinding(
                        .warning, .event(ev.id),
                        .surveyOverAttendance(
                            title: ev.title, responses: r.responses, attendance: r.attendance)))
            }
        }
        for run in e.budget.printRuns where run.plannedCopies != run.actualCopies {
            out.append(
                LintFinding(
                    .warning, .line(plan.printingLine?.id ?? "printing"),
                    .printRunsDiffer(
                        ink: run.ink, unitPrice: run.unitPrice, printed: run.actualCopies, planned: run.plannedCopies)))
        }
        for line in e.budget.lines where line.spent > line.planned {
            out.append(
                LintFinding(
                    .warning, .line(line.id), .lineOverPlan(name: line.name, spent: line.spent, planned: line.planned)))
        }
        for row in scorecard.rows where row.needsNote {
            let r = row.result
            out.append(
                LintFinding(
                    .warning, .indicator(r.indicator.id),
                    .deviationNoteMissing(
                        name: r.indicator.name, indicator: r.indicator.id, year: plan.year,
                        farAbove: r.farAbove ? (r.percentOfTarget ?? .zero) : nil)))
        }
        for ind in plan.indicators {
            guard case .measurement(let name) = ind.metric, let m = facts.measurements[name], m.date < plan.period.start
            else { continue }
            out.append(
                LintFinding(
                    .warning, .indicator(ind.id), .staleMeasurement(name: name, date: m.date, start: plan.period.start))
            )
        }
        return out
    }
}

/// Plan + facts + notes → the scorecard and the findings behind a self-evaluation, in one call.
public enum SelfEvaluation {
    public static func make(
        plan: Plan, facts: Facts, notes: [IndicatorNote], events: [EventSummary],
        storeFindings: [LintFinding], scope: EvaluationScope = .project
    ) -> (Scorecard, [LintFinding]) {
        let card = Scoring.score(Reconciler.evaluate(plan, facts, scope: scope), plan: plan, notes: notes)
        return (
            card,
            DataChecks.run(plan: plan, scorecard: card, events: events, facts: facts, storeFindings: storeFindings)
        )
    }
}
