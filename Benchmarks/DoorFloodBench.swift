import Foundation
import KepuCore
import KepuStore

#if canImport(Glibc)
    import Glibc
#endif

/// `kepu-bench --only door`, the floods: what a stranger with a hundred addresses can do to the door.
///
/// 1. 100 source addresses (127.0.2.1–100) flood door A for 20 s, each as fast as it can, every post
///    with a page's fresh form token and a phone of its own, while 50 real visitors sign in at door
///    B (127.0.1.1–50), one every 0.4 s. Goal: all 50 counted at B; at A, what a person a second from
///    each address could do at most, the rest held or refused.
/// 2. The same flood at a live door whose screen code it copied 5 minutes ago. Goal: 0 counted.
/// 3. 400 sign-ins at a door expecting 100. Goal: 100 counted, none past it until the clerk accepts.
extension DoorBench {
    static func flood(dir: String) throws {
        say("\nthe door, flooded: 100 addresses against the door's limits")
        let path = dir + "/flood.sqlite"
        try? FileManager.default.removeItem(atPath: path)
        let day = CalendarDate(year: 2023, month: 9, day: 16)!
        let ledger = Ledger(
            database: try AppDatabase.create(at: path),
            context: AuditContext(operatorName: "bench", command: "kepu-bench", today: { day }))
        _ = try ledger.plans.importPlan(text: seedPlan, sourceName: "seed.yaml", replace: false)
        func door(_ title: String, live: Bool = false, expected: Int64? = nil) throws -> (Int64, DoorOpened) {
            let event = try ledger.events.add(NewEvent(title: title, kind: .other, start: day))
            let opened = try ledger.doors.open(
                event: event, from: "2023-09-16T00:00", until: "2023-09-16T23:59", survey: true, volunteers: nil,
                live: live, expected: expected)
            return (event, opened)
        }
        let (eventA, a) = try door("门 A（被刷）")
        let (eventB, b) = try door("门 B（真实观众）")
        let (eventC, c) = try door("门 C（现场屏幕）", live: true)
        let (eventD, d) = try door("门 D（预计 100 人）", expected: 100)
        let staleCode = try ledger.doors.keys(door: c.door.id).code(at: Date().addingTimeInterval(-300))

        try WebPagesBench.server(kepu, path, [], env: ["KEPU_TODAY": "2023-09-16"]) { port in
            try floods(
                port: port, ledger: ledger, doors: (a, b, c, d), events: (eventA, eventB, eventC, eventD),
                staleCode: staleCode)
        }
    }

    static func floods(
        port: Int, ledger: Ledger, doors: (DoorOpened, DoorOpened, DoorOpened, DoorOpened),
        events: (Int64, Int64, Int64, Int64), staleCode: String
    ) throws {
        let (a, b, c, d) = doors
        let (eventA, eventB, eventC, eventD) = events
        let phones = Counter()
        /// A page load and its post, as a script that reads the page would: the status of the post.
        @Sendable func signIn(_ page: String, from: String) -> Int {
            let (status, _, text) = exchange(
                port: port, from: from, "GET \(page) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            let path = String(page.prefix { $0 != "?" })
            let csrf =
                status == 200
                ? text.range(of: "name=\"csrf\" value=\"").map { String(text[$0.upperBound...].prefix { $0 != "\"" }) }
                : nil
            let n = phones.next()
            let body = "csrf=\(csrf ?? "forged")&name=guest\(n)&phone=139\(String(format: "%08d", n))&satisfaction=1"
            let (answer, _, _) = exchange(
                port: port, from: from,
                "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
            )
            return answer
        }
        @Sendable func flood(_ page: String, seconds: Double, addresses: Int = 100, limit: Int? = nil) -> [Int: Int] {
            let until = Date().addingTimeInterval(seconds)
            let statuses = Statuses()
            let group = DispatchGroup()
            for i in 0..<addresses {
                group.enter()
                Thread {
                    defer { group.leave() }
                    while Date() < until, limit.map({ statuses.total < $0 }) ?? true {
                        statuses.add(signIn(page, from: "127.0.2.\(i + 1)"))
                    }
                }.start()
            }
            group.wait()
            return statuses.counts
        }

        // 1. A flood at A while real visitors come to B.
        let real = Statuses()
        let visitors = Thread {
            for v in 0..<50 {
                real.add(signIn("/d/\(b.token)", from: "127.0.1.\(v + 1)"))
                usleep(400_000)
            }
        }
        visitors.start()
        let atA = flood("/d/\(a.token)", seconds: 20)
        while real.total < 50 { usleep(100_000) }
        let countA = try ledger.doors.counts(event: eventA).total
        let heldA = try ledger.doors.visits(event: eventA).held
        say(
            "  door B, 50 real visitors during the flood at A: \(try ledger.doors.counts(event: eventB).total) counted (goal: 50); their answers \(real.counts)"
        )
        say(
            "  door A, flooded by 100 addresses for 20 s: \(atA.values.reduce(0, +)) posts \(atA); counted \(countA), held for review \(heldA)"
        )

        // 2. The same flood at a live door, with the code it copied 5 minutes ago.
        let atC = flood("/d/\(c.token)?c=\(staleCode)", seconds: 10)
        say(
            "  door C, live, the flood with a code 5 minutes old: \(atC.values.reduce(0, +)) posts \(atC); counted \(try ledger.doors.counts(event: eventC).total) (goal: 0)"
        )

        // 3. 400 sign-ins at a door expecting 100.
        let atD = flood("/d/\(d.token)", seconds: 60, addresses: 40, limit: 400)
        let countD = try ledger.doors.counts(event: eventD).total
        let visitsD = try ledger.doors.visits(event: eventD)
        say(
            "  door D, expecting 100, 400 sign-ins: \(atD) — counted \(countD) (goal: 100), held \(visitsD.held) until the clerk accepts"
        )
    }
}

/// Statuses seen by the flood's threads.
final class Statuses: @unchecked Sendable {
    private let lock = NSLock()
    private var seen: [Int: Int] = [:]
    func add(_ status: Int) { lock.withLock { seen[status, default: 0] += 1 } }
    var counts: [Int: Int] { lock.withLock { seen } }
    var total: Int { lock.withLock { seen.values.reduce(0, +) } }
}

/// Phones handed out, one a sign-in.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    func next() -> Int {
        lock.withLock {
            n += 1
            return n
        }
    }
}
