import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct StatsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stats",
        abstract: "填写年度科普统计调查表（全国科普统计调查）· Fill in the year's science-popularization statistics return.",
        discussion: """
            按自然年从台账汇总：科普活动的次数和人次（分线下、线上）、科普经费、科普读物和资料份数、志愿者人数和服务时长。
            哪一行汇总哪项数据写在表式版本文件里（Seeds/stats/），新一年的表式是一个新文件：--edition 选用，默认最新版本，也可以是文件路径。
            --explain 列出每个数值汇总了哪些活动和记录。“-”表示台账不记录此项。

            The year's figures from the ledger, by calendar year, in the survey's own row names and units. Which row sums
            which figure is data (Seeds/stats/): next year's form is a new file. --edition picks one (the newest by default)
            or reads a file. --explain lists the events and records each figure sums. "-" is a figure the ledger does not keep.

            示例 · Example:
              kepu stats --year 2023
              kepu stats --year 2023 --explain
              kepu stats --year 2023 -o 2023科普统计.csv
              kepu stats --year 2023 --edition 我的表式.yaml --format json
            """)
    @OptionGroup var year: YearOption
    @OptionGroup var output: OutputOptions
    @Option(help: ArgumentHelp("表式版本或版本文件（默认最新）· The edition of the form, or a file.", valueName: "edition"))
    var edition: String?
    @Flag(help: "列出每个数值的来源 · List the records each figure sums.")
    var explain = false
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let fmt = try output.resolvedFormat()
        let ed = try StatsEditions.resolve(edition)
        let ledger = try options.ledger()
        let y = try year.value()
        if fmt == .xlsx {
            let sheet = StatsSheet.make(edition: ed, ledger: try ledger.stats.ledger(year: y, unit: unit.value))
            let report = StatsReport.build(sheet, lang: Language.current, explain: explain)
            try emitWorkbook(to: output.output, what: .stats(format: fmt.rawValue)) {
                try XLSXRenderer.write(report, to: $0)
            }
            return
        }
        let text = try Self.render(
            ledger: ledger, year: y, unit: unit.value, edition: ed, format: fmt, lang: Language.current,
            explain: explain, color: output.output == nil && console.stdoutIsTerminal)
        try emit(text, to: output.output, what: .stats(format: fmt.rawValue))
    }

    static func render(
        ledger: Ledger, year: Int?, unit: String?, edition: StatsEdition, format: ReportFormat, lang: Language,
        explain: Bool, color: Bool = false
    ) throws -> String {
        let sheet = StatsSheet.make(edition: edition, ledger: try ledger.stats.ledger(year: year, unit: unit))
        switch format {
        case .text:
            return TextRenderer(color: color, maxWidth: console.textWidth).render(
                StatsReport.build(sheet, lang: lang, explain: explain))
        case .md: return MarkdownRenderer().render(StatsReport.build(sheet, lang: lang, explain: explain))
        case .csv: return StatsReport.csv(sheet, lang: lang, explain: explain)
        case .json: return StatsReport.json(sheet, explain: explain).render(indent: 2)
        case .html: return HTMLRenderer(lang: lang).render(StatsReport.build(sheet, lang: lang, explain: explain))
        case .xlsx: throw KepuError(.xlsxNeedsOutput)
        }
    }
}

/// The editions of the statistics form kepu carries (Seeds/stats/, compiled in), and `--edition FILE`.
enum StatsEditions {
    static var embedded: [StatsEdition] {
        EmbeddedSeeds.stats.map { try! StatsEdition.parse($0.text, source: $0.name) }
    }

    /// The newest edition, one by name, or a file.
    static func resolve(_ name: String?) throws -> StatsEdition {
        let all = embedded.sorted { $0.name.localizedStandardCompare($1.name) == .orderedAscending }
        guard let name else { return all.last! }
        if let e = all.first(where: { $0.name == name || $0.name + ".yaml" == name }) { return e }
        let path = console.path(name)
        guard FileManager.default.fileExists(atPath: path) else {
            throw KepuError(.unknownEdition(name: name, editions: all.map(\.name)))
        }
        return try StatsEdition.parse(try readTextFile(name), source: (name as NSString).lastPathComponent)
    }
}
