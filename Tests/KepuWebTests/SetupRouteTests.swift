import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import Testing

@testable import KepuStore
@testable import KepuWeb

/// The first admin, made in the browser through the link `kepu serve` prints: once, within its hour,
/// only while there is no user; 404 otherwise, like any page that isn't there.
@Suite struct SetupRouteTests {
    func emptyLedger() throws -> Ledger {
        Ledger(database: try AppDatabase.inMemory(), context: AuditContext(operatorName: "系统", command: "test"))
    }

    func app(_ ledger: Ledger, _ link: SetupLink?) -> some ApplicationProtocol {
        var settings = WebSettings()
        settings.setup = link
        return Application(router: WebApp.router(ledger: ledger, settings: settings))
    }

    @Test func theFirstAdminIsMadeOnceThroughTheLink() async throws {
        let ledger = try emptyLedger()
        let link = SetupLink()
        try await app(ledger, link).test(.router) { client in
            try await client.execute(uri: "/setup/\(link.token)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("首次设置"))
                #expect(r.headers[.cacheControl] == "no-store")
            }
            for wrong in ["/setup/nope", "/setup/\(link.token)x", "/setup"] {
                try await client.execute(uri: wrong, method: .get) { r in #expect(r.status == .notFound, "\(wrong)") }
            }
            // Every mistake in one sentence, and nothing made.
            try await client.execute(
                uri: "/setup/\(link.token)", method: .post, headers: formHeaders,
                body: form(["name": "张主任", "password": "correct horse", "again": "correct horsf"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("value=\"张主任\""))
            }
            try await client.execute(
                uri: "/setup/\(link.token)", method: .post, headers: formHeaders,
                body: form(["name": "张主任", "password": "short", "again": "short"])
            ) { r in #expect(r.status == .unprocessableContent) }
            #expect(try ledger.users.list().isEmpty)
            try await client.execute(
                uri: "/setup/\(link.token)", method: .post, headers: formHeaders,
                body: form(["name": "张主任", "password": "correct horse", "again": "correct horse"])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            // Gone once used.
            try await client.execute(uri: "/setup/\(link.token)", method: .get) { r in #expect(r.status == .notFound) }
            try await client.execute(
                uri: "/setup/\(link.token)", method: .post, headers: formHeaders,
                body: form(["name": "第二个", "password": "correct horse", "again": "correct horse"])
            ) { r in #expect(r.status == .notFound) }
            // The admin signs in.
            let (cookie, _) = try await signIn(client, as: "张主任", password: "correct horse")
            try await client.execute(uri: "/users", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("还没有备份"))
                #expect(r.text.contains("数据库结构 v\(AppDatabase.schemaVersion)"))
            }
        }
        #expect(try ledger.users.list().map(\.name) == ["张主任"])
        #expect(try ledger.users.list().map(\.role) == [.admin])
        #expect(try ledger.audit.log(limit: 5).contains { $0.entity == "app_user" && $0.operatorName == "张主任" })
    }

    @Test func noLinkAnExpiredOneOrAnyUserIsNotFound() async throws {
        let ledger = try emptyLedger()
        try await app(ledger, nil).test(.router) { client in
            try await client.execute(uri: "/setup/anything", method: .get) { r in #expect(r.status == .notFound) }
        }
        let old = SetupLink(token: "expired-token", expires: Date().addingTimeInterval(-1))
        try await app(ledger, old).test(.router) { client in
            try await client.execute(uri: "/setup/expired-token", method: .get) { r in #expect(r.status == .notFound) }
        }
        _ = try ledger.users.add(name: "已有管理员", role: .admin, password: "battery staple")
        let link = SetupLink()
        try await app(ledger, link).test(.router) { client in
            try await client.execute(uri: "/setup/\(link.token)", method: .get) { r in #expect(r.status == .notFound) }
        }
    }

    /// `/healthz` reads the database (`AppDatabase.isAnswering`): 200 and `ok` while it answers.
    @Test func healthMeansTheDatabaseAnswers() async throws {
        let ledger = try emptyLedger()
        try await app(ledger, nil).test(.router) { client in
            try await client.execute(uri: "/healthz", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text == "ok")
            }
        }
    }

    @Test func theLogLineNamesNoSecret() {
        #expect(RequestLogMiddleware.path("/d/AbCdEf123") == "/d/…")
        #expect(RequestLogMiddleware.path("/v/AbCdEf123") == "/v/…")
        #expect(RequestLogMiddleware.path("/setup/secret") == "/setup/…")
        #expect(RequestLogMiddleware.path("/events/3") == "/events/3")
        #expect(RequestLogMiddleware.path("//d/AbCdEf123") == "/d/…")
    }
}
