import GRDB
import KepuCore

/// Events and their sub-activities: adding, voiding, listing, showing.
public struct EventService: Sendable {
    let ledger: Ledger

    /// A live event, or the refusal naming `field` when it is missing or voided.
    func live(_ db: Database, _ id: Int64, field: Field? = .event) throws -> EventRecord {
        guard let e = try EventRecord.fetchOne(db, key: id) else {
            throw KepuError(.noSuchRecord(field: field, kind: .event, id: id))
        }
        if let voided = e.voidedAt {
            throw KepuError(.recordVoided(field: field, kind: .event, id: id, title: e.title, on: voided))
        }
        return e
    }

    /// An event named in a spreadsheet cell: its id, or a title unique among the live events of the year
    /// (of every year when none is known).
    func resolve(_ db: Database, _ text: String, field: Field, year: Int?) throws -> Int64 {
        if let id = Int64(text), id > 0 { return id }
        var request = EventRecord.filter(EventRecord.Columns.title == text).live()
        if let year {
            request = request.filter(
                EventRecord.Columns.startDate >= "\(year)-01-01" && EventRecord.Columns.startDate <= "\(year)-12-31")
        }
        let ids = try request.order(EventRecord.Columns.id).fetchAll(db).compactMap(\.id)
        if ids.count == 1 { return ids[0] }
        if ids.isEmpty { throw KepuError(.eventTitleUnknown(field: field, title: text)) }
        throw KepuError(.eventTitleAmbiguous(field: field, title: text, ids: ids))
    }

    public func add(_ e: NewEvent) throws -> Int64 {
        try e.validate()
        return try ledger.database.write { db in try add(db, e) }
    }

    func add(_ db: Database, _ e: NewEvent) throws -> Int64 {
        if !e.allowDuplicate,
            let same = try EventRecord.filter(
                EventRecord.Columns.title == e.title && EventRecord.Columns.startDate == e.start
            ).live().fetchOne(db)
        {
            throw KepuError(.duplicateEvent(title: e.title, start: e.start, existing: same.id ?? 0))
        }
        let unitID: Int64
        var project: String?
        if let parent = e.parent {
            let p = try live(db, parent, field: .parent)
            unitID = p.unitId
            if let name = e.unit, try ledger.plans.resolveUnit(db, name: name, date: e.start) != p.unitId {
                throw KepuError(.parentOtherUnit(parent: parent, unit: name))
            }
            project = try inheritedProject(db, parent: p, asked: e.project)
        } else {
            unitID = try ledger.plans.resolveUnit(db, name: e.unit, date: e.start)
            project = try self.project(db, unitID: unitID, start: e.start, asked: e.project)
        }
        var record = EventRecord(
            unitId: unitID, parentId: e.parent, title: e.title, kind: e.kind.rawValue, form: e.form.rawValue,
            major: e.major ?? (e.parent == nil && e.kind.majorByDefault), startDate: e.start, endDate: e.end ?? e.start,
            venue: e.venue, createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil, project: project)
        return try ledger.insert(db, &record)
    }

    /// The project a new top-level event is in: the one asked for (by id or name), which a year with
    /// several projects needs; NULL, the year's first, when it has one and none was named.
    func project(_ db: Database, unitID: Int64, start: CalendarDate, asked: String?) throws -> String? {
        guard let stored = try? ledger.plans.covering(db, date: start, unitID: unitID) else {
            if let asked {
                throw KepuError(.noSuchProject(field: .project, value: asked, year: start.year, projects: []))
            }
            return nil
        }
        let plan = stored.plan
        guard let asked else {
            if plan.hasSeveralProjects {
                throw KepuError(
                    .projectRequired(field: .project, year: plan.year, projects: plan.projects.map(\.ref)))
            }
            return nil
        }
        let p = try ledger.plans.project(asked, of: plan, field: .project)
        return plan.hasSeveralProjects ? p.id : nil
    }

    /// The project an event is in, in a year of several; nil in a one-project year or outside any plan.
    public func project(of id: Int64) throws -> Project? {
        try ledger.database.read { db in
            let e = try live(db, id, field: nil)
            guard let stored = try? ledger.plans.covering(db, date: e.startDate, unitID: e.unitId),
                stored.plan.hasSeveralProjects
            else { return nil }
            return try ledger.plans.project(ofEvent: id, db, plan: stored.plan)
        }
    }

