import Foundation
import GRDB
import KepuCore

/// Every read and write of the ledger, each write one transaction with its audit rows.
public struct Ledger: Sendable {
    public let database: AppDatabase
    public let context: AuditContext

    public init(database: AppDatabase, context: AuditContext) {
        self.database = database
        self.context = context
    }

    func audit(_ db: Database, _ entity: String, _ id: Int64?, before: JSONValue? = nil, after: JSONValue? = nil) throws {
        try Audit.append(db, context, entity: entity, id: id, before: before, after: after)
    }

    /// Inserts a row and audits it, returning the new id.
    func insert(_ db: Database, _ table: String, _ values: KeyValuePairs<String, (any DatabaseValueConvertible)?>)
        throws -> Int64
    {
        let id = try insertUnaudited(db, table, values)
        try audit(db, table, id, after: try Audit.snapshot(db, table: table, id: id))
        return id
    }

    /// Inserts a row that a later audit row of the same write accounts for (an import's records).
    func insertUnaudited(_ db: Database, _ table: String, _ values: KeyValuePairs<String, (any DatabaseValueConvertible)?>)
        throws -> Int64
    {
        let columns = values.map(\.key)
        let sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES (\(columns.map { _ in "?" }.joined(separator: ", ")))"
        try db.cachedStatement(sql: sql).execute(arguments: StatementArguments(values.map(\.value)))
        return db.lastInsertedRowID
    }
}

/// A plan as stored: its row, its parsed contents and where it came from.
public struct StoredPlan: Sendable {
    public var id: Int64
    public var unitID: Int64
    public var plan: Plan
    public var sourceName: String
    public var sourceText: String
    public var sha256: String
    public var importedAt: String
}

/// A plan's line in `plan list`.
public struct PlanSummary: Sendable, Hashable {
    public var id: Int64
    public var unit: String
    public var year: Int
    public var period: DateRange
    public var sourceName: String
    public var importedAt: String
    public var replacedAt: String?
}

// MARK: - Plans and units

extension Ledger {
    public struct PlanImport: Sendable {
        public var id: Int64
        public var plan: Plan
        public var findings: [LintFinding]
        public var replaced: Int64?
    }

    /// Imports a plan file: lint first (errors block), then store it; `replace` swaps the year's plan
    /// without touching the ledger (the old plan is kept, marked replaced).
    public func importPlan(text: String, sourceName: String, replace: Bool) throws -> PlanImport {
        let parsed = try PlanFile.parse(text, source: sourceName)
        let findings = parsed.warnings + PlanLint.check(parsed.plan)
        let errors = findings.filter { $0.severity == .error }
        if !errors.isEmpty {
            throw KepuError("\(sourceName) has \(errors.count) error\(errors.count == 1 ? "" : "s") and was not imported; the first: \(errors[0].subject): \(errors[0].message)")
        }
        let plan = parsed.plan
        let hash = sha256Hex(Data(text.utf8))
        return try database.write { db in
            let unitID = try ensureUnit(db, plan.unit)
            let existing = try Row.fetchOne(db, sql: """
                SELECT id, source_sha256 FROM plan WHERE unit_id = ? AND year = ? AND replaced_at IS NULL
                """, arguments: [unitID, plan.year])
            if let existing, !replace {
                let same: String = existing["source_sha256"]
                throw KepuError(same == hash
                    ? "this plan is already imported (plan \(existing["id"] as Int64) for \(plan.unit) \(plan.year)); nothing to do"
                    : "\(plan.unit) already has a \(plan.year) plan (plan \(existing["id"] as Int64)); use --replace to swap it (the ledger is kept)")
            }
            try checkOverlap(db, unitID: unitID, plan: plan, ignoring: existing?["id"])
            // Retire the old plan first: the unique index allows one current plan per unit and year.
            var before: JSONValue?
            if let existing {
                let old: Int64 = existing["id"]
                before = try Audit.snapshot(db, table: "plan", id: old)
                try db.execute(sql: "UPDATE plan SET replaced_at = ? WHERE id = ?", arguments: [context.timestamp, old])
            }
            let id = try insert(db, "plan", [
                "unit_id": unitID, "year": plan.year, "period_start": plan.period.start.description,
                "period_end": plan.period.end.description, "source_name": sourceName, "source_text": text,
                "source_sha256": hash, "imported_at": context.timestamp,
            ])
            var replaced: Int64?
            if let existing {
                let old: Int64 = existing["id"]
                try db.execute(sql: "UPDATE plan SET replaced_by = ? WHERE id = ?", arguments: [id, old])
                try audit(db, "plan", old, before: before, after: try Audit.snapshot(db, table: "plan", id: old))
                replaced = old
            }
            return PlanImport(id: id, plan: plan, findings: findings, replaced: replaced)
        }
    }

