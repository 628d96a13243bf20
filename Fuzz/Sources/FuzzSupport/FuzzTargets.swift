import Foundation
import FuzzDriver
import KepuCore
import KepuFiles

#if canImport(Glibc)
    import Glibc
#endif

/// The target being run; the C callback libFuzzer calls cannot capture it.
nonisolated(unsafe) private var current: ((UnsafeBufferPointer<UInt8>) -> Void)?

/// The body of each libFuzzer target. Each checks a property besides "no crash": a parser returns a
/// value or throws kepu's own error (a sentence), never anything else; values survive a round trip.
public enum FuzzTargets {
    /// Hands the command line to libFuzzer, which calls `body` with each input.
    public static func run(_ body: @escaping (UnsafeBufferPointer<UInt8>) -> Void) -> Never {
        current = body
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        kepu_fuzz_register { data, size in
            current?(UnsafeBufferPointer(start: data, count: size))
            return 0
        }
        let code = LLVMFuzzerRunDriver(&argc, &argv, LLVMFuzzerTestOneInput)
        exit(code)
    }

    static func text(_ data: UnsafeBufferPointer<UInt8>) -> String { String(decoding: data, as: UTF8.self) }

    /// Runs a parser; any error but `KepuError` is a finding.
    static func parsed<T>(_ what: String, _ body: () throws -> T) -> T? {
        do { return try body() } catch is KepuError { return nil } catch {
            fatalError("\(what) threw \(type(of: error)), not a KepuError: \(error)")
        }
    }

    static func require(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok { fatalError(what()) }
    }

    public static func money(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let m = parsed("Money.parse", { try Money.parse(s) }) else { return }
        // A money value formats and parses back to itself, plain and grouped.
        require(parsed("Money.parse(plain)", { try Money.parse(m.plain) }) == m, "\(m.plain) did not round-trip")
        require(parsed("Money.parse(grouped)", { try Money.parse(m.grouped) }) == m, "\(m.grouped) did not round-trip")
    }

    public static func date(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let d = parsed("CalendarDate.parse", { try CalendarDate.parse(s) }) else { return }
        require(parsed("CalendarDate.parse(description)", { try CalendarDate.parse(d.description) }) == d, "\(d)")
    }

    public static func count(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let n = parsed("Parse.count", { try Parse.count(s, field: .count) }) else { return }
        require(n >= 0, "negative count \(n) from \(s)")
        require(parsed("Parse.count(String(n))", { try Parse.count(String(n), field: .count) }) == n, "\(n)")
    }

    public static func hours(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let centi = parsed("Parse.hours", { try Parse.hours(s, field: .record(.hours)) }) else { return }
        require(centi >= 0, "negative hours \(centi) from \(s)")
    }

    public static func percent(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let p = parsed("Parse.percent", { try Parse.percent(s, field: .record(.value)) }) else { return }
        let again = parsed(
            "Parse.percent(format)", { try Parse.percent(p.format(minPlaces: 0) + "%", field: .record(.value)) })
        require(again == p, "\(p)% did not round-trip")
    }

    public static func figure(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let f = parsed("Parse.figure", { try Parse.figure(s, field: .record(.value)) }) else { return }
        require(
            parsed("Parse.figure(format)", { try Parse.figure(f.format(minPlaces: 0), field: .record(.value)) }) == f,
            "\(f)")
    }

    public static func phone(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let p = parsed("NewVolunteer.phone", { try NewVolunteer.phone(s) }) else { return }
        // A normalized phone is normalized again to itself.
        require(parsed("NewVolunteer.phone(normalized)", { try NewVolunteer.phone(p) }) == p, "\(p)")
    }

