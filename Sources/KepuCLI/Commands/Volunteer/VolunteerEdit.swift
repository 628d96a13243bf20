import ArgumentParser
import KepuCore

struct VolunteerEdit: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edit",
        abstract: "修改志愿者或一条报名记录，编号不变 · Change a volunteer or a sign-up; the id stays.",
        discussion: """
            示例 · Example:
              kepu volunteer edit 3 --phone 13800000011 --reason 手机号录错
              kepu volunteer edit --signup 8 --hours 6 --reason 补录服务时长
            """)
    @Argument(help: "志愿者编号 · The volunteer id.") var id: String?
    @Option(help: ArgumentHelp("报名记录编号 · A sign-up id instead.", valueName: "id")) var signup: String?
    @Option(help: ArgumentHelp("姓名 · The name.", valueName: "name")) var name: String?
    @Option(help: ArgumentHelp("手机号 · The phone.", valueName: "phone")) var phone: String?
    @Option(help: ArgumentHelp("志愿组织 · The organization.", valueName: "org")) var org: String?
    @Option(help: ArgumentHelp("平台编号 · Platform number.", valueName: "no")) var platformNo: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("服务时长（报名记录）· Hours served.", valueName: "h")) var hours: String?
    @Option(help: ArgumentHelp("日期（报名记录）· The day.", valueName: "date")) var date: String?
    @Option(help: ArgumentHelp("岗位（报名记录）· The role.", valueName: "role")) var role: String?
    @OptionGroup var reason: ReasonOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (kind, rid) = try volunteerOrSignup(id, signup)
        _ = try reason.validated()
        let ledger = try options.ledger()
        if kind == .signup {
            let patch = SignupPatch(
                hoursCenti: try parsed(hours) { try Parse.hours($0, field: .named("--hours")) },
                date: try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }, role: role.nonBlank)
            reportEdit(try ledger.volunteers.editSignup(rid, patch))
        } else {
            let patch = VolunteerPatch(
                name: try parsed(name) { try Parse.text($0, field: .named("--name")) },
                phone: try parsed(phone.nonBlank) { try NewVolunteer.phone($0) }, org: org.nonBlank,
                platformNo: platformNo.nonBlank)
            reportEdit(try ledger.volunteers.edit(rid, patch))
        }
    }
}
