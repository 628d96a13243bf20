import ArgumentParser
import KepuCore
import KepuStore

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "export",
        abstract: "把一年的计划和全部台账导出为 JSON 存档 · Dump a year's plan and whole ledger as JSON.",
        discussion: """
            示例 · Example:
              kepu export --year 2023 --format json -o 2023-kepu-archive.json
            """)
    @Option(help: ArgumentHelp("计划年度 · The plan's year.", valueName: "year")) var year: String
    @Option(help: ArgumentHelp("json", valueName: "format")) var format: String = "json"
    @Option(name: .shortAndLong, help: ArgumentHelp("写入文件 · Write to this file instead of stdout.", valueName: "file"))
    var output: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        guard try outputFormat(format, output: output) == .json else {
            throw KepuError(.invalid(field: .named("--format"), value: format, form: .exportFormat))
        }
        let y = try yearValue(year) ?? 0
        let json = try options.ledger().archive.export(year: y, unit: unit.value).render(indent: 1)
        try emit(json, to: output, what: .export(year: y))
    }
}
