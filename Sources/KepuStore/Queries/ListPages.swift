import GRDB
import KepuCore

/// The long lists a page shows, read a page at a time: the search, the count and the totals are SQL,
/// and only the rows on the page are decoded. A year of 20,000 events costs a page what a year of 50 does.

/// `column LIKE '%text%'`, the text's own `%`, `_` and `\` matched as themselves. (SQLite's LIKE folds
/// ASCII case only; Chinese has none to fold.)
func contains(_ column: SQL, _ text: String) -> SQL {
    var escaped = ""
    for c in text {
        if c == "%" || c == "_" || c == "\\" { escaped.append("\\") }
        escaped.append(c)
    }
    return "\(column) LIKE \("%" + escaped + "%") ESCAPE '\\'"
}

/// Whether a search is a phone's last digits (four or more ASCII digits).
func isPhoneTail(_ text: String) -> Bool {
    text.count >= 4 && text.allSatisfy { $0.isASCII && $0.isNumber }
}

extension EventService {
    /// One page of the events starting in a range: campaigns and events of their own, each followed by
    /// its sub-activities, at most `q.page.size` rows a page (a campaign is never split). A search or a
    /// kind keeps the groups holding a matching event (a sub-activity is found with its campaign). The
    /// groups and the totals (every matched group's) are read here, unless given: read by `groups` and
    /// `totals` while the ledger has not changed since, the page reads its own rows and no others.
    public func page(_ q: EventQuery, groups known: EventGroups? = nil, totals: EventTotals? = nil) throws
        -> EventListPage
    {
        let groups = try known ?? self.groups(q)
        let totals = try totals ?? self.totals(q)
        let pages = groups.pages(rows: q.page.size)
        let page = min(max(1, q.page.page), pages.count)
        let ids = Array(groups.roots[pages[page - 1]])
        var events: [EventSummary] = []
        if !ids.isEmpty {
            events = try ledger.database.read { db in
                let live = Self.groups(q).live
                let rows = try EventSummaryRow.fetchAll(
                    db,
                    where: """
                        e.id IN (WITH RECURSIVE tree(id) AS (
                          SELECT id FROM event WHERE id IN \(ids)
                          UNION ALL SELECT c.id FROM event c JOIN tree ON c.parent_id = tree.id\(live))
                        SELECT id FROM tree)
                        """, order: "e.start_date, e.id")
                return EventSummaryRow.tree(rows, includeVoided: q.includeVoided)
            }
        }
        return EventListPage(
            events: Paged(
                rows: events, count: groups.roots.count, page: page, size: q.page.size, pageCount: pages.count),
            totals: totals)
    }

