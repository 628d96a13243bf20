import Foundation
import GRDB
import KepuCore

/// A plan as stored: its id, its parsed contents and where it came from.
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

/// What `plan import` did.
public struct PlanImport: Sendable {
    public var id: Int64
    public var plan: Plan
    public var findings: [LintFinding]
    public var replaced: Int64?
}

/// Plans and the units they belong to: importing, finding the plan of a year or a day.
public struct PlanService: Sendable {
    let ledger: Ledger

    /// Imports a plan file: lint first (errors block), then store it; `replace` swaps the year's plan
    /// without touching the ledger (the old plan is kept, marked replaced).
    public func importPlan(text: String, sourceName: String, replace: Bool) throws -> PlanImport {
        let parsed = try PlanFile.parse(text, source: sourceName)
        let findings = parsed.warnings + PlanLint.check(parsed.plan)
        let errors = findings.filter { $0.severity == .error }
        if let first = errors.first {
            throw KepuError(.planHasErrors(source: sourceName, count: errors.count, first: first))
        }
        let plan = parsed.plan
        let hash = sha256Hex(Data(text.utf8))
        return try ledger.database.write { db in
            let unitID = try ensureUnit(db, plan.unit)
            let existing = try PlanRecord.all().filter(unit: unitID, year: plan.year).current().fetchOne(db)
            if let existing, let oldID = existing.id, !replace {
                throw KepuError(
                    existing.sourceSha256 == hash
                        ? .planAlreadyImported(plan: oldID, unit: plan.unit, year: plan.year)
                        : .planExists(plan: oldID, unit: plan.unit, year: plan.year))
            }
            try checkOverlap(db, unitID: unitID, plan: plan, ignoring: existing?.id)
            // Retire the old plan first: the unique index allows one current plan per unit and year.
            var old = existing
            if var o = old {
                o.replacedAt = ledger.context.timestamp
                try ledger.update(db, o)
                old = o
            }
            var record = PlanRecord(
                unitId: unitID, year: plan.year, periodStart: plan.period.start, periodEnd: plan.period.end,
                sourceName: sourceName, sourceText: text, sourceSha256: hash, importedAt: ledger.context.timestamp,
                replacedAt: nil, replacedBy: nil)
            let id = try ledger.insert(db, &record)
            if var o = old {
                o.replacedBy = id
                try ledger.update(db, o)
            }
            return PlanImport(id: id, plan: plan, findings: findings, replaced: old?.id)
        }
    }

    func checkOverlap(_ db: Database, unitID: Int64, plan: Plan, ignoring: Int64?) throws {
        var request = PlanRecord.filter(PlanRecord.Columns.unitId == unitID).current().overlapping(plan.period)
        if let ignoring { request = request.filter(PlanRecord.Columns.id != ignoring) }
        let other = try request.fetchOne(db)
        if let other, let id = other.id {
            throw KepuError(
                .periodOverlaps(
                    period: plan.period, plan: id, year: other.year,
                    other: DateRange(start: other.periodStart, end: other.periodEnd)))
        }
    }

    func ensureUnit(_ db: Database, _ name: String) throws -> Int64 {
        if let unit = try UnitRecord.all().filter(name: name).fetchOne(db), let id = unit.id { return id }
        var unit = UnitRecord(name: name)
        return try ledger.insert(db, &unit)
    }

    /// Every imported plan, replaced ones included.
    public func list() throws -> [PlanSummary] {
        try ledger.database.read { db in
            let units = try unitNames(db)
            return try PlanRecord.order(PlanRecord.Columns.year, PlanRecord.Columns.id).fetchAll(db).map {
                PlanSummary(
                    id: $0.id ?? 0, unit: units[$0.unitId] ?? "", year: $0.year,
                    period: DateRange(start: $0.periodStart, end: $0.periodEnd), sourceName: $0.sourceName,
                    importedAt: $0.importedAt, replacedAt: $0.replacedAt)
            }.sorted { ($0.unit, $0.year, $0.id) < ($1.unit, $1.year, $1.id) }
        }
    }

