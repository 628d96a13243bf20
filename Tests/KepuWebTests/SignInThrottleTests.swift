import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Sign-in failures slow guessing without locking anyone out from elsewhere. The router tests have
/// no socket: the client address comes from `X-Forwarded-For`, the test's peer ("unknown") being
/// named the trusted proxy.
@Suite struct SignInThrottleTests {
    func signIn(_ client: some TestClientProtocol, _ name: String, _ password: String, from address: String)
        async throws -> HTTPResponse.Status
    {
        let headers =
            formHeaders + [
                .cookie: "\(WebApp.loginCookie)=t0k3n", .init("X-Forwarded-For")!: "203.0.113.9, \(address)",
            ]
        return try await client.execute(
            uri: "/login", method: .post, headers: headers,
            body: form(["username": name, "password": password, "csrf": "t0k3n"])
        ) { r in r.status }
    }

    @Test func aNameWaitsOnlyWhereItFailedAndAStormWaitsEverywhere() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "张主任", role: .admin, password: "correct horse")
        let settings = WebSettings(trustedProxy: "unknown")
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            for _ in 0..<5 {
                #expect(try await self.signIn(client, "张主任", "guess", from: "198.51.100.1") == .unauthorized)
            }
            // The attacker's address waits, even with the right password.
            let status = try await client.execute(
                uri: "/login", method: .post,
                headers: formHeaders + [
                    .cookie: "\(WebApp.loginCookie)=t0k3n", .init("X-Forwarded-For")!: "198.51.100.1",
                ],
                body: form(["username": "张主任", "password": "correct horse", "csrf": "t0k3n"])
            ) { r in
                #expect(r.text.contains("登录失败次数过多"))
                #expect(r.text.contains("name=\"username\""))
                #expect(r.headers[.retryAfter] != nil)
                return r.status
            }
            #expect(status == .tooManyRequests)
            // The admin at the office's own PC is not locked out.
            #expect(try await self.signIn(client, "张主任", "correct horse", from: "192.0.2.10") == .seeOther)
            // 20 failures from one address over many names: every name waits there.
            for i in 0..<20 {
                _ = try await self.signIn(client, "用户\(i)", "guess", from: "198.51.100.2")
            }
            #expect(try await self.signIn(client, "李干事", "battery staple", from: "198.51.100.2") == .tooManyRequests)
            #expect(try await self.signIn(client, "李干事", "battery staple", from: "192.0.2.11") == .seeOther)
        }
        // A restart keeps the waits: they are in the database.
        let again = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await again.test(.router) { client in
            #expect(try await self.signIn(client, "张主任", "correct horse", from: "198.51.100.1") == .tooManyRequests)
            _ = try ledger.signIns.unlock(name: "张主任")
            #expect(try await self.signIn(client, "张主任", "correct horse", from: "198.51.100.1") == .seeOther)
        }
        #expect(try ledger.audit.log(limit: 10).filter { $0.entity == "login" }.count >= 3)
    }

    @Test func forwardedAddressesAreIgnoredWithoutATrustedProxy() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            // Rotating the header does not escape the count: without a trusted proxy it is ignored.
            for i in 0..<5 {
                let status = try await self.signIn(client, "李干事", "guess", from: "198.51.100.\(i)")
                #expect(status == .unauthorized)
            }
            let last = try await self.signIn(client, "李干事", "battery staple", from: "198.51.100.99")
            #expect(last == .tooManyRequests)
        }
    }

    @Test func anAdminCannotDisableThemselvesOnTheWeb() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "张主任", role: .admin, password: "correct horse")
        _ = try ledger.users.add(name: "王主任", role: .admin, password: "correct horse")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await KepuWebTests.signIn(client, as: "张主任", password: "correct horse")
            try await client.execute(
                uri: "/users/disable", method: .post, headers: formHeaders + cookie,
                body: form(["name": "张主任", "csrf": token])
            ) { r in
                #expect(r.status == .badRequest || r.status == .conflict || r.status == .unprocessableContent)
                #expect(r.text.contains("不能停用自己"))
            }
        }
        #expect(try ledger.users.list().allSatisfy { $0.disabledAt == nil })
    }
}
