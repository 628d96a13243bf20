import GRDB
import KepuCore

/// Everything a self-evaluation is computed from, read in one snapshot.
public struct ReportInputs: Sendable {
    public var stored: StoredPlan
    public var facts: Facts
    public var notes: [IndicatorNote]
    public var events: [EventSummary]
    /// Findings that need SQL to find (dates outside the period, missing evidence).
    public var storeFindings: [LintFinding]
    /// The evidence on file, for the report's evidence list.
    public var evidence: [EvidenceItem]
}

/// The inputs of reconciliation and the self-evaluation: facts, notes and the store's data checks.
public struct EvaluationService: Sendable {
    let ledger: Ledger

    /// The plan for a year and its facts at `asOf` (default: today, within the period), read in one snapshot.
    ///
    /// `project` narrows both to one 支出方向 (by id or name). Without it a one-project year is that
    /// project, and a year with several is the department: every project's records.
    public func inputs(
        year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate? = nil, project: String? = nil
    ) throws -> (StoredPlan, Facts) {
        try ledger.database.read { db in
            try inputs(db, year: year, unit: unit, asOf: asOf, today: today, project: project)
        }
    }

    func inputs(
        _ db: Database, year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate?, project: String?
    ) throws -> (StoredPlan, Facts) {
        var stored = try ledger.plans.current(db, year: year, unit: unit)
        let whole = stored.plan
        var scope: ProjectScope?
        if let project {
            let p = try ledger.plans.project(project, of: whole, field: .project)
            stored.plan = whole.narrowed(to: p)
            scope = ProjectScope(plan: whole, project: p)
        } else {
            stored.plan = whole.evaluatedByDefault
        }
        let day = asOf ?? min(max(today ?? ledger.today, whole.period.start), whole.period.end)
        let facts = try FactsQuery(db: db, plan: whole, unitID: stored.unitID, scope: scope).facts(asOf: day)
        return (stored, facts)
    }

    public func reportInputs(
        year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate? = nil, project: String? = nil
    ) throws -> ReportInputs {
        try ledger.database.read { db in
            let (stored, facts) = try inputs(
                db, year: year, unit: unit, asOf: asOf, today: today, project: project)
            let whole = try ledger.plans.current(db, year: year, unit: unit).plan
            let own = stored.plan.focus.flatMap { whole.findProject($0.id) }.flatMap {
                ProjectScope(plan: whole, project: $0)
            }
            let events = try ledger.events.list(
                db, in: stored.plan.period, unit: stored.plan.unit, includeVoided: false, project: own)
            let ids = Set(events.map(\.id))
            let evidence = try EvidenceRecord.all().live().order(EvidenceRecord.Columns.id).fetchAll(db)
                .map(\.listed).filter { $0.event.map(ids.contains) ?? false }
            return ReportInputs(
                stored: stored, facts: facts, notes: try notes(db, unitID: stored.unitID, year: stored.plan.year),
                events: events,
                storeFindings: try outsidePeriod(db, stored, own) + missingEvidence(db, stored, own),
                evidence: evidence)
        }
    }

    // MARK: Notes

    /// Sets the deviation reason, improvement measures and/or manual score of one indicator of a year.
    /// A manual score must lie within 0…the indicator's weight; everything wrong is refused at once.
    public func setNote(_ n: NoteInput) throws -> Int64 {
        try ledger.database.write { db in
            let stored = try ledger.plans.current(db, year: n.year, unit: n.unit)
            guard let (scoredIn, indicator) = stored.plan.scoring(indicator: n.indicator) else {
                throw KepuError(
                    .notAnIndicator(
                        field: .indicator, value: n.indicator, year: n.year,
                        ids: stored.plan.allIndicators.map(\.id)))
            }
            let weight = Scoring.weights(scoredIn)[indicator.id] ?? .zero
            if let e = KepuError.all(n.problems(weight: weight, indicator: indicator.id)) { throw e }
            let now = ledger.context.timestamp
            if var note = try NoteRecord.all().filter(unit: stored.unitID, year: n.year)
                .filter(NoteRecord.Columns.indicator == indicator.id).fetchOne(db), let id = note.id
            {
                note.reason = n.reason ?? note.reason
                note.measures = n.measures ?? note.measures
                note.actualText = n.actualText ?? note.actualText
                if let score = n.score {
                    note.scoreE4 = score.raw
                    note.scoreWhy = n.why
                }
                note.updatedAt = now
                try ledger.update(db, note)
                return id
            }
            var note = NoteRecord(
                unitId: stored.unitID, year: n.year, indicator: indicator.id, reason: n.reason,
                measures: n.measures, scoreE4: n.score?.raw, scoreWhy: n.why, updatedAt: now, actualText: n.actualText)
            return try ledger.insert(db, &note)
        }
    }

