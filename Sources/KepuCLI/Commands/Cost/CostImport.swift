import ArgumentParser
import KepuCore

struct CostImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入财务明细账（CSV 或 Excel），每行一笔费用 · Import the finance office's ledger.",
        discussion: """
            列：日期、金额、支出明细（必填），活动、发票号、摘要、收款方。每行列支到覆盖其日期的计划明细。

            Columns: 日期/date, 金额/amount, 支出明细/line (required), 活动/event, 发票号/invoice, 摘要/summary, 收款方/payee. Each row is charged to the line of the plan covering its date.

            文件可以是 CSV（UTF-8 或 GBK）或 Excel 工作簿 .xlsx（第一个工作表，或用 --sheet 指定）；表头上方的标题行和空行自动跳过。旧版 .xls 请先另存为 .xlsx。
            The file may be CSV (UTF-8 or GBK) or an .xlsx workbook (its first sheet, or --sheet); title rows and blank rows above the header are skipped.

            示例 · Example:
              kepu cost import 2023科普经费明细账.csv --dry-run
              kepu cost import 2023科普经费明细账.csv
            """)
    @Argument(help: "明细账（CSV 或 .xlsx）· The ledger.") var file: String
    @Flag(help: "只检查、不写入 · Check the file, writing nothing.") var dryRun = false
    @OptionGroup var unit: UnitOption
    @OptionGroup var sheet: SheetOption
    @OptionGroup var skipping: SkipInvalidOptions
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let skip = try skipping.checked()
        let r = try options.ledger().imports.costs(
            path: console.path(file), displayName: displayName(file), sheet: sheet.value, unit: unit.value,
            dryRun: dryRun, skipInvalid: skip, progress: progressPrinter(.costs))
        reportImport(r, kind: .costs)
        try skipping.report(r, file: displayName(file))
    }
}
