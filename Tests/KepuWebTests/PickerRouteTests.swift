import Foundation
import GRDB
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// A page costs what it shows: past 50 choices a picker is a field the server searches, and a list
/// page whose database fails says so (503) instead of showing an empty list.
@Suite struct PickerRouteTests {
    @Test func pastFiftyEventsAPickerIsSearched() async throws {
        let (ledger, _) = try webLedger()
        var ids: [Int64] = []
        for i in 1...60 {
            ids.append(
                try ledger.events.add(
                    NewEvent(
                        title: "讲座\(i)", kind: .other, start: CalendarDate(year: 2023, month: 3, day: 1 + i % 28)!,
                        allowDuplicate: true)))
        }
        _ = try ledger.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001"))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { [ids] client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                // A field to type into, not 60 options.
                #expect(r.text.contains("<input name=\"event\" required"))
                #expect(!r.text.contains("<option value=\"\(ids[0])\""))
                #expect(r.text.contains("输入活动名称中的几个字或编号"))
            }
            // 讲座1 is in 讲座1, 讲座10 … 讲座19: refused, the matches offered.
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "李华", "event": "讲座1", "hours": "2"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("活动 讲座1：有 11 个活动符合，请在下面选择一个"))
                #expect(r.text.contains("<option value=\"\(ids[9])\">\(ids[9]) 讲座10"))
            }
            #expect(try signedUp(ledger).isEmpty)
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "李华", "event": "讲座无此名", "hours": "2"])
            ) { r in
                #expect(r.text.contains("没有找到；请输入活动名称中的几个字或活动编号"))
            }
            // One match, or the number a pick starts with: signed up.
            for event in ["讲座7", "\(ids[11]) 讲座12（2023-03-13）"] {
                try await client.execute(
                    uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "volunteer": "李华", "event": event, "hours": "2"])
                ) { r in #expect(r.status == .seeOther) }
            }
            #expect(try signedUp(ledger) == [ids[6], ids[11]])
            // The campaign picker of a new event offers campaigns only, searched too.
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<input name=\"parent\" autocomplete=\"off\""))
            }
        }
    }

    func signedUp(_ ledger: Ledger) throws -> [Int64] {
        try ledger.database.read { try Int64.fetchAll($0, sql: "SELECT event_id FROM signup ORDER BY event_id") }
    }

    @Test func aListPageWhoseDatabaseFailsSaysSoWithA503() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-503-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("kepu.sqlite").path
        let (ledger, _) = try webLedger(path: path)
        _ = try ledger.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001"))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            // Another program breaks the file under the server: the table the page reads is gone.
            let other = try DatabaseQueue(path: path)
            try await other.write { try $0.execute(sql: "ALTER TABLE volunteer RENAME TO volunteer_gone") }
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                #expect(r.status == .serviceUnavailable)
                #expect(r.headers[.retryAfter] == "5")
                #expect(r.text.contains("数据库暂时无法应答"))
                #expect(!r.text.contains("李华"))
                #expect(!r.text.contains(path))
                #expect(!r.text.contains("还没有志愿者"))
            }
        }
    }
}
