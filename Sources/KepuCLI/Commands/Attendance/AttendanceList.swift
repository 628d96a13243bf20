import ArgumentParser
import KepuCore
import KepuReport

struct AttendanceList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出人次记录 · List attendance entries.",
        discussion: """
            示例 · Example:
              kepu attendance list --year 2023
              kepu attendance list --event 3 --all
            """)
    @OptionGroup var list: ListOptions
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.attendance.list(try list.filter(ledger, unit: unit.value))
        let names = try list.workbookNames(ledger, events: items.map { $0.event as Int64? })
        try list.emitList(
            RecordTables.attendance(items, lang: Language.current, names: names), json: items.map { .attendance($0) },
            kind: .attendance)
    }
}
