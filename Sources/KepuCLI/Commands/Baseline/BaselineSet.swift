import ArgumentParser
import KepuCore

struct BaselineSet: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set",
        abstract: "设定某年志愿者人数和志愿组织数（用于“增加”）· Set a year's volunteer and organization counts.",
        discussion: """
            示例 · Example:
              kepu baseline set --year 2022 --volunteers 35 --orgs 2
            """)
    @Option(help: ArgumentHelp("基数所属年度 · The year the figures are for.", valueName: "year")) var year: String
    @Option(parsing: .unconditional, help: ArgumentHelp("志愿者人数 · Volunteers that year.", valueName: "n"))
    var volunteers: String?
    @Option(parsing: .unconditional, help: ArgumentHelp("志愿组织（队伍）数 · Organizations that year.", valueName: "n"))
    var orgs: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = BaselineInput(
            year: try yearValue(year) ?? 0,
            volunteers: try parsed(volunteers) { try Parse.count($0, field: .named("--volunteers")) },
            orgs: try parsed(orgs) { try Parse.count($0, field: .named("--orgs")) }, unit: unit.value)
        try input.validate()
        let id = try options.ledger().surveys.setBaseline(input)
        console.added(id, .baselineSet(year: input.year, volunteers: input.volunteers, orgs: input.orgs))
    }
}
