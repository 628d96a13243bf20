import ArgumentParser
import KepuCore
import KepuReport
import KepuStore

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance", abstract: "Record attendance (人次): headcounts, online viewers, sign-in sheets.",
        subcommands: [AttendanceAdd.self, AttendanceImport.self])
}

struct AttendanceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add an attendance count to an event; prints its id.",
        discussion: """
            Example:
              kepu attendance add --event 1 --count 3200
              kepu attendance add --event 1 --count 12500 --channel online --method estimate --date 2023-09-16
            """)
    @Option(help: "The event id.") var event: String
    @Option(parsing: .unconditional, help: "Person-visits (人次), a whole number.") var count: String
    @Option(help: "onsite | online (default onsite)") var channel: String = "onsite"
    @Option(help: "headcount | signin | estimate (default headcount)") var method: String = "headcount"
    @Option(help: "The day counted (default: the event's first day).") var date: String?
    @Option(help: "A note.") var note: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewAttendance(
            event: try recordID(event, field: "--event"), count: try Parse.count(count, field: "--count"),
            channel: try Channel.parse(channel, field: "--channel"), method: try CountMethod.parse(method, field: "--method"),
            date: try parsed(date) { try CalendarDate.parse($0, field: "--date") }, note: note.nonBlank)
        let id = try options.ledger().addAttendance(input)
        reportAdded(id, "added attendance \(id): \(input.count)人次 \(input.channel.rawValue) at event \(input.event)")
    }
}

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost", abstract: "Record costs against the plan's spending lines.",
        subcommands: [CostAdd.self, CostImport.self])
}

struct CostAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a cost (one invoice line); prints its id.",
        discussion: """
            --line takes a line's id or name from the plan that covers the cost's date. Amounts are kept in fen.

            Example:
              kepu cost add --line commission --amount 6000 --event 1 --item 授课费 --invoice 23430001 --payee 株洲市科技馆
              kepu cost add --line 活动委托费 --amount 1.25万 --event 2
            """)
    @Option(help: "The spending line: its id or name (commission or 活动委托费).") var line: String
    @Option(parsing: .unconditional, help: "2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元") var amount: String
    @Option(help: "The event it was for.") var event: String?
    @Option(help: "What was bought (授课费, 车辆, 展架, 条幅…).") var item: String?
    @Option(help: "The invoice number.") var invoice: String?
    @Option(help: "The day paid (default: the event's first day, else today).") var date: String?
    @Option(help: "Who was paid.") var payee: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewCost(
            line: try Parse.text(line, field: "--line"), amount: try Money.parse(amount, field: "--amount"),
            event: try parsed(event) { try recordID($0, field: "--event") }, item: item.nonBlank, invoice: invoice.nonBlank,
            date: try parsed(date) { try CalendarDate.parse($0, field: "--date") }, payee: payee.nonBlank, unit: unit.nonBlank)
        try input.validate()
        let r = try options.ledger().addCost(input)
        reportAdded(r.id, "added cost \(r.id): \(input.amount) to line \(r.line.id) (\(r.line.name)) of the \(r.planYear) plan")
    }
}

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print", abstract: "Record printed material (copies × unit price).", subcommands: [PrintAdd.self])
}

struct PrintAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a print run; its cost (copies × unit price) is charged to the plan's printing line.",
        discussion: """
            Example:
              kepu print add --title 科普日宣传折页 --ink color --copies 2000 --unit-price 1元 --event 1
              kepu print add --title 防诈骗科普单页 --ink mono --copies 6000 --unit-price 0.5元 --date 2023-05-20
            """)
    @Option(help: "What was printed.") var title: String
    @Option(help: "color | mono") var ink: String
    @Option(parsing: .unconditional, help: "Number of copies (at least 1).") var copies: String
    @Option(parsing: .unconditional, help: "Price per copy: 1元, 0.5元.") var unitPrice: String
    @Option(help: "The event it was for.") var event: String?
    @Option(help: "The day (default: the event's first day, else today).") var date: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewPrintRun(
            title: try Parse.text(title, field: "--title"), ink: try Ink.parse(ink, field: "--ink"),
            copies: try Parse.positiveCount(copies, field: "--copies"), unitPrice: try Money.parse(unitPrice, field: "--unit-price"),
            event: try parsed(event) { try recordID($0, field: "--event") },
            date: try parsed(date) { try CalendarDate.parse($0, field: "--date") }, unit: unit.nonBlank)
        try input.validate()
        let r = try options.ledger().addPrintRun(input)
        reportAdded(r.id, "added print run \(r.id): \(input.copies)份 × \(input.unitPrice.plain)元 = \(input.cost) to line \(r.line.id) (\(r.line.name))")
    }
}

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey", abstract: "Record satisfaction survey tallies.", subcommands: [SurveyAdd.self])
}

