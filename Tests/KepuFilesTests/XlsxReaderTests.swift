import Foundation
import KepuCore
import Testing

@testable import KepuFiles

/// Workbooks made by openpyxl and by hand (Tests/Fixtures/make.py), read back cell by cell.
let fixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Fixtures")

func rows(_ name: String, sheet: String? = nil) throws -> [(Int, [String])] {
    let t = try TableFile(path: fixtures.appendingPathComponent(name).path, displayName: name, sheet: sheet)
    var out: [(Int, [String])] = []
    try t.forEachRow { out.append(($1, $0)) }
    return out
}

@Suite struct XlsxReaderTests {
    @Test func cellReferences() {
        #expect(XlsxCell.column(of: "A1") == 0)
        #expect(XlsxCell.column(of: "E12") == 4)
        #expect(XlsxCell.column(of: "AA3") == 26)
        #expect(XlsxCell.column(of: "XFD1048576") == 16_383)
        #expect(XlsxCell.column(of: "12") == nil)
        #expect(XlsxCell.column(of: "ABCD1") == nil)
    }

    @Test func numbersAsExcelShowsThem() {
        #expect(XlsxCell.number("13800000001", kind: .number, date1904: false) == "13800000001")
        #expect(XlsxCell.number("1.3800000001E10", kind: .number, date1904: false) == "13800000001")
        #expect(XlsxCell.number("1234.5599999999999", kind: .number, date1904: false) == "1234.56")
        #expect(XlsxCell.number("0.30000000000000004", kind: .number, date1904: false) == "0.3")
        #expect(XlsxCell.number("-12.5", kind: .number, date1904: false) == "-12.5")
        #expect(XlsxCell.number("abc", kind: .number, date1904: false) == "abc")
        #expect(XlsxCell.number("45185", kind: .date, date1904: false) == "2023-09-16")
        #expect(XlsxCell.number("45185.375", kind: .dateTime, date1904: false) == "2023-09-16 09:00")
        #expect(XlsxCell.number("0.5", kind: .time, date1904: false) == "12:00")
        #expect(XlsxCell.number("1", kind: .date, date1904: false) == "1900-01-01")
        #expect(XlsxCell.number("61", kind: .date, date1904: false) == "1900-03-01")
        #expect(XlsxCell.number("43723", kind: .date, date1904: true) == "2023-09-16")
    }

    @Test func numberFormatsTellDatesFromNumbers() {
        #expect(XlsxNumberKind.classify("yyyy/m/d") == .date)
        #expect(XlsxNumberKind.classify("yyyy-mm-dd hh:mm") == .dateTime)
        #expect(XlsxNumberKind.classify("h:mm:ss") == .time)
        #expect(XlsxNumberKind.classify("#,##0.00") == .number)
        #expect(XlsxNumberKind.classify("0.00E+00") == .number)
        #expect(XlsxNumberKind.classify("yyyy\"年\"m\"月\"d\"日\"") == .date)
        #expect(XlsxNumberKind.classify("[$-804]yyyy年m月d日;@") == .date)
        #expect(XlsxNumberKind.classify("\"days\"0") == .number)
        #expect(XlsxNumberKind.classify("General") == .number)
        #expect(XlsxNumberKind.classify("0.00e+00") == .number)
        #expect(XlsxNumberKind(formatID: 14, custom: nil) == .date)
        #expect(XlsxNumberKind(formatID: 22, custom: nil) == .dateTime)
        #expect(XlsxNumberKind(formatID: 4, custom: nil) == .number)
    }

    @Test func titleRowsNumericPhonesAndTimes() throws {
        let r = try rows("signin-title.xlsx")
        #expect(r.map(\.0) == [1, 3, 4, 5, 6, 7, 8])
        #expect(r[0].1 == ["2023年全国科普日主场活动签到表"])
        #expect(r[1].1 == ["序号", "姓名", "", "手机号码", "签到时间"])
        #expect(r[2].1 == ["1", "张三", "", "13800000001", "2023-09-16 09:05"])
        #expect(r[4].1 == ["3", "王五", "", "13800000003", "2023-09-16 09:30"])
        #expect(r[5].1 == ["4", "赵六", "", "", "2023-09-16 10:00"])
        #expect(r[6].1 == ["5", "钱七", "", "13800000005"])
    }

