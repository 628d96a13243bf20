import GRDB
import KepuCore

extension Ledger {
    /// `WITH RECURSIVE period_event(id, top) AS (…)`: a unit's top-level events that started between
    /// `from` and `to` (only the campaigns, if asked) and their sub-activities at any depth, each with
    /// its top-level event. Voided events are left out unless `includeVoided` (the archive keeps them).
    static func periodEvents(unitID: Int64, from: String, to: String, includeVoided: Bool = false,
                             campaignsOnly: Bool = false) -> SQL {
        let live: SQL = includeVoided ? "" : "AND voided_at IS NULL"
        let liveSub: SQL = includeVoided ? "" : "WHERE e.voided_at IS NULL"
        let kind: SQL = campaignsOnly ? "AND kind <> 'other'" : ""
        return """
            WITH RECURSIVE period_event(id, top) AS (
              SELECT id, id FROM event
              WHERE unit_id = \(unitID) AND parent_id IS NULL AND start_date BETWEEN \(from) AND \(to) \(live) \(kind)
              UNION ALL
              SELECT e.id, period_event.top FROM event e JOIN period_event ON e.parent_id = period_event.id \(liveSub))

            """
    }

    /// The plan for a year and its facts at `asOf`, read in one snapshot.
    public func evaluationInputs(year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate)
        throws -> (StoredPlan, Facts)
    {
        try database.read { db in
            let stored = try currentPlan(db, year: year, unit: unit)
            let day = asOf ?? min(max(today, stored.plan.period.start), stored.plan.period.end)
            return (stored, try facts(db, plan: stored.plan, unitID: stored.unitID, asOf: day))
        }
    }

    /// Computes every metric's inputs for one unit's period up to `asOf` with SQL aggregates.
    ///
    /// Only the rows of that period are read: top-level events by (unit, start date), what hangs on
    /// them by event id, costs and print runs by (unit, date); voided records are excluded.
    func facts(_ db: Database, plan: Plan, unitID: Int64, asOf: CalendarDate) throws -> Facts {
        var f = Facts(asOf: asOf)
        let from = plan.period.start.description
        let to = min(asOf, plan.period.end).description
        guard asOf >= plan.period.start else { return f }
        let window = Ledger.periodEvents(unitID: unitID, from: from, to: to)
        let ev = try Row.fetchOne(db, SQLRequest(literal: window + SQL(sql: """
            SELECT count(*) AS events, coalesce(sum(major), 0) AS major
            FROM event WHERE id IN (SELECT id FROM period_event WHERE id = top)
            """)))!
        f.events = ev["events"]
        f.majorEvents = ev["major"]
        var last: String? = try String.fetchOne(db, SQLRequest(literal: window + SQL(sql: """
            SELECT max(min(end_date, ?)) FROM event WHERE id IN (SELECT id FROM period_event)
            """, arguments: [to])))

        for row in try Row.fetchAll(db, SQLRequest(literal: window + SQL(sql: """
            SELECT channel, sum(count) AS n FROM attendance
            WHERE event_id IN (SELECT id FROM period_event) AND date <= ? AND voided_at IS NULL GROUP BY channel
            """, arguments: [to]))) {
            if let c = Channel(rawValue: row["channel"]) { f.attendanceByChannel[c] = row["n"] }
        }
        f.uniqueParticipants = try Int64.fetchOne(db, SQLRequest(literal: window + SQL(sql: """
            SELECT count(DISTINCT coalesce(nullif(s.phone, ''), 'name:' || s.name)) FROM signin s
            JOIN attendance a ON a.id = s.attendance_id
            WHERE a.event_id IN (SELECT id FROM period_event) AND a.date <= ? AND a.voided_at IS NULL
            """, arguments: [to]))) ?? 0

        for row in try Row.fetchAll(db, sql: """
            SELECT line, sum(amount_fen) AS fen, max(date) AS last FROM cost
            WHERE unit_id = ? AND date BETWEEN ? AND ? AND voided_at IS NULL GROUP BY line
            """, arguments: [unitID, from, to]) {
            f.costsByLine[row["line"]] = Money(fen: row["fen"])
            last = maxDate(last, row["last"])
        }
        for row in try Row.fetchAll(db, sql: """
            SELECT line, ink, unit_price_fen, sum(copies) AS copies, sum(copies * unit_price_fen) AS fen, count(*) AS runs,
                   max(date) AS last
            FROM print_run WHERE unit_id = ? AND date BETWEEN ? AND ? AND voided_at IS NULL
            GROUP BY line, ink, unit_price_fen ORDER BY ink, unit_price_fen DESC
            """, arguments: [unitID, from, to]) {
            let line: String = row["line"]
            let cost = Money(fen: row["fen"])
            f.printByLine[line, default: .zero] += cost
            if let ink = Ink(rawValue: row["ink"]) {
                if let i = f.printRuns.firstIndex(where: { $0.ink == ink && $0.unitPrice.fen == row["unit_price_fen"] }) {
                    f.printRuns[i].copies += row["copies"]
                    f.printRuns[i].cost += cost
                    f.printRuns[i].runs += row["runs"]
                } else {
                    f.printRuns.append(.init(ink: ink, unitPrice: Money(fen: row["unit_price_fen"]), copies: row["copies"],
                                             cost: cost, runs: row["runs"]))
                }
            }
            last = maxDate(last, row["last"])
        }
        f.lastActivity = try last.map { try CalendarDate.parse($0) }

        let survey = try Row.fetchOne(db, SQLRequest(literal: window + SQL(sql: """
            SELECT coalesce(sum(responses), 0) AS r, coalesce(sum(satisfied), 0) AS s FROM survey
            WHERE event_id IN (SELECT id FROM period_event) AND date <= ? AND voided_at IS NULL
            """, arguments: [to])))!
        f.surveyResponses = survey["r"]
        f.surveySatisfied = survey["s"]

        let vol = try Row.fetchOne(db, SQLRequest(literal: window + SQL(sql: """
            SELECT count(DISTINCT s.volunteer_id) AS v, count(DISTINCT v.org_id) AS o, coalesce(sum(s.hours_centi), 0) AS h
            FROM signup s JOIN volunteer v ON v.id = s.volunteer_id
            WHERE s.event_id IN (SELECT id FROM period_event) AND s.date <= ? AND s.voided_at IS NULL
            """, arguments: [to])))!
        f.volunteers = vol["v"]
        f.volunteerOrgs = vol["o"]
        f.volunteerHoursCenti = vol["h"]
        f.previousYear = try previousYear(db, plan: plan, unitID: unitID)

        for row in try Row.fetchAll(db, sql: """
            SELECT metric, value_e4, date, source FROM measurement m
            WHERE unit_id = ? AND date <= ? AND voided_at IS NULL
              AND id = (SELECT id FROM measurement m2 WHERE m2.unit_id = m.unit_id AND m2.metric = m.metric
                        AND m2.date <= ? AND m2.voided_at IS NULL ORDER BY date DESC, id DESC LIMIT 1)
            """, arguments: [unitID, asOf.description, asOf.description]) {
            f.measurements[row["metric"]] = .init(value: Fixed(raw: row["value_e4"]), date: try CalendarDate.parse(row["date"]),
                                                  source: row["source"])
        }
        return f
    }

