import ArgumentParser
import KepuCore

struct EventVoid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "作废活动及其全部记录（子活动、人次、费用、印刷、调查、报名）· Void an event and everything on it.",
        discussion: """
            不删除任何内容：记录留在台账和操作记录中，标为作废并保留原因。
            Nothing is deleted: the records stay in the ledger and the audit trail, marked void with the reason.

            示例 · Example:
              kepu event void 7 --reason 重复录入
            """)
    @Argument(help: "活动编号 · The event id.") var id: String
    @Option(help: ArgumentHelp("作废原因（记入操作记录）· Why it is voided.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(id, field: Language.current.t("活动编号", "event id"))
        let why = try Parse.text(reason, field: "--reason")
        let counts = try options.ledger().events.void(eid, reason: why)
        console.say(.eventVoided(id: eid, summary: counts, reason: why))
    }
}
