import ArgumentParser
import KepuCore
import KepuReport

struct PlanList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list",
        abstract: "列出已导入的计划（含已替换的）· List the imported plans, replaced ones included.",
        discussion: "示例 · Example:\n  kepu plan list")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let plans = try options.ledger().plans.list()
        guard !plans.isEmpty else {
            console.err(Catalogue.text(.noPlanYet, lang))
            return
        }
        let t = ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("单位", "unit")), .init(lang.t("年度", "year"), .right),
                .init(lang.t("实施期", "period")), .init(lang.t("文件", "file")), .init(lang.t("导入时间", "imported")),
                .init(lang.t("状态", "status")),
            ],
            rows: plans.map {
                [
                    Cell(String($0.id)), Cell($0.unit), Cell(String($0.year)), Cell($0.period.description),
                    Cell($0.sourceName), Cell($0.importedAt),
                    Cell(
                        $0.replacedAt.map { lang.t("已于 \($0.prefix(10)) 替换", "replaced \($0.prefix(10))") }
                            ?? lang.t("现行", "current")),
                ]
            })
        console.out(TextRenderer(maxWidth: console.textWidth).render(t))
    }
}