    func maxDate(_ a: String?, _ b: String?) -> String? {
        switch (a, b) {
        case (nil, let x), (let x, nil): return x
        case (let x?, let y?): return max(x, y)
        }
    }

    /// The previous year's volunteers and organizations: from the database when it has sign-ups that
    /// year, else from a baseline.
    func previousYear(_ db: Database, plan: Plan, unitID: Int64) throws -> Facts.PreviousYear? {
        let year = plan.year - 1
        let period: DateRange
        if let row = try Row.fetchOne(db, sql: """
            SELECT period_start, period_end FROM plan WHERE unit_id = ? AND year = ? AND replaced_at IS NULL
            """, arguments: [unitID, year]) {
            period = DateRange(start: try CalendarDate.parse(row["period_start"]), end: try CalendarDate.parse(row["period_end"]))
        } else {
            period = DateRange(start: plan.period.start.adding(days: -365), end: plan.period.start.adding(days: -1))
        }
        let events = Ledger.periodEvents(unitID: unitID, from: period.start.description, to: period.end.description)
        let row = try Row.fetchOne(db, SQLRequest(literal: events + """
            SELECT count(*) AS n, count(DISTINCT s.volunteer_id) AS v, count(DISTINCT vo.org_id) AS o
            FROM signup s JOIN volunteer vo ON vo.id = s.volunteer_id
            WHERE s.event_id IN (SELECT id FROM period_event) AND s.voided_at IS NULL
            """))!
        if (row["n"] as Int64) > 0 {
            return .init(year: year, volunteers: row["v"], orgs: row["o"], source: .database)
        }
        guard let b = try Row.fetchOne(db, sql: "SELECT volunteers, orgs FROM baseline WHERE unit_id = ? AND year = ?",
                                       arguments: [unitID, year]),
              let v: Int64 = b["volunteers"], let o: Int64 = b["orgs"]
        else { return nil }
        return .init(year: year, volunteers: v, orgs: o, source: .baseline)
    }
}
