import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuCore

/// A workbook of Tests/Fixtures (made by openpyxl or by hand, see make.py), copied into the workspace.
func fixture(_ name: String, into w: Workspace, as newName: String? = nil) throws -> String {
    let src = repoRoot.appendingPathComponent("Tests/Fixtures/\(name)").path
    let dst = w.dir + "/" + (newName ?? name)
    try? FileManager.default.removeItem(atPath: dst)
    try FileManager.default.copyItem(atPath: src, toPath: dst)
    return dst
}

@Suite struct XlsxImportTests {
    @Test func aSignInWorkbookWithATitleRowAndNumericPhonesImports() throws {
        let w = ImportTests.workspace()
        let file = try fixture("signin-title.xlsx", into: w)
        let dry = w.run(["attendance", "import", "--event", "1", file, "--dry-run"])
        #expect(dry.code == 0, "\(dry.err)")
        #expect(dry.err.contains("试导入：signin-title.xlsx 将作为活动 1 的签到导入 5 行（xlsx · 签到表）"))
        #expect(try count(w.db, "SELECT count(*) FROM signin") == 0)
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已导入 signin-title.xlsx：5 行（xlsx · 签到表）"))
        #expect(r.err.contains("提示：以下列 kepu 不使用，已忽略：序号"))
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE phone = '13800000003' AND line = 6") == 1)
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE time = '2023-09-16 09:05'") == 1)
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE name = '赵六' AND phone IS NULL") == 1)
        // The same workbook under another name is the same file.
        let again = try fixture("signin-title.xlsx", into: w, as: "副本.xlsx")
        let twice = w.run(["attendance", "import", "--event", "1", again])
        #expect(twice.code == 1)
        #expect(twice.err.contains("导入过（导入批次 1，signin-title.xlsx 共 5 行）；本次未导入"))
    }

    @Test func aSecondSheetIsChosenByName() throws {
        let w = ImportTests.workspace()
        let file = try fixture("signin-two-sheets.xlsx", into: w)
        w.refuses(
            ["attendance", "import", "--event", "1", file], code: 1,
            zh:
                "kepu：signin-two-sheets.xlsx 没有“姓名”列：表头是 本工作簿第二张表是签到名单；请把该列命名为 姓名、name 或 名字（读的是第一个工作表“说明”；本工作簿还有 签到，可用 --sheet 指定）",
            en:
                "kepu: signin-two-sheets.xlsx has no 姓名 column: its header is 本工作簿第二张表是签到名单; name the column 姓名 or name or 名字 (this is the first sheet, \"说明\"; the workbook also has 签到: choose one with --sheet)"
        )
        w.refuses(
            ["attendance", "import", "--event", "1", file, "--sheet", "名单"], code: 1,
            zh: "kepu：signin-two-sheets.xlsx 里没有名为“名单”的工作表；有：说明、签到",
            en: "kepu: signin-two-sheets.xlsx has no sheet named \"名单\"; its sheets are 说明, 签到")
        _ = w.ok("attendance import --event 1 \(file) --sheet 签到")
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE phone LIKE '139%'") == 2)
    }

    @Test func aBadRowNamesItsExcelRowAndWritesNothing() throws {
        let w = ImportTests.workspace()
        let file = try fixture("signin-bad-row.xlsx", into: w)
        w.refuses(
            ["attendance", "import", "--event", "1", file], code: 1,
            zh:
                "kepu：signin-bad-row.xlsx 第 6 行：手机 1370000000 不是手机号或座机号：请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）；整个文件未导入",
            en:
                "kepu: signin-bad-row.xlsx line 6: 手机 \"1370000000\" is not a phone number: write an 11-digit mobile such as 13800000001 or a landline with its area code such as 0731-28888888; nothing was imported"
        )
    }

