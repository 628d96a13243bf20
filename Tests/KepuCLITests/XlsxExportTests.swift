import Foundation
import KepuFiles
import Testing

@testable import KepuCLI
@testable import KepuCore

/// Every sheet of a workbook as text, read back by kepu's own reader: the golden form of an .xlsx.
func xlsxDump(_ path: String) throws -> String {
    let book = try XlsxWorkbook(path: path, displayName: (path as NSString).lastPathComponent)
    var out = ""
    for sheet in book.sheets {
        out += "## \(sheet.name)\n"
        try book.forEachRow(of: sheet) { cells, row in out += "\(row)\t" + cells.joined(separator: "\t") + "\n" }
    }
    return out
}

/// Debian's python3 with openpyxl, the independent reader; CI installs it (.ci/run).
let openpyxl: String? = {
    for python in ["/usr/bin/python3", "/usr/local/bin/python3"]
    where FileManager.default.isExecutableFile(atPath: python) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: python)
        p.arguments = ["-c", "import openpyxl"]
        p.standardError = FileHandle.nullDevice
        guard (try? p.run()) != nil else { continue }
        p.waitUntilExit()
        if p.terminationStatus == 0 { return python }
    }
    return nil
}()

/// Runs a Python script with the workbook's path as its argument and returns what it prints.
func python(_ script: String, _ path: String) throws -> String {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try #require(openpyxl))
    p.arguments = ["-c", script, path]
    let out = Pipe()
    p.standardOutput = out
    try p.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return String(decoding: data, as: UTF8.self)
}

