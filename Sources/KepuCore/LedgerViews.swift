/// An event with its roll-up totals, for `event list` and the report's event table.
public struct EventSummary: Sendable, Hashable {
    public init(
        id: Int64, parent: Int64?, depth: Int, title: String, kind: EventKind, major: Bool, start: CalendarDate,
        end: CalendarDate, venue: String?, unit: String, voided: Bool, onsite: Int64, online: Int64, cost: Money,
        surveyResponses: Int64, surveySatisfied: Int64, volunteers: Int64, hoursCenti: Int64, evidence: Int64
    ) {
        self.id = id
        self.parent = parent
        self.depth = depth
        self.title = title
        self.kind = kind
        self.major = major
        self.start = start
        self.end = end
        self.venue = venue
        self.unit = unit
        self.voided = voided
        self.onsite = onsite
        self.online = online
        self.cost = cost
        self.surveyResponses = surveyResponses
        self.surveySatisfied = surveySatisfied
        self.volunteers = volunteers
        self.hoursCenti = hoursCenti
        self.evidence = evidence
    }

    public var id: Int64
    public var parent: Int64?
    public var depth: Int
    public var title: String
    public var kind: EventKind
    /// The activity's form (讲座, 展览 …), for the statistics return.
    public var form: EventForm = .other
    public var major: Bool
    public var start: CalendarDate
    public var end: CalendarDate
    public var venue: String?
    public var unit: String
    public var voided: Bool
    /// Totals of the event itself (sub-activities are their own rows).
    public var onsite: Int64
    public var online: Int64
    public var cost: Money
    public var surveyResponses: Int64
    public var surveySatisfied: Int64
    public var volunteers: Int64
    public var hoursCenti: Int64
    public var evidence: Int64
}

/// One event in full, for `event show`: everything recorded against it, voided records included.
public struct EventDetail: Sendable {
    public init(
        summary: EventSummary, voidReason: String?, attendance: [AttendanceItem], costs: [CostItem],
        printRuns: [PrintRunItem], surveys: [SurveyItem], signups: [SignupItem], evidence: [EvidenceItem],
        children: [EventSummary]
    ) {
        self.summary = summary
        self.voidReason = voidReason
        self.attendance = attendance
        self.costs = costs
        self.printRuns = printRuns
        self.surveys = surveys
        self.signups = signups
        self.evidence = evidence
        self.children = children
    }

    public var summary: EventSummary
    public var voidReason: String?
    public var attendance: [AttendanceItem]
    public var costs: [CostItem]
    public var printRuns: [PrintRunItem]
    public var surveys: [SurveyItem]
    public var signups: [SignupItem]
    public var evidence: [EvidenceItem]
    public var children: [EventSummary]
}

/// Whether a record is voided, and why.
public struct VoidState: Sendable, Hashable {
    public var at: String
    public var reason: String
    public init(at: String, reason: String) {
        self.at = at
        self.reason = reason
    }
}

/// An attendance entry as listed.
public struct AttendanceItem: Sendable, Hashable {
    public var id: Int64
    public var event: Int64
    public var date: CalendarDate
    public var count: Int64
    public var channel: Channel
    public var method: CountMethod
    public var note: String?
    public var importID: Int64?
    public var voided: VoidState?
    public init(
        id: Int64, event: Int64, date: CalendarDate, count: Int64, channel: Channel, method: CountMethod,
        note: String?, importID: Int64?, voided: VoidState?
    ) {
        self.id = id
        self.event = event
        self.date = date
        self.count = count
        self.channel = channel
        self.method = method
        self.note = note
        self.importID = importID
        self.voided = voided
    }
}

/// A cost as listed.
public struct CostItem: Sendable, Hashable {
    public var id: Int64
    public var event: Int64?
    public var line: String
    public var item: String?
    public var amount: Money
    public var date: CalendarDate
    public var invoice: String?
    public var payee: String?
    public var voided: VoidState?
    public init(
        id: Int64, event: Int64?, line: String, item: String?, amount: Money, date: CalendarDate,
        invoice: String?, payee: String?, voided: VoidState?
    ) {
        self.id = id
        self.event = event
        self.line = line
        self.item = item
        self.amount = amount
        self.date = date
        self.invoice = invoice
        self.payee = payee
        self.voided = voided
    }
}

