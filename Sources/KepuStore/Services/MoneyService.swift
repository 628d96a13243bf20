import GRDB
import KepuCore

/// Where a cost or print run was charged.
public struct ChargeResult: Sendable {
    public var id: Int64
    public var line: SpendingLine
    public var planYear: Int
    /// What the line has spent in the plan's period with this charge: past `line.amount`, a front end
    /// warns that it is over its plan.
    public var lineSpent: Money = .zero
    public var overPlan: Bool { lineSpent > line.amount }
}

/// Money: costs against the plan's spending lines, and print runs charged to its printing line.
public struct MoneyService: Sendable {
    let ledger: Ledger

    public func addCost(_ c: NewCost) throws -> ChargeResult {
        try c.validate()
        return try ledger.database.write { db in try addCost(db, c) }
    }

    /// Where money is charged: the day (given, else the event's first day, else today) and the plan
    /// of the event's unit (or the named or only unit) whose period holds that day.
    /// An import passes `plans`, so that its rows read each covering plan once, not once a row.
    func chargeTarget(
        _ db: Database, event eventID: Int64?, date: CalendarDate?, unit: String?,
        eventField: Field = .event, plans: CoveringPlans? = nil
    ) throws -> (day: CalendarDate, plan: StoredPlan) {
        var date = date
        var unitID: Int64?
        if let eventID {
            let e = try ledger.events.live(db, eventID, field: eventField)
            date = date ?? e.startDate
            unitID = e.unitId
        }
        let day = date ?? ledger.today
        if let plans { return (day, try plans.plan(db, ledger, date: day, unitID: unitID, unit: unit)) }
        if unitID == nil, let unit { unitID = try ledger.plans.resolveUnit(db, name: unit, date: day) }
        return (day, try ledger.plans.covering(db, date: day, unitID: unitID))
    }

    /// The plan's line named by id or name, or the refusal listing the lines.
    func line(_ name: String, of stored: StoredPlan, field: Field) throws -> SpendingLine {
        guard let line = stored.plan.line(named: name) else {
            throw KepuError(
                .notALine(
                    field: field, value: name, year: stored.plan.year, unit: stored.plan.unit,
                    lines: stored.plan.lines.map { LineRef(id: $0.id, name: $0.name) }))
        }
        return line
    }

    func addCost(
        _ db: Database, _ c: NewCost, importID: Int64? = nil,
        field: (line: Field, event: Field) = (.line, .event), plans: CoveringPlans? = nil
    ) throws -> ChargeResult {
        let (day, stored) = try chargeTarget(
            db, event: c.event, date: c.date, unit: c.unit, eventField: field.event, plans: plans)
        let line = try line(c.line, of: stored, field: field.line)
        if stored.plan.hasSeveralProjects, let event = c.event,
            let own = stored.plan.project(ofLine: line.id),
            let eventProject = try ledger.plans.project(ofEvent: event, db, plan: stored.plan),
            own.id != eventProject.id
        {
            throw KepuError(
                .lineOtherProject(
                    field: field.line, line: line.id, lineProject: own.id, event: event, eventProject: eventProject.id))
        }
        var record = CostRecord(
            unitId: stored.unitID, line: line.id, eventId: c.event, item: c.item, amountFen: c.amount.fen, date: day,
            invoice: c.invoice, payee: c.payee, importId: importID, createdAt: ledger.context.timestamp, voidedAt: nil,
            voidReason: nil)
        let id = try ledger.insert(db, &record)
        // An import's rows are not each told their line's total (two sums a row): 数据核查 says it after.
        let spent = importID == nil ? try spent(db, line: line.id, stored) : .zero
        return ChargeResult(id: id, line: line, planYear: stored.plan.year, lineSpent: spent)
    }

    /// What a line has spent in its plan's period: its costs and its print runs (copies × unit price),
    /// voided ones not counted.
    func spent(_ db: Database, line: String, _ stored: StoredPlan) throws -> Money {
        let p = stored.plan.period
        let args: StatementArguments = [stored.unitID, line, p.start, p.end]
        let costs =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(amount_fen), 0) FROM cost
                    WHERE unit_id = ? AND line = ? AND voided_at IS NULL AND date BETWEEN ? AND ?
                    """, arguments: args) ?? 0
        let prints =
            try Int64.fetchOne(
                db,
                sql: """
                    SELECT COALESCE(SUM(copies * unit_price_fen), 0) FROM print_run
                    WHERE unit_id = ? AND line = ? AND voided_at IS NULL AND date BETWEEN ? AND ?
                    """, arguments: args) ?? 0
        return Money(fen: costs + prints)
    }

    public func addPrintRun(_ p: NewPrintRun) throws -> ChargeResult {
        try p.validate()
        return try ledger.database.write { db in
            let (day, stored) = try chargeTarget(db, event: p.event, date: p.date, unit: p.unit)
            let line = try printingLine(db, p, stored)
            var record = PrintRunRecord(
                unitId: stored.unitID, line: line.id, title: p.title, ink: p.ink.rawValue, copies: p.copies,
                unitPriceFen: p.unitPrice.fen, eventId: p.event, date: day, createdAt: ledger.context.timestamp,
                voidedAt: nil, voidReason: nil)
            let id = try ledger.insert(db, &record)
            return ChargeResult(
                id: id, line: line, planYear: stored.plan.year, lineSpent: try spent(db, line: line.id, stored))
        }
    }

    /// The line a print run is charged to: the one named, else the printing line of the event's project
    /// (of the year's first project when there is no event).
    func printingLine(_ db: Database, _ p: NewPrintRun, _ stored: StoredPlan) throws -> SpendingLine {
        if let name = p.line { return try line(name, of: stored, field: .line) }
        var plan = stored.plan
        if plan.hasSeveralProjects {
            let project = try p.event.flatMap { try ledger.plans.project(ofEvent: $0, db, plan: plan) }
            if let project = project ?? plan.defaultProject { plan = plan.narrowed(to: project) }
        }
        guard let line = plan.printingLine else { throw KepuError(.noPrintingLine(year: stored.plan.year)) }
        return line
    }
}

/// The plans an import's rows are charged to, read once for each unit and day instead of once a row (a
/// year's finance ledger is thousands of rows over a few hundred days, all under one plan). Lives for one
/// import, inside its transaction.
final class CoveringPlans {
    private var byDay: [String: StoredPlan] = [:]
    private var units: [String: Int64] = [:]

    /// The plan covering `date` for the unit (the event's `unitID`, else the unit named, else the one whose
    /// plan covers the day), as `MoneyService.chargeTarget` finds it.
    func plan(_ db: Database, _ ledger: Ledger, date: CalendarDate, unitID: Int64?, unit: String?) throws
        -> StoredPlan
    {
        var unitID = unitID
        if unitID == nil, let unit {
            let key = "\(unit)\u{1F}\(date)"
            if let known = units[key] {
                unitID = known
            } else {
                let resolved = try ledger.plans.resolveUnit(db, name: unit, date: date)
                units[key] = resolved
                unitID = resolved
            }
        }
        let key = "\(unitID.map(String.init) ?? "")\u{1F}\(date)"
        if let p = byDay[key] { return p }
        // A unit's current plans do not overlap: one read for another day of the unit serves this one too.
        if let unitID, let p = byDay.values.first(where: { $0.unitID == unitID && $0.plan.period.contains(date) }) {
            byDay[key] = p
            return p
        }
        let p = try ledger.plans.covering(db, date: date, unitID: unitID)
        byDay[key] = p
        return p
    }
}
