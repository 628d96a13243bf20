import Foundation
import KepuCore
import KepuStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kepu-bench --only pages`: a busy year's long lists, and slow clients.
///
/// One year with 1,000 events, 2,000 volunteers and 10,000 audit rows, written through the library
/// (every write audited, as a clerk's). For `/events`, `/volunteers` and `/audit`: each page's size,
/// and `wrk -c10` on it, against the stylesheet in the same run. With `--baseline KEPU`, another
/// `kepu` binary (an earlier commit's release build) serves the same database in the same run, so
/// that the ratio says what a change did (an earlier build reads a copy of the database without the
/// newest migration). Then 300 idle connections and 100 half-sent requests are
/// held open while `/healthz` is read once a second for 12 s: the slowest answer, and how many of the
/// held connections the server has closed after 35 s.
enum WebPagesBench {
    static func run(dir: String, baseline: String?) throws {
        say("\nlong lists: one year of 1,000 events, 2,000 volunteers and 10,000 audit rows")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            say("  no wrk here: apt-get install wrk")
            return
        }
        let path = dir + "/busy-year.sqlite"
        let t0 = Date()
        let session = try makeYear(path)
        say("  written through the library in \(f(Date().timeIntervalSince(t0), 1)) s")
        var servers = [("kepu", kepu, path)]
        if let baseline {
            // An earlier build refuses a database migrated past it: it reads a copy without the
            // newest migration (v11, the doors: tables it never reads).
            let copy = dir + "/busy-year-baseline.sqlite"
            try? FileManager.default.removeItem(atPath: copy)
            try FileManager.default.copyItem(atPath: path, toPath: copy)
            _ = spawn([
                "/usr/bin/sqlite3", copy,
                "DROP TABLE door_answer; DROP TABLE volunteer_call; DROP TABLE door_day; DROP TABLE door; DELETE FROM grdb_migrations WHERE identifier = 'v11 doors';",
            ])
            servers.append(("baseline", baseline, copy))
        }
        var rates: [String: [String: Double]] = [:]
        for (name, binary, db) in servers {
            try serve(binary, db) { base in
                say("  \(name) (\(binary)):")
                let stat = wrk(base + "/static/kepu.css", cookie: session, connections: 10)
                say("    stylesheet: \(stat?.summary ?? "wrk failed")")
                for page in ["/events", "/volunteers", "/audit", "/budget", "/evidence", "/"] {
                    let size = bytes(base + page, session)
                    let r = wrk(base + page, cookie: session, connections: 10)
                    rates[name, default: [:]][page] = r?.requestsPerSecond ?? 0
                    let ratio = (r?.requestsPerSecond ?? 0) / max(stat?.requestsPerSecond ?? 1, 1)
                    say(
                        "    \(page): \(size / 1024) KiB (goal < 100 KiB), \(r?.summary ?? "wrk failed"); ÷ stylesheet \(f(ratio, 3))"
                    )
                }
                if name == "kepu" { slowClients(base) }
            }
        }
        if let b = rates["baseline"], let k = rates["kepu"] {
            for page in ["/events", "/volunteers", "/audit"] {
                say("  \(page): kepu ÷ baseline throughput \(f((k[page] ?? 0) / max(b[page] ?? 1, 1), 2))×")
            }
        }
    }

    /// The busy year; returns a signed-in session's id.
    static func makeYear(_ path: String) throws -> String {
        try? FileManager.default.removeItem(atPath: path)
        let ledger = Ledger(database: try AppDatabase.create(at: path), context: context)
        _ = try ledger.plans.importPlan(text: seedPlan, sourceName: "seed.yaml", replace: false)
        var rng = SyntheticCity.RNG(state: 7)
        var events: [Int64] = []
        for i in 0..<1_000 {
            let day = CalendarDate(year: 2023, month: 1 + i % 12, day: 1 + i % 28)!
            let parent = i % 5 == 0 || events.isEmpty ? nil : events[events.count - events.count % 5]
            events.append(
                try ledger.events.add(
                    NewEvent(
                        title: "科普活动\(i)", kind: i % 50 == 0 ? .scienceDay : .other, major: nil, start: day, end: nil,
                        venue: "社区\(i % 40)", parent: parent, unit: nil, allowDuplicate: true)))
        }
        for i in 0..<2_000 {
            _ = try ledger.volunteers.add(
                NewVolunteer(name: "志愿者\(i)", phone: "139\(String(format: "%08d", i))", org: "志愿队\(i % 20)"))
        }
        while try ledger.audit.version() < 10_000 {
            let e = events[rng.int(events.count)]
            _ = try ledger.attendance.add(
                NewAttendance(
                    event: e, count: Int64(10 + rng.int(200)), channel: .onsite, method: .headcount, date: nil,
                    note: nil))
        }
        let uid = try ledger.users.add(name: "bench", role: .clerk, password: "bench password 1")
        return try ledger.sessions.start(userID: uid)
    }

    static func serve(_ binary: String, _ db: String, _ body: (String) throws -> Void) throws {
        try server(binary, db, ["--max-connections", "600"]) { port in try body("http://127.0.0.1:\(port)") }
    }

    /// `kepu serve --db DB ARGS` on a random loopback port for `body` (given the port), then stopped.
    static func server(
        _ binary: String, _ db: String, _ args: [String], env: [String: String]? = nil, _ body: (Int) throws -> Void
    ) throws {
        let port = Int.random(in: 30_000...60_000)
        let server = Process()
        server.executableURL = URL(fileURLWithPath: binary)
        server.arguments = ["serve", "--listen", "127.0.0.1:\(port)", "--db", db] + args
        if let env { server.environment = ProcessInfo.processInfo.environment.merging(env) { _, b in b } }
        server.standardOutput = FileHandle.nullDevice
        server.standardError = FileHandle.nullDevice
        try server.run()
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        for _ in 0..<100 where spawn(["/usr/bin/curl", "-sf", "http://127.0.0.1:\(port)/healthz"]).status != 0 {
            usleep(100_000)
        }
        try body(port)
    }

    /// A page's size in bytes, as served.
    static func bytes(_ url: String, _ session: String) -> Int {
        let out = dirForTemp() + "/page.html"
        _ = spawn(["/usr/bin/curl", "-sf", "-o", out, "-H", "Cookie: kepu_session=\(session)", url])
        return ((try? FileManager.default.attributesOfItem(atPath: out))?[.size] as? Int) ?? 0
    }

    static func dirForTemp() -> String { opts.dir }

    /// 300 idle and 100 half-sent connections; /healthz each second for 12 s; how many are closed by 35 s.
    static func slowClients(_ base: String) {
        guard let port = Int(base.split(separator: ":").last ?? "") else { return }
        func connect() -> Int32 {
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    Glibc.connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            return ok ? fd : -1
        }
        let idle = (0..<300).map { _ in connect() }
        let half = (0..<100).map { _ in connect() }
        defer { for fd in idle + half where fd >= 0 { close(fd) } }
        let head = Array("GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ".utf8)
        for fd in half where fd >= 0 { _ = head.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) } }
        var times: [Double] = []
        var failed = 0
        for _ in 0..<12 {
            let m = spawn(["/usr/bin/curl", "-sf", "-m", "10", base + "/healthz"])
            if m.status != 0 { failed += 1 }
            times.append(m.seconds)
            usleep(1_000_000)
        }
        usleep(23_000_000)
        var open = 0
        for fd in idle + half where fd >= 0 {
            var p = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            var byte: UInt8 = 0
            if poll(&p, 1, 0) > 0, recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) == 0 { continue }
            open += 1
        }
        say(
            "    300 idle + 100 half-sent connections: /healthz slowest \(f((times.max() ?? 0) * 1000, 1)) ms, median \(f(median(times) * 1000, 1)) ms, \(failed) failed (goal: each within 2 s); still open after 35 s: \(open) of \(idle.count + half.count) (goal 0)"
        )
    }
}
