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
        subcommands: [UserAdd.self, UserList.self, UserPasswd.self, UserDisable.self, UserToken.self])
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
        let who = try Parse.text(name, field: "NAME")
        let r = try UserRole.parse(role, field: "--role")
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
        discussion: "示例 · Example:\n  kepu user passwd 李干事")
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

struct UserToken: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "token",
        abstract: "生成 API 令牌，单独输出在标准输出 · Issue an API token, printed alone on stdout.",
        discussion: """
            示例 · Example:
              token=$(kepu user token 李干事)
              curl -H "Authorization: Bearer $token" http://127.0.0.1:8080/api/v1/reconcile?year=2023
            """)
    @Argument(help: ArgumentHelp("用户名 · The user's name.", valueName: "name")) var name: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let token = try options.ledger().users.newToken(name: name)
        console.out(token)
        console.say(.tokenIssued(name: name))
    }
}
