// kepu-bench: city-scale figures, printed as ratios measured in one run (never asserted by tests).
//
//   swift build -c release && .build/release/kepu-bench [--dir DIR] [--districts 20] [--years 10] [--runs 7]
//
// It generates a city database (20 districts × 10 years: ~1M attendance entries, 2M sign-in rows,
// 100k volunteers, 500k sign-ups, 200k costs) and a database holding only one of its years, then
// times the built `kepu` binary as separate processes against the sqlite3 shell.
import Foundation
import GRDB
import KepuCLI
import KepuCore
import KepuFiles
import KepuStore

#if canImport(Glibc)
    import Glibc
#endif

struct Options {
    var dir = NSTemporaryDirectory() + "kepu-bench"
    var districts = 20
    var years = 10
    var runs = 7
    var signinRows = 1_000_000
    /// `--only imports`: skip the city and its reports, measure the imports alone; `--only web`: the
    /// city and the web app's load test alone; `--only xlsx`: kepu's workbook writer alone.
    var only: String?
    /// `--baseline KEPU`: another kepu binary served beside this one's in `--only pages`.
    var baseline: String?

    init(_ args: [String]) {
        var i = 0
        while i < args.count {
            let v = i + 1 < args.count ? args[i + 1] : ""
            switch args[i] {
            case "--dir": dir = v
            case "--districts": districts = Int(v) ?? districts
            case "--years": years = Int(v) ?? years
            case "--runs": runs = Int(v) ?? runs
            case "--signin-rows": signinRows = Int(v) ?? signinRows
            case "--only": only = v
            case "--baseline": baseline = v
            default:
                FileHandle.standardError.write(Data("unknown option \(args[i])\n".utf8))
                exit(64)
            }
            i += 2
        }
    }
}

/// One child process: wall time and peak resident memory (from wait4's rusage).
struct Measure {
    var seconds: Double
    var maxRSSKiB: Int
    var status: Int32
}

func spawn(_ argv: [String], stdin: String? = nil, quiet: Bool = true) -> Measure {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    if quiet {
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    }
    if let stdin { posix_spawn_file_actions_addopen(&actions, 0, stdin, O_RDONLY, 0) }
    var pid: pid_t = 0
    let cargs = argv.map { strdup($0) } + [nil]
    defer { for c in cargs { free(c) } }
    let start = DispatchTime.now().uptimeNanoseconds
    let rc = posix_spawn(&pid, argv[0], &actions, nil, cargs, environ)
    guard rc == 0 else { return Measure(seconds: 0, maxRSSKiB: 0, status: -1) }
    var status: Int32 = 0
    var usage = rusage()
    wait4(pid, &status, 0, &usage)
    let end = DispatchTime.now().uptimeNanoseconds
    return Measure(seconds: Double(end - start) / 1e9, maxRSSKiB: Int(usage.ru_maxrss), status: status)
}

func median(_ xs: [Double]) -> Double {
    let s = xs.sorted()
    return s.isEmpty ? 0 : s[s.count / 2]
}

/// Median wall time of `runs` runs of a command.
func timed(_ argv: [String], runs: Int) -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let m = spawn(argv)
        if m.status != 0 { print("  ! \(argv.joined(separator: " ")) exited \(m.status)") }
        times.append(m.seconds)
    }
    return median(times)
}

func say(_ s: String) {
    print(s)
    fflush(nil)
}

func f(_ x: Double, _ places: Int = 3) -> String { String(format: "%.\(places)f", x) }

// `kepu-bench --write-xlsx ROWS PATH`: writes a sign-in workbook and exits. The benchmark runs this as
// a child process, so that the benchmark's own resident memory is never counted in a child it spawns
// (Linux carries the parent's high-water mark into a vfork-exec'd child's maxrss).
if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--write-xlsx",
    let rows = Int(CommandLine.arguments[2])
{
    try writeSigninWorkbook(rows, to: CommandLine.arguments[3])
    exit(0)
}

if CommandLine.arguments.count == 4, CommandLine.arguments[1] == "--write-xlsx6",
    let rows = Int(CommandLine.arguments[2])
{
    try XlsxBench.writeKepu(rows, to: CommandLine.arguments[3])
    exit(0)
}