    /// Any bytes that fit encode to a QR code that reads back to them, with each of the eight masks
    /// (the first byte picks one) and with the chosen one; longer ones are refused in a sentence.
    public static func qr(_ data: UnsafeBufferPointer<UInt8>) {
        let bytes = Array(data.dropFirst())
        let mask = data.first.map { Int($0 % 9) }
        guard let code = parsed("QRCode(bytes:)", { try QRCode(bytes: bytes, mask: mask == 8 ? nil : mask) }) else {
            require(bytes.count > QRCode.maxBytes, "refused \(bytes.count) bytes")
            return
        }
        require(code.readBack() == bytes, "\(bytes.count) bytes, version \(code.version), mask \(code.mask)")
        require(code.size == 17 + 4 * code.version && (1...10).contains(code.version), "version \(code.version)")
    }

    public static func target(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        _ = parsed("Target.parse", { try Target.parse(s, year: 2023) })
        _ = Comparison.parse(s)
    }

    /// The CSV reader fed in two chunks split at a point the fuzzer chooses (the first byte) gives the
    /// same records as the whole file at once.
    public static func csv(_ data: UnsafeBufferPointer<UInt8>) {
        guard let first = data.first else { return }
        let body = Array(data.dropFirst())
        let cut = body.isEmpty ? 0 : Int(first) % (body.count + 1)
        func records(_ chunks: [[UInt8]]) -> [[String]]? {
            var parser = CSVParser()
            var out: [[String]] = []
            return parsed("CSVParser") {
                for c in chunks { try parser.feed(c) { fields, _ in out.append(fields) } }
                try parser.finish { fields, _ in out.append(fields) }
                return out
            }
        }
        let whole = records([body])
        let split = records([Array(body[..<cut]), Array(body[cut...])])
        require(whole == split, "CSV split at \(cut) of \(body.count) bytes gave other records")
    }

    public static func plan(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let r = parsed("PlanFile.parse", { try PlanFile.parse(s, source: "fuzz.yaml") }) else { return }
        _ = PlanLint.check(r.plan)
    }

    /// The official target tables as text grids (rows by line, cells by tab, sheets by a `---` line):
    /// read into a plan or refused in a sentence; a plan read is written as a plan file that reads back
    /// as the same plan, and lints without trapping.
    public static func official(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        let sheets = s.components(separatedBy: "\n---\n").prefix(6).enumerated().map { n, body in
            OfficialTables.Sheet(
                file: "fuzz.xlsx", name: "sheet\(n)",
                rows: body.split(separator: "\n", omittingEmptySubsequences: false).prefix(400).enumerated().map {
                    (String($1).components(separatedBy: "\t").prefix(30).map { $0 }, $0 + 1)
                })
        }
        guard let read = parsed("OfficialTables.read", { try OfficialTables.read(sheets, unit: "fuzz") }) else {
            return
        }
        let yaml = PlanYAML.text(read.plan)
        let back: PlanFile.Result
        do { back = try PlanFile.parse(yaml, source: "fuzz.yaml") } catch let e as KepuError {
            fatalError("the plan read does not read back (\(e.text(.en))):\n\(yaml)")
        } catch { fatalError("PlanFile.parse threw \(error)") }
        require(back.plan == read.plan, "the plan file does not read back as the plan:\n\(yaml)")
        _ = PlanLint.check(back.plan)
    }

    public static func statsEdition(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        _ = parsed("StatsEdition.parse", { try StatsEdition.parse(s, source: "fuzz.yaml") })
    }

    /// The encoding of a CSV file from its first bytes, and the GBK transcoding in chunks split at a
    /// point the input chooses: UTF-8 is said only of valid UTF-8, and a split changes nothing.
    public static func encoding(_ data: UnsafeBufferPointer<UInt8>) {
        let bytes = Array(data)
        let enc = TextFile.detect(Data(bytes), complete: true)
        if enc == .utf8 { require(String(validating: bytes, as: UTF8.self) != nil, "invalid UTF-8 detected as UTF-8") }
        guard enc == .gb18030, bytes.count > 1 else { return }
        let cut = Int(bytes[0]) % bytes.count
        func convert(_ parts: [[UInt8]]) -> [UInt8]? {
            guard let c = parsed("Iconv", { try Iconv(from: "GB18030", to: "UTF-8", file: "fuzz") }) else { return nil }
            var out: [UInt8] = []
            for p in parts {
                guard let o = parsed("Iconv.convert", { try c.convert(p) }) else { return nil }
                out += o
            }
            return parsed("Iconv.finish", { try c.finish() }).map { out }
        }
        let whole = convert([bytes])
        let split = convert([Array(bytes[..<cut]), Array(bytes[cut...])])
        require(whole == split, "GB18030 split at \(cut) converted differently")
        if let whole { require(String(validating: whole, as: UTF8.self) != nil, "iconv gave invalid UTF-8") }
    }

