import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 扫码签到 on the phone page: sign-ins counted once a phone a day, answers tallied, and every
/// refusal with nothing written.
@Suite struct DoorRouteTests {
    /// 2023-09-16 10:00 local, the day of the event.
    static let morning: Date = {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = .current
        return c.date(from: DateComponents(year: 2023, month: 9, day: 16, hour: 10, minute: 0))!
    }()

    func ledger() throws -> Ledger {
        let (base, _) = try webLedger()
        let ledger = Ledger(
            database: base.database,
            context: AuditContext(
                operatorName: "测试员", command: "test", now: { Self.morning },
                today: { CalendarDate(year: 2023, month: 9, day: 16)! }))
        _ = try ledger.events.add(
            NewEvent(
                title: "全国科普日主场", kind: .scienceDay, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: "石峰公园", parent: nil, unit: nil, allowDuplicate: false))
        return ledger
    }

    /// The phone page's form token and its cookie.
    func visit(_ client: some TestClientProtocol, _ path: String) async throws -> (HTTPFields, String) {
        try await client.execute(uri: path, method: .get) { r in
            #expect(r.status == .ok)
            let cookie = r.cookie(DoorPages.cookie) ?? ""
            return ([.cookie: "\(DoorPages.cookie)=\(cookie)"], csrf(in: r.text) ?? "")
        }
    }

    func attendance(_ ledger: Ledger) throws -> [Int64] {
        try ledger.attendance.list(RecordFilter()).map(\.count)
    }

