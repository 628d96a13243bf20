import ArgumentParser
import KepuCore

struct VolunteerSignup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signup",
        abstract: "志愿者报名参加活动，可填服务时长（也可以以后补）· Sign a volunteer up for an event.",
        discussion: """
            扫码报名（kepu event door --volunteers）的报名要确认后才计入：--confirm 报名编号 --hours 时长。
            Answers to a door's volunteer call count once confirmed: --confirm ID --hours H.
            不合适的扫码报名可以谢绝（名额空出）：--reject 报名编号 --reason 原因。
            An answer can be turned down, opening its place again: --reject ID --reason R.

            示例 · Example:
              kepu volunteer signup --volunteer 3 --event 1 --hours 9.5
              kepu volunteer signup --confirm 2 --hours 4
              kepu volunteer signup --reject 3 --reason 非本单位人员
            """)
    @Option(help: ArgumentHelp("志愿者编号 · The volunteer id.", valueName: "id")) var volunteer: String?
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("确认一条扫码报名 · Confirm a volunteer call's answer.", valueName: "id"))
    var confirm: String?
    @Option(help: ArgumentHelp("谢绝一条扫码报名，名额空出 · Turn down a volunteer call's answer.", valueName: "id"))
    var reject: String?
    @Option(help: ArgumentHelp("谢绝的原因（记入操作记录）· Why it is turned down.", valueName: "reason"))
    var reason: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("服务时长：3、9.5 或 2.25 · Hours served.", valueName: "h"))
    var hours: String?
    @Option(help: ArgumentHelp("日期（默认活动第一天）· The day.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("岗位（讲解员、引导员…）· The role.", valueName: "role")) var role: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        if let reject {
            guard let reason = reason.nonBlank else { throw KepuError(.empty(field: .named("--reason"))) }
            let r = try options.ledger().doors.rejectCall(
                try recordID(reject, field: .named("--reject")), reason: reason)
            console.say(.callRejected(call: r.id, name: r.name, reason: r.rejected?.reason ?? reason))
            return
        }
        let hoursCenti = try parsed(hours) { try Parse.hours($0, field: .named("--hours")) }
        if let confirm {
            let r = try options.ledger().doors.confirmCall(
                try recordID(confirm, field: .named("--confirm")), hoursCenti: hoursCenti)
            console.added(r.id, .signupAdded(r))
            return
        }
        guard let volunteer = volunteer.nonBlank else { throw KepuError(.empty(field: .named("--volunteer"))) }
        guard let event = event.nonBlank else { throw KepuError(.empty(field: .named("--event"))) }
        let input = NewSignup(
            volunteer: try recordID(volunteer, field: .named("--volunteer")),
            event: try recordID(event, field: .named("--event")),
            hoursCenti: hoursCenti,
            date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, role: role.nonBlank)
        let r = try options.ledger().volunteers.signup(input)
        console.added(r.id, .signupAdded(r))
    }
}
