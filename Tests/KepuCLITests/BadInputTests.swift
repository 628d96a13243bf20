import Foundation
import Testing

@testable import KepuCLI

/// Every error a user can meet while recording: one sentence, the right exit code, nothing written.
@Suite struct BadInputTests {
    /// A seeded database with one event (id 1) and one volunteer (id 1).
    static func workspace() -> Workspace {
        let w = Workspace().seeded()
        _ = w.ok("event add --title 科普日 --kind science-day --start 2023-09-16 --end 2023-09-22")
        _ = w.ok("volunteer add --name 李华 --phone 13800000001")
        return w
    }

    static let cases: [(String, Int32, String, String)] = [
        (
            "survey add --event 1 --responses 100 --satisfied 101", 64,
            "kepu：--satisfied 101 多于 --responses 100：满意份数包含在回收份数之内",
            "kepu: --satisfied 101 is more than --responses 100: satisfied answers are part of the responses"
        ),
        (
            "survey add --event 1 --responses 0 --satisfied 0", 64,
            "kepu：--responses 0 至少应为 1",
            "kepu: --responses \"0\" must be at least 1"
        ),
        (
            "event add --title 科普日 --kind science-day --start 2023-09-16 --end 2023-09-10", 64,
            "kepu：--end 2023-09-10 早于 --start 2023-09-16：活动不能在开始之前结束",
            "kepu: --end 2023-09-10 is before --start 2023-09-16: an event cannot end before it starts"
        ),
        (
            "attendance add --event 42 --count 10", 1,
            "kepu：--event 42：没有这个活动（见 kepu event list）",
            "kepu: --event 42: there is no such event (see kepu event list)"
        ),
        (
            "cost add --line training --amount 100 --event 1", 1,
            "kepu：--line training 不是 株洲市石峰区科学技术协会 2023 年计划的支出明细：可用 commission（活动委托费）、printing（资料排版复印）",
            "kepu: --line \"training\" is not a line of the 2023 plan of 株洲市石峰区科学技术协会: use commission (活动委托费), printing (资料排版复印)"
        ),
        (
            "cost add --line commission --amount 100 --date 2024-02-01", 1,
            "kepu：没有计划覆盖 2024-02-01；已有计划：株洲市石峰区科学技术协会 2023 (2023-01-01–2023-12-31)；请先导入那一年的计划",
            "kepu: no plan covers 2024-02-01; plans exist for 株洲市石峰区科学技术协会 2023 (2023-01-01–2023-12-31); import that year's plan first"
        ),
        (
            "volunteer signup --volunteer 9 --event 1", 1,
            "kepu：--volunteer 9：没有这个志愿者（见 kepu volunteer list）",
            "kepu: --volunteer 9: there is no such volunteer (see kepu volunteer list)"
        ),
        (
            "event add --title 子活动 --kind other --start 2023-09-17 --parent 5", 1,
            "kepu：--parent 5：没有这个活动（见 kepu event list）",
            "kepu: --parent 5: there is no such event (see kepu event list)"
        ),
        (
            "attendance add --event 1 --count -5", 64,
            "kepu：--count -5 是负数：数量不能小于 0",
            "kepu: --count \"-5\" is negative: counts are 0 or more"
        ),
        (
            "attendance add --event 1 --count 12.5", 64,
            "kepu：--count 12.5 不是整数：请写整数，如 1200、1,200 或 1.2万",
            "kepu: --count \"12.5\" is not a whole number: write a whole number such as 1200, 1,200 or 1.2万"
        ),
        (
            "print add --title 折页 --ink color --copies 0 --unit-price 1元", 64,
            "kepu：--copies 0 至少应为 1",
            "kepu: --copies \"0\" must be at least 1"
        ),
        (
            "event add --title 科普日 --kind party --start 2023-09-16", 64,
            "kepu：--kind party 不是活动类型：可用 全国科普日(science-day)、科技活动周(tech-week)、全国科普月(science-month)、其他(other)",
            "kepu: --kind \"party\" is not an event kind: use science-day|tech-week|science-month|other"
        ),
        (
            "print add --title 折页 --ink red --copies 10 --unit-price 1元", 64,
            "kepu：--ink red 不是印刷类型：可用 彩色(color)、单色(mono)",
            "kepu: --ink \"red\" is not an ink: use color|mono"
        ),
        (
            "attendance add --event 1 --count 10 --channel tv", 64,
            "kepu：--channel tv 不是渠道：可用 线下(onsite)、线上(online)",
            "kepu: --channel \"tv\" is not a channel: use onsite|online"
        ),
        (
            "cost add --line commission --amount 1.2.3 --event 1", 64,
            "kepu：--amount 1.2.3 不是金额：可写 2500、2500元、2,500.00、¥2500、1.25万 或 0.5元",
            "kepu: --amount \"1.2.3\" is not an amount: write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元"
        ),
        (
            "cost add --line commission --amount 0.001 --event 1", 64,
            "kepu：--amount 0.001 精确到了分以下（最小单位 0.01元）：可写 2500、2500元、2,500.00、¥2500、1.25万 或 0.5元",
            "kepu: --amount \"0.001\" is more precise than a fen (0.01元): write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元"
        ),
        (
            "cost add --line commission --amount 0 --event 1", 64,
            "kepu：--amount 为 0：费用必须大于 0（要撤回一笔费用，请作废它）",
            "kepu: --amount \"0\" is zero: a cost must be more than 0 (to take a cost back, void it)"
        ),
        (
            "event add --title 科普日 --kind other --start 2023-02-30", 64,
            "kepu：--start 2023-02-30 不是日历上存在的日期",
            "kepu: --start \"2023-02-30\" is not a real calendar date"
        ),
        (
            "event add --title 科普日 --kind other --start 16/9/2023", 64,
            "kepu：--start 16/9/2023 不是日期：可写 2023-09-16、2023.9.16、20230916 或 2023年9月16日",
            "kepu: --start \"16/9/2023\" is not a date: write 2023-09-16, 2023.9.16, 20230916 or 2023年9月16日"
        ),
        (
            "volunteer add --name 王芳 --phone 13800000001", 1,
            "kepu：--phone 138****0001：志愿者 1（李华）已使用这个号码",
            "kepu: --phone 138****0001: volunteer 1 (李华) already has this phone"
        ),
        (
            "volunteer add --name 王芳 --phone abc", 64,
            "kepu：--phone abc 不是手机号或座机号：请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）",
            "kepu: --phone \"abc\" is not a phone number: write an 11-digit mobile such as 13800000001 or a landline with its area code such as 0731-28888888"
        ),
        (
            "volunteer signup --volunteer 1 --event 1 --hours 2.555", 64,
            "kepu：--hours 2.555 不是小时数：请写 3、9.5 或 2.25（最多两位小数）",
            "kepu: --hours \"2.555\" is not a number of hours: write 3, 9.5 or 2.25 (at most two decimals)"
        ),
        (
            "event void 1 --reason '  '", 64,
            "kepu：--reason 为空：请填写内容",
            "kepu: --reason is empty: give some text"
        ),
        (
            "event show x", 64,
            "kepu：活动编号 x 不是记录编号：编号是整数，如 12（见各 list 命令）",
            "kepu: event id \"x\" is not a record id: ids are whole numbers such as 12 (see the list commands)"
        ),
        (
            "baseline set --year 2022", 64,
            "kepu：baseline set 需要 --volunteers 或 --orgs（或两者）",
            "kepu: baseline set needs --volunteers or --orgs (or both)"
        ),
        (
            "measure add --metric 'literacy rate!' --value 10% --date 2023-11-30", 64,
            "kepu：--metric literacy rate! 不是测量名称：请用字母、数字和连字符，如 literacy-rate",
            "kepu: --metric \"literacy rate!\" is not a measurement name: use letters, digits and dashes, e.g. literacy-rate"
        ),
        (
            "reconcile --year 1066", 64,
            "kepu：--year 1066 不是年份：请写年份，如 2023",
            "kepu: --year \"1066\" is not a year: write a year such as 2023"
        ),
        (
            "attendance add --event 1 --count=-5", 64,
            "kepu：--count -5 是负数：数量不能小于 0",
            "kepu: --count \"-5\" is negative: counts are 0 or more"
        ),
        (
            "reconcile --format pdf", 64,
            "kepu：--format pdf 不是报告格式：可用 text、md、csv、json、html 或 xlsx",
            "kepu: --format \"pdf\" is not a report format: use text, md, csv, json, html or xlsx"
        ),
        (
            "reconcile --year 2019", 1,
            "kepu：没有2019 年的计划；已有计划：株洲市石峰区科学技术协会 2023",
            "kepu: there is no plan for 2019; plans exist for 株洲市石峰区科学技术协会 2023"
        ),
    ]

