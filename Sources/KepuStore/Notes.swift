import GRDB
import KepuCore

extension Ledger {
    /// Sets the deviation reason, improvement measures and/or manual score of one indicator of a year.
    /// A manual score must lie within 0…the indicator's weight (its band follows from the share).
    public func setNote(_ n: NoteInput) throws -> Int64 {
        try n.validate()
        return try database.write { db in
            let stored = try currentPlan(db, year: n.year, unit: n.unit)
            guard let indicator = stored.plan.indicator(n.indicator) else {
                throw KepuError("--indicator \(quoted(n.indicator)) is not an indicator of the \(n.year) plan: use \(stored.plan.indicators.map(\.id).joined(separator: ", "))")
            }
            if let score = n.score {
                let weight = Scoring.weights(stored.plan)[indicator.id] ?? .zero
                if weight == .zero {
                    throw KepuError("--indicator \(indicator.id) is not scored (its target is 无), so it takes no manual score")
                }
                if score > weight {
                    throw KepuError("--score \(score) is more than the weight of \(indicator.id), \(weight); give 0 to \(weight) (达成 ≥ \(weight.scaled(by: 8, 10)!), 部分达成 ≥ \(weight.scaled(by: 6, 10)!))")
                }
            }
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM note WHERE unit_id = ? AND year = ? AND indicator = ?",
                                           arguments: [stored.unitID, n.year, indicator.id]) {
                let before = try Audit.snapshot(db, table: "note", id: id)
                try db.execute(sql: """
                    UPDATE note SET reason = coalesce(?, reason), measures = coalesce(?, measures),
                      score_e4 = CASE WHEN ? IS NULL THEN score_e4 ELSE ? END,
                      score_why = CASE WHEN ? IS NULL THEN score_why ELSE ? END, updated_at = ?
                    WHERE id = ?
                    """, arguments: [n.reason, n.measures, n.score?.raw, n.score?.raw, n.score?.raw, n.why, context.timestamp, id])
                try audit(db, "note", id, before: before, after: try Audit.snapshot(db, table: "note", id: id))
                return id
            }
            return try insert(db, "note", [
                "unit_id": stored.unitID, "year": n.year, "indicator": indicator.id, "reason": n.reason, "measures": n.measures,
                "score_e4": n.score?.raw, "score_why": n.why, "updated_at": context.timestamp,
            ])
        }
    }

    func notes(_ db: Database, unitID: Int64, year: Int) throws -> [IndicatorNote] {
        try Row.fetchAll(db, sql: "SELECT * FROM note WHERE unit_id = ? AND year = ? ORDER BY indicator",
                         arguments: [unitID, year]).map {
            IndicatorNote(indicator: $0["indicator"], reason: $0["reason"], measures: $0["measures"],
                          manualScore: ($0["score_e4"] as Int64?).map { Fixed(raw: $0) }, scoreWhy: $0["score_why"])
        }
    }
}
