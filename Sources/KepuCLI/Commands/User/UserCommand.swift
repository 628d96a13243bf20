import ArgumentParser
import KepuCore
import KepuReport

struct UserCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "user",
        abstract: "网页版的用户和 API 令牌 · Users of the office web app, and API tokens.",
        discussion: """
            角色：录入员（clerk）录入和更正；审核员（reviewer）还可写偏差说明、人工评分和封账；管理员（admin）还可管理用户和解除封账。
            Roles: a clerk records and corrects; a reviewer also writes notes and manual scores and locks a year; an admin also manages users and unlocks years.
            """,
        subcommands: [
            UserAdd.self, UserList.self, UserPasswd.self, UserDisable.self, UserEnable.self, UserToken.self,
            UserTokens.self, UserUnlock.self,
        ])
}

/// The password: one line of standard input with `--password-stdin`, else asked twice on a terminal.
func readPassword(stdin: Bool) throws -> String {
    let rt = Runtime.current
    if stdin {
        guard let line = rt.readInput(), !line.isEmpty else { throw KepuError(.passwordNeeded) }
        return line.hasSuffix("\r") ? String(line.dropLast()) : line
    }
    guard rt.stdinIsTerminal else { throw KepuError(.passwordNeeded) }
    let lang = Language.current
    guard let first = rt.readSecret(lang.t("密码：", "Password: ")), !first.isEmpty else {
        throw KepuError(.passwordNeeded)
    }
    try UserPassword.check(first)
    guard rt.readSecret(lang.t("再输一次：", "Again: ")) == first else { throw KepuError(.passwordsDiffer) }
    return first
}

struct UserAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "添加用户 · Add a user.",
        discussion: """
            密码至少 8 个字符；在终端上会提示输入两次，脚本里用 --password-stdin 从标准输入读一行。
            A password has at least 8 characters: asked twice on a terminal, or one line on stdin with --password-stdin.

            示例 · Example:
              kepu user add 张主任 --role admin
              printf '%s\\n' "$PW" | kepu user add 李干事 --role clerk --password-stdin
            """)
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("角色 · clerk（录入员）| reviewer（审核员）| admin（管理员）", valueName: "role"))
    var role: String
    @Flag(help: "从标准输入读密码（一行）· Read the password as one line of stdin.") var passwordStdin = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let who = try Parse.text(name, field: .named("NAME"))
        let r = try UserRole.parse(role, field: .named("--role"))
        let ledger = try options.ledger()
        let password = try readPassword(stdin: passwordStdin)
        let id = try ledger.users.add(name: who, role: r, password: password)
        console.added(id, .userAdded(name: who, role: r))
    }
}

struct UserList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "列出用户 · List the users.", discussion: "示例 · Example:\n  kepu user list")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let users = try options.ledger().users.list()
        guard !users.isEmpty else {
            console.say(.noUsers)
            return
        }
        let t = ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("用户名", "Name")), .init(lang.t("角色", "Role")),
                .init(lang.t("状态", "Status")), .init(lang.t("API 令牌", "API tokens"), .right),
                .init(lang.t("添加时间", "Added")),
            ],
            rows: users.map { u in
                [
                    Cell(String(u.id)), Cell(u.name), Cell(lang.t(u.role.chinese, u.role.rawValue)),
                    u.disabledAt == nil
                        ? Cell(lang.t("正常", "active"))
                        : Cell(lang.t("已停用", "disabled"), .warn),
                    Cell(String(u.activeTokens)), Cell(RecordTables.localTime(u.createdAt)),
                ]
            })
        console.out(TextRenderer(maxWidth: console.textWidth).render(t))
    }
}