    @Test func serialDatesAndAmounts() throws {
        let r = try rows("costs.xlsx")
        #expect(r[1].1 == ["日期", "摘要", "支出明细", "金额", "发票号"])
        #expect(r[2].1 == ["2023-09-10", "科普日展板制作", "资料排版复印", "1280.5", "No.00012"])
        #expect(r[4].1 == ["2023-05-22", "科技周讲座专家劳务", "活动委托费", "1234.56"])
    }

    @Test func sheetsByName() throws {
        #expect(try rows("signin-two-sheets.xlsx").map(\.1) == [["本工作簿第二张表是签到名单"]])
        let second = try rows("signin-two-sheets.xlsx", sheet: "签到")
        #expect(second.map(\.1) == [["姓名", "手机"], ["周八", "13900000008"], ["吴九", "13900000009"]])
        #expect(throws: KepuError(.sheetNotFound(file: "signin-two-sheets.xlsx", sheet: "名单", sheets: ["说明", "签到"]))) {
            try rows("signin-two-sheets.xlsx", sheet: "名单")
        }
    }

    @Test func inlineRichPrefixedAnd1904() throws {
        let r = try rows("inline-strings.xlsx")
        #expect(r.map(\.0) == [1, 2, 5])
        #expect(r[0].1 == ["姓名", "手机", "日期"])
        #expect(r[1].1 == ["欧阳修 ", "13500000001", "2023-09-16"])
        #expect(r[2].1 == ["司马光", "", "TRUE"])
    }

    @Test func headerFoundBelowTitles() throws {
        let t = try TableFile(
            path: fixtures.appendingPathComponent("signin-title.xlsx").path, displayName: "signin-title.xlsx")
        var header: [String] = []
        var lines: [Int] = []
        try t.forEachRecord(
            specs: [.init("name", ["姓名"], required: true), .init("phone", ["手机号码"])],
            header: { header = $0 }, record: { lines.append($1) })
        #expect(header[1] == "姓名")
        #expect(lines == [4, 5, 6, 7, 8])
    }

    @Test func csvTitleRowsAndBlankRowsToo() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("s.csv").path
        try "科技活动周签到表,,\n,,\n姓名,手机,\n甲,13700000001,\n,,\n乙,,\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let t = try TableFile(path: path, displayName: "s.csv")
        var got: [(Int, [String])] = []
        try t.forEachRecord(
            specs: [.init("name", ["姓名"], required: true)], header: { _ in }, record: { got.append(($1, $0)) })
        #expect(got.map(\.0) == [4, 6])
        #expect(throws: KepuError(.sheetOnlyForXlsx(file: "s.csv"))) {
            try TableFile(path: path, displayName: "s.csv", sheet: "Sheet1")
        }
    }

    @Test func oldXlsAndBrokenZipAreRefused() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-files-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let xls = dir.appendingPathComponent("old.xlsx").path
        try Data([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)).write(
            to: URL(fileURLWithPath: xls))
        #expect(throws: KepuError(.xlsNotSupported(file: "old.xlsx"))) {
            try TableFile(path: xls, displayName: "old.xlsx")
        }
        let broken = dir.appendingPathComponent("broken.xlsx").path
        try Data([0x50, 0x4B, 0x03, 0x04] + [UInt8](repeating: 7, count: 100)).write(to: URL(fileURLWithPath: broken))
        #expect(throws: KepuError(.xlsxBroken(file: "broken.xlsx", part: ""))) {
            try TableFile(path: broken, displayName: "broken.xlsx")
        }
    }

    /// A sheet's rows come once each, numbered upwards: a row out of order, repeated or opened inside
    /// another is a broken workbook from that row on, never a row reported twice (a fuzzer's find:
    /// libxml2 recovering from a damaged cell closed row 5 twice).
    @Test func rowsComeOnceEachInOrder() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-rows-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        func book(_ rows: String) throws -> String {
            let path = dir.appendingPathComponent("\(UUID().uuidString).xlsx").path
            let zip = try ZipWriter(path: path)
            let package = "http://schemas.openxmlformats.org/package/2006/relationships"
            let office = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
            let main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
            // The four parts a workbook needs, the sheet holding the rows under test.
            let parts = [
                (
                    "_rels/.rels",
                    "<Relationships xmlns=\"\(package)\"><Relationship Id=\"r1\" Type=\"\(office)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
                ),
                (
                    "xl/workbook.xml",
                    "<workbook xmlns=\"\(main)\" xmlns:r=\"\(office)\"><sheets><sheet name=\"名单\" sheetId=\"1\" r:id=\"s1\"/></sheets></workbook>"
                ),
                (
                    "xl/_rels/workbook.xml.rels",
                    "<Relationships xmlns=\"\(package)\"><Relationship Id=\"s1\" Type=\"\(office)/worksheet\" Target=\"worksheets/sheet1.xml\"/></Relationships>"
                ),
                ("xl/worksheets/sheet1.xml", "<worksheet xmlns=\"\(main)\"><sheetData>\(rows)</sheetData></worksheet>"),
            ]
            for (name, xml) in parts { try zip.add(name, Array(xml.utf8)) }
            try zip.finish()
            return path
        }
        func read(_ path: String) throws -> [Int] {
            var numbers: [Int] = []
            try TableFile(path: path, displayName: "名单.xlsx").forEachRow { _, n in numbers.append(n) }
            return numbers
        }
        func cell(_ text: String) -> String { "<c t=\"inlineStr\"><is><t>\(text)</t></is></c>" }
        let broken = KepuError(.xlsxBroken(file: "名单.xlsx", part: "xl/worksheets/sheet1.xml"))
        // As Excel writes them, and as streaming writers do (no numbers): read.
        #expect(try read(book("<row r=\"1\">\(cell("姓名"))</row><row r=\"3\">\(cell("李华"))</row>")) == [1, 3])
        #expect(try read(book("<row>\(cell("姓名"))</row><row>\(cell("李华"))</row>")) == [1, 2])
        // Out of order, repeated, numbered 0, or nested: refused.
        for rows in [
            "<row r=\"5\">\(cell("a"))</row><row r=\"3\">\(cell("b"))</row>",
            "<row r=\"2\">\(cell("a"))</row><row r=\"2\">\(cell("b"))</row>",
            "<row r=\"0\">\(cell("a"))</row>",
            "<row r=\"1\">\(cell("a"))<row r=\"2\">\(cell("b"))</row></row>",
        ] {
            #expect(throws: broken, "\(rows)") { try read(book(rows)) }
        }
        // The fuzzer's input: refused, and no row was reported twice on the way.
        let found = fixtures.appendingPathComponent("damaged-row-reported-twice.xlsx").path
        var numbers: [Int] = []
        #expect(throws: KepuError.self) {
            try TableFile(path: found, displayName: "x.xlsx").forEachRow { _, n in numbers.append(n) }
        }
        #expect(numbers == numbers.sorted() && Set(numbers).count == numbers.count, "\(numbers)")
    }

    @Test func encodingDetection() {
        #expect(TextFile.detect(Data([0xEF, 0xBB, 0xBF, 0x41]), complete: true) == .utf8BOM)
        #expect(TextFile.detect(Data("姓名".utf8), complete: true) == .utf8)
        #expect(TextFile.detect(Data([0xD0, 0xD5, 0xC3, 0xFB]), complete: true) == .gb18030)
        // A UTF-8 sequence cut off at the end of a sample is still UTF-8.
        #expect(TextFile.detect(Data("姓名".utf8.dropLast()), complete: false) == .utf8)
    }
}
