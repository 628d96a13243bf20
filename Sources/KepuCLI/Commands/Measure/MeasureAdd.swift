import ArgumentParser
import KepuCore

struct MeasureAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "登记测量值；度量为 measurement:NAME 的指标取最新一次 · Add a measurement.",
        discussion: """
            示例 · Example:
              kepu measure add --metric literacy-rate --value 10.3% \\
                --date 2023-11-30 --source 2023年石峰区公民科学素质抽样调查
            """)
    @Option(help: ArgumentHelp("测量名称，如 literacy-rate · The measurement's name.", valueName: "name")) var metric: String
    @Option(parsing: .unconditional, help: ArgumentHelp("数值：10.3 或 10.3% · The figure.", valueName: "value"))
    var value: String
    @Option(help: ArgumentHelp("测量日期 · The day it was measured.", valueName: "date")) var date: String
    @Option(help: ArgumentHelp("来源 · Where the figure comes from.", valueName: "text")) var source: String?
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let input = NewMeasurement(
            metric: metric.trimmingCharacters(in: .whitespaces),
            value: try Parse.figure(value, field: .named("--value")),
            date: try CalendarDate.parse(date, field: .named("--date")), source: source.nonBlank, unit: unit.value)
        try input.validate()
        let id = try options.ledger().surveys.addMeasurement(input)
        console.added(id, .measurementAdded(id: id, metric: input.metric, value: input.value, date: input.date))
    }
}
