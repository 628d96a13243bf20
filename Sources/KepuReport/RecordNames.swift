import KepuCore

/// What a person reads in place of a code or a bare number: spending lines by their plan names, events
/// by their titles. The command line's listings show codes (what its flags take); the web's show names.
public struct RecordNames: Sendable {
    public var lines: [String: String]
    public var events: [Int64: String]
    /// A measurement's name (`literacy-rate`) by the indicator it is read for (提高全区人民科学文化素质).
    public var measurements: [String: String]
    /// An indicator's name (全民投入科普志愿服务) by its id in the plan (`volunteers`): a deviation note
    /// names its indicator by id, and a clerk knows it by name.
    public var indicators: [String: String]
    /// A unit's name (石峰区科协) by its number: a plan's row names its unit by number.
    public var units: [Int64: String]
    /// A project's name (科普日活动经费) by its id in the plan (`kepu-day`), as an event's or a budget
    /// adjustment's row names it.
    public var projects: [String: String]
    public init(
        lines: [String: String] = [:], events: [Int64: String] = [:], measurements: [String: String] = [:],
        indicators: [String: String] = [:], units: [Int64: String] = [:], projects: [String: String] = [:]
    ) {
        self.lines = lines
        self.events = events
        self.measurements = measurements
        self.indicators = indicators
        self.units = units
        self.projects = projects
    }

    /// No names: codes and numbers as they are.
    public static let none = RecordNames()

    var isEmpty: Bool { lines.isEmpty && events.isEmpty }

    /// A spending line's name, else its code.
    func line(_ id: String) -> Cell { Cell(lines[id] ?? id) }

    /// An event's number and title, linked; its number alone when the title is not known.
    func event(_ id: Int64?) -> Cell {
        guard let id else { return "" }
        guard let title = events[id] else { return Cell.id(.event, id) }
        return Cell("\(id) \(title)", ref: RecordRef(.event, id))
    }

    /// The event column: right-aligned numbers, or left-aligned numbers with titles.
    func eventColumn(_ lang: Language) -> ReportTable.Column {
        .init(lang.t("活动", "Event"), events.isEmpty ? .right : .left)
    }
}
