import Foundation
import Yams

/// One edition of the 全国科普统计调查 form: its rows in the survey's own words, and for each the
/// ledger figure it sums. Editions are data (`Seeds/stats/*.yaml`): next year's form is a new file.
public struct StatsEdition: Sendable, Hashable {
    public var name: String
    public var title: String
    public var rows: [Row]

    public struct Row: Sendable, Hashable {
        public var section: String
        public var item: String
        public var measure: String
        public var unit: String
        public var figure: StatsFigure
        /// Decimal places of the figure as reported (0: an integer).
        public var decimals: Int
    }

    public init(name: String, title: String, rows: [Row]) {
        self.name = name
        self.title = title
        self.rows = rows
    }

    /// Reads an edition file; a row kepu cannot sum is refused with its line.
    public static func parse(_ text: String, source: String) throws -> StatsEdition {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch let error as YamlError {
            throw KepuError(.yamlInvalid(source: source, detail: PlanFile.yamlMessage(error)))
        } catch {
            throw KepuError(.yamlInvalid(source: source, detail: "\(error)"))
        }
        guard let map = root?.mapping, let name = map["edition"]?.string, let title = map["title"]?.string,
            let rows = map["rows"]?.sequence, !rows.isEmpty
        else { throw KepuError(.notAStatsEdition(source: source)) }
        return StatsEdition(
            name: name, title: title,
            rows: try rows.map { try row($0, source: source) })
    }

    static func row(_ node: Node, source: String) throws -> Row {
        let line = node.mark?.line
        func fail(_ issue: StatsRowIssue) -> KepuError {
            KepuError(.statsRow(source: source, line: line, issue: issue))
        }
        guard let m = node.mapping else { throw fail(.missingKey("section")) }
        func text(_ key: String) throws -> String {
            guard let s = m[key]?.string?.trimmingCharacters(in: .whitespaces), !s.isEmpty else {
                throw fail(.missingKey(key))
            }
            return s
        }
        func choice<V: Vocabulary>(_ key: String, _: V.Type) throws -> V? {
            guard let s = m[key]?.string else { return nil }
            guard let v = V(rawValue: s) else {
                throw fail(.unknownValue(key: key, value: s, known: V.allCases.map(\.rawValue)))
            }
            return v
        }
        var campaigns: [EventKind]?
        if let n = m["campaign"] {
            let names = n.sequence.map { $0.compactMap(\.string) } ?? n.string.map { [$0] } ?? []
            campaigns = try names.map {
                guard let k = EventKind(rawValue: $0) else {
                    throw fail(.unknownValue(key: "campaign", value: $0, known: EventKind.allCases.map(\.rawValue)))
                }
                return k
            }
        }
        let filter = StatsFilter(form: try choice("form", EventForm.self), campaigns: campaigns)
        let channel = try choice("channel", Channel.self)
        let sum = try text("sum")
        let figure: StatsFigure
        switch sum {
        case "activities": figure = .activities(filter)
        case "participants": figure = .participants(filter, channel: channel)
        case "budget-government": figure = .budgetGovernment
        case "budget-project": figure = .budgetProject
        case "spending": figure = .spending
        case "print-copies": figure = .printCopies
        case "volunteers": figure = .volunteers
        case "volunteer-hours": figure = .volunteerHours
        case "none": figure = .none
        default: throw fail(.unknownValue(key: "sum", value: sum, known: StatsFigure.names))
        }
        var decimals = 0
        if let d = m["decimals"]?.string {
            guard let n = Int(d), (0...4).contains(n) else {
                throw fail(.unknownValue(key: "decimals", value: d, known: ["0", "1", "2", "3", "4"]))
            }
            decimals = n
        }
        return Row(
            section: try text("section"), item: try text("item"), measure: try text("measure"), unit: try text("unit"),
            figure: figure, decimals: decimals)
    }
}

/// Which activities a row counts: by form and/or by the campaign they belong to.
public struct StatsFilter: Sendable, Hashable {
    public var form: EventForm?
    public var campaigns: [EventKind]?
    public init(form: EventForm? = nil, campaigns: [EventKind]? = nil) {
        self.form = form
        self.campaigns = campaigns
    }