    func unitNames(_ db: Database) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try UnitRecord.fetchAll(db).map { ($0.id ?? 0, $0.name) })
    }

    /// The current plan for a year (and unit, when several units share the database).
    public func plan(year: Int?, unit: String?) throws -> StoredPlan {
        try ledger.database.read { db in try current(db, year: year, unit: unit) }
    }

    /// The current (not replaced) plans, newest year first, with their unit's name; narrowed in SQL, so a
    /// database holding many units and years reads only the rows asked for.
    func currentPlans(
        _ db: Database, year: Int? = nil, unit: String? = nil, unitID: Int64? = nil,
        covering date: CalendarDate? = nil
    ) throws -> [(PlanRecord, String)] {
        var request = PlanRecord.all().current()
        if let year { request = request.filter(PlanRecord.Columns.year == year) }
        if let unitID { request = request.filter(PlanRecord.Columns.unitId == unitID) }
        if let unit {
            guard let id = try UnitRecord.all().filter(name: unit).fetchOne(db)?.id else { return [] }
            request = request.filter(PlanRecord.Columns.unitId == id)
        }
        if let date { request = request.covering(date) }
        let plans = try request.fetchAll(db)
        let ids = Set(plans.map(\.unitId))
        let units = Dictionary(
            uniqueKeysWithValues: try UnitRecord.filter(keys: Array(ids)).fetchAll(db).map { ($0.id ?? 0, $0.name) })
        return plans.map { ($0, units[$0.unitId] ?? "") }.sorted { ($1.0.year, $0.1) < ($0.0.year, $1.1) }
    }

    /// `株洲市石峰区科学技术协会 2023`, for a refusal that lists the plans there are.
    func existingPlans(_ db: Database, unitID: Int64? = nil, withPeriods: Bool = false) throws -> [String] {
        try currentPlans(db, unitID: unitID).sorted { $0.0.year < $1.0.year }.map { p, unit in
            withPeriods ? "\(unit) \(p.year) (\(p.periodStart)–\(p.periodEnd))" : "\(unit) \(p.year)"
        }
    }

    func current(_ db: Database, year: Int?, unit: String?) throws -> StoredPlan {
        let rows = try currentPlans(db, year: year, unit: unit)
        guard let first = rows.first else {
            let existing = try existingPlans(db)
            if existing.isEmpty { throw KepuError(.noPlanYet) }
            throw KepuError(.noPlanFor(year: year, unit: unit, existing: existing))
        }
        if unit == nil {
            let sameYear = rows.filter { $0.0.year == first.0.year }
            if sameYear.count > 1 {
                throw KepuError(.severalUnitsHavePlan(year: first.0.year, units: sameYear.map(\.1).sorted()))
            }
        }
        return try stored(first.0)
    }

    func stored(_ r: PlanRecord) throws -> StoredPlan {
        let plan = try PlanCache.shared.plan(sha: r.sourceSha256) {
            try PlanFile.parse(r.sourceText, source: r.sourceName).plan
        }
        return StoredPlan(
            id: r.id ?? 0, unitID: r.unitId, plan: plan, sourceName: r.sourceName, sourceText: r.sourceText,
            sha256: r.sourceSha256, importedAt: r.importedAt)
    }

    /// The current plan whose period holds `date`, for the given unit (or the only unit).
    func covering(_ db: Database, date: CalendarDate, unitID: Int64?) throws -> StoredPlan {
        let rows = try currentPlans(db, unitID: unitID, covering: date)
        if rows.count == 1 { return try stored(rows[0].0) }
        if rows.count > 1 { throw KepuError(.severalUnitsCover(date: date)) }
        let existing = try existingPlans(db, unitID: unitID, withPeriods: true)
        if existing.isEmpty { throw KepuError(.noPlanYet) }
        throw KepuError(.noPlanCovers(date: date, existing: existing))
    }

    /// The unit a new record belongs to: named, else the one whose plan covers the date, else the only one.
    func resolveUnit(_ db: Database, name: String?, date: CalendarDate) throws -> Int64 {
        if let name {
            guard let unit = try UnitRecord.all().filter(name: name).fetchOne(db), let id = unit.id else {
                let all = try UnitRecord.order(UnitRecord.Columns.name).fetchAll(db).map(\.name)
                throw KepuError(.unknownUnit(name: name, units: all))
            }
            return id
        }
        let units = try UnitRecord.fetchAll(db).compactMap(\.id)
        if units.count == 1 { return units[0] }
        if units.isEmpty { throw KepuError(.noPlanYet) }
        let covering = Set(try PlanRecord.all().current().covering(date).fetchAll(db).map(\.unitId))
        if covering.count == 1, let only = covering.first { return only }
        throw KepuError(.severalUnits)
    }
}

/// Parsed plans by source hash, so that a long import does not re-read the YAML for every row.
final class PlanCache: @unchecked Sendable {
    static let shared = PlanCache()
    private let lock = NSLock()
    private var plans: [String: Plan] = [:]

    func plan(sha: String, parse: () throws -> Plan) throws -> Plan {
        if let p = lock.withLock({ plans[sha] }) { return p }
        let p = try parse()
        lock.withLock { plans[sha] = p }
        return p
    }
}
