import Foundation
import KepuCore
import KepuFiles
import KepuStore
import Testing

@testable import KepuCLI

/// A sheet with bad rows still helps: `--skip-invalid` imports the rest, `--rejects` writes the rows
/// left out with their reasons, and the audit says how many were left out. Without it, all or nothing.
@Suite struct SkipInvalidImportTests {
    func workspace() -> Workspace {
        let w = Workspace().seeded()
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16")
        return w
    }

    let sheet = "姓名,手机\n张三,13800000001\n李四,123\n王五,13800000003\n赵六,abc\n钱七,13800000005\n"

    func rows(_ path: String) throws -> [[String]] {
        let book = try XlsxWorkbook(path: path, displayName: "rejects.xlsx")
        var out: [[String]] = []
        try book.forEachRow(of: try book.sheet(nil)) { cells, _ in out.append(cells) }
        return out
    }

    @Test func badRowsAreLeftOutAndWrittenWithTheirReasons() throws {
        let w = workspace()
        let file = w.write("签到表.csv", sheet)
        // All or nothing without the flag.
        w.refuses(
            ["attendance", "import", "--event", "1", file],
            zh: "kepu：签到表.csv 第 3 行：手机 123 不是手机号或座机号：请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）；整个文件未导入",
            en:
                "kepu: 签到表.csv line 3: 手机 \"123\" is not a phone number: write an 11-digit mobile such as 13800000001 or a landline with its area code such as 0731-28888888; nothing was imported"
        )
        let r = w.run(["attendance", "import", "--event", "1", file, "--skip-invalid", "--rejects", "未导入.xlsx"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("签到表.csv 有 2 行有错，未导入；这些行连同原因已写入 未导入.xlsx，改正后可再导入"))
        let ledger = try w.ledger()
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [3])
        let kept = try rows(w.dir + "/未导入.xlsx")
        #expect(kept.count == 3)
        #expect(kept[0] == ["姓名", "手机", "行号", "原因"])
        #expect(kept[1].prefix(3) == ["李四", "123", "3"])
        #expect(kept[1][3].contains("不是手机号或座机号"))
        #expect(kept[2].prefix(3) == ["赵六", "abc", "5"])
        // The audit says how many were left out, and which lines.
        let audit = try ledger.audit.log(limit: nil).first { $0.entity == "import_file" }
        #expect(audit?.after?.contains("\"left_out\":2") == true)
        #expect(audit?.after?.contains("\"left_out_lines\":[3,5]") == true)
    }

    @Test func rejectsGoWithSkipInvalidAndAreAWorkbook() {
        let w = workspace()
        let file = w.write("签到表.csv", sheet)
        w.refuses(
            ["attendance", "import", "--event", "1", file, "--rejects", "x.xlsx"], code: 64,
            zh: "kepu：--rejects 要与 --skip-invalid 一起使用：只有跳过有错的行时才有未导入的行",
            en: "kepu: --rejects goes with --skip-invalid: only an import that leaves bad rows out has rows left out")
        // Every row bad: nothing to import.
        let bad = w.write("bad.csv", "姓名,手机\n李四,123\n")
        #expect(w.run(["attendance", "import", "--event", "1", bad, "--skip-invalid"]).code != 0)
        // Costs and volunteers take the flag too.
        let costs = w.write(
            "costs.csv", "日期,金额,支出明细\n2023-09-16,100,commission\n2023-09-17,0,commission\n2023-09-18,abc,commission\n")
        let c = w.run(["cost", "import", costs, "--skip-invalid"])
        #expect(c.code == 0, "\(c.err)")
        #expect(c.err.contains("costs.csv 有 2 行有错，未导入"))
        let v = w.write("v.csv", "姓名,手机\n张三,13800000001\n,13800000002\n")
        #expect(w.run(["volunteer", "import", v, "--skip-invalid"]).code == 0)
    }

    /// A sheet's 日期 column dates its rows: one entry per day, none left empty.
    @Test func aDateColumnSplitsTheSheetIntoOneEntryPerDay() throws {
        let w = Workspace().seeded()
        w.ok("event add --title 科技活动周 --kind tech-week --start 2023-05-20 --end 2023-05-26")
        let file = w.write(
            "两天.csv",
            "姓名,手机,日期\n张三,13800000001,2023-05-20\n李四,13800000002,2023-05-21 09:30\n王五,13800000003,2023-05-21\n")
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.code == 0, "\(r.err)")
        let entries = try w.ledger().attendance.list(RecordFilter()).sorted { $0.date < $1.date }
        #expect(entries.map(\.date.description) == ["2023-05-20", "2023-05-21"])
        #expect(entries.map(\.count) == [1, 2])
        // A day outside the event's year is a bad row, named by its column.
        let bad = w.write("坏日期.csv", "姓名,日期\n张三,2022-05-20\n李四,2023-05-22\n")
        let b = w.run(["attendance", "import", "--event", "1", bad, "--skip-invalid"])
        #expect(b.code == 0, "\(b.err)")
        #expect(b.err.contains("坏日期.csv 有 1 行有错，未导入"))
        #expect(try w.ledger().attendance.list(RecordFilter()).count == 3)
    }

    /// A row dated in a locked year is that row's refusal: the rest of the sheet still goes in.
    @Test func aRowOfALockedYearIsLeftOutNotTheSheet() throws {
        let w = Workspace().seeded()
        w.ok("event add --title 跨年科普展 --kind other --start 2023-12-30 --end 2024-01-02")
        w.ok("year lock 2023 --reason 已报送")
        let file = w.write("跨年.csv", "姓名,日期\n张三,2023-12-31\n李四,2024-01-01\n")
        let r = w.run(["attendance", "import", "--event", "1", file, "--skip-invalid"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("跨年.csv 有 1 行有错，未导入"))
        let entries = try w.ledger().attendance.list(RecordFilter())
        #expect(entries.map(\.date.description) == ["2024-01-01"])
        #expect(entries.map(\.count) == [1])
    }

}
