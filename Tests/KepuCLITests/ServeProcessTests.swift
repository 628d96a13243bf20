import Foundation
import GRDB
import Testing

@testable import KepuCLI

#if canImport(FoundationNetworking)
    import FoundationNetworking
#endif

/// `kepu serve` as a real process: the demo, and web clients writing beside command-line processes.
@Suite(.serialized) struct ServeProcessTests {
    /// A free TCP port on the loopback interface.
    static func freePort() -> Int {
        // Ports are taken from a range unlikely to be in use, checked by binding.
        for _ in 0..<50 {
            let port = Int.random(in: 20_000...60_000)
            let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            defer { close(fd) }
            var addr = sockaddr_in()
            addr.sin_family = sa_family_t(AF_INET)
            addr.sin_port = in_port_t(UInt16(port).bigEndian)
            addr.sin_addr.s_addr = inet_addr("127.0.0.1")
            let ok = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
                }
            }
            if ok { return port }
        }
        return 38_080
    }

    /// Starts `kepu serve ARGS`; its stderr goes to a file that the test can read.
    static func serve(_ args: [String], env: [String: String], dir: String) throws -> (Process, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try kepuBinary())
        p.arguments = ["serve"] + args
        p.environment = env
        let log = dir + "/serve-\(UUID().uuidString).log"
        _ = FileManager.default.createFile(atPath: log, contents: nil)
        p.standardError = FileHandle(forWritingAtPath: log)
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return (p, log)
    }

    static func get(_ url: String) async -> (Int, String)? {
        guard let u = URL(string: url), let (data, response) = try? await URLSession.shared.data(from: u) else {
            return nil
        }
        return ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data, as: UTF8.self))
    }

    /// Runs `kepu serve --db W ARGS` on a free loopback port for `body` (given the base URL and the
    /// port), then stops it.
    static func withServer<T>(
        _ args: [String], _ w: Workspace, _ body: (String, Int) async throws -> T
    ) async throws -> T {
        let port = freePort()
        let (server, log) = try serve(["--listen", "127.0.0.1:\(port)", "--db", w.db] + args, env: w.env, dir: w.dir)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        #expect(await waitUntilUp(base), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        return try await body(base, port)
    }

    /// Waits up to 20 s for `/healthz`.
    static func waitUntilUp(_ base: String) async -> Bool {
        for _ in 0..<200 {
            if let (code, body) = await get(base + "/healthz"), code == 200, body == "ok" { return true }
            try? await Task.sleep(nanoseconds: 100_000_000)
        }
        return false
    }

    @Test func theDemoServesTheSampleYearWithAOneTimeAdminPassword() async throws {
        let w = Workspace()
        let port = Self.freePort()
        let (server, log) = try Self.serve(["--demo", "--listen", "127.0.0.1:\(port)"], env: w.env, dir: w.dir)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        #expect(await Self.waitUntilUp(base))
        let said = try String(contentsOfFile: log, encoding: .utf8)
        #expect(said.contains("演示：示例年度已载入临时数据库"))
        #expect(said.contains("kepu 网页版已启动：在浏览器打开 \(base)/"))
        let password = try #require(
            said.range(of: "一次性密码 ").map { String(said[$0.upperBound...].prefix { $0.isLetter || $0.isNumber }) })
        #expect(password.count == 12)
        // The demo database holds the sample year and the admin.
        let db = try #require(
            said.range(of: "临时数据库 ").map { String(said[$0.upperBound...].prefix { $0 != "；" }) })
        let list = try runProcess(["user", "list", "--db", db], env: w.env)
        #expect(list.out.contains("admin"))
        let events = try runProcess(["event", "list", "--year", "2023", "--db", db], env: w.env)
        #expect(events.out.contains("全国科普日"))
    }

    /// 8 web clients (API tokens) and 2 command-line processes write at once: nothing is lost, and the
    /// audit chain verifies.
    @Test func webClientsAndCommandLineProcessesWriteAtOnce() async throws {
        let w = Workspace().seeded()
        _ = w.ok("event add --title 科普日 --kind science-day --start 2023-09-16")
        _ = try runProcess(
            ["user", "add", "录入员", "--role", "clerk", "--password-stdin", "--db", w.db], env: w.env,
            stdin: "clerk password 1\n")
        let token = try runProcess(["user", "token", "录入员", "--db", w.db], env: w.env).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(token.hasPrefix("kepu_"))
        let port = Self.freePort()
        let (server, log) = try Self.serve(["--listen", "127.0.0.1:\(port)", "--db", w.db], env: w.env, dir: w.dir)
        defer {
            server.terminate()
            server.waitUntilExit()
        }
        let base = "http://127.0.0.1:\(port)"
        #expect(await Self.waitUntilUp(base), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        let perProcess = 15
        let shells = try eventWriters(w, shells: 2, count: perProcess, title: "命令行")
        let perClient = 20
        let codes = await withTaskGroup(of: [Int].self) { group in
            for c in 0..<8 {
                group.addTask {
                    var codes: [Int] = []
                    for i in 0..<perClient {
                        var request = URLRequest(url: URL(string: base + "/api/v1/events/1/attendance")!)
                        request.httpMethod = "POST"
                        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
                        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
                        request.httpBody = Data(#"{"count": \#(c * 100 + i + 1), "note": "web \#(c)"}"#.utf8)
                        let code = (try? await URLSession.shared.data(for: request)).map {
                            ($0.1 as? HTTPURLResponse)?.statusCode ?? 0
                        }
                        codes.append(code ?? -1)
                    }
                    return codes
                }
            }
            var all: [Int] = []
            for await c in group { all += c }
            return all
        }
        for s in shells { s.waitUntilExit() }
        #expect(codes.count == 8 * perClient)
        #expect(codes.allSatisfy { $0 == 201 }, "\(Dictionary(grouping: codes, by: { $0 }).mapValues(\.count))")
        #expect(shells.map(\.terminationStatus) == [0, 0])
        let q = try DatabaseQueue(path: w.db)
        let counts = try await q.read { db in
            [
                try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM event"),
                try Int.fetchOne(db, sql: "SELECT count(*) FROM audit WHERE operator = '录入员'"),
            ]
        }
        #expect(counts == [8 * perClient, 1 + 2 * perProcess, 8 * perClient])
        try q.close()
        let verify = try runProcess(["log", "--verify", "--db", w.db], env: w.env)
        #expect(verify.code == 0, "\(verify.err)")
    }
}

