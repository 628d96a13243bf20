import ArgumentParser
import KepuCore

struct AttendanceImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入签到表（CSV 或 Excel），作为一条人次记录 · Import a sign-in sheet as one attendance entry.",
        discussion: """
            按表头找列：姓名（必填）、手机、时间，顺序不限。自动识别 UTF-8（含 BOM）和 Excel 保存的 GBK/GB18030。有一行出错则整个文件不导入，并指出行号（加 --skip-invalid 则跳过有错的行、导入其余各行，--rejects 把跳过的行连同原因写入 .xlsx）；导入过的文件会被拒绝。输出新的人次记录编号。

            Columns are found by header: 姓名/name (required), 手机/phone, 时间/time. UTF-8 and GBK are detected. A bad row fails the whole import with its line number; a file imported before is refused.

            文件可以是 CSV（UTF-8 或 GBK）或 Excel 工作簿 .xlsx（第一个工作表，或用 --sheet 指定）；表头上方的标题行和空行自动跳过。旧版 .xls 请先另存为 .xlsx。
            The file may be CSV (UTF-8 or GBK) or an .xlsx workbook (its first sheet, or --sheet); title rows and blank rows above the header are skipped.

            示例 · Example:
              kepu attendance import --event 7 科普日主场签到表.csv --dry-run
              kepu attendance import --event 7 科普日主场签到表.csv
            """)
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String
    @Argument(help: "签到表（CSV 或 .xlsx）· The sign-in sheet.") var file: String
    @Option(help: ArgumentHelp("签到日期（默认活动第一天）· The day of the sheet.", valueName: "date")) var date: String?
    @Flag(help: "只检查、不写入 · Check the file and report what would be imported, writing nothing.") var dryRun = false
    @OptionGroup var sheet: SheetOption
    @OptionGroup var skipping: SkipInvalidOptions
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let skip = try skipping.checked()
        let eid = try recordID(event, field: .named("--event"))
        let day = try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }
        let r = try options.ledger().imports.signins(
            path: console.path(file), displayName: displayName(file), sheet: sheet.value, event: eid, date: day,
            dryRun: dryRun, skipInvalid: skip,
            progress: progressPrinter(.signins))
        reportImport(r, kind: .signins, event: eid)
        try skipping.report(r, file: displayName(file))
    }
}
