import Foundation
import GRDB
import KepuCore

/// An event as the ledger holds it (for lookups by the other writes).
struct EventRef {
    var id: Int64
    var unitID: Int64
    var start: CalendarDate
    var end: CalendarDate
    var title: String
}

extension Ledger {
    func event(_ db: Database, _ id: Int64, field: String = "--event") throws -> EventRef {
        guard let row = try Row.fetchOne(db, sql: "SELECT id, unit_id, start_date, end_date, title, voided_at FROM event WHERE id = ?",
                                         arguments: [id])
        else { throw KepuError("\(field) \(id): event \(id) does not exist (see kepu event list)") }
        if let voided: String = row["voided_at"] {
            throw KepuError("\(field) \(id): event \(id) (\(row["title"] as String)) was voided on \(voided.prefix(10))")
        }
        return EventRef(id: id, unitID: row["unit_id"], start: try CalendarDate.parse(row["start_date"]),
                        end: try CalendarDate.parse(row["end_date"]), title: row["title"])
    }

    // MARK: Events

    public func addEvent(_ e: NewEvent) throws -> Int64 {
        try e.validate()
        return try database.write { db in
            var unitID: Int64
            if let parent = e.parent {
                let p = try event(db, parent, field: "--parent")
                unitID = p.unitID
                if let name = e.unit, try resolveUnit(db, name: name, date: e.start) != p.unitID {
                    throw KepuError("--parent \(parent) belongs to another unit than --unit \(quoted(name))")
                }
            } else {
                unitID = try resolveUnit(db, name: e.unit, date: e.start)
            }
            let major = e.major ?? (e.parent == nil && e.kind.majorByDefault)
            return try insert(db, "event", [
                "unit_id": unitID, "parent_id": e.parent, "title": e.title, "kind": e.kind.rawValue, "major": major ? 1 : 0,
                "start_date": e.start.description, "end_date": (e.end ?? e.start).description, "venue": e.venue,
                "created_at": context.timestamp,
            ])
        }
    }

    /// What voiding an event voided along with it.
    public struct VoidSummary: Sendable, Hashable {
        public var events = 0
        public var attendance = 0
        public var costs = 0
        public var printRuns = 0
        public var surveys = 0
        public var signups = 0
        public var evidence = 0
        public var total: Int { events + attendance + costs + printRuns + surveys + signups + evidence }
    }

    /// Voids an event, its sub-activities and everything attached to them; nothing is deleted.
    public func voidEvent(_ id: Int64, reason: String) throws -> VoidSummary {
        let why = try Parse.text(reason, field: "--reason")
        return try database.write { db in
            _ = try event(db, id, field: "event")
            let ids = try Int64.fetchAll(db, sql: """
                WITH RECURSIVE tree(id) AS (SELECT ? UNION ALL SELECT e.id FROM event e JOIN tree ON e.parent_id = tree.id)
                SELECT tree.id FROM tree JOIN event ON event.id = tree.id WHERE event.voided_at IS NULL
                """, arguments: [id])
            var summary = VoidSummary()
            let at = context.timestamp
            func void(_ table: String, where clause: String) throws -> Int {
                let rows = try Int64.fetchAll(db, sql: "SELECT id FROM \(table) WHERE voided_at IS NULL AND \(clause)")
                for rid in rows {
                    let before = try Audit.snapshot(db, table: table, id: rid)
                    try db.execute(sql: "UPDATE \(table) SET voided_at = ?, void_reason = ? WHERE id = ?",
                                   arguments: [at, why, rid])
                    try audit(db, table, rid, before: before, after: try Audit.snapshot(db, table: table, id: rid))
                }
                return rows.count
            }
            let list = ids.map(String.init).joined(separator: ",")
            summary.attendance = try void("attendance", where: "event_id IN (\(list))")
            summary.costs = try void("cost", where: "event_id IN (\(list))")
            summary.printRuns = try void("print_run", where: "event_id IN (\(list))")
            summary.surveys = try void("survey", where: "event_id IN (\(list))")
            summary.signups = try void("signup", where: "event_id IN (\(list))")
            summary.evidence = try void("evidence", where: "event_id IN (\(list))")
            summary.events = try void("event", where: "id IN (\(list))")
            return summary
        }
    }

