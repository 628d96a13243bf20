import ArgumentParser
import KepuCore

struct VolunteerAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "添加志愿者，输出其编号；新队伍首次出现时创建 · Add a volunteer; prints the id.",
        discussion: """
            示例 · Example:
              kepu volunteer add --name 李华 --phone 13800000001 \\
                --org 石峰区科普志愿服务队
            """)
    @Option(help: ArgumentHelp("姓名 · The volunteer's name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("手机号（志愿者之间不重复）· Mobile number (unique).", valueName: "phone")) var phone: String?
    @Option(help: ArgumentHelp("志愿组织（队伍）· The organization.", valueName: "org")) var org: String?
    @Option(help: ArgumentHelp("志愿服务平台编号 · Number on the volunteer platform.", valueName: "no")) var platformNo: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewVolunteer(
            name: try Parse.text(name, field: .named("--name")),
            phone: try parsed(phone.nonBlank) { try NewVolunteer.phone($0) },
            org: org.nonBlank, platformNo: platformNo.nonBlank)
        let r = try options.ledger().volunteers.add(input)
        console.added(
            r.id, .volunteerAdded(id: r.id, name: input.name, org: input.org, newOrganization: r.newOrganization))
    }
}
