import Foundation

/// Which page of a long list to read, and what to search it for: what a list query takes, so that
/// the store reads the rows a page shows and no more.
public struct PageRequest: Sendable, Hashable {
    /// The page asked for, from 1; past the last, the last is read.
    public var page: Int
    /// Rows (for events: campaigns with their sub-activities) a page holds.
    public var size: Int
    /// Text the rows must contain (a title, a name, an invoice number, a phone's last four digits …);
    /// nil or empty for all.
    public var search: String?

    public init(page: Int = 1, size: Int = 50, search: String? = nil) {
        self.page = page
        self.size = max(1, size)
        self.search = search
    }

    /// The search, trimmed; nil when nothing was typed.
    public var text: String? {
        let t = search?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        return t.isEmpty ? nil : t
    }

    /// The page to read among `count` matching rows: within 1…pages.
    public func clamped(count: Int) -> Int {
        min(max(1, page), Self.pages(count: count, size: size))
    }

    public static func pages(count: Int, size: Int) -> Int { max(1, (count + size - 1) / size) }
}

/// One page of a long list, as the store read it: its rows, how many match in all, and which page it is.
public struct Paged<Row: Sendable>: Sendable {
    public var rows: [Row]
    /// Rows matching the search in all (for events: campaigns and events of their own).
    public var count: Int
    public var page: Int
    public var size: Int

    /// The number of pages, when they are not `size` rows each (a list of events pages by rows, each
    /// campaign whole).
    public var pageCount: Int?

    public init(rows: [Row], count: Int, page: Int, size: Int, pageCount: Int? = nil) {
        self.rows = rows
        self.count = count
        self.page = page
        self.size = size
        self.pageCount = pageCount
    }

    public var pages: Int { pageCount ?? PageRequest.pages(count: count, size: size) }
}

/// The sums under a list of events, over every live event the search matched, not only the page's.
public struct EventTotals: Sendable, Hashable {
    /// Campaigns and events of their own that match (the list's groups).
    public var groups: Int
    /// Live major events among them (★).
    public var major: Int
    public var onsite: Int64
    public var online: Int64
    public var cost: Money
    public var hoursCenti: Int64

    public init(groups: Int, major: Int, onsite: Int64, online: Int64, cost: Money, hoursCenti: Int64) {
        self.groups = groups
        self.major = major
        self.onsite = onsite
        self.online = online
        self.cost = cost
        self.hoursCenti = hoursCenti
    }
}

extension EventTotals {
    /// The sums of a list of events, read whole: its live events', the major ones counted among its
    /// campaigns and events of their own.
    public init(of events: [EventSummary]) {
        let live = events.filter { !$0.voided }
        self.init(
            groups: events.filter { $0.depth == 0 }.count, major: live.filter { $0.major && $0.depth == 0 }.count,
            onsite: live.reduce(0) { $0 + $1.onsite }, online: live.reduce(0) { $0 + $1.online },
            cost: live.reduce(Money.zero) { $0 + $1.cost }, hoursCenti: live.reduce(0) { $0 + $1.hoursCenti })
    }
}

/// The groups a list of events holds, in list order: each campaign (or event of its own) and how many
/// rows it shows with its sub-activities. Read once per write; a page is then cut from it without
/// reading the year again.
public struct EventGroups: Sendable, Hashable {
    public var roots: [Int64]
    public var rows: [Int]

    public init(roots: [Int64], rows: [Int]) {
        self.roots = roots
        self.rows = rows
    }

    /// The pages: consecutive groups of at most `rows` rows together, a group never split (one larger
    /// than that is a page of its own). At least one page, empty when there are no groups.
    public func pages(rows limit: Int) -> [Range<Int>] {
        var pages: [Range<Int>] = []
        var start = 0
        var used = 0
        for (i, n) in rows.enumerated() {
            if used > 0 && used + n > limit {
                pages.append(start..<i)
                start = i
                used = 0
            }
            used += n
        }
        pages.append(start..<roots.count)
        return pages
    }
}

/// A page of events: each campaign (or event of its own) followed by its sub-activities, with the
/// totals of everything matched.
public struct EventListPage: Sendable {
    public var events: Paged<EventSummary>
    public var totals: EventTotals
    public init(events: Paged<EventSummary>, totals: EventTotals) {
        self.events = events
        self.totals = totals
    }
}

/// What a list of events is asked for.
public struct EventQuery: Sendable, Hashable {
    /// Events starting in this range (a campaign's sub-activities follow it wherever they fall).
    public var range: DateRange?
    public var unit: String?
    /// Only groups holding an event of this kind.
    public var kind: EventKind?
    public var includeVoided: Bool
    public var page: PageRequest

    public init(
        range: DateRange?, unit: String? = nil, kind: EventKind? = nil, includeVoided: Bool = false,
        page: PageRequest = PageRequest()
    ) {
        self.range = range
        self.unit = unit
        self.kind = kind
        self.includeVoided = includeVoided
        self.page = page
    }
}
