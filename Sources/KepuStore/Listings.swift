import GRDB
import KepuCore

extension Ledger {
    static let eventSummarySQL = """
        SELECT e.id, e.parent_id, e.title, e.kind, e.major, e.start_date, e.end_date, e.venue, e.voided_at, u.name AS unit,
          (SELECT coalesce(sum(count), 0) FROM attendance a WHERE a.event_id = e.id AND a.voided_at IS NULL AND a.channel = 'onsite') AS onsite,
          (SELECT coalesce(sum(count), 0) FROM attendance a WHERE a.event_id = e.id AND a.voided_at IS NULL AND a.channel = 'online') AS online,
          (SELECT coalesce(sum(amount_fen), 0) FROM cost c WHERE c.event_id = e.id AND c.voided_at IS NULL)
            + (SELECT coalesce(sum(copies * unit_price_fen), 0) FROM print_run p WHERE p.event_id = e.id AND p.voided_at IS NULL) AS cost,
          (SELECT coalesce(sum(responses), 0) FROM survey s WHERE s.event_id = e.id AND s.voided_at IS NULL) AS responses,
          (SELECT coalesce(sum(satisfied), 0) FROM survey s WHERE s.event_id = e.id AND s.voided_at IS NULL) AS satisfied,
          (SELECT count(DISTINCT volunteer_id) FROM signup g WHERE g.event_id = e.id AND g.voided_at IS NULL) AS volunteers,
          (SELECT coalesce(sum(hours_centi), 0) FROM signup g WHERE g.event_id = e.id AND g.voided_at IS NULL) AS hours,
          (SELECT count(*) FROM evidence v WHERE v.event_id = e.id AND v.voided_at IS NULL) AS evidence
        FROM event e JOIN unit u ON u.id = e.unit_id
        """

    static func summary(_ r: Row, depth: Int) throws -> EventSummary {
        EventSummary(
            id: r["id"], parent: r["parent_id"], depth: depth, title: r["title"], kind: EventKind(rawValue: r["kind"]) ?? .other,
            major: r["major"], start: try CalendarDate.parse(r["start_date"]), end: try CalendarDate.parse(r["end_date"]),
            venue: r["venue"], unit: r["unit"], voided: (r["voided_at"] as String?) != nil, onsite: r["onsite"],
            online: r["online"], cost: Money(fen: r["cost"]), surveyResponses: r["responses"],
            surveySatisfied: r["satisfied"], volunteers: r["volunteers"], hoursCenti: r["hours"], evidence: r["evidence"])
    }

    /// Events in a date range (top-level by start date), each followed by its sub-activities.
    public func events(in range: DateRange?, unit: String? = nil, includeVoided: Bool = false) throws -> [EventSummary] {
        try database.read { db in
            var sql = Ledger.eventSummarySQL + " WHERE e.parent_id IS NULL"
            var args: [any DatabaseValueConvertible] = []
            if let range {
                sql += " AND e.start_date BETWEEN ? AND ?"
                args += [range.start.description, range.end.description]
            }
            if let unit {
                sql += " AND u.name = ?"
                args.append(unit)
            }
            if !includeVoided { sql += " AND e.voided_at IS NULL" }
            sql += " ORDER BY e.start_date, e.id"
            var out: [EventSummary] = []
            for r in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args)) {
                let top = try Ledger.summary(r, depth: 0)
                out.append(top)
                out += try children(db, of: top.id, depth: 1, includeVoided: includeVoided)
            }
            return out
        }
    }

    func children(_ db: Database, of id: Int64, depth: Int, includeVoided: Bool) throws -> [EventSummary] {
        var out: [EventSummary] = []
        let rows = try Row.fetchAll(db, sql: Ledger.eventSummarySQL + " WHERE e.parent_id = ?"
            + (includeVoided ? "" : " AND e.voided_at IS NULL") + " ORDER BY e.start_date, e.id", arguments: [id])
        for r in rows {
            let s = try Ledger.summary(r, depth: depth)
            out.append(s)
            out += try children(db, of: s.id, depth: depth + 1, includeVoided: includeVoided)
        }
        return out
    }

    public func eventDetail(_ id: Int64) throws -> EventDetail {
        try database.read { db in
            guard let r = try Row.fetchOne(db, sql: Ledger.eventSummarySQL + " WHERE e.id = ?", arguments: [id]) else {
                throw KepuError("event \(id) does not exist (see kepu event list)")
            }
            let reason = try String.fetchOne(db, sql: "SELECT void_reason FROM event WHERE id = ?", arguments: [id])
            func rows(_ sql: String) throws -> RecordTable { RecordTable(try Row.fetchAll(db, sql: sql, arguments: [id])) }
            return EventDetail(
                summary: try Ledger.summary(r, depth: 0), voidReason: reason,
                attendance: try rows("SELECT id, date, count, channel, method, note, import_id, voided_at FROM attendance WHERE event_id = ? ORDER BY date, id"),
                costs: try rows("SELECT id, line, item, printf('%d.%02d', amount_fen / 100, amount_fen % 100) AS amount, date, invoice, payee, voided_at FROM cost WHERE event_id = ? ORDER BY date, id"),
                printRuns: try rows("SELECT id, line, title, ink, copies, printf('%d.%02d', unit_price_fen / 100, unit_price_fen % 100) AS unit_price, printf('%d.%02d', copies * unit_price_fen / 100, copies * unit_price_fen % 100) AS cost, date, voided_at FROM print_run WHERE event_id = ? ORDER BY date, id"),
                surveys: try rows("SELECT id, date, responses, satisfied, voided_at FROM survey WHERE event_id = ? ORDER BY date, id"),
                signups: try rows("""
                    SELECT g.id, g.volunteer_id, v.name, v.phone, o.name AS org, g.date, CASE WHEN g.hours_centi IS NULL THEN NULL ELSE printf('%d.%02d', g.hours_centi / 100, g.hours_centi % 100) END AS hours, g.role, g.voided_at
                    FROM signup g JOIN volunteer v ON v.id = g.volunteer_id LEFT JOIN organization o ON o.id = v.org_id
                    WHERE g.event_id = ? ORDER BY g.date, g.id
                    """),
                evidence: try rows("SELECT id, kind, file_name, size, sha256, voided_at FROM evidence WHERE event_id = ? ORDER BY id"),
                children: try children(db, of: id, depth: 1, includeVoided: true))
        }
    }

    public func volunteers() throws -> [VolunteerSummary] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT v.id, v.name, v.phone, o.name AS org, v.platform_no,
                  (SELECT count(*) FROM signup g WHERE g.volunteer_id = v.id AND g.voided_at IS NULL) AS signups,
                  (SELECT coalesce(sum(hours_centi), 0) FROM signup g WHERE g.volunteer_id = v.id AND g.voided_at IS NULL) AS hours
                FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id WHERE v.voided_at IS NULL ORDER BY v.id
                """).map {
                VolunteerSummary(id: $0["id"], name: $0["name"], phone: $0["phone"], org: $0["org"],
                                 platformNo: $0["platform_no"], signups: $0["signups"], hoursCenti: $0["hours"])
            }
        }
    }
}

extension RecordTable {
    init(_ rows: [Row]) {
        self.init(columns: rows.first.map { Array($0.columnNames) } ?? [], rows: rows.map { row in
            row.databaseValues.map { v -> String? in
                switch v.storage {
                case .null: nil
                case .int64(let i): String(i)
                case .double(let d): String(d)
                case .string(let s): s
                case .blob(let b): "\(b.count) bytes"
                }
            }
        })
    }
}