/// Uploads waiting for confirmation live beside the database and go when the server starts and stops.
@Suite(.serialized) struct UploadFolderTests {
    @Test func pendingUploadsDoNotOutliveTheServer() async throws {
        let w = Workspace().seeded()
        let folder = w.dir + "/.kepu-uploads"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        _ = FileManager.default.createFile(atPath: folder + "/left-by-a-crash", contents: Data("张三,13800000001".utf8))
        let port = ServeProcessTests.freePort()
        let (server, log) = try ServeProcessTests.serve(
            ["--listen", "127.0.0.1:\(port)", "--db", w.db], env: w.env, dir: w.dir)
        let base = "http://127.0.0.1:\(port)"
        #expect(
            await ServeProcessTests.waitUntilUp(base), "\((try? String(contentsOfFile: log, encoding: .utf8)) ?? "")")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
        // A sign-in sheet waiting for its confirmation when the server is stopped.
        _ = FileManager.default.createFile(atPath: folder + "/pending", contents: Data("李四,13800000002".utf8))
        server.terminate()
        server.waitUntilExit()
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).isEmpty)
    }
}

/// Slow and idle clients on real sockets (loopback only, bounded in count and time).
@Suite(.serialized) struct ConnectionLimitTests {
    /// A TCP connection to the loopback port; -1 when it cannot be made.
    static func connectTo(_ port: Int) -> Int32 {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var addr = sockaddr_in()
        addr.sin_family = sa_family_t(AF_INET)
        addr.sin_port = in_port_t(UInt16(port).bigEndian)
        addr.sin_addr.s_addr = inet_addr("127.0.0.1")
        let ok = withUnsafePointer(to: &addr) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
        if !ok {
            close(fd)
            return -1
        }
        return fd
    }