/// A print run as listed.
public struct PrintRunItem: Sendable, Hashable {
    public var id: Int64
    public var event: Int64?
    public var line: String
    public var title: String
    public var ink: Ink
    public var copies: Int64
    public var unitPrice: Money
    public var date: CalendarDate
    public var voided: VoidState?
    public var cost: Money { unitPrice * copies }
    public init(
        id: Int64, event: Int64?, line: String, title: String, ink: Ink, copies: Int64, unitPrice: Money,
        date: CalendarDate, voided: VoidState?
    ) {
        self.id = id
        self.event = event
        self.line = line
        self.title = title
        self.ink = ink
        self.copies = copies
        self.unitPrice = unitPrice
        self.date = date
        self.voided = voided
    }
}

/// A survey batch as listed.
public struct SurveyItem: Sendable, Hashable {
    public var id: Int64
    public var event: Int64
    public var date: CalendarDate
    public var responses: Int64
    public var satisfied: Int64
    public var voided: VoidState?
    public init(id: Int64, event: Int64, date: CalendarDate, responses: Int64, satisfied: Int64, voided: VoidState?) {
        self.id = id
        self.event = event
        self.date = date
        self.responses = responses
        self.satisfied = satisfied
        self.voided = voided
    }
}

/// A sign-up just written, with the names a confirmation says: who, at which event, for how long.
public struct SignupAdded: Sendable, Hashable {
    public var id: Int64
    public var volunteer: Int64
    public var volunteerName: String
    public var event: Int64
    public var eventTitle: String
    public var hoursCenti: Int64?
    public init(
        id: Int64, volunteer: Int64, volunteerName: String, event: Int64, eventTitle: String, hoursCenti: Int64?
    ) {
        self.id = id
        self.volunteer = volunteer
        self.volunteerName = volunteerName
        self.event = event
        self.eventTitle = eventTitle
        self.hoursCenti = hoursCenti
    }
}

/// A volunteer's sign-up as listed.
public struct SignupItem: Sendable, Hashable {
    public var id: Int64
    public var volunteer: Int64
    public var name: String
    public var phone: String?
    public var org: String?
    public var event: Int64
    public var date: CalendarDate
    public var hoursCenti: Int64?
    public var role: String?
    public var voided: VoidState?
    public init(
        id: Int64, volunteer: Int64, name: String, phone: String?, org: String?, event: Int64,
        date: CalendarDate, hoursCenti: Int64?, role: String?, voided: VoidState?
    ) {
        self.id = id
        self.volunteer = volunteer
        self.name = name
        self.phone = phone
        self.org = org
        self.event = event
        self.date = date
        self.hoursCenti = hoursCenti
        self.role = role
        self.voided = voided
    }
}

public struct VolunteerSummary: Sendable, Hashable {
    public init(
        id: Int64, name: String, phone: String?, org: String?, platformNo: String?, signups: Int64, hoursCenti: Int64,
        voided: VoidState? = nil
    ) {
        self.voided = voided
        self.id = id
        self.name = name
        self.phone = phone
        self.org = org
        self.platformNo = platformNo
        self.signups = signups
        self.hoursCenti = hoursCenti
    }

    public var id: Int64
    public var name: String
    public var phone: String?
    public var org: String?
    public var platformNo: String?
    public var signups: Int64
    public var hoursCenti: Int64
    public var voided: VoidState?
}

/// A measurement as listed.
public struct MeasurementItem: Sendable, Hashable {
    public var id: Int64
    public var metric: String
    public var value: Fixed
    public var date: CalendarDate
    public var source: String?
    public var voided: VoidState?
    public init(id: Int64, metric: String, value: Fixed, date: CalendarDate, source: String?, voided: VoidState?) {
        self.id = id
        self.metric = metric
        self.value = value
        self.date = date
        self.source = source
        self.voided = voided
    }
}

