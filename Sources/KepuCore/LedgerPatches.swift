/// The fields an `edit` command changes: nil leaves a field as it is. The store merges a patch with the
/// record, runs the same checks as `add`, and refuses a patch that changes nothing.
public struct EventPatch: Sendable, Hashable {
    public var title: String?
    public var kind: EventKind?
    public var form: EventForm?
    public var major: Bool?
    public var start: CalendarDate?
    public var end: CalendarDate?
    public var venue: String?
    public init(
        title: String? = nil, kind: EventKind? = nil, form: EventForm? = nil, major: Bool? = nil,
        start: CalendarDate? = nil, end: CalendarDate? = nil, venue: String? = nil
    ) {
        self.form = form
        self.title = title
        self.kind = kind
        self.major = major
        self.start = start
        self.end = end
        self.venue = venue
    }
}

public struct AttendancePatch: Sendable, Hashable {
    public var event: Int64?
    public var count: Int64?
    public var channel: Channel?
    public var method: CountMethod?
    public var date: CalendarDate?
    public var note: String?
    public init(
        event: Int64? = nil, count: Int64? = nil, channel: Channel? = nil, method: CountMethod? = nil,
        date: CalendarDate? = nil, note: String? = nil
    ) {
        self.event = event
        self.count = count
        self.channel = channel
        self.method = method
        self.date = date
        self.note = note
    }
}

public struct CostPatch: Sendable, Hashable {
    public var line: String?
    public var amount: Money?
    public var event: Int64?
    public var item: String?
    public var invoice: String?
    public var date: CalendarDate?
    public var payee: String?
    public init(
        line: String? = nil, amount: Money? = nil, event: Int64? = nil, item: String? = nil,
        invoice: String? = nil, date: CalendarDate? = nil, payee: String? = nil
    ) {
        self.line = line
        self.amount = amount
        self.event = event
        self.item = item
        self.invoice = invoice
        self.date = date
        self.payee = payee
    }
}

public struct PrintRunPatch: Sendable, Hashable {
    public var title: String?
    public var ink: Ink?
    public var copies: Int64?
    public var unitPrice: Money?
    public var event: Int64?
    public var date: CalendarDate?
    public init(
        title: String? = nil, ink: Ink? = nil, copies: Int64? = nil, unitPrice: Money? = nil,
        event: Int64? = nil, date: CalendarDate? = nil
    ) {
        self.title = title
        self.ink = ink
        self.copies = copies
        self.unitPrice = unitPrice
        self.event = event
        self.date = date
    }
}

public struct SurveyPatch: Sendable, Hashable {
    public var event: Int64?
    public var responses: Int64?
    public var satisfied: Int64?
    public var date: CalendarDate?
    public init(event: Int64? = nil, responses: Int64? = nil, satisfied: Int64? = nil, date: CalendarDate? = nil) {
        self.event = event
        self.responses = responses
        self.satisfied = satisfied
        self.date = date
    }
}

public struct MeasurementPatch: Sendable, Hashable {
    public var metric: String?
    public var value: Fixed?
    public var date: CalendarDate?
    public var source: String?
    public init(metric: String? = nil, value: Fixed? = nil, date: CalendarDate? = nil, source: String? = nil) {
        self.metric = metric
        self.value = value
        self.date = date
        self.source = source
    }
}

public struct VolunteerPatch: Sendable, Hashable {
    public var name: String?
    public var phone: String?
    public var org: String?
    public var platformNo: String?
    public init(name: String? = nil, phone: String? = nil, org: String? = nil, platformNo: String? = nil) {
        self.name = name
        self.phone = phone
        self.org = org
        self.platformNo = platformNo
    }
}

public struct SignupPatch: Sendable, Hashable {
    public var hoursCenti: Int64?
    public var date: CalendarDate?
    public var role: String?
    public init(hoursCenti: Int64? = nil, date: CalendarDate? = nil, role: String? = nil) {
        self.hoursCenti = hoursCenti
        self.date = date
        self.role = role
    }
}

/// A record named in a confirmation: `费用 12（活动委托费 2,500.00元）`.
public enum RecordLabel: Sendable, Hashable {
    case event(title: String)
    case attendance(count: Int64, channel: Channel, event: Int64)
    case cost(line: String, amount: Money)
    case printRun(title: String, copies: Int64)
    case survey(responses: Int64, satisfied: Int64, event: Int64)
    case measurement(metric: String, value: Fixed)
    case volunteer(name: String)
    case signup(name: String, event: Int64)
    case evidence(file: String)

    public var kind: RecordKind {
        switch self {
        case .event: .event
        case .attendance: .attendance
        case .cost: .cost
        case .printRun: .printRun
        case .survey: .survey
        case .measurement: .measurement
        case .volunteer: .volunteer
        case .signup: .signup
        case .evidence: .evidence
        }
    }
}
