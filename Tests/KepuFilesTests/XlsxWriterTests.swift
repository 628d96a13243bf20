import Foundation
import Testing

@testable import KepuCore
@testable import KepuFiles

/// A folder of its own for each test's files.
func scratchFolder() -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-xlsxw-\(UUID().uuidString)").path
    try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
    return dir
}

/// Every sheet's rows as kepu's reader gives them.
func readBack(_ path: String) throws -> [String: [(Int, [String])]] {
    let book = try XlsxWorkbook(path: path, displayName: "t.xlsx")
    var out: [String: [(Int, [String])]] = [:]
    for sheet in book.sheets {
        var rows: [(Int, [String])] = []
        try book.forEachRow(of: sheet) { cells, n in rows.append((n, cells)) }
        out[sheet.name] = rows
    }
    return out
}

/// A python3 with its standard library, for zipfile (an independent zip reader).
let python3: String? = ["/usr/bin/python3", "/usr/local/bin/python3"].first {
    FileManager.default.isExecutableFile(atPath: $0)
}

func runPython(_ script: String, _ args: [String]) throws -> (Int32, String) {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(python3))
    p.arguments = ["-c", script] + args
    let out = Pipe()
    p.standardOutput = out
    p.standardError = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return (p.terminationStatus, String(decoding: data, as: UTF8.self))
}

@Suite struct XlsxWriterTests {
    @Test func textNumbersFormulasAndMergesReadBack() throws {
        let dir = scratchFolder()
        let path = dir + "/book.xlsx"
        let book = try XlsxWriter(path: path, title: "测试", author: "kepu")
        let s = book.addSheet("绩效自评表")
        s.columns(0, 0, width: 6)
        s.printA4(repeatRows: 1...1, footer: "&C&P / &N")
        s.merge(0, 0, 0, 3, "2023年度项目支出绩效自评表", XlsxStyle(bold: true, size: 16, horizontal: .center))
        s.text(1, 0, "  前后空格  ")
        s.text(1, 1, "第一行\n第二行")
        s.text(1, 2, "A&B <c> \"q\" 'a'")
        s.text(1, 3, "literal _x0041_ stays")
        s.text(2, 0, "控制\u{1}字符\u{1F}与\r回车")
        s.number(2, 1, 1234.56, XlsxStyle(numberFormat: "#,##0.00"))
        s.number(2, 2, 0.9876, XlsxStyle(numberFormat: "0.00%"))
        s.number(2, 3, 13_900_000_000)
        s.formula(3, 3, "=SUM(B3,D3)", value: 13_900_001_234.56)
        s.mergeNumber(4, 0, 5, 1, 42, XlsxStyle())
        s.date(6, 0, CalendarDate(year: 2023, month: 9, day: 16)!)
        s.text(7, 0, "𠀀 emoji 🎉 and \u{FFFE}")
        // Written out of order, as the official table fills in its merged labels last.
        s.merge(1, 0, 2, 0, "不该覆盖")
        s.text(1, 0, "覆盖后")
        try book.close()
        let rows = try #require(try readBack(path)["绩效自评表"])
        let byRow = Dictionary(uniqueKeysWithValues: rows)
        #expect(byRow[1] == ["2023年度项目支出绩效自评表"])
        #expect(byRow[2] == ["覆盖后", "第一行\n第二行", "A&B <c> \"q\" 'a'", "literal _x0041_ stays"])
        #expect(byRow[3] == ["", "1234.56", "0.9876", "13900000000"])
        #expect(byRow[4] == ["", "", "", "13900001234.56"])
        #expect(byRow[5] == ["42"])
        #expect(byRow[7] == ["2023-09-16"])
        #expect(byRow[8] == ["𠀀 emoji 🎉 and \u{FFFE}"])
        let leading = try #require(rows.first { $0.0 == 2 })
        #expect(leading.1[0] == "覆盖后")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["book.xlsx"])
    }

    @Test func controlCharactersAndWhitespaceSurvive() throws {
        let path = scratchFolder() + "/c.xlsx"
        let book = try XlsxWriter(path: path)
        let s = book.addSheet("s")
        let texts = ["  前后空格  ", "控制\u{1}字符\u{1F}与\r回车", "\t制表", "_x005F_ and _xABCD_", "\u{0}"]
        for (i, t) in texts.enumerated() { s.text(i, 0, t) }
        try book.close()
        let rows = try #require(try readBack(path)["s"])
        #expect(rows.map { $0.1.first ?? "" } == texts)
    }