struct UserPasswd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passwd",
        abstract: "修改用户密码 · Change a user's password.",
        discussion: """
            新密码至少 8 个字符；在终端上会提示输入两次，脚本里用 --password-stdin 从标准输入读一行。该用户已登录的会话全部结束，API 令牌全部作废（管理员在网页“用户”页重设密码时，API 令牌保留）。
            A new password has at least 8 characters: asked twice on a terminal, or one line on stdin with --password-stdin. The user's sessions end and its API tokens are revoked (a reset on the web's Users page keeps the tokens).

            示例 · Example:
              kepu user passwd 李干事
              printf '%s\\n' "$PW" | kepu user passwd 李干事 --password-stdin
            """)
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @Flag(help: "从标准输入读密码（一行）· Read the password as one line of stdin.") var passwordStdin = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let password = try readPassword(stdin: passwordStdin)
        try ledger.users.setPassword(name: name, password: password)
        console.say(.passwordChanged(name: name))
    }
}

struct UserDisable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "disable",
        abstract: "停用用户（并作废其令牌）· Disable a user and revoke its tokens.",
        discussion: "示例 · Example:\n  kepu user disable 李干事")
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try options.ledger().users.disable(name: name)
        console.say(.userDisabled(name: name))
    }
}

struct UserEnable: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "enable",
        abstract: "重新启用已停用的用户 · Enable a disabled user again.",
        discussion: "其旧 API 令牌仍作废，需要时重新生成。· Its old tokens stay revoked.\n\n示例 · Example:\n  kepu user enable 李干事")
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        try options.ledger().users.enable(name: name)
        console.say(.userEnabled(name: name))
    }
}

struct UserToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "生成 API 令牌，单独输出在标准输出；--revoke 作废一个 · Issue an API token (printed alone), or revoke one.",
        discussion: """
            示例 · Example:
              token=$(kepu user token 李干事)
              curl -H "Authorization: Bearer $token" http://127.0.0.1:8080/api/v1/reconcile?year=2023
              kepu user tokens 李干事            # 编号、生成和最近使用时间 · ids, created, last used
              kepu user token 李干事 --revoke 3
            """)
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @Option(help: ArgumentHelp("作废这个编号的令牌 · Revoke the token with this id.", valueName: "id"))
    var revoke: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        if let revoke {
            let id = try recordID(revoke, field: .named("--revoke"))
            try options.ledger().users.revokeToken(name: name, id: id)
            console.say(.tokenRevokedNotice(name: name, id: id))
            return
        }
        let token = try options.ledger().users.newToken(name: name)
        console.out(token)
        console.say(.tokenIssued(name: name))
    }
}

struct UserTokens: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "tokens",
        abstract: "列出用户的 API 令牌（不显示令牌本身）· List a user's API tokens (never the tokens).",
        discussion: "示例 · Example:\n  kepu user tokens 李干事")
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let tokens = try options.ledger().users.tokens(name: name)
        guard !tokens.isEmpty else {
            console.say(.noTokens(name: name))
            return
        }
        let t = ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("生成时间", "Created")),
                .init(lang.t("最近使用", "Last used")), .init(lang.t("状态", "Status")),
            ],
            rows: tokens.map { k in
                [
                    Cell(String(k.id)), Cell(RecordTables.localTime(k.createdAt)),
                    Cell(k.lastUsedAt.map { RecordTables.localTime($0) } ?? "—"),
                    k.revokedAt == nil
                        ? Cell(lang.t("有效", "active"))
                        : Cell(lang.t("已作废", "revoked") + " " + RecordTables.localTime(k.revokedAt!), .warn),
                ]
            })
        console.out(TextRenderer(maxWidth: console.textWidth).render(t))
    }
}

struct UserUnlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "解除用户名因登录失败过多而要等待的限制 · Let a name sign in again after too many failures.",
        discussion: """
            同一用户名在同一地址连续失败 5 次后，在该地址等待 15 分钟；同一地址失败 20 次后，该地址的所有用户名等待 15 分钟。
            After 5 failures of a name from one address it waits 15 minutes there; after 20 from one address, every name waits there.

            示例 · Example:
              kepu user unlock 李干事
            """)
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let n = try options.ledger().signIns.unlock(name: name)
        console.say(.userUnlocked(name: name, failures: n))
    }
}
