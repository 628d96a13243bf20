import GRDB
import KepuCore

/// `WITH RECURSIVE period_event(id, top) AS (…)`: a unit's top-level events that started between
/// `from` and `to` (only the campaigns, if asked) and their sub-activities at any depth, each with
/// its top-level event. Voided events are left out unless `includeVoided` (the archive keeps them).
func periodEvents(
    unitID: Int64, from: CalendarDate, to: CalendarDate, includeVoided: Bool = false,
    campaignsOnly: Bool = false, project: ProjectScope? = nil
) -> SQL {
    let own: SQL = project?.events ?? ""
    let live: SQL = includeVoided ? "" : "AND voided_at IS NULL"
    let liveSub: SQL = includeVoided ? "" : "WHERE e.voided_at IS NULL"
    let kind: SQL = campaignsOnly ? "AND kind <> 'other'" : ""
    return """
        WITH RECURSIVE period_event(id, top) AS (
          SELECT id, id FROM event
          WHERE unit_id = \(unitID) AND parent_id IS NULL AND start_date BETWEEN \(from) AND \(to) \(live) \(kind) \(own)
          UNION ALL
          SELECT e.id, period_event.top FROM event e JOIN period_event ON e.parent_id = period_event.id \(liveSub))

        """
}

/// The ids of an event and its sub-activities at any depth.
func eventTree(_ db: Database, root: Int64) throws -> [Int64] {
    try Int64.fetchAll(
        db,
        sql: """
            WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT e.id FROM event e JOIN tree ON e.parent_id = tree.id)
            SELECT id FROM tree
            """, arguments: [root])
}
