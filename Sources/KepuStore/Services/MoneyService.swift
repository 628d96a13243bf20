import GRDB
import KepuCore

/// Where a cost or print run was charged.
public struct ChargeResult: Sendable {
    public var id: Int64
    public var line: SpendingLine
    public var planYear: Int
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
    func chargeTarget(
        _ db: Database, event eventID: Int64?, date: CalendarDate?, unit: String?,
        eventField: Field = .event
    ) throws -> (day: CalendarDate, plan: StoredPlan) {
        var date = date
        var unitID: Int64?
        if let eventID {
            let e = try ledger.events.live(db, eventID, field: eventField)
            date = date ?? e.startDate
            unitID = e.unitId
        }
        let day = date ?? ledger.today
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
        field: (line: Field, event: Field) = (.line, .event)
    ) throws -> ChargeResult {
        let (day, stored) = try chargeTarget(db, event: c.event, date: c.date, unit: c.unit, eventField: field.event)
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
        return ChargeResult(id: id, line: line, planYear: stored.plan.year)
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
            return ChargeResult(id: id, line: line, planYear: stored.plan.year)
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
