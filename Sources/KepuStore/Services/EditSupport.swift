import GRDB
import KepuCore

/// A record a correction can change: its kind, and its fields as typed values, names resolved (an
/// event's title, a spending line's plan name), in the order `RecordKind.fields` lists them.
protocol EditableRecord: VoidableRecord, Hashable {
    static var kind: RecordKind { get }
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue]
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

    /// The one way every kind is corrected: the live record, the kind's own merge and checks (`apply`, the
    /// same as its `add`), the fields that changed as typed values, a refusal when nothing did, and the
    /// update with its audit row, in one transaction.
    func edit<R: EditableRecord>(
        _ type: R.Type, _ id: Int64, _ apply: (Database, inout R) throws -> Void
    ) throws -> EditOutcome {
        try database.write { db in
            var r = try editable(db, R.self, R.kind, id)
            let original = r
            let before = try r.fields(db, self)
            try apply(db, &r)
            guard r != original else { throw KepuError(.nothingChanged(kind: R.kind, id: id)) }
            let after = try r.fields(db, self)
            let changes = R.kind.fields.compactMap { f -> FieldChange? in
                guard let b = before[f], let a = after[f], a != b else { return nil }
                return FieldChange(field: f, before: b, after: a)
            }
            try update(db, r)
            return EditOutcome(id: id, label: try corrections.state(db, R.kind, id).0, changes: changes)
        }
    }

    /// An event's number and title.
    func eventValue(_ db: Database, _ id: Int64?) throws -> FieldValue {
        .event(id, title: try id.flatMap { try EventRecord.fetchOne(db, key: $0)?.title })
    }
}

extension EventRecord: EditableRecord {
    static let kind = RecordKind.event
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .title: .text(title), .kind: .eventKind(EventKind(rawValue: kind) ?? .other),
            .form: .eventForm(EventForm(rawValue: form) ?? .other), .major: .flag(major), .start: .date(startDate),
            .end: .date(endDate), .venue: .text(venue),
        ]
    }
}

extension AttendanceRecord: EditableRecord {
    static let kind = RecordKind.attendance
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .event: try ledger.eventValue(db, eventId), .count: .count(count),
            .channel: .channel(Channel(rawValue: channel) ?? .onsite),
            .method: .method(CountMethod(rawValue: method) ?? .headcount), .date: .date(date), .note: .text(note),
        ]
    }
}

extension CostRecord: EditableRecord {
    static let kind = RecordKind.cost
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .line: .line(line, name: try ledger.corrections.lineName(db, self)), .amount: .money(Money(fen: amountFen)),
            .event: try ledger.eventValue(db, eventId), .item: .text(item), .invoice: .text(invoice),
            .date: .date(date), .payee: .text(payee),
        ]
    }
}

extension PrintRunRecord: EditableRecord {
    static let kind = RecordKind.printRun
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .title: .text(title), .ink: .ink(Ink(rawValue: ink) ?? .color), .copies: .count(copies),
            .unitPrice: .money(Money(fen: unitPriceFen)), .event: try ledger.eventValue(db, eventId),
            .date: .date(date),
        ]
    }
}

extension SurveyRecord: EditableRecord {
    static let kind = RecordKind.survey
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .event: try ledger.eventValue(db, eventId), .responses: .count(responses), .satisfied: .count(satisfied),
            .date: .date(date),
        ]
    }
}

extension MeasurementRecord: EditableRecord {
    static let kind = RecordKind.measurement
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        let plan = try? ledger.plans.covering(db, date: date, unitID: unitId)
        let name = plan?.plan.allIndicators.first { $0.metric == .measurement(metric) }?.name
        return [
            .metric: .metric(metric, name: name), .value: .figure(Fixed(raw: valueE4)), .date: .date(date),
            .source: .text(source),
        ]
    }
}

extension VolunteerRecord: EditableRecord {
    static let kind = RecordKind.volunteer
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [
            .name: .text(name), .phone: .phone(phone.map(maskPhone)),
            .org: .text(try orgId.flatMap { try OrganizationRecord.fetchOne(db, key: $0)?.name }),
            .platform: .text(platformNo),
        ]
    }
}

extension SignupRecord: EditableRecord {
    static let kind = RecordKind.signup
    func fields(_ db: Database, _ ledger: Ledger) throws -> [RecordField: FieldValue] {
        [.hours: .hours(hoursCenti), .date: .date(date), .role: .text(role)]
    }
}

