import Foundation
import KepuStore
import Testing

@testable import KepuCLI
@testable import KepuCore

/// `kepu user passwd NAME [--password-stdin]`: an admin's reset from the command line, the new
/// password read as one line of standard input in a script.
@Suite struct PasswordCommandTests {
    func workspace() -> Workspace {
        let w = Workspace().seeded()
        w.stdin = ["battery staple"]
        _ = w.ok("user add 李干事 --role clerk --password-stdin")
        return w
    }

    @Test func aNewPasswordIsReadFromStdinAuditedAndNeverShown() throws {
        let w = workspace()
        let ledger = try w.ledger()
        let session = try ledger.sessions.start(userID: 1)
        // A line from a Windows script ends in CR: it is not part of the password.
        w.stdin = ["correct horse\r"]
        let r = w.run("user passwd 李干事 --password-stdin")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.isEmpty)
        #expect(r.err == "已修改 李干事 的密码；其已登录的会话和 API 令牌均已作废\n")
        #expect(!r.err.contains("correct horse"))
        #expect(try ledger.users.user(name: "李干事", password: "correct horse") != nil)
        #expect(try ledger.users.user(name: "李干事", password: "battery staple") == nil)
        #expect(try ledger.sessions.find(session) == nil)
        // Audited as the one who ran it, by the command; the audit trail holds no hash.
        let sql = """
            SELECT count(*) FROM audit
            WHERE entity = 'app_user' AND operator = '测试员' AND command LIKE '%user passwd%'
            """
        #expect(try count(w.db, sql) == 1)
        #expect(try count(w.db, "SELECT count(*) FROM audit WHERE before LIKE '%$2b$%' OR after LIKE '%$2b$%'") == 0)
        // Run again: the latest password is the one.
        w.stdin = ["correct horse 2"]
        _ = w.ok("user passwd 李干事 --password-stdin")
        #expect(try ledger.users.user(name: "李干事", password: "correct horse 2") != nil)
    }

    @Test func aBadPasswordOrAnUnknownUserChangesNothing() {
        let w = workspace()
        w.stdin = ["short", "short"]
        w.refuses(
            "user passwd 李干事 --password-stdin", code: 64, zh: "kepu：密码至少 8 个字符，且不能全是同一个字符",
            en: "kepu: a password needs at least 8 characters, not all the same")
        let long = String(repeating: "科普", count: 13)  // 78 bytes
        w.stdin = [long, long]
        w.refuses(
            "user passwd 李干事 --password-stdin", code: 64, zh: "kepu：密码太长：最多 72 个字节（约 24 个汉字）",
            en: "kepu: the password is too long: at most 72 bytes")
        w.stdin = []
        w.refuses(
            "user passwd 李干事 --password-stdin", code: 64,
            zh: "kepu：请输入密码：在终端上运行时会提示输入；脚本里请加 --password-stdin，从标准输入读一行",
            en:
                "kepu: a password is needed: on a terminal you are asked for it; in a script add --password-stdin and give one line on standard input"
        )
        w.stdin = ["good password", "good password"]
        w.refuses(
            "user passwd 王五 --password-stdin", code: 1, zh: "kepu：没有用户 王五（见 kepu user list）",
            en: "kepu: there is no user 王五 (see kepu user list)")
    }
}
