import FuzzDriver
import KepuCore

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
        guard let n = parsed("Parse.count", { try Parse.count(s, field: "--count") }) else { return }
        require(n >= 0, "negative count \(n) from \(s)")
        require(parsed("Parse.count(String(n))", { try Parse.count(String(n), field: "--count") }) == n, "\(n)")
    }

    public static func hours(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let centi = parsed("Parse.hours", { try Parse.hours(s, field: "--hours") }) else { return }
        require(centi >= 0, "negative hours \(centi) from \(s)")
    }

    public static func percent(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let p = parsed("Parse.percent", { try Parse.percent(s, field: "--value") }) else { return }
        let again = parsed(
            "Parse.percent(format)", { try Parse.percent(p.format(minPlaces: 0) + "%", field: "--value") })
        require(again == p, "\(p)% did not round-trip")
    }

    public static func figure(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let f = parsed("Parse.figure", { try Parse.figure(s, field: "--value") }) else { return }
        require(
            parsed("Parse.figure(format)", { try Parse.figure(f.format(minPlaces: 0), field: "--value") }) == f, "\(f)")
    }

    public static func phone(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        guard let p = parsed("NewVolunteer.phone", { try NewVolunteer.phone(s) }) else { return }
        // A normalized phone is normalized again to itself.
        require(parsed("NewVolunteer.phone(normalized)", { try NewVolunteer.phone(p) }) == p, "\(p)")
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

    public static func statsEdition(_ data: UnsafeBufferPointer<UInt8>) {
        let s = text(data)
        _ = parsed("StatsEdition.parse", { try StatsEdition.parse(s, source: "fuzz.yaml") })
    }
}
