import Foundation
import Testing

@testable import KepuCLI

/// A crowd at a real server's door: phones from several loopback addresses, most of them through one
/// address as a venue's WiFi would be, some twice; the reach and the satisfaction indicator read from
/// `kepu reconcile` afterwards.
@Suite(.serialized) struct DoorProcessTests {
    /// One HTTP/1.1 exchange over a socket bound to `from` (any 127.x.y.z on Linux): the response's
    /// status, its `Set-Cookie` value of `kepu_door`, and its body.
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
        var buffer = [UInt8](repeating: 0, count: 16_384)
        while true {
            var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&pfd, 1, 10_000) > 0 else { break }
            let n = recv(fd, &buffer, buffer.count, 0)
            if n <= 0 { break }
            data += buffer[0..<n]
        }
        let text = String(decoding: data, as: UTF8.self)
        let status = Int(text.dropFirst(9).prefix(3)) ?? 0
        let cookie = text.range(of: "kepu_door=").map { String(text[$0.upperBound...].prefix { $0 != ";" }) }
        return (status, cookie, text)
    }

    static func signIn(port: Int, path: String, from: String, name: String, phone: String, answer: Int) -> (Int, String)
    {
        let (_, cookie, page) = exchange(
            port: port, from: from, "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
        let csrf = page.range(of: "name=\"csrf\" value=\"").map { String(page[$0.upperBound...].prefix { $0 != "\"" }) }
        let body =
            "csrf=\(csrf ?? "")&name=\(name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")&phone=\(phone)&satisfaction=\(answer)"
        let (status, _, text) = exchange(
            port: port, from: from,
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nCookie: kepu_door=\(cookie ?? "")\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)"
        )
        return (status, text)
    }

    /// The reach (人次) and the satisfaction percent `kepu reconcile` gives.
    static func figures(_ w: Workspace) throws -> (reach: Double, satisfaction: Double?) {
        let r = w.run(["reconcile", "--year", "2023", "--format", "json"])
        let json = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
        let indicators = json?["indicators"] as? [[String: Any]] ?? []
        func actual(_ metric: String) -> Double? {
            indicators.first { ($0["id"] as? String) == metric }.flatMap { $0["actual"] as? Double }
        }
        return (actual("reach") ?? -1, actual("satisfaction"))
    }

    @Test func twoHundredPhonesThroughOneWiFiAndSeveralAddressesCountExactlyOnce() async throws {
        let w = Workspace().seeded()
        w.env["KEPU_TODAY"] = "2023-09-16"
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16")
        let before = try Self.figures(w)
        let url = w.ok("event door 1 --survey --from '2023-09-16 00:00' --until '2023-09-16 23:59'")
        let path = String(url.dropFirst("http://127.0.0.1:8080".count))
        try await ServeProcessTests.withServer([], w) { _, port in
            var counted = 0
            var held = 0
            var again = 0
            for i in 0..<200 {
                // 150 through the venue's WiFi (one address), 50 from eight others.
                let from = i < 150 ? "127.0.0.2" : "127.0.0.\(3 + i % 8)"
                let answer = i < 160 ? 4 + i % 2 : 1 + i % 3
                let (status, text) = Self.signIn(
                    port: port, path: path, from: from, name: "参与者\(i)", phone: "1390000\(String(format: "%04d", i))",
                    answer: answer)
                #expect(status == 200, "\(i): \(text.suffix(300))")
                if text.contains("签到成功") { counted += 1 }
                // Past 60 within a minute from the WiFi's one address: kept for the clerk's review.
                if text.contains("签到已提交，工作人员核对后计入") { held += 1 }
                // 20 of the WiFi's phones sign in twice.
                if i < 20 {
                    let (s2, t2) = Self.signIn(
                        port: port, path: path, from: from, name: "参与者\(i)",
                        phone: "1390000\(String(format: "%04d", i))",
                        answer: 1)
                    #expect(s2 == 200)
                    if t2.contains("您今天已签到") { again += 1 }
                }
            }
            // Loopback addresses are this machine's own: the pace rule leaves them be, so all count.
            #expect(counted == 200)
            #expect(held == 0)
            #expect(again == 20)
            let closed = w.run(["event", "door", "1", "--close"])
            #expect(closed.code == 0)
            let (status, _, text) = Self.exchange(
                port: port, from: "127.0.0.2", "GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
            #expect(status == 410)
            #expect(text.contains("签到已结束"))
        }
        let after = try Self.figures(w)
        #expect(after.reach - before.reach == 200)
        #expect(after.satisfaction == 80)
    }

    /// A million-row sheet checked (`--dry-run`, the same check as the web's preview), then imported,
    /// in another process while 50 visitors sign in at the door each time: both take the database's
    /// one writer a batch at a time, so every visitor is answered while they run, and counted.
    @Test func aMillionRowCheckNeverKeepsTheDoorWaiting() async throws {
        let w = Workspace().seeded()
        w.env["KEPU_TODAY"] = "2023-09-16"
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16")
        let url = w.ok("event door 1 --from '2023-09-16 00:00' --until '2023-09-16 23:59'")
        let path = String(url.dropFirst("http://127.0.0.1:8080".count))
        let before = try Self.figures(w)
        let sheet = w.dir + "/百万签到.csv"
        var text = "姓名,手机,签到时间\n"
        text.reserveCapacity(42 << 20)
        for i in 0..<1_000_000 { text += "访客\(i),139\(String(format: "%08d", i)),2023-09-16 09:30\n" }
        try text.write(toFile: sheet, atomically: false, encoding: .utf8)
        text = ""
        func importing(_ extra: [String]) throws -> Process {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: try kepuBinary())
            p.arguments = ["attendance", "import", sheet, "--event", "1", "--db", w.db] + extra
            p.environment = w.env
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            return p
        }
        try await ServeProcessTests.withServer([], w) { _, port in
            // First the check (what the web's preview does), then the import itself.
            for (round, extra) in [["--dry-run"], []].enumerated() {
                let job = try importing(extra)
                try job.run()
                // Under way: the sheet read, its first batches taken.
                try await Task.sleep(nanoseconds: 500_000_000)
                var counted = 0
                var meanwhile = 0
                for i in 0..<50 {
                    let n = round * 50 + i
                    let (status, text) = Self.signIn(
                        port: port, path: path, from: "127.0.3.\(1 + n % 50)", name: "观众\(n)",
                        phone: "1370000\(String(format: "%04d", n))", answer: 5)
                    #expect(status == 200, "\(n): \(text.suffix(300))")
                    if text.contains("签到成功") { counted += 1 }
                    if job.isRunning { meanwhile += 1 }
                }
                #expect(counted == 50)
                // The million rows were still being checked or written while the door answered.
                #expect(meanwhile > 0, "round \(round)")
                job.waitUntilExit()
                #expect(job.terminationStatus == 0)
            }
        }
        // Every visitor counted, the checked sheet not at all, the imported one whole.
        #expect(try Self.figures(w).reach - before.reach == 100 + 1_000_000)
    }
}
