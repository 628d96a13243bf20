import Crypto
import Foundation
import KepuCore

/// A spreadsheet as the office hands it in: a CSV file (UTF-8 or GBK) or a sheet of an .xlsx
/// workbook, told apart by their first bytes, never by the name's extension. An old .xls (and
/// WPS's .et) is refused with how to save it as .xlsx.
public struct TableFile {
    public enum Source {
        case text(TextFile)
        case workbook(XlsxWorkbook, XlsxWorkbook.Sheet)
    }

    public let path: String
    public let displayName: String
    public let source: Source
    /// How many rows may stand above the header (titles, notes, blank rows) before it is looked for no more.
    public static let headerSearchRows = 30

    /// Opens the file; `sheet` names a workbook's sheet (the first by default) and is refused for CSV.
    public init(path: String, displayName: String, sheet: String? = nil) throws {
        self.path = path
        self.displayName = displayName
        guard let h = FileHandle(forReadingAtPath: path) else { throw KepuError(.cannotReadFile(name: displayName)) }
        let magic = [UInt8]((try? h.read(upToCount: 8)) ?? Data())
        try? h.close()
        switch TableFile.kind(of: magic) {
        case .oleCompound:
            throw KepuError(.xlsNotSupported(file: displayName))
        case .zip:
            let book = try XlsxWorkbook(path: path, displayName: displayName)
            source = .workbook(book, try book.sheet(sheet))
        case .text:
            if sheet != nil { throw KepuError(.sheetOnlyForXlsx(file: displayName)) }
            source = .text(try TextFile(path: path, displayName: displayName))
        }
    }

    public enum Kind: Sendable, Hashable { case zip, oleCompound, text }

    /// What the first bytes say: a zip package (.xlsx), an OLE compound file (.xls, .et), or text.
    public static func kind(of magic: [UInt8]) -> Kind {
        if magic.starts(with: [0x50, 0x4B, 0x03, 0x04]) { return .zip }
        if magic.starts(with: [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) { return .oleCompound }
        return .text
    }

    /// The encoding of a CSV file, or `xlsx · <sheet>` for a workbook: shown in the confirmation.
    public var formatDescription: String {
        switch source {
        case .text(let t): t.encoding.rawValue
        case .workbook(_, let sheet): "xlsx · \(sheet.name)"
        }
    }

    /// The SHA-256 of the file's bytes, read in chunks.
    public func sha256() throws -> String {
        guard let sha = FileDigest.sha256(atPath: path) else { throw KepuError(.cannotReadFile(name: displayName)) }
        return sha
    }

    /// Every row with a non-blank cell, with its line (CSV) or row number (Excel).
    public func forEachRow(_ body: ([String], Int) throws -> Void) throws {
        let nonBlank: ([String], Int) throws -> Void = { row, line in
            if row.contains(where: { !CSVColumns.trim($0).isEmpty }) { try body(row, line) }
        }
        switch source {
        case .text(let t): try t.forEachRow(nonBlank)
        case .workbook(let book, let sheet): try book.forEachRow(of: sheet, nonBlank)
        }
    }

    /// The rows after the header: the first row that names every required column of `specs`. Title
    /// rows and blank rows above it are skipped; when no such row is found among the first rows, the
    /// refusal names the missing column against the first row that looks like a header.
    public func forEachRecord(
        specs: [CSVColumns.Spec], header: ([String]) throws -> Void, record: ([String], Int) throws -> Void
    ) throws {
        var locator = HeaderLocator(specs: specs)
        do {
            try forEachRow { row, line in
                if locator.found {
                    try record(row, line)
                } else if try locator.offer(row, file: displayName) {
                    try header(row)
                }
            }
            try locator.finish(file: displayName)
        } catch let e as KepuError where !locator.found {
            // The header is not on the sheet read: name the workbook's other sheets.
            guard case .workbook(let book, let sheet) = source, book.sheets.count > 1, sheet == book.sheets[0] else {
                throw e
            }
            let others = book.sheets.dropFirst().map(\.name)
            throw KepuError(.otherSheets(sheet: sheet.name, others: others, problem: e.problem))
        }
    }
}

/// Finds the header row among the first rows of a sheet.
public struct HeaderLocator: Sendable {
    let specs: [CSVColumns.Spec]
    public private(set) var found = false
    private var seen = 0
    private var best: [String]?
    private var bestScore = -1

    public init(specs: [CSVColumns.Spec]) { self.specs = specs }

    /// True when `row` is the header. Throws once too many rows have gone by without one.
    public mutating func offer(_ row: [String], file: String) throws -> Bool {
        let score = CSVColumns.matches(row, specs: specs)
        if score.required == specs.filter(\.required).count && score.any > 0 {
            found = true
            return true
        }
        if score.any > bestScore || best == nil {
            best = row
            bestScore = score.any
        }
        seen += 1
        if seen >= TableFile.headerSearchRows { try finish(file: file) }
        return false
    }

    /// Refuses a file whose header never came: the missing column against the likeliest header row.
    public func finish(file: String) throws {
        guard !found else { return }
        guard let best else { throw KepuError(.importEmpty(file: file)) }
        _ = try CSVColumns(header: best, specs: specs, file: file)
        throw KepuError(.importEmpty(file: file))
    }
}

/// A SHA-256 fed a chunk at a time, read as lowercase hex.
public struct SHA256Digest {
    var hasher = SHA256()
    public init() {}
    public mutating func update(_ data: Data) { hasher.update(data: data) }
    public var hex: String { hasher.finalize().map { String(format: "%02x", $0) }.joined() }
}

/// The SHA-256 of a file as lowercase hex, read in 64 KiB chunks; nil when it cannot be read.
public enum FileDigest {
    public static func sha256(atPath path: String) -> String? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        var hasher = SHA256()
        do {
            while let d = try h.read(upToCount: 1 << 16), !d.isEmpty { hasher.update(data: d) }
        } catch {
            return nil
        }
        return hasher.finalize().map { String(format: "%02x", $0) }.joined()
    }
}
