import GRDB
import KepuCore

/// Collects the fields an edit changes, shown as a person reads them.
struct ChangeList {
    private(set) var changes: [FieldChange] = []

    mutating func note<T: Equatable>(_ field: String, _ before: T, _ after: T, _ show: (T) -> String) {
        if before != after { changes.append(FieldChange(field: field, before: show(before), after: show(after))) }
    }

    mutating func note(_ field: String, _ before: String?, _ after: String?) {
        note(field, before, after) { $0 ?? "—" }
    }

    /// Refuses an edit that changes nothing.
    func required(_ kind: RecordKind, _ id: Int64) throws -> [FieldChange] {
        guard !changes.isEmpty else { throw KepuError(.nothingChanged(kind: kind, id: id)) }
        return changes
    }
}

/// What an edit changed.
public struct EditOutcome: Sendable, Hashable {
    public var id: Int64
    public var label: RecordLabel
    public var changes: [FieldChange]
}

extension Ledger {
    /// A live record of a kind to edit, or the refusal.
    func editable<R: VoidableRecord>(_ db: Database, _ type: R.Type, _ kind: RecordKind, _ id: Int64) throws -> R {
        guard let r = try R.fetchOne(db, key: id) else {
            throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
        }
        if let voided = r.voidedAt {
            let (label, _, _) = try corrections.state(db, kind, id)
            throw KepuError(
                .recordVoided(field: nil, kind: kind, id: id, title: Catalogue.labelDetail(label), on: voided))
        }
        return r
    }

    func edited(_ db: Database, _ kind: RecordKind, _ id: Int64, _ changes: [FieldChange]) throws -> EditOutcome {
        EditOutcome(id: id, label: try corrections.state(db, kind, id).0, changes: changes)
    }
}

extension EventService {
    public func edit(_ id: Int64, _ p: EventPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, EventRecord.self, .event, id)
            let before = r
            let input = NewEvent(
                title: p.title ?? r.title, kind: p.kind ?? EventKind(rawValue: r.kind) ?? .other,
                major: p.major ?? r.major,
                start: p.start ?? r.startDate, end: p.end ?? (p.start.map { max($0, r.endDate) } ?? r.endDate),
                venue: p.venue ?? r.venue, parent: r.parentId)
            try input.validate()
            r.title = input.title
            r.kind = input.kind.rawValue
            r.form = p.form?.rawValue ?? r.form
            r.major = input.major ?? r.major
            r.startDate = input.start
            r.endDate = input.end ?? input.start
            r.venue = input.venue
            var c = ChangeList()
            c.note("--title", before.title, r.title)
            c.note("--kind", before.kind, r.kind) { EventKind(rawValue: $0)?.chinese ?? $0 }
            c.note("--form", before.form, r.form) { EventForm(rawValue: $0)?.chinese ?? $0 }
            c.note("--major", before.major, r.major) { $0 ? "✓" : "✗" }
            c.note("--start", before.startDate, r.startDate) { $0.description }
            c.note("--end", before.endDate, r.endDate) { $0.description }
            c.note("--venue", before.venue, r.venue)
            let changes = try c.required(.event, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .event, id, changes)
        }
    }
}

extension AttendanceService {
    public func edit(_ id: Int64, _ p: AttendancePatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, AttendanceRecord.self, .attendance, id)
            let before = r
            if let e = p.event { _ = try ledger.events.live(db, e) }
            r.eventId = p.event ?? r.eventId
            r.count = p.count ?? r.count
            r.channel = p.channel?.rawValue ?? r.channel
            r.method = p.method?.rawValue ?? r.method
            r.date = p.date ?? r.date
            r.note = p.note ?? r.note
            var c = ChangeList()
            c.note("--event", before.eventId, r.eventId) { String($0) }
            c.note("--count", before.count, r.count) { "\($0)人次" }
            c.note("--channel", before.channel, r.channel) { Channel(rawValue: $0)?.chinese ?? $0 }
            c.note("--method", before.method, r.method) { CountMethod(rawValue: $0)?.chinese ?? $0 }
            c.note("--date", before.date, r.date) { $0.description }
            c.note("--note", before.note, r.note)
            let changes = try c.required(.attendance, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .attendance, id, changes)
        }
    }
}