    @Test func anOldXlsIsRefusedWithHowToSaveIt() throws {
        let w = ImportTests.workspace()
        let path = w.dir + "/签到表.xls"
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
            to: URL(fileURLWithPath: path))
        w.refuses(
            ["attendance", "import", "--event", "1", path], code: 1,
            zh:
                "kepu：签到表.xls 是旧版 Excel 97-2003 工作簿（.xls），kepu 读不了；请在 Excel 或 WPS 中打开它，点“文件 → 另存为”，保存类型选“Excel 工作簿 (*.xlsx)”，再导入新文件",
            en:
                "kepu: 签到表.xls is an old Excel 97-2003 workbook (.xls), which kepu cannot read; open it in Excel or WPS, choose File → Save As, pick \"Excel Workbook (*.xlsx)\", and import the new file"
        )
        let broken = w.write("坏.xlsx", "PK\u{3}\u{4}not really a zip")
        w.refuses(
            ["cost", "import", broken], code: 1,
            zh: "kepu：坏.xlsx 不是完好的 .xlsx 工作簿；请在 Excel 或 WPS 中打开后重新保存为 .xlsx",
            en: "kepu: 坏.xlsx is not a sound .xlsx workbook; open it in Excel or WPS and save it again as .xlsx")
        let csv = w.write("名单.csv", "姓名\n甲\n")
        w.refuses(
            ["volunteer", "import", csv, "--sheet", "Sheet1"], code: 64,
            zh: "kepu：--sheet 只用于 .xlsx 工作簿，名单.csv 是 CSV 文本文件",
            en: "kepu: --sheet is for .xlsx workbooks only; 名单.csv is a CSV text file")
    }

    @Test func aCostLedgerWithSerialDatesAndNumericAmountsImports() throws {
        let w = ImportTests.workspace()
        let file = try fixture("costs.xlsx", into: w)
        let r = w.run(["cost", "import", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已导入 costs.xlsx：3 行（xlsx · 明细账），合计 5,515.06元，作为费用"))
        #expect(try count(w.db, "SELECT sum(amount_fen) FROM cost") == 551_506)
        #expect(try count(w.db, "SELECT count(*) FROM cost WHERE date = '2023-05-22' AND amount_fen = 123456") == 1)
    }

    @Test func aVolunteerWorkbookImports() throws {
        let w = ImportTests.workspace()
        let file = try fixture("volunteers.xlsx", into: w)
        let r = w.run(["volunteer", "import", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("新志愿者 2 人"))
        #expect(try count(w.db, "SELECT count(*) FROM volunteer WHERE phone = '13600000002'") == 1)
    }

    /// The fuzzer's finds in the zip layer (Fuzz/Corpus/xlsx): a deflate stream that never ends hung
    /// the zip library kepu used first, a malformed central directory trapped it. Both are refused.
    @Test func brokenPackagesTheFuzzerFoundAreRefused() throws {
        let w = ImportTests.workspace()
        for (name, part) in [("deflate-never-ends", "（xl/styles.xml 读不出）"), ("central-directory-trap", "")] {
            let path = w.dir + "/\(name).xlsx"
            try FileManager.default.copyItem(
                atPath: repoRoot.appendingPathComponent("Fuzz/Corpus/xlsx/\(name)").path, toPath: path)
            w.refuses(
                ["attendance", "import", "--event", "1", path], code: 1,
                zh: "kepu：\(name).xlsx 不是完好的 .xlsx 工作簿\(part)；请在 Excel 或 WPS 中打开后重新保存为 .xlsx",
                en: "kepu: \(name).xlsx is not a sound .xlsx workbook"
                    + (part.isEmpty ? "" : " (xl/styles.xml cannot be read)")
                    + "; open it in Excel or WPS and save it again as .xlsx")
        }
    }

    /// A damaged deflate stream inside a sheet, found by the fuzzer once parts were streamed to the
    /// XML parser: refused in one sentence, not a trap in Foundation's InputStream.
    @Test func aSheetThatStopsInflatingMidwayIsRefused() throws {
        let w = ImportTests.workspace()
        let path = try fixture("../../Fuzz/Corpus/xlsx/regress-stream-error", into: w, as: "damaged.xlsx")
        let r = w.run(["attendance", "import", "--event", "1", path])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("kepu：damaged.xlsx 不是完好的 .xlsx 工作簿"), "\(r.err)")
        #expect(r.err.split(separator: "\n").count == 1)
        #expect(try count(w.db, "SELECT count(*) FROM signin") == 0)
    }
}
