import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuCore

/// The web app's users, managed from the command line.
@Suite struct UserTests {
    @Test func usersAreAddedListedAndDisabledWithTheirSecretsHashed() throws {
        let w = Workspace().seeded()
        w.stdin = ["correct horse"]
        let r = w.run("user add 张主任 --role 管理员 --password-stdin")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\n")
        #expect(r.err == "已添加用户 张主任（管理员）\n")
        w.stdin = ["battery staple"]
        _ = w.ok("user add 李干事 --role clerk --password-stdin")
        // bcrypt, cost 12; never the password itself, and the audit trail holds no hash.
        let hash = try DatabaseQueue(path: w.db).read {
            try String.fetchOne($0, sql: "SELECT password_hash FROM app_user WHERE name = '李干事'")
        }
        #expect(hash?.hasPrefix("$2b$12$") == true)
        #expect(
            try count(w.db, "SELECT count(*) FROM audit WHERE after LIKE '%password_hash%' OR after LIKE '%$2b$%'") == 0
        )
        #expect(try count(w.db, "SELECT count(*) FROM audit WHERE entity = 'app_user'") == 2)

        let token = w.ok("user token 李干事")
        #expect(token.hasPrefix("kepu_") && token.count == 69)
        #expect(try count(w.db, "SELECT count(*) FROM api_token WHERE token_hash = '\(token)'") == 0)
        let list = w.ok("user list")
        #expect(list.contains("李干事") && list.contains("录入员") && list.contains("正常"))

        let ledger = try w.ledger()
        #expect(try ledger.users.user(token: token)?.name == "李干事")
        #expect(try ledger.users.user(name: "李干事", password: "battery staple")?.role == .clerk)
        #expect(try ledger.users.user(name: "李干事", password: "wrong password") == nil)
        #expect(try ledger.users.user(name: "王五", password: "battery staple") == nil)

