import ArgumentParser
import KepuCore

struct AttendanceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "为活动登记人次，输出其编号 · Add an attendance count to an event; prints its id.",
        discussion: """
            示例 · Example:
              kepu attendance add --event 1 --count 3200
              kepu attendance add --event 1 --count 12500 --channel 线上 \\
                --method 估算 --date 2023-09-16
            """)
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String
    @Option(parsing: .unconditional, help: ArgumentHelp("人次（整数）· Person-visits, a whole number.", valueName: "n"))
    var count: String
    @Option(help: ArgumentHelp("渠道 · 线下(onsite) | 线上(online)，默认线下", valueName: "channel")) var channel: String =
        "onsite"
    @Option(help: ArgumentHelp("统计方式 · 计数(headcount) | 签到(signin) | 估算(estimate)，默认计数", valueName: "method"))
    var method: String = "headcount"
    @Option(help: ArgumentHelp("日期（默认活动第一天）· The day counted.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("备注 · A note.", valueName: "text")) var note: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewAttendance(
            event: try recordID(event, field: .named("--event")),
            count: try Parse.count(count, field: .named("--count")),
            channel: try Channel.parse(channel, field: .named("--channel")),
            method: try CountMethod.parse(method, field: .named("--method")),
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, note: note.nonBlank)
        let r = try options.ledger().attendance.add(input)
        console.added(r.id, .attendanceAdded(id: r.id, count: input.count, channel: input.channel, event: input.event))
        if let same = r.sameAs {
            console.say(
                .duplicateAttendance(
                    event: input.event, date: r.date, channel: input.channel, count: input.count, existing: same))
        }
    }
}
