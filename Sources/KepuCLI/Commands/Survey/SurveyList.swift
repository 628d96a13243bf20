import ArgumentParser
import KepuCore
import KepuReport

struct SurveyList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出满意度调查 · List survey batches.",
        discussion: "示例 · Example:\n  kepu survey list --year 2023")
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.surveys.list(try list.filter(ledger, unit: unit.value))
        let names = try list.workbookNames(ledger, events: items.map { $0.event as Int64? })
        try list.emitList(
            RecordTables.surveys(items, lang: Language.current, names: names), json: items.map { .survey($0) },
            kind: .survey)
    }
}
