import ArgumentParser
import KepuCore

struct SurveyAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "为活动登记一批问卷结果（可多批）· Add a survey batch for an event.",
        discussion: """
            示例 · Example:
              kepu survey add --event 1 --responses 200 --satisfied 197
            """)
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String
    @Option(parsing: .unconditional, help: ArgumentHelp("回收份数 · Questionnaires returned.", valueName: "n"))
    var responses: String
    @Option(parsing: .unconditional, help: ArgumentHelp("其中满意份数 · Of those, satisfied.", valueName: "n"))
    var satisfied: String
    @Option(help: ArgumentHelp("日期（默认活动最后一天）· The day.", valueName: "date")) var date: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewSurvey(
            event: try recordID(event, field: .named("--event")),
            responses: try Parse.count(responses, field: .named("--responses")),
            satisfied: try Parse.count(satisfied, field: .named("--satisfied")),
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) })
        try input.validate()
        let id = try options.ledger().surveys.add(input)
        console.added(
            id, .surveyAdded(id: id, satisfied: input.satisfied, responses: input.responses, event: input.event))
    }
}
