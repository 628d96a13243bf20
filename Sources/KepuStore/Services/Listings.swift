import GRDB
import KepuCore

/// The filters every record list shares, as SQL on a table with `date` and `event_id` columns.
extension RecordFilter {
    /// `date BETWEEN … AND event_id IN (tree) AND voided_at IS NULL`, for the given table alias.
    func condition(_ db: Database, dated: String = "date", event column: String? = "event_id") throws -> SQL {
        var sql: SQL = "1"
        if let range { sql += " AND \(sql: dated) BETWEEN \(range.start) AND \(range.end)" }
        if let event, let column {
            let tree = try eventTree(db, root: event)
            sql += " AND \(sql: column) IN \(tree)"
        }
        if !includeVoided { sql += " AND voided_at IS NULL" }
        return sql
    }

    /// The unit's id when one is named, or nil for all units.
    func unitID(_ db: Database) throws -> Int64?? {
        guard let unit else { return .some(nil) }
        guard let id = try UnitRecord.all().filter(name: unit).fetchOne(db)?.id else { return nil }
        return .some(id)
    }
}

extension AttendanceService {
    /// Attendance entries, oldest first.
    public func list(_ f: RecordFilter) throws -> [AttendanceItem] {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return [] }
            var sql: SQL = "SELECT * FROM attendance WHERE \(try f.condition(db))"
            if let unit { sql += " AND event_id IN (SELECT id FROM event WHERE unit_id = \(unit))" }
            sql += " ORDER BY date, id"
            return try AttendanceRecord.fetchAll(db, SQLRequest(literal: sql)).map(\.listed)
        }
    }
}

extension MoneyService {
    /// Costs, oldest first; a cost with no event is listed like any other.
    public func costs(_ f: RecordFilter) throws -> [CostItem] {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return [] }
            var sql: SQL = "SELECT * FROM cost WHERE \(try f.condition(db))"
            if let unit { sql += " AND unit_id = \(unit)" }
            sql += " ORDER BY date, id"
            return try CostRecord.fetchAll(db, SQLRequest(literal: sql)).map(\.listed)
        }
    }

    /// Print runs, oldest first.
    public func printRuns(_ f: RecordFilter) throws -> [PrintRunItem] {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return [] }
            var sql: SQL = "SELECT * FROM print_run WHERE \(try f.condition(db))"
            if let unit { sql += " AND unit_id = \(unit)" }
            sql += " ORDER BY date, id"
            return try PrintRunRecord.fetchAll(db, SQLRequest(literal: sql)).map(\.listed)
        }
    }
}

extension SurveyService {
    /// Survey batches, oldest first.
    public func list(_ f: RecordFilter) throws -> [SurveyItem] {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return [] }
            var sql: SQL = "SELECT * FROM survey WHERE \(try f.condition(db))"
            if let unit { sql += " AND event_id IN (SELECT id FROM event WHERE unit_id = \(unit))" }
            sql += " ORDER BY date, id"
            return try SurveyRecord.fetchAll(db, SQLRequest(literal: sql)).map(\.listed)
        }
    }

    /// Measurements, oldest first.
    public func measurements(_ f: RecordFilter) throws -> [MeasurementItem] {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return [] }
            var sql: SQL = "SELECT * FROM measurement WHERE \(try f.condition(db, event: nil))"
            if let unit { sql += " AND unit_id = \(unit)" }
            sql += " ORDER BY date, id"
            return try MeasurementRecord.fetchAll(db, SQLRequest(literal: sql)).map(\.listed)
        }
    }
}

extension VolunteerService {
    /// Volunteers with their sign-up counts and hours; with an event, those signed up for it; with a range,
    /// those with a sign-up in it.
    public func list(_ f: RecordFilter) throws -> [VolunteerSummary] {
        try ledger.database.read { db in try list(db, f) }
    }

    /// Every volunteer, voided ones included.
    func listAll(_ db: Database) throws -> [VolunteerSummary] {
        try list(db, RecordFilter(includeVoided: true))
    }

    func list(_ db: Database, _ f: RecordFilter) throws -> [VolunteerSummary] {
        do {
            var filter: SQL = "1"
            if !f.includeVoided { filter += " AND v.voided_at IS NULL" }
            if f.event != nil || f.range != nil {
                let signups = try f.condition(db)
                filter += " AND v.id IN (SELECT volunteer_id FROM signup WHERE \(signups))"
            }
            return try summaries(db, where: filter)
        }
    }
}

extension AuditService {
    /// A record's history, oldest first: its audit rows.
    public func history(_ kind: RecordKind, _ id: Int64) throws -> [AuditEntry] {
        try ledger.database.read { db in
            try AuditRecord.filter(AuditRecord.Columns.entity == kind.rawValue && AuditRecord.Columns.entityId == id)
                .order(AuditRecord.Columns.id).fetchAll(db).map {
                    AuditEntry(
                        id: $0.id ?? 0, at: $0.at, operatorName: $0.operatorName, command: $0.command,
                        entity: $0.entity, entityID: $0.entityId, before: $0.before, after: $0.after, hash: $0.hash)
                }
        }
    }
}
