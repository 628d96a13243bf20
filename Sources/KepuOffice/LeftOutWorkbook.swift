import KepuCore
import KepuFiles
import KepuStore

/// The rows an import left out, as a workbook the clerk can correct and import later: the file's own
/// header, then each row as it was, with its line in the file (行号) and why it was left out (原因).
/// Corrected and saved, the sheet imports as it is: 行号 and 原因 are columns no import reads.
public enum LeftOutWorkbook {
    public static func write(
        header: [String], rows: [LeftOutRow], lang: Language, sheet name: String? = nil, to path: String
    ) throws {
        let book = try XlsxWriter(path: path, title: lang.t("未导入的行", "Rows left out"), author: "kepu")
        let sheet = book.addSheet(name ?? lang.t("未导入的行", "Rows left out"))
        let bold = XlsxStyle(bold: true, horizontal: .center, wrap: true, fill: 0xF2F2F2)
        let width = max(header.count, rows.map(\.fields.count).max() ?? 0)
        for (i, h) in header.enumerated() { sheet.text(0, i, h, bold) }
        sheet.text(0, width, lang.t("行号", "Line"), bold)
        sheet.text(0, width + 1, lang.t("原因", "Reason"), bold)
        let reason = XlsxStyle(wrap: true, color: 0xB42318)
        for (r, row) in rows.enumerated() {
            for (c, cell) in row.fields.enumerated() { sheet.text(r + 1, c, cell) }
            sheet.number(r + 1, width, Double(row.line))
            sheet.text(r + 1, width + 1, Catalogue.text(row.problem, lang, for: .web), reason)
        }
        if width > 0 { sheet.columns(0, width - 1, width: 14) }
        sheet.columns(width, width, width: 8)
        sheet.columns(width + 1, width + 1, width: 60)
        try book.close()
    }
}
