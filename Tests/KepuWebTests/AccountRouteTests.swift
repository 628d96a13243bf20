import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 我的账户 (one's own password), an admin's reset of a user's password on the 用户 page, and the
/// sign-up form that keeps its event for the next volunteer.
@Suite struct AccountRouteTests {
    /// The store: every refusal of a change at once, nothing written then; a change ends every other
    /// session of the user, a reset every one but the one kept; API tokens stay; audited, never a hash.
    @Test func theStoreRefusesEverythingAtOnceAndEndsTheRightSessions() throws {
        let (ledger, token) = try webLedger()
        let users = ledger.users
        let here = try ledger.sessions.start(userID: 1)
        let elsewhere = try ledger.sessions.start(userID: 1)
        #expect(throws: KepuError(.several([.wrongCurrentPassword, .passwordTooWeak]))) {
            try users.checkPasswordChange(name: "李干事", current: "not mine", new: "short")
        }
        #expect(throws: KepuError(.several([.wrongCurrentPassword, .passwordTooWeak]))) {
            _ = try users.changePassword(name: "李干事", current: "not mine", new: "short", keeping: here)
        }
        #expect(throws: KepuError(.wrongCurrentPassword)) {
            _ = try users.changePassword(name: "李干事", current: "not mine", new: "correct horse", keeping: here)
        }
        #expect(try ledger.sessions.find(elsewhere) != nil)
        #expect(try users.user(name: "李干事", password: "battery staple") != nil)

        #expect(
            try users.changePassword(name: "李干事", current: "battery staple", new: "correct horse", keeping: here) == 1)
        #expect(try ledger.sessions.find(here) != nil)
        #expect(try ledger.sessions.find(elsewhere) == nil)
        #expect(try users.user(name: "李干事", password: "battery staple") == nil)
        #expect(try users.user(name: "李干事", password: "correct horse") != nil)
        #expect(try users.user(token: token)?.name == "李干事")

        // A reset keeps no session unless told which; the tokens stay.
        #expect(try users.resetPassword(name: "李干事", new: "battery staple 3") == 1)
        #expect(try ledger.sessions.find(here) == nil)
        #expect(try users.user(name: "李干事", password: "battery staple 3") != nil)
        #expect(try users.user(token: token)?.name == "李干事")
        #expect(throws: KepuError(.passwordTooWeak)) { _ = try users.resetPassword(name: "李干事", new: "aaaaaaaaaa") }
        #expect(throws: KepuError(.noSuchUser(name: "王五"))) {
            _ = try users.resetPassword(name: "王五", new: "good password")
        }

        let rows = try ledger.audit.log(limit: nil).filter { $0.entity == "app_user" }
        #expect(rows.count == 3)
        #expect(!rows.contains { ($0.before ?? "").contains("$2b$") || ($0.after ?? "").contains("$2b$") })
    }

    @Test func aUserChangesTheirOwnPasswordAndTheirOtherSessionsEnd() async throws {
        let (ledger, token) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (here, csrf) = try await signIn(client)
            let (elsewhere, _) = try await signIn(client)
            // The name in the menu bar leads to the page.
            try await client.execute(uri: "/", method: .get, headers: here) { r in
                #expect(r.text.contains("<span class=\"who\"><a href=\"/account\""))
                #expect(r.text.contains("李干事（录入员）</a>"))
            }
            try await client.execute(uri: "/account", method: .get, headers: here) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<h1>我的账户</h1>"))
                #expect(r.text.contains("<strong>李干事</strong>"))
                #expect(r.text.contains("<strong>录入员</strong>"))
                #expect(r.text.contains("action=\"/account/password#password\""))
                #expect(r.text.contains("autocomplete=\"current-password\""))
            }
            // The current password wrong and the two new ones differing: both said at once; no password
            // written back into the form.
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + here,
                body: form([
                    "csrf": csrf, "passwordCurrent": "not my password", "password": "new password 1",
                    "passwordAgain": "new password 2",
                ])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("<li>两次输入的密码不一致；未作修改</li>"))
                #expect(r.text.contains("<li>当前密码不对；未作修改</li>"))
                #expect(r.text.contains("aria-describedby=\"password-error\""))
                #expect(!r.text.contains("not my password"))
                #expect(!r.text.contains("new password 1"))
                #expect(!r.text.contains("new password 2"))
            }
            // A new password too short, with the right current one: refused too.
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + here,
                body: form([
                    "csrf": csrf, "passwordCurrent": "battery staple", "password": "short", "passwordAgain": "short",
                ])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("密码至少 8 个字符，且不能全是同一个字符"))
                #expect(!r.text.contains("当前密码不对"))
            }
            try await client.execute(uri: "/", method: .get, headers: elsewhere) { r in #expect(r.status == .ok) }
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + here,
                body: form([
                    "csrf": csrf, "passwordCurrent": "battery staple", "password": "correct horse",
                    "passwordAgain": "correct horse",
                ])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/account#notice")
            }
            // This session stays, told so; the other one is over.
            try await client.execute(uri: "/account", method: .get, headers: here) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("已修改你的密码；你在其他地方的登录（1 处）已全部退出"))
            }
            try await client.execute(uri: "/", method: .get, headers: elsewhere) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            let (again, _) = try await signIn(client, as: "李干事", password: "correct horse")
            try await client.execute(uri: "/account", method: .get, headers: again) { r in #expect(r.status == .ok) }
        }
        #expect(try ledger.users.user(name: "李干事", password: "battery staple") == nil)
        // The API token is the user's scripts': a password change leaves it.
        #expect(try ledger.users.user(token: token)?.name == "李干事")
        #expect(
            try ledger.audit.log(limit: nil).contains {
                $0.entity == "app_user" && $0.operatorName == "李干事" && $0.command.contains("/account/password")
            })
    }

    @Test func anAdminResetsAPasswordAndAClerkCannot() async throws {
        let (ledger, token) = try webLedger()
        _ = try ledger.users.add(name: "管理员", role: .admin, password: "管理员 password")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (clerk, clerkToken) = try await signIn(client)
            // A clerk may not: 403, nothing written.
            try await client.execute(
                uri: "/users/password", method: .post, headers: formHeaders + clerk,
                body: form([
                    "csrf": clerkToken, "name": "管理员", "password": "taken over", "passwordAgain": "taken over",
                ])
            ) { r in #expect(r.status == .forbidden) }
            #expect(try ledger.users.user(name: "管理员", password: "管理员 password") != nil)

            let (admin, adminToken) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(uri: "/users", method: .get, headers: admin) { r in
                #expect(r.text.contains("action=\"/users/password#password\""))
                #expect(r.text.contains("<option value=\"管理员\">管理员（管理员）</option>"))
            }
            // Refused: too short and differing, both said; the user kept chosen, never a password.
            try await client.execute(
                uri: "/users/password", method: .post, headers: formHeaders + admin,
                body: form(["csrf": adminToken, "name": "李干事", "password": "short", "passwordAgain": "shorter"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("<li>密码至少 8 个字符，且不能全是同一个字符</li>"))
                #expect(r.text.contains("<li>两次输入的密码不一致；未作修改</li>"))
                #expect(r.text.contains("<option value=\"李干事\" selected>"))
                #expect(!r.text.contains("shorter"))
            }
            try await client.execute(
                uri: "/users/password", method: .post, headers: formHeaders + admin,
                body: form([
                    "csrf": adminToken, "name": "李干事", "password": "new staple 2", "passwordAgain": "new staple 2",
                ])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/users#notice")
            }
            try await client.execute(uri: "/users", method: .get, headers: admin) { r in
                #expect(r.text.contains("已重设 李干事 的密码，其登录已全部退出"))
                #expect(!r.text.contains("new staple 2"))
            }
            // Her session is over; her old password no longer signs in, the new one does.
            try await client.execute(uri: "/", method: .get, headers: clerk) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            try await client.execute(
                uri: "/login", method: .post, headers: formHeaders + [.cookie: "\(WebApp.loginCookie)=t"],
                body: form(["username": "李干事", "password": "battery staple", "csrf": "t"])
            ) { r in
                #expect(r.cookie(WebApp.sessionCookie) == nil)
                #expect(r.text.contains("用户名或密码不对"))
            }
            let (renewed, _) = try await signIn(client, as: "李干事", password: "new staple 2")
            try await client.execute(uri: "/", method: .get, headers: renewed) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("李干事（录入员）"))
            }
            // An admin resetting their own password keeps the session they did it from; the others end.
            let (adminElsewhere, _) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(
                uri: "/users/password", method: .post, headers: formHeaders + admin,
                body: form([
                    "csrf": adminToken, "name": "管理员", "password": "管理员 password 2",
                    "passwordAgain": "管理员 password 2",
                ])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/users", method: .get, headers: admin) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("已重设 管理员 的密码，其在其他地方的登录已全部退出（本次登录保留）"))
            }
            try await client.execute(uri: "/", method: .get, headers: adminElsewhere) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/login")
            }
            // A user no one has: refused, said above the form.
            try await client.execute(
                uri: "/users/password", method: .post, headers: formHeaders + admin,
                body: form([
                    "csrf": adminToken, "name": "王五", "password": "good password", "passwordAgain": "good password",
                ])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("id=\"password-error\""))
            }
        }
        // Her API token stays: a reset is for a forgotten password.
        #expect(try ledger.users.user(token: token)?.name == "李干事")
        #expect(try ledger.users.user(name: "管理员", password: "管理员 password 2")?.role == .admin)
        #expect(
            try ledger.audit.log(limit: nil).filter { $0.entity == "app_user" && $0.operatorName == "管理员" }.count
                == 2)
    }

    /// A form kept open past its session's token writes nothing, and offers no password back to send
    /// again (`FormTokenMiddleware` keeps what was typed, but never a password field).
    @Test func aStalePasswordFormOffersNoPasswordBack() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(
                uri: "/account/password", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": "from-an-old-page", "passwordCurrent": "battery staple", "password": "correct horse",
                    "passwordAgain": "correct horse",
                ])
            ) { r in
                #expect(r.status == .forbidden)
                #expect(!r.text.contains("battery staple"))
                #expect(!r.text.contains("correct horse"))
            }
        }
        #expect(try ledger.users.user(name: "李干事", password: "battery staple") != nil)
    }

    /// After a sign-up the page comes back with the same event chosen, for the next volunteer; the form
    /// names a volunteer's organization as the rest of the app does (志愿组织).
    @Test func aSignUpComesBackWithItsEventStillChosen() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(title: "科普日", kind: .scienceDay, start: CalendarDate(year: 2023, month: 9, day: 16)!))
        _ = try ledger.events.add(
            NewEvent(title: "科普讲座", kind: .other, start: CalendarDate(year: 2023, month: 10, day: 12)!))
        _ = try ledger.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001", org: nil))
        _ = try ledger.volunteers.add(NewVolunteer(name: "王芳", phone: "13800000002", org: nil))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<label>志愿组织<input name=\"org\""))
                #expect(!r.text.contains("<option value=\"2\" selected>"))
            }
            for volunteer in ["1", "2"] {
                try await client.execute(
                    uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "volunteer": volunteer, "event": "2", "hours": "2"])
                ) { r in
                    #expect(r.status == .seeOther)
                    #expect(r.headers[.location] == "/volunteers?event=2#notice")
                }
                try await client.execute(uri: "/volunteers?event=2", method: .get, headers: cookie) { r in
                    #expect(r.text.contains("已登记报名"))
                    #expect(r.text.contains("<option value=\"2\" selected>"))
                    #expect(!r.text.contains("<option value=\"1\" selected>"))
                    // Only the event is kept: the next volunteer and their hours are typed anew.
                    #expect(r.text.contains("<input name=\"hours\" value=\"\">"))
                }
            }
        }
        #expect(try ledger.volunteers.list(RecordFilter()).map(\.hoursCenti) == [200, 200])
    }
}