    /// The groups a query matches, in list order, each with the rows it shows: one query over the range.
    public func groups(_ q: EventQuery) throws -> EventGroups {
        try ledger.database.read { db in
            let rows = try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        \(Self.groups(q).groups)
                        SELECT tree.root AS root, count(*) AS n
                        FROM tree JOIN matched ON matched.root = tree.root JOIN event e ON e.id = tree.root
                        GROUP BY tree.root ORDER BY e.start_date, e.id
                        """))
            return EventGroups(roots: rows.map { $0["root"] }, rows: rows.map { $0["n"] })
        }
    }

    /// The count and the sums of the groups a query matches: SQL over the whole range.
    public func totals(_ q: EventQuery) throws -> EventTotals {
        try ledger.database.read { db in try Self.totals(db, Self.groups(q).groups) }
    }

    /// The CTEs `tree(root, id)` (every group's members) and `matched(root)` (the groups holding a match),
    /// and the condition that keeps a sub-activity (live ones only, unless voided are asked for).
    static func groups(_ q: EventQuery) -> (groups: SQL, live: SQL) {
        var roots: SQL = "e.parent_id IS NULL"
        if let range = q.range { roots += " AND e.start_date BETWEEN \(range.start) AND \(range.end)" }
        if let unit = q.unit { roots += " AND e.unit_id IN (SELECT id FROM unit WHERE name = \(unit))" }
        if !q.includeVoided { roots += " AND e.voided_at IS NULL" }
        let live: SQL = q.includeVoided ? "" : " WHERE c.voided_at IS NULL"
        var match: SQL = "1"
        if let text = q.page.text {
            match += " AND (\(contains("m.title", text)) OR \(contains("coalesce(m.venue, '')", text)))"
        }
        if let kind = q.kind { match += " AND m.kind = \(kind.rawValue)" }
        // Every group's members, tagged with their group; the groups holding a match.
        let groups: SQL = """
            WITH RECURSIVE tree(root, id) AS (
              SELECT e.id, e.id FROM event e WHERE \(roots)
              UNION ALL SELECT tree.root, c.id FROM event c JOIN tree ON c.parent_id = tree.id\(live)),
            matched(root) AS (SELECT DISTINCT tree.root FROM tree JOIN event m ON m.id = tree.id WHERE \(match))
            """
        return (groups, live)
    }

    static func totals(_ db: Database, _ groups: SQL) throws -> EventTotals {
        let counts = try Row.fetchOne(
            db,
            SQLRequest<Row>(
                literal: """
                    \(groups),
                    members(id) AS (SELECT tree.id FROM tree JOIN matched ON matched.root = tree.root
                      JOIN event m ON m.id = tree.id WHERE m.voided_at IS NULL)
                    SELECT
                      (SELECT count(*) FROM matched) AS groups,
                      (SELECT count(*) FROM matched JOIN event m ON m.id = matched.root
                        WHERE m.major AND m.voided_at IS NULL) AS major,
                      (SELECT coalesce(sum(count), 0) FROM attendance
                        WHERE event_id IN members AND voided_at IS NULL AND channel = 'onsite') AS onsite,
                      (SELECT coalesce(sum(count), 0) FROM attendance
                        WHERE event_id IN members AND voided_at IS NULL AND channel = 'online') AS online,
                      (SELECT coalesce(sum(amount_fen), 0) FROM cost WHERE event_id IN members AND voided_at IS NULL)
                        + (SELECT coalesce(sum(copies * unit_price_fen), 0) FROM print_run
                           WHERE event_id IN members AND voided_at IS NULL) AS cost,
                      (SELECT coalesce(sum(hours_centi), 0) FROM signup
                        WHERE event_id IN members AND voided_at IS NULL) AS hours
                    """))
        return EventTotals(
            groups: counts?["groups"] ?? 0, major: counts?["major"] ?? 0, onsite: counts?["onsite"] ?? 0,
            online: counts?["online"] ?? 0, cost: Money(fen: counts?["cost"] ?? 0), hoursCenti: counts?["hours"] ?? 0)
    }

    /// How many live events start in a range (all, or campaigns and events of their own): whether a
    /// picker can list them or must be searched.
    /// The years that have events (by their first day), newest first: every event is in some year a
    /// clerk can open, whether or not that year has a plan.
    public func years() throws -> [Int] {
        try ledger.database.read { db in
            try Int.fetchAll(
                db,
                sql: """
                    SELECT DISTINCT CAST(substr(start_date, 1, 4) AS INTEGER) FROM event
                    WHERE voided_at IS NULL ORDER BY 1 DESC
                    """)
        }
    }

    public func count(in range: DateRange, campaigns: Bool = false) throws -> Int {
        try ledger.database.read { db in
            try Int.fetchOne(
                db,
                SQLRequest<Int>(
                    literal: """
                        SELECT count(*) FROM event WHERE start_date BETWEEN \(range.start) AND \(range.end)
                        AND voided_at IS NULL\(campaigns ? " AND parent_id IS NULL" as SQL : "")
                        """)) ?? 0
        }
    }

    /// The live events of a range whose title or venue holds `text` (or whose number it is): the first
    /// `limit` in date order, and how many match. What a searched picker offers.
    public func find(_ text: String, in range: DateRange, campaigns: Bool = false, limit: Int = 50) throws
        -> Paged<EventTitle>
    {
        try ledger.database.read { db in
            var filter: SQL = "start_date BETWEEN \(range.start) AND \(range.end) AND voided_at IS NULL"
            if campaigns { filter += " AND parent_id IS NULL" }
            let t = text.trimmingCharacters(in: .whitespaces)
            if let id = Int64(t) {
                filter += " AND (id = \(id) OR \(contains("title", t)))"
            } else if !t.isEmpty {
                filter += " AND (\(contains("title", t)) OR \(contains("coalesce(venue, '')", t)))"
            }
            let count =
                try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM event WHERE \(filter)")) ?? 0
            let rows = try Row.fetchAll(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT id, parent_id, title, start_date FROM event WHERE \(filter)
                        ORDER BY start_date, id LIMIT \(limit)
                        """)
            ).compactMap(EventTitle.init(row:))
            return Paged(rows: rows, count: count, page: 1, size: limit)
        }
    }

    /// The events of the given numbers with their first day, voided ones too: what a picker shows for
    /// the event already chosen.
    public func titled(_ ids: [Int64]) throws -> [EventTitle] {
        guard !ids.isEmpty else { return [] }
        return try ledger.database.read { db in
            try Row.fetchAll(
                db, SQLRequest<Row>(literal: "SELECT id, title, start_date FROM event WHERE id IN \(ids) ORDER BY id")
            ).compactMap(EventTitle.init(row:))
        }
    }

    /// The titles of the given events, voided ones too: what a page names its rows' events by.
    public func titles(_ ids: Set<Int64>) throws -> [Int64: String] {
        Dictionary(uniqueKeysWithValues: try titled(Array(ids)).map { ($0.id, $0.title) })
    }
}