    /// An .xlsx workbook from bytes: it opens and streams its first sheet, or is refused with kepu's
    /// own error; row numbers never go backwards and no row is empty.
    public static func xlsx(_ data: UnsafeBufferPointer<UInt8>) {
        // From a file, as kepu opens every workbook.
        let path = NSTemporaryDirectory() + "kepu-fuzz-\(getpid()).xlsx"
        guard FileManager.default.createFile(atPath: path, contents: Data(data)) else { return }
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard let book = parsed("XlsxWorkbook", { try XlsxWorkbook(path: path, displayName: "fuzz.xlsx") })
        else { return }
        var last = 0
        _ = parsed("forEachRow") {
            try book.forEachRow(of: try book.sheet(nil)) { cells, row in
                require(!cells.isEmpty, "an empty row was reported")
                require(row > last || row <= 0, "row \(row) after \(last)")
                last = row
            }
        }
    }

    /// A 问卷星 download as CSV: its questions found, one chosen, its answers tallied. A tally never
    /// counts more satisfied than answered, nor more answered than rows.
    public static func wjx(_ data: UnsafeBufferPointer<UInt8>) {
        var parser = CSVParser()
        var rows: [[String]] = []
        let ok: Void? = parsed("CSVParser") {
            try parser.feed(Array(data)) { fields, _ in rows.append(fields) }
            try parser.finish { fields, _ in rows.append(fields) }
        }
        guard ok != nil, let header = rows.first else { return }
        let questions = WjxSurvey.questions(in: header)
        for q in questions { require(q.column < header.count && q.number >= 0, "question \(q) outside the header") }
        let choice = rows.count > 1 ? rows[1].first : nil
        guard let q = parsed("WjxSurvey.question", { try WjxSurvey.question(choice, in: questions, file: "fuzz") })
        else { return }
        let answers = rows.dropFirst().map { q.column < $0.count ? $0[q.column] : "" }
        let submitted = rows.dropFirst().map { $0.count > 1 ? $0[1] : "" }
        let rule = WjxSurvey.rule(satisfied: nil, question: q, answers: answers)
        let t = WjxSurvey.tally(question: q, rule: rule, answers: answers, submitted: submitted)
        require(t.satisfied <= t.responses && t.responses <= Int64(answers.count), "tally \(t)")
    }