    @Test func phonesSignInOnceADayAndTheirAnswersAreTallied() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: true, volunteers: nil)
        let path = "/d/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("全国科普日主场"))
                #expect(r.text.contains("您对本次活动满意吗？"))
                #expect(r.text.contains("非常不满意"))
                #expect(r.text.contains("统计活动参与人次"))
                #expect(r.text.contains("width=device-width"))
                // Nothing of the office's app.
                #expect(!r.text.contains("<nav>") && !r.text.contains("<a "))
                #expect(!r.text.contains("<script"))
            }
            let (cookie, token) = try await visit(client, path)
            for (i, (phone, answer)) in [("13800000001", "5"), ("138 0000 0002", "4"), ("+8613800000003", "2")]
                .enumerated()
            {
                try await client.execute(
                    uri: path, method: .post, headers: formHeaders + cookie,
                    body: form([
                        "csrf": token, "name": "参与者\(i)", "phone": phone, "org": "石峰区第一小学", "satisfaction": answer,
                    ])
                ) { r in
                    #expect(r.status == .ok)
                    #expect(r.text.contains("签到成功，您是今天第 \(i + 1) 位签到者"))
                }
            }
            // The same phone again that day: not counted, and its second answer ignored.
            try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "参与者0", "phone": "13800000001", "satisfaction": "1"])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("您今天已签到"))
                #expect(!r.text.contains("参与者1"))
            }
        }
        #expect(try attendance(ledger) == [3])
        let surveys = try ledger.surveys.list(RecordFilter())
        #expect(surveys.map(\.responses) == [3])
        #expect(surveys.map(\.satisfied) == [2])
        #expect(try ledger.doors.counts(event: 1) == (3, 3))
        // Each sign-in is audited as the door's, never with a phone in it.
        let rows = try ledger.audit.log(limit: 50).filter { $0.operatorName == "扫码签到" }
        #expect(!rows.isEmpty)
        #expect(!rows.contains { ($0.after ?? "").contains("13800000001") })
    }

    @Test func everyRefusalSaysWhyAndWritesNothing() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        let path = "/d/\(opened.token)"
        var settings = WebSettings()
        settings.doorLimits = (phone: 3, door: 600, address: 9)
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            let (cookie, token) = try await visit(client, path)
            func post(_ fields: [String: String], _ headers: HTTPFields? = nil) async throws -> (
                HTTPResponse.Status, String
            ) {
                try await client.execute(
                    uri: path, method: .post, headers: formHeaders + (headers ?? cookie),
                    body: form(fields.merging(["csrf": token]) { a, _ in a })
                ) { r in (r.status, r.text) }
            }
            var (status, text) = try await post(["name": "张三", "phone": "12345"])
            #expect(status == .unprocessableContent)
            #expect(text.contains("12345 不是手机号：请填写 11 位手机号，如 13800000001"))
            #expect(text.contains("value=\"张三\""))
            (status, text) = try await post(["name": " ", "phone": "13800000001"])
            #expect(status == .unprocessableContent)
            #expect(text.contains("请填写姓名"))
            // A form without its page's token (a forged post): 403, the form again.
            (status, text) = try await post(["name": "张三", "phone": "13800000001", "csrf": "forged"], [:])
            #expect(status == .forbidden)
            #expect(text.contains("页面停留太久，请重新提交"))
            // A landline is not a mobile.
            (status, text) = try await post(["name": "张三", "phone": "0731-28888888"])
            #expect(status == .unprocessableContent)
            // Per phone: the fourth attempt within the minute waits.
            for _ in 0..<3 { _ = try await post(["name": "李四", "phone": "13900000009"]) }
            (status, text) = try await post(["name": "李四", "phone": "13900000009"])
            #expect(status == .tooManyRequests)
            #expect(text.contains("这个手机号尝试次数过多，请一分钟后再试"))
            // A body over 4 KiB.
            try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: ByteBuffer(string: "csrf=\(token)&name=" + String(repeating: "x", count: 5000))
            ) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("提交的内容太长"))
            }
            // Per address: past 9 POSTs a minute (this is the tenth), 429 before anything is read.
            (status, text) = try await post(["name": "王五", "phone": "13700000001"])
            #expect(status == .tooManyRequests)
            #expect(text.contains("请求过于频繁，请稍后再试"))
            try await client.execute(uri: "/d/nosuchtoken", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("没有这个签到链接"))
            }
        }
        // Only 李四's first attempt was a valid sign-in.
        #expect(try attendance(ledger) == [1])
    }

    @Test func aDoorPastItsWindowOrClosedIsGoneAndABusyDoorAsksToWait() async throws {
        let ledger = try ledger()
        let later = try ledger.doors.open(
            event: 1, from: "2023-09-16T11:00", until: "2023-09-16T12:00", survey: false, volunteers: nil)
        var settings = WebSettings()
        settings.doorLimits = (phone: 5, door: 2, address: 300)
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            try await client.execute(uri: "/d/\(later.token)", method: .get) { r in
                #expect(r.status == .gone)
                #expect(r.text.contains("签到尚未开始：2023-09-16 11:00 开始"))
            }
            let now = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
            // The earlier link was replaced: gone at once.
            try await client.execute(uri: "/d/\(later.token)", method: .get) { r in
                #expect(r.status == .gone)
                #expect(r.text.contains("签到已结束"))
            }
            let path = "/d/\(now.token)"
            let (cookie, token) = try await visit(client, path)
            for (i, phone) in ["13800000001", "13800000002", "13800000003"].enumerated() {
                try await client.execute(
                    uri: path, method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "name": "参与者", "phone": phone])
                ) { r in
                    if i < 2 {
                        #expect(r.status == .ok)
                    } else {
                        #expect(r.status == .serviceUnavailable)
                        #expect(r.text.contains("签到人数较多，请稍等几秒后再提交"))
                        #expect(r.headers[.retryAfter] == "5")
                    }
                }
            }
            _ = try ledger.doors.close(event: 1)
            try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "参与者", "phone": "13800000009"])
            ) { r in
                #expect(r.status == .gone)
                #expect(r.text.contains("签到已结束"))
            }
        }
        #expect(try attendance(ledger) == [2])
        // A sign-in that reaches the store after the door closed is refused there too.
        #expect(throws: KepuError(.noOpenDoor(event: 1))) {
            try ledger.doors.signIn(door: 2, name: "迟到者", phone: "13800000010", org: nil, satisfaction: nil)
        }
    }

    /// The office's side: open on the event page, the poster with the code, the live count, close.
    @Test func aClerkOpensADoorPrintsItsPosterAndClosesIt() async throws {
        // The real clock (sessions expire by it), on the test ledger's day, 2023-12-31.
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 12, day: 31)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        var settings = WebSettings()
        settings.publicURL = "http://10.0.0.5:8080/"
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("开启扫码签到"))
                #expect(r.text.contains("value=\"2023-12-31T07:00\""))
            }
            try await client.execute(
                uri: "/events/1/door", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "from": "2023-12-31T00:00", "until": "2023-12-31 23:59", "survey": "1"])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events/1/poster#notice")
            }
            let link = try await client.execute(
                uri: "/events/1/poster", method: .get, headers: cookie
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<svg"))
                #expect(r.text.contains("微信扫码签到"))
                #expect(r.text.contains("2023-12-31 00:00 – 2023-12-31 23:59"))
                let start = try #require(r.text.range(of: "http://10.0.0.5:8080/d/"))
                return String(r.text[start.lowerBound...].prefix { $0 != "<" && $0 != "\"" })
            }
            let door = String(link.dropFirst("http://10.0.0.5:8080".count))
            let (doorCookie, doorToken) = try await visit(client, door)
            try await client.execute(
                uri: door, method: .post, headers: formHeaders + doorCookie,
                body: form(["csrf": doorToken, "name": "赵六", "phone": "13600000001", "satisfaction": "5"])
            ) { r in #expect(r.status == .ok) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("签到中：2023-12-31 00:00 – 2023-12-31 23:59；附满意度调查"))
                #expect(r.text.contains("今天已签到 1 人，累计 1 人"))
                // The sign-in row, its phone masked.
                #expect(r.text.contains("赵六") || r.text.contains("签到"))
                #expect(!r.text.contains("13600000001"))
            }
            try await client.execute(
                uri: "/events/1/door/close", method: .post, headers: formHeaders + cookie, body: form(["csrf": token])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: door, method: .get) { r in #expect(r.status == .gone) }
            try await client.execute(uri: "/events/1/poster", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("活动 1 没有开启中的扫码签到"))
            }
        }
        #expect(try attendance(ledger) == [1])
    }

    /// A door's volunteer call: answers wait for the clerk, who confirms each with hours; only then a
    /// sign-up. The call stops at the number wanted.
    @Test func volunteersAnswerTheCallAndTheClerkConfirmsThem() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: 2)
        let path = "/v/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            func answer(_ name: String, _ phone: String) async throws -> (HTTPResponse.Status, String) {
                let (cookie, token) = try await client.execute(uri: path, method: .get) { r in
                    #expect(r.status == .ok)
                    #expect(r.text.contains("志愿者报名"))
                    return (
                        [.cookie: "\(DoorPages.cookie)=\(r.cookie(DoorPages.cookie) ?? "")"] as HTTPFields,
                        csrf(in: r.text) ?? ""
                    )
                }
                return try await client.execute(
                    uri: path, method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "name": name, "phone": phone, "org": "石峰区志愿者协会"])
                ) { r in (r.status, r.text) }
            }
            var (status, text) = try await answer("周七", "13500000001")
            #expect(status == .ok)
            #expect(text.contains("报名成功，您是第 1 位报名者；工作人员确认后计入志愿服务"))
            (status, text) = try await answer("周七", "135 0000 0001")
            #expect(text.contains("您已报名，无需重复报名"))
            (_, text) = try await answer("吴八", "13500000002")
            (_, text) = try await answer("郑九", "13500000003")
            #expect(text.contains("志愿者名额（2 人）已满，感谢关注"))
            // Nothing counts until confirmed.
            #expect(try ledger.volunteers.list(RecordFilter()).isEmpty)
            let calls = try ledger.doors.calls(event: 1)
            #expect(calls.map(\.name) == ["周七", "吴八"])
            #expect(calls.allSatisfy { $0.signup == nil })
        }
        // The clerk confirms one with 4 hours, on the event's page (a real clock: sessions expire by it).
        let office = Ledger(database: ledger.database, context: AuditContext(operatorName: "测试员", command: "test"))
        let officeApp = Application(router: WebApp.router(ledger: office))
        try await officeApp.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("扫码报名的志愿者"))
                #expect(r.text.contains("135****0001"))
                #expect(!r.text.contains("13500000001"))
            }
            try await client.execute(
                uri: "/events/1/calls/1/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "hours": "4"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(
                uri: "/events/1/calls/1/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "hours": "4"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("扫码报名 1 已确认为报名记录 1，无需再确认"))
            }
        }
        let volunteers = try ledger.volunteers.list(RecordFilter())
        #expect(volunteers.map(\.name) == ["周七"])
        #expect(volunteers.map(\.hoursCenti) == [400])
        #expect(try ledger.doors.calls(event: 1).map(\.signup) == [1, nil])
    }

    /// docs/serve.md's nginx block lets through only `^/d/[A-Za-z0-9_-]+$`, `^/v/…` and
    /// `/static/door.css`: everything the phone pages load, link or post to is among them, and the
    /// door works with nothing else reachable.
    @Test func thePhonePagesNeedOnlyTheRoutesThePublicProxyLetsThrough() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: true, volunteers: 3)
        let doc = try String(
            contentsOf: URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
                .deletingLastPathComponent().appendingPathComponent("docs/serve.md"), encoding: .utf8)
        #expect(doc.contains("location ~ ^/d/[A-Za-z0-9_-]+$"))
        #expect(doc.contains("location ~ ^/v/[A-Za-z0-9_-]+$"))
        #expect(doc.contains("location = /static/door.css"))
        #expect(doc.contains("location / { return 404; }"))
        @Sendable func allowed(_ path: String) -> Bool {
            path == "/static/door.css"
                || path.range(of: "^/[dv]/[A-Za-z0-9_-]+$", options: .regularExpression) != nil
        }
        #expect(opened.token.range(of: "^[A-Za-z0-9_-]+$", options: .regularExpression) != nil)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            for page in ["/d/\(opened.token)", "/v/\(opened.token)"] {
                #expect(allowed(page))
                try await client.execute(uri: page, method: .get) { r in
                    #expect(r.status == .ok)
                    let refs = r.text.matches(of: /(?:href|src|action)="([^"]*)"/).map { String($0.1) }
                    #expect(!refs.isEmpty)
                    for ref in refs where !ref.hasPrefix("data:") {
                        #expect(allowed(ref), "\(page) refers to \(ref), which the proxy does not let through")
                    }
                }
            }
            try await client.execute(uri: "/static/door.css", method: .get) { r in #expect(r.status == .ok) }
        }
    }
}
