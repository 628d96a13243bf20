import ArgumentParser
import KepuCore

struct VolunteerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入志愿者名单（CSV 或 Excel）；有活动列的行同时登记报名 · Import volunteers; a row with an event signs up.",
        discussion: """
            列：姓名（必填）、手机、队伍、活动（编号）、时长、日期、角色、平台编号。按手机号匹配已有志愿者，没有手机号时按姓名和队伍；新队伍自动创建。全部导入或全部不导入。

            Columns: 姓名/name (required), 手机/phone, 队伍/org, 活动/event, 时长/hours, 日期/date, 角色/role, 平台编号/platform. Volunteers are matched by phone, else by name and organization. All rows or none.

            文件可以是 CSV（UTF-8 或 GBK）或 Excel 工作簿 .xlsx（第一个工作表，或用 --sheet 指定）；表头上方的标题行和空行自动跳过。旧版 .xls 请先另存为 .xlsx。
            The file may be CSV (UTF-8 or GBK) or an .xlsx workbook (its first sheet, or --sheet); title rows and blank rows above the header are skipped.

            示例 · Example:
              kepu volunteer import 2023志愿者名单.csv --dry-run
              kepu volunteer import 2023志愿者名单.csv
            """)
    @Argument(help: "志愿者名单（CSV 或 .xlsx）· The volunteer list.") var file: String
    @Flag(help: "只检查、不写入 · Check the file, writing nothing.") var dryRun = false
    @OptionGroup var sheet: SheetOption
    @OptionGroup var skipping: SkipInvalidOptions
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let skip = try skipping.checked()
        let r = try options.ledger().imports.volunteers(
            path: console.path(file), displayName: displayName(file), sheet: sheet.value,
            dryRun: dryRun, skipInvalid: skip, progress: progressPrinter(.volunteers))
        reportImport(r, kind: .volunteers)
        try skipping.report(r, file: displayName(file))
    }
}