    func matches(_ a: StatsLedger.Activity) -> Bool {
        (form == nil || a.form == form) && (campaigns.map { $0.contains(a.campaign) } ?? true)
    }
}

/// The ledger figure a row of the form sums.
public enum StatsFigure: Sendable, Hashable {
    /// 次数: activities without sub-activities (each sub-activity is one activity).
    case activities(StatsFilter)
    /// 人次: attendance of the matching events, of one channel or both.
    case participants(StatsFilter, channel: Channel?)
    /// 政府拨款: the plan's 一般公共预算拨款 + 政府性基金拨款.
    case budgetGovernment
    /// 科普专项经费: the plan's 项目支出 (as adjusted).
    case budgetProject
    /// 科普活动支出: costs and print runs dated in the year.
    case spending
    case printCopies
    /// Distinct volunteers signed up for the year's events.
    case volunteers
    case volunteerHours
    /// A figure the ledger does not keep: reported as "-".
    case none

    public static let names = [
        "activities", "participants", "budget-government", "budget-project", "spending", "print-copies",
        "volunteers", "volunteer-hours", "none",
    ]
}

/// What a row is summed from, gathered by the store for one unit's calendar year.
public struct StatsLedger: Sendable, Hashable {
    public var year: Int
    public var unit: String
    public var budget: Plan.Budget?
    public var adjustedBudget: Money?
    public var activities: [Activity]
    public var costs: [Amount]
    public var prints: [Print]
    public var volunteers: [Volunteer]

    public init(
        year: Int, unit: String, budget: Plan.Budget? = nil, adjustedBudget: Money? = nil, activities: [Activity] = [],
        costs: [Amount] = [], prints: [Print] = [], volunteers: [Volunteer] = []
    ) {
        self.year = year
        self.unit = unit
        self.budget = budget
        self.adjustedBudget = adjustedBudget
        self.activities = activities
        self.costs = costs
        self.prints = prints
        self.volunteers = volunteers
    }

    /// An event of the year: its own attendance (not its sub-activities'), and the campaign it is part of.
    public struct Activity: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var form: EventForm
        /// The kind of its top-level event.
        public var campaign: EventKind
        public var isLeaf: Bool
        public var onsite: Int64
        public var online: Int64
        public init(
            id: Int64, title: String, form: EventForm, campaign: EventKind, isLeaf: Bool, onsite: Int64, online: Int64
        ) {
            self.id = id
            self.title = title
            self.form = form
            self.campaign = campaign
            self.isLeaf = isLeaf
            self.onsite = onsite
            self.online = online
        }
        func attendance(_ c: Channel?) -> Int64 {
            switch c {
            case .onsite: onsite
            case .online: online
            case nil: onsite + online
            }
        }
    }

    public struct Amount: Sendable, Hashable {
        public var id: Int64
        public var label: String
        public var amount: Money
        public init(id: Int64, label: String, amount: Money) {
            self.id = id
            self.label = label
            self.amount = amount
        }
    }

    public struct Print: Sendable, Hashable {
        public var id: Int64
        public var title: String
        public var copies: Int64
        public var cost: Money
        public init(id: Int64, title: String, copies: Int64, cost: Money) {
            self.id = id
            self.title = title
            self.copies = copies
            self.cost = cost
        }
    }

    public struct Volunteer: Sendable, Hashable {
        public var id: Int64
        public var name: String
        public var hoursCenti: Int64
        public init(id: Int64, name: String, hoursCenti: Int64) {
            self.id = id
            self.name = name
            self.hoursCenti = hoursCenti
        }
    }
}

/// The form filled in: each row's figure, or nil ("-") where it does not exist, and what it sums.
public struct StatsSheet: Sendable, Hashable {
    public var year: Int
    public var unit: String
    public var edition: StatsEdition
    public var rows: [Row]

    public struct Row: Sendable, Hashable {
        public var row: StatsEdition.Row
        /// The figure, rounded to the row's decimals; nil where it does not exist.
        public var value: Fixed?
        public var sources: [Source]

