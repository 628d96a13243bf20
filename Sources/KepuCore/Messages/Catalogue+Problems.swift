/// Every refusal kepu says (`Problem`), worded for the command line. The web's wording of the few that
/// name a flag or a command is in `Catalogue+Web.swift`.
extension Catalogue {
    /// A refusal in either language: each case's Chinese beside its English, grouped as `Problem` is.
    /// One exhaustive switch, so that a new case cannot go unworded in either language.
    public static func text(_ p: Problem, _ lang: Language, names: FieldNames = .labels) -> String {
        let zh = lang == .zh
        func n(_ field: Field) -> String { names(field, lang) }
        switch p {

        // MARK: Values typed on a command line, in a form or in a file's cell (usage errors)

        case .several(let all):
            return all.map { text($0, lang, names: names) }.joined(separator: "\n")

        case .invalid(let field, let value, let form):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是\(noun(form, lang))：\(accepted(form, lang))"
            }
            return "\(n(field)) \(q(value, lang)) is not \(noun(form, lang)): \(accepted(form, lang))"
        case .negative(let field, let value, let form):
            if zh {
                let what = form == .amount ? "金额" : form == .hours ? "小时数" : "数量"
                return "\(n(field)) \(q(value, lang)) 是负数：\(what)不能小于 0"
                    + (form == .amount ? "；\(accepted(.amount, lang))" : "")
            }
            switch form {
            case .amount:
                return "\(n(field)) \(q(value, lang)) is negative: amounts are 0 or more; \(accepted(.amount, lang))"
            case .hours: return "\(n(field)) \(q(value, lang)) is negative: hours are 0 or more"
            default: return "\(n(field)) \(q(value, lang)) is negative: counts are 0 or more"
            }
        case .tooPrecise(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 精确到了分以下（最小单位 0.01元）：\(accepted(.amount, lang))"
            }
            return "\(n(field)) \(q(value, lang)) is more precise than a fen (0.01元): \(accepted(.amount, lang))"
        case .tooLarge(let field, let value, let form):
            if zh {
                return "\(n(field)) \(q(value, lang)) 太大，不是合理的\(noun(form, lang))"
            }
            return "\(n(field)) \(q(value, lang)) is too large for \(noun(form, lang))"
        case .notRealDate(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是日历上存在的日期"
            }
            return "\(n(field)) \(q(value, lang)) is not a real calendar date"
        case .atLeastOne(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 至少应为 1"
            }
            return "\(n(field)) \(q(value, lang)) must be at least 1"
        case .zeroCost(let field):
            if zh {
                return "\(n(field)) 为 0：费用必须大于 0（要撤回一笔费用，请作废它）"
            }
            return "\(n(field)) \"0\" is zero: a cost must be more than 0 (to take a cost back, void it)"
        case .empty(let field):
            if zh {
                return "\(n(field)) 为空：请填写内容"
            }
            return "\(n(field)) is empty: give some text"
        case .targetWithoutUnit(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 没有单位：\(accepted(.target, lang))"
            }
            return "\(n(field)) \(q(value, lang)) has no unit: \(accepted(.target, lang))"
        case .targetUnknownUnit(let field, let value, let unit, let known):
            if zh {
                return "\(n(field)) \(q(value, lang)) 的单位“\(unit)”无法识别：可用 \(known.joined(separator: " "))"
            }
            return "\(n(field)) \(q(value, lang)) has the unit \(q(unit, lang)), which kepu does not know: use one of "
                + known.joined(separator: " ")
        case .endBeforeStart(let end, let start):
            if zh {
                return "\(n(.record(.end))) \(end) 早于 \(n(.record(.start))) \(start)：活动不能在开始之前结束"
            }
            return
                "\(n(.record(.end))) \(end) is before \(n(.record(.start))) \(start): an event cannot end before it starts"
        case .satisfiedOverResponses(let s, let r):
            if zh {
                return "\(n(.record(.satisfied))) \(s) 多于 \(n(.record(.responses))) \(r)：满意份数包含在回收份数之内"
            }
            return
                "\(n(.record(.satisfied))) \(s) is more than \(n(.record(.responses))) \(r): satisfied answers are part of the responses"
        case .attendanceTooLarge(let count, let limit):
            if zh {
                return "一条人次记录 \(count) 超过 \(limit)（1亿）人次，不像真实数字；请核对"
            }
            return "one attendance entry of \(count) is over \(limit) (100 million); check the figure"
        case .dateAfterToday(let date, let today):
            if zh {
                return "日期 \(date) 晚于今天（\(today)）；人次和问卷只能记已经发生的"
            }
            return "the date \(date) is after today (\(today)); attendance and surveys record what has happened"
        case .dateOutsideEventYears(let date, let event, let first, let last):
            if zh {
                return "日期 \(date) 不在活动 \(event) 的年度（\(first == last ? "\(first)年" : "\(first)–\(last)年")）内"
            }
            return
                "the date \(date) is outside the year\(first == last ? " \(first)" : "s \(first)–\(last)") of event \(event)"
        case .baselineNeedsFigure:
            if zh {
                return "baseline set 需要 --volunteers 或 --orgs（或两者）"
            }
            return "baseline set needs --volunteers or --orgs (or both)"
        case .whyNeedsScore:
            if zh {
                return "\(n(.why)) 是手工评分的理由，请同时给出 \(n(.score))"
            }
            return "\(n(.why)) explains a manual \(n(.score)); give the score too"
        case .noteNeedsContent:
            if zh {
                return "note set 需要 --reason、--measures、--actual 或 \(n(.score))（连同 \(n(.why))）"
            }
            return "note set needs --reason, --measures, --actual or \(n(.score)) (with \(n(.why)))"
        case .scoreNeedsWhy:
            if zh {
                return "\(n(.score)) 需要 \(n(.why))：手工评分须连同理由一起保存"
            }
            return "\(n(.score)) needs \(n(.why)): a manual score is kept with its reason"
        case .evidenceNeedsRecord:
            if zh {
                return "evidence add 需要 --event 或 --cost：佐证材料要对应一条记录"
            }
            return "evidence add needs --event or --cost: evidence supports a record"
        case .lineNeedsAmount:
            if zh {
                return "\(n(.line)) 和 \(n(.amount)) 要一起给出：调整哪条支出明细、调整后多少"
            }
            return "\(n(.line)) and \(n(.amount)) go together: which line is adjusted, and to what"
        case .unknownCommand(let typed, let suggestion):
            if zh {
                return "没有 \(typed) 命令" + (suggestion.map { "；是否要输入 \($0)？" } ?? "；kepu --help 列出全部命令")
            }
            return "there is no command \(typed)"
                + (suggestion.map { "; did you mean \($0)?" } ?? "; kepu --help lists them")
        case .commandLine(let issue):
            if zh {
                switch issue {
                case .missing(let what): return "缺少必填的 \(what)"
                case .unknownOption(let what): return "没有 \(what) 这个选项"
                case .unknownOptionSuggesting(let what, let s): return "没有 \(what) 这个选项；是不是 \(s)？"
                case .unexpected(let what): return "多余的参数 \(what)"
                case .missingValue(let what): return "\(what) 后面缺少取值"
                case .other(let text): return text
                }

            }
            switch issue {
            case .missing(let what): return "missing \(what)"
            case .unknownOption(let what): return "there is no option \(what)"
            case .unknownOptionSuggesting(let what, let s): return "there is no option \(what); did you mean \(s)?"
            case .unexpected(let what): return "unexpected argument \(what)"
            case .missingValue(let what): return "\(what) needs a value"
            case .other(let text): return text
            }

        // MARK: The database file

        case .databaseExists(let path):
            if zh {
                return "\(path) 已存在；kepu init 从不覆盖数据库（请换一个 --db）"
            }
            return "\(path) already exists; kepu init never overwrites a database (choose another --db)"
        case .cannotCreateFolder(let path, let reason):
            if zh {
                return "无法为数据库创建文件夹 \(path)：\(reason)"
            }
            return "cannot create the folder \(path) for the database: \(reason)"
        case .cannotCreateFile(let path):
            if zh {
                return "无法创建数据库文件 \(path)：请检查文件夹是否可写"
            }
            return "cannot create the database file \(path): check that the folder is writable"
        case .noDatabase(let path):
            if zh {
                return "\(path) 没有 kepu 数据库；先创建：kepu init --db \(path)"
            }
            return "there is no kepu database at \(path); create one with: kepu init --db \(path)"
        case .databaseIsFolder(let path):
            if zh {
                return "\(path) 是文件夹，不是 kepu 数据库文件"
            }
            return "\(path) is a folder, not a kepu database file"
        case .cannotReadDatabase(let path):
            if zh {
                return "无法读取 \(path)：请检查文件权限"
            }
            return "cannot read \(path): check its permissions"
        case .databaseEmpty(let path):
            if zh {
                return "\(path) 是空文件或不完整，不是 kepu 数据库；新建：kepu init --db 新文件"
            }
            return "\(path) is empty or truncated, not a kepu database; create one with: kepu init --db <new file>"
        case .notSQLite(let path):
            if zh {
                return "\(path) 不是 kepu 数据库：它根本不是 SQLite 文件"
            }
            return "\(path) is not a kepu database: it is not an SQLite file at all"
        case .emptySQLite(let path):
            if zh {
                return "\(path) 是空的 SQLite 文件，不是 kepu 数据库；新建：kepu init --db 新文件"
            }
            return "\(path) is an empty SQLite file, not a kepu database; create one with: kepu init --db <new file>"
        case .foreignSQLite(let path, let tables):
            if zh {
                return "\(path) 是 SQLite 数据库，但不是 kepu 的（含其他程序的 \(tables) 张表）"
            }
            return "\(path) is an SQLite database, but not a kepu one (it has \(tables) tables of another program)"
        case .newerKepu(let path, let database, let kepu):
            if zh {
                return "\(path) 由更新版本的 kepu 写入（数据库结构 v\(database)，本 kepu 只认到 v\(kepu)）；请升级 kepu 后再打开（未做任何改动）"
            }
            return
                "\(path) was written by a newer kepu (schema v\(database); this kepu knows up to v\(kepu)); upgrade kepu to open it (nothing was changed)"
        case .sqliteNotADatabase(let path):
            if zh {
                return "\(path) 不是 kepu 数据库：SQLite 无法把它当作数据库读取"
            }
            return "\(path) is not a kepu database: SQLite cannot read it as a database"
        case .damaged(let path):
            if zh {
                return "\(path) 已损坏（SQLite 报告数据损坏）；请用 kepu backup 做的备份恢复"
            }
            return "\(path) is damaged (SQLite reports corruption); restore it from a backup made with kepu backup"
        case .busy(let path):
            if zh {
                return "\(path) 正忙：另一个 kepu 锁定它超过 10 秒；未写入任何内容，请重试"
            }
            return "\(path) is busy: another kepu kept it locked for over 10 seconds; nothing was written, try again"
        case .readOnly(let path):
            if zh {
                return "\(path) 在这里是只读的；未写入任何内容"
            }
            return "\(path) is read-only here; nothing was written"
        case .cannotOpen(let path):
            if zh {
                return "无法打开 \(path)：请检查文件及其文件夹是否可读写"
            }
            return "cannot open \(path): check that the file and its folder are readable and writable"
        case .diskFull(let path):
            if zh {
                return "\(path) 所在磁盘已满；未写入任何内容"
            }
            return "the disk holding \(path) is full; nothing was written"
        case .databaseRefused(let path, let detail):
            if zh {
                return "\(path)：数据库拒绝了这次修改（\(detail)）；未写入任何内容"
            }
            return "\(path): the database refused the change (\(detail)); nothing was written"
        case .inMemoryHasNoFolder:
            if zh {
                return "佐证材料需要数据库文件，内存数据库不能保存"

            }
            return "evidence needs a database file, not an in-memory one"

        // MARK: Records

        case .noSuchRecord(let field, let kind, let id):
            if zh {
                let hint = listCommand(kind).map { "（见 kepu \($0) list）" } ?? ""
                guard let field else { return "\(recordName(kind, .zh)) \(id) 不存在" + hint }
                return "\(n(field)) \(id)：没有这个\(recordName(kind, .zh))" + hint
            }
            let hint = listCommand(kind).map { " (see kepu \($0) list)" } ?? ""
            guard let field else { return "\(recordName(kind, .en)) \(id) does not exist" + hint }
            return "\(n(field)) \(id): there is no such \(recordName(kind, .en))" + hint
        case .recordVoided(let field, let kind, let id, let title, let on):
            if zh {
                guard let field else { return "\(recordName(kind, .zh)) \(id)（\(title)）已于 \(on.prefix(10)) 作废" }
                return "\(n(field)) \(id)：这个\(recordName(kind, .zh))（\(title)）已于 \(on.prefix(10)) 作废"
            }
            guard let field else { return "\(recordName(kind, .en)) \(id) (\(title)) was voided on \(on.prefix(10))" }
            return "\(n(field)) \(id): that \(recordName(kind, .en)) (\(title)) was voided on \(on.prefix(10))"
        case .parentOtherUnit(let parent, let unit):
            if zh {
                return "\(n(.parent)) \(parent) 属于另一个单位，不是 \(n(.unit)) \(unit)"
            }
            return "\(n(.parent)) \(parent) belongs to another unit than \(n(.unit)) \(q(unit, lang))"
        case .planJSONNeedsSummary:
            if zh {
                return "计划以 YAML 文件为准；\(n(.format)) json 只用于 --summary（附表2）"
            }
            return "the plan's own form is its YAML file; \(n(.format)) json is only for --summary (附表2)"
        case .noOfficialTable(let files):
            if zh {
                return
                    "\(files.joined(separator: "、")) 里没有认得出的绩效目标表：表的标题应含“部门整体支出绩效目标表”“专项资金绩效目标汇总表”“专项资金支出方向绩效目标表”或“项目支出绩效目标表”"
            }
            return
                "\(files.joined(separator: ", ")) holds no target table kepu knows: a table's title should contain 部门整体支出绩效目标表, 专项资金绩效目标汇总表, 专项资金支出方向绩效目标表 or 项目支出绩效目标表"
        case .officialTablesNeedTargets:
            if zh {
                return "只有附表2（汇总表）：请一并导入部门整体支出绩效目标表或各支出方向的附表3，指标在那里"
            }
            return
                "only the summary table (附表2) was given: import the department table or each project's table (附表3) with it, which hold the indicators"
        case .officialTableTwice(let name):
            if zh {
                return "有两张支出方向绩效目标表（附表3）都叫 \(name)；每个支出方向只能有一张"
            }
            return "two project tables (附表3) are both named \(name); each project has one"
        case .officialTablesNoYear:
            if zh {
                return "表的标题里没有年度（应像“2023年部门整体支出绩效目标表”）"
            }
            return "no table's title names the year (as in 2023年部门整体支出绩效目标表)"
        case .officialTablesNoUnit:
            if zh {
                return "找不到部门名称：请一并导入部门整体支出绩效目标表，或用 \(n(.unit)) 指明单位"
            }
            return "no 部门名称 was found: import the department table too, or name the unit with \(n(.unit))"
        case .indicatorTableWithoutTarget(let table):
            if zh {
                return "\(table) 的年度绩效指标没有“指标值”一列，读不出各项指标的目标"
            }
            return "the indicators of \(table) have no 指标值 column, so their targets cannot be read"
        case .indicatorWithoutTarget(let table, let indicator, let sheet, let row):
            if zh {
                return "\(table) 的指标“\(indicator)”（工作表 \(sheet) 第 \(row) 行）没有指标值：请填上目标（如“2次”“98%”，没有目标写“无”）后再导入"
            }
            return
                "the indicator \"\(indicator)\" of \(table) (sheet \(sheet), row \(row)) has no target (指标值): fill one in (such as 2次 or 98%, or 无 for none) and import again"
        case .indicatorWithoutLevel(let table, let indicator, let level, let sheet, let row):
            if zh {
                return "\(table) 的指标“\(indicator)”（工作表 \(sheet) 第 \(row) 行）不在任何\(level)之下：请填上\(level)后再导入"
            }
            return
                "the indicator \"\(indicator)\" of \(table) (sheet \(sheet), row \(row)) is under no \(level): fill it in and import again"
        case .officialTableWithoutIndicators(let table):
            if zh {
                return "\(table) 里找不到年度绩效指标（应有“一级指标”“二级指标”“三级指标”“指标值”一行表头，其下是各项指标）"
            }
            return
                "\(table) holds no indicators (a header row of 一级指标, 二级指标, 三级指标 and 指标值, with the indicators below it)"
        case .docxNotSupported(let file):
            if zh {
                return "\(file) 是 Word 文件，kepu 读不了；请把各张表复制到 Excel（或 WPS 表格），另存为 .xlsx 后再导入"
            }
            return
                "\(file) is a Word file, which kepu does not read: copy the tables into Excel (or WPS) and save them as .xlsx"
        case .projectRequired(let field, let year, let projects):
            if zh {
                return "\(year) 年有 \(projects.count) 个项目，请用 \(n(field)) 指明属于哪一个："
                    + list(projects.map { "\($0.id)（\($0.name)）" }, lang)
            }
            return "\(year) has \(projects.count) projects; say which with \(n(field)): "
                + projects.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        case .noSuchProject(let field, let value, let year, let projects):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是 \(year) 年计划的项目：可用 "
                    + list(projects.map { "\($0.id)（\($0.name)）" }, lang)
            }
            return "\(n(field)) \(q(value, lang)) is not a project of the \(year) plan: use "
                + projects.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        case .lineOtherProject(let field, let line, let lineProject, let event, let eventProject):
            if zh {
                return "\(n(field)) \(line) 属于项目 \(lineProject)，而活动 \(event) 属于项目 \(eventProject)；费用应列支到活动所在项目的明细"
            }
            return
                "\(n(field)) \(line) belongs to the project \(lineProject), but event \(event) to \(eventProject); charge a cost to a line of its event's project"
        case .projectDiffersFromParent(let parent, let parentProject, let project):
            if zh {
                return "子活动随上级活动 \(parent) 属于项目 \(parentProject)，不能另指定为 \(project)"
            }
            return "a sub-activity is in its parent \(parent)'s project \(parentProject), not \(project)"
        case .notALine(let field, let value, let year, let unit, let lines):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是 \(unit) \(year) 年计划的支出明细：可用 "
                    + list(lines.map { "\($0.id)（\($0.name)）" }, lang)
            }
            return "\(n(field)) \(q(value, lang)) is not a line of the \(year) plan of \(unit): use "
                + lines.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
        case .noPrintingLine(let year):
            if zh {
                return "\(year) 年计划没有印刷类支出明细（列出计划印刷数量的明细），印刷费无处列支"
            }
            return "the \(year) plan has no printing line (a line with planned runs) to charge print runs to"
        case .phoneTaken(let field, let phone, let volunteer, let name):
            if zh {
                return "\(n(field)) \(phone)：志愿者 \(volunteer)（\(name)）已使用这个号码"
            }
            return "\(n(field)) \(phone): volunteer \(volunteer) (\(name)) already has this phone"
        case .alreadySignedUp(let name, let event, let date, let signup):
            if zh {
                return "\(name) 已报名 \(date) 的活动 \(event)" + (signup.map { "（报名记录 \($0)）" } ?? "")
            }
            return "\(name) is already signed up for event \(event) on \(date)"
                + (signup.map { " (sign-up \($0))" } ?? "")
        case .notAnIndicator(let field, let value, let year, let ids):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是 \(year) 年计划的指标：可用 \(list(ids, lang))"
            }
            return
                "\(n(field)) \(q(value, lang)) is not an indicator of the \(year) plan: use \(ids.joined(separator: ", "))"
        case .indicatorNotScored(let id):
            if zh {
                return "\(n(.indicator)) \(id) 不计分（指标值为 无），不能手工评分"
            }
            return "\(n(.indicator)) \(id) is not scored (its target is 无), so it takes no manual score"
        case .scoreOverWeight(let score, let id, let weight):
            if zh {
                return "\(n(.score)) \(score) 超过了 \(id) 的分值 \(weight)；请给 0 到 \(weight) 分"
                    + "（达成 ≥ \(weight.scaled(by: 8, 10) ?? weight)，部分达成 ≥ \(weight.scaled(by: 6, 10) ?? weight)）"

            }
            return "\(n(.score)) \(score) is more than the weight of \(id), \(weight); give 0 to \(weight) "
                + "(达成 ≥ \(weight.scaled(by: 8, 10) ?? weight), 部分达成 ≥ \(weight.scaled(by: 6, 10) ?? weight))"

        case .notVoided(let kind, let id):
            if zh {
                return "\(recordName(kind, .zh)) \(id) 没有作废，无需恢复"
            }
            return "\(recordName(kind, .en)) \(id) is not voided; there is nothing to restore"
        case .voidedWithAnother(let kind, let id, let rootKind, let rootID):
            if zh {
                return "\(recordName(kind, .zh)) \(id) 是随\(recordName(rootKind, .zh)) \(rootID) 一起作废的；"
                    + "请恢复\(recordName(rootKind, .zh)) \(rootID)，它会一并恢复"
            }
            return "\(recordName(kind, .en)) \(id) was voided with \(recordName(rootKind, .en)) \(rootID); "
                + "restore \(recordName(rootKind, .en)) \(rootID) and it comes back too"
        case .restoreBlocked(let kind, let id, let block):
            if zh {
                let what = "\(recordName(kind, .zh)) \(id) 不能恢复："
                switch block {
                case .parentVoided(let e): return what + "它所属的活动 \(e) 已作废，请先恢复活动 \(e)"
                case .eventVoided(let e): return what + "它的活动 \(e) 已作废，请先恢复活动 \(e)"
                case .volunteerVoided(let v): return what + "志愿者 \(v) 已作废，请先恢复志愿者 \(v)"
                case .costVoided(let c): return what + "它的费用 \(c) 已作废，请先恢复费用 \(c)"
                case .phoneTaken(let v, let name): return what + "它的手机号已由志愿者 \(v)（\(name)）使用"
                case .signupTaken(let g): return what + "同一志愿者当天已有报名记录 \(g)"
                case .doorDayTaken(let r):
                    return what + "这一天的扫码签到此后已另开记录 \(r)，恢复会重复计数；确需恢复请先作废记录 \(r)"
                }
            }
            let what = "\(recordName(kind, .en)) \(id) cannot be restored: "
            switch block {
            case .parentVoided(let e): return what + "its campaign, event \(e), is voided; restore event \(e) first"
            case .eventVoided(let e): return what + "its event \(e) is voided; restore event \(e) first"
            case .volunteerVoided(let v): return what + "volunteer \(v) is voided; restore volunteer \(v) first"
            case .costVoided(let c): return what + "its cost \(c) is voided; restore cost \(c) first"
            case .phoneTaken(let v, let name): return what + "its phone is now used by volunteer \(v) (\(name))"
            case .signupTaken(let g): return what + "the volunteer already has sign-up \(g) for that event and day"
            case .doorDayTaken(let r):
                return what
                    + "the door's sign-ins of that day went on in record \(r) since, and both would count; void \(r) first if you must"
            }
        case .nothingChanged(let kind, let id):
            if zh {
                return "没有要修改的内容：给出的值与\(recordName(kind, .zh)) \(id) 现有的相同"
            }
            return "nothing to change: the values given are those \(recordName(kind, .en)) \(id) already has"
        case .duplicateEvent(let title, let start, let existing):
            if zh {
                return "已有同名同日的活动 \(existing)（\(title)，\(start)）；确属另一场活动请加 --allow-duplicate"
            }
            return "event \(existing) already has this title and start (\(title), \(start)); "
                + "add --allow-duplicate if it really is another event"
        case .eventTitleAmbiguous(let field, let title, let ids):
            if zh {
                return "\(n(field)) \(title) 对应多个活动（\(ids.map(String.init).joined(separator: "、"))）；请改写活动编号"
            }
            return
                "\(n(field)) \(q(title, lang)) names several events (\(ids.map(String.init).joined(separator: ", "))); "
                + "write the event's id instead"
        case .eventTitleUnknown(let field, let title):
            if zh {
                return "\(n(field)) \(title) 既不是活动编号，也不是本年度活动的名称（见 kepu event list）"
            }
            return "\(n(field)) \(q(title, lang)) is neither an event id nor the title of one of the year's events "
                + "(see kepu event list)"
        case .metricNotRead(let field, let metric, let year, let names):
            if zh {
                return "\(n(field)) \(metric) 不是 \(year) 年计划的指标使用的测量名称："
                    + (names.isEmpty ? "计划里没有测量类指标" : "可用 \(list(names, lang))")
            }
            return "\(n(field)) \(q(metric, lang)) is not read by any indicator of the \(year) plan: "
                + (names.isEmpty ? "the plan has no measurement indicator" : "use \(names.joined(separator: ", "))")
        case .unknownOutputExtension(let path, let ext, let accepted):
            if zh {
                return "\(n(.output)) \(path)：kepu 不写 .\(ext) 文件；可写 \(accepted.map { "." + $0 }.joined(separator: "、"))"
            }
            return
                "\(n(.output)) \(path): kepu does not write .\(ext) files; it writes \(accepted.map { "." + $0 }.joined(separator: ", "))"
        case .backupFolderMissing(let folder):
            if zh {
                return "备份文件夹 \(folder) 不存在；请先建好文件夹，或换一个位置"
            }
            return "the backup folder \(folder) does not exist; create it first or choose another place"
        case .basicSpendingExists(let year, let spent):
            if zh {
                return "\(year) 年已登记基本支出 \(spent)；要替换请加 --reason 说明原因"
            }
            return "the \(year) basic expenditure is already recorded (\(spent)); add --reason to replace it"

        // MARK: Plans

        case .planHasErrors(let source, let count, let first):
            if zh {
                return "\(source) 有 \(count) 处错误，未导入；第一处：\(text(first.subject, .zh))：\(first.text(.zh))"
            }
            return "\(source) has \(count) error\(count == 1 ? "" : "s") and was not imported; the first: "
                + "\(first.subject.code): \(first.text(.en))"
        case .planAlreadyImported(let plan, let unit, let year):
            if zh {
                return "这份计划已导入过（\(unit) \(year) 年，计划 \(plan)）；无需再导入"
            }
            return "this plan is already imported (plan \(plan) for \(unit) \(year)); nothing to do"
        case .planExists(let plan, let unit, let year):
            if zh {
                return "\(unit) 已有 \(year) 年计划（计划 \(plan)）；要替换请加 --replace（台账保留）"
            }
            return "\(unit) already has a \(year) plan (plan \(plan)); use --replace to swap it (the ledger is kept)"
        case .periodOverlaps(let period, let plan, let year, let other):
            if zh {
                return "实施期 \(period) 与同一单位的计划 \(plan)（\(year) 年，\(other)）重叠"
            }
            return "the period \(period) overlaps plan \(plan) (\(year), \(other)) of the same unit"
        case .noPlanYet:
            if zh {
                return "还没有导入任何计划；请先导入当年的绩效目标表：kepu plan import 文件"
            }
            return "no plan has been imported yet; import the year's plan first: kepu plan import FILE"
        case .noPlanFor(let year, let unit, let existing):
            if zh {
                let what = [year.map { "\($0) 年" }, unit].compactMap { $0 }.joined(separator: " ")
                return "没有\(unit == nil ? "" : " ")\(what)的计划；已有计划：\(list(existing, lang))"
            }
            let what = [year.map { "for \($0)" }, unit.map { "of \($0)" }].compactMap { $0 }.joined(separator: " ")
            return "there is no plan \(what); plans exist for \(existing.joined(separator: ", "))"
        case .severalUnitsHavePlan(let year, let units):
            if zh {
                return "有多个单位有 \(year) 年计划（\(list(units, lang))）；请用 \(n(.unit)) 指定"
            }
            return "several units have a \(year) plan (\(units.joined(separator: ", "))); choose one with \(n(.unit))"
        case .severalUnitsCover(let date):
            if zh {
                return "有多个单位的计划覆盖 \(date)；请用 \(n(.unit)) 指定"
            }
            return "several units have a plan covering \(date); choose one with \(n(.unit))"
        case .noPlanCovers(let date, let existing):
            if zh {
                return "没有计划覆盖 \(date)；已有计划：\(list(existing, lang))；请先导入那一年的计划"
            }
            return
                "no plan covers \(date); plans exist for \(existing.joined(separator: ", ")); import that year's plan first"
        case .unknownUnit(let name, let units):
            if zh {
                return "\(n(.unit)) \(q(name, lang)) 不是已导入计划的单位；现有单位："
                    + (units.isEmpty ? "暂无（请先导入计划）" : list(units, lang))
            }
            return "\(n(.unit)) \(q(name, lang)) is not a unit with a plan; units: "
                + (units.isEmpty ? "none yet (import a plan)" : units.joined(separator: ", "))
        case .severalUnits:
            if zh {
                return "这个数据库里有多个单位；请用 \(n(.unit)) 指定"
            }
            return "several units share this database; choose one with \(n(.unit))"
        case .yamlInvalid(let source, let detail):
            if zh {
                return "\(source) 不是有效的 YAML：\(detail)"
            }
            return "\(source) is not valid YAML: \(detail)"
        case .notAPlan(let source):
            if zh {
                return "\(source) 不是计划文件：应有 unit、year、period、budget、lines、indicators 等键"
            }
            return "\(source) is not a plan: expected keys unit, year, period, budget, lines, indicators"
        case .notAStatsEdition(let source):
            if zh {
                return "\(source) 不是统计表版本文件：应有 edition、title 和 rows 三个键"
            }
            return "\(source) is not a statistics edition: expected the keys edition, title and rows"
        case .statsRow(let source, let line, let issue):
            if zh {
                let at = line.map { "\(source) 第 \($0) 行" } ?? source
                switch issue {
                case .missingKey(let key): return "\(at)：这一行缺少 \(key)"
                case .unknownValue(let key, let value, let known):
                    return "\(at)：\(key) \(q(value, lang)) 无法识别；可选：\(list(known, lang))"
                }
            }
            let at = line.map { "\(source) line \($0)" } ?? source
            switch issue {
            case .missingKey(let key): return "\(at): the row has no \(key)"
            case .unknownValue(let key, let value, let known):
                return "\(at): \(key) \(q(value, lang)) is not known; choose from \(known.joined(separator: ", "))"
            }
        case .unknownEdition(let name, let editions):
            if zh {
                return "\(n(.edition)) \(q(name, lang)) 不是已知的统计表版本，也不是文件；现有版本：\(list(editions, lang))"
            }
            return "\(n(.edition)) \(q(name, lang)) is neither a known edition of the form nor a file; editions: "
                + editions.joined(separator: ", ")
        case .noSampleYear(let year, let years):
            if zh {
                return "没有 \(year) 年的示例；示例年度：\(list(years.map(String.init), lang))"
            }
            return "there is no sample of \(year); sample years: \(years.map(String.init).joined(separator: ", "))"
        case .planFile(let source, let line, let path, let issue):
            if zh {
                let at = line.map { "\(source) 第 \($0) 行：" } ?? "\(source)："
                let key = path == "plan" ? "计划" : path.isEmpty ? "" : "\(path) "
                return at + key + planIssue(issue, .zh)

            }
            let at = line.map { "\(source) line \($0): " } ?? "\(source): "
            let key = path.isEmpty ? "" : "\(path) "
            return at + key + planIssue(issue, .en)

        // MARK: Files, imports, evidence, backups

        case .cannotReadFile(let name):
            if zh {
                return "无法读取 \(name)：文件不存在或不可读"
            }
            return "cannot read \(name): no such file, or it is not readable"
        case .notUTF8Text(let name):
            if zh {
                return "\(name) 不是 UTF-8 文本；请另存为 UTF-8"
            }
            return "\(name) is not UTF-8 text; save it as UTF-8"
        case .cannotWrite(let path, let reason):
            if zh {
                return "无法写入 \(path)：\(reason)"
            }
            return "cannot write \(path): \(reason)"
        case .evidenceFolderUnwritable(let folder):
            if zh {
                return "无法写入佐证材料文件夹 \(folder)"
            }
            return "cannot write into the evidence folder \(folder)"
        case .evidenceCopyFailed(let name, let reason):
            if zh {
                return "无法把 \(name) 复制到佐证材料文件夹：\(reason)"
            }
            return "cannot copy \(name) into the evidence folder: \(reason)"
        case .evidenceDuplicate(let name, let id):
            if zh {
                return "\(name) 已经是同一条记录的佐证材料 \(id)（内容相同）"
            }
            return "\(name) is already evidence \(id) for the same record (same content)"
        case .evidenceFileMissing(let id, let file):
            if zh {
                return "佐证材料 \(id)（\(file)）的文件在佐证材料文件夹中找不到；请用备份恢复该文件夹"
            }
            return
                "the file of evidence \(id) (\(file)) is missing from the evidence folder; restore the folder from a backup"
        case .backupExists(let path):
            if zh {
                return "\(path) 已存在；kepu backup 从不覆盖文件"
            }
            return "\(path) already exists; kepu backup never overwrites a file"
        case .cannotCreateBackup(let path):
            if zh {
                return "无法创建备份文件 \(path)：请检查文件夹是否存在且可写"
            }
            return "cannot create the backup file \(path): check that the folder exists and is writable"
        case .restoreTargetExists(let path):
            if zh {
                return "\(path) 已存在；恢复从不覆盖已有的数据库及其文件，请换一个 --db 路径"
            }
            return "\(path) already exists; a restore never writes over a database or its files: choose another --db"
        case .backupDamaged(let file, let what):
            if zh {
                let detail: String
                switch what {
                case .notAnArchive: detail = "不是 kepu 的备份文件，或文件不完整"
                case .missingPart(let part): detail = "缺少 \(part)"
                case .unlisted(let part): detail = "含有清单之外的 \(part)"
                case .altered(let part): detail = "\(part) 与备份时的校验码不符（文件已损坏或被改动）"
                case .integrity(let result): detail = "数据库完整性检查未通过（\(result)）"
                case .auditBroken(let row): detail = "操作记录在第 \(row) 条处断链"
                case .evidenceMissing(let id, let name): detail = "佐证材料 \(id)（\(name)）的文件缺失或已被改动"
                }
                return "备份 \(file) 无法恢复：\(detail)；未写入任何内容"
            }
            let detail: String
            switch what {
            case .notAnArchive: detail = "it is not a kepu backup, or it is cut short"
            case .missingPart(let part): detail = "\(part) is missing"
            case .unlisted(let part): detail = "it holds \(part), which its manifest does not list"
            case .altered(let part): detail = "\(part) does not match its checksum from the backup (damaged or changed)"
            case .integrity(let result): detail = "the database fails its integrity check (\(result))"
            case .auditBroken(let row): detail = "the audit trail's chain breaks at row \(row)"
            case .evidenceMissing(let id, let name):
                detail = "the file of evidence \(id) (\(name)) is missing or changed"
            }
            return "the backup \(file) can't be restored: \(detail); nothing was written"
        case .backupIntegrity(let path, let result):
            if zh {
                return "备份 \(path) 未通过完整性检查：\(result)"
            }
            return "the backup \(path) failed its integrity check: \(result)"
        case .alreadyImported(let file, let on, let importID, let rows, let original):
            if zh {
                return "\(file) 已于 \(on.prefix(10)) 导入过（导入批次 \(importID)，\(original) 共 \(rows) 行）；本次未导入"
            }
            return
                "\(file) was already imported on \(on.prefix(10)) (import \(importID), \(count(rows, "row||s")) from \(original)); nothing was imported"
        case .importRow(let file, let line, let problem):
            if zh {
                return "\(file) 第 \(line) 行：\(text(problem, .zh, names: names))；整个文件未导入"
            }
            return "\(file) line \(line): \(text(problem, .en, names: names)); nothing was imported"
        case .importNoRows(let file):
            if zh {
                return "\(file) 只有表头，没有数据行；未导入"
            }
            return "\(file) has a header but no rows; nothing was imported"
        case .importEmpty(let file):
            if zh {
                return "\(file) 是空的：应有表头行"
            }
            return "\(file) is empty: a header row is expected"
        case .missingColumn(let file, let column, let header, let aliases):
            if zh {
                return "\(file) 没有“\(column)”列：表头是 \(header.joined(separator: ","))；请把该列命名为 \(orList(aliases, lang))"
            }
            return
                "\(file) has no \(column) column: its header is \(header.joined(separator: ",")); name the column \(aliases.joined(separator: " or "))"
        case .csvUnclosedQuote(let line):
            if zh {
                return "第 \(line) 行的引号没有闭合（缺少配对的 \"）"
            }
            return "line \(line): a quoted field is not closed (a \" without its partner)"
        case .csvNotUTF8(let line):
            if zh {
                return "第 \(line) 行不是有效的 UTF-8 文本；请另存为 UTF-8 或 GBK"
            }
            return "line \(line) is not valid UTF-8 text; save the file as UTF-8 or GBK"
        case .inFile(let file, let problem):
            if zh {
                return "\(file) \(text(problem, .zh, names: names))"
            }
            return "\(file) \(text(problem, .en, names: names))"
        case .iconvUnavailable(let encoding, let file):
            if zh {
                return "本系统无法转换 \(encoding) 文本（iconv）；请把 \(file) 另存为 UTF-8"
            }
            return "this system cannot convert \(encoding) text (iconv); save \(file) as UTF-8"
        case .notTextEncoding(let file, let offset):
            if zh {
                return "\(file) 既不是 UTF-8 也不是 GBK/GB18030 文本（第 \(offset) 字节附近有错）；请另存为 UTF-8"
            }
            return "\(file) is neither UTF-8 nor GBK/GB18030 text (bad byte near offset \(offset)); save it as UTF-8"
        case .truncatedGBK(let file):
            if zh {
                return "\(file) 在一个 GBK/GB18030 字符中间结束；文件可能不完整"
            }
            return "\(file) ends in the middle of a GBK/GB18030 character; the file may be cut short"
        case .xlsNotSupported(let file):
            if zh {
                return
                    "\(file) 是旧版 Excel 97-2003 工作簿（.xls），kepu 读不了；请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，再导入新文件"
            }
            return
                "\(file) is an old Excel 97-2003 workbook (.xls), which kepu cannot read; open it in Excel or WPS, choose File → Save As, pick \"Excel Workbook (*.xlsx)\", and import the new file"
        case .xlsxBroken(let file, let part):
            if zh {
                return "\(file) 不是完好的 .xlsx 工作簿" + (part.isEmpty ? "" : "（\(part) 读不出）")
                    + "；请在 Excel 或 WPS 中打开后重新保存为 .xlsx"
            }
            return "\(file) is not a sound .xlsx workbook" + (part.isEmpty ? "" : " (\(part) cannot be read)")
                + "; open it in Excel or WPS and save it again as .xlsx"
        case .xlsxOverLimit(let file, let limit):
            if zh {
                let what: String
                switch limit {
                case .ratio(let part, let ratio): what = "\(part) 解压后超过压缩大小的 \(ratio) 倍"
                case .partSize(let part, let mib): what = "\(part) 解压后超过 \(mib) MiB"
                case .workbookSize(let gib): what = "整个工作簿解压后超过 \(gib) GiB"
                case .cellLength(let sheet, let row, let max):
                    what = "工作表“\(sheet)”第 \(row) 行有一格超过 Excel 每格 \(max) 个字符的上限"
                case .rows(let sheet, let max): what = "工作表“\(sheet)”超过 Excel 的 \(max) 行"
                case .columns(let sheet, let row, let max): what = "工作表“\(sheet)”第 \(row) 行超过 Excel 的 \(max) 列"
                case .sharedStrings(let max): what = "共享文本超过 \(max) 条，比表格的单元格还多"
                case .text(let sheet, let row, let mib):
                    what = "单元格的文字合计超过 \(mib) MiB（工作表“\(sheet)”第 \(row) 行）"
                case .rowText(let sheet, let row, let mib):
                    what = "工作表“\(sheet)”第 \(row) 行的文字超过 \(mib) MiB"
                }
                return "\(file) 不像是正常的表格：\(what)；未读取，未写入任何内容"
            }
            let what: String
            switch limit {
            case .ratio(let part, let ratio): what = "\(part) inflates to more than \(ratio) times its compressed size"
            case .partSize(let part, let mib): what = "\(part) inflates to more than \(mib) MiB"
            case .workbookSize(let gib): what = "the workbook inflates to more than \(gib) GiB"
            case .cellLength(let sheet, let row, let max):
                what = "row \(row) of the sheet \"\(sheet)\" has a cell over Excel's \(max) characters"
            case .rows(let sheet, let max): what = "the sheet \"\(sheet)\" goes past Excel's \(max) rows"
            case .columns(let sheet, let row, let max):
                what = "row \(row) of the sheet \"\(sheet)\" goes past Excel's \(max) columns"
            case .sharedStrings(let max): what = "it has more than \(max) shared strings, more than its cells"
            case .text(let sheet, let row, let mib):
                what = "its cells' text comes to more than \(mib) MiB (at row \(row) of the sheet \"\(sheet)\")"
            case .rowText(let sheet, let row, let mib):
                what = "row \(row) of the sheet \"\(sheet)\" holds more than \(mib) MiB of text"
            }
            return "\(file) is no ordinary workbook: \(what); it was not read and nothing was written"
        case .sheetNotFound(let file, let sheet, let sheets):
            if zh {
                return "\(file) 里没有名为“\(sheet)”的工作表；有：\(sheets.joined(separator: "、"))"
            }
            return "\(file) has no sheet named \"\(sheet)\"; its sheets are \(sheets.joined(separator: ", "))"
        case .sheetOnlyForXlsx(let file):
            if zh {
                return "\(n(.sheet)) 只用于 .xlsx 工作簿，\(file) 是 CSV 文本文件"
            }
            return "\(n(.sheet)) is for .xlsx workbooks only; \(file) is a CSV text file"
        case .xlsxNeedsOutput:
            if zh {
                return "Excel 工作簿不能显示在屏幕上：请用 -o 写入文件，如 -o 2023绩效自评.xlsx"
            }
            return "an Excel workbook cannot be shown on screen: write it to a file with -o, such as -o 2023.xlsx"
        case .xlsxCellTooLong(let sheet, let cell, let length, let limit):
            if zh {
                return "工作表“\(sheet)”的 \(cell) 格有 \(length) 个字符，超过 Excel 每格 \(limit) 个字符的上限；未写出工作簿"
            }
            return
                "cell \(cell) of the sheet \"\(sheet)\" holds \(length) characters, more than Excel's \(limit) per cell; no workbook was written"
        case .xlsxNumberNotFinite(let sheet, let cell):
            if zh {
                return "工作表“\(sheet)”的 \(cell) 格不是有效数字（无穷大或非数）；未写出工作簿"
            }
            return "cell \(cell) of the sheet \"\(sheet)\" is not a finite number; no workbook was written"
        case .xlsxOutOfRange(let sheet, let row, let column):
            if zh {
                return "工作表“\(sheet)”的第 \(row) 行第 \(column) 列超出 Excel 的范围（最多 1,048,576 行、16,384 列）；未写出工作簿"
            }
            return
                "row \(row), column \(column) of the sheet \"\(sheet)\" is beyond Excel's 1,048,576 rows and 16,384 columns; no workbook was written"
        case .outputFormatDisagrees(let format, let path, let fileFormat):
            if zh {
                return
                    "\(n(.format)) \(format) 与 \(n(.output)) \(path) 不一致（文件扩展名表示 \(fileFormat)）；请去掉 \(n(.format))，或让两者一致"
            }
            return
                "\(n(.format)) \(format) disagrees with \(n(.output)) \(path), whose extension means \(fileFormat); drop \(n(.format)) or make them agree"

        // MARK: The year's lock

        case .yearLocked(let year, let on, let reason):
            if zh {
                return "\(year)年已封账（\(on)，\(reason)），不能再修改；确需修改请由管理员解除封账：kepu year unlock \(year) --reason 原因"
            }
            return
                "\(year) is locked (\(on), \(reason)) and can no longer be changed; an admin can lift the lock: kepu year unlock \(year) --reason WHY"
        case .yearAlreadyLocked(let year, let on, let reason):
            if zh {
                return "\(year)年已于 \(on) 封账（\(reason)）"
            }
            return "\(year) was already locked on \(on) (\(reason))"
        case .yearNotLocked(let year):
            if zh {
                return "\(year)年没有封账，无需解除"
            }
            return "\(year) is not locked; there is nothing to unlock"

        // MARK: Users, sign-in and the web's forms

        case .userExists(let name):
            if zh {
                return "已有用户 \(name)（用户名不分大小写）"
            }
            return "there is already a user \(name) (names ignore case)"
        case .noSuchUser(let name):
            if zh {
                return "没有用户 \(name)（见 kepu user list）"
            }
            return "there is no user \(name) (see kepu user list)"
        case .userDisabled(let name):
            if zh {
                return "用户 \(name) 已停用"
            }
            return "the user \(name) is disabled"
        case .lastAdmin(let name):
            if zh {
                return "\(name) 是最后一位在用的管理员，不能停用；请先添加另一位管理员"
            }
            return "\(name) is the last active admin and cannot be disabled; add another admin first"
        case .cannotDisableSelf(let name):
            if zh {
                return "不能停用自己（\(name)）；请由另一位管理员操作"
            }
            return "you cannot disable yourself (\(name)); ask another admin"
        case .userNotDisabled(let name):
            if zh {
                return "用户 \(name) 没有停用，无需启用"
            }
            return "the user \(name) is not disabled"
        case .noSuchToken(let name, let id):
            if zh {
                return "\(name) 没有编号为 \(id) 的 API 令牌（见 kepu user tokens \(name)）"
            }
            return "\(name) has no API token \(id) (see kepu user tokens \(name))"
        case .tokenRevoked(let id):
            if zh {
                return "API 令牌 \(id) 已作废"
            }
            return "the API token \(id) is already revoked"
        case .passwordTooWeak:
            if zh {
                return "密码至少 8 个字符，且不能全是同一个字符"
            }
            return "a password needs at least 8 characters, not all the same"
        case .passwordTooLong:
            if zh {
                return "密码太长：最多 72 个字节（约 24 个汉字）"
            }
            return "the password is too long: at most 72 bytes"
        case .passwordNeeded:
            if zh {
                return "请输入密码：在终端上运行时会提示输入；脚本里请加 --password-stdin，从标准输入读一行"
            }
            return
                "a password is needed: on a terminal you are asked for it; in a script add --password-stdin and give one line on standard input"
        case .passwordsDiffer:
            if zh {
                return "两次输入的密码不一致；未作修改"
            }
            return "the two passwords differ; nothing was changed"
        case .wrongCurrentPassword:
            if zh {
                return "当前密码不对；未作修改"
            }
            return "the current password is wrong; nothing was changed"
        case .badListenAddress(let value):
            if zh {
                return "\(n(.listen)) \(value) 不是监听地址：应为 主机:端口，如 127.0.0.1:8080 或 0.0.0.0:8080"
            }
            return
                "\(n(.listen)) \(value) is not an address to listen on: write HOST:PORT, such as 127.0.0.1:8080 or 0.0.0.0:8080"
        case .apiBadJSON:
            if zh {
                return "请求正文须是一个 JSON 对象，例如 {\"count\": 120, \"date\": \"2023-11-10\"}"
            }
            return "the request body must be a JSON object, e.g. {\"count\": 120, \"date\": \"2023-11-10\"}"
        case .apiRepeatedKey(let key):
            if zh {
                return "JSON 里的字段 \(key) 出现了不止一次，不知以哪个为准；请每个字段只写一次。未写入任何内容"
            }
            return
                "the JSON names the field \(key) more than once, so which value is meant is unknown; write each field once. Nothing was written"
        case .uploadMissing:
            if zh {
                return "请选择要上传的文件"
            }
            return "choose a file to upload"
        case .recordNotPicked(let field, let value, let matches, let kind):
            let cost = kind == .cost
            if zh {
                if matches > 1 {
                    return "\(n(field)) \(q(value, .zh))：有 \(matches) \(cost ? "笔费用" : "个活动")符合，请在下面选择一个"
                }
                return "\(n(field)) \(q(value, .zh))：没有找到；请输入\(cost ? "摘要、发票号或费用编号" : "活动名称中的几个字或活动编号")"
            }
            if matches > 1 {
                return "\(n(field)) \(q(value, .en)): \(matches) \(cost ? "costs" : "events") match; choose one below"
            }
            return
                "\(n(field)) \(q(value, .en)) was not found: type \(cost ? "an item, an invoice number or a cost's number" : "a few words of an event's title, or its number")"
        case .notPicked(let field, let value, let matches):
            if zh {
                if matches > 1 { return "\(n(field)) \(q(value, .zh))：有 \(matches) 位符合，请在下面选择一位" }
                return "\(n(field)) \(q(value, .zh))：没有找到；请输入姓名或手机后四位"
            }
            if matches > 1 { return "\(n(field)) \(q(value, .en)): \(matches) match; choose one below" }
            return "\(n(field)) \(q(value, .en)) was not found: type a name or a phone's last 4 digits"
        case .uploadEmpty(let name):
            if zh {
                return "\(name) 是空文件（0 字节），没有可读的内容；请检查后重新选择"
            }
            return "\(name) is empty (0 bytes): there is nothing to read; check it and choose it again"
        case .uploadExpired:
            if zh {
                return "预览已过期或已导入，请重新上传文件"
            }
            return "the preview has expired or was imported already: upload the file again"

        // MARK: Doors (扫码签到) and volunteer calls

        case .qrTooLong(let bytes, let limit):
            if zh {
                return "二维码最多容纳 \(limit) 个字节，这段文字有 \(bytes) 个字节：请用更短的网址"
            }
            return "a QR code holds at most \(limit) bytes and this text has \(bytes): use a shorter address"
        case .notADateTime(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是时间：请写 2023-09-16 08:30"
            }
            return "\(n(field)) \(q(value, lang)) is not a time: write 2023-09-16 08:30"
        case .doorWindowOver(let until, let todayFrom, let todayUntil, let first, let last):
            let ended = until.replacingOccurrences(of: "T", with: " ")
            let years = first == last ? "\(first)" : "\(first)–\(last)"
            if zh {
                guard let todayFrom, let todayUntil else {
                    return "签到时间已于 \(ended) 结束，手机扫码只会看到“签到已结束”；活动在 \(years) 年，今天不在其年度内，不能再开扫码签到：请导入签到表记录人次"
                }
                return
                    "签到时间已于 \(ended) 结束，手机扫码只会看到“签到已结束”；如要今天签到，请把时间设为 \(todayFrom.replacingOccurrences(of: "T", with: " ")) 至 \(todayUntil.replacingOccurrences(of: "T", with: " "))"
            }
            guard let todayFrom, let todayUntil else {
                return
                    "the sign-in window ended at \(ended), so phones would only see that sign-in is over; the event is in \(years), and today is not, so no door can open for it: import a sign-in sheet instead"
            }
            return
                "the sign-in window ended at \(ended), so phones would only see that sign-in is over; to sign in today, set the window to \(todayFrom.replacingOccurrences(of: "T", with: " ")) – \(todayUntil.replacingOccurrences(of: "T", with: " "))"
        case .notAPublicAddress(let field, let value):
            if zh {
                return
                    "\(n(field)) \(q(value, lang)) 不是手机能访问的地址：请写 http://主机:端口，如 http://192.168.1.20:8080 或 https://kepu.example.cn"
            }
            return
                "\(n(field)) \(q(value, lang)) is not an address phones can open: write http://HOST:PORT, such as http://192.168.1.20:8080 or https://kepu.example.cn"
        case .planNamesUnchanged(let year):
            return lang.t(
                "没有要更正的名称：填写的与 \(year) 年计划现有的相同", "nothing to correct: the names given are those the \(year) plan has")
        case .rejectsNeedSkipInvalid:
            return lang.t(
                "--rejects 要与 --skip-invalid 一起使用：只有跳过有错的行时才有未导入的行",
                "--rejects goes with --skip-invalid: only an import that leaves bad rows out has rows left out")
        case .doorWindowEmpty(let from, let until):
            if zh {
                return
                    "签到截止时间 \(until.replacingOccurrences(of: "T", with: " ")) 不晚于开始时间 \(from.replacingOccurrences(of: "T", with: " "))：请把截止时间设在开始之后"
            }
            return
                "the sign-in closes at \(until.replacingOccurrences(of: "T", with: " ")), not after it opens at \(from.replacingOccurrences(of: "T", with: " ")): close it later"
        case .noOpenDoor(let event):
            if zh {
                return "活动 \(event) 没有开启中的扫码签到"
            }
            return "event \(event) has no open sign-in link"
        case .notAMobile(let value):
            if zh {
                return "\(q(value, lang)) 不是手机号：请填写 11 位手机号，如 13800000001"
            }
            return "\(q(value, lang)) is not a mobile number: write the 11 digits, such as 13800000001"
        case .noSuchCall(let id):
            if zh {
                return "没有编号为 \(id) 的扫码报名"
            }
            return "there is no volunteer answer \(id)"
        case .callConfirmed(let call, let signup):
            if zh {
                return "扫码报名 \(call) 已确认为报名记录 \(signup)，无需再确认"
            }
            return "volunteer answer \(call) is confirmed already, as sign-up \(signup)"
        case .callRejected(let call, let on):
            if zh {
                return "扫码报名 \(call) 已于 \(on.prefix(10)) 谢绝，不能再确认或谢绝"
            }
            return
                "volunteer answer \(call) was turned down on \(on.prefix(10)); it can't be confirmed or turned down again"

        // MARK: 问卷星 surveys

        case .notWjxExport(let file):
            if zh {
                return "\(file) 不像问卷星导出的答卷：应有“序号”“提交答卷时间”两列，之后每题一列（如“2、您对本次活动的总体满意度”）；请在问卷星的“下载答卷数据”中选“按选项文本下载”"
            }
            return
                "\(file) does not look like a 问卷星 answer download: it should have the columns 序号 and 提交答卷时间, then one column per question (like \"2、您对本次活动的总体满意度\"); download the answers from 问卷星 as 按选项文本"
        case .surveyQuestionNotFound(let given, let questions):
            if zh {
                return "\(n(.question)) \(given) 对不上任何一题；本问卷的题目有：\(questions.joined(separator: "；"))"
            }
            return
                "\(n(.question)) \(given) matches no question; the questions are: \(questions.joined(separator: "; "))"
        case .surveyQuestionAmbiguous(let given, let candidates):
            if zh {
                if let given {
                    return "\(n(.question)) \(given) 对得上多道题，请写题号：\(candidates.joined(separator: "；"))"
                }
                return
                    "有 \(candidates.count) 道题的标题含“满意”，请用 \(n(.question)) 写明统计哪一题：\(candidates.joined(separator: "；"))"
            }
            if let given {
                return
                    "\(n(.question)) \(given) matches several questions; give the number: \(candidates.joined(separator: "; "))"
            }
            return
                "\(candidates.count) questions mention 满意; say which to count with \(n(.question)): \(candidates.joined(separator: "; "))"
        case .surveyNoSatisfactionQuestion(let questions):
            if zh {
                return "没有标题含“满意”的题，请用 \(n(.question)) 写明统计哪一题：\(questions.joined(separator: "；"))"
            }
            return
                "no question mentions 满意; say which to count with \(n(.question)): \(questions.joined(separator: "; "))"
        case .surveyNoAnswers(let file, let question):
            if zh {
                return "\(file) 的第\(question)题没有有效答卷（全部跳过或为空）；未导入"
            }
            return "question \(question) of \(file) has no answers (all skipped or empty); nothing was imported"
        case .surveyNoSatisfiedAnswer:
            if zh {
                return "请至少勾选一个计为满意的答案"
            }
            return "tick at least one answer that counts as satisfied"

        // MARK: Sheets, names and the demo

        case .otherSheets(let sheet, let others, let problem):
            if zh {
                return text(problem, .zh, names: names)
                    + "（读的是第一个工作表“\(sheet)”；本工作簿还有 \(others.joined(separator: "、"))，可用 \(n(.sheet)) 指定）"
            }
            return text(problem, .en, names: names)
                + " (this is the first sheet, \"\(sheet)\"; the workbook also has \(others.joined(separator: ", ")): choose one with \(n(.sheet)))"
        case .notAnEventID(let field, let value):
            if zh {
                return "\(n(field)) \(q(value, lang)) 不是活动编号（整数，见 kepu event list）"
            }
            return "\(n(field)) \(q(value, lang)) is not an event id (a whole number, see kepu event list)"
        case .emptyName(let field):
            if zh {
                return "\(n(field)) 为空；每一行都要有姓名"
            }
            return "\(n(field)) is empty; every row needs a name"
        case .emptyLine(let field):
            if zh {
                return "\(n(field)) 为空；请写计划中的支出明细"
            }
            return "\(n(field)) is empty; name the plan's line"
        case .demoUsedBeforeSet(let script, let line, let name):
            if zh {
                return "\(script) 第 \(line) 行：\(name) 在赋值之前就被使用"
            }
            return "\(script) line \(line): \(name) is used before it is set"
        case .demoStepFailed(let script, let line, let detail):
            if zh {
                return "\(script) 第 \(line) 行执行失败：\(detail)"
            }
            return "\(script) line \(line) failed: \(detail)"
        case .demoUnclosedQuote(let script, let line):
            if zh {
                return "\(script) 第 \(line) 行：引号没有闭合"
            }
            return "\(script) line \(line): a quote is not closed"
        }
    }
}