let opts = Options(Array(CommandLine.arguments.dropFirst()))
let binDir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().path
let kepu = binDir + "/kepu"
guard FileManager.default.isExecutableFile(atPath: kepu) else {
    say("kepu-bench: no kepu binary beside this one (\(kepu)); run swift build -c release first")
    exit(1)
}
let sqlite3 = "/usr/bin/sqlite3"
let hasSQLite3 = FileManager.default.isExecutableFile(atPath: sqlite3)
try? FileManager.default.removeItem(atPath: opts.dir)
try FileManager.default.createDirectory(atPath: opts.dir, withIntermediateDirectories: true)
let context = AuditContext(operatorName: "bench", command: "kepu-bench")
let seedPlan = EmbeddedSeedsAccess.plan
let benchUnit = SyntheticCity.unitName(opts.districts / 2)
let benchYear = 2014 + opts.years - 1

if opts.only == "door" {
    try DoorBench.run(dir: opts.dir)
    try DoorBench.flood(dir: opts.dir)
    exit(0)
}

if opts.only == "pages" {
    try WebPagesBench.run(dir: opts.dir, baseline: opts.baseline)
    exit(0)
}

if opts.only == "xlsx" {
    try XlsxBench.run(dir: opts.dir, runs: max(1, min(opts.runs, 3)))
    exit(0)
}

say("kepu-bench — \(opts.districts) districts × \(opts.years) years, medians of \(opts.runs) runs; folder \(opts.dir)")

// 1. The city database, and one holding only the benchmarked year of one district.
if opts.only != "imports" {
    let t0 = Date()
    let city = opts.dir + "/city.sqlite"
    let cityLedger = Ledger(database: try AppDatabase.create(at: city), context: context)
    try SyntheticCity.generate(
        into: cityLedger, seedPlan: seedPlan, districts: Array(0..<opts.districts),
        years: Array(2014..<(2014 + opts.years))
    ) { d, y in
        if isatty(2) == 1 { FileHandle.standardError.write(Data("\rgenerating district \(d + 1), \(y)   ".utf8)) }
    }
    let counts = try cityLedger.database.read { db in
        try ["event", "attendance", "signin", "volunteer", "signup", "cost"].map {
            ($0, try Int.fetchOne(db, sql: "SELECT count(*) FROM \($0)") ?? 0)
        }
    }
    let citySize = (try FileManager.default.attributesOfItem(atPath: city)[.size] as? Int) ?? 0
    say(
        "generated the city in \(f(Date().timeIntervalSince(t0), 1)) s: "
            + counts.map { "\($0.1) \($0.0)" }.joined(separator: ", ")
            + "; \(citySize / 1_048_576) MiB")
    let one = opts.dir + "/one-year.sqlite"
    let oneLedger = Ledger(database: try AppDatabase.create(at: one), context: context)
    // The same district: its volunteers first (ids differ, contents match), then the one year.
    try SyntheticCity.generate(into: oneLedger, seedPlan: seedPlan, districts: [opts.districts / 2], years: [benchYear])

    if opts.only == nil {
        // 2. reconcile and report for one year: city vs one-year database.
        say("\nreports for \(benchUnit) \(benchYear):")
        for (name, args) in [
            ("reconcile --format json", ["reconcile", "--format", "json"]),
            ("report --format html", ["report", "--format", "html"]),
        ] {
            let common = args + ["--year", String(benchYear), "--unit", benchUnit]
            let c = timed([kepu] + common + ["--db", city], runs: opts.runs)
            let o = timed([kepu] + common + ["--db", one], runs: opts.runs)
            say("  \(name): city \(f(c)) s, one year \(f(o)) s, ratio \(f(c / o, 2))× (goal ≤ 1.5×)")
        }

        // 3. Start-up of a trivial command against the sqlite3 shell.
        let small = opts.dir + "/small.sqlite"
        _ = spawn([kepu, "init", "--db", small])
        let startup = timed([kepu, "plan", "list", "--db", small], runs: opts.runs * 3)
        let version = timed([kepu, "--version"], runs: opts.runs * 3)
        if hasSQLite3 {
            let base = timed([sqlite3, ":memory:", "select 1"], runs: opts.runs * 3)
            say(
                "\nstart-up: kepu plan list \(f(startup * 1000, 1)) ms, kepu --version \(f(version * 1000, 1)) ms, sqlite3 :memory: 'select 1' \(f(base * 1000, 1)) ms; ratio \(f(startup / base, 1))×"
            )
        } else {
            say(
                "\nstart-up: kepu plan list \(f(startup * 1000, 1)) ms, kepu --version \(f(version * 1000, 1)) ms (no sqlite3 shell to compare)"
            )
        }
    }

}