extension EventService {
    public func edit(_ id: Int64, _ p: EventPatch) throws -> EditOutcome {
        try ledger.edit(EventRecord.self, id) { _, r in
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
        }
    }
}

extension AttendanceService {
    public func edit(_ id: Int64, _ p: AttendancePatch) throws -> EditOutcome {
        try ledger.edit(AttendanceRecord.self, id) { db, r in
            if let e = p.event { _ = try ledger.events.live(db, e) }
            r.eventId = p.event ?? r.eventId
            r.count = p.count ?? r.count
            r.channel = p.channel?.rawValue ?? r.channel
            r.method = p.method?.rawValue ?? r.method
            r.date = p.date ?? r.date
            r.note = p.note ?? r.note
        }
    }
}

extension MoneyService {
    public func editCost(_ id: Int64, _ p: CostPatch) throws -> EditOutcome {
        try ledger.edit(CostRecord.self, id) { db, r in
            let input = NewCost(
                line: p.line ?? r.line, amount: p.amount ?? Money(fen: r.amountFen), event: p.event ?? r.eventId,
                item: p.item ?? r.item, invoice: p.invoice ?? r.invoice, date: p.date ?? r.date,
                payee: p.payee ?? r.payee)
            try input.validate()
            // The same checks as `cost add`: a live event, a plan covering the day, a line of that plan.
            let (day, stored) = try chargeTarget(db, event: input.event, date: input.date, unit: nil)
            let line = try line(input.line, of: stored, field: .line)
            r.line = line.id
            r.unitId = stored.unitID
            r.amountFen = input.amount.fen
            r.eventId = input.event
            r.item = input.item
            r.invoice = input.invoice
            r.date = day
            r.payee = input.payee
        }
    }

    public func editPrintRun(_ id: Int64, _ p: PrintRunPatch) throws -> EditOutcome {
        try ledger.edit(PrintRunRecord.self, id) { db, r in
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
        }
    }
}

extension SurveyService {
    public func edit(_ id: Int64, _ p: SurveyPatch) throws -> EditOutcome {
        try ledger.edit(SurveyRecord.self, id) { db, r in
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
        }
    }

    public func editMeasurement(_ id: Int64, _ p: MeasurementPatch) throws -> EditOutcome {
        try ledger.edit(MeasurementRecord.self, id) { db, r in
            let input = NewMeasurement(
                metric: p.metric ?? r.metric, value: p.value ?? Fixed(raw: r.valueE4), date: p.date ?? r.date,
                source: p.source ?? r.source)
            try input.validate()
            if p.metric != nil { try checkMetric(db, input.metric, unitID: r.unitId, date: input.date) }
            r.metric = input.metric
            r.valueE4 = input.value.raw
            r.date = input.date
            r.source = input.source
        }
    }
}

extension VolunteerService {
    public func edit(_ id: Int64, _ p: VolunteerPatch) throws -> EditOutcome {
        try ledger.edit(VolunteerRecord.self, id) { db, r in
            if let phone = p.phone, phone != r.phone, let other = try withPhone(db, phone), other.id != id {
                throw KepuError(
                    .phoneTaken(
                        field: .phone, maskedPhone: maskPhone(phone), volunteer: other.id ?? 0,
                        name: other.name))
            }
            r.name = p.name ?? r.name
            r.phone = p.phone ?? r.phone
            r.platformNo = p.platformNo ?? r.platformNo
            if let org = p.org { r.orgId = try organization(db, org).id }
        }
    }

    public func editSignup(_ id: Int64, _ p: SignupPatch) throws -> EditOutcome {
        try ledger.edit(SignupRecord.self, id) { db, r in
            let before = r
            r.hoursCenti = p.hoursCenti ?? r.hoursCenti
            r.date = p.date ?? r.date
            r.role = p.role ?? r.role
            if r.date != before.date,
                let dup = try SignupRecord.all().filter(volunteer: r.volunteerId, event: r.eventId, date: r.date)
                    .live().fetchOne(db)
            {
                let name = try VolunteerRecord.fetchOne(db, key: r.volunteerId)?.name ?? ""
                throw KepuError(.alreadySignedUp(name: name, event: r.eventId, date: r.date, signup: dup.id))
            }
        }
    }
}

