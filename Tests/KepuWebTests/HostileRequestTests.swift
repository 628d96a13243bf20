import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// What a forged request can't do: the API takes a Bearer token and JSON only, a redirect never
/// leaves the site, and every response carries its headers.
@Suite struct HostileRequestTests {
    func attendanceRows(_ ledger: Ledger) throws -> Int {
        try ledger.database.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attendance") ?? 0 }
    }

    @Test func theSessionCookieIsNoAPICredentialAndTheAPITakesOnlyJSON() async throws {
        let (ledger, token) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, start: CalendarDate(year: 2023, month: 5, day: 20)!,
                end: CalendarDate(year: 2023, month: 5, day: 20)!))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            let body = ByteBuffer(
                string: #"{"count": 120, "channel": "onsite", "method": "headcount", "date": "2023-05-20"}"#)
            // A page on another site posts a text/plain form with the clerk's cookie: refused.
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: cookie + [.contentType: "text/plain"],
                body: body
            ) { r in
                #expect(r.status == .unauthorized)
                #expect(r.headers[.cacheControl] == "no-store")
                #expect(r.headers[.init("X-Content-Type-Options")!] == "nosniff")
            }
            // The token, but not JSON: 415, nothing written.
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post,
                headers: [.authorization: "Bearer \(token)", .contentType: "text/plain"], body: body
            ) { r in
                #expect(r.status == .unsupportedMediaType)
                #expect(r.text.contains("application/json"))
            }
            #expect(try attendanceRows(ledger) == 0)
            // The scheme in any case, and JSON with a charset: written.
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post,
                headers: [.authorization: "bearer \(token)", .contentType: "application/json; charset=utf-8"],
                body: body
            ) { r in
                #expect(r.status == .created, "\(r.text)")
            }
            #expect(try attendanceRows(ledger) == 1)
            // Values that can't be true: refused, nothing written.
            for bad in [
                #"{"count": 99999999999, "date": "2023-05-20"}"#, #"{"count": 10, "date": "2999-01-01"}"#,
            ] {
                try await client.execute(
                    uri: "/api/v1/events/1/attendance", method: .post,
                    headers: [.authorization: "Bearer \(token)", .contentType: "application/json"],
                    body: ByteBuffer(string: bad)
                ) { r in
                    #expect(r.status.code >= 400 && r.status.code < 500, "\(bad): \(r.status)")
                    #expect(r.text.contains("\"error\""))
                }
            }
            #expect(try attendanceRows(ledger) == 1)
        }
    }

    @Test func aTokensLastUseIsRecorded() async throws {
        let (ledger, token) = try webLedger()
        #expect(try ledger.users.tokens(name: "李干事").first?.lastUsedAt == nil)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            for _ in 0..<3 {
                try await client.execute(
                    uri: "/api/v1/report?year=2023", method: .get, headers: [.authorization: "Bearer \(token)"]
                ) { r in #expect(r.status == .ok) }
            }
        }
        // Written off the request's path: wait for it, bounded.
        for _ in 0..<50 where try ledger.users.tokens(name: "李干事").first?.lastUsedAt == nil {
            try await Task.sleep(nanoseconds: 100_000_000)
        }
        #expect(try ledger.users.tokens(name: "李干事").first?.lastUsedAt != nil)
    }

    /// A form that is not a flat list of names: 400 with a sentence, nothing written; a plain one is
    /// read as before (plus signs and percent-encoding decoded).
    @Test func aMalformedFormIsABadRequest() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            for body in [
                "csrf=\(token)&title=a&title=b&kind=other&start=2023-05-20", "csrf=\(token)&title[x=1&start=%E4",
            ] {
                try await client.execute(
                    uri: "/events", method: .post, headers: formHeaders + cookie, body: ByteBuffer(string: body)
                ) { r in
                    #expect(r.status == .badRequest, "\(body)")
                    #expect(r.text.contains("请求有误"))
                    #expect(r.text.contains("<nav>"))
                }
            }
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: ByteBuffer(
                    string: "csrf=\(token)&title=%E7%A7%91%E6%99%AE+%E8%AE%B2%E5%BA%A7&kind=other&start=2023-05-20")
            ) { r in
                #expect(r.status == .seeOther)
            }
        }
        #expect(try ledger.events.list(in: nil).map(\.title) == ["科普 讲座"])
    }

    @Test func theBearerSchemeIsReadWithoutCase() {
        #expect(APIMiddleware.bearer("Bearer abc") == "abc")
        #expect(APIMiddleware.bearer("bearer abc") == "abc")
        #expect(APIMiddleware.bearer("BEARER  abc ") == "abc")
        #expect(APIMiddleware.bearer("Basic abc") == nil)
        #expect(APIMiddleware.bearer("Bearer") == nil)
        #expect(APIMiddleware.bearer(nil) == nil)
    }

    @Test func aRedirectStaysOnTheSite() async throws {
        for bad in [
            "//evil.example/", "/\t/evil.example/", "/%09/evil.example/", "%2F%09%2Fevil.example%2F", "/\\evil.example",
            "/%5Cevil.example", "https://evil.example/", "/%2F/evil.example", "/%252F%252Fevil.example", "",
            "javascript:alert(1)", "/a\r\nSet-Cookie: x=1",
        ] {
            #expect(localPath(bad) == "/", "\(bad.debugDescription)")
        }
        #expect(localPath(nil) == "/")
        for good in ["/", "/events", "/events/3?year=2023", "/records/cost/12", "/self-evaluation?year=2023#notes"] {
            #expect(localPath(good) == good)
        }
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: "/lang?to=zh&back=%2F%09%2Fevil.example%2F", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/")
            }
            try await client.execute(uri: "/lang?to=en&back=%2Fevents%3Fyear%3D2023", method: .get) { r in
                #expect(r.headers[.location] == "/events?year=2023")
            }
        }
    }

    @Test func everyResponseCarriesItsHeaders() async throws {
        let (ledger, _) = try webLedger()
        for secure in [false, true] {
            let app = Application(router: WebApp.router(ledger: ledger, settings: WebSettings(secureCookies: secure)))
            try await app.test(.router) { client in
                for uri in ["/login", "/healthz", "/", "/api/v1/report?year=2023", "/no-such-page"] {
                    try await client.execute(uri: uri, method: .get) { r in
                        #expect(r.headers[.init("Referrer-Policy")!] == "same-origin", "\(uri)")
                        #expect(r.headers[.init("X-Content-Type-Options")!] == "nosniff", "\(uri)")
                        let hsts = r.headers[.init("Strict-Transport-Security")!]
                        #expect(secure ? hsts == "max-age=31536000" : hsts == nil, "\(uri)")
                        #expect(uri.hasPrefix("/api/") ? r.headers[.cacheControl] == "no-store" : true)
                    }
                }
            }
        }
    }
}

/// Error pages are pages of the app: the menu when signed in, the sentence, a way on.
@Suite struct ErrorPageTests {
    @Test func errorsKeepTheMenuAndSignOutHasAPage() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            try await client.execute(uri: "/no-such-page", method: .get) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("没有这个页面") && r.text.contains("href=\"/login\""))
            }
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/no-such-page", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("<nav>") && r.text.contains("action=\"/logout\""))
                #expect(r.text.contains("回到概览"))
            }
            try await client.execute(uri: "/users", method: .get, headers: cookie) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("<nav>"))
            }
            try await client.execute(uri: "/logout", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("确定退出登录") && r.text.contains("action=\"/logout\""))
            }
            try await client.execute(uri: "/logout", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("name=\"username\""))
            }
        }
    }
}
