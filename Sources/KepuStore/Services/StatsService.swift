import GRDB
import KepuCore

/// 科普统计: what the rows of the statistics form sum, for one unit's calendar year.
public struct StatsService: Sendable {
    let ledger: Ledger

    private struct ActivityRow: Decodable, FetchableRecord {
        var id: Int64
        var title: String
        var form: String
        var campaign: String
        var leaf: Bool
        var onsite: Int64
        var online: Int64
    }

    private struct VolunteerRow: Decodable, FetchableRecord {
        var id: Int64
        var name: String
        var hours: Int64
    }

    /// The year's events (top-level ones that started in it, with their sub-activities), costs and
    /// print runs dated in it, and the volunteers signed up for its events. The plan of the year gives
    /// the budget (the newest plan's year when none is given); the year is the calendar year, as the
    /// survey counts it.
    public func ledger(year: Int?, unit: String?) throws -> StatsLedger {
        try ledger.database.read { db in
            let stored = try ledger.plans.current(db, year: year, unit: unit)
            let unitID = stored.unitID
            let year = stored.plan.year
            let from = CalendarDate(year: year, month: 1, day: 1)!
            let to = CalendarDate(year: year, month: 12, day: 31)!
            let window = periodEvents(unitID: unitID, from: from, to: to)
            let activities = try ActivityRow.fetchAll(
                db,
                SQLRequest(
                    literal: window + """
                        SELECT e.id, e.title, e.form, t.kind AS campaign,
                               NOT EXISTS (SELECT 1 FROM event c WHERE c.parent_id = e.id AND c.voided_at IS NULL) AS leaf,
                               coalesce((SELECT sum(count) FROM attendance a WHERE a.event_id = e.id
                                         AND a.channel = 'onsite' AND a.voided_at IS NULL), 0) AS onsite,
                               coalesce((SELECT sum(count) FROM attendance a WHERE a.event_id = e.id
                                         AND a.channel = 'online' AND a.voided_at IS NULL), 0) AS online
                        FROM period_event p JOIN event e ON e.id = p.id JOIN event t ON t.id = p.top
                        ORDER BY e.start_date, e.id
                        """)
            ).map {
                StatsLedger.Activity(
                    id: $0.id, title: $0.title, form: EventForm(rawValue: $0.form) ?? .other,
                    campaign: EventKind(rawValue: $0.campaign) ?? .other, isLeaf: $0.leaf, onsite: $0.onsite,
                    online: $0.online)
            }
            let lines = Dictionary(stored.plan.lines.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
            let costs = try CostRecord.filter(
                CostRecord.Columns.unitId == unitID && CostRecord.Columns.date >= from && CostRecord.Columns.date <= to
            ).live().order(CostRecord.Columns.date, CostRecord.Columns.id).fetchAll(db).map {
                StatsLedger.Amount(
                    id: $0.id ?? 0,
                    label: [lines[$0.line] ?? $0.line, $0.item].compactMap { $0 }.joined(separator: " · "),
                    amount: Money(fen: $0.amountFen))
            }
            let prints = try PrintRunRecord.filter(
                PrintRunRecord.Columns.unitId == unitID && PrintRunRecord.Columns.date >= from
                    && PrintRunRecord.Columns.date <= to
            ).live().order(PrintRunRecord.Columns.date, PrintRunRecord.Columns.id).fetchAll(db).map {
                StatsLedger.Print(
                    id: $0.id ?? 0, title: $0.title, copies: $0.copies, cost: Money(fen: $0.copies * $0.unitPriceFen))
            }
            let volunteers = try VolunteerRow.fetchAll(
                db,
                SQLRequest(
                    literal: window + """
                        SELECT v.id, v.name, sum(s.hours_centi) AS hours
                        FROM signup s JOIN volunteer v ON v.id = s.volunteer_id
                        WHERE s.event_id IN (SELECT id FROM period_event) AND s.voided_at IS NULL
                        GROUP BY v.id ORDER BY v.id
                        """)
            ).map { StatsLedger.Volunteer(id: $0.id, name: $0.name, hoursCenti: $0.hours) }
            let adjusted = try BudgetAdjustmentRecord.all().filter(unit: unitID, year: year)
                .filter(BudgetAdjustmentRecord.Columns.line == nil).live()
                .order(BudgetAdjustmentRecord.Columns.date.desc, BudgetAdjustmentRecord.Columns.id.desc)
                .fetchOne(db).map { Money(fen: $0.amountFen) }
            return StatsLedger(
                year: year, unit: stored.plan.unit, budget: stored.plan.budget, adjustedBudget: adjusted,
                activities: activities, costs: costs, prints: prints, volunteers: volunteers)
        }
    }
}
