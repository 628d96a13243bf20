import Foundation
import Hummingbird
import KepuCore
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let setUp = Label("科普工作台账 · 首次设置", "kepu · First setup")
    fileprivate static let setUpExplained = Label(
        "这是 kepu 的首次设置：请为本单位建立第一个管理员账户。建好后这个页面随即失效，其他同事由管理员在“用户”页添加。",
        "This is kepu's first setup: make the office's first admin. Once made, this page is gone; the admin adds colleagues on the Users page."
    )
    fileprivate static let adminName = Label("管理员用户名", "Admin's user name")
    fileprivate static let password = Label("密码（至少 8 个字符）", "Password (at least 8 characters)")
    fileprivate static let passwordAgain = Label("再输入一次密码", "The password again")
    fileprivate static let create = Label("建立管理员", "Make the admin")
    fileprivate static let nameField = Label("管理员用户名", "admin's user name")
}

/// The first admin, made in the browser: when the database has no user, `kepu serve` prints a link
/// `/setup/TOKEN` (good for an hour, once) on its console and in the journal. Its page makes the first
/// admin and is gone after; without the token, with another, after its hour, or once any user
/// exists, it is 404 like any page that isn't there.
public final class SetupLink: @unchecked Sendable {
    private let lock = NSLock()
    public let token: String
    let expires: Date
    private var used = false

    /// A new link, good for `life` seconds.
    public init(life: TimeInterval = 3600, now: Date = Date()) {
        token = SessionService.random(24)
        expires = now.addingTimeInterval(life)
    }

    init(token: String, expires: Date) {
        self.token = token
        self.expires = expires
    }

    /// Whether `candidate` is this link's token, unused and in its hour.
    func admits(_ candidate: String, now: Date = Date()) -> Bool {
        lock.withLock { !used && now < expires && sameSecret(candidate, token) }
    }

    /// Gives a spent link back, when what it was spent on failed.
    func unspend() { lock.withLock { used = false } }

    /// Spends the link: true the first time.
    func spend() -> Bool {
        lock.withLock {
            guard !used else { return false }
            used = true
            return true
        }
    }
}

struct SetupPages: Sendable {
    let web: Web
    var ledger: Ledger { web.ledger }
    var lang: Language { web.settings.language }

    /// The link's page, if it is one: else 404, whatever was wrong.
    func admitted(_ context: WebContext) throws -> (SetupLink, String) {
        let token = try context.parameters.require("token")
        guard let link = web.settings.setup, link.admits(token), try ledger.users.list().isEmpty else {
            throw HTTPError(.notFound)
        }
        return (link, token)
    }

    /// `GET /setup/{token}`
    func form(_ request: Request, _ context: WebContext) async throws -> Response {
        let (_, token) = try admitted(context)
        return page(token: token, error: nil, name: "", status: .ok)
    }

    /// `POST /setup/{token}` (name, password, again): the first admin, then the sign-in page.
    func create(_ request: Request, _ context: WebContext) async throws -> Response {
        let (link, token) = try admitted(context)
        let fields = try await formFields(request)
        let name = String(CSVColumns.trim(TypedText.clean(fields["name"] ?? "", lines: false)).prefix(100))
        do {
            guard !name.isEmpty else { throw KepuError(.empty(field: lang.field(.nameField))) }
            let password = fields["password"] ?? ""
            guard password == fields["again"] ?? "" else { throw KepuError(.passwordsDiffer) }
            try UserPassword.check(password)
            guard link.spend() else { throw HTTPError(.notFound) }
            let setup = Ledger(
                database: ledger.database,
                context: AuditContext(
                    operatorName: name, command: "web: POST /setup", now: ledger.context.now,
                    today: ledger.context.today))
            do { _ = try setup.users.add(name: name, role: .admin, password: password) } catch {
                // Not made (the database busy): the link stays good for another try.
                link.unspend()
                throw error
            }
            return Response(status: .seeOther, headers: [.location: "/login"])
        } catch let e as KepuError where !e.isDatabaseFailure {
            return page(token: token, error: e.text(lang, for: .web), name: name, status: e.webStatus)
        }
    }

    func page(token: String, error: String?, name: String, status: HTTPResponse.Status) -> Response {
        let body: HTML = """
            <form method="post" action="/setup/\(token)" class="login">
            <h1>\(lang.t(.setUp))</h1>
            <p class="sub">\(lang.t(.setUpExplained))</p>
            \(error.map(web.error) ?? HTML())
            <label>\(lang.t(.adminName))<input name="name" autocomplete="username" required maxlength="100" value="\(name)"></label>
            <label>\(lang.t(.password))<input name="password" type="password" autocomplete="new-password" required></label>
            <label>\(lang.t(.passwordAgain))<input name="again" type="password" autocomplete="new-password" required></label>
            <button type="submit">\(lang.t(.create))</button>
            </form>
            """
        var response = Page.response(
            status: status, Page.document(title: lang.t(.setUp), user: nil, csrf: nil, body: body, heading: false))
        response.headers[.cacheControl] = "no-store"
        response.headers[.init("Referrer-Policy")!] = "no-referrer"
        return response
    }
}
