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
        console.out(
            TextRenderer(maxWidth: console.textWidth).render(
                ReportTable(
                    columns: [
                        .init(lang.t("编号", "id"), .right), .init(lang.t("文件", "file")), .init(lang.t("类型", "kind")),
                        .init(lang.t("活动", "event"), .right), .init(lang.t("费用", "cost"), .right),
                        .init(lang.t("字节", "bytes"), .right), .init("sha256"), .init(lang.t("添加日期", "added")),
                    ],
                    rows: items.map {
                        [
                            Cell(String($0.id)), Cell($0.fileName), Cell(lang.vocabulary($0.kind)),
                            Cell($0.event.map(String.init) ?? ""),
                            Cell($0.cost.map(String.init) ?? ""), Cell(String($0.size)),
                            Cell(String($0.sha256.prefix(16)) + "…"),
                            Cell(String($0.addedAt.prefix(10))),
                        ]
                    })))
    }
}
