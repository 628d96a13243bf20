import KepuCore
import KepuFiles

/// `kepu report -o 自评.xlsx`: the self-evaluation as a workbook. Sheet 1 is the official table
/// (项目支出绩效自评表 or 部门整体支出绩效自评表) in its layout, with merged cells, numbers as numbers and
/// the total as a sum of the scores; further sheets hold the events, costs, print runs, volunteers and
/// data checks.
///
/// The official table has nine columns:
///
///     A      B         C        D        E          F          G     H     I
///     年度资金 (label)  年初预算数 全年预算数 全年执行数   分值       执行率 得分
///     年度总体目标 预期目标 (B–E)                   实际完成情况 (F–I)
///     绩效指标 一级指标 二级指标 三级指标 年度指标值 实际完成值  分值  得分  偏差原因分析及改进措施
///
/// so that every score stands in column H, and the total sums it.
public enum SelfEvaluationWorkbook {
    /// Column widths, in characters, of A to I.
    static let widths: [Double] = [6, 17, 13, 20, 13, 13, 7, 9, 30]

    public static func write(
        _ report: Report, more: [XLSXRenderer.Sheet], to path: String, lang: Language
    ) throws {
        let book = try XlsxWriter(path: path, title: report.title, author: "kepu")
        let sheet = book.addSheet(lang.t("绩效自评表", "Self-evaluation"))
        official(report, on: sheet, lang: lang)
        for s in more { XLSXRenderer.table(s.table, title: s.title, on: book.addSheet(s.name)) }
        try book.close()
    }

    /// Several official tables (a year of several projects), one sheet each, named by their headings.
    public static func write(
        _ reports: [(name: String, report: Report)], more: [XLSXRenderer.Sheet], to path: String, lang: Language
    ) throws {
        let book = try XlsxWriter(path: path, title: reports.first?.report.title ?? "", author: "kepu")
        for (i, r) in reports.enumerated() {
            official(r.report, on: book.addSheet(sheetName(r.name, i + 1)), lang: lang)
        }
        for s in more { XLSXRenderer.table(s.table, title: s.title, on: book.addSheet(s.name)) }
        try book.close()
    }

    /// A sheet name Excel accepts: at most 31 characters, none of : \\ / ? * [ ].
    static func sheetName(_ name: String, _ n: Int) -> String {
        let cleaned = String(name.map { ":\\/?*[]".contains($0) ? "_" : $0 })
        return String("\(n) \(cleaned)".prefix(31))
    }

    static let label = XlsxStyle(bold: true, horizontal: .center, wrap: true)
    static let head = XlsxStyle(bold: true, horizontal: .center, wrap: true, fill: 0xF2F2F2)
    static let text = XlsxStyle(horizontal: .left, wrap: true)
    static let note = XlsxStyle(horizontal: .left, wrap: true, border: false)

    static func tables(_ section: Section) -> [ReportTable] {
        section.blocks.compactMap { if case .table(let t) = $0 { t } else { nil } }
    }

    /// The characters of columns `a` to `b`.
    static func span(_ a: Int, _ b: Int) -> Double { widths[a...b].reduce(0, +) }

    /// Sets a row's height for the longest of its texts, each in its span of columns.
    static func fit(_ sheet: XlsxSheet, _ row: Int, _ texts: [(String, Int, Int)], rows: Int = 1) {
        let most = texts.map { XLSXRenderer.lines($0.0, chars: span($0.1, $0.2)) }.max() ?? 1
        let per = Double(max(most, 1)) * 13.5 + 4
        if most > 1 || rows > 1 {
            sheet.rowHeight(row, max(18, per / Double(rows)))
        } else {
            sheet.rowHeight(row, 18)
        }
    }

    static func put(_ sheet: XlsxSheet, _ r: Int, _ c1: Int, _ c2: Int, _ cell: Cell, align: Alignment = .right) {
        let number = cell.number ?? (align == .right ? CellNumber.parse(cell.text) : nil)
        let style = XLSXRenderer.style(cell, number: number, alignment: align, wrap: true)
        if let number {
            sheet.mergeNumber(r, c1, r, c2, number.value, style)
        } else {
            sheet.merge(r, c1, r, c2, cell.text, style)
        }
    }