extension MoneyService {
    public func editCost(_ id: Int64, _ p: CostPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, CostRecord.self, .cost, id)
            let before = r
            let input = NewCost(
                line: p.line ?? r.line, amount: p.amount ?? Money(fen: r.amountFen), event: p.event ?? r.eventId,
                item: p.item ?? r.item, invoice: p.invoice ?? r.invoice, date: p.date ?? r.date,
                payee: p.payee ?? r.payee)
            try input.validate()
            // The same checks as `cost add`: a live event, a plan covering the day, a line of that plan.
            let (day, stored) = try chargeTarget(db, event: input.event, date: input.date, unit: nil)
            let line = try line(input.line, of: stored, field: "--line")
            r.line = line.id
            r.unitId = stored.unitID
            r.amountFen = input.amount.fen
            r.eventId = input.event
            r.item = input.item
            r.invoice = input.invoice
            r.date = day
            r.payee = input.payee
            var c = ChangeList()
            c.note("--line", before.line, r.line) { $0 }
            c.note("--amount", before.amountFen, r.amountFen) { Money(fen: $0).description }
            c.note("--event", before.eventId.map(String.init), r.eventId.map(String.init))
            c.note("--item", before.item, r.item)
            c.note("--invoice", before.invoice, r.invoice)
            c.note("--date", before.date, r.date) { $0.description }
            c.note("--payee", before.payee, r.payee)
            let changes = try c.required(.cost, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .cost, id, changes)
        }
    }

    public func editPrintRun(_ id: Int64, _ p: PrintRunPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, PrintRunRecord.self, .printRun, id)
            let before = r
            let input = NewPrintRun(
                title: p.title ?? r.title, ink: p.ink ?? Ink(rawValue: r.ink) ?? .color, copies: p.copies ?? r.copies,
                unitPrice: p.unitPrice ?? Money(fen: r.unitPriceFen), event: p.event ?? r.eventId,
                date: p.date ?? r.date)
            try input.validate()
            let (day, stored) = try chargeTarget(db, event: input.event, date: input.date, unit: nil)
            guard let line = stored.plan.printingLine else { throw KepuError(.noPrintingLine(year: stored.plan.year)) }
            r.title = input.title
            r.ink = input.ink.rawValue
            r.copies = input.copies
            r.unitPriceFen = input.unitPrice.fen
            r.eventId = input.event
            r.date = day
            r.line = line.id
            r.unitId = stored.unitID
            var c = ChangeList()
            c.note("--title", before.title, r.title) { $0 }
            c.note("--ink", before.ink, r.ink) { Ink(rawValue: $0)?.chinese ?? $0 }
            c.note("--copies", before.copies, r.copies) { "\($0)份" }
            c.note("--unit-price", before.unitPriceFen, r.unitPriceFen) { Money(fen: $0).description }
            c.note("--event", before.eventId.map(String.init), r.eventId.map(String.init))
            c.note("--date", before.date, r.date) { $0.description }
            let changes = try c.required(.printRun, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .printRun, id, changes)
        }
    }
}

