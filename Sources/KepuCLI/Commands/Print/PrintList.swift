import ArgumentParser
import KepuCore
import KepuReport

struct PrintList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出印刷记录 · List print runs.",
        discussion: "示例 · Example:\n  kepu print list --year 2023")
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.money.printRuns(try list.filter(ledger, unit: unit.value))
        let names = try list.workbookNames(ledger, events: items.map(\.event))
        try list.emitList(
            RecordTables.printRuns(items, lang: Language.current, names: names), json: items.map { .printRun($0) },
            kind: .printRun)
    }
}
