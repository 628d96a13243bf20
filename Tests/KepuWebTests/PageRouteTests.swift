import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Every page: signed out, each role's limits, and the forms of 经费, 志愿者, 自评, 佐证材料 and 用户.
@Suite struct PageRouteTests {
    static let pages = [
        "/", "/events", "/events/1", "/budget", "/volunteers", "/imports", "/evidence", "/self-evaluation", "/audit",
        "/records/event/1",
    ]

    /// The seed plan, one event, and a clerk, a reviewer and an admin (passwords "<name> password").
    func ledger(path: String? = nil) throws -> Ledger {
        let (ledger, _) = try webLedger(path: path)
        _ = try ledger.events.add(
            NewEvent(
                title: "全国科普日", kind: .scienceDay, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        _ = try ledger.users.add(name: "审核员", role: .reviewer, password: "审核员 password")
        _ = try ledger.users.add(name: "管理员", role: .admin, password: "管理员 password")
        return ledger
    }

    @Test func everyPageAsksASignedOutVisitorToSignIn() async throws {
        let app = Application(router: WebApp.router(ledger: try ledger()))
        try await app.test(.router) { client in
            for uri in Self.pages + ["/users", "/self-evaluation/download?format=html"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther, "\(uri)")
                    #expect(r.headers[.location] == "/login", "\(uri)")
                }
            }
            for uri in ["/volunteers", "/budget/print", "/users", "/self-evaluation/lock", "/imports/confirm"] {
                try await client.execute(uri: uri, method: .post, headers: formHeaders, body: form(["csrf": "x"])) {
                    r in
                    #expect(r.status == .seeOther, "\(uri)")
                }
            }
        }
    }