extension EventTitle {
    /// An event's `id`, `title` and `start_date` as a picker shows it.
    init?(row: Row) {
        guard let start: CalendarDate = row["start_date"] else { return nil }
        self.init(id: row["id"], title: row["title"], start: start, depth: 0)
    }
}

extension EventSummaryRow {
    /// Rows of campaigns and everything under them, as a list: each campaign followed by its
    /// sub-activities (voided ones only with `includeVoided`), depth set.
    static func tree(_ rows: [EventSummaryRow], includeVoided: Bool) -> [EventSummary] {
        let ids = Set(rows.map(\.id))
        var byParent: [Int64: [EventSummaryRow]] = [:]
        var tops: [EventSummaryRow] = []
        for row in rows {
            if let parent = row.parentId, ids.contains(parent) {
                byParent[parent, default: []].append(row)
            } else {
                tops.append(row)
            }
        }
        var out: [EventSummary] = []
        out.reserveCapacity(rows.count)
        func add(_ row: EventSummaryRow, depth: Int) {
            out.append(row.summary(depth: depth))
            for child in byParent[row.id] ?? [] where includeVoided || child.voidedAt == nil {
                add(child, depth: depth + 1)
            }
        }
        for top in tops { add(top, depth: 0) }
        return out
    }
}

/// The sums under a page of costs: every matching live cost's, not only the page's.
public struct CostPage: Sendable {
    public var costs: Paged<CostItem>
    public var total: Money
}

extension MoneyService {
    /// The condition a cost or print run meets for a search: its own texts, its event's title, or its
    /// line, when the search names one of `lines` (the plan's line names, matched by the caller's
    /// words; codes here).
    static func searched(_ text: String?, texts: [SQL], lines: [String]) -> SQL {
        guard let text else { return "1" }
        var any: [SQL] = texts.map { contains("coalesce(\($0), '')", text) }
        any.append("event_id IN (SELECT id FROM event WHERE \(contains("title", text)))")
        if !lines.isEmpty { any.append("line IN \(lines)") }
        return "(" + any.joined(separator: " OR ") + ")"
    }