extension CorrectionService {
    /// A correction of any kind from typed field values (the web's record page): each kind's own `edit`
    /// with the fields given; a field left out stays as it is.
    public func edit(_ kind: RecordKind, _ id: Int64, _ values: [RecordField: FieldValue]) throws -> EditOutcome {
        func text(_ f: RecordField) -> String? { if case .text(let s)? = values[f] { s } else { nil } }
        func count(_ f: RecordField) -> Int64? { if case .count(let n)? = values[f] { n } else { nil } }
        func money(_ f: RecordField) -> Money? { if case .money(let m)? = values[f] { m } else { nil } }
        func date(_ f: RecordField = .date) -> CalendarDate? { if case .date(let d)? = values[f] { d } else { nil } }
        var event: Int64? { if case .event(let id, _)? = values[.event] { id } else { nil } }
        switch kind {
        case .event:
            var kind: EventKind? { if case .eventKind(let k)? = values[.kind] { k } else { nil } }
            var form: EventForm? { if case .eventForm(let f)? = values[.form] { f } else { nil } }
            var major: Bool? { if case .flag(let b)? = values[.major] { b } else { nil } }
            return try ledger.events.edit(
                id,
                EventPatch(
                    title: text(.title), kind: kind, form: form, major: major, start: date(.start), end: date(.end),
                    venue: text(.venue)))
        case .attendance:
            var channel: Channel? { if case .channel(let c)? = values[.channel] { c } else { nil } }
            var method: CountMethod? { if case .method(let m)? = values[.method] { m } else { nil } }
            return try ledger.attendance.edit(
                id,
                AttendancePatch(
                    event: event, count: count(.count), channel: channel, method: method, date: date(),
                    note: text(.note)))
        case .cost:
            var line: String? { if case .line(let l, _)? = values[.line] { l } else { nil } }
            return try ledger.money.editCost(
                id,
                CostPatch(
                    line: line, amount: money(.amount), event: event, item: text(.item), invoice: text(.invoice),
                    date: date(), payee: text(.payee)))
        case .printRun:
            var ink: Ink? { if case .ink(let i)? = values[.ink] { i } else { nil } }
            return try ledger.money.editPrintRun(
                id,
                PrintRunPatch(
                    title: text(.title), ink: ink, copies: count(.copies), unitPrice: money(.unitPrice), event: event,
                    date: date()))
        case .survey:
            return try ledger.surveys.edit(
                id,
                SurveyPatch(event: event, responses: count(.responses), satisfied: count(.satisfied), date: date()))
        case .measurement:
            var metric: String? { if case .metric(let m, _)? = values[.metric] { m } else { nil } }
            var value: Fixed? { if case .figure(let f)? = values[.value] { f } else { nil } }
            return try ledger.surveys.editMeasurement(
                id, MeasurementPatch(metric: metric, value: value, date: date(), source: text(.source)))
        case .volunteer:
            var phone: String? { if case .phone(let p)? = values[.phone] { p } else { nil } }
            return try ledger.volunteers.edit(
                id, VolunteerPatch(name: text(.name), phone: phone, org: text(.org), platformNo: text(.platform)))
        case .signup:
            var hours: Int64? { if case .hours(let h)? = values[.hours] { h } else { nil } }
            return try ledger.volunteers.editSignup(
                id, SignupPatch(hoursCenti: hours, date: date(), role: text(.role)))
        default:
            throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
        }
    }

    /// The spending lines a cost can be moved to: those of the plan that covers its day.
    public func lines(_ kind: RecordKind, _ id: Int64) throws -> [SpendingLine] {
        guard kind == .cost else { return [] }
        return try ledger.database.read { db in
            guard let c = try CostRecord.fetchOne(db, key: id) else { return [] }
            return try ledger.plans.covering(db, date: c.date, unitID: c.unitId).plan.lines
        }
    }

    /// A record's fields as typed values, for a correction form to show.
    public func fields(_ kind: RecordKind, _ id: Int64) throws -> [RecordField: FieldValue] {
        try ledger.database.read { db in
            func of<R: EditableRecord>(_ t: R.Type) throws -> [RecordField: FieldValue] {
                guard let r = try R.fetchOne(db, key: id) else {
                    throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
                }
                return try r.fields(db, ledger)
            }
            switch kind {
            case .event: return try of(EventRecord.self)
            case .attendance: return try of(AttendanceRecord.self)
            case .cost: return try of(CostRecord.self)
            case .printRun: return try of(PrintRunRecord.self)
            case .survey: return try of(SurveyRecord.self)
            case .measurement: return try of(MeasurementRecord.self)
            case .volunteer: return try of(VolunteerRecord.self)
            case .signup: return try of(SignupRecord.self)
            default: throw KepuError(.noSuchRecord(field: nil, kind: kind, id: id))
            }
        }
    }
}
