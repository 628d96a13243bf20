import Foundation
import Testing

@testable import KepuCLI

/// The rest of the sentences a user can meet: plan files, notes, the log, import rows, evidence, backup.
@Suite struct RemainingErrorTests {
    @Test func planFilesThatCannotBeRead() throws {
        let w = Workspace()
        #expect(w.run(["init"]).code == 0)
        w.refuses(
            "plan import missing.yaml", zh: "kepu：无法读取 missing.yaml：文件不存在或不可读",
            en: "kepu: cannot read missing.yaml: no such file, or it is not readable")
        let gbk = w.dir + "/gbk.yaml"
        _ = FileManager.default.createFile(
            atPath: gbk, contents: Data([0x75, 0x6E, 0x69, 0x74, 0x3A, 0x20, 0xD6, 0xD0, 0x0A]))
        w.refuses(
            ["plan", "import", gbk], zh: "kepu：\(gbk) 不是 UTF-8 文本；请另存为 UTF-8",
            en: "kepu: \(gbk) is not UTF-8 text; save it as UTF-8")
        let broken = w.write("broken.yaml", "unit: [株洲\nyear: 2023\n")
        let r = w.run(["plan", "import", broken])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("kepu：broken.yaml 不是有效的 YAML："))
        #expect(r.err.split(separator: "\n").count == 1)
        let noIndicators = w.write("empty.yaml", "unit: 某科协\nyear: 2023\nbudget: {total: 1万, basic: 1万, project: 0}\n")
        w.refuses(
            ["plan", "lint", noIndicators], zh: "kepu：empty.yaml 第 1 行：计划没有指标",
            en: "kepu: empty.yaml line 1: plan has no indicators", db: false)
        let badYear = w.write("year.yaml", "unit: 某科协\nyear: 二〇二三\n")
        w.refuses(
            ["plan", "lint", badYear], zh: "kepu：year.yaml 第 2 行：year 二〇二三 不是年份，如 2023",
            en: "kepu: year.yaml line 2: year \"二〇二三\" is not a year such as 2023", db: false)
    }

    @Test func noteAndLogValues() {
        let w = ReconcileCommandTests.demo()
        w.refuses(
            "note set --year 2023 --indicator literacy --score abc --why x", code: 64,
            zh: "kepu：--score abc 不是分数：请写数字，如 13 或 12.5",
            en: "kepu: --score \"abc\" is not a score: write a number such as 13 or 12.5")
        w.refuses(
            "note set --year 2023 --indicator reach --why 只有理由", code: 64,
            zh: "kepu：--why 是手工评分的理由，请同时给出 --score",
            en: "kepu: --why explains a manual --score; give the score too")
        w.refuses("log --limit 0", code: 64, zh: "kepu：--limit 0 至少应为 1", en: "kepu: --limit \"0\" must be at least 1")
        w.refuses(
            "reconcile --as-of 2023-13-01", code: 64, zh: "kepu：--as-of 2023-13-01 不是日历上存在的日期",
            en: "kepu: --as-of \"2023-13-01\" is not a real calendar date")
    }

    @Test func importRowsThatAreRefused() {
        let w = ImportTests.workspace()
        let twice = w.write("twice.csv", "姓名,手机,活动\n李华,13800000001,1\n李华,13800000001,1\n")
        w.refuses(
            ["volunteer", "import", twice], zh: "kepu：twice.csv 第 3 行：李华 已报名 2023-09-16 的活动 1；整个文件未导入",
            en: "kepu: twice.csv line 3: 李华 is already signed up for event 1 on 2023-09-16; nothing was imported")
        let zero = w.write("zero.csv", "日期,金额,支出明细\n2023-09-16,0,commission\n")
        w.refuses(
            ["cost", "import", zero], zh: "kepu：zero.csv 第 2 行：金额 为 0：费用必须大于 0（要撤回一笔费用，请作废它）；整个文件未导入",
            en:
                "kepu: zero.csv line 2: 金额 \"0\" is zero: a cost must be more than 0 (to take a cost back, void it); nothing was imported"
        )
        let badEvent = w.write("ev.csv", "日期,金额,支出明细,活动\n2023-09-16,10,commission,科普周\n")
        w.refuses(
            ["cost", "import", badEvent],
            zh: "kepu：ev.csv 第 2 行：活动 科普周 既不是活动编号，也不是本年度活动的名称（见 kepu event list）；整个文件未导入",
            en: "kepu: ev.csv line 2: 活动 \"科普周\" is neither an event id nor the title of one of the year's events "
                + "(see kepu event list); nothing was imported")
        let badLine = w.write("line.csv", "日期,金额,支出明细\n2023-09-16,10,培训费\n")
        w.refuses(
            ["cost", "import", badLine, "--dry-run"],
            zh:
                "kepu：line.csv 第 2 行：支出明细 培训费 不是 株洲市石峰区科学技术协会 2023 年计划的支出明细：可用 commission（活动委托费）、printing（资料排版复印）；整个文件未导入",
            en:
                "kepu: line.csv line 2: 支出明细 \"培训费\" is not a line of the 2023 plan of 株洲市石峰区科学技术协会: use commission (活动委托费), printing (资料排版复印); nothing was imported"
        )
        let noName = w.write("noname.csv", "姓名,手机\n,13800000009\n")
        w.refuses(
            ["volunteer", "import", noName], zh: "kepu：noname.csv 第 2 行：姓名 为空；每一行都要有姓名；整个文件未导入",
            en: "kepu: noname.csv line 2: 姓名 is empty; every row needs a name; nothing was imported")
    }

    @Test func evidenceAndBackupRefusals() throws {
        let w = ImportTests.workspace()
        let photo = w.write("p.jpg", "photo")
        _ = w.ok("evidence add \(photo) --kind photo --event 1")
        w.refuses(
            ["evidence", "add", photo, "--kind", "photo", "--event", "1"],
            zh: "kepu：p.jpg 已经是同一条记录的佐证材料 1（内容相同）",
            en: "kepu: p.jpg is already evidence 1 for the same record (same content)")
        w.refuses(
            ["evidence", "add", photo, "--kind", "invoice", "--cost", "7"], zh: "kepu：--cost 7：没有这个费用",
            en: "kepu: --cost 7: there is no such cost")
        w.refuses(
            ["backup", "/proc/kepu-no-such-folder/b.sqlite"],
            zh: "kepu：备份文件夹 /proc/kepu-no-such-folder 不存在；请先建好文件夹，或换一个位置",
            en:
                "kepu: the backup folder /proc/kepu-no-such-folder does not exist; create it first or choose another place"
        )
        let made = w.run(["backup", w.dir + "/备份/2023/k.sqlite"])
        #expect(made.code == 0, "\(made.err)")
        let mode = try FileManager.default.attributesOfItem(atPath: w.dir + "/备份/2023")[.posixPermissions] as? Int
        #expect(mode == 0o700)
        w.refuses(
            "report --year 2023 -o 2023绩效自评.docx", code: 64,
            zh: "kepu：-o 2023绩效自评.docx：kepu 不写 .docx 文件；可写 .txt、.md、.csv、.json、.html、.xlsx",
            en:
                "kepu: -o 2023绩效自评.docx: kepu does not write .docx files; it writes .txt, .md, .csv, .json, .html, .xlsx"
        )
        w.refuses(
            "cost list -o 费用.xls", code: 64,
            zh: "kepu：-o 费用.xls：kepu 不写 .xls 文件；可写 .txt、.md、.csv、.json、.html、.xlsx",
            en: "kepu: -o 费用.xls: kepu does not write .xls files; it writes .txt, .md, .csv, .json, .html, .xlsx")
    }
}
