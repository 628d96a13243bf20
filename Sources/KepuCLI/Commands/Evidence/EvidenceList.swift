import ArgumentParser
import KepuCore
import KepuReport

struct EvidenceList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出已保存的佐证材料 · List the stored evidence.",
        discussion: "示例 · Example:\n  kepu evidence list")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let items = try options.ledger().evidence.list()
        guard !items.isEmpty else {
            console.say(.noEvidence)
            return
        }
        let lang = Language.current
        console.out(TextRenderer(maxWidth: console.textWidth).render(RecordTables.evidence(items, lang: lang)))
    }
}