extension SurveyService {
    public func edit(_ id: Int64, _ p: SurveyPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, SurveyRecord.self, .survey, id)
            let before = r
            if let e = p.event { _ = try ledger.events.live(db, e) }
            let input = NewSurvey(
                event: p.event ?? r.eventId, responses: p.responses ?? r.responses,
                satisfied: p.satisfied ?? r.satisfied,
                date: p.date ?? r.date)
            try input.validate()
            r.eventId = input.event
            r.responses = input.responses
            r.satisfied = input.satisfied
            r.date = input.date ?? r.date
            var c = ChangeList()
            c.note("--event", before.eventId, r.eventId) { String($0) }
            c.note("--responses", before.responses, r.responses) { "\($0)" }
            c.note("--satisfied", before.satisfied, r.satisfied) { "\($0)" }
            c.note("--date", before.date, r.date) { $0.description }
            let changes = try c.required(.survey, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .survey, id, changes)
        }
    }

    public func editMeasurement(_ id: Int64, _ p: MeasurementPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, MeasurementRecord.self, .measurement, id)
            let before = r
            let input = NewMeasurement(
                metric: p.metric ?? r.metric, value: p.value ?? Fixed(raw: r.valueE4), date: p.date ?? r.date,
                source: p.source ?? r.source)
            try input.validate()
            if p.metric != nil { try checkMetric(db, input.metric, unitID: r.unitId, date: input.date) }
            r.metric = input.metric
            r.valueE4 = input.value.raw
            r.date = input.date
            r.source = input.source
            var c = ChangeList()
            c.note("--metric", before.metric, r.metric) { $0 }
            c.note("--value", before.valueE4, r.valueE4) { Fixed(raw: $0).description }
            c.note("--date", before.date, r.date) { $0.description }
            c.note("--source", before.source, r.source)
            let changes = try c.required(.measurement, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .measurement, id, changes)
        }
    }
}

extension VolunteerService {
    public func edit(_ id: Int64, _ p: VolunteerPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, VolunteerRecord.self, .volunteer, id)
            let before = r
            let beforeOrg = try r.orgId.flatMap { try OrganizationRecord.fetchOne(db, key: $0)?.name }
            if let phone = p.phone, phone != r.phone, let other = try withPhone(db, phone), other.id != id {
                throw KepuError(
                    .phoneTaken(
                        field: "--phone", maskedPhone: maskPhone(phone), volunteer: other.id ?? 0,
                        name: other.name))
            }
            r.name = p.name ?? r.name
            r.phone = p.phone ?? r.phone
            r.platformNo = p.platformNo ?? r.platformNo
            if let org = p.org { r.orgId = try organization(db, org).id }
            var c = ChangeList()
            c.note("--name", before.name, r.name) { $0 }
            c.note("--phone", before.phone.map(maskPhone), r.phone.map(maskPhone))
            c.note("--org", beforeOrg, p.org ?? beforeOrg)
            c.note("--platform-no", before.platformNo, r.platformNo)
            let changes = try c.required(.volunteer, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .volunteer, id, changes)
        }
    }

    public func editSignup(_ id: Int64, _ p: SignupPatch) throws -> EditOutcome {
        try ledger.database.write { db in
            var r = try ledger.editable(db, SignupRecord.self, .signup, id)
            let before = r
            r.hoursCenti = p.hoursCenti ?? r.hoursCenti
            r.date = p.date ?? r.date
            r.role = p.role ?? r.role
            if r.date != before.date,
                let dup = try SignupRecord.filter(
                    Column("volunteer_id") == r.volunteerId && Column("event_id") == r.eventId
                        && Column("date") == r.date
                        && Column("voided_at") == nil
                ).fetchOne(db)
            {
                let name = try VolunteerRecord.fetchOne(db, key: r.volunteerId)?.name ?? ""
                throw KepuError(.alreadySignedUp(name: name, event: r.eventId, date: r.date, signup: dup.id))
            }
            var c = ChangeList()
            c.note("--hours", before.hoursCenti, r.hoursCenti) { $0.map { "\(Fixed(raw: $0 * 100))小时" } ?? "—" }
            c.note("--date", before.date, r.date) { $0.description }
            c.note("--role", before.role, r.role)
            let changes = try c.required(.signup, id)
            try ledger.update(db, r)
            return try ledger.edited(db, .signup, id, changes)
        }
    }
}