    @Test(arguments: cases)
    func refusedWithOneSentenceAndNothingWritten(_ line: String, _ code: Int32, _ zh: String, _ en: String) {
        let w = Self.workspace()
        let before = w.fingerprint()
        let r = w.run(line)
        #expect(r.code == code)
        #expect(r.err == zh + "\n")
        #expect(r.out.isEmpty)
        let e = w.run(line + " --lang en")
        #expect(e.code == code)
        #expect(e.err == en + "\n")
        #expect(w.fingerprint() == before, "the database changed")
    }

    @Test func aMissingDatabaseIsNotCreated() {
        let w = Workspace()
        let r = w.run("event list")
        #expect(r.code == 1)
        #expect(r.err == "kepu：\(w.db) 没有 kepu 数据库；先创建：kepu init --db \(w.db)\n")
        #expect(
            w.run("event list --lang en").err
                == "kepu: there is no kepu database at \(w.db); create one with: kepu init --db \(w.db)\n")
        #expect(!FileManager.default.fileExists(atPath: w.db))
    }

    @Test func aFileThatIsNotAKepuDatabaseIsRefusedUnchanged() {
        let w = Workspace()
        let path = w.write("ledger.csv", "日期,金额\n2023-09-16,100\n")
        let r = w.run(["event", "list", "--db", path])
        #expect(r.code == 1)
        #expect(r.err == "kepu：\(path) 不是 kepu 数据库：它根本不是 SQLite 文件\n")
        #expect(
            w.run(["event", "list", "--db", path, "--lang", "en"]).err
                == "kepu: \(path) is not a kepu database: it is not an SQLite file at all\n")
        #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "日期,金额\n2023-09-16,100\n")
    }

    @Test func initRefusesAnExistingFile() {
        let w = Workspace().seeded()
        let r = w.run("init")
        #expect(r.code == 1)
        #expect(r.err == "kepu：\(w.db) 已存在；kepu init 从不覆盖数据库（请换一个 --db）\n")
        #expect(
            w.run("init --lang en").err
                == "kepu: \(w.db) already exists; kepu init never overwrites a database (choose another --db)\n")
    }

    @Test func unknownOptionsAreUsageErrors() {
        let w = Workspace().seeded()
        let r = w.run("event add --title x --kind other --start 2023-01-02 --colour red")
        #expect(r.code == 64)
        #expect(r.err.hasPrefix("kepu：没有 --colour 这个选项\n用法：kepu event add"))
        let en = w.run("event add --title x --kind other --start 2023-01-02 --colour red --lang en")
        #expect(en.code == 64)
        #expect(en.err.hasPrefix("Error: Unknown option '--colour'"))
        let typo = w.run("event list --yeer 2023")
        #expect(typo.code == 64)
        #expect(typo.err.hasPrefix("kepu：没有 --yeer 这个选项；是不是 --year？\n用法：kepu event list"), "\(typo.err)")
        let missing = w.run("event add --kind other --start 2023-01-02")
        #expect(missing.code == 64)
        #expect(missing.err.hasPrefix("kepu：缺少必填的 --title <title>"))
    }

    @Test func aPlanWithErrorsIsRefusedAndNothingIsWritten() throws {
        let w = Workspace()
        #expect(w.run(["init"]).code == 0)
        let text = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8
        )
        .replacingOccurrences(of: "amount: 0.5万", with: "amount: 0.6万")
        let path = w.write("bad.yaml", text)
        let before = w.fingerprint()
        let r = w.run(["plan", "import", path])
        #expect(r.code == 1)
        #expect(r.err == "kepu：bad.yaml 有 3 处错误，未导入；第一处：支出明细：2.5万（commission） + 0.6万（printing） = 3.1万，不等于项目预算 3万\n")
        #expect(
            w.run(["plan", "import", path, "--lang", "en"]).err
                == "kepu: bad.yaml has 3 errors and was not imported; the first: lines: 2.5万 (commission) + 0.6万 (printing) = 3.1万, not the project budget 3万\n"
        )
        #expect(w.fingerprint() == before)
        let lint = w.run(["plan", "lint", path], db: false)
        #expect(lint.code == 1)
        #expect(lint.out.contains("错误: 支出明细 printing: 计划印刷 2000份 × 1.00元 + 6000份 × 0.50元 = 5000.00元，不等于该明细金额 6000.00元"))
        #expect(
            w.run(["plan", "lint", path, "--lang", "en"], db: false).out
                .contains(
                    "error: line printing: planned runs 2000份 × 1.00元 + 6000份 × 0.50元 = 5000.00元, not the line's amount 6000.00元"
                ))
    }
}

