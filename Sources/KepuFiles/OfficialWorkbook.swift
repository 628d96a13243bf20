import Foundation
import KepuCore

/// The sheets of the workbooks an office was sent its targets in, as text grids for `OfficialTables`.
public enum OfficialWorkbook {
    /// A target table is a page or two: rows beyond this are not read (a hostile workbook's million rows).
    public static let maxRows = 2_000
    /// The text the tables may hold in all, every sheet of every file: a real one is a few KiB.
    public static let maxBytes = 32 << 20

    /// Every sheet of each file; a `.docx` is refused with a sentence saying what to do instead.
    public static func sheets(paths: [(path: String, displayName: String)]) throws -> [OfficialTables.Sheet] {
        var out: [OfficialTables.Sheet] = []
        var held = 0
        for (path, name) in paths {
            let ext = (name as NSString).pathExtension.lowercased()
            if ext == "docx" || ext == "doc" || ext == "wps" { throw KepuError(.docxNotSupported(file: name)) }
            let book = try XlsxWorkbook(path: path, displayName: name)
            for sheet in book.sheets {
                var rows: [(cells: [String], row: Int)] = []
                try book.forEachRow(of: sheet) { cells, row in
                    guard rows.count < maxRows else { return }
                    held += cells.reduce(cells.count) { $0 + $1.utf8.count }
                    guard held <= maxBytes else {
                        throw KepuError(
                            .xlsxOverLimit(file: name, limit: .text(sheet: sheet.name, row: row, mib: maxBytes >> 20)))
                    }
                    rows.append((cells, row))
                }
                out.append(OfficialTables.Sheet(file: name, name: sheet.name, rows: rows))
            }
        }
        return out
    }

    /// True for a file the official-tables import reads (by its extension).
    public static func isWorkbook(_ name: String) -> Bool {
        ["xlsx", "xlsm", "docx", "doc", "wps"].contains((name as NSString).pathExtension.lowercased())
    }
}