/// Which records a list shows.
public struct RecordFilter: Sendable, Hashable {
    /// Records dated in this range (events: starting in it).
    public var range: DateRange?
    /// Records of this event and its sub-activities.
    public var event: Int64?
    public var unit: String?
    /// Voided records too, marked as voided.
    public var includeVoided: Bool
    public init(range: DateRange? = nil, event: Int64? = nil, unit: String? = nil, includeVoided: Bool = false) {
        self.range = range
        self.event = event
        self.unit = unit
        self.includeVoided = includeVoided
    }
}

/// A stored evidence file (佐证材料).
public struct EvidenceItem: Sendable, Hashable {
    public var id: Int64
    public var sha256: String
    public var fileName: String
    public var size: Int64
    public var kind: EvidenceKind
    public var event: Int64?
    public var cost: Int64?
    public var addedAt: String
    public var voided: VoidState?
    public init(
        id: Int64, sha256: String, fileName: String, size: Int64, kind: EvidenceKind, event: Int64?, cost: Int64?,
        addedAt: String, voided: VoidState? = nil
    ) {
        self.voided = voided
        self.id = id
        self.sha256 = sha256
        self.fileName = fileName
        self.size = size
        self.kind = kind
        self.event = event
        self.cost = cost
        self.addedAt = addedAt
    }
}

/// One row of the audit trail.
public struct AuditEntry: Hashable, Sendable {
    public init(
        id: Int64, at: String, operatorName: String, command: String, entity: String, entityID: Int64?,
        before: String?, after: String?, hash: String
    ) {
        self.id = id
        self.at = at
        self.operatorName = operatorName
        self.command = command
        self.entity = entity
        self.entityID = entityID
        self.before = before
        self.after = after
        self.hash = hash
    }

    public var id: Int64
    public var at: String
    public var operatorName: String
    public var command: String
    public var entity: String
    public var entityID: Int64?
    public var before: String?
    public var after: String?
    public var hash: String

    /// What the row records.
    public enum Action: String, Sendable {
        case add, void, restore, change
    }

    /// A record added, voided, or otherwise changed.
    public var action: Action {
        guard let before else { return .add }
        let liveBefore = before.contains("\"voided_at\":null")
        let voidedAfter = after?.contains("\"voided_at\":\"") ?? false
        if liveBefore && voidedAfter { return .void }
        if before.contains("\"voided_at\":\"") && (after?.contains("\"voided_at\":null") ?? false) { return .restore }
        return .change
    }
}

/// Any one record, for `show`.
public enum RecordItem: Sendable, Hashable {
    case event(EventSummary)
    case attendance(AttendanceItem)
    case cost(CostItem)
    case printRun(PrintRunItem)
    case survey(SurveyItem)
    case measurement(MeasurementItem)
    case volunteer(VolunteerSummary)
    case signup(SignupItem)

    /// The event the record belongs to (an event: its campaign), if any.
    public var event: Int64? {
        switch self {
        case .event(let e): e.parent
        case .attendance(let a): a.event
        case .cost(let c): c.event
        case .printRun(let p): p.event
        case .survey(let s): s.event
        case .measurement, .volunteer: nil
        case .signup(let g): g.event
        }
    }
}

extension [EventSummary] {
    /// The events of `roots` and their sub-activities at any depth, in list order (a list has each
    /// parent before its sub-activities).
    public func subtrees(of roots: Set<Int64>) -> [EventSummary] {
        var keep = roots
        for e in self where e.parent.map(keep.contains) ?? false { keep.insert(e.id) }
        return filter { keep.contains($0.id) }
    }
}

/// An event as a page names it or offers it in a select: no totals.
public struct EventTitle: Sendable, Hashable {
    public var id: Int64
    public var title: String
    public var start: CalendarDate
    /// 0 for a campaign or a single event, 1 for its sub-activities, and so on.
    public var depth: Int
    public init(id: Int64, title: String, start: CalendarDate, depth: Int) {
        self.id = id
        self.title = title
        self.start = start
        self.depth = depth
    }
}