/// A digit followed by a combining mark, pasted from a web page or a PDF, once crashed kepu: every
/// command that reads a number answers a sentence and exits 64, writing nothing.
@Suite struct CombiningMarkTests {
    @Test(arguments: ["2\u{33C}0", "1\u{744}"])
    func numbersWithCombiningMarksAreRefused(_ text: String) throws {
        let w = BadInputTests.workspace()
        for line in [
            ["cost", "add", "--line", "commission", "--event", "1", "--amount", text],
            ["attendance", "add", "--event", "1", "--count", text],
            ["measure", "add", "--metric", "literacy-rate", "--date", "2023-11-30", "--value", text],
            ["volunteer", "signup", "--volunteer", "1", "--event", "1", "--hours", text],
        ] {
            let before = w.fingerprint()
            let r = w.run(line)
            #expect(r.code == 64, "\(line)")
            #expect(r.err.hasPrefix("kepu：") && r.err.contains(text) && r.err.split(separator: "\n").count == 1)
            #expect(w.fingerprint() == before)
        }
        let seed = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
        let plan = w.write("p.yaml", seed.replacingOccurrences(of: "target: 2次", with: "target: \(text)次"))
        let lint = w.run(["plan", "lint", plan], db: false)
        #expect(lint.code == 64)
        #expect(
            lint.err.hasPrefix("kepu：p.yaml 第 ") && lint.err.contains("indicator major-events target \(text)次 不是指标值"))
    }

    /// Found by `Fuzz/run target`: a target in 亿 too large to scale trapped instead of being refused.
    @Test func aHugeTargetInYiIsRefused() throws {
        let w = BadInputTests.workspace()
        let seed = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
        let plan = w.write("p.yaml", seed.replacingOccurrences(of: "target: 2次", with: "target: 20250924亿次"))
        let lint = w.run(["plan", "lint", plan], db: false)
        #expect(lint.code == 64)
        #expect(
            lint.err.hasPrefix("kepu：p.yaml 第 ") && lint.err.contains("indicator major-events target 20250924亿次 不是指标值")
                && lint.err.split(separator: "\n").count == 1, "\(lint.err)")
    }

    /// Found by `Fuzz/run count`: a count written in 万 beyond the 12-digit ceiling.
    @Test func aHugeCountInWanIsRefused() {
        let w = BadInputTests.workspace()
        w.refuses(
            ["attendance", "add", "--event", "1", "--count", "11800180011万"], code: 64,
            zh: "kepu：--count 11800180011万 太大，不是合理的人次或数量",
            en: "kepu: --count \"11800180011万\" is too large for a count")
    }

    /// Found by `Fuzz/run money` (a 30-minute run): an amount in capital numerals whose 亿 came twice
    /// wrapped Int64 and trapped. Now every step is checked and the text is refused.
    @Test func capitalNumeralsThatOverflowAreRefused() {
        let w = BadInputTests.workspace()
        let before = w.fingerprint()
        let r = w.run(["cost", "add", "--line", "commission", "--event", "1", "--amount", "萬千亿亿五角分叁"])
        #expect(r.code == 64)
        #expect(r.err.hasPrefix("kepu：--amount 萬千亿亿五角分叁") && r.err.split(separator: "\n").count == 1, "\(r.err)")
        #expect(w.fingerprint() == before)
    }
}

