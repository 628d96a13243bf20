import KepuCore

/// The JSON of `kepu reconcile --format json` (docs/metrics-and-scoring.md, a contract): keys stable and sorted,
/// numbers exact decimals of at most four places, money in integer `*Fen` fields.
public enum EvaluationJSON {
    public static func object(_ e: Evaluation) -> [String: JSONValue] {
        let b = e.budget
        let budget: [String: JSONValue] = [
            "plannedFen": .int(b.planned.fen), "adjustedFen": .int(b.adjusted.fen), "spentFen": .int(b.spent.fen),
            "executionRate": .fixed(b.executionRate),
            "expectedByNowFen": .int(b.expectedByNow.fen),
            "lines": .array(
                b.lines.map { l in
                    .object([
                        "id": .string(l.id), "name": .string(l.name), "plannedFen": .int(l.planned.fen),
                        "spentFen": .int(l.spent.fen), "costsFen": .int(l.costs.fen), "printFen": .int(l.print.fen),
                        "inPlan": .bool(l.inPlan), "executionRate": .fixed(l.executionRate),
                    ])
                }),
            "printRuns": .array(
                b.printRuns.map { r in
                    .object([
                        "ink": .string(r.ink.rawValue), "unitPriceFen": .int(r.unitPrice.fen),
                        "plannedCopies": .int(r.plannedCopies),
                        "actualCopies": .int(r.actualCopies), "plannedFen": .int(r.plannedCost.fen),
                        "actualFen": .int(r.actualCost.fen),
                    ])
                }),
        ]
        var o: [String: JSONValue] = [
            "unit": .string(e.unit), "year": .int(e.year), "asOf": .string(e.asOf.description), "final": .bool(e.final),
            "period": .object(["start": .string(e.period.start.description), "end": .string(e.period.end.description)]),
            "elapsedShare": .fixed(e.elapsedShare),
            "budget": .object(budget),
            "indicators": .array(e.indicators.map { .object(indicator($0)) }),
        ]
        if let p = e.project { o["project"] = .object(["id": .string(p.id), "name": .string(p.name)]) }
        return o
    }

    public static func indicator(_ r: IndicatorResult) -> [String: JSONValue] {
        let i = r.indicator
        var target: [String: JSONValue] = [
            "text": .string(i.target.text), "value": .fixed(i.target.value),
            "unit": .string(i.target.unit),
        ]
        switch i.target.kind {
        case .numeric: target["op"] = .string(i.comparison.rawValue)
        case .growth: target["op"] = .string("increase")
        case .none, .qualitative: target["op"] = .null
        case .date(let d):
            target["op"] = .string(Comparison.atMost.rawValue)
            target["date"] = .string(d.description)
        }
        var o: [String: JSONValue] = [
            "id": .string(i.id), "level1": .string(i.level1), "level2": .string(i.level2), "name": .string(i.name),
            "metric": .string(i.metric.description), "target": .object(target), "actual": .fixed(r.actual),
            "variance": .fixed(r.variance), "percentOfTarget": .fixed(r.percentOfTarget.map { $0.rounded(places: 4) }),
            "status": .string(r.status.rawValue), "farAbove": .bool(r.farAbove),
        ]
        if let d = i.due { o["due"] = .string(d.description) }
        // A date target's actual is the last day of activity; a manual one's is the office's words.
        if let d = r.actualDate { o["actual"] = .string(d.description) }
        if let t = r.actualText { o["actual"] = .string(t) }
        if let x = r.expected { o["expected"] = .fixed(x) }
        if let l = r.likelihood { o["likelihood"] = .string(l.rawValue) }
        if let g = r.growth {
            var growth: [String: JSONValue] = ["volunteers": .int(g.volunteers), "orgs": .int(g.orgs)]
            if let p = g.previous {
                growth["previousYear"] = .int(p.year)
                growth["previousVolunteers"] = .int(p.volunteers)
                growth["previousOrgs"] = .int(p.orgs)
                growth["previousSource"] = .string(p.source.rawValue)
            }
            o["growth"] = .object(growth)
        }
        return o
    }
}
