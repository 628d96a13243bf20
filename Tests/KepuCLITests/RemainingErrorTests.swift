import Foundation
import Testing
@testable import KepuCLI

/// The rest of the sentences a user can meet: plan files, notes, the log, import rows, evidence, backup.
@Suite struct RemainingErrorTests {
    @Test func planFilesThatCannotBeRead() throws {
        let w = Workspace()
        #expect(w.run(["init"]).code == 0)
        let before = w.fingerprint()
        #expect(w.run("plan import missing.yaml").err == "kepu: cannot read the plan file missing.yaml: no such file, or it is not readable\n")
        let gbk = w.dir + "/gbk.yaml"
        FileManager.default.createFile(atPath: gbk, contents: Data([0x75, 0x6E, 0x69, 0x74, 0x3A, 0x20, 0xD6, 0xD0, 0x0A]))
        #expect(w.run(["plan", "import", gbk]).err == "kepu: the plan file \(gbk) is not UTF-8 text; save it as UTF-8\n")
        let broken = w.write("broken.yaml", "unit: [株洲\nyear: 2023\n")
        let r = w.run(["plan", "import", broken])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("kepu: broken.yaml is not valid YAML: "))
        #expect(r.err.split(separator: "\n").count == 1)
        let noIndicators = w.write("empty.yaml", "unit: 某科协\nyear: 2023\nbudget: {total: 1万, basic: 1万, project: 0}\n")
        #expect(w.run(["plan", "lint", noIndicators], db: false).err == "kepu: empty.yaml line 1: plan has no indicators\n")
        let badYear = w.write("year.yaml", "unit: 某科协\nyear: 二〇二三\n")
        #expect(w.run(["plan", "lint", badYear], db: false).err == "kepu: year.yaml line 2: year \"二〇二三\" is not a year such as 2023\n")
        #expect(w.fingerprint() == before)
    }

    @Test func noteAndLogValues() {
        let w = ReconcileCommandTests.demo()
        #expect(w.run("note set --year 2023 --indicator literacy --score abc --why x").err
            == "kepu: --score \"abc\" is not a score: write a number such as 13 or 12.5\n")
        #expect(w.run("note set --year 2023 --indicator reach --why 只有理由").err
            == "kepu: --why explains a manual --score; give the score too\n")
        #expect(w.run("log --limit 0").err == "kepu: --limit \"0\" must be at least 1\n")
        #expect(w.run("reconcile --as-of 2023-13-01").err == "kepu: --as-of \"2023-13-01\" is not a real calendar date\n")
    }

    @Test func importRowsThatAreRefused() {
        let w = ImportTests.workspace()
        let before = w.fingerprint()
        let twice = w.write("twice.csv", "姓名,手机,活动\n李华,13800000001,1\n李华,13800000001,1\n")
        #expect(w.run(["volunteer", "import", twice]).err
            == "kepu: twice.csv line 3: 李华 is already signed up for event 1 on 2023-09-16; nothing was imported\n")
        let zero = w.write("zero.csv", "日期,金额,支出明细\n2023-09-16,0,commission\n")
        #expect(w.run(["cost", "import", zero]).err == "kepu: zero.csv line 2: 金额 is 0; a cost must be more than 0; nothing was imported\n")
        let badEvent = w.write("ev.csv", "日期,金额,支出明细,活动\n2023-09-16,10,commission,科普日\n")
        #expect(w.run(["cost", "import", badEvent]).err
            == "kepu: ev.csv line 2: 活动 \"科普日\" is not an event id (a whole number, see kepu event list); nothing was imported\n")
        let badLine = w.write("line.csv", "日期,金额,支出明细\n2023-09-16,10,培训费\n")
        #expect(w.run(["cost", "import", badLine, "--dry-run"]).err
            == "kepu: line.csv line 2: 支出明细 \"培训费\" is not a line of the 2023 plan of 株洲市石峰区科学技术协会: use commission (活动委托费), printing (资料排版复印); nothing was imported\n")
        let noName = w.write("noname.csv", "姓名,手机\n,13800000009\n")
        #expect(w.run(["volunteer", "import", noName]).err == "kepu: noname.csv line 2: 姓名 is empty; every row needs a name; nothing was imported\n")
        #expect(w.fingerprint() == before)
    }

    @Test func evidenceAndBackupRefusals() throws {
        let w = ImportTests.workspace()
        let photo = w.write("p.jpg", "photo")
        _ = w.ok("evidence add \(photo) --kind photo --event 1")
        #expect(w.run(["evidence", "add", photo, "--kind", "photo", "--event", "1"]).err
            == "kepu: p.jpg is already evidence 1 for the same record (same content)\n")
        #expect(w.run(["evidence", "add", photo, "--kind", "invoice", "--cost", "7"]).err
            == "kepu: --cost 7: cost 7 does not exist or was voided\n")
        let r = w.run(["backup", "/proc/kepu-no-such-folder/b.sqlite"])
        #expect(r.code == 1)
        #expect(r.err == "kepu: cannot create the backup file /proc/kepu-no-such-folder/b.sqlite: check that the folder is writable\n")
    }
}
