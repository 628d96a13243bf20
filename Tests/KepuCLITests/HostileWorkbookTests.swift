import Foundation
import Testing

@testable import KepuCLI
@testable import KepuCore

/// Workbooks made to hurt (Tests/Fixtures/bombs.py): small files that would inflate to gigabytes,
/// or hold more than a sheet can. Each is refused in one sentence naming the bound it passed,
/// with nothing written and no temporary file left, by the same reader the web app uses.
@Suite struct HostileWorkbookTests {
    /// The bombs, made once into a folder of their own.
    static let bombs: String? = {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-bombs-\(UUID().uuidString)").path
        let p = Process()
        guard
            let python = ["/usr/bin/python3", "/usr/local/bin/python3"].first(where: {
                FileManager.default.isExecutableFile(atPath: $0)
            })
        else { return nil }
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = [repoRoot.appendingPathComponent("Tests/Fixtures/bombs.py").path, dir]
        guard (try? p.run()) != nil else { return nil }
        p.waitUntilExit()
        return p.terminationStatus == 0 ? dir : nil
    }()

    /// Files kepu might leave in the temporary folder while reading a workbook.
    static func leftovers() -> [String] {
        let tmp = FileManager.default.temporaryDirectory.path
        return ((try? FileManager.default.contentsOfDirectory(atPath: tmp)) ?? []).filter {
            $0.hasPrefix("kepu-") && $0.hasSuffix(".xml")
        }
    }

    @Test(.enabled(if: bombs != nil, "needs python3"))
    func everyBombIsRefusedByItsBound() throws {
        let dir = try #require(Self.bombs)
        let w = ImportTests.workspace()
        let sheet = "xl/worksheets/sheet1.xml"
        let cases: [(String, XlsxLimit)] = [
            ("cell-256mib.xlsx", .ratio(part: sheet, ratio: 100)),
            ("spaces-600mib.xlsx", .partSize(part: sheet, mib: 512)),
            ("shared-strings.xlsx", .sharedStrings(limit: 1_004)),
            ("long-cell.xlsx", .cellLength(sheet: "签到表", row: 2, limit: 32_767)),
            ("far-row.xlsx", .rows(sheet: "签到表", limit: 1_048_576)),
            ("far-column.xlsx", .columns(sheet: "签到表", row: 2, limit: 16_384)),
            ("huge-declared.xlsx", .workbookSize(gib: 1)),
            // 4,000 good rows, each with 8 cells naming one 32,000-character shared string: the
            // text budget (256 MiB a pass) runs out at row 1,050.
            ("shared-amplifier.xlsx", .text(sheet: "签到表", row: 1050, mib: 256)),
        ]
        let before = Self.leftovers()
        for (name, limit) in cases {
            let file = w.dir + "/" + name
            try? FileManager.default.removeItem(atPath: file)
            try FileManager.default.copyItem(atPath: dir + "/" + name, toPath: file)
            w.refuses(
                ["attendance", "import", "--event", "1", file],
                zh: "kepu：" + Catalogue.text(.xlsxOverLimit(file: name, limit: limit), .zh),
                en: "kepu: " + Catalogue.text(.xlsxOverLimit(file: name, limit: limit), .en))
        }
        #expect(Self.leftovers() == before)
    }

    @Test func theSentencesNameTheBound() {
        #expect(
            Catalogue.text(
                .xlsxOverLimit(file: "a.xlsx", limit: .ratio(part: "xl/worksheets/sheet1.xml", ratio: 100)), .zh)
                == "a.xlsx 不像是正常的表格：xl/worksheets/sheet1.xml 解压后超过压缩大小的 100 倍；未读取，未写入任何内容")
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .partSize(part: "p", mib: 512)), .en)
                == "a.xlsx is no ordinary workbook: p inflates to more than 512 MiB; it was not read and nothing was written"
        )
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .workbookSize(gib: 1)), .zh)
                == "a.xlsx 不像是正常的表格：整个工作簿解压后超过 1 GiB；未读取，未写入任何内容")
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .sharedStrings(limit: 1_004)), .en)
                == "a.xlsx is no ordinary workbook: it has more than 1004 shared strings, more than its cells; it was not read and nothing was written"
        )
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .cellLength(sheet: "s", row: 2, limit: 32_767)), .zh)
                == "a.xlsx 不像是正常的表格：工作表“s”第 2 行有一格超过 Excel 每格 32767 个字符的上限；未读取，未写入任何内容")
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .rows(sheet: "s", limit: 1_048_576)), .en)
                == "a.xlsx is no ordinary workbook: the sheet \"s\" goes past Excel's 1048576 rows; it was not read and nothing was written"
        )
        #expect(
            Catalogue.text(.xlsxOverLimit(file: "a.xlsx", limit: .columns(sheet: "s", row: 2, limit: 16_384)), .zh)
                == "a.xlsx 不像是正常的表格：工作表“s”第 2 行超过 Excel 的 16384 列；未读取，未写入任何内容")
    }
}