// 6 (run before the imports, on the city). The web app under load: `kepu serve` on the city
// database, `wrk` with 32 connections for 20 s on one district's dashboard and on the stylesheet
// (the ratio), then on the dashboard again while `kepu attendance import` loads the sign-in sheet.
struct WrkResult {
    var requestsPerSecond: Double
    var p50ms: Double
    var p99ms: Double
    var failed: Int
    var summary: String {
        "\(f(requestsPerSecond, 0)) req/s, p50 \(f(p50ms, 1)) ms, p99 \(f(p99ms, 1)) ms, \(failed) failed"
    }
}

func wrk(_ url: String, cookie: String, connections: Int = 32, seconds: Int = 20) -> WrkResult? {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/wrk")
    p.arguments = [
        "-t2", "-c\(connections)", "-d\(seconds)s", "--latency", "-H", "Cookie: kepu_session=\(cookie)", url,
    ]
    let out = Pipe()
    p.standardOutput = out
    p.standardError = FileHandle.nullDevice
    guard (try? p.run()) != nil else { return nil }
    let text = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    p.waitUntilExit()
    func number(after label: String) -> Double? {
        guard let r = text.range(of: label) else { return nil }
        let rest = text[r.upperBound...].drop { $0 == " " }
        return Double(rest.prefix { $0.isNumber || $0 == "." })
    }
    // `99%   45.12ms` (or us, or s).
    // A line of the latency distribution, `     50%   15.39ms`, not a `+/- Stdev` figure such as 93.50%.
    func percentile(_ label: String) -> Double {
        guard
            let line = text.split(separator: "\n").first(where: {
                $0.trimmingCharacters(in: .whitespaces).hasPrefix(label)
            }),
            let r = line.range(of: label)
        else { return 0 }
        let rest = line[r.upperBound...].drop { $0 == " " }
        let digits = rest.prefix { $0.isNumber || $0 == "." }
        let unit = rest.dropFirst(digits.count).prefix { $0.isLetter }
        return (Double(digits) ?? 0) * (unit == "us" ? 0.001 : unit == "s" ? 1000 : 1)
    }
    let p50 = percentile("50%")
    let p99 = percentile("99%")
    var failed = Int(number(after: "Non-2xx or 3xx responses:") ?? 0)
    if let r = text.range(of: "Socket errors:") {
        let line = text[r.upperBound...].prefix { $0 != "\n" }
        failed += line.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }.reduce(0, +)
    }
    return WrkResult(requestsPerSecond: number(after: "Requests/sec:") ?? 0, p50ms: p50, p99ms: p99, failed: failed)
}