    func notes(_ db: Database, unitID: Int64, year: Int) throws -> [IndicatorNote] {
        try NoteRecord.all().filter(unit: unitID, year: year).orderByIndicator()
            .fetchAll(db)
            .map {
                IndicatorNote(
                    indicator: $0.indicator, reason: $0.reason, measures: $0.measures,
                    manualScore: $0.scoreE4.map { Fixed(raw: $0) }, scoreWhy: $0.scoreWhy)
            }
    }

    // MARK: Data checks that need SQL

    private struct EventSpan: Decodable, FetchableRecord {
        static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
        var id: Int64
        var title: String
        var startDate: String
        var endDate: String
    }

    /// Sub-activities and costs of the period's events that are dated outside the period.
    func outsidePeriod(_ db: Database, _ stored: StoredPlan, _ scope: ProjectScope?) throws -> [LintFinding] {
        let p = stored.plan.period
        var out: [LintFinding] = []
        let events = periodEvents(unitID: stored.unitID, from: p.start, to: p.end, project: scope)
        for r in try EventSpan.fetchAll(
            db,
            SQLRequest(
                literal: events + """
                    SELECT id, title, start_date, end_date FROM event
                    WHERE id IN (SELECT id FROM period_event) AND (start_date < \(p.start) OR end_date > \(p.end))
                    """))
        {
            out.append(
                LintFinding(
                    .warning, .event(r.id),
                    .eventOutsidePeriod(
                        title: r.title, start: r.startDate, end: r.endDate, period: p)))
        }
        for c in try CostRecord.fetchAll(
            db,
            SQLRequest<CostRecord>(
                literal: events + """
                    SELECT * FROM cost
                    WHERE event_id IN (SELECT id FROM period_event) AND voided_at IS NULL AND (date < \(p.start) OR date > \(p.end))
                    """))
        {
            out.append(
                LintFinding(
                    .warning, .cost(c.id ?? 0),
                    .costOutsidePeriod(
                        event: c.eventId ?? 0, amount: Money(fen: c.amountFen), date: c.date.description, period: p)))
        }
        return out
    }

    private struct Titled: Decodable, FetchableRecord {
        var id: Int64
        var title: String
    }

    /// Campaigns and costs of the period without any evidence.
    func missingEvidence(_ db: Database, _ stored: StoredPlan, _ scope: ProjectScope?) throws -> [LintFinding] {
        let p = stored.plan.period
        var out: [LintFinding] = []
        let lines: SQL =
            scope.map { $0.isDefault ? "AND c.line NOT IN \($0.otherLines)" : "AND c.line IN \($0.lines)" } ?? ""
        let campaigns = periodEvents(
            unitID: stored.unitID, from: p.start, to: p.end, campaignsOnly: true, project: scope)
        for r in try Titled.fetchAll(
            db,
            SQLRequest(
                literal: campaigns + """
                    SELECT e.id, e.title FROM event e WHERE e.id IN (SELECT top FROM period_event)
                      AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.voided_at IS NULL
                                      AND v.event_id IN (SELECT id FROM period_event t WHERE t.top = e.id))
                    ORDER BY e.start_date
                    """))
        {
            out.append(LintFinding(.warning, .event(r.id), .campaignWithoutEvidence(title: r.title, event: r.id)))
        }
        for c in try CostRecord.fetchAll(
            db,
            SQLRequest<CostRecord>(
                literal: """
                    SELECT c.* FROM cost c
                    WHERE c.unit_id = \(stored.unitID) AND c.date BETWEEN \(p.start) AND \(p.end) AND c.voided_at IS NULL
                      \(lines) AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.cost_id = c.id AND v.voided_at IS NULL)
                      AND NOT EXISTS (SELECT 1 FROM cost c2 WHERE c.invoice IS NOT NULL AND c2.unit_id = c.unit_id
                                      AND c2.invoice = c.invoice
                                      AND EXISTS (SELECT 1 FROM evidence v WHERE v.cost_id = c2.id AND v.voided_at IS NULL))
                    ORDER BY c.date, c.id
                    """))
        {
            out.append(
                LintFinding(
                    .warning, .cost(c.id ?? 0),
                    .costWithoutEvidence(
                        cost: c.id ?? 0, amount: Money(fen: c.amountFen), invoice: c.invoice)))
        }
        return out
    }

