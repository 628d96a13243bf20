import ArgumentParser
import KepuCore

struct CostImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入财务明细账（CSV），每行一笔费用 · Import the finance office's ledger.",
        discussion: """
            列：日期、金额、支出明细（必填），活动、发票号、摘要、收款方。每行列支到覆盖其日期的计划明细。

            Columns: 日期/date, 金额/amount, 支出明细/line (required), 活动/event, 发票号/invoice, 摘要/summary, 收款方/payee. Each row is charged to the line of the plan covering its date.

            示例 · Example:
              kepu cost import 2023科普经费明细账.csv --dry-run
              kepu cost import 2023科普经费明细账.csv
            """)
    @Argument(help: "明细账（CSV）· The ledger.") var file: String
    @Flag(help: "只检查、不写入 · Check the file, writing nothing.") var dryRun = false
    @OptionGroup var unit: UnitOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let r = try options.ledger().imports.costs(
            path: console.path(file), displayName: displayName(file), unit: unit.value,
            dryRun: dryRun, progress: progressPrinter(.costs))
        reportImport(r, kind: .costs)
    }
}
