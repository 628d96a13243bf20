import ArgumentParser
import KepuCore

struct SurveyImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "导入问卷星下载的答卷（Excel 或 CSV），统计满意度 · Import a 问卷星 answer download.",
        discussion: """
            在问卷星“下载答卷数据”中选“按选项文本下载”，得到 .xlsx 或 .csv：前六列是 序号、提交答卷时间、所用时间、来源、来源详情、来自IP，之后每题一列（“2、您对本次活动的总体满意度”）。统计标题含“满意”的那一题（有多道时用 --question 指定题号或题目文字）。默认“非常满意”“满意”“比较满意”计为满意；0–10 分题 8 分及以上、1–5 分题 4 分及以上计为满意；--satisfied 可改。跳过、空白和 -2/-3 不计入有效份数。日期默认取最后一份的提交日期。

            Download the answers from 问卷星 as 按选项文本 (.xlsx or .csv). The question whose title mentions 满意 is counted, else the one --question names. Satisfied by default: 非常满意, 满意, 比较满意; 8 and above of 0–10; 4 and above of 1–5. Skipped, empty, -2 and -3 are not answers.

            示例 · Example:
              kepu survey import 科普日满意度调查.xlsx --event 3 --dry-run
              kepu survey import 科普日满意度调查.xlsx --event 3 --question 2
              kepu survey import 答卷.csv --event 3 --satisfied 非常满意,满意
            """)
    @Argument(help: "问卷星答卷（.xlsx 或 .csv）· The 问卷星 download.") var file: String
    @Option(help: ArgumentHelp("活动编号 · The event id.", valueName: "id")) var event: String
    @Option(help: ArgumentHelp("统计哪一题：题号或题目文字 · The question, by number or title.", valueName: "n|text"))
    var question: String?
    @Option(
        help: ArgumentHelp("计为满意的答案，逗号分隔 · The answers that count as satisfied.", valueName: "list"))
    var satisfied: String?
    @Option(help: ArgumentHelp("日期（默认最后一份的提交日期）· The day (default: the last submission).", valueName: "date"))
    var date: String?
    @Flag(help: "只检查、不写入 · Check the file and report the counts, writing nothing.") var dryRun = false
    @OptionGroup var sheet: SheetOption
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(event, field: .named("--event"))
        let day = try parsed(date) { try CalendarDate.parse($0, field: .named("--date")) }
        let words = satisfied.map {
            $0.split(whereSeparator: { ",，、".contains($0) }).map { CSVColumns.trim(String($0)) }.filter { !$0.isEmpty }
        }
        let r = try options.ledger().imports.survey(
            path: console.path(file), displayName: displayName(file), sheet: sheet.value, event: eid,
            question: question, satisfied: words, date: day, dryRun: dryRun)
        if let sid = r.surveyID { console.out(String(sid)) }
        guard let tally = r.tally, let date = r.surveyDate else { return }
        console.say(
            .surveyImported(
                SurveyImportSummary(
                    file: r.file, format: r.encoding, event: eid, surveyID: r.surveyID, dryRun: r.dryRun, tally: tally,
                    date: date)))
    }
}