    /// A random table (text of any Unicode, numbers, merges, sheet names) written by `XlsxWriter`,
    /// then read back by `XlsxWorkbook`: every cell as written, numbers to Excel's 15 digits; or,
    /// for a number that is not finite, kepu's sentence and no file.
    public static func xlsxWrite(_ data: UnsafeBufferPointer<UInt8>) {
        var bytes = FuzzBytes(data)
        let dir = NSTemporaryDirectory() + "kepu-fuzzw-\(getpid())"
        try? FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/t.xlsx"
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard let book = try? XlsxWriter(path: path, title: bytes.text(12)) else { fatalError("cannot create") }
        enum Expect: Equatable {
            case text(String)
            case number(Double)
        }
        var sheets: [(name: String, grid: [Int: [Int: Expect]])] = []
        var refused = false
        for _ in 0..<(1 + bytes.byte() % 3) {
            let sheet = book.addSheet(bytes.text(40))
            var grid: [Int: [Int: Expect]] = [:]
            for _ in 0..<(bytes.byte() % 40) {
                let r = bytes.byte() % 30
                let c = bytes.byte() % 8
                switch bytes.byte() % 5 {
                case 0, 1:
                    let t = bytes.text(60)
                    sheet.text(r, c, t)
                    grid[r, default: [:]][c] = .text(t)
                case 2:
                    let v = bytes.double()
                    sheet.number(r, c, v, XlsxStyle(numberFormat: bytes.byte() % 2 == 0 ? "#,##0.00" : nil))
                    if v.isFinite { grid[r, default: [:]][c] = .number(v) } else { refused = true }
                case 3:
                    let v = Double(bytes.byte()) - 100
                    sheet.formula(r, c, "=SUM(A1:A2)", value: v)
                    grid[r, default: [:]][c] = .number(v)
                default:
                    let r2 = r + bytes.byte() % 3
                    let c2 = c + bytes.byte() % 3
                    let t = bytes.text(20)
                    sheet.merge(r, c, r2, c2, t)
                    for rr in r...r2 { for cc in c...c2 { grid[rr, default: [:]][cc] = .text("") } }
                    grid[r, default: [:]][c] = .text(t)
                }
            }
            sheets.append((sheet.name, grid))
        }
        do {
            try book.close()
            require(!refused, "a number that is not finite was written")
        } catch let e as KepuError {
            require(refused, "refused: \(e)")
            require(!FileManager.default.fileExists(atPath: path), "a refused workbook was left behind")
            return
        } catch {
            fatalError("close threw \(error)")
        }
        guard let read = parsed("XlsxWorkbook", { try XlsxWorkbook(path: path, displayName: "t.xlsx") }) else {
            fatalError("kepu cannot read its own workbook")
        }
        require(read.sheets.map(\.name) == sheets.map(\.name), "sheet names \(read.sheets.map(\.name))")
        require(Set(sheets.map { $0.name.lowercased() }).count == sheets.count, "sheet names not unique")
        for (i, sheet) in read.sheets.enumerated() {
            var got: [Int: [String]] = [:]
            _ = parsed("forEachRow") { try read.forEachRow(of: sheet) { cells, row in got[row - 1] = cells } }
            for (r, cols) in sheets[i].grid {
                for (c, want) in cols {
                    let have = got[r].map { c < $0.count ? $0[c] : "" } ?? ""
                    switch want {
                    case .text(let t):
                        require(have == t, "cell \(r),\(c): \(have.debugDescription) for \(t.debugDescription)")
                    case .number(let v):
                        guard let h = Double(have) else { fatalError("cell \(r),\(c): \(have) for \(v)") }
                        require(h == v || abs(h - v) <= abs(v) * 1e-14, "cell \(r),\(c): \(have) for \(v)")
                    }
                }
            }
        }
    }
}

/// Bytes handed out as the values of a random table.
struct FuzzBytes {
    let data: UnsafeBufferPointer<UInt8>
    var at = 0
    init(_ data: UnsafeBufferPointer<UInt8>) { self.data = data }

    mutating func byte() -> Int {
        guard at < data.count else { return 0 }
        defer { at += 1 }
        return Int(data[at])
    }

    /// Up to `max` characters of any Unicode scalar: ASCII, CJK, controls, astral planes.
    mutating func text(_ max: Int) -> String {
        var s = String.UnicodeScalarView()
        for _ in 0..<(byte() % (max + 1)) {
            let v: UInt32
            switch byte() % 4 {
            case 0: v = UInt32(byte())
            case 1: v = 0x4E00 + UInt32(byte() << 4 | byte() % 16)
            case 2: v = UInt32(byte() << 8 | byte())
            default: v = UInt32(byte() % 17) << 16 | UInt32(byte() << 8 | byte())
            }
            s.append(Unicode.Scalar(v) ?? "?")
        }
        return String(s)
    }

    mutating func double() -> Double {
        var bits: UInt64 = 0
        for _ in 0..<8 { bits = bits << 8 | UInt64(byte()) }
        return byte() % 2 == 0 ? Double(bitPattern: bits) : Double(Int64(bitPattern: bits) % 100_000_000) / 100
    }
}