    /// A page of the costs a filter keeps, oldest first, searched by item, invoice number, payee, event
    /// title or line (`lines`: the codes of the lines whose names hold the search); and their total.
    public func costs(_ f: RecordFilter, _ p: PageRequest, lines: [String] = []) throws -> CostPage {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else {
                return CostPage(costs: Paged(rows: [], count: 0, page: 1, size: p.size), total: .zero)
            }
            var sql: SQL = "\(try f.condition(db))"
            if let unit { sql += " AND unit_id = \(unit)" }
            sql += " AND " + Self.searched(p.text, texts: ["item", "invoice", "payee"], lines: lines)
            let sums = try Row.fetchOne(
                db,
                SQLRequest<Row>(
                    literal: """
                        SELECT count(*) AS n, coalesce(sum(CASE WHEN voided_at IS NULL THEN amount_fen END), 0) AS total
                        FROM cost WHERE \(sql)
                        """))
            let count: Int = sums?["n"] ?? 0
            let page = p.clamped(count: count)
            let rows = try CostRecord.fetchAll(
                db,
                SQLRequest<CostRecord>(
                    literal: """
                        SELECT * FROM cost WHERE \(sql) ORDER BY date, id LIMIT \(p.size) OFFSET \((page - 1) * p.size)
                        """))
            return CostPage(
                costs: Paged(rows: rows.map(\.listed), count: count, page: page, size: p.size),
                total: Money(fen: sums?["total"] ?? 0))
        }
    }

    /// A page of the print runs a filter keeps, oldest first, searched by title, event title or line.
    public func printRuns(_ f: RecordFilter, _ p: PageRequest, lines: [String] = []) throws -> Paged<PrintRunItem> {
        try ledger.database.read { db in
            guard let unit = try f.unitID(db) else { return Paged(rows: [], count: 0, page: 1, size: p.size) }
            var sql: SQL = "\(try f.condition(db))"
            if let unit { sql += " AND unit_id = \(unit)" }
            sql += " AND " + Self.searched(p.text, texts: ["title"], lines: lines)
            let count =
                try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM print_run WHERE \(sql)")) ?? 0
            let page = p.clamped(count: count)
            let rows = try PrintRunRecord.fetchAll(
                db,
                SQLRequest<PrintRunRecord>(
                    literal: """
                        SELECT * FROM print_run WHERE \(sql) ORDER BY date, id
                        LIMIT \(p.size) OFFSET \((page - 1) * p.size)
                        """))
            return Paged(rows: rows.map(\.listed), count: count, page: page, size: p.size)
        }
    }

    /// The live costs of a range whose item, invoice or payee holds `text` (or whose number it is): the
    /// newest `limit`, and how many match. What a searched picker of costs offers.
    public func findCosts(_ text: String, in range: DateRange, limit: Int = 50) throws -> Paged<CostItem> {
        try ledger.database.read { db in
            var sql: SQL = "date BETWEEN \(range.start) AND \(range.end) AND voided_at IS NULL"
            let t = text.trimmingCharacters(in: .whitespaces)
            if let id = Int64(t) {
                sql += " AND (id = \(id) OR \(contains("coalesce(invoice, '')", t)))"
            } else if !t.isEmpty {
                sql += " AND " + Self.searched(t, texts: ["item", "invoice", "payee"], lines: [])
            }
            let count = try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM cost WHERE \(sql)")) ?? 0
            let rows = try CostRecord.fetchAll(
                db,
                SQLRequest<CostRecord>(
                    literal: "SELECT * FROM cost WHERE \(sql) ORDER BY date DESC, id DESC LIMIT \(limit)")
            ).map(\.listed)
            return Paged(rows: rows, count: count, page: 1, size: limit)
        }
    }

    /// The costs of the given numbers, voided ones too: what a picker shows for the cost already chosen.
    public func costs(_ ids: [Int64]) throws -> [CostItem] {
        guard !ids.isEmpty else { return [] }
        return try ledger.database.read { db in
            try CostRecord.fetchAll(
                db, SQLRequest<CostRecord>(literal: "SELECT * FROM cost WHERE id IN \(ids) ORDER BY id")
            )
            .map(\.listed)
        }
    }

    /// How many live costs a range holds: whether a picker lists them or is searched.
    public func countCosts(in range: DateRange) throws -> Int {
        try ledger.database.read { db in
            try Int.fetchOne(
                db,
                SQLRequest<Int>(
                    literal:
                        "SELECT count(*) FROM cost WHERE date BETWEEN \(range.start) AND \(range.end) AND voided_at IS NULL"
                )) ?? 0
        }
    }
}

extension VolunteerService {
    /// The condition a volunteer meets for a search: the name, organization or platform number holds it,
    /// or it is a phone's last digits (four or more).
    static func searched(_ text: String?) -> SQL {
        guard let text else { return "1" }
        var any: [SQL] = [
            contains("v.name", text), contains("coalesce(o.name, '')", text),
            contains("coalesce(v.platform_no, '')", text),
        ]
        if isPhoneTail(text) { any.append("v.phone LIKE \("%" + text)") }
        return "(" + any.joined(separator: " OR ") + ")"
    }