    @Test func aClerkSeesEveryPageButUsersAndCannotLockOrScore() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            for uri in Self.pages {
                try await client.execute(uri: uri, method: .get, headers: cookie) { r in
                    #expect(r.status == .ok, "\(uri)")
                    #expect(r.text.contains("<nav>"), "\(uri)")
                    #expect(!r.text.contains("href=\"/users\""), "\(uri)")
                }
            }
            try await client.execute(uri: "/users", method: .get, headers: cookie) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("你的角色不能打开这个页面或做这件事"))
                #expect(r.text.contains("<nav>"))
            }
            try await client.execute(uri: "/self-evaluation", method: .get, headers: cookie) { r in
                #expect(!r.text.contains("action=\"/self-evaluation/lock\""))
                #expect(!r.text.contains("action=\"/self-evaluation/notes\""))
            }
            for (uri, fields) in [
                ("/self-evaluation/notes", ["year": "2023", "indicator": "satisfaction", "reason": "x"]),
                ("/self-evaluation/lock", ["year": "2023", "reason": "已报送"]),
                ("/self-evaluation/unlock", ["year": "2023", "reason": "x"]),
                ("/users", ["name": "新人", "role": "admin", "password": "long enough 1"]),
                ("/users/disable", ["name": "管理员"]),
            ] {
                try await client.execute(
                    uri: uri, method: .post, headers: formHeaders + cookie,
                    body: form(fields.merging(["csrf": token]) { a, _ in a })
                ) { r in
                    #expect(r.status == .forbidden, "\(uri)")
                }
            }
        }
        #expect(try ledger.years.status().isEmpty)
        #expect(try ledger.users.list().count == 3)
    }

    @Test func aReviewerWritesANoteAndLocksTheYearAndOnlyAnAdminUnlocksIt() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(
                uri: "/self-evaluation/notes", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "indicator": "audience", "score": "abc", "why": "x"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("人工评分 abc"))
            }
            try await client.execute(
                uri: "/self-evaluation/notes", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "year": "2023", "indicator": "reach", "reason": "受疫情影响线下活动减少",
                    "measures": "增加线上直播",
                ])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/self-evaluation?year=2023", method: .get, headers: cookie) { r in
                #expect(r.text.contains("受疫情影响线下活动减少"))
            }
            try await client.execute(
                uri: "/self-evaluation/lock", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "reason": "已报送财政局"])
            ) { r in
                // First the confirmation, nothing locked yet.
                #expect(r.status == .ok)
                #expect(r.text.contains("确认将2023年封账") && r.text.contains("name=\"confirm\" value=\"yes\""))
            }
            #expect(try ledger.years.status().isEmpty)
            try await client.execute(
                uri: "/self-evaluation/lock", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "reason": "已报送财政局", "confirm": "yes"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/self-evaluation?year=2023", method: .get, headers: cookie) { r in
                #expect(r.text.contains("2023年已封账"))
                #expect(!r.text.contains("action=\"/self-evaluation/unlock\""))
            }
            try await client.execute(
                uri: "/self-evaluation/unlock", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "reason": "补录"])
            ) { r in
                #expect(r.status == .forbidden)
            }
            let (admin, adminToken) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(
                uri: "/self-evaluation/unlock", method: .post, headers: formHeaders + admin,
                body: form(["csrf": adminToken, "year": "2023", "reason": "补录一场活动", "confirm": "yes"])
            ) { r in
                #expect(r.status == .seeOther)
            }
        }
        let locks = try ledger.years.status()
        #expect(locks.map(\.lockedBy) == ["审核员"])
        #expect(locks.first?.inForce == false)
        #expect(locks.first?.unlockedBy == "管理员")
    }

    @Test func anAdminAddsAndDisablesAUser() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(uri: "/users", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("李干事"))
                #expect(!r.text.contains("password_hash"))
            }
            try await client.execute(
                uri: "/users", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "王干事", "role": "clerk", "password": "short"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("密码至少 8 个字符"))
            }
            try await client.execute(
                uri: "/users", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "王干事", "role": "录入员", "password": "wang password 1"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(
                uri: "/users/disable", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "李干事"])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("确认停用用户 李干事"))
            }
            #expect(try ledger.users.list().allSatisfy { $0.disabledAt == nil })
            try await client.execute(
                uri: "/users/disable", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "李干事", "confirm": "yes"])
            ) { r in
                #expect(r.status == .seeOther)
            }
        }
        let users = try ledger.users.list()
        #expect(users.first { $0.name == "王干事" }?.role == .clerk)
        #expect(users.first { $0.name == "李干事" }?.disabledAt != nil)
        #expect(try ledger.audit.log(limit: 1).first?.operatorName == "管理员")
    }

    @Test func volunteersAndPrintRunsAreRecordedThroughTheirForms() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/volunteers", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "张三", "phone": "1380000"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("手机 1380000 不是手机号"))
                #expect(r.text.contains("value=\"张三\""))
            }
            try await client.execute(
                uri: "/volunteers", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "张三", "phone": "13800000001", "org": "石峰区科普志愿服务队"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "1", "event": "1", "hours": "3.5"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                #expect(r.text.contains("138****0001"))
                #expect(!r.text.contains("13800000001"))
            }
            try await client.execute(
                uri: "/budget/print", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": "科普宣传折页", "ink": "color", "copies": "2000", "unitPrice": "1"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/budget", method: .get, headers: cookie) { r in
                #expect(r.text.contains("科普宣传折页"))
                #expect(r.text.contains("2,000.00"))
            }
        }
        #expect(try ledger.volunteers.list(RecordFilter()).first?.hoursCenti == 350)
    }

    @Test func aVolunteerAndASignUpAreCorrectedAndTheAuditTrailFiltered() async throws {
        let ledger = try ledger()
        let v = try ledger.volunteers.add(NewVolunteer(name: "张三", phone: "13800000001"))
        let g = try ledger.volunteers.signup(NewSignup(volunteer: v.id, event: 1, hoursCenti: 300)).id
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/records/volunteer/\(v.id)", method: .get, headers: cookie) { r in
                #expect(r.text.contains("placeholder=\"138****0001\""))
                #expect(!r.text.contains("13800000001"))
            }
            // The phone left blank stays as it was.
            try await client.execute(
                uri: "/records/volunteer/\(v.id)/edit", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "name": "张叁", "phone": "", "org": "石峰区科普志愿服务队", "reason": "身份证上的名字"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(
                uri: "/records/signup/\(g)/edit", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "hours": "4.5", "reason": "补记结束时间"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/audit?entity=signup&operator=李干事", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("修改报名记录 \(g)"))
                #expect(r.text.contains("时长 3 → 4.5"))
                #expect(r.text.contains("原因：补记结束时间"))
                #expect(!r.text.contains("--reason"))
                #expect(!r.text.contains("身份证上的名字"))
            }
            // The command stays, as a detail.
            try await client.execute(
                uri: "/audit?entity=signup&operator=李干事&details=1", method: .get, headers: cookie
            ) { r in
                #expect(r.text.contains("--reason 补记结束时间"))
            }
            try await client.execute(uri: "/audit?since=2023-13-01", method: .get, headers: cookie) { r in
                #expect(r.text.contains("起始日期 <span class=\"date\">2023-13-01</span>"))
            }
            try await client.execute(uri: "/volunteers?event=1", method: .get, headers: cookie) { r in
                // The sign-up's event is picked from a list, this one chosen.
                #expect(r.text.contains("<select name=\"event\" required>"))
                #expect(r.text.contains("<option value=\"1\" selected>"))
            }
        }
        let list = try ledger.volunteers.list(RecordFilter())
        #expect(list.first?.name == "张叁")
        #expect(list.first?.phone == "13800000001")
        #expect(list.first?.hoursCenti == 450)
    }

    @Test func theSelfEvaluationDownloadsInEveryFormat() async throws {
        let app = Application(router: WebApp.router(ledger: try ledger()))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            for (format, type) in [
                ("html", "text/html; charset=utf-8"), ("md", "text/markdown; charset=utf-8"),
                ("csv", "text/csv; charset=utf-8"), ("json", "application/json; charset=utf-8"),
                ("text", "text/plain; charset=utf-8"),
                ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
            ] {
                try await client.execute(
                    uri: "/self-evaluation/download?year=2023&format=\(format)", method: .get, headers: cookie
                ) { r in
                    #expect(r.status == .ok, "\(format)")
                    #expect(r.headers[.contentType] == type)
                    #expect(r.headers[.contentDisposition]?.contains("kepu-report-2023.") == true)
                    #expect(r.headers[.contentDisposition]?.contains("filename*=UTF-8''2023") == true)
                    // The Chinese name percent-encoded, as RFC 5987 asks.
                    #expect(
                        r.headers[.contentDisposition]?.contains("UTF-8''2023%E7%BB%A9%E6%95%88%E8%87%AA%E8%AF%84.")
                            == true)
                    if format == "xlsx" { #expect(Array(r.body.readableBytesView.prefix(2)) == [0x50, 0x4B]) }
                    if format == "html" { #expect(r.text.contains("绩效自评")) }
                }
            }
            try await client.execute(uri: "/self-evaluation/download?format=pdf", method: .get, headers: cookie) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("pdf"))
            }
        }
    }

    @Test func evidenceIsUploadedListedAndVerified() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try ledger(path: dir.appendingPathComponent("kepu.sqlite").path)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/evidence", method: .get, headers: cookie) { r in
                #expect(r.text.contains("还没有佐证材料；用上面的表单上传。"))
            }
            let (h1, b1) = multipart(["csrf": token, "kind": "photo"], file: ("现场.jpg", Array("jpeg bytes".utf8)))
            try await client.execute(uri: "/evidence", method: .post, headers: h1 + cookie, body: b1) { r in
                #expect(r.status == .unprocessableContent)
            }
            let (h2, b2) = multipart(
                ["csrf": token, "kind": "photo", "event": "1"], file: ("../../现场.jpg", Array("jpeg bytes".utf8)))
            try await client.execute(uri: "/evidence", method: .post, headers: h2 + cookie, body: b2) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/evidence", method: .get, headers: cookie) { r in
                #expect(r.text.contains(".._.._现场.jpg"))
                #expect(!r.text.contains("../"))
                #expect(r.text.contains("全部 1 份佐证材料都在，且未被改动"))
            }
        }
        // A name keeps all but its path separators.
        #expect(try ledger.evidence.list().map(\.fileName) == [".._.._现场.jpg"])
    }
}

/// The English switch: a cookie per browser, set by `GET /lang`, going back only within the site.
@Suite struct LanguageSwitchTests {
    @Test func aBrowserSwitchesToEnglishAndBack() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<html lang=\"zh-CN\">"))
                #expect(r.text.contains("href=\"/lang?to=en\">English</a>"))
            }
            try await client.execute(uri: "/lang?to=en&back=/events", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events")
                #expect(r.cookie("kepu_lang") == "en")
            }
            let english = cookie + [.cookie: "kepu_lang=en"]
            try await client.execute(uri: "/events", method: .get, headers: english) { r in
                #expect(r.text.contains("<html lang=\"en\">"))
                #expect(r.text.contains("Add an event"))
                #expect(r.text.contains(">中文</a>"))
            }
            try await client.execute(uri: "/users", method: .get, headers: english) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("your role cannot open this page or do this"))
            }
            for evil in ["//evil.example/", "https://evil.example/", "/\\evil"] {
                let back = evil.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
                try await client.execute(uri: "/lang?to=zh&back=\(back)", method: .get) { r in
                    #expect(r.headers[.location] == "/", "\(evil)")
                }
            }
        }
    }
}