    /// A sub-activity is in its parent's project; naming another is refused.
    func inheritedProject(_ db: Database, parent: EventRecord, asked: String?) throws -> String? {
        guard let pid = parent.id else { return nil }
        guard let stored = try? ledger.plans.covering(db, date: parent.startDate, unitID: parent.unitId) else {
            return parent.project
        }
        let own = try ledger.plans.project(ofEvent: pid, db, plan: stored.plan)
        if let asked, let own {
            let p = try ledger.plans.project(asked, of: stored.plan, field: .project)
            if p.id != own.id {
                throw KepuError(.projectDiffersFromParent(parent: pid, parentProject: own.id, project: p.id))
            }
        }
        return stored.plan.hasSeveralProjects ? own?.id : nil
    }

    /// Voids an event, its sub-activities and everything attached to them; nothing is deleted.
    public func void(_ id: Int64, reason: String) throws -> VoidCounts {
        try ledger.corrections.void(.event, id, reason: reason).counts
    }

    /// Events in a date range (top-level by start date), each followed by its sub-activities.
    /// The events starting in a range, live ones only unless `includeVoided`: id, title, first day and
    /// depth, campaigns each followed by their sub-activities, read from the event table alone. What a
    /// page needs to name events or offer them in a select, without `list`'s totals.
    public func titles(in range: DateRange, includeVoided: Bool = false) throws -> [EventTitle] {
        try ledger.database.read { db in
            // Four columns as rows, not whole records decoded: a thousand events in a millisecond or two.
            let rows = try SQLRequest<Row>(
                sql: """
                    SELECT id, parent_id, title, start_date FROM event
                    WHERE start_date BETWEEN ? AND ?\(includeVoided ? "" : " AND voided_at IS NULL")
                    ORDER BY start_date, id
                    """, arguments: [range.start.description, range.end.description]
            ).fetchAll(db)
            struct Item {
                var id: Int64
                var parent: Int64?
                var title: String
                var start: CalendarDate
            }
            let items: [Item] = rows.compactMap { row in
                guard let start: CalendarDate = row["start_date"] else { return nil }
                return Item(id: row["id"], parent: row["parent_id"], title: row["title"], start: start)
            }
            let ids = Set(items.map(\.id))
            var children: [Int64: [Item]] = [:]
            var roots: [Item] = []
            for r in items {
                if let p = r.parent, ids.contains(p) { children[p, default: []].append(r) } else { roots.append(r) }
            }
            var out: [EventTitle] = []
            func walk(_ r: Item, _ depth: Int) {
                out.append(EventTitle(id: r.id, title: r.title, start: r.start, depth: depth))
                for c in children[r.id] ?? [] { walk(c, depth + 1) }
            }
            for r in roots { walk(r, 0) }
            return out
        }
    }

    public func list(in range: DateRange?, unit: String? = nil, includeVoided: Bool = false) throws -> [EventSummary] {
        try ledger.database.read { db in try list(db, in: range, unit: unit, includeVoided: includeVoided) }
    }

    func list(
        _ db: Database, in range: DateRange?, unit: String?, includeVoided: Bool, project: ProjectScope? = nil
    ) throws -> [EventSummary] {
        var filter: SQL = "e.parent_id IS NULL"
        if let project {
            filter +=
                project.isDefault
                ? " AND (e.project = \(project.id) OR e.project IS NULL)" : " AND e.project = \(project.id)"
        }
        if let range { filter += " AND e.start_date BETWEEN \(range.start) AND \(range.end)" }
        if let unit { filter += " AND u.name = \(unit)" }
        if !includeVoided { filter += " AND e.voided_at IS NULL" }
        // The campaigns and every event under them in one query (a recursive CTE), then the tree in
        // memory: one statement however many events, where a query per campaign took most of a
        // second for a year of a thousand.
        let rows = try EventSummaryRow.fetchAll(
            db,
            where: """
                e.id IN (WITH RECURSIVE tree(id) AS (
                  SELECT e.id FROM event e JOIN unit u ON u.id = e.unit_id WHERE \(filter)
                  UNION ALL SELECT c.id FROM event c JOIN tree ON c.parent_id = tree.id)
                SELECT id FROM tree)
                """, order: "e.start_date, e.id")
        return EventSummaryRow.tree(rows, includeVoided: includeVoided)
    }

    /// Everything under an event, each campaign's sub-activities after it, from `depth`: one query.
    func children(_ db: Database, of id: Int64, depth: Int, includeVoided: Bool) throws -> [EventSummary] {
        let live: SQL = includeVoided ? "" : " AND voided_at IS NULL"
        let rows = try EventSummaryRow.fetchAll(
            db,
            where: """
                e.id IN (WITH RECURSIVE tree(id) AS (
                  SELECT id FROM event WHERE parent_id = \(id)\(live)
                  UNION ALL SELECT c.id FROM event c JOIN tree ON c.parent_id = tree.id WHERE 1\(live))
                SELECT id FROM tree)
                """, order: "e.start_date, e.id")
        return EventSummaryRow.tree(rows, includeVoided: includeVoided).map {
            var e = $0
            e.depth += depth
            return e
        }
    }

