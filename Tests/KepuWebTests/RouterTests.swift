import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// A fresh ledger with the seed plan, one clerk (李干事 / battery staple) and a token for her.
func webLedger(path: String? = nil) throws -> (Ledger, String) {
    let ledger = Ledger(
        database: try path.map { try AppDatabase.create(at: $0) } ?? AppDatabase.inMemory(),
        context: AuditContext(
            operatorName: "测试员", command: "test", today: { CalendarDate(year: 2023, month: 12, day: 31)! }))
    let seed = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml")
    _ = try ledger.plans.importPlan(
        text: try String(contentsOf: seed, encoding: .utf8), sourceName: "seed.yaml", replace: false)
    _ = try ledger.users.add(name: "李干事", role: .clerk, password: "battery staple")
    let token = try ledger.users.newToken(name: "李干事")
    return (ledger, token)
}

extension TestResponse {
    var text: String { String(buffer: body) }
    /// `name=value` of a Set-Cookie header.
    func cookie(_ name: String) -> String? {
        for value in headers[values: .setCookie] where value.hasPrefix(name + "=") {
            return String(value.split(separator: ";")[0].dropFirst(name.count + 1))
        }
        return nil
    }
}

/// The hidden form token of a page.
func csrf(in html: String) -> String? {
    guard let r = html.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(html[r.upperBound...].prefix { $0 != "\"" })
}

func form(_ fields: [String: String]) -> ByteBuffer {
    ByteBuffer(
        string: fields.map {
            "\($0.key.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")=\($0.value.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
        }.joined(separator: "&"))
}

let formHeaders: HTTPFields = [.contentType: "application/x-www-form-urlencoded"]

func + (a: HTTPFields, b: HTTPFields) -> HTTPFields {
    var c = a
    c.append(contentsOf: b)
    return c
}