        /// `3`, `2.99`, or "-".
        public var text: String {
            value.map { $0.format(minPlaces: row.decimals, maxPlaces: row.decimals) } ?? "-"
        }
    }

    /// One record summed into a figure.
    public struct Source: Sendable, Hashable {
        public enum Kind: String, Sendable { case event, cost, print, volunteer, plan }
        public var kind: Kind
        public var id: Int64?
        public var label: String
        public var value: String
    }

    /// Fills the edition's rows from the ledger. Integers stay integers; 万元 and hours are rounded
    /// half up to the row's decimals.
    public static func make(edition: StatsEdition, ledger l: StatsLedger) -> StatsSheet {
        let rows = edition.rows.map { r -> Row in
            func rounded(_ f: Fixed) -> Fixed { f.rounded(places: r.decimals) }
            func wan(_ m: Money) -> Fixed { Fixed.ratio(m.fen, 1_000_000, places: r.decimals)! }
            switch r.figure {
            case .activities(let filter):
                let hits = l.activities.filter { $0.isLeaf && filter.matches($0) }
                return Row(
                    row: r, value: Fixed(Int64(hits.count)),
                    sources: hits.map { .init(kind: .event, id: $0.id, label: $0.title, value: "1") })
            case .participants(let filter, let channel):
                let hits = l.activities.filter { filter.matches($0) && $0.attendance(channel) > 0 }
                return Row(
                    row: r, value: Fixed(hits.reduce(0) { $0 + $1.attendance(channel) }),
                    sources: hits.map {
                        .init(kind: .event, id: $0.id, label: $0.title, value: "\($0.attendance(channel))")
                    })
            case .budgetGovernment:
                guard let b = l.budget, b.general != nil || b.governmentFund != nil else {
                    return Row(row: r, value: nil, sources: [])
                }
                let m = (b.general ?? .zero) + (b.governmentFund ?? .zero)
                return Row(
                    row: r, value: wan(m),
                    sources: [.init(kind: .plan, id: nil, label: "一般公共预算拨款 + 政府性基金拨款", value: m.wan + "万元")])
            case .budgetProject:
                guard let b = l.budget else { return Row(row: r, value: nil, sources: []) }
                let m = l.adjustedBudget ?? b.project
                return Row(
                    row: r, value: wan(m),
                    sources: [
                        .init(
                            kind: .plan, id: nil, label: l.adjustedBudget == nil ? "项目支出" : "项目支出（调整后）",
                            value: m.wan + "万元")
                    ])
            case .spending:
                let all =
                    l.costs.map { Source(kind: .cost, id: $0.id, label: $0.label, value: $0.amount.grouped + "元") }
                    + l.prints.map { Source(kind: .print, id: $0.id, label: $0.title, value: $0.cost.grouped + "元") }
                let m = l.costs.reduce(Money.zero) { $0 + $1.amount } + l.prints.reduce(Money.zero) { $0 + $1.cost }
                return Row(row: r, value: wan(m), sources: all)
            case .printCopies:
                return Row(
                    row: r, value: Fixed(l.prints.reduce(0) { $0 + $1.copies }),
                    sources: l.prints.map { .init(kind: .print, id: $0.id, label: $0.title, value: "\($0.copies)") })
            case .volunteers:
                return Row(
                    row: r, value: Fixed(Int64(l.volunteers.count)),
                    sources: l.volunteers.map { .init(kind: .volunteer, id: $0.id, label: $0.name, value: "1") })
            case .volunteerHours:
                let centi = l.volunteers.reduce(0) { $0 + $1.hoursCenti }
                return Row(
                    row: r, value: rounded(Fixed(raw: centi * 100)),
                    sources: l.volunteers.map {
                        .init(
                            kind: .volunteer, id: $0.id, label: $0.name,
                            value: Fixed(raw: $0.hoursCenti * 100).format(minPlaces: 0, maxPlaces: 2))
                    })
            case .none:
                return Row(row: r, value: nil, sources: [])
            }
        }
        return StatsSheet(year: l.year, unit: l.unit, edition: edition, rows: rows)
    }
}