    @Test func aLongSheetIsStreamedAndReadsBackInFull() throws {
        let path = scratchFolder() + "/long.xlsx"
        let book = try XlsxWriter(path: path)
        let s = book.addSheet("签到表")
        s.columns(0, 2, width: 12)
        s.freeze(rows: 1)
        s.text(0, 0, "姓名")
        for i in 1...5_000 {
            s.text(i, 0, "参与者\(i)")
            s.number(i, 1, Double(13_900_000_000 + i))
            if i % 10 == 0 { s.rowHeight(i, 20) }
        }
        s.autofilter(row: 0, lastRow: 5_000, lastCol: 1)
        let second = book.addSheet("签到表")  // the same name: made unique
        second.text(0, 0, "第二张")
        try book.close()
        let sheets = try readBack(path)
        let rows = try #require(sheets["签到表"])
        #expect(rows.count == 5_001)
        #expect(rows[4_999].1 == ["参与者4999", "13900004999"])
        #expect(sheets["签到表(2)"]?.first?.1 == ["第二张"])
    }

    @Test func sheetNamesFollowExcelsRules() throws {
        let path = scratchFolder() + "/names.xlsx"
        let book = try XlsxWriter(path: path)
        let long = String(repeating: "很长的名字", count: 10)
        let names = [
            long, "a/b\\c[d]e:f*g?h", "'引号'", "", "Sheet", "sheet", "History", "控制\u{7}", "ꉥ\u{FFFF}", "a_x0041_&<b>",
        ]
        for n in names { book.addSheet(n).text(0, 0, n.isEmpty ? "空" : n) }
        try book.close()
        let written = try XlsxWorkbook(path: path, displayName: "names.xlsx").sheets.map(\.name)
        #expect(written[0] == String(long.prefix(31)))
        #expect(written[1] == "abcdefgh")
        #expect(written[2] == "引号")
        #expect(written[3] == "Sheet4")
        #expect(written[4] == "Sheet")
        #expect(written[5] == "sheet(2)")
        #expect(written[6] == "History(2)")
        #expect(written[7] == "控制")
        #expect(written[8] == "ꉥ")
        #expect(written[9] == "a_x0041_&<b>")
        #expect(written.allSatisfy { $0.count <= 31 })
        #expect(Set(written.map { $0.lowercased() }).count == written.count)
    }

    @Test func anEmptyWorkbookAndAnEmptySheetAreStillWorkbooks() throws {
        let dir = scratchFolder()
        let empty = try XlsxWriter(path: dir + "/empty.xlsx")
        try empty.close()
        #expect(try readBack(dir + "/empty.xlsx")["Sheet1"]?.isEmpty == true)
        #expect(try XlsxWorkbook(path: dir + "/empty.xlsx", displayName: "e").sheets.map(\.name) == ["Sheet1"])
        let one = try XlsxWriter(path: dir + "/one.xlsx")
        _ = one.addSheet("空表")
        try one.close()
        #expect(try readBack(dir + "/one.xlsx")["空表"]?.isEmpty == true)
    }