    static func send(_ fd: Int32, _ text: String) {
        let bytes = Array(text.utf8)
        _ = bytes.withUnsafeBytes { Glibc.send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }

    /// What the server sent within `seconds`, or nil when it closed the connection without a byte.
    static func receive(_ fd: Int32, seconds: Int) -> String? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, Int32(seconds * 1000)) > 0 else { return "" }
        var buffer = [UInt8](repeating: 0, count: 4096)
        let n = recv(fd, &buffer, buffer.count, 0)
        return n <= 0 ? nil : String(decoding: buffer[0..<n], as: UTF8.self)
    }

    /// Whether the server has closed the connection (a read gives end of file at once).
    static func closedByServer(_ fd: Int32) -> Bool {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&pfd, 1, 0) > 0 else { return false }
        var byte: UInt8 = 0
        return recv(fd, &byte, 1, Int32(MSG_DONTWAIT)) == 0
    }

    @Test func healthAnswersWhileHundredsOfSlowClientsHoldConnections() async throws {
        let w = Workspace().seeded()
        // Every client here is 127.0.0.1: the per-address cap is lifted to test the server's.
        try await ServeProcessTests.withServer(
            ["--max-connections", "600", "--max-connections-per-address", "600"], w
        ) { base, port in
            let idle = (0..<300).map { _ in Self.connectTo(port) }
            let halfSent = (0..<100).map { _ in Self.connectTo(port) }
            defer { for fd in idle + halfSent where fd >= 0 { close(fd) } }
            #expect(!idle.contains(-1) && !halfSent.contains(-1))
            for fd in halfSent { Self.send(fd, "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: ") }
            // For 12 s, /healthz answers every second (how fast is the benchmark's business, not a test's).
            for _ in 0..<12 {
                #expect(await ServeProcessTests.get(base + "/healthz")?.0 == 200)
                try await Task.sleep(nanoseconds: 1_000_000_000)
            }
            // The head's 10 s are up: every slow and idle connection has been closed (well within 35 s).
            var open = 0
            for fd in idle + halfSent where !Self.closedByServer(fd) { open += 1 }
            #expect(open == 0, "\(open) connections still open after 12 s")
        }
    }

    /// One address holding its 3 connections: its fourth is answered 503, and the trusted proxy's
    /// address is never capped that way.
    @Test func oneAddressHoldsAtMostItsShare() async throws {
        let w = Workspace().seeded()
        try await ServeProcessTests.withServer(["--max-connections-per-address", "3"], w) { base, port in
            try await Self.heldConnectionsFillTheCap(3, base: base, port: port)
        }
        try await ServeProcessTests.withServer(
            ["--max-connections-per-address", "3", "--trusted-proxy", "127.0.0.1"], w
        ) { base, port in
            let held = (0..<3).map { _ in Self.connectTo(port) }
            defer { for fd in held where fd >= 0 { close(fd) } }
            try await Task.sleep(nanoseconds: 300_000_000)
            #expect(await ServeProcessTests.get(base + "/healthz")?.0 == 200)
        }
    }

    @Test func pastTheCapA503AndAMalformedRequestIs400() async throws {
        let w = Workspace().seeded()
        try await ServeProcessTests.withServer(["--max-connections", "4"], w) { base, port in
            // A malformed chunk size: 400, never 500.
            let bad = Self.connectTo(port)
            Self.send(
                bad,
                "POST /login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\nZZZ\r\nabc\r\n0\r\n\r\n"
            )
            let answer = Self.receive(bad, seconds: 5) ?? ""
            close(bad)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(answer.prefix(200))")
            // A bad header line: 400 too.
            let badHeader = Self.connectTo(port)
            Self.send(badHeader, "GET / HTTP/1.1\r\nHost 127.0.0.1\r\n\r\n")
            let answer2 = Self.receive(badHeader, seconds: 5) ?? ""
            close(badHeader)
            #expect(answer2.hasPrefix("HTTP/1.1 400"), "\(answer2.prefix(200))")
            try await Task.sleep(nanoseconds: 300_000_000)
            try await Self.heldConnectionsFillTheCap(4, base: base, port: port)
        }
    }

    /// `cap` held connections fill the cap: the next is answered 503 and closed; once they go, the
    /// server answers again.
    static func heldConnectionsFillTheCap(_ cap: Int, base: String, port: Int) async throws {
        let held = (0..<cap).map { _ in Self.connectTo(port) }
        try? await Task.sleep(nanoseconds: 300_000_000)
        let extra = Self.connectTo(port)
        Self.send(extra, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
        let refused = Self.receive(extra, seconds: 5) ?? ""
        close(extra)
        #expect(refused.hasPrefix("HTTP/1.1 503"), "\(refused.prefix(200))")
        for fd in held where fd >= 0 { close(fd) }
        try await Task.sleep(nanoseconds: 500_000_000)
        #expect(await ServeProcessTests.get(base + "/healthz")?.0 == 200)
    }
}

/// A kept-alive connection that sends its next head a byte at a time is cut off too.
@Suite struct KeepAliveLimitTests {
    @Test func aSlowHeadAfterAResponseIsCutOffAtTheIdleTime() async throws {
        let w = Workspace().seeded()
        try await ServeProcessTests.withServer([], w) { base, port in
            let fd = ConnectionLimitTests.connectTo(port)
            defer { close(fd) }
            ConnectionLimitTests.send(fd, "GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            #expect(ConnectionLimitTests.receive(fd, seconds: 5)?.hasPrefix("HTTP/1.1 200") == true)
            // The next head, a byte every 2 s: each byte would reset a plain idle timer.
            let start = Date()
            var closed = false
            for byte in "GET /events HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: aaaaaaaaaaaaaaaaaaaaaaaa".utf8 {
                ConnectionLimitTests.send(fd, String(UnicodeScalar(byte)))
                try await Task.sleep(nanoseconds: 2_000_000_000)
                if ConnectionLimitTests.closedByServer(fd) {
                    closed = true
                    break
                }
                if Date().timeIntervalSince(start) > 40 { break }
            }
            #expect(closed, "still open after \(Date().timeIntervalSince(start)) s")
        }
    }
}
