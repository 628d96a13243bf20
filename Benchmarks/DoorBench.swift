import Foundation
import KepuCore
import KepuStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kepu-bench --only door`: a crowd at the gate. 1,000 sign-ins in 60 s from 50 concurrent clients
/// (distinct phones, each client from its own loopback address, paced evenly), while a clerk loads 概览
/// every second. A client answered 503 (the door's 600 a minute) taps again 5 s later, as a person
/// would. Printed: sign-ins acknowledged, the 503s, their p50/p99, the dashboard's p50/p99 during the
/// crowd, and the reach added (goals: all 1,000 acknowledged, sign-in p99 < 200 ms, 概览 p99 < 300 ms,
/// reach exactly +1,000).
enum DoorBench {
    static func run(dir: String) throws {
        say("\nthe door: 1,000 sign-ins in 60 s from 50 clients, while a clerk loads 概览 every second")
        let path = dir + "/door.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let day = CalendarDate(year: 2023, month: 9, day: 16)!
        let ledger = Ledger(
            database: try AppDatabase.create(at: path),
            context: AuditContext(operatorName: "bench", command: "kepu-bench", today: { day }))
        _ = try ledger.plans.importPlan(text: seedPlan, sourceName: "seed.yaml", replace: false)
        let event = try ledger.events.add(NewEvent(title: "全国科普日主场", kind: .scienceDay, start: day))
        let door = try ledger.doors.open(
            event: event, from: "2023-09-16T00:00", until: "2023-09-16T23:59", survey: true, volunteers: nil)
        let uid = try ledger.users.add(name: "bench", role: .clerk, password: "bench password 1")
        let session = try ledger.sessions.start(userID: uid)
        let before = try ledger.doors.counts(event: event).total

        try WebPagesBench.server(kepu, path, [], env: ["KEPU_TODAY": "2023-09-16"]) { port in
            try crowd(port: port, ledger: ledger, event: event, door: door, session: session, before: before)
        }
    }

    static func crowd(port: Int, ledger: Ledger, event: Int64, door: DoorOpened, session: String, before: Int64)
        throws
    {
        let pathD = "/d/\(door.token)"

        let tally = Tally()
        let clerk = Thread {
            while !tally.stopped {
                let t = Date()
                let (status, _, _) = exchange(
                    port: port, from: "127.0.0.1",
                    "GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: kepu_session=\(session)\r\nConnection: close\r\n\r\n")
                let took = Date().timeIntervalSince(t)
                if status == 200 { tally.dashboard(took) }
                usleep(UInt32(max(0, 1 - took) * 1_000_000))
            }
        }
        clerk.start()
        let started = Date()
        // 50 threads of their own: concurrentPerform would run only as many clients as there are cores.
        let group = DispatchGroup()
        for c in 0..<50 {
            group.enter()
            Thread {
                defer { group.leave() }
                let from = "127.0.1.\(c + 1)"
                for k in 0..<20 {
                    // Evenly paced: client c's k-th sign-in at (k + c/50) × 3 s.
                    let due = started.addingTimeInterval((Double(k) + Double(c) / 50) * 3)
                    let wait = due.timeIntervalSinceNow
                    if wait > 0 { usleep(UInt32(wait * 1_000_000)) }
                    let (_, cookie, page) = exchange(
                        port: port, from: from, "GET \(pathD) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                    let csrf = page.range(of: "name=\"csrf\" value=\"").map {
                        String(page[$0.upperBound...].prefix { $0 != "\"" })
                    }
                    let n = c * 20 + k
                    let body =
                        "csrf=\(csrf ?? "")&name=guest\(n)&phone=1380000\(String(format: "%04d", n))&satisfaction=\(4 + n % 2)"
                    // A person told the door is busy (503, past 600 a minute) taps again after the 5 s it asks.
                    for attempt in 0..<4 {
                        let t = Date()
                        let (status, _, text) = exchange(
                            port: port, from: from,
                            "POST \(pathD) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: kepu_door=\(cookie ?? "")\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
                        )
                        let took = Date().timeIntervalSince(t)
                        if status == 503 && attempt < 3 {
                            tally.busy()
                            sleep(5)
                            continue
                        }
                        tally.signIn(took, acknowledged: status == 200 && text.contains("签到成功"))
                        break
                    }
                }
            }.start()
        }
        group.wait()
        let elapsed = Date().timeIntervalSince(started)
        tally.stop()
        let (signIns, acknowledged, dashboard) = tally.figures
        usleep(1_200_000)
        let after = try ledger.doors.counts(event: event).total
        func p(_ xs: [Double], _ q: Double) -> Double {
            let s = xs.sorted()
            return s.isEmpty ? 0 : s[min(s.count - 1, Int(Double(s.count) * q))] * 1000
        }
        say(
            "  \(acknowledged) of 1000 sign-ins acknowledged in \(f(elapsed, 1)) s (goal: all); a sign-in p50 \(f(p(signIns, 0.5), 1)) ms, p99 \(f(p(signIns, 0.99), 1)) ms (goal < 200 ms)"
        )
        say("  answered 503 (the door's 600 a minute) and tapped again 5 s later: \(tally.busyCount)")
        say(
            "  概览 during the crowd: \(dashboard.count) loads, p50 \(f(p(dashboard, 0.5), 1)) ms, p99 \(f(p(dashboard, 0.99), 1)) ms (goal < 300 ms)"
        )
        say("  reach through the door: +\(after - before) (goal: exactly +1000)")
    }

    /// One HTTP/1.1 exchange over a socket bound to `from`: status, the `kepu_door` cookie, the text.
    static func exchange(port: Int, from: String, _ request: String) -> (Int, String?, String) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var local = sockaddr_in()
        local.sin_family = sa_family_t(AF_INET)
        local.sin_addr.s_addr = inet_addr(from)
        var remote = sockaddr_in()
        remote.sin_family = sa_family_t(AF_INET)
        remote.sin_port = in_port_t(UInt16(port).bigEndian)
        remote.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &local) { l in
            withUnsafePointer(to: &remote) { r in
                l.withMemoryRebound(to: sockaddr.self, capacity: 1) { lp in
                    r.withMemoryRebound(to: sockaddr.self, capacity: 1) { rp in
                        bind(fd, lp, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                            && connect(fd, rp, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                    }
                }
            }
        }
        guard connected else { return (0, nil, "") }
        let bytes = Array(request.utf8)
        _ = bytes.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
        var data = [UInt8]()
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while true {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 10_000) > 0 else { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        let cookie = text.range(of: "kepu_door=").map { String(text[$0.upperBound...].prefix { $0 != ";" }) }
        return (Int(text.dropFirst(9).prefix(3)) ?? 0, cookie, text)
    }
}

/// What the crowd and the clerk measured, shared by their threads.
final class Tally: @unchecked Sendable {
    private let lock = NSLock()
    private var signIns: [Double] = []
    private var acknowledged = 0
    private var loads: [Double] = []
    private var done = false
    private var busyAnswers = 0

    var stopped: Bool { lock.withLock { done } }
    func stop() { lock.withLock { done = true } }
    func busy() { lock.withLock { busyAnswers += 1 } }
    var busyCount: Int { lock.withLock { busyAnswers } }
    func dashboard(_ seconds: Double) { lock.withLock { loads.append(seconds) } }
    func signIn(_ seconds: Double, acknowledged ok: Bool) {
        lock.withLock {
            signIns.append(seconds)
            if ok { acknowledged += 1 }
        }
    }
    var figures: ([Double], Int, [Double]) { lock.withLock { (signIns, acknowledged, loads) } }
}