    @Test func cellsKepuMustNotWriteAreRefusedAndLeaveNoFile() throws {
        let dir = scratchFolder()
        let cases: [(String, (XlsxSheet) -> Void, Problem)] = [
            (
                "long", { $0.text(4, 2, String(repeating: "字", count: 32_768)) },
                .xlsxCellTooLong(sheet: "表", cell: "C5", length: 32_768, limit: 32_767)
            ),
            ("nan", { $0.number(0, 0, .nan) }, .xlsxNumberNotFinite(sheet: "表", cell: "A1")),
            ("inf", { $0.formula(1, 1, "=1/0", value: .infinity) }, .xlsxNumberNotFinite(sheet: "表", cell: "B2")),
            ("range", { $0.text(1_048_576, 0, "x") }, .xlsxOutOfRange(sheet: "表", row: 1_048_577, column: 1)),
        ]
        for (name, write, problem) in cases {
            let book = try XlsxWriter(path: dir + "/\(name).xlsx")
            let s = book.addSheet("表")
            s.text(0, 1, "before")
            write(s)
            s.text(9, 0, "after")
            #expect(throws: KepuError(problem)) { try book.close() }
        }
        // Exactly 32,767 characters is Excel's limit, and allowed.
        let ok = try XlsxWriter(path: dir + "/ok.xlsx")
        ok.addSheet("表").text(0, 0, String(repeating: "字", count: 32_767))
        try ok.close()
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir) == ["ok.xlsx"])
    }

    @Test func theRefusalsInBothLanguages() {
        #expect(
            Catalogue.text(.xlsxCellTooLong(sheet: "费用", cell: "C5", length: 40_000, limit: 32_767), .zh)
                == "工作表“费用”的 C5 格有 40000 个字符，超过 Excel 每格 32767 个字符的上限；未写出工作簿")
        #expect(
            Catalogue.text(.xlsxCellTooLong(sheet: "费用", cell: "C5", length: 40_000, limit: 32_767), .en)
                == "cell C5 of the sheet \"费用\" holds 40000 characters, more than Excel's 32767 per cell; no workbook was written"
        )
        #expect(
            Catalogue.text(.xlsxNumberNotFinite(sheet: "费用", cell: "A1"), .zh)
                == "工作表“费用”的 A1 格不是有效数字（无穷大或非数）；未写出工作簿")
        #expect(
            Catalogue.text(.xlsxNumberNotFinite(sheet: "费用", cell: "A1"), .en)
                == "cell A1 of the sheet \"费用\" is not a finite number; no workbook was written")
        #expect(Catalogue.text(.xlsxOutOfRange(sheet: "s", row: 1_048_577, column: 1), .zh).contains("超出 Excel 的范围"))
        #expect(Catalogue.text(.xlsxOutOfRange(sheet: "s", row: 1_048_577, column: 1), .en).contains("beyond Excel's"))
    }

    @Test func aFolderThatCannotBeWrittenIsSaidAtOnce() {
        #expect(throws: KepuError(.cannotWrite(path: "/nonexistent/x.xlsx", reason: "No such file or directory"))) {
            _ = try XlsxWriter(path: "/nonexistent/x.xlsx")
        }
    }

    @Test func escapesForXML() {
        #expect(XML.text("a&b<c>d") == "a&amp;b&lt;c&gt;d")
        #expect(XML.text("x\u{1}y\rz") == "x_x0001_y_x000D_z")
        #expect(XML.text("_x0041_ _xZZZZ_ _x12_") == "_x005F_x0041_ _xZZZZ_ _x12_")
        #expect(XML.markup("say \"hi\"") == "say &quot;hi&quot;")
        #expect(XlsxCell.unescape("_x005F_x0041_ _x0041_ _xD800_") == "_x0041_ A _xD800_")
        #expect(XML.number(3) == "3")
        #expect(XML.number(-2.5) == "-2.5")
        #expect(XML.number(0.1) == "0.1")
        #expect(XlsxSheet.columnName(0) == "A")
        #expect(XlsxSheet.columnName(25) == "Z")
        #expect(XlsxSheet.columnName(26) == "AA")
        #expect(XlsxSheet.columnName(16_383) == "XFD")
        #expect(XlsxSheet.excelWidth(6) == "6.714285714285714")
        #expect(XlsxSheet.serial(CalendarDate(year: 2023, month: 9, day: 16)!) == 45_185)
    }
}

@Suite struct UTF8CheckTests {
    func ok(_ bytes: [UInt8], split: Int? = nil) -> Bool {
        var check = UTF8Check()
        let cut = split ?? bytes.count
        let a = bytes[..<cut].withUnsafeBufferPointer { check.feed($0) }
        return a && bytes[cut...].withUnsafeBufferPointer { check.feed($0, last: true) }
    }