if opts.only == nil || opts.only == "web" {
    say("\nweb app (wrk -c32 -d20s) on the city database, \(benchUnit) \(benchYear):")
    if !FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") {
        say("  no wrk here: apt-get install wrk")
    } else {
        let city = opts.dir + "/city.sqlite"
        let ledger = Ledger(database: try AppDatabase.open(at: city), context: context)
        let uid = try ledger.users.add(name: "bench", role: .clerk, password: "bench password 1")
        let session = try ledger.sessions.start(userID: uid)
        let event = try ledger.events.list(in: DateRange.year(benchYear), unit: benchUnit).first?.id ?? 1
        let port = Int.random(in: 30_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: kepu)
        // Trusting the loopback as a proxy lets the sign-in storm below come "from" many addresses,
        // so that every attempt costs a bcrypt rather than being turned away by the throttle.
        server.arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--db", city, "--trusted-proxy", "127.0.0.1"]
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        let base = "http://127.0.0.1:\(port)"
        for _ in 0..<100 where spawn(["/usr/bin/curl", "-sf", base + "/healthz"]).status != 0 { usleep(100_000) }
        let unit = benchUnit.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? benchUnit
        let dashboard = base + "/?year=\(benchYear)&unit=\(unit)"
        let check = spawn([
            "/usr/bin/curl", "-sf", "-o", "/dev/null", "-H", "Cookie: kepu_session=\(session)", dashboard,
        ])
        if check.status != 0 { say("  ! the dashboard did not answer 200") }
        say("  first dashboard (computed, then kept until the next write): \(f(check.seconds * 1000, 1)) ms with curl")
        if let stat = wrk(base + "/static/kepu.css", cookie: session), let dash = wrk(dashboard, cookie: session) {
            say("  static stylesheet: \(stat.summary)")
            say("  dashboard:         \(dash.summary)")
            say(
                "  dashboard ÷ static throughput: \(f(dash.requestsPerSecond / stat.requestsPerSecond, 3)) (goal ≥ 0.1); p99 \(f(dash.p99ms, 1)) ms (goal < 100 ms)"
            )
            let file = try signinFile(opts.signinRows)
            let importer = Process()
            importer.executableURL = URL(fileURLWithPath: kepu)
            importer.arguments = ["attendance", "import", "--event", String(event), file, "--db", city]
            importer.standardOutput = FileHandle.nullDevice
            importer.standardError = FileHandle.nullDevice
            let t0 = Date()
            try importer.run()
            usleep(500_000)
            if let during = wrk(dashboard, cookie: session) {
                importer.waitUntilExit()
                // The write's new audit row makes the next dashboard compute again, over the new rows.
                _ = spawn([
                    "/usr/bin/curl", "-sf", "-o", "/dev/null", "-H", "Cookie: kepu_session=\(session)", dashboard,
                ])
                usleep(3_000_000)
                var after: [Double] = []
                for _ in 0..<3 {
                    after.append(
                        spawn([
                            "/usr/bin/curl", "-sf", "-o", "/dev/null", "-H", "Cookie: kepu_session=\(session)",
                            dashboard,
                        ])
                        .seconds)
                }
                say(
                    "  dashboard during a \(opts.signinRows)-row sign-in import: \(during.summary) (goal: none failed); the import took \(f(Date().timeIntervalSince(t0), 1)) s, exit \(importer.terminationStatus); a dashboard once the import's figures are in: \(f(median(after) * 1000, 1)) ms"
                )
            }
        } else {
            say("  ! wrk did not run")
        }
        // A sign-in storm: 8 clients posting wrong passwords for 20 s, each from ever new addresses
        // (X-Forwarded-For through the trusted loopback), against /events alone and during it.
        let events = base + "/events?year=\(benchYear)&unit=\(unit)"
        if let calm = wrk(events, cookie: session, connections: 10) {
            var storm: [Process] = []
            for c in 0..<8 {
                let p = Process()
                p.executableURL = URL(fileURLWithPath: "/bin/sh")
                p.arguments = [
                    "-c",
                    """
                    end=$(( $(date +%s) + 23 )); i=0
                    while [ $(date +%s) -lt $end ]; do
                      i=$((i+1))
                      curl -s -o /dev/null -H 'Cookie: kepu_login=t' -H "X-Forwarded-For: 127.\(c + 1).$((i / 250 % 250)).$((i % 250 + 1))" \\
                        -d 'username=nobody&password=wrong+password&csrf=t' \(base)/login
                    done
                    """,
                ]
                p.standardOutput = FileHandle.nullDevice
                p.standardError = FileHandle.nullDevice
                try p.run()
                storm.append(p)
            }
            usleep(1_500_000)
            let stormy = wrk(events, cookie: session, connections: 10)
            for p in storm { p.waitUntilExit() }
            say("  /events alone (wrk -c10):                 \(calm.summary)")
            if let stormy {
                say("  /events during 8 wrong sign-ins at once: \(stormy.summary) (goals: p50 ≤ 100 ms, p99 ≤ 300 ms)")
            }
        }
        server.terminate()
        server.waitUntilExit()
    }
}
if opts.only == "web" { exit(0) }

// 4. A sign-in sheet of `signinRows` rows: kepu's import against sqlite3's .import of the same file.
func signinFile(_ rows: Int) throws -> String {
    let path = opts.dir + "/signin-\(rows).csv"
    guard
        let h = FileHandle(forWritingAtPath: path)
            ?? {
                _ = FileManager.default.createFile(atPath: path, contents: nil)
                return FileHandle(forWritingAtPath: path)
            }()
    else { throw KepuError(.cannotWrite(path: path, reason: "open")) }
    var chunk = "姓名,手机,时间\n"
    for i in 0..<rows {
        chunk += "参与者\(i),139\(String(format: "%08d", i)),2023-09-16 09:\(String(format: "%02d", i % 60))\n"
        if chunk.utf8.count > 1 << 20 {
            h.write(Data(chunk.utf8))
            chunk = ""
        }
    }
    h.write(Data(chunk.utf8))
    try h.close()
    return path
}

func importDB(_ name: String) throws -> String {
    let path = opts.dir + "/\(name).sqlite"
    try? FileManager.default.removeItem(atPath: path)
    let l = Ledger(database: try AppDatabase.create(at: path), context: context)
    _ = try l.plans.importPlan(text: seedPlan, sourceName: "seed.yaml", replace: false)
    _ = try l.events.add(NewEvent(title: "科普日", kind: .scienceDay, start: try CalendarDate.parse("2023-09-16")))
    return path
}