/// Values that can't be true are refused by the library, whichever front end sends them.
@Suite struct ImpossibleValueTests {
    @Test func anAttendanceOrSurveyMustHaveHappened() {
        let w = ReconcileCommandTests.demo()
        w.refuses(
            "attendance add --event 1 --count 99999999999", code: 64,
            zh: "kepu：一条人次记录 99999999999 超过 100000000（1亿）人次，不像真实数字；请核对",
            en: "kepu: one attendance entry of 99999999999 is over 100000000 (100 million); check the figure")
        w.refuses(
            "attendance add --event 1 --count 10 --date 2999-01-01",
            zh: "kepu：日期 2999-01-01 晚于今天（2024-01-15）；人次和问卷只能记已经发生的",
            en: "kepu: the date 2999-01-01 is after today (2024-01-15); attendance and surveys record what has happened"
        )
        w.refuses(
            "attendance add --event 1 --count 10 --date 2022-12-31",
            zh: "kepu：日期 2022-12-31 不在活动 1 的年度（2023年）内",
            en: "kepu: the date 2022-12-31 is outside the year 2023 of event 1")
        w.refuses(
            "survey add --event 1 --responses 10 --satisfied 9 --date 2024-02-01",
            zh: "kepu：日期 2024-02-01 晚于今天（2024-01-15）；人次和问卷只能记已经发生的",
            en: "kepu: the date 2024-02-01 is after today (2024-01-15); attendance and surveys record what has happened"
        )
    }
}
