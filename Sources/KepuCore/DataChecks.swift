/// The named data checks of `kepu check` and of the report (DESIGN §8, issue "self-evaluation").
public enum DataChecks {
    public static func run(plan: Plan, scorecard: Scorecard, events: [EventSummary], facts: Facts,
                           storeFindings: [LintFinding]) -> [LintFinding] {
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
                out.append(LintFinding(.warning, subject: "event \(ev.id)", "campaign \(ev.title) has no attendance recorded",
                                       check: "campaign-attendance", chinese: "\(ev.title)未登记参与人次"))
            }
            if r.responses > r.attendance {
                out.append(LintFinding(.warning, subject: "event \(ev.id)",
                    "\(ev.title) has \(r.responses) survey responses but only \(r.attendance)人次 of attendance", check: "survey-attendance",
                    chinese: "\(ev.title)回收问卷\(r.responses)份，多于参与人次\(r.attendance)"))
            }
        }
        for run in e.budget.printRuns where run.plannedCopies != run.actualCopies {
            out.append(LintFinding(.warning, subject: "line \(plan.printingLine?.id ?? "printing")",
                "\(run.ink.rawValue) runs at \(run.unitPrice.plain)元: \(run.actualCopies) copies printed, \(run.plannedCopies) planned",
                check: "print-runs", chinese: "\(run.ink.chinese)\(run.unitPrice.plain)元/份：实际印刷\(run.actualCopies)份，计划\(run.plannedCopies)份"))
        }
        for line in e.budget.lines where line.spent > line.planned {
            out.append(LintFinding(.warning, subject: "line \(line.id)",
                "spent \(line.spent.grouped)元 against \(line.planned.grouped)元 planned (over by \((line.spent - line.planned).grouped)元)",
                check: "line-over-plan",
                chinese: "\(line.name)已支出\(line.spent.grouped)元，超出计划\(line.planned.grouped)元\((line.spent - line.planned).grouped)元"))
        }
        for row in scorecard.rows where row.needsNote {
            let r = row.result
            let what = r.farAbove ? "reached \(r.percentOfTarget?.format(minPlaces: 0, maxPlaces: 2) ?? "")% of its target" : "missed its target"
            out.append(LintFinding(.warning, subject: "indicator \(r.indicator.id)",
                "\(r.indicator.name) \(what) and has no deviation note; add one: kepu note set --year \(plan.year) --indicator \(r.indicator.id) --reason …",
                check: "deviation-note",
                chinese: "\(r.indicator.name)\(r.farAbove ? "完成率达\(r.percentOfTarget?.format(minPlaces: 0, maxPlaces: 2) ?? "")%" : "未达到目标")，尚未填写偏差原因：kepu note set --year \(plan.year) --indicator \(r.indicator.id) --reason …"))
        }
        for ind in plan.indicators {
            guard case .measurement(let name) = ind.metric, let m = facts.measurements[name], m.date < plan.period.start else { continue }
            out.append(LintFinding(.warning, subject: "indicator \(ind.id)",
                "the latest \(name) measurement is from \(m.date), before the period starts (\(plan.period.start))", check: "stale-measurement",
                chinese: "最新的\(name)测量值日期为\(m.date)，早于本期开始（\(plan.period.start)）"))
        }
        return out
    }
}

/// Plan + facts + notes → the scorecard and the findings behind a self-evaluation, in one call.
public enum SelfEvaluation {
    public static func make(plan: Plan, facts: Facts, notes: [IndicatorNote], events: [EventSummary],
                            storeFindings: [LintFinding]) -> (Scorecard, [LintFinding]) {
        let card = Scoring.score(Reconciler.evaluate(plan, facts), plan: plan, notes: notes)
        return (card, DataChecks.run(plan: plan, scorecard: card, events: events, facts: facts, storeFindings: storeFindings))
    }
}