    func checkOverlap(_ db: Database, unitID: Int64, plan: Plan, ignoring: Int64?) throws {
        if let other = try Row.fetchOne(db, sql: """
            SELECT id, year, period_start, period_end FROM plan
            WHERE unit_id = ? AND replaced_at IS NULL AND id IS NOT ? AND period_start <= ? AND period_end >= ?
            """, arguments: [unitID, ignoring, plan.period.end.description, plan.period.start.description]) {
            throw KepuError("the period \(plan.period) overlaps plan \(other["id"] as Int64) (\(other["year"] as Int), \(other["period_start"] as String)–\(other["period_end"] as String)) of the same unit")
        }
    }

    func ensureUnit(_ db: Database, _ name: String) throws -> Int64 {
        if let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [name]) { return id }
        return try insert(db, "unit", ["name": name])
    }

    public func plans() throws -> [PlanSummary] {
        try database.read { db in
            try Row.fetchAll(db, sql: """
                SELECT plan.id, unit.name, year, period_start, period_end, source_name, imported_at, replaced_at
                FROM plan JOIN unit ON unit.id = plan.unit_id ORDER BY unit.name, year, plan.id
                """).map {
                PlanSummary(id: $0["id"], unit: $0["name"], year: $0["year"],
                            period: DateRange(start: try CalendarDate.parse($0["period_start"]),
                                              end: try CalendarDate.parse($0["period_end"])),
                            sourceName: $0["source_name"], importedAt: $0["imported_at"], replacedAt: $0["replaced_at"])
            }
        }
    }

    /// The current plan for a year (and unit, when several units share the database).
    public func plan(year: Int?, unit: String?) throws -> StoredPlan {
        try database.read { db in try currentPlan(db, year: year, unit: unit) }
    }

    func currentPlan(_ db: Database, year: Int?, unit: String?) throws -> StoredPlan {
        var sql = "SELECT plan.*, unit.name AS unit_name FROM plan JOIN unit ON unit.id = plan.unit_id WHERE replaced_at IS NULL"
        var args: [any DatabaseValueConvertible] = []
        if let year {
            sql += " AND year = ?"
            args.append(year)
        }
        if let unit {
            sql += " AND unit.name = ?"
            args.append(unit)
        }
        sql += " ORDER BY year DESC, unit.name"
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        guard let first = rows.first else {
            throw KepuError(try noPlanMessage(db, year: year, unit: unit))
        }
        if unit == nil {
            let firstYear: Int = first["year"]
            let sameYear = rows.filter { ($0["year"] as Int) == firstYear }
            if sameYear.count > 1 {
                let names = sameYear.map { $0["unit_name"] as String }.joined(separator: ", ")
                throw KepuError("several units have a \(firstYear) plan (\(names)); choose one with --unit")
            }
        }
        return try stored(first)
    }

    func stored(_ row: Row) throws -> StoredPlan {
        let text: String = row["source_text"]
        let name: String = row["source_name"]
        let sha: String = row["source_sha256"]
        let plan = try PlanCache.shared.plan(sha: sha) { try PlanFile.parse(text, source: name).plan }
        return StoredPlan(id: row["id"], unitID: row["unit_id"], plan: plan, sourceName: name, sourceText: text,
                          sha256: row["source_sha256"], importedAt: row["imported_at"])
    }

    func noPlanMessage(_ db: Database, year: Int?, unit: String?) throws -> String {
        let existing = try Row.fetchAll(db, sql: """
            SELECT unit.name, year FROM plan JOIN unit ON unit.id = plan.unit_id WHERE replaced_at IS NULL ORDER BY year
            """)
        if existing.isEmpty {
            return "no plan has been imported yet; import the year's plan first: kepu plan import FILE"
        }
        let list = existing.map { "\($0["name"] as String) \($0["year"] as Int)" }.joined(separator: ", ")
        let what = [year.map { "for \($0)" }, unit.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
        return "there is no plan \(what); plans exist for \(list)"
    }

    /// The current plan whose period holds `date`, for the given unit (or the only unit).
    func planCovering(_ db: Database, date: CalendarDate, unitID: Int64?) throws -> StoredPlan {
        var sql = "SELECT plan.*, unit.name AS unit_name FROM plan JOIN unit ON unit.id = plan.unit_id WHERE replaced_at IS NULL AND period_start <= ? AND period_end >= ?"
        var args: [any DatabaseValueConvertible] = [date.description, date.description]
        if let unitID {
            sql += " AND unit_id = ?"
            args.append(unitID)
        }
        let rows = try Row.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        if rows.count == 1 { return try stored(rows[0]) }
        if rows.count > 1 {
            throw KepuError("several units have a plan covering \(date); choose one with --unit")
        }
        let existing = try Row.fetchAll(db, sql: """
            SELECT unit.name, year, period_start, period_end FROM plan JOIN unit ON unit.id = plan.unit_id
            WHERE replaced_at IS NULL \(unitID == nil ? "" : "AND unit_id = \(unitID!)") ORDER BY year
            """)
        if existing.isEmpty {
            throw KepuError("no plan has been imported yet; import the year's plan first: kepu plan import FILE")
        }
        let list = existing.map { "\($0["name"] as String) \($0["year"] as Int) (\($0["period_start"] as String)–\($0["period_end"] as String))" }
        throw KepuError("no plan covers \(date); plans exist for \(list.joined(separator: ", ")); import that year's plan first")
    }

    /// The unit a new record belongs to: named, else the one whose plan covers the date, else the only one.
    func resolveUnit(_ db: Database, name: String?, date: CalendarDate) throws -> Int64 {
        if let name {
            guard let id = try Int64.fetchOne(db, sql: "SELECT id FROM unit WHERE name = ?", arguments: [name]) else {
                let all = try String.fetchAll(db, sql: "SELECT name FROM unit ORDER BY name")
                throw KepuError("--unit \(quoted(name)) is not a unit with a plan; units: \(all.isEmpty ? "none yet (import a plan)" : all.joined(separator: ", "))")
            }
            return id
        }
        let units = try Int64.fetchAll(db, sql: "SELECT id FROM unit")
        if units.count == 1 { return units[0] }
        if units.isEmpty {
            throw KepuError("no plan has been imported yet; import the year's plan first: kepu plan import FILE")
        }
        let covering = try Int64.fetchAll(db, sql: """
            SELECT DISTINCT unit_id FROM plan WHERE replaced_at IS NULL AND period_start <= ? AND period_end >= ?
            """, arguments: [date.description, date.description])
        if covering.count == 1 { return covering[0] }
        throw KepuError("several units share this database; choose one with --unit")
    }
}

/// Parsed plans by source hash, so that a long import does not re-read the YAML for every row.
final class PlanCache: @unchecked Sendable {
    static let shared = PlanCache()
    private let lock = NSLock()
    private var plans: [String: Plan] = [:]

    func plan(sha: String, parse: () throws -> Plan) throws -> Plan {
        lock.lock()
        if let p = plans[sha] {
            lock.unlock()
            return p
        }
        lock.unlock()
        let p = try parse()
        lock.lock()
        plans[sha] = p
        lock.unlock()
        return p
    }
}