    static func official(_ report: Report, on sheet: XlsxSheet, lang: Language) {
        for (i, w) in widths.enumerated() { sheet.columns(i, i, width: w) }
        sheet.printA4(repeatRows: nil, footer: "&C&P / &N")
        var r = 0
        sheet.merge(r, 0, r, 8, report.title, XLSXRenderer.title)
        sheet.rowHeight(r, 30)
        r += 1
        for line in report.subtitle {
            sheet.merge(r, 0, r, 8, line, note)
            r += 1
        }
        var scoreRows: [Int] = []

        // 年度资金: the budget block.
        if let budget = report.sections.first.flatMap({ tables($0).first }) {
            let first = r
            sheet.text(r, 1, "", head)
            for (i, c) in budget.columns.dropFirst().enumerated() { sheet.text(r, 2 + i, c.header, head) }
            sheet.text(r, 8, "", head)
            r += 1
            for (k, row) in budget.rows.enumerated() {
                put(sheet, r, 1, 1, row[0], align: .left)
                for (i, c) in row.dropFirst().enumerated() { put(sheet, r, 2 + i, 2 + i, c) }
                sheet.text(r, 8, "", XLSXRenderer.body)
                fit(sheet, r, [(row[0].text, 1, 1)])
                if k == 0 && row.last?.number != nil { scoreRows.append(r) }
                r += 1
            }
            let funds =
                report.title.contains("部门") || report.title.contains("department")
                ? lang.t("部门资金（元）", "Department funds (元)") : lang.t("项目资金（元）", "Project funds (元)")
            sheet.merge(first, 0, r - 1, 0, funds, label)
        }

        // 年度总体目标: planned against achieved, with the department's duties and key work.
        if report.sections.count > 1 {
            let first = r
            for block in report.sections[1].blocks {
                switch block {
                case .fields(let f):
                    for (k, v) in f {
                        sheet.text(r, 1, k, label)
                        sheet.merge(r, 2, r, 8, v, text)
                        fit(sheet, r, [(v, 2, 8)])
                        r += 1
                    }
                case .table(let t) where t.columns.count == 2:
                    sheet.merge(r, 1, r, 4, t.columns[0].header, head)
                    sheet.merge(r, 5, r, 8, t.columns[1].header, head)
                    r += 1
                    for row in t.rows {
                        sheet.merge(r, 1, r, 4, row[0].text, text)
                        sheet.merge(r, 5, r, 8, row[1].text, text)
                        fit(sheet, r, [(row[0].text, 1, 4), (row[1].text, 5, 8)])
                        r += 1
                    }
                case .table(let t) where t.columns.count == 4:
                    // 年度重点工作: 事项, 责任科室, 工作目标, 完成情况.
                    let spans = [(1, 2), (3, 3), (4, 5), (6, 8)]
                    for (i, c) in t.columns.enumerated() { sheet.merge(r, spans[i].0, r, spans[i].1, c.header, head) }
                    r += 1
                    for row in t.rows {
                        for (i, c) in row.enumerated() { sheet.merge(r, spans[i].0, r, spans[i].1, c.text, text) }
                        fit(sheet, r, zip(row, spans).map { ($0.text, $1.0, $1.1) })
                        r += 1
                    }
                default: break
                }
            }
            if r > first { sheet.merge(first, 0, r - 1, 0, lang.t("年度总体目标", "Annual goal"), label) }
        }

        // 绩效指标: levels 1 and 2 merged down their runs; every score in column H.
        if report.sections.count > 2, let ind = tables(report.sections[2]).first {
            let first = r
            for (i, c) in ind.columns.enumerated() { sheet.text(r, 1 + i, c.header, head) }
            r += 1
            let top = r
            for row in ind.rows {
                for (i, c) in row.enumerated() where i >= 2 {
                    let align: Alignment = i == 4 || i == 3 ? .center : i == 7 ? .left : ind.columns[i].alignment
                    put(sheet, r, 1 + i, 1 + i, c, align: align)
                }
                if row.count > 6, row[6].number != nil { scoreRows.append(r) }
                fit(sheet, r, [(row[2].text, 3, 3), (row[3].text, 4, 4), (row[4].text, 5, 5), (row[7].text, 8, 8)])
                r += 1
            }
            // Runs of equal level-1 and level-2 names, merged.
            for level in 0..<2 {
                var start = 0
                while start < ind.rows.count {
                    var end = start
                    while end + 1 < ind.rows.count, ind.rows[end + 1][level].text == ind.rows[start][level].text,
                        level == 0 || ind.rows[end + 1][0].text == ind.rows[start][0].text
                    {
                        end += 1
                    }
                    sheet.merge(top + start, 1 + level, top + end, 1 + level, ind.rows[start][level].text, label)
                    start = end + 1
                }
            }
            sheet.merge(first, 0, r - 1, 0, lang.t("绩效指标", "Indicators"), label)
            if let footer = ind.footer.first {
                sheet.merge(r, 0, r, 5, footer[0].text, label)
                put(sheet, r, 6, 6, footer[5])
                let total = footer[6]
                let formula = "=SUM(" + scoreRows.map { "H\($0 + 1)" }.joined(separator: ",") + ")"
                var style = XLSXRenderer.style(total, number: total.number, alignment: .right, wrap: false)
                style.bold = true
                if let value = total.number?.value, !scoreRows.isEmpty {
                    sheet.formula(r, 7, formula, value: value, style)
                } else {
                    sheet.text(r, 7, total.text, style)
                }
                sheet.text(r, 8, footer[7].text, XlsxStyle(bold: true, horizontal: .left))
                sheet.rowHeight(r, 20)
                r += 1
                if total.text.contains("（") || total.text.contains("(") {
                    // A provisional total says so under the table.
                    sheet.merge(r, 0, r, 8, lang.t("总分：", "Total: ") + total.text, note)
                    r += 1
                }
            }
        }
    }
}