    // MARK: Attendance, surveys, sign-ups

    public func addAttendance(_ a: NewAttendance) throws -> Int64 {
        try database.write { db in
            let e = try event(db, a.event)
            return try insert(db, "attendance", [
                "event_id": a.event, "date": (a.date ?? e.start).description, "count": a.count,
                "channel": a.channel.rawValue, "method": a.method.rawValue, "note": a.note, "created_at": context.timestamp,
            ])
        }
    }

    public func addSurvey(_ s: NewSurvey) throws -> Int64 {
        try s.validate()
        return try database.write { db in
            let e = try event(db, s.event)
            return try insert(db, "survey", [
                "event_id": s.event, "date": (s.date ?? e.end).description, "responses": s.responses,
                "satisfied": s.satisfied, "created_at": context.timestamp,
            ])
        }
    }

    // MARK: Money

    public struct CostResult: Sendable {
        public var id: Int64
        public var line: SpendingLine
        public var planYear: Int
    }

    public func addCost(_ c: NewCost) throws -> CostResult {
        try c.validate()
        return try database.write { db in try addCost(db, c) }
    }

    /// Where money is charged: the day (given, else the event's first day, else today) and the plan
    /// of the event's unit (or the named or only unit) whose period holds that day.
    func chargeTarget(_ db: Database, event eventID: Int64?, date: CalendarDate?, unit: String?, eventField: String = "--event")
        throws -> (day: CalendarDate, plan: StoredPlan)
    {
        var date = date
        var unitID: Int64?
        if let eventID {
            let e = try event(db, eventID, field: eventField)
            date = date ?? e.start
            unitID = e.unitID
        }
        let day = date ?? CalendarDate.today(context.now())
        if unitID == nil, let unit { unitID = try resolveUnit(db, name: unit, date: day) }
        return (day, try planCovering(db, date: day, unitID: unitID))
    }

    /// The plan's line named by id or name, or an error listing the lines.
    func line(_ name: String, of stored: StoredPlan, field: String) throws -> SpendingLine {
        guard let line = stored.plan.line(named: name) else {
            let choices = stored.plan.lines.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
            throw KepuError("\(field) \(quoted(name)) is not a line of the \(stored.plan.year) plan of \(stored.plan.unit): use \(choices)")
        }
        return line
    }

    func addCost(_ db: Database, _ c: NewCost, importID: Int64? = nil, field: (line: String, event: String) = ("--line", "--event"))
        throws -> CostResult
    {
        let (day, stored) = try chargeTarget(db, event: c.event, date: c.date, unit: c.unit, eventField: field.event)
        let line = try line(c.line, of: stored, field: field.line)
        let id = try insert(db, "cost", [
            "unit_id": stored.unitID, "line": line.id, "event_id": c.event, "item": c.item, "amount_fen": c.amount.fen,
            "date": day.description, "invoice": c.invoice, "payee": c.payee, "import_id": importID,
            "created_at": context.timestamp,
        ])
        return CostResult(id: id, line: line, planYear: stored.plan.year)
    }

    public func addPrintRun(_ p: NewPrintRun) throws -> CostResult {
        try p.validate()
        return try database.write { db in
            let (day, stored) = try chargeTarget(db, event: p.event, date: p.date, unit: p.unit)
            guard let line = stored.plan.printingLine else {
                throw KepuError("the \(stored.plan.year) plan has no printing line (a line with planned runs) to charge print runs to")
            }
            let id = try insert(db, "print_run", [
                "unit_id": stored.unitID, "line": line.id, "title": p.title, "ink": p.ink.rawValue, "copies": p.copies,
                "unit_price_fen": p.unitPrice.fen, "event_id": p.event, "date": day.description,
                "created_at": context.timestamp,
            ])
            return CostResult(id: id, line: line, planYear: stored.plan.year)
        }
    }

    // MARK: Volunteers

    public struct VolunteerResult: Sendable {
        public var id: Int64
        /// Set when the organization was created by this write.
        public var newOrganization: String?
    }

    public func addVolunteer(_ v: NewVolunteer) throws -> VolunteerResult {
        try database.write { db in try addVolunteer(db, v) }
    }

