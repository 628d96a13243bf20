import GRDB
import KepuCore

/// Computes every metric's inputs for one unit's period up to an as-of date with SQL aggregates.
///
/// Only the rows of that period are read: top-level events by (unit, start date), what hangs on
/// them by event id, costs and print runs by (unit, date); voided records are excluded.
struct FactsQuery {
    let db: Database
    let plan: Plan
    let unitID: Int64
    /// One project's records, in a year with several; nil reads the unit's whole year.
    var scope: ProjectScope? = nil

    private struct EventCounts: Decodable, FetchableRecord {
        var events: Int64
        var major: Int64
    }

    private struct ChannelSum: Decodable, FetchableRecord {
        var channel: String
        var n: Int64
    }

    private struct LineSum: Decodable, FetchableRecord {
        var line: String
        var fen: Int64
        var last: CalendarDate
    }

    private struct PrintSum: Decodable, FetchableRecord {
        var line: String
        var ink: String
        var unitPriceFen: Int64
        var copies: Int64
        var fen: Int64
        var runs: Int64
        var last: CalendarDate
        enum CodingKeys: String, CodingKey {
            case line, ink, copies, fen, runs, last
            case unitPriceFen = "unit_price_fen"
        }
    }

    private struct SurveySum: Decodable, FetchableRecord {
        var r: Int64
        var s: Int64
    }

    private struct VolunteerSum: Decodable, FetchableRecord {
        var n: Int64
        var v: Int64
        var o: Int64
        var h: Int64
    }

    func facts(asOf: CalendarDate) throws -> Facts {
        var f = Facts(asOf: asOf)
        guard asOf >= plan.period.start else { return f }
        let from = plan.period.start
        let to = min(asOf, plan.period.end)
        let window = periodEvents(unitID: unitID, from: from, to: to, project: scope)
        let lines: SQL = scope?.lineFilter ?? ""
        let ev = try EventCounts.fetchOne(
            db,
            SQLRequest(
                literal: window + """
                    SELECT count(*) AS events, coalesce(sum(major), 0) AS major
                    FROM event WHERE id IN (SELECT id FROM period_event WHERE id = top)
                    """))
        f.events = ev?.events ?? 0
        f.majorEvents = ev?.major ?? 0
        var last = try CalendarDate.fetchOne(
            db,
            SQLRequest(
                literal: window + """
                    SELECT max(min(end_date, \(to))) FROM event WHERE id IN (SELECT id FROM period_event)
                    """))

        for row in try ChannelSum.fetchAll(
            db,
            SQLRequest(
                literal: window + """
                    SELECT channel, sum(count) AS n FROM attendance
                    WHERE event_id IN (SELECT id FROM period_event) AND date <= \(to) AND voided_at IS NULL GROUP BY channel
                    """))
        {
            if let c = Channel(rawValue: row.channel) { f.attendanceByChannel[c] = row.n }
        }
        f.uniqueParticipants =
            try Int64.fetchOne(
                db,
                SQLRequest(
                    literal: window + """
                        SELECT count(DISTINCT coalesce(nullif(s.phone, ''), 'name:' || s.name)) FROM signin s
                        JOIN attendance a ON a.id = s.attendance_id
                        WHERE a.event_id IN (SELECT id FROM period_event) AND a.date <= \(to) AND a.voided_at IS NULL
                          AND NOT EXISTS (
                            SELECT 1 FROM door_visit v WHERE v.attendance_id = s.attendance_id AND v.line = s.line
                            AND v.voided_at IS NOT NULL)
                          AND NOT EXISTS (SELECT 1 FROM import_file f WHERE f.id = a.import_id AND f.rows = 0)
                        """)) ?? 0

        for row in try LineSum.fetchAll(
            db,
            SQLRequest(
                literal: """
                    SELECT line, sum(amount_fen) AS fen, max(date) AS last FROM cost
                    WHERE unit_id = \(unitID) AND date BETWEEN \(from) AND \(to) AND voided_at IS NULL \(lines) GROUP BY line
                    """))
        {
            f.costsByLine[row.line] = Money(fen: row.fen)
            last = max(last ?? row.last, row.last)
        }
        for row in try PrintSum.fetchAll(
            db,
            SQLRequest(
                literal: """
                    SELECT line, ink, unit_price_fen, sum(copies) AS copies, sum(copies * unit_price_fen) AS fen, count(*) AS runs,
                           max(date) AS last
                    FROM print_run WHERE unit_id = \(unitID) AND date BETWEEN \(from) AND \(to) AND voided_at IS NULL \(lines)
                    GROUP BY line, ink, unit_price_fen ORDER BY ink, unit_price_fen DESC
                    """))
        {
            let cost = Money(fen: row.fen)
            f.printByLine[row.line, default: .zero] += cost
            if let ink = Ink(rawValue: row.ink) {
                if let i = f.printRuns.firstIndex(where: { $0.ink == ink && $0.unitPrice.fen == row.unitPriceFen }) {
                    f.printRuns[i].copies += row.copies
                    f.printRuns[i].cost += cost
                    f.printRuns[i].runs += row.runs
                } else {
                    f.printRuns.append(
                        .init(
                            ink: ink, unitPrice: Money(fen: row.unitPriceFen), copies: row.copies,
                            cost: cost, runs: row.runs))
                }
            }
            last = max(last ?? row.last, row.last)
        }
        f.lastActivity = last

        let survey = try SurveySum.fetchOne(
            db,
            SQLRequest(
                literal: window + """
                    SELECT coalesce(sum(responses), 0) AS r, coalesce(sum(satisfied), 0) AS s FROM survey
                    WHERE event_id IN (SELECT id FROM period_event) AND date <= \(to) AND voided_at IS NULL
                    """))
        f.surveyResponses = survey?.r ?? 0
        f.surveySatisfied = survey?.s ?? 0

        let vol = try VolunteerSum.fetchOne(
            db,
            SQLRequest(
                literal: window + """
                    SELECT count(*) AS n, count(DISTINCT s.volunteer_id) AS v, count(DISTINCT v.org_id) AS o,
                           coalesce(sum(s.hours_centi), 0) AS h
                    FROM signup s JOIN volunteer v ON v.id = s.volunteer_id
                    WHERE s.event_id IN (SELECT id FROM period_event) AND s.date <= \(to) AND s.voided_at IS NULL
                    """))
        f.volunteers = vol?.v ?? 0
        f.volunteerOrgs = vol?.o ?? 0
        f.volunteerHoursCenti = vol?.h ?? 0
        f.previousYear = try previousYear()

        let latest = try MeasurementRecord.fetchAll(
            db,
            SQLRequest<MeasurementRecord>(
                literal: """
                    SELECT * FROM measurement m
                    WHERE unit_id = \(unitID) AND date <= \(asOf) AND voided_at IS NULL
                      AND id = (SELECT id FROM measurement m2 WHERE m2.unit_id = m.unit_id AND m2.metric = m.metric
                                AND m2.date <= \(asOf) AND m2.voided_at IS NULL ORDER BY date DESC, id DESC LIMIT 1)
                    """))
        for m in latest {
            f.measurements[m.metric] = .init(value: Fixed(raw: m.valueE4), date: m.date, source: m.source)
        }
        f.notes = try NoteRecord.all().filter(unit: unitID, year: plan.year)
            .orderByIndicator().fetchAll(db).map(\.indicatorNote)
        f.basicSpent = try BasicSpendingRecord.all().filter(unit: unitID, year: plan.year)
            .fetchOne(db).map { Money(fen: $0.spentFen) }
        // 全年预算数: the latest adjustment dated on or before the as-of date, for the budget and each line.
        let adjustments = try BudgetAdjustmentRecord.all().filter(unit: unitID, year: plan.year)
            .filter(BudgetAdjustmentRecord.Columns.date <= asOf).live()
            .order(BudgetAdjustmentRecord.Columns.date, BudgetAdjustmentRecord.Columns.id).fetchAll(db)
        var byProject: [String: Money] = [:]
        for a in adjustments {
            if let scope, !(a.line.map(scope.owns) ?? scope.ownsAdjustment(project: a.project)) { continue }
            if let line = a.line {
                f.adjustedLines[line] = Money(fen: a.amountFen)
            } else {
                f.adjustedBudget = Money(fen: a.amountFen)
                byProject[a.project ?? plan.defaultProject?.id ?? ""] = Money(fen: a.amountFen)
            }
        }
        // The whole year of several projects: each project's latest budget, adjusted or not, added up.
        if scope == nil, plan.hasSeveralProjects, !byProject.isEmpty {
            f.adjustedBudget = plan.projects.reduce(Money.zero) { $0 + (byProject[$1.id] ?? $1.amount) }
        }
        return f
    }

