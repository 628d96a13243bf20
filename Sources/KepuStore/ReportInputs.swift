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

extension Ledger {
    public func reportInputs(year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate) throws -> ReportInputs {
        let (stored, facts) = try evaluationInputs(year: year, unit: unit, asOf: asOf, today: today)
        let events = try self.events(in: stored.plan.period, unit: stored.plan.unit)
        let ids = Set(events.map(\.id))
        let evidence = try self.evidence().filter { $0.event.map(ids.contains) ?? false }
        return try database.read { db in
            ReportInputs(stored: stored, facts: facts, notes: try notes(db, unitID: stored.unitID, year: stored.plan.year),
                         events: events, storeFindings: try outsidePeriod(db, stored) + missingEvidence(db, stored),
                         evidence: evidence)
        }
    }

    /// Sub-activities and costs of the period's events that are dated outside the period.
    func outsidePeriod(_ db: Database, _ stored: StoredPlan) throws -> [LintFinding] {
        let p = stored.plan.period
        var out: [LintFinding] = []
        let events = Ledger.periodEvents(unitID: stored.unitID, from: p.start.description, to: p.end.description)
        let bounds: StatementArguments = [p.start.description, p.end.description]
        for r in try Row.fetchAll(db, SQLRequest(literal: events + SQL(sql: """
            SELECT id, title, start_date, end_date FROM event
            WHERE id IN (SELECT id FROM period_event) AND (start_date < ? OR end_date > ?)
            """, arguments: bounds))) {
            out.append(LintFinding(.warning, subject: "event \(r["id"] as Int64)",
                "\(r["title"] as String) runs \(r["start_date"] as String)–\(r["end_date"] as String), outside the period \(p)",
                check: "outside-period", chinese: "\(r["title"] as String)（\(r["start_date"] as String)–\(r["end_date"] as String)）超出本期\(p)"))
        }
        for r in try Row.fetchAll(db, SQLRequest(literal: events + SQL(sql: """
            SELECT id, event_id, date, amount_fen FROM cost
            WHERE event_id IN (SELECT id FROM period_event) AND voided_at IS NULL AND (date < ? OR date > ?)
            """, arguments: bounds))) {
            out.append(LintFinding(.warning, subject: "cost \(r["id"] as Int64)",
                "\(Money(fen: r["amount_fen"]).grouped)元 for event \(r["event_id"] as Int64) is dated \(r["date"] as String), outside the period \(p), so it counts in another year",
                check: "outside-period",
                chinese: "活动\(r["event_id"] as Int64)的费用\(Money(fen: r["amount_fen"]).grouped)元记账日期为\(r["date"] as String)，不在本期\(p)内，计入其他年度"))
        }
        return out
    }
}