        w.stdin = ["new password 2"]
        _ = w.ok("user passwd 李干事 --password-stdin")
        #expect(try ledger.users.user(name: "李干事", password: "new password 2") != nil)
        _ = w.ok("user disable 李干事")
        #expect(try ledger.users.user(token: token) == nil)
        #expect(try ledger.users.user(name: "李干事", password: "new password 2") == nil)
        #expect(w.ok("user list").contains("已停用"))
    }

    @Test func badUsersAndPasswordsAreRefused() {
        let w = Workspace().seeded()
        w.stdin = ["short", "short"]
        w.refuses(
            "user add 甲 --role clerk --password-stdin", code: 64, zh: "kepu：密码至少 8 个字符，且不能全是同一个字符",
            en: "kepu: a password needs at least 8 characters, not all the same")
        w.refuses(
            "user add 甲 --role clerk", code: 64,
            zh: "kepu：请输入密码：在终端上运行时会提示输入；脚本里请加 --password-stdin，从标准输入读一行",
            en:
                "kepu: a password is needed: on a terminal you are asked for it; in a script add --password-stdin and give one line on standard input"
        )
        w.refuses(
            "user add 甲 --role boss --password-stdin", code: 64,
            zh: "kepu：--role boss 不是角色：可用 录入员(clerk)、审核员(reviewer)、管理员(admin)",
            en: "kepu: --role \"boss\" is not a role: use clerk|reviewer|admin")
        w.stdin = ["aaaaaaaaaa", "aaaaaaaaaa"]
        w.refuses(
            "user add 甲 --role clerk --password-stdin", code: 64, zh: "kepu：密码至少 8 个字符，且不能全是同一个字符",
            en: "kepu: a password needs at least 8 characters, not all the same")
        w.stdin = ["good password", "good password"]
        _ = w.ok("user add 甲 --role clerk --password-stdin")
        w.stdin = ["good password", "good password"]
        w.refuses(
            "user add 甲 --role admin --password-stdin", code: 1, zh: "kepu：已有用户 甲（用户名不分大小写）",
            en: "kepu: there is already a user 甲 (names ignore case)")
        w.refuses(
            "user token 乙", code: 1, zh: "kepu：没有用户 乙（见 kepu user list）",
            en: "kepu: there is no user 乙 (see kepu user list)")
        _ = w.ok("user disable 甲")
        w.refuses("user disable 甲", code: 1, zh: "kepu：用户 甲 已停用", en: "kepu: the user 甲 is disabled")
        w.refuses("user token 甲", code: 1, zh: "kepu：用户 甲 已停用", en: "kepu: the user 甲 is disabled")
    }

    @Test func noUsersSaysHowToAddOne() {
        let w = Workspace().seeded()
        let r = w.run("user list")
        #expect(r.err == "还没有用户；添加：kepu user add 姓名 --role admin\n")
    }

    @Test func aTooLongPasswordAndABadListenAddressAreRefused() {
        let w = Workspace().seeded()
        let long = String(repeating: "科普", count: 13)  // 78 bytes
        w.stdin = [long, long]
        w.refuses(
            "user add 甲 --role clerk --password-stdin", code: 64, zh: "kepu：密码太长：最多 72 个字节（约 24 个汉字）",
            en: "kepu: the password is too long: at most 72 bytes")
        w.refuses(
            "serve --listen localhost", code: 64,
            zh: "kepu：--listen localhost 不是监听地址：应为 主机:端口，如 127.0.0.1:8080 或 0.0.0.0:8080",
            en:
                "kepu: --listen localhost is not an address to listen on: write HOST:PORT, such as 127.0.0.1:8080 or 0.0.0.0:8080"
        )
        let before = w.fingerprint()
        let bad = w.run(["serve", "--max-upload", "二十"])
        #expect(
            bad.code == 64 && bad.err.hasPrefix("kepu：--max-upload 二十") && bad.err.split(separator: "\n").count == 1)
        let huge = w.run(["serve", "--max-upload", "999999"])
        #expect(huge.code == 64 && huge.err.contains("--max-upload 999999"), "\(huge.err)")
        #expect(w.fingerprint() == before)
    }

    @Test func aNewPasswordOrADisableEndsSessionsAndTokens() throws {
        let w = Workspace().seeded()
        w.stdin = ["correct horse"]
        _ = w.ok("user add 张主任 --role admin --password-stdin")
        w.stdin = ["battery staple"]
        _ = w.ok("user add 李干事 --role clerk --password-stdin")
        let ledger = try w.ledger()
        let first = w.ok("user token 李干事")
        let second = w.ok("user token 李干事")
        let session = try ledger.sessions.start(userID: 2)
        #expect(try ledger.sessions.find(session) != nil)
        w.stdin = ["new password 2"]
        let r = w.run("user passwd 李干事 --password-stdin")
        #expect(r.err == "已修改 李干事 的密码；其已登录的会话和 API 令牌均已作废\n")
        #expect(try ledger.sessions.find(session) == nil)
        #expect(try ledger.users.user(token: first) == nil)
        #expect(try ledger.users.user(token: second) == nil)
        // Tokens are listed by id with their times, never shown again; one can be revoked alone.
        let third = w.ok("user token 李干事")
        let fourth = w.ok("user token 李干事")
        let list = w.ok("user tokens 李干事")
        #expect(list.contains("已作废") && list.contains("有效") && !list.contains("kepu_"), "\(list)")
        let r2 = w.run("user token 李干事 --revoke 4")
        #expect(r2.code == 0 && r2.err == "已作废 李干事 的 API 令牌 4\n", "\(r2.err)")
        #expect(try ledger.users.user(token: fourth) == nil)
        #expect(try ledger.users.user(token: third)?.name == "李干事")
        w.refuses(
            "user token 李干事 --revoke 4", zh: "kepu：API 令牌 4 已作废", en: "kepu: the API token 4 is already revoked")
        w.refuses(
            "user token 李干事 --revoke 99", zh: "kepu：李干事 没有编号为 99 的 API 令牌（见 kepu user tokens 李干事）",
            en: "kepu: 李干事 has no API token 99 (see kepu user tokens 李干事)")
        // Disabled: sessions and tokens end; enabled again: the tokens stay revoked.
        let again = try ledger.sessions.start(userID: 2)
        #expect(w.run("user disable 李干事").err == "已停用用户 李干事，并结束其会话、作废其 API 令牌\n")
        #expect(try ledger.sessions.find(again) == nil)
        #expect(try ledger.users.user(token: third) == nil)
        #expect(w.run("user enable 李干事").err == "已重新启用用户 李干事（API 令牌须重新生成）\n")
        #expect(try ledger.users.user(name: "李干事", password: "new password 2") != nil)
        #expect(try ledger.users.user(token: third) == nil)
        w.refuses(
            "user enable 李干事", zh: "kepu：用户 李干事 没有停用，无需启用", en: "kepu: the user 李干事 is not disabled")
        // The last active admin stays.
        w.refuses(
            "user disable 张主任", zh: "kepu：张主任 是最后一位在用的管理员，不能停用；请先添加另一位管理员",
            en: "kepu: 张主任 is the last active admin and cannot be disabled; add another admin first")
        w.stdin = ["second admin pw"]
        _ = w.ok("user add 王主任 --role admin --password-stdin")
        _ = w.ok("user disable 张主任")
        #expect(w.ok("user tokens 张主任").isEmpty)
    }

    @Test func unlockClearsANamesFailures() throws {
        let w = Workspace().seeded()
        w.stdin = ["battery staple"]
        _ = w.ok("user add 李干事 --role clerk --password-stdin")
        let ledger = try w.ledger()
        let now = Date()
        for _ in 0..<5 { try ledger.signIns.fail(name: "李干事", address: "10.0.0.7", now: now) }
        guard case .wait = try ledger.signIns.check(name: "李干事", address: "10.0.0.7", now: now) else {
            Issue.record("not waiting")
            return
        }
        let r = w.run("user unlock 李干事")
        #expect(r.err == "已解除 李干事 的登录等待（清除了 5 次失败记录）\n")
        #expect(try ledger.signIns.check(name: "李干事", address: "10.0.0.7", now: now) == .open)
        #expect(try count(w.db, "SELECT count(*) FROM audit WHERE entity = 'login'") >= 2)
        let en = w.run("user unlock 李干事 --lang en")
        #expect(en.err == "李干事 may sign in again at once (0 failures cleared)\n")
    }
}
