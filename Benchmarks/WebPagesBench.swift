import Foundation
import KepuCore
import KepuStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kepu-bench --only pages`: a busy year's long lists at three sizes, and slow clients.
///
/// One year grown through the library (every write audited, as a clerk's) to 1,000 events, then to
/// 5,000 and to 20,000: every fifth event with attendance and a cost, every tenth with a volunteer
/// signed up, campaigns of five. At each size, for `/events`, `/volunteers`, `/budget`, `/audit`,
/// `/evidence` and `/`: each page's size, and `wrk -c10` on it against the stylesheet in the same
/// run; and `kepu event list --year 2023` timed as a process. Then each page's rate at 20,000 over
/// its rate at 1,000: the cost follows the page, not the year. With `--baseline KEPU`, another `kepu`
/// binary serves the 1,000-event year beside this one's. Then 300 idle connections and 100
/// half-sent requests are held open while `/healthz` is read once a second for 12 s.
enum WebPagesBench {
    static let pages = ["/events", "/volunteers", "/budget", "/audit", "/evidence", "/"]

    static func run(dir: String, baseline: String?) throws {
        say("\nlong lists: one year grown to 1,000, 5,000 and 20,000 events")
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/wrk") else {
            say("  no wrk here: apt-get install wrk")
            return
        }
        let path = dir + "/busy-year.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let year = try BusyYear(path)
        var rates: [Int: [String: Double]] = [:]
        var listTimes: [Int: (seconds: Double, rows: Int)] = [:]
        for size in [1_000, 5_000, 20_000] {
            let t0 = Date()
            try year.grow(to: size)
            say("  \(size) events: written through the library in \(f(Date().timeIntervalSince(t0), 1)) s")
            var servers = [("kepu", kepu)]
            if let baseline, size == 1_000 { servers.append(("baseline", baseline)) }
            for (name, binary) in servers {
                try serve(binary, path) { base in
                    say("    \(name):")
                    let stat = wrk(base + "/static/kepu.css", cookie: year.session, connections: 10, seconds: 10)
                    say("      stylesheet: \(stat?.summary ?? "wrk failed")")
                    for page in pages {
                        let bytes = bytes(base + page, year.session)
                        let r = wrk(base + page, cookie: year.session, connections: 10, seconds: 10)
                        if name == "kepu" { rates[size, default: [:]][page] = r?.requestsPerSecond ?? 0 }
                        let ratio = (r?.requestsPerSecond ?? 0) / max(stat?.requestsPerSecond ?? 1, 1)
                        let goal = page == "/" ? 30 : 100
                        say(
                            "      \(page): \(f(Double(bytes) / 1024, 1)) KiB (goal < \(goal) KiB), \(r?.summary ?? "wrk failed"); ÷ stylesheet \(f(ratio, 3)) (goal ≥ 0.05 at 5,000)"
                        )
                    }
                    if name == "kepu", size == 20_000 { slowClients(base) }
                }
            }
            let out = opts.dir + "/event-list.txt"
            let list = timedList(path, out: out)
            listTimes[size] = list
            say("    kepu event list --year 2023: \(f(list.seconds, 3)) s, \(list.rows) lines")
        }
        if let small = rates[1_000], let big = rates[20_000] {
            for page in pages {
                say(
                    "  \(page): requests/s at 20,000 ÷ at 1,000 = \(f((big[page] ?? 0) / max(small[page] ?? 1, 1), 2)) (goal ≥ 0.6)"
                )
            }
        }
        if let small = listTimes[1_000], let big = listTimes[20_000] {
            say(
                "  kepu event list: time at 20,000 ÷ at 1,000 = \(f(big.seconds / max(small.seconds, 0.001), 2)), lines \(f(Double(big.rows) / Double(max(small.rows, 1)), 2))× (goal: time grows no faster than the lines)"
            )
        }
    }

    /// `kepu event list --year 2023` as a process, the median of 3: seconds and lines printed.
    static func timedList(_ db: String, out: String) -> (seconds: Double, rows: Int) {
        var times: [Double] = []
        for _ in 0..<3 {
            let m = spawn(["/bin/sh", "-c", "'\(kepu)' event list --year 2023 --db '\(db)' > '\(out)'"])
            times.append(m.seconds)
        }
        let lines = (try? String(contentsOfFile: out, encoding: .utf8))?.split(separator: "\n").count ?? 0
        return (median(times), lines)
    }

    /// The busy year: a plan, and events added in order, grown a size at a time.
    final class BusyYear {
        let ledger: Ledger
        let session: String
        var events: [Int64] = []
        var volunteers: [Int64] = []
        var rng = SyntheticCity.RNG(state: 7)

        init(_ path: String) throws {
            ledger = Ledger(database: try AppDatabase.create(at: path), context: context)
            _ = try ledger.plans.importPlan(text: seedPlan, sourceName: "seed.yaml", replace: false)
            let uid = try ledger.users.add(name: "bench", role: .clerk, password: "bench password 1")
            session = try ledger.sessions.start(userID: uid)
        }

        func grow(to size: Int) throws {
            while events.count < size {
                let i = events.count
                let day = CalendarDate(year: 2023, month: 1 + i % 12, day: 1 + i % 28)!
                // Campaigns of five: every fifth event starts one, the next four are its sub-activities.
                let parent = i % 5 == 0 ? nil : events[i - i % 5]
                let id = try ledger.events.add(
                    NewEvent(
                        title: "科普活动\(i)", kind: i % 50 == 0 ? .scienceDay : .other, major: nil, start: day, end: nil,
                        venue: "社区\(i % 40)", parent: parent, unit: nil, allowDuplicate: true))
                events.append(id)
                if i % 5 == 0 {
                    _ = try ledger.attendance.add(
                        NewAttendance(
                            event: id, count: Int64(10 + rng.int(200)), channel: .onsite, method: .headcount,
                            date: nil, note: nil))
                    _ = try ledger.money.addCost(
                        NewCost(
                            line: "commission", amount: Money(fen: Int64(10_000 + rng.int(90_000))), event: id,
                            item: "展板\(i)", invoice: "F\(i)", date: day))
                }
                if i % 10 == 0 {
                    let v = try ledger.volunteers.add(
                        NewVolunteer(
                            name: "志愿者\(i)", phone: "139\(String(format: "%08d", i))", org: "志愿队\(i % 20)"))
                    _ = try ledger.volunteers.signup(
                        NewSignup(volunteer: v.id, event: id, hoursCenti: 300, date: nil, role: nil))
                }
            }
        }
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