    /// The window a year before the plan's: that year's plan period if there is one, else the same
    /// span one calendar year earlier (the calendar year before, for a calendar-year plan).
    func previousWindow() throws -> (year: Int, period: DateRange) {
        let year = plan.year - 1
        if let p = try PlanRecord.all().filter(unit: unitID, year: year).current().fetchOne(db) {
            return (year, DateRange(start: p.periodStart, end: p.periodEnd))
        }
        let s = plan.period.start
        let start =
            CalendarDate(
                year: s.year - 1, month: s.month, day: min(s.day, CalendarDate.daysIn(month: s.month, year: s.year - 1))
            )
            ?? s.adding(days: -365)
        return (year, DateRange(start: start, end: s.adding(days: -1)))
    }

    /// The previous year's volunteers and organizations: from the database when it has sign-ups that
    /// year, else from a baseline.
    func previousYear() throws -> Facts.PreviousYear? {
        let (year, period) = try previousWindow()
        let events = periodEvents(unitID: unitID, from: period.start, to: period.end)
        let row = try VolunteerSum.fetchOne(
            db,
            SQLRequest(
                literal: events + """
                    SELECT count(*) AS n, count(DISTINCT s.volunteer_id) AS v, count(DISTINCT vo.org_id) AS o, 0 AS h
                    FROM signup s JOIN volunteer vo ON vo.id = s.volunteer_id
                    WHERE s.event_id IN (SELECT id FROM period_event) AND s.voided_at IS NULL
                    """))
        if let row, row.n > 0 {
            return .init(year: year, volunteers: row.v, orgs: row.o, source: .database)
        }
        guard let b = try BaselineRecord.all().filter(unit: unitID, year: year).fetchOne(db),
            let v = b.volunteers, let o = b.orgs
        else { return nil }
        return .init(year: year, volunteers: v, orgs: o, source: .baseline)
    }
}
