import ArgumentParser
import KepuCore
import KepuReport

struct VolunteerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出志愿者及其报名和时长（手机号打码）· List volunteers (phones masked).",
        discussion: """
            示例 · Example:
              kepu volunteer list
              kepu volunteer list --format csv > 志愿者.csv
            """)
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @Option(help: ArgumentHelp("格式 · text | md | csv | html（csv 可用 Excel 打开）", valueName: "format"))
    var format: String = "text"
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try ReportFormat.parse(format)
        let list = try options.ledger().volunteers.list()
        guard !list.isEmpty else {
            console.say(.noVolunteers)
            return
        }
        let lang = Language.current
        let t = ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("姓名", "Name")), .init(lang.t("手机", "Phone")),
                .init(lang.t("队伍", "Organization")), .init(lang.t("平台编号", "Platform no.")),
                .init(lang.t("报名", "Sign-ups"), .right), .init(lang.t("时长(小时)", "Hours"), .right),
            ],
            rows: list.map {
                [
                    Cell(String($0.id)), Cell($0.name), Cell($0.phone.map { showPhones ? $0 : maskPhone($0) } ?? ""),
                    Cell($0.org ?? ""), Cell($0.platformNo ?? ""), Cell(String($0.signups)),
                    Cell(Fixed(raw: $0.hoursCenti * 100).format(minPlaces: 1, maxPlaces: 2)),
                ]
            })
        try printList(t, title: lang.t("志愿者", "Volunteers"), format: fmt)
    }
}
