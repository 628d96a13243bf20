import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import Testing

@testable import KepuStore
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

    /// The office's side of the door, signed in as a clerk, on a real clock (sessions expire by it):
    /// `body` gets the client, the session's cookie and its form token.
    func office(
        _ ledger: Ledger, _ body: @Sendable (any TestClientProtocol, HTTPFields, String) async throws -> Void
    ) async throws {
        // The real clock (sessions expire by it), on the event's day: a door's window is never already over.
        let office = Ledger(
            database: ledger.database,
            context: AuditContext(
                operatorName: "测试员", command: "test", today: { CalendarDate(year: 2023, month: 9, day: 16)! }))
        try await Application(router: WebApp.router(ledger: office)).test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await body(client, cookie, token)
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
            // Each phone loads the page: its form token is good for one sign-in.
            for (i, (phone, answer)) in [("13800000001", "5"), ("138 0000 0002", "4"), ("+8613800000003", "2")]
                .enumerated()
            {
                let (cookie, token) = try await visit(client, path)
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
            let (cookie, token) = try await visit(client, path)
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
            // Each post with a token of its own, as a phone gets with each page.
            func post(_ fields: [String: String], _ headers: HTTPFields? = nil) async throws -> (
                HTTPResponse.Status, String
            ) {
                let (_, fresh) = try await visit(client, path)
                return try await client.execute(
                    uri: path, method: .post, headers: formHeaders + (headers ?? cookie),
                    body: form(fields.merging(["csrf": fresh]) { a, _ in a })
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
            for (i, phone) in ["13800000001", "13800000002", "13800000003"].enumerated() {
                let (cookie, token) = try await visit(client, path)
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
            let (cookie, token) = try await visit(client, path)
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

    /// A flood at one door fills that door's bucket only: another event's door still counts its
    /// visitors.
    @Test func aFloodAtOneDoorNeverClosesAnother() async throws {
        let ledger = try ledger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        let a = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        let b = try ledger.doors.open(event: 2, from: nil, until: nil, survey: false, volunteers: nil)
        var settings = WebSettings()
        settings.doorLimits = (phone: 5, door: 3, address: 300)
        // The bucket refills with time: held still, a slow machine can't let a fourth in.
        let now = Date()
        settings.doorClock = { now }
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            func post(_ token: String, _ phone: String) async throws -> HTTPResponse.Status {
                let (cookie, csrf) = try await visit(client, "/d/\(token)")
                return try await client.execute(
                    uri: "/d/\(token)", method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": csrf, "name": "访客", "phone": phone])
                ) { r in r.status }
            }
            var flood: [HTTPResponse.Status] = []
            for i in 1...6 { flood.append(try await post(a.token, "1380000000\(i)")) }
            #expect(flood.filter { $0 == .serviceUnavailable }.count == 3)
            for i in 1...3 { #expect(try await post(b.token, "1390000000\(i)") == .ok) }
        }
        #expect(try ledger.doors.counts(event: 2).total == 3)
        #expect(try ledger.doors.counts(event: 1).total == 3)
    }

    /// Names and 单位 are kept without control, zero-width or text-reversing characters.
    @Test func aNameIsStoredAsItShows() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, csrf) = try await visit(client, "/d/\(opened.token)")
            try await client.execute(
                uri: "/d/\(opened.token)", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": csrf, "name": "张\u{200B}三\r\n\u{202E}", "phone": "13800000001", "org": "\u{2066}一中\u{0000}",
                ])
            ) { r in #expect(r.status == .ok) }
        }
        let rows = try ledger.doors.signIns(event: 1)
        #expect(rows.map(\.name) == ["张三"])
        #expect(rows.map(\.org) == ["一中"])
    }

    /// Three addresses of one IPv6 /64 are one client to the door's limit per address; another /64
    /// is another client.
    @Test func anIPv6NetworkIsOneClientAtTheDoor() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        let path = "/d/\(opened.token)"
        var settings = WebSettings(trustedProxy: "unknown")
        settings.doorLimits = (phone: 5, door: 600, address: 3)
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            func post(_ from: String, _ phone: String) async throws -> HTTPResponse.Status {
                let (_, token) = try await visit(client, path)
                return try await client.execute(
                    uri: path, method: .post, headers: formHeaders + [.init("X-Forwarded-For")!: from],
                    body: form(["csrf": token, "name": "访客", "phone": phone])
                ) { r in r.status }
            }
            var statuses: [HTTPResponse.Status] = []
            for (i, from) in ["2001:db8:7:1::a", "2001:db8:7:1::b", "2001:db8:7:1:ffff::1", "2001:db8:7:1::c"]
                .enumerated()
            {
                statuses.append(try await post(from, "1380000000\(i)"))
            }
            #expect(statuses == [.ok, .ok, .ok, .tooManyRequests])
            let other = try await post("2001:db8:7:2::a", "13800000009")
            #expect(other == .ok)
        }
        #expect(try ledger.doors.counts(event: 1).total == 4)
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
        try await office(ledger) { client, cookie, token in
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

    /// Five made-up answers fill a call: the clerk turns them down, on the event's page or with
    /// `kepu volunteer signup --reject`, and each place opens again for a real volunteer.
    @Test func aRejectedAnswerOpensItsPlaceAgain() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: 2)
        let path = "/v/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        @Sendable func answer(_ client: some TestClientProtocol, _ name: String, _ phone: String) async throws -> String
        {
            let (cookie, token) = try await visit(client, path)
            return try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": name, "phone": phone])
            ) { r in r.text }
        }
        try await app.test(.router) { client in
            _ = try await answer(client, "假名一", "13500000001")
            _ = try await answer(client, "假名二", "13500000002")
            let said1 = try await answer(client, "周七", "13500000003")
            #expect(said1.contains("志愿者名额（2 人）已满"))
        }
        try await office(ledger) { client, cookie, token in
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("action=\"/events/1/calls/1/reject\""))
                #expect(r.text.contains("谢绝"))
            }
            // No reason: one sentence, nothing changed.
            try await client.execute(
                uri: "/events/1/calls/1/reject", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "reason": " "])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("谢绝原因"))
            }
            try await client.execute(
                uri: "/events/1/calls/1/reject", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "reason": "不是真实报名"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已谢绝扫码报名 1（假名一）：不是真实报名；名额已空出"))
                #expect(r.text.contains("已谢绝：不是真实报名"))
            }
            // Neither confirmed nor turned down twice.
            try await client.execute(
                uri: "/events/1/calls/1/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "hours": "2"])
            ) { r in #expect(r.text.contains("扫码报名 1 已于 ")) }
        }
        #expect(throws: KepuError.self) { try ledger.doors.rejectCall(1, reason: "再一次") }
        _ = try ledger.doors.rejectCall(2, reason: "重复")
        try await app.test(.router) { client in
            let said2 = try await answer(client, "周七", "13500000003")
            #expect(said2.contains("报名成功，您是第 1 位报名者"))
            let said3 = try await answer(client, "吴八", "13500000004")
            #expect(said3.contains("报名成功，您是第 2 位报名者"))
            let said4 = try await answer(client, "郑九", "13500000005")
            #expect(said4.contains("已满"))
            // One answer a phone: a turned-down phone can't answer again.
            let said5 = try await answer(client, "假名一", "13500000001")
            #expect(said5.contains("您已报名，无需重复报名"))
        }
        let calls = try ledger.doors.calls(event: 1)
        #expect(calls.map { $0.rejected?.reason } == ["不是真实报名", "重复", nil, nil])
        let audit = try ledger.audit.log(limit: nil).filter { $0.entity == "volunteer_call" }
        #expect(audit.filter { ($0.after ?? "").contains("rejected") }.count == 2)
    }

    /// A clerk voids the day's sign-in entry (a flood): the next visitor opens a new entry and is
    /// counted, and their answer goes into a new survey batch, never into the voided ones.
    @Test func aVoidedDayNeverSwallowsTheSignInsAfterIt() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: true, volunteers: nil)
        let path = "/d/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        @Sendable func signIn(_ client: some TestClientProtocol, _ phone: String, _ answer: String) async throws
            -> String
        {
            let (cookie, token) = try await visit(client, path)
            return try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "访客", "phone": phone, "satisfaction": answer])
            ) { r in r.text }
        }
        try await app.test(.router) { client in
            for i in 1...3 { _ = try await signIn(client, "1390000000\(i)", "1") }
        }
        let day = try ledger.attendance.list(RecordFilter())
        #expect(day.map(\.count) == [3])
        _ = try ledger.corrections.void(.attendance, day[0].id, reason: "刷量")
        let surveys = try ledger.surveys.list(RecordFilter())
        _ = try ledger.corrections.void(.survey, surveys[0].id, reason: "刷量")
        try await app.test(.router) { client in
            // A real visitor, and one of the flood's phones, who also came: both counted.
            let said6 = try await signIn(client, "13700000001", "5")
            #expect(said6.contains("签到成功，您是今天第 1 位签到者"))
            let said7 = try await signIn(client, "13900000001", "4")
            #expect(said7.contains("签到成功，您是今天第 2 位签到者"))
            let said8 = try await signIn(client, "13700000001", "5")
            #expect(said8.contains("您今天已签到"))
        }
        let live = try ledger.attendance.list(RecordFilter()).filter { $0.voided == nil }
        #expect(live.map(\.count) == [2])
        #expect(try ledger.doors.counts(event: 1) == (today: 2, total: 2))
        let batches = try ledger.surveys.list(RecordFilter()).filter { $0.voided == nil }
        #expect(batches.map(\.responses) == [2])
        #expect(batches.map(\.satisfied) == [2])
        // The voided entry and batch can't come back beside the new ones: the day would count twice.
        #expect(throws: KepuError.self) { try ledger.corrections.restore(.attendance, day[0].id, reason: "误作废") }
        #expect(throws: KepuError.self) { try ledger.corrections.restore(.survey, surveys[0].id, reason: "误作废") }
    }

    /// The form token is the server's: made up, another door's, or used once already, it is refused
    /// and nothing is counted.
    @Test func aMadeUpOrReplayedFormTokenCountsNothing() async throws {
        let ledger = try ledger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        let a = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        let b = try ledger.doors.open(event: 2, from: nil, until: nil, survey: false, volunteers: nil)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            func post(_ path: String, _ token: String, _ phone: String) async throws -> HTTPResponse.Status {
                try await client.execute(
                    uri: path, method: .post, headers: formHeaders + [.cookie: "\(DoorPages.cookie)=\(token)"],
                    body: form(["csrf": token, "name": "访客", "phone": phone])
                ) { r in r.status }
            }
            let issued = Int(Date().timeIntervalSince1970)
            // A pair the client made up, as a script would.
            #expect(
                try await post("/d/\(a.token)", "\(issued).abc.0123456789abcdef0123456789abcdef", "13800000001")
                    == .forbidden)
            #expect(try await post("/d/\(a.token)", "forged", "13800000001") == .forbidden)
            // Door B's token at door A.
            let (_, other) = try await visit(client, "/d/\(b.token)")
            #expect(try await post("/d/\(a.token)", other, "13800000001") == .forbidden)
            // Good once.
            let (_, token) = try await visit(client, "/d/\(a.token)")
            #expect(try await post("/d/\(a.token)", token, "13800000001") == .ok)
            #expect(try await post("/d/\(a.token)", token, "13800000002") == .forbidden)
        }
        #expect(try ledger.doors.counts(event: 1).total == 1)
        #expect(try ledger.doors.counts(event: 2).total == 0)
    }

    /// A form token naming a moment no clock can hold is refused, not a crash; a volunteer call's
    /// token is no sign-in token.
    @Test func aTokenOfAnotherPageOrAnImpossibleMomentIsRefused() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: 3)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            for token in ["-9223372036854775808.a.b", "9223372036854775807.a.b", "99999999999.a.b", ".a.b", "1..b"] {
                try await client.execute(
                    uri: "/d/\(opened.token)", method: .post, headers: formHeaders,
                    body: form(["csrf": token, "name": "访客", "phone": "13800000001"])
                ) { r in #expect(r.status == .forbidden, "\(token)") }
            }
            let (_, call) = try await visit(client, "/v/\(opened.token)")
            try await client.execute(
                uri: "/d/\(opened.token)", method: .post, headers: formHeaders,
                body: form(["csrf": call, "name": "访客", "phone": "13800000001"])
            ) { r in #expect(r.status == .forbidden) }
        }
        #expect(try ledger.doors.counts(event: 1).total == 0)
    }

    /// A live door: the phone page needs the code on the venue's screen, fresh within two minutes;
    /// a link without it, or with an old one, sends the phone to the screen and counts nothing.
    @Test func aLiveDoorNeedsTheCodeOnTheScreen() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(
            event: 1, from: nil, until: nil, survey: false, volunteers: nil, live: true, expected: nil)
        let keys = try ledger.doors.keys(door: opened.door.id)
        let path = "/d/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: path, method: .get) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("请扫描活动现场屏幕上的二维码签到"))
                #expect(!r.text.contains("<form"))
            }
            let old = keys.code(at: Date().addingTimeInterval(-300))
            try await client.execute(uri: path + "?c=" + old, method: .get) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("二维码已更新"))
            }
            let (cookie, token) = try await visit(client, path + "?c=" + keys.code(at: Date()))
            try await client.execute(
                uri: path, method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "现场观众", "phone": "13800000001"])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("签到成功"))
            }
            // A made-up token at a live door: back to the screen.
            try await client.execute(
                uri: path, method: .post, headers: formHeaders,
                body: form(["csrf": "1.2.3", "name": "远程", "phone": "13800000002"])
            ) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("二维码已更新"))
            }
        }
        #expect(try ledger.doors.counts(event: 1).total == 1)
        // The screen: a signed-in clerk's page with the code of the moment, reloading itself.
        try await office(ledger) { client, cookie, token in
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("现场屏幕模式"))
                #expect(r.text.contains("现场有屏幕时请用现场屏幕模式，更安全"))
            }
            // The link was opened outside this server: the screen asks for a new one, and gets it.
            try await client.execute(uri: "/events/1/door/screen", method: .get, headers: cookie) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(
                uri: "/events/1/door", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "live": "1", "expected": "200"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1/door/screen", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<svg"))
                #expect(r.text.contains("http-equiv=\"refresh\""))
                #expect(r.text.contains("二维码每 30 秒更新一次"))
            }
        }
        #expect(try ledger.doors.current(event: 1)?.expected == 200)
    }

    /// Past 预计人数, and from an address faster than a person a second, sign-ins are held: kept,
    /// not counted, until the clerk accepts them on the event's page.
    @Test func aCrowdPastTheExpectedOneWaitsForTheClerk() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(
            event: 1, from: nil, until: nil, survey: true, volunteers: nil, live: false, expected: 2)
        let path = "/d/\(opened.token)"
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            for i in 1...4 {
                let (cookie, token) = try await visit(client, path)
                let text = try await client.execute(
                    uri: path, method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "name": "观众\(i)", "phone": "1380000000\(i)", "satisfaction": "1"])
                ) { r in r.text }
                #expect(text.contains(i <= 2 ? "签到成功" : "签到已提交，工作人员核对后计入"))
            }
        }
        #expect(try ledger.doors.counts(event: 1).total == 2)
        #expect(try ledger.surveys.list(RecordFilter()).map(\.responses) == [2])
        let visits = try ledger.doors.visits(event: 1)
        #expect(visits.held == 2)
        #expect(visits.heldFor == [.crowd: 2])
        try await office(ledger) { client, cookie, token in
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("有 2 人次签到待核对"))
                #expect(r.text.contains("签到时间分布（每 10 分钟）"))
                #expect(r.text.contains("2023-09-16 10:00"))
            }
            try await client.execute(
                uri: "/events/1/door/accept", method: .post, headers: formHeaders + cookie, body: form(["csrf": token])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已核对活动 1（全国科普日主场）待核对的签到：计入 2 人次"))
            }
        }
        #expect(try ledger.doors.counts(event: 1).total == 4)
        #expect(try ledger.surveys.list(RecordFilter()).map(\.responses) == [4])
        #expect(try ledger.doors.visits(event: 1).held == 0)
    }

    /// Sixty sign-ins within a minute from one address: the next are held, whoever's phone they carry.
    @Test func oneAddressFasterThanAPersonASecondIsHeld() throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        var said: [DoorSignIn] = []
        for i in 0..<(Door.pacePerMinute + 2) {
            said.append(
                try ledger.doors.signIn(
                    door: opened.door.id, name: "刷量", phone: "139" + String(format: "%08d", i), org: nil,
                    satisfaction: nil, address: "203.0.113.9"))
        }
        #expect(said.filter { $0 == .held(.pace) }.count == 2)
        // Another address is counted as usual.
        #expect(
            try ledger.doors.signIn(
                door: opened.door.id, name: "观众", phone: "13700000001", org: nil, satisfaction: nil,
                address: "198.51.100.7") == .counted(number: Int64(Door.pacePerMinute) + 1))
    }

    /// A flood voided in a batch (a time range and an address) with its answers; the real visitors
    /// from elsewhere stay counted, and later sign-ins are counted as usual.
    @Test func aFloodIsVoidedInABatchWithItsAnswers() async throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: true, volunteers: nil)
        for i in 0..<5 {
            _ = try ledger.doors.signIn(
                door: opened.door.id, name: "刷量", phone: "1390000000\(i)", org: nil, satisfaction: 1,
                address: "203.0.113.9")
        }
        _ = try ledger.doors.signIn(
            door: opened.door.id, name: "观众", phone: "13700000001", org: nil, satisfaction: 5, address: "198.51.100.7")
        #expect(try ledger.doors.counts(event: 1).total == 6)
        try await office(ledger) { client, cookie, token in
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<option value=\"203.0.113.9\">203.0.113.9</option>"))
                #expect(r.text.contains("作废一批签到"))
            }
            // No reason: one sentence, nothing voided.
            try await client.execute(
                uri: "/events/1/door/void", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "from": "2023-09-16T09:00", "until": "2023-09-16T11:00"])
            ) { r in #expect(r.status == .unprocessableContent) }
            try await client.execute(
                uri: "/events/1/door/void", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "from": "2023-09-16T09:00", "until": "2023-09-16T11:00", "address": "203.0.113.9",
                    "reason": "同一网络刷量",
                ])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已作废活动 1（全国科普日主场）的 5 条签到：从人次中扣除 5，待核对的 0 条不再计入，满意度评价扣除 5 份"))
            }
        }
        #expect(try ledger.doors.counts(event: 1).total == 1)
        let survey = try ledger.surveys.list(RecordFilter())
        #expect(survey.map(\.responses) == [1])
        #expect(survey.map(\.satisfied) == [1])
        // A later sign-in is counted, into the same day's entry.
        #expect(
            try ledger.doors.signIn(
                door: opened.door.id, name: "晚到", phone: "13700000002", org: nil, satisfaction: 4,
                address: "198.51.100.8") == .counted(number: 2))
        #expect(try ledger.doors.signIns(event: 1).map(\.name) == ["观众", "晚到"])
        // The voided phones are no participants either.
        let facts = try ledger.database.read {
            try ledger.evaluation.inputs($0, year: 2023, unit: nil, asOf: nil, today: nil, project: nil).1
        }
        #expect(facts.uniqueParticipants == 2)
        let audit = try ledger.audit.log(limit: nil).filter { $0.entity == "door_visit" }
        #expect(audit.contains { ($0.after ?? "").contains("同一网络刷量") })
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

    /// A door's entry voided while the door stays open goes on in a new entry; restoring the old one would
    /// count that day twice, so it is refused, naming the new one (one query however many rows).
    @Test func aVoidedDoorEntryIsNotRestoredOverTheDayItWentOnIn() throws {
        let ledger = try ledger()
        let opened = try ledger.doors.open(event: 1, from: nil, until: nil, survey: false, volunteers: nil)
        for phone in ["13800000001", "13800000002"] {
            try ledger.doors.signIn(door: opened.door.id, name: "参与者", phone: phone, org: nil, satisfaction: nil)
        }
        let first = try #require(try ledger.attendance.list(RecordFilter()).first?.id)
        _ = try ledger.corrections.void(.attendance, first, reason: "误开")
        try ledger.doors.signIn(door: opened.door.id, name: "参与者", phone: "13800000003", org: nil, satisfaction: nil)
        let second = try #require(try ledger.attendance.list(RecordFilter()).first { $0.id != first }?.id)
        #expect(
            throws: KepuError(.restoreBlocked(kind: .attendance, id: first, because: .doorDayTaken(record: second)))
        ) {
            try ledger.corrections.restore(.attendance, first, reason: "恢复")
        }
    }

}
