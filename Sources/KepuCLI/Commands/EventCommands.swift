import ArgumentParser
import KepuCore
import KepuReport
import KepuStore

struct EventCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "event", abstract: "Record events and their sub-activities.",
        subcommands: [EventAdd.self, EventList.self, EventShow.self, EventVoid.self])
}

struct EventAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an event; prints its id.",
        discussion: """
            The two campaigns (science-day, tech-week) are major events unless --no-major is given; a sub-activity (--parent) rolls its attendance and costs up to its campaign.

            Example:
              sd=$(kepu event add --title 2023年全国科普日石峰区主场活动 --kind science-day --start 2023-09-16 --end 2023-09-22 --venue 石峰区政府广场)
              kepu event add --title 科普进社区·清水塘街道 --kind other --start 2023-09-18 --parent $sd
            """)

    @Option(help: "The event's title.") var title: String
    @Option(help: "science-day | tech-week | other") var kind: String
    @Option(help: "First day (2023-09-16 or 2023年9月16日).") var start: String
    @Option(help: "Last day (default: the first day).") var end: String?
    @Option(help: "Where it took place.") var venue: String?
    @Option(help: "The campaign this is an activity of (an event id).") var parent: String?
    @Flag(inversion: .prefixedNo, help: "Counts as a major event (default: yes for the two campaigns).") var major: Bool?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewEvent(
            title: try Parse.text(title, field: "--title"), kind: try EventKind.parse(kind, field: "--kind"), major: major,
            start: try CalendarDate.parse(start, field: "--start"),
            end: try parsed(end) { try CalendarDate.parse($0, field: "--end") }, venue: venue.nonBlank,
            parent: try parsed(parent) { try recordID($0, field: "--parent") }, unit: unit.nonBlank)
        try input.validate()
        let id = try options.ledger().addEvent(input)
        reportAdded(id, "added event \(id): \(input.title) (\(input.kind.rawValue), \(input.start)"
            + (input.end.map { $0 == input.start ? "" : "–\($0)" } ?? "") + ")"
            + (input.parent.map { ", an activity of event \($0)" } ?? ""))
    }
}

struct EventList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List events with their attendance, cost, survey and volunteer totals.",
        discussion: "Example:\n  kepu event list --year 2023\n  kepu event list --year 2023 --format csv > 2023活动.csv")
    @Option(help: "Only events starting in this year's plan period (or calendar year).") var year: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @Flag(help: "Include voided events.") var all = false
    @Option(help: "text | md | csv | html (csv opens in Excel)") var format: String = "text"
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year)
        let fmt = try ReportFormat.parse(format)
        let ledger = try options.ledger()
        var range: DateRange?
        if let y { range = (try? ledger.plan(year: y, unit: unit.nonBlank).plan.period) ?? DateRange.year(y) }
        let events = try ledger.events(in: range, unit: unit.nonBlank, includeVoided: all)
        if events.isEmpty {
            console.err("no events\(y.map { " in \($0)" } ?? "") yet; add one with: kepu event add --title T --kind science-day --start D")
            return
        }
        try printList(EventTables.list(events, lang: .zh), title: "活动" + (y.map { "（\($0)年）" } ?? ""), format: fmt)
    }
}

struct EventShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show", abstract: "Show one event with everything recorded against it.",
        discussion: "Example:\n  kepu event show 1")
    @Argument(help: "The event id.") var id: String
    @Flag(help: "Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: "event id")
        let detail = try options.ledger().eventDetail(eid)
        console.out(TextRenderer(color: console.stdoutIsTerminal).render(EventTables.detail(detail, maskPhones: !showPhones)))
    }
}

struct EventVoid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "Void an event and everything attached to it (sub-activities, attendance, costs, print runs, surveys, sign-ups).",
        discussion: """
            Nothing is deleted: the records stay in the ledger and the audit trail, marked void with the reason.

            Example:
              kepu event void 7 --reason 重复录入
            """)
    @Argument(help: "The event id.") var id: String
    @Option(help: "Why it is voided (kept in the audit trail).") var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: "event id")
        let why = try Parse.text(reason, field: "--reason")
        let s = try options.ledger().voidEvent(eid, reason: why)
        var parts = ["\(s.events) event\(s.events == 1 ? "" : "s")"]
        for (n, what) in [(s.attendance, "attendance entries"), (s.costs, "costs"), (s.printRuns, "print runs"),
                          (s.surveys, "surveys"), (s.signups, "sign-ups"), (s.evidence, "evidence files")] where n > 0 {
            parts.append("\(n) \(what)")
        }
        console.err("voided event \(eid) with \(parts.joined(separator: ", ")): \(why)")
    }
}
