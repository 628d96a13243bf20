import ArgumentParser
import KepuCore
import KepuReport

struct MeasureList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出测量值 · List measurements.",
        discussion: "示例 · Example:\n  kepu measure list --all")
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.surveys.measurements(try list.filter(ledger, unit: unit.value))
        let names = try list.workbookNames(ledger, events: [])
        try list.emitList(
            RecordTables.measurements(items, lang: Language.current, names: names),
            json: items.map { .measurement($0) },
            kind: .measurement)
    }
}
