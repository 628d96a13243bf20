/// What an indicator's actual is computed from (docs/metrics-and-scoring.md; a contract).
public enum Metric: Hashable, Sendable, CustomStringConvertible {
    case majorEvents
    case events
    case attendance
    case uniqueParticipants
    case spending
    case costPerParticipant
    case completionMonths
    case satisfaction
    case volunteers
    case volunteerOrgs
    case volunteerHours
    case volunteerGrowth
    case printCopies
    case measurement(String)
    case none
    /// A qualitative target, scored by hand with the 实际完成值 as the office words it.
    case manual
    /// The last day of activity in the period, against a date target.
    case completionDate

    public static let names: [String] = [
        "major-events", "events", "attendance", "unique-participants", "spending", "cost-per-participant",
        "completion-months", "satisfaction", "volunteers", "volunteer-orgs", "volunteer-hours",
        "volunteer-growth", "print-copies", "measurement:NAME", "none", "manual", "completion-date",
    ]

    public init?(name: String) {
        switch name {
        case "major-events": self = .majorEvents
        case "events": self = .events
        case "attendance": self = .attendance
        case "unique-participants": self = .uniqueParticipants
        case "spending": self = .spending
        case "cost-per-participant": self = .costPerParticipant
        case "completion-months": self = .completionMonths
        case "satisfaction": self = .satisfaction
        case "volunteers": self = .volunteers
        case "volunteer-orgs": self = .volunteerOrgs
        case "volunteer-hours": self = .volunteerHours
        case "volunteer-growth": self = .volunteerGrowth
        case "print-copies": self = .printCopies
        case "none": self = .none
        case "manual": self = .manual
        case "completion-date": self = .completionDate
        default:
            guard name.hasPrefix("measurement:") else { return nil }
            let m = String(name.dropFirst("measurement:".count))
            guard !m.isEmpty else { return nil }
            self = .measurement(m)
        }
    }

    public var description: String {
        switch self {
        case .manual: "manual"
        case .completionDate: "completion-date"
        case .majorEvents: "major-events"
        case .events: "events"
        case .attendance: "attendance"
        case .uniqueParticipants: "unique-participants"
        case .spending: "spending"
        case .costPerParticipant: "cost-per-participant"
        case .completionMonths: "completion-months"
        case .satisfaction: "satisfaction"
        case .volunteers: "volunteers"
        case .volunteerOrgs: "volunteer-orgs"
        case .volunteerHours: "volunteer-hours"
        case .volunteerGrowth: "volunteer-growth"
        case .printCopies: "print-copies"
        case .measurement(let m): "measurement:\(m)"
        case .none: "none"
        }
    }

    /// Units a target of this metric may be written in; nil when any unit will do.
    public var acceptedUnits: [String]? {
        switch self {
        case .majorEvents, .events: ["次", "场", "个", "项", "期"]
        case .attendance, .uniqueParticipants: ["人次", "人", "名"]
        case .spending: ["元"]
        case .costPerParticipant: ["元/人次"]
        case .completionMonths: ["个月"]
        case .satisfaction: ["%"]
        case .volunteers: ["人", "名", "人次"]
        case .volunteerOrgs: ["个", "支", "家"]
        case .volunteerHours: ["小时"]
        case .printCopies: ["份", "册", "本"]
        case .measurement, .volunteerGrowth, .none, .manual, .completionDate: nil
        }
    }

    /// Accumulates over the year, so that a prorated expectation makes sense mid-year.
    public var isCumulative: Bool {
        switch self {
        case .majorEvents, .events, .attendance, .uniqueParticipants, .spending, .volunteers, .volunteerOrgs,
            .volunteerHours, .printCopies:
            true
        default: false
        }
    }
}
