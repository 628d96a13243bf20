import Foundation
import Testing

@testable import KepuCLI

/// The errors of the year-end, import, evidence and backup commands: one sentence, nothing written.
@Suite struct MoreErrorTests {
    @Test func importsOfMissingOrEmptyFiles() {
        let w = ImportTests.workspace()
        w.refuses(
            "attendance import --event 1 none.csv", zh: "kepu：无法读取 none.csv：文件不存在或不可读",
            en: "kepu: cannot read none.csv: no such file, or it is not readable")
        let empty = w.write("empty.csv", "")
        w.refuses(
            ["attendance", "import", "--event", "1", empty], zh: "kepu：empty.csv 是空的：应有表头行",
            en: "kepu: empty.csv is empty: a header row is expected")
        let header = w.write("header.csv", "姓名,手机\n")
        w.refuses(
            ["volunteer", "import", header], zh: "kepu：header.csv 只有表头，没有数据行；未导入",
            en: "kepu: header.csv has a header but no rows; nothing was imported")
        let sheet = w.write("s.csv", "姓名\n张三\n")
        w.refuses(
            ["attendance", "import", "--event", "9", sheet], zh: "kepu：--event 9：没有这个活动（见 kepu event list）",
            en: "kepu: --event 9: there is no such event (see kepu event list)")
    }

    @Test func reportAndBackupRefusals() {
        let w = ImportTests.workspace()
        w.refuses(
            "report --format pdf", code: 64, zh: "kepu：--format pdf 不是报告格式：可用 text、md、csv、json、html 或 xlsx",
            en: "kepu: --format \"pdf\" is not a report format: use text, md, csv, json, html or xlsx")
        let fr = w.run("report --lang fr")
        #expect(fr.code == 64)
        #expect(fr.err == "kepu：--lang fr 不是语言：可用 zh 或 en\n")
        let english = Workspace()
        english.env["KEPU_LANG"] = "en"
        #expect(english.run("report --lang fr").err == "kepu: --lang \"fr\" is not a report language: use zh or en\n")
        let existing = w.write("exists.sqlite", "x")
        w.refuses(
            ["backup", existing], zh: "kepu：\(existing) 已存在；kepu backup 从不覆盖文件",
            en: "kepu: \(existing) already exists; kepu backup never overwrites a file")
        w.refuses(
            ["evidence", "add", "nope.jpg", "--kind", "photo", "--event", "1"], zh: "kepu：无法读取 nope.jpg：文件不存在或不可读",
            en: "kepu: cannot read nope.jpg: no such file, or it is not readable")
        w.refuses(
            ["evidence", "add", w.write("p.jpg", "x"), "--kind", "photo", "--event", "5"],
            zh: "kepu：--event 5：没有这个活动（见 kepu event list）",
            en: "kepu: --event 5: there is no such event (see kepu event list)")
    }

    @Test func theReportListsTheEvidenceOfEachEvent() {
        let w = ImportTests.workspace()
        _ = w.ok("event add --title 主场 --kind other --start 2023-09-16 --parent 1")
        _ = w.ok("evidence add \(w.write("签到表.pdf", "a")) --kind signin --event 2")
        let text = w.ok("report --year 2023")
        #expect(text.contains("签到表：签到表.pdf"))
        #expect(w.ok("report --year 2023 --lang en").contains("sign-in sheet：签到表.pdf"))
    }

    @Test func aMistypedCommandGetsASuggestion() {
        let w = Workspace()
        w.refuses(
            "evnet list", code: 64, zh: "kepu：没有 evnet 命令；是否要输入 kepu event list？",
            en: "kepu: there is no command evnet; did you mean kepu event list?")
        w.refuses(
            "event lsit --year 2023", code: 64, zh: "kepu：没有 lsit 命令；是否要输入 kepu event list？",
            en: "kepu: there is no command lsit; did you mean kepu event list?")
        w.refuses(
            "frobnicate", code: 64, zh: "kepu：没有 frobnicate 命令；kepu --help 列出全部命令",
            en: "kepu: there is no command frobnicate; kepu --help lists them")
    }
}