@Suite struct RouterTests {
    @Test func healthAndTheStylesheetNeedNoSignIn() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text == "ok")
            }
            try await client.execute(uri: "/static/kepu.css", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "text/css; charset=utf-8")
            }
        }
    }

    @Test func signedOutPagesRedirectAndTheAPIAnswers401() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            try await client.execute(uri: "/api/v1/reconcile?year=2023", method: .get) { r in
                #expect(r.status == .unauthorized)
                #expect(r.text.contains("\"error\": \"需要 API 令牌"))
            }
            try await client.execute(
                uri: "/api/v1/report?year=2023", method: .get, headers: [.authorization: "Bearer kepu_wrong"]
            ) { r in
                #expect(r.status == .unauthorized)
            }
        }
    }

    @Test func signInShowsTheDashboardAndSignOutEndsTheSession() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (token, loginCookie) = try await client.execute(uri: "/login", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("name=\"username\""))
                return (csrf(in: r.text), r.cookie(WebApp.loginCookie))
            }
            let session = try await client.execute(
                uri: "/login", method: .post,
                headers: formHeaders + [.cookie: "\(WebApp.loginCookie)=\(loginCookie ?? "")"],
                body: form(["username": "李干事", "password": "battery staple", "csrf": token ?? ""])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/")
                let set = r.headers[values: .setCookie].first { $0.hasPrefix(WebApp.sessionCookie) } ?? ""
                #expect(set.contains("HttpOnly"))
                #expect(set.contains("SameSite=Lax"))
                return r.cookie(WebApp.sessionCookie)
            }
            let cookie: HTTPFields = [.cookie: "\(WebApp.sessionCookie)=\(session ?? "")"]
            let pageToken = try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("概览"))
                #expect(r.text.contains("两次大型活动"))
                #expect(r.text.contains("李干事（录入员）"))
                return csrf(in: r.text)
            }
            // The session's form token is required to sign out.
            try await client.execute(
                uri: "/logout", method: .post, headers: formHeaders + cookie, body: form(["csrf": "forged"])
            ) { r in
                #expect(r.status == .forbidden)
            }
            try await client.execute(
                uri: "/logout", method: .post, headers: formHeaders + cookie, body: form(["csrf": pageToken ?? ""])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.status == .seeOther)
            }
        }
    }

    @Test func aSignInWithoutItsFormTokenIs403() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: form(["username": "李干事", "password": "battery staple", "csrf": "x"])
            ) { r in
                #expect(r.status == .forbidden)
            }
        }
    }

    @Test func fiveFailuresLockTheNameFor15Minutes() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let headers = formHeaders + [.cookie: "\(WebApp.loginCookie)=t0k3n"]
            for _ in 0..<5 {
                try await client.execute(
                    uri: "/login", method: .post, headers: headers,
                    body: form(["username": "李干事", "password": "wrong one", "csrf": "t0k3n"])
                ) { r in
                    #expect(r.status == .unauthorized)
                    #expect(r.text.contains("用户名或密码不对"))
                }
            }
            // Even the right password is refused now, and the lockout is in the audit trail.
            try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: form(["username": "李干事", "password": "battery staple", "csrf": "t0k3n"])
            ) { r in
                #expect(r.status == .tooManyRequests)
            }
        }
        #expect(try ledger.audit.log(limit: 5).contains { $0.entity == "login" })
    }

    @Test func theAPIGivesTheCommandLinesJSON() async throws {
        let (ledger, token) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/reconcile?year=2023&asOf=2023-12-31", method: .get,
                headers: [.authorization: "Bearer \(token)"]
            ) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                #expect(r.text.contains("\"asOf\": \"2023-12-31\""))
            }
            try await client.execute(
                uri: "/api/v1/report?year=2023", method: .get, headers: [.authorization: "Bearer \(token)"]
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("\"totalScore\""))
            }
            try await client.execute(
                uri: "/api/v1/reconcile?year=2023&asOf=someday", method: .get,
                headers: [.authorization: "Bearer \(token)"]
            ) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("\"error\": \"asOf"))
            }
        }
    }

    @Test func aHostileNameIsEscaped() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "<script>alert(1)</script>", role: .admin, password: "battery staple")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let headers = formHeaders + [.cookie: "\(WebApp.loginCookie)=t"]
            try await client.execute(
                uri: "/login", method: .post, headers: headers,
                body: form(["username": "<script>alert(1)</script>", "password": "nope nope", "csrf": "t"])
            ) { r in
                #expect(!r.text.contains("<script>alert(1)"))
                #expect(r.text.contains("&lt;script&gt;"))
            }
        }
    }

    @Test func anEventIsAddedThroughTheFormWithTheUserAsOperator() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("name=\"title\""))
            }
            // Without the form token: 403 and nothing written.
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["title": "科普讲座", "kind": "other", "start": "2023-10-01", "csrf": "x"])
            ) { r in
                #expect(r.status == .forbidden)
            }
            // A bad date is said on the form, in Chinese, with what was typed kept.
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["title": "<b>科普讲座</b>", "kind": "other", "start": "2023-13-45", "csrf": token])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("开始日期 <span class=\"date\">2023-13-45</span>"))
                #expect(r.text.contains("value=\"&lt;b&gt;科普讲座&lt;/b&gt;\""))
            }
            #expect(try ledger.events.list(in: nil).isEmpty)
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form([
                    "title": "<b>科普讲座</b>", "kind": "其他", "form": "lecture", "start": "2023年10月1日", "csrf": token,
                ])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events/1#notice")
            }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已添加活动 1"))
                #expect(r.text.contains("&lt;b&gt;科普讲座&lt;/b&gt;"))
                #expect(!r.text.contains("<b>科普讲座</b>"))
            }
        }
        let events = try ledger.events.list(in: nil)
        #expect(events.map(\.title) == ["<b>科普讲座</b>"])
        #expect(try ledger.audit.log(limit: 1).first?.operatorName == "李干事")
    }
}

/// Signs 李干事 in: the session cookie, and the form token of her pages.
func signIn(_ client: some TestClientProtocol, as name: String = "李干事", password: String = "battery staple")
    async throws -> (HTTPFields, String)
{
    let headers = formHeaders + [.cookie: "\(WebApp.loginCookie)=t"]
    let session = try await client.execute(
        uri: "/login", method: .post, headers: headers,
        body: form(["username": name, "password": password, "csrf": "t"])
    ) { r in r.cookie(WebApp.sessionCookie) }
    let cookie: HTTPFields = [.cookie: "\(WebApp.sessionCookie)=\(session ?? "")"]
    let token = try await client.execute(uri: "/", method: .get, headers: cookie) { r in csrf(in: r.text) }
    return (cookie, token ?? "")
}
