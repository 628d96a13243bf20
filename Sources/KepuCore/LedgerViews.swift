/// An event with its roll-up totals, for `event list` and the report's event table.
public struct EventSummary: Sendable, Hashable {
    public init(id: Int64, parent: Int64?, depth: Int, title: String, kind: EventKind, major: Bool, start: CalendarDate, end: CalendarDate, venue: String?, unit: String, voided: Bool, onsite: Int64, online: Int64, cost: Money, surveyResponses: Int64, surveySatisfied: Int64, volunteers: Int64, hoursCenti: Int64, evidence: Int64) {
        self.id = id; self.parent = parent; self.depth = depth; self.title = title; self.kind = kind; self.major = major
        self.start = start; self.end = end; self.venue = venue; self.unit = unit; self.voided = voided; self.onsite = onsite
        self.online = online; self.cost = cost; self.surveyResponses = surveyResponses; self.surveySatisfied = surveySatisfied
        self.volunteers = volunteers; self.hoursCenti = hoursCenti; self.evidence = evidence
    }

    public var id: Int64
    public var parent: Int64?
    public var depth: Int
    public var title: String
    public var kind: EventKind
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

/// One event in full, for `event show`.
public struct EventDetail: Sendable {
    public init(summary: EventSummary, voidReason: String?, attendance: RecordTable, costs: RecordTable, printRuns: RecordTable, surveys: RecordTable, signups: RecordTable, evidence: RecordTable, children: [EventSummary]) {
        self.summary = summary; self.voidReason = voidReason; self.attendance = attendance; self.costs = costs
        self.printRuns = printRuns; self.surveys = surveys; self.signups = signups; self.evidence = evidence; self.children = children
    }

    public var summary: EventSummary
    public var voidReason: String?
    public var attendance: RecordTable
    public var costs: RecordTable
    public var printRuns: RecordTable
    public var surveys: RecordTable
    public var signups: RecordTable
    public var evidence: RecordTable
    public var children: [EventSummary]
}

public struct VolunteerSummary: Sendable, Hashable {
    public init(id: Int64, name: String, phone: String?, org: String?, platformNo: String?, signups: Int64, hoursCenti: Int64) {
        self.id = id; self.name = name; self.phone = phone; self.org = org; self.platformNo = platformNo
        self.signups = signups; self.hoursCenti = hoursCenti
    }

    public var id: Int64
    public var name: String
    public var phone: String?
    public var org: String?
    public var platformNo: String?
    public var signups: Int64
    public var hoursCenti: Int64
}

/// Rows of a record listing as display text, column by column (no database types leave the store).
public struct RecordTable: Sendable, Hashable {
    public var columns: [String]
    public var rows: [[String?]]
    public init(columns: [String], rows: [[String?]]) {
        self.columns = columns
        self.rows = rows
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
    public init(id: Int64, sha256: String, fileName: String, size: Int64, kind: EvidenceKind, event: Int64?, cost: Int64?,
                addedAt: String) {
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