    func addVolunteer(_ db: Database, _ v: NewVolunteer, importID: Int64? = nil) throws -> VolunteerResult {
        if let phone = v.phone,
           let other = try Row.fetchOne(db, sql: "SELECT id, name FROM volunteer WHERE phone = ? AND voided_at IS NULL",
                                        arguments: [phone]) {
            throw KepuError("--phone \(maskPhone(phone)): volunteer \(other["id"] as Int64) (\(other["name"] as String)) already has this phone")
        }
        var orgID: Int64?
        var created: String?
        if let org = v.org {
            orgID = try Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE name = ?", arguments: [org])
            if orgID == nil {
                orgID = try insert(db, "organization", ["name": org, "created_at": context.timestamp])
                created = org
            }
        }
        let id = try insert(db, "volunteer", [
            "name": v.name, "phone": v.phone, "org_id": orgID, "platform_no": v.platformNo, "created_at": context.timestamp,
        ])
        return VolunteerResult(id: id, newOrganization: created)
    }

    public func addSignup(_ s: NewSignup) throws -> Int64 {
        try database.write { db in try addSignup(db, s) }
    }

    func addSignup(_ db: Database, _ s: NewSignup, importID: Int64? = nil) throws -> Int64 {
        guard let v = try Row.fetchOne(db, sql: "SELECT name, voided_at FROM volunteer WHERE id = ?", arguments: [s.volunteer])
        else { throw KepuError("--volunteer \(s.volunteer): volunteer \(s.volunteer) does not exist (see kepu volunteer list)") }
        if (v["voided_at"] as String?) != nil {
            throw KepuError("--volunteer \(s.volunteer): volunteer \(s.volunteer) (\(v["name"] as String)) was voided")
        }
        let e = try event(db, s.event)
        let date = s.date ?? e.start
        if let dup = try Int64.fetchOne(db, sql: """
            SELECT id FROM signup WHERE volunteer_id = ? AND event_id = ? AND date = ? AND voided_at IS NULL
            """, arguments: [s.volunteer, s.event, date.description]) {
            throw KepuError("volunteer \(s.volunteer) (\(v["name"] as String)) is already signed up for event \(s.event) on \(date) (sign-up \(dup))")
        }
        return try insert(db, "signup", [
            "volunteer_id": s.volunteer, "event_id": s.event, "date": date.description, "hours_centi": s.hoursCenti,
            "role": s.role, "import_id": importID, "created_at": context.timestamp,
        ])
    }

    // MARK: Measurements and baselines

    public func addMeasurement(_ m: NewMeasurement) throws -> Int64 {
        try m.validate()
        return try database.write { db in
            let unitID = try resolveUnit(db, name: m.unit, date: m.date)
            return try insert(db, "measurement", [
                "unit_id": unitID, "metric": m.metric, "value_e4": m.value.raw, "date": m.date.description,
                "source": m.source, "created_at": context.timestamp,
            ])
        }
    }

    /// Sets a previous year's figures where the database has no data for that year; returns the row id.
    public func setBaseline(_ b: BaselineInput) throws -> Int64 {
        try b.validate()
        return try database.write { db in
            let unitID = try resolveUnit(db, name: b.unit, date: CalendarDate(year: b.year, month: 12, day: 31)!)
            if let id = try Int64.fetchOne(db, sql: "SELECT id FROM baseline WHERE unit_id = ? AND year = ?",
                                           arguments: [unitID, b.year]) {
                let before = try Audit.snapshot(db, table: "baseline", id: id)
                try db.execute(sql: """
                    UPDATE baseline SET volunteers = coalesce(?, volunteers), orgs = coalesce(?, orgs), updated_at = ? WHERE id = ?
                    """, arguments: [b.volunteers, b.orgs, context.timestamp, id])
                try audit(db, "baseline", id, before: before, after: try Audit.snapshot(db, table: "baseline", id: id))
                return id
            }
            return try insert(db, "baseline", [
                "unit_id": unitID, "year": b.year, "volunteers": b.volunteers, "orgs": b.orgs,
                "updated_at": context.timestamp,
            ])
        }
    }
}