@Suite struct XlsxExportTests {
    @Test func theSelfEvaluationWorkbookHasTheOfficialTableAndTheLedger() throws {
        let w = GoldenTests.scenario()
        let r = w.run(["report", "--year", "2023", "-o", w.dir + "/2023绩效自评.xlsx"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已把 xlsx 格式的自评报告写入"))
        let dump = try xlsxDump(w.dir + "/2023绩效自评.xlsx")
        #expect(dump.contains("## 绩效自评表\n1\t2023年度项目支出绩效自评表\n"))
        for sheet in ["活动", "费用", "印刷品", "志愿者", "数据核查"] { #expect(dump.contains("## \(sheet)\n")) }
        // Phones are masked on the volunteers' sheet.
        #expect(!dump.contains("13800000001"))
        try GoldenTests().compare("report.zh.xlsx.txt", dump)
        // No file is left behind but the workbook.
        #expect(try FileManager.default.contentsOfDirectory(atPath: w.dir).filter { $0.hasSuffix(".tmp") }.isEmpty)
    }

    @Test(.enabled(if: openpyxl != nil, "needs python3-openpyxl"))
    func openpyxlReadsTheIndicatorsAndTheTotalAsANumber() throws {
        let w = GoldenTests.scenario()
        _ = w.ok("report --year 2023 --format xlsx -o 自评.xlsx")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("report --year 2023 --format json").utf8))
                as? [String: Any])
        let total = try #require(json["totalScore"] as? Double)
        let names = (json["indicators"] as? [[String: Any]] ?? []).compactMap { $0["name"] as? String }
        let script = """
            import sys, openpyxl
            wb = openpyxl.load_workbook(sys.argv[1], data_only=True)
            ws = wb.worksheets[0]
            print(wb.sheetnames)
            for row in ws.iter_rows():
                if row[0].value == '总分':
                    print('TOTAL', repr(row[7].value), row[7].number_format, repr(row[6].value))
            print('NAMES', '|'.join(str(ws.cell(r, 4).value) for r in range(1, ws.max_row + 1)))
            print('MERGED', ' '.join(sorted(str(m) for m in ws.merged_cells.ranges)))
            print('SETUP', ws.page_setup.paperSize, ws.page_setup.orientation, ws.page_setup.fitToWidth, ws.sheet_properties.pageSetUpPr.fitToPage)
            for row in ws.iter_rows():
                if row[1].value == '年度资金总额（元）':
                    print('FONT', ws['A1'].font.name, row[1].font.name, row[2].number_format, repr(row[2].value), row[6].number_format)
            """
        let out = try python(script, w.dir + "/自评.xlsx")
        #expect(out.contains("['绩效自评表', '活动', '费用', '印刷品', '志愿者', '数据核查']"))
        let totalLine = try #require(out.split(separator: "\n").first { $0.hasPrefix("TOTAL") })
        let parts = totalLine.split(separator: " ")
        #expect(Double(parts[1]) == total, "\(totalLine)")
        #expect(parts[2] == "0.00")
        #expect(parts[3] == "100")
        let namesLine = try #require(out.split(separator: "\n").first { $0.hasPrefix("NAMES") })
        for name in names { #expect(namesLine.contains(name), "\(name)") }
        #expect(out.contains("A1:I1"))
        // A4 (9), portrait, fitted to one page wide (fitToWidth 1 is the default, so it may be absent).
        #expect(out.contains("SETUP 9 portrait None True") || out.contains("SETUP 9 portrait 1 True"), "\(out)")
        #expect(out.contains("FONT 宋体 宋体 #,##0.00 30000 0.00%"), "\(out)")
    }

    @Test(.enabled(if: openpyxl != nil, "needs python3-openpyxl"))
    func statsAndListsAreNumbersToo() throws {
        let w = ReconcileCommandTests.demo()
        _ = w.ok("stats --year 2023 --format xlsx -o 统计.xlsx")
        _ = w.ok("cost list --year 2023 --format xlsx -o 费用.xlsx")
        let script = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for row in ws.iter_rows(min_row=3):
                print('|'.join(type(c.value).__name__ + ':' + str(c.value) for c in row))
            """
        let stats = try python(script, w.dir + "/统计.xlsx")
        #expect(stats.contains("str:科普(技)讲座"), "\(stats)")
        #expect(stats.contains("int:") || stats.contains("float:"), "\(stats)")
        let costs = try python(script, w.dir + "/费用.xlsx")
        #expect(costs.contains("float:3000.0") || costs.contains("int:3000"), "\(costs)")
    }

    @Test func aWorkbookNeedsAFile() {
        let w = ReconcileCommandTests.demo()
        for line in ["report --year 2023 --format xlsx", "cost list --format xlsx", "stats --year 2023 --format xlsx"] {
            w.refuses(
                line, code: 64,
                zh: "kepu：Excel 工作簿不能显示在屏幕上：请用 -o 写入文件，如 -o 2023绩效自评.xlsx",
                en:
                    "kepu: an Excel workbook cannot be shown on screen: write it to a file with -o, such as -o 2023.xlsx"
            )
        }
        w.refuses(
            "report --year 2023 -o /nonexistent/自评.xlsx", code: 1,
            zh: "kepu：无法写入 /nonexistent/自评.xlsx：No such file or directory",
            en: "kepu: cannot write /nonexistent/自评.xlsx: No such file or directory"
        )
    }

    /// Whether a file is a zip package (a workbook) by its first bytes.
    static func isWorkbook(_ path: String) -> Bool {
        FileManager.default.contents(atPath: path).map { $0.starts(with: [0x50, 0x4B, 0x03, 0x04]) } ?? false
    }

    @Test func everyCommandWithOutputWritesTheFormatItsExtensionNames() throws {
        let w = ReconcileCommandTests.demo()
        let lists = ["event", "attendance", "cost", "print", "survey", "volunteer", "measure"]
        let commands =
            lists.map { "\($0) list" } + ["report --year 2023", "reconcile --year 2023", "stats --year 2023"]
        for (i, command) in commands.enumerated() {
            let xlsx = w.dir + "/out\(i).xlsx"
            _ = w.ok("\(command) -o \(xlsx)")
            #expect(Self.isWorkbook(xlsx), "\(command) -o .xlsx wrote no workbook")
            // Read back by kepu's own reader, each sheet with a title and rows.
            let dump = try xlsxDump(xlsx)
            #expect(dump.hasPrefix("## ") && dump.contains("\n2\t"), "\(command): \(dump.prefix(200))")
            let csv = w.dir + "/out\(i).csv"
            _ = w.ok("\(command) -o \(csv)")
            #expect(!Self.isWorkbook(csv))
            #expect((try String(contentsOfFile: csv, encoding: .utf8)).contains(","), "\(command) -o .csv")
            // --format beside -o must agree with it.
            _ = w.ok("\(command) --format xlsx -o \(w.dir)/agree\(i).xlsx")
            #expect(Self.isWorkbook(w.dir + "/agree\(i).xlsx"))
            w.refuses(
                "\(command) --format csv -o 费用.xlsx", code: 64,
                zh: "kepu：--format csv 与 -o 费用.xlsx 不一致（文件扩展名表示 xlsx）；请去掉 --format，或让两者一致",
                en:
                    "kepu: --format csv disagrees with -o 费用.xlsx, whose extension means xlsx; drop --format or make them agree"
            )
        }
        #expect(!FileManager.default.fileExists(atPath: w.dir + "/费用.xlsx"))
        // The JSON archive and a plan draft are one format each.
        _ = w.ok("export --year 2023 -o \(w.dir)/a.json")
        w.refuses(
            "export --year 2023 -o a.xlsx", code: 64,
            zh: "kepu：--format json 与 -o a.xlsx 不一致（文件扩展名表示 xlsx）；请去掉 --format，或让两者一致",
            en:
                "kepu: --format json disagrees with -o a.xlsx, whose extension means xlsx; drop --format or make them agree"
        )
        let r = w.run(["plan", "new", "--year", "2024", "--from", "2023", "-o", "计划.xlsx"])
        #expect(r.code == 64, "\(r.err)")
        #expect(r.err.contains("计划.xlsx") && r.err.contains("yaml"), "\(r.err)")
        _ = w.ok("plan new --year 2024 --from 2023 -o \(w.dir)/p.yaml")
        #expect(!FileManager.default.fileExists(atPath: w.dir + "/计划.xlsx"))
    }

    @Test(.enabled(if: openpyxl != nil, "needs python3-openpyxl"))
    func openpyxlSeesTheFormulaThePrintSetupAndTheListsFurniture() throws {
        let w = GoldenTests.scenario()
        _ = w.ok("report --year 2023 -o 自评.xlsx")
        _ = w.ok("cost list --year 2023 -o 费用.xlsx")
        let report = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            for row in ws.iter_rows():
                if row[0].value == '总分':
                    print('FORMULA', row[7].value)
            print('AREA', ws.print_area)
            print('FOOTER', ws.oddFooter.center.text)
            print('WIDTH', round(ws.column_dimensions['A'].width, 2), round(ws.column_dimensions['I'].width, 2))
            print('MARGINS', ws.page_margins.left, ws.page_margins.top)
            print('CENTRED', ws.print_options.horizontalCentered)
            """
        let out = try python(report, w.dir + "/自评.xlsx")
        #expect(out.contains("FORMULA =SUM(H"), "\(out)")
        #expect(out.contains("AREA") && out.contains("$A$1:$I$"), "\(out)")
        #expect(out.contains("FOOTER &P / &N"), "\(out)")
        #expect(out.contains("WIDTH 6.71 30.71"), "\(out)")
        #expect(out.contains("MARGINS 0.5 0.6"), "\(out)")
        #expect(out.contains("CENTRED True"), "\(out)")
        let list = """
            import sys, openpyxl
            ws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]
            print('FREEZE', ws.freeze_panes)
            print('FILTER', ws.auto_filter.ref)
            print('TITLES', ws.print_title_rows)
            print('SETUP', ws.page_setup.paperSize, ws.page_setup.fitToWidth, ws.page_setup.fitToHeight)
            print('MERGED', ' '.join(str(m) for m in ws.merged_cells.ranges))
            print('HEADER', ws['A2'].font.b, ws['A2'].alignment.horizontal, ws['A2'].border.left.style, ws['A2'].fill.fgColor.rgb)
            for row in ws.iter_rows(min_row=3, max_row=3):
                print('ROW', '|'.join(type(c.value).__name__ + ':' + c.number_format for c in row))
            """
        let l = try python(list, w.dir + "/费用.xlsx")
        #expect(l.contains("FREEZE A3"), "\(l)")
        #expect(l.contains("FILTER A2:"), "\(l)")
        #expect(l.contains("TITLES $2:$2") || l.contains("TITLES 2:2"), "\(l)")
        #expect(l.contains("SETUP 9 1 0"), "\(l)")
        #expect(l.contains("MERGED A1:"), "\(l)")
        #expect(l.contains("HEADER True center thin FFF2F2F2"), "\(l)")
        #expect(l.contains("float:#,##0.00") || l.contains("int:#,##0.00"), "\(l)")
    }

    /// LibreOffice, a second independent reader, prints the self-evaluation: the table's words and
    /// its total are on the page.
    @Test(.enabled(if: soffice != nil, "needs LibreOffice and pdftotext"))
    func libreOfficePrintsTheSelfEvaluation() throws {
        let w = GoldenTests.scenario()
        _ = w.ok("report --year 2023 -o 自评.xlsx")
        let json = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("report --year 2023 --format json").utf8))
                as? [String: Any])
        let total = try #require(json["totalScore"] as? Double)
        let profile = w.dir + "/lo-profile"
        let convert = Process()
        convert.executableURL = URL(fileURLWithPath: try #require(soffice))
        convert.arguments = [
            "-env:UserInstallation=file://" + profile, "--headless", "--convert-to", "pdf", "--outdir", w.dir,
            w.dir + "/自评.xlsx",
        ]
        convert.standardOutput = FileHandle.nullDevice
        convert.standardError = FileHandle.nullDevice
        try convert.run()
        convert.waitUntilExit()
        #expect(convert.terminationStatus == 0)
        let text = Process()
        text.executableURL = URL(fileURLWithPath: "/usr/bin/pdftotext")
        text.arguments = ["-layout", w.dir + "/自评.pdf", "-"]
        let pipe = Pipe()
        text.standardOutput = pipe
        try text.run()
        let out = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        text.waitUntilExit()
        #expect(out.contains("项目支出绩效自评表"), "\(out.prefix(400))")
        #expect(out.contains("总分"))
        #expect(out.contains(String(format: "%.2f", total)), "\(total)")
    }
}

/// LibreOffice's soffice, when installed with pdftotext beside it (.ci/run installs both).
let soffice: String? = {
    guard FileManager.default.isExecutableFile(atPath: "/usr/bin/pdftotext") else { return nil }
    return ["/usr/bin/soffice", "/usr/local/bin/soffice"].first { FileManager.default.isExecutableFile(atPath: $0) }
}()
