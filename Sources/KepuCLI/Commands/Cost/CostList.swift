import ArgumentParser
import KepuCore
import KepuReport

struct CostList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出费用（含未关联活动的）· List costs, those without an event included.",
        discussion: """
            示例 · Example:
              kepu cost list --year 2023
              kepu cost list --year 2023 --format csv -o 2023费用.csv
            """)
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.money.costs(try list.filter(ledger, unit: unit.value))
        let names = try list.workbookNames(ledger, events: items.map(\.event))
        try list.emitList(
            RecordTables.costs(items, lang: Language.current, names: names), json: items.map { .cost($0) }, kind: .cost)
    }
}
