import ArgumentParser
import KepuCore
import KepuReport

struct VolunteerList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出志愿者及其报名和时长（手机号打码）· List volunteers (phones masked).",
        discussion: """
            --year 和 --event 只列在该年度或该活动有报名的志愿者。
            --year and --event list those with a sign-up in that year or for that event.

            示例 · Example:
              kepu volunteer list
              kepu volunteer list --format csv -o 志愿者.csv
            """)
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var list: ListOptions
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let items = try ledger.volunteers.list(try list.filter(ledger, unit: nil))
        guard !items.isEmpty else {
            console.say(.noVolunteers)
            return
        }
        try list.emitList(
            RecordTables.volunteers(items, maskPhones: !showPhones, lang: Language.current),
            json: items.map { .volunteer($0) }, kind: .volunteer)
    }
}