    // MARK: Budget adjustments

    /// Records a mid-year adjustment (追加/调减): the project budget's 全年预算数, and a line's new amount.
    public func adjust(_ a: BudgetAdjustment) throws -> Int64 {
        let why = try Parse.text(a.reason, field: .reason)
        return try ledger.database.write { db in
            let stored = try ledger.plans.current(db, year: a.year, unit: a.unit)
            let p = stored.plan.period
            let day = a.date ?? min(max(ledger.today, p.start), p.end)
            if let line = a.line {
                guard let l = stored.plan.line(named: line) else {
                    throw KepuError(
                        .notALine(
                            field: .line, value: line, year: stored.plan.year, unit: stored.plan.unit,
                            lines: stored.plan.lines.map { LineRef(id: $0.id, name: $0.name) }))
                }
                var lineRecord = BudgetAdjustmentRecord(
                    unitId: stored.unitID, year: stored.plan.year, line: l.id, amountFen: a.lineAmount?.fen ?? 0,
                    date: day,
                    reason: why, createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
                try ledger.insert(db, &lineRecord)
            }
            var project: String?
            if stored.plan.hasSeveralProjects {
                if let name = a.project {
                    project = try ledger.plans.project(name, of: stored.plan, field: .project).id
                } else if let line = a.line, let owner = stored.plan.project(ofLine: line) {
                    project = owner.id
                } else if let line = a.line, let l = stored.plan.line(named: line) {
                    project = stored.plan.project(ofLine: l.id)?.id
                } else {
                    throw KepuError(
                        .projectRequired(
                            field: .project, year: stored.plan.year, projects: stored.plan.projects.map(\.ref)))
                }
            }
            var record = BudgetAdjustmentRecord(
                unitId: stored.unitID, year: stored.plan.year, line: nil, amountFen: a.budget.fen, date: day,
                reason: why,
                createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil, project: project)
            return try ledger.insert(db, &record)
        }
    }

    // MARK: Basic spending

    /// Records the year's 基本支出 as one total; replacing an earlier figure needs a reason (kept in the audit).
    public func setBasic(_ b: BasicSpending) throws -> Int64 {
        try ledger.database.write { db in
            let stored = try ledger.plans.current(db, year: b.year, unit: b.unit)
            if var existing = try BasicSpendingRecord.all().filter(unit: stored.unitID, year: stored.plan.year)
                .fetchOne(db), let id = existing.id
            {
                guard b.reason != nil else {
                    throw KepuError(.basicSpendingExists(year: stored.plan.year, spent: Money(fen: existing.spentFen)))
                }
                existing.spentFen = b.spent.fen
                existing.source = b.source ?? existing.source
                existing.updatedAt = ledger.context.timestamp
                try ledger.update(db, existing)
                return id
            }
            var record = BasicSpendingRecord(
                unitId: stored.unitID, year: stored.plan.year, spentFen: b.spent.fen, source: b.source,
                updatedAt: ledger.context.timestamp)
            return try ledger.insert(db, &record)
        }
    }
}