    @Test func wellFormedUTF8AcrossChunks() {
        let text = Array("签到表 𠀀 é a".utf8)
        for cut in 0...text.count { #expect(ok(text, split: cut)) }
        #expect(!ok([0xC0, 0x80]))  // overlong
        #expect(!ok([0xE0, 0x80, 0x80]))  // overlong
        #expect(!ok([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!ok([0xF4, 0x90, 0x80, 0x80]))  // past U+10FFFF
        #expect(!ok([0xE6, 0x89]))  // cut short at the end
        #expect(!ok([0xE5, 0x6E, 0x73]))  // the fuzzer's element name
        #expect(!ok([0xFF]))
    }
}

@Suite struct ZipWriterTests {
    func zipTest(_ path: String) throws -> String {
        let script = """
            import sys, zipfile
            z = zipfile.ZipFile(sys.argv[1])
            bad = z.testzip()
            infos = z.infolist()
            print(len(infos), bad, infos[0].filename, len(z.read(infos[0].filename)))
            """
        let (code, out) = try runPython(script, [path])
        #expect(code == 0, "\(out)")
        return out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test(.enabled(if: python3 != nil, "needs python3"))
    func partsReadBackByAnIndependentReader() throws {
        let path = scratchFolder() + "/a.zip"
        let zip = try ZipWriter(path: path)
        try zip.begin("a/大.txt")
        var expected = 0
        for i in 0..<20_000 {
            let line = Array("第\(i)行 some text that repeats\n".utf8)
            expected += line.count
            try zip.write(line)
        }
        try zip.end()
        try zip.add("b.txt", [])
        try zip.begin("c.bin", deflate: false)
        try zip.write([1, 2, 3])
        try zip.end()
        try zip.finish()
        #expect(try zipTest(path) == "3 None a/大.txt \(expected)")
        // kepu's own reader agrees.
        let reader = try ZipReader(path: path)
        #expect(Set(reader.entries.keys) == ["a/大.txt", "b.txt", "c.bin"])
        var got = 0
        try reader.read(try #require(reader.entries["a/大.txt"])) { got += $0.count }
        #expect(got == expected)
    }

    @Test(.enabled(if: python3 != nil, "needs python3"))
    func zip64FieldsWhenSizesAndOffsetsPassTheLimit() throws {
        // The limit lowered to 0: every size and offset goes in ZIP64 form, as past 4 GiB.
        let path = scratchFolder() + "/z64.zip"
        let zip = try ZipWriter(path: path, zip64Limit: 0, entryLimit: 0)
        try zip.add("one.xml", Array(String(repeating: "<row/>", count: 5_000).utf8))
        try zip.add("two.xml", Array("hello".utf8))
        try zip.finish()
        #expect(try zipTest(path) == "2 None one.xml 30000")
    }

    @Test(.enabled(if: python3 != nil, "needs python3"))
    func moreThan65535PartsUseTheZip64EndRecord() throws {
        let path = scratchFolder() + "/many.zip"
        let zip = try ZipWriter(path: path)
        for i in 0..<65_600 {
            try zip.begin("p\(i)", deflate: false)
            try zip.write([UInt8(i & 0xFF)])
            try zip.end()
        }
        try zip.finish()
        #expect(try zipTest(path) == "65600 None p0 1")
    }
}

/// The text a sheet may produce is bounded for each pass over it, not for the workbook's life: an
/// import reads a sheet twice (a check, then the import), and each pass has the whole budget.
@Suite struct TextBudgetTests {
    @Test func eachPassOverASheetHasItsOwnBudget() throws {
        let path = scratchFolder() + "/passes.xlsx"
        let book = try XlsxWriter(path: path)
        let s = book.addSheet("签到表")
        for r in 0..<200 { s.text(r, 0, "张三丰\(r)") }
        try book.close()
        let read = try XlsxWorkbook(path: path, displayName: "passes.xlsx")
        var one = 0
        try read.forEachRow(of: try read.sheet(nil)) { cells, _ in one += cells.reduce(0) { $0 + $1.utf8.count } }
        // A budget that holds one pass (and not two) lets both passes through.
        read.textBytes = one + one / 2
        var rows = 0
        for _ in 0..<2 { try read.forEachRow(of: try read.sheet(nil)) { _, _ in rows += 1 } }
        #expect(rows == 400)
        // Below one pass: refused, naming the row and the bound.
        read.textBytes = one / 2
        #expect(throws: KepuError.self) { try read.forEachRow(of: try read.sheet(nil)) { _, _ in } }
    }
}