    /// One event with everything recorded against it, voided records included.
    public func detail(_ id: Int64) throws -> EventDetail {
        try ledger.database.read { db in
            guard let row = try EventSummaryRow.fetchAll(db, where: "e.id = \(id)", order: "e.id").first,
                let record = try EventRecord.fetchOne(db, key: id)
            else { throw KepuError(.noSuchRecord(field: nil, kind: .event, id: id)) }
            let ofEvent = LedgerColumns.eventId == id
            let byDate = [LedgerColumns.date, LedgerColumns.id]
            return EventDetail(
                summary: row.summary(depth: 0), voidReason: record.voidReason,
                attendance: try AttendanceRecord.filter(ofEvent).order(byDate).fetchAll(db).map(\.listed),
                costs: try CostRecord.filter(ofEvent).order(byDate).fetchAll(db).map(\.listed),
                printRuns: try PrintRunRecord.filter(ofEvent).order(byDate).fetchAll(db).map(\.listed),
                surveys: try SurveyRecord.filter(ofEvent).order(byDate).fetchAll(db).map(\.listed),
                signups: try ledger.volunteers.signups(db, event: id),
                evidence: try EvidenceRecord.filter(ofEvent).order(LedgerColumns.id).fetchAll(db).map(\.listed),
                children: try children(db, of: id, depth: 1, includeVoided: true))
        }
    }
}

/// An event with its own totals, read by one query with correlated sums.
struct EventSummaryRow: Decodable, FetchableRecord {
    static let databaseColumnDecodingStrategy = DatabaseColumnDecodingStrategy.convertFromSnakeCase
    var id: Int64
    var parentId: Int64?
    var title: String
    var kind: String
    var form: String
    var major: Bool
    var startDate: CalendarDate
    var endDate: CalendarDate
    var venue: String?
    var voidedAt: String?
    var unit: String
    var onsite: Int64
    var online: Int64
    var cost: Int64
    var responses: Int64
    var satisfied: Int64
    var volunteers: Int64
    var hours: Int64
    var evidence: Int64

    static func fetchAll(_ db: Database, where filter: SQL, order: SQL) throws -> [EventSummaryRow] {
        try EventSummaryRow.fetchAll(
            db,
            SQLRequest<EventSummaryRow>(
                literal: """
                    SELECT e.id, e.parent_id, e.title, e.kind, e.form, e.major, e.start_date, e.end_date, e.venue, e.voided_at,
                      u.name AS unit,
                      (SELECT coalesce(sum(count), 0) FROM attendance a
                        WHERE a.event_id = e.id AND a.voided_at IS NULL AND a.channel = 'onsite') AS onsite,
                      (SELECT coalesce(sum(count), 0) FROM attendance a
                        WHERE a.event_id = e.id AND a.voided_at IS NULL AND a.channel = 'online') AS online,
                      (SELECT coalesce(sum(amount_fen), 0) FROM cost c WHERE c.event_id = e.id AND c.voided_at IS NULL)
                        + (SELECT coalesce(sum(copies * unit_price_fen), 0) FROM print_run p
                           WHERE p.event_id = e.id AND p.voided_at IS NULL) AS cost,
                      (SELECT coalesce(sum(responses), 0) FROM survey s WHERE s.event_id = e.id AND s.voided_at IS NULL) AS responses,
                      (SELECT coalesce(sum(satisfied), 0) FROM survey s WHERE s.event_id = e.id AND s.voided_at IS NULL) AS satisfied,
                      (SELECT count(DISTINCT volunteer_id) FROM signup g
                        WHERE g.event_id = e.id AND g.voided_at IS NULL) AS volunteers,
                      (SELECT coalesce(sum(hours_centi), 0) FROM signup g WHERE g.event_id = e.id AND g.voided_at IS NULL) AS hours,
                      (SELECT count(*) FROM evidence v WHERE v.event_id = e.id AND v.voided_at IS NULL) AS evidence
                    FROM event e JOIN unit u ON u.id = e.unit_id
                    WHERE \(filter) ORDER BY \(order)
                    """))
    }

    func summary(depth: Int) -> EventSummary {
        var s = EventSummary(
            id: id, parent: parentId, depth: depth, title: title, kind: EventKind(rawValue: kind) ?? .other,
            major: major,
            start: startDate, end: endDate, venue: venue, unit: unit, voided: voidedAt != nil, onsite: onsite,
            online: online,
            cost: Money(fen: cost), surveyResponses: responses, surveySatisfied: satisfied, volunteers: volunteers,
            hoursCenti: hours, evidence: evidence)
        s.form = EventForm(rawValue: form) ?? .other
        return s
    }
}