struct SurveyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a survey batch for an event; several batches per event are allowed.",
        discussion: """
            Example:
              kepu survey add --event 1 --responses 200 --satisfied 197
            """)
    @Option(help: "The event id.") var event: String
    @Option(parsing: .unconditional, help: "Questionnaires returned.") var responses: String
    @Option(parsing: .unconditional, help: "Of those, satisfied (满意 + 基本满意).") var satisfied: String
    @Option(help: "The day (default: the event's last day).") var date: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewSurvey(
            event: try recordID(event, field: "--event"), responses: try Parse.count(responses, field: "--responses"),
            satisfied: try Parse.count(satisfied, field: "--satisfied"),
            date: try parsed(date) { try CalendarDate.parse($0, field: "--date") })
        try input.validate()
        let id = try options.ledger().addSurvey(input)
        reportAdded(id, "added survey \(id): \(input.satisfied) of \(input.responses) satisfied at event \(input.event)")
    }
}

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure", abstract: "Record external figures (e.g. the district's literacy rate).",
        subcommands: [MeasureAdd.self])
}

struct MeasureAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a measurement; indicators with metric measurement:NAME use the latest one.",
        discussion: """
            Example:
              kepu measure add --metric literacy-rate --value 10.3% --date 2023-11-30 --source 2023年石峰区公民科学素质抽样调查
            """)
    @Option(help: "The measurement's name, e.g. literacy-rate.") var metric: String
    @Option(parsing: .unconditional, help: "The figure: 10.3 or 10.3%.") var value: String
    @Option(help: "The day it was measured.") var date: String
    @Option(help: "Where the figure comes from.") var source: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewMeasurement(
            metric: metric.trimmingCharacters(in: .whitespaces), value: try Parse.figure(value, field: "--value"),
            date: try CalendarDate.parse(date, field: "--date"), source: source.nonBlank, unit: unit.nonBlank)
        try input.validate()
        let id = try options.ledger().addMeasurement(input)
        reportAdded(id, "added measurement \(id): \(input.metric) = \(input.value) on \(input.date)")
    }
}

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline", abstract: "Record a previous year's figures where the database has no data for it.",
        subcommands: [BaselineSet.self])
}

struct BaselineSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set a year's volunteer and organization counts (used for 增加 when that year has no sign-ups).",
        discussion: """
            Example:
              kepu baseline set --year 2022 --volunteers 35 --orgs 2
            """)
    @Option(help: "The year the figures are for.") var year: String
    @Option(parsing: .unconditional, help: "Volunteers that year.") var volunteers: String?
    @Option(parsing: .unconditional, help: "Volunteer organizations (队伍) that year.") var orgs: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = BaselineInput(
            year: try yearValue(year)!, volunteers: try parsed(volunteers) { try Parse.count($0, field: "--volunteers") },
            orgs: try parsed(orgs) { try Parse.count($0, field: "--orgs") }, unit: unit.nonBlank)
        try input.validate()
        let id = try options.ledger().setBaseline(input)
        reportAdded(id, "set the \(input.year) baseline: "
            + [input.volunteers.map { "\($0) volunteers" }, input.orgs.map { "\($0) organizations" }].compactMap { $0 }.joined(separator: ", "))
    }
}
