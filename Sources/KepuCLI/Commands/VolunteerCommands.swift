import ArgumentParser
import KepuCore
import KepuReport
import KepuStore

struct VolunteerCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "volunteer", abstract: "Record volunteers, their organizations (队伍) and sign-ups with hours.",
        subcommands: [VolunteerAdd.self, VolunteerSignup.self, VolunteerList.self, VolunteerImport.self])
}

struct VolunteerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Add a volunteer; prints the id. A new --org is created on first use.",
        discussion: """
            Example:
              kepu volunteer add --name 李华 --phone 13800000001 --org 石峰区科普志愿服务队
            """)
    @Option(help: "The volunteer's name.") var name: String
    @Option(help: "Mobile number (unique among volunteers).") var phone: String?
    @Option(help: "The organization (队伍).") var org: String?
    @Option(help: "Number on the volunteer platform.") var platformNo: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewVolunteer(
            name: try Parse.text(name, field: "--name"), phone: try parsed(phone.nonBlank) { try NewVolunteer.phone($0) },
            org: org.nonBlank, platformNo: platformNo.nonBlank)
        let r = try options.ledger().addVolunteer(input)
        reportAdded(r.id, "added volunteer \(r.id): \(input.name)" + (input.org.map { " of \($0)" } ?? "")
            + (r.newOrganization.map { " (new organization \($0))" } ?? ""))
    }
}

struct VolunteerSignup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "signup", abstract: "Sign a volunteer up for an event, with the hours served (may be filled later).",
        discussion: """
            Example:
              kepu volunteer signup --volunteer 3 --event 1 --hours 9.5
            """)
    @Option(help: "The volunteer id.") var volunteer: String
    @Option(help: "The event id.") var event: String
    @Option(parsing: .unconditional, help: "Hours served: 3, 9.5 or 2.25.") var hours: String?
    @Option(help: "The day (default: the event's first day).") var date: String?
    @Option(help: "The role (讲解员, 引导员…).") var role: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewSignup(
            volunteer: try recordID(volunteer, field: "--volunteer"), event: try recordID(event, field: "--event"),
            hoursCenti: try parsed(hours) { try Parse.hours($0, field: "--hours") },
            date: try parsed(date) { try CalendarDate.parse($0, field: "--date") }, role: role.nonBlank)
        let id = try options.ledger().addSignup(input)
        reportAdded(id, "added sign-up \(id): volunteer \(input.volunteer) at event \(input.event)"
            + (input.hoursCenti.map { ", \(Fixed(raw: $0 * 100))小时" } ?? ""))
    }
}

struct VolunteerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List volunteers with their sign-ups and hours (phones masked).",
        discussion: "Example:\n  kepu volunteer list\n  kepu volunteer list --format csv > 志愿者.csv")
    @Flag(help: "Show phone numbers unmasked.") var showPhones = false
    @Option(help: "text | md | csv | html (csv opens in Excel)") var format: String = "text"
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try ReportFormat.parse(format)
        let list = try options.ledger().volunteers()
        if list.isEmpty {
            console.err("no volunteers yet; add one with: kepu volunteer add --name N --org ORG")
            return
        }
        let t = ReportTable(
            columns: [.init("id", .right), .init("姓名"), .init("手机"), .init("队伍"), .init("平台编号"), .init("报名", .right),
                      .init("时长(小时)", .right)],
            rows: list.map {
                [Cell(String($0.id)), Cell($0.name), Cell($0.phone.map { showPhones ? $0 : maskPhone($0) } ?? ""),
                 Cell($0.org ?? ""), Cell($0.platformNo ?? ""), Cell(String($0.signups)),
                 Cell(Fixed(raw: $0.hoursCenti * 100).format(minPlaces: 1, maxPlaces: 2))]
            })
        try printList(t, title: "志愿者", format: fmt)
    }
}