say("\nsign-in import:")
var peaks: [(Int, Int)] = []
var csvSeconds: [Int: Double] = [:]
for rows in [opts.signinRows / 4, opts.signinRows] {
    let file = try signinFile(rows)
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    var kepuTimes: [Double] = []
    var peak = 0
    for r in 0..<max(1, opts.runs / 2) {
        let db = try importDB("import-\(rows)-\(r)")
        let m = spawn([kepu, "attendance", "import", "--event", "1", file, "--db", db])
        if m.status != 0 { say("  ! kepu import exited \(m.status)") }
        kepuTimes.append(m.seconds)
        peak = max(peak, m.maxRSSKiB)
    }
    peaks.append((rows, peak))
    csvSeconds[rows] = median(kepuTimes)
    var line = "  \(rows) rows (\(size / 1_048_576) MiB): kepu \(f(median(kepuTimes))) s, peak \(peak / 1024) MiB"
    if hasSQLite3 {
        var times: [Double] = []
        for r in 0..<max(1, opts.runs / 2) {
            let db = opts.dir + "/plain-\(rows)-\(r).sqlite"
            try? FileManager.default.removeItem(atPath: db)
            let script = opts.dir + "/import.sql"
            try ".mode csv\n.import \(file) signin\n".write(toFile: script, atomically: true, encoding: .utf8)
            times.append(spawn([sqlite3, db], stdin: script).seconds)
        }
        line += "; sqlite3 .import \(f(median(times))) s; ratio \(f(median(kepuTimes) / median(times), 2))× (goal ≤ 2×)"
    }
    say(line)
}
if peaks.count == 2 {
    say(
        "  memory: peak \(peaks[0].1 / 1024) MiB at \(peaks[0].0) rows, \(peaks[1].1 / 1024) MiB at \(peaks[1].0) rows (goal < 150 MB, flat in file size)"
    )
}

// 5. The same sheets as .xlsx workbooks (shared strings and numeric phones, as Excel saves them).
func signinWorkbook(_ rows: Int) throws -> String {
    let path = opts.dir + "/signin-\(rows).xlsx"
    let m = spawn([CommandLine.arguments[0], "--write-xlsx", String(rows), path])
    guard m.status == 0 else { throw KepuError(.cannotWrite(path: path, reason: "kepu-bench --write-xlsx")) }
    return path
}

func writeSigninWorkbook(_ rows: Int, to path: String) throws {
    let book = try XlsxWriter(path: path, title: "签到表")
    let sheet = book.addSheet("签到表")
    sheet.text(0, 0, "2023年全国科普日主场活动签到表", XlsxStyle(border: false))
    for (i, h) in ["姓名", "手机", "时间"].enumerated() { sheet.text(1, i, h, XlsxStyle(border: false)) }
    let plain = XlsxStyle(border: false)
    for i in 0..<rows {
        sheet.text(i + 2, 0, "参与者\(i)", plain)
        sheet.number(i + 2, 1, Double(13_900_000_000 + i), plain)
        sheet.text(i + 2, 2, "2023-09-16 09:\(String(format: "%02d", i % 60))", plain)
    }
    try book.close()
}

say("\n.xlsx sign-in import (the same rows):")
var xlsxPeaks: [(Int, Int)] = []
for rows in [opts.signinRows / 4, opts.signinRows] {
    let file = try signinWorkbook(rows)
    let size = (try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int) ?? 0
    var times: [Double] = []
    var peak = 0
    for r in 0..<max(1, opts.runs / 2) {
        let db = try importDB("xlsx-\(rows)-\(r)")
        let m = spawn([kepu, "attendance", "import", "--event", "1", file, "--db", db])
        if m.status != 0 { say("  ! kepu import exited \(m.status)") }
        times.append(m.seconds)
        peak = max(peak, m.maxRSSKiB)
    }
    xlsxPeaks.append((rows, peak))
    let csv = csvSeconds[rows].map { "; CSV \(f($0)) s; ratio \(f(median(times) / $0, 2))× the CSV" } ?? ""
    say("  \(rows) rows (\(size / 1_048_576) MiB): kepu \(f(median(times))) s, peak \(peak / 1024) MiB\(csv)")
}
if xlsxPeaks.count == 2 {
    say(
        "  memory: peak \(xlsxPeaks[0].1 / 1024) MiB at \(xlsxPeaks[0].0) rows, \(xlsxPeaks[1].1 / 1024) MiB at \(xlsxPeaks[1].0) rows (goal < 150 MB, flat in file size)"
    )
}