    /// A page of the live volunteers, by number, with their sign-up counts and hours, searched.
    public func page(_ p: PageRequest) throws -> Paged<VolunteerSummary> {
        try ledger.database.read { db in
            let filter: SQL = "v.voided_at IS NULL AND " + Self.searched(p.text)
            let count =
                try Int.fetchOne(
                    db,
                    SQLRequest<Int>(
                        literal:
                            "SELECT count(*) FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id WHERE \(filter)"
                    )) ?? 0
            let page = p.clamped(count: count)
            let rows = try summaries(db, where: filter, limit: p.size, offset: (page - 1) * p.size)
            return Paged(rows: rows, count: count, page: page, size: p.size)
        }
    }

    /// How many live volunteers there are.
    public func count() throws -> Int {
        try ledger.database.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM volunteer WHERE voided_at IS NULL") ?? 0
        }
    }

    /// The live volunteers a typed name or phone tail names: the exact name when someone has it, else
    /// every match; the first `limit` by number, and how many there are.
    public func candidates(_ text: String, limit: Int = 50) throws -> Paged<VolunteerSummary> {
        let t = text.trimmingCharacters(in: .whitespaces)
        guard !t.isEmpty else { return Paged(rows: [], count: 0, page: 1, size: limit) }
        return try ledger.database.read { db in
            for filter: SQL in ["v.voided_at IS NULL AND v.name = \(t)", "v.voided_at IS NULL AND " + Self.searched(t)]
            {
                let count =
                    try Int.fetchOne(
                        db,
                        SQLRequest<Int>(
                            literal:
                                "SELECT count(*) FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id WHERE \(filter)"
                        )) ?? 0
                if count > 0 {
                    return Paged(
                        rows: try summaries(db, where: filter, limit: limit), count: count, page: 1, size: limit)
                }
            }
            return Paged(rows: [], count: 0, page: 1, size: limit)
        }
    }

    /// The volunteers of the given numbers, voided ones too.
    public func summaries(_ ids: [Int64]) throws -> [VolunteerSummary] {
        guard !ids.isEmpty else { return [] }
        return try ledger.database.read { db in try summaries(db, where: "v.id IN \(ids)") }
    }

    /// Volunteers meeting a condition, by number, with their sign-up counts and hours.
    func summaries(_ db: Database, where filter: SQL, limit: Int? = nil, offset: Int = 0) throws
        -> [VolunteerSummary]
    {
        let window: SQL = limit.map { "LIMIT \($0) OFFSET \(offset)" } ?? ""
        return try VolunteerSummaryRow.fetchAll(
            db,
            SQLRequest<VolunteerSummaryRow>(
                literal: """
                    SELECT v.id, v.name, v.phone, o.name AS org, v.platform_no, v.voided_at, v.void_reason,
                      (SELECT count(*) FROM signup g WHERE g.volunteer_id = v.id AND g.voided_at IS NULL) AS signups,
                      (SELECT coalesce(sum(hours_centi), 0) FROM signup g
                        WHERE g.volunteer_id = v.id AND g.voided_at IS NULL) AS hours
                    FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id WHERE \(filter) ORDER BY v.id \(window)
                    """)
        ).map(\.summary)
    }
}

extension EvidenceService {
    /// A page of the evidence, newest first (with `includeVoided`, the voided too).
    public func page(includeVoided: Bool, _ p: PageRequest) throws -> Paged<EvidenceItem> {
        try ledger.database.read { db in
            let filter: SQL = includeVoided ? "1" : "voided_at IS NULL"
            let count =
                try Int.fetchOne(db, SQLRequest<Int>(literal: "SELECT count(*) FROM evidence WHERE \(filter)")) ?? 0
            let page = p.clamped(count: count)
            let rows = try EvidenceRecord.fetchAll(
                db,
                SQLRequest<EvidenceRecord>(
                    literal:
                        "SELECT * FROM evidence WHERE \(filter) ORDER BY id DESC LIMIT \(p.size) OFFSET \((page - 1) * p.size)"
                ))
            return Paged(rows: rows.map(\.listed), count: count, page: page, size: p.size)
        }
    }
}
