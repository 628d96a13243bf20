import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore
import NIOPosix

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let sendAgain = Label("重新提交", "Send again")
    fileprivate static let goSignIn = Label("去登录", "Sign in")
    fileprivate static let unlockSelfEvaluation = Label("去“自评”页解除封账", "Unlock it on the Self-evaluation page")
    fileprivate static let backOverview = Label("回到概览", "Back to the overview")
    fileprivate static let notFound = Label("没有找到", "Not found")
    fileprivate static let notAllowed = Label("不能这样做", "Not allowed")
    fileprivate static let tryAgainLater = Label("请稍后再试", "Try again later")
    fileprivate static let databaseUnavailable = Label(
        "数据库暂时无法应答（可能正有大批导入或备份），请稍后刷新再试；未写入任何内容。如果一直这样，请联系管理员。",
        "The database cannot answer just now (a large import or a backup may be running): reload in a moment. Nothing was written. If it goes on, tell the administrator."
    )
    fileprivate static let locked = Label("已封账", "Locked")
    fileprivate static let tooLarge = Label("文件太大", "Too large")
    fileprivate static let serverError = Label("服务器出错", "Server error")
    fileprivate static let notDone = Label("没有完成", "Not done")
    fileprivate static let pageExpired = Label(
        "这个页面打开太久（或已重新登录），表单已失效，没有保存任何内容；请重新打开页面，再选择文件上传",
        "this page was open too long (or you signed in again): nothing was saved; open the page again and choose the file again"
    )
    fileprivate static let pageExpiredKeptTyped = Label(
        "这个页面打开太久（或已重新登录），表单已失效，没有保存任何内容；你填写的内容保留在下面，点“重新提交”即可",
        "this page was open too long (or you signed in again): nothing was saved; what you typed is kept below, send it again"
    )
    fileprivate static let signInFirst = Label("请先登录", "sign in first")
    fileprivate static let noSuchPage = Label(
        "没有这个页面：地址可能输错了；请从上面的菜单进入", "no such page: the address may be mistyped; use the menu above")
    fileprivate static let yourRoleCannot = Label(
        "你的角色不能打开这个页面或做这件事；需要时请找管理员", "your role cannot open this page or do this; ask an admin if you need to")
    fileprivate static let apiTokenNeeded = Label(
        "需要 API 令牌：请求头 Authorization: Bearer 令牌（kepu user token 生成）",
        "an API token is needed: the header Authorization: Bearer TOKEN (made by kepu user token)")
    fileprivate static let bodyMustJson = Label(
        "请求体须为 JSON（Content-Type: application/json）；未写入任何内容",
        "the body must be JSON (Content-Type: application/json); nothing was written")
    fileprivate static let badRequest = Label("请求有误", "bad request")
    fileprivate static let malformedRequest = Label("请求格式有误", "malformed request")
    fileprivate static func apiBodyTooLarge(_ kib: Int) -> Label {
        Label(
            "请求体太大：API 的请求体最多 \(kib) KiB；未写入任何内容",
            "the body is too large: an API body is at most \(kib) KiB; nothing was written")
    }
    fileprivate static func fileTooLarge(_ mib: Int) -> Label {
        Label("文件太大：每个文件最多 \(mib) MiB；未写入任何内容", "the file is too large: at most \(mib) MiB; nothing was written")
    }
}

/// What a request knows once the session or token middleware has run.
public struct WebContext: RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// The signed-in user (a session cookie or an API token), if any. Setting it notes the user's id
    /// for the request's log line.
    public var user: UserItem? {
        didSet { note.userID = user?.id }
    }
    /// Shared by every copy of the context: what the log line says of the request.
    let note = RequestNote()
    /// The session's form token, checked on every form POST.
    public var csrf: String?
    public var sessionID: String?
    /// The peer's IP address, as the socket says (no port).
    public var peerAddress: String?
    /// The host and port the browser asked for (`192.168.1.20:8080`), on signed-in pages.
    var authority: String?
    /// A signed-in form POST's fields, read and checked by `FormTokenMiddleware`.
    var form: [String: String]?
    /// A signed-in multipart POST's parts, read and checked by `FormTokenMiddleware`.
    var parts: [String: FormPart]?

    public init(source: Source) {
        coreContext = .init(source: source)
        peerAddress = source.channel.remoteAddress?.ipAddress
    }
}

/// The settings `kepu serve` gives the app.
public struct WebSettings: Sendable {
    public var secureCookies: Bool
    public var language: Language
    /// The largest file an upload may carry, in MiB (`kepu serve --max-upload`).
    public var maxUploadMiB: Int
    /// A reverse proxy in front (`--trusted-proxy`): from it, the client is the last address of
    /// `X-Forwarded-For`. From anyone else that header is ignored.
    public var trustedProxy: String?
    /// Where uploads wait for their confirmation: beside the database (`kepu serve`), else a private
    /// temporary folder.
    public var uploadFolder: String?
    /// How long a request waits for its import job before it sends the browser to the job's page.
    public var jobPatience: Duration = .seconds(1)
    /// The address phones reach this server at (`kepu serve --public-url`), for a door's link; else
    /// the address the office's browser used.
    public var publicURL: String?
    /// The first admin's setup link, while the database has no user (`kepu serve` makes it).
    public var setup: SetupLink?
    /// One line a request on standard error (`kepu serve`; not in tests).
    public var logRequests = false
    /// The door's limits a minute: attempts per phone, sign-ins per door, POSTs per client address.
    var doorLimits = (phone: 5, door: 600, address: 300)
    /// The time the door's bucket refills by (a test holds it still).
    var doorClock: @Sendable () -> Date = { Date() }
    public init(
        secureCookies: Bool = false, language: Language = .zh, maxUploadMiB: Int = 20, trustedProxy: String? = nil,
        uploadFolder: String? = nil
    ) {
        self.secureCookies = secureCookies
        self.language = language
        self.maxUploadMiB = maxUploadMiB
        self.trustedProxy = trustedProxy
        self.uploadFolder = uploadFolder
    }

    /// The uploads folder beside a database: `kepu.sqlite` → `.kepu-uploads` in the same folder.
    public static func uploadFolder(beside database: String) -> String {
        (database as NSString).deletingLastPathComponent + "/.kepu-uploads"
    }

    /// The client's address: the peer, or behind the trusted proxy the address it forwarded.
    func clientAddress(_ request: Request, _ context: WebContext) -> String {
        let peer = ClientAddress.normal(context.peerAddress ?? "unknown")
        guard let proxy = trustedProxy, peer == ClientAddress.normal(proxy),
            let forwarded = request.headers[.init("X-Forwarded-For")!]?.split(separator: ",").last
        else { return peer }
        let address = forwarded.trimmingCharacters(in: .whitespaces)
        return address.isEmpty || address.count > 64 ? peer : address
    }
    var maxUploadBytes: Int { maxUploadMiB << 20 }
}

/// The office web app: server-rendered pages that work without JavaScript, and a JSON API, over the
/// same library (and SQLite file) as the command line.
///
/// Pages are built in Swift as `HTML` values, whose interpolation escapes every `String` (and every
/// other value) and keeps only `HTML` as markup: the layouts are few, and templates loaded at run
/// time would need embedding and a second escaping story.
public enum WebApp {
    public static let sessionCookie = "kepu_session"
    public static let loginCookie = "kepu_login"

    /// The routes, in three groups by trust, each behind its middleware, so that a handler cannot
    /// be reached without the check its group makes:
    /// - public: `/healthz`, `/lang`, the stylesheet, and sign-in (`/login`, `/logout`), where a
    ///   session is looked up but not required;
    /// - signed in: every page; no session, no handler (pages go to `/login`);
    /// - API (`/api/v1`): `Authorization: Bearer` only, never the session cookie, and JSON bodies only.
    public static func router(ledger: Ledger, settings: WebSettings = WebSettings()) -> Router<WebContext> {
        router(ledger: ledger, settings: settings, table: RouteTable())
    }

    /// The router, and in `table` the signed-in routes with the role each needs.
    static func router(ledger: Ledger, settings: WebSettings, table: RouteTable) -> Router<WebContext> {
        let router = Router(context: WebContext.self)
        let gate = PasswordGate()
        if settings.logRequests { router.add(middleware: RequestLogMiddleware()) }
        router.add(middleware: SecurityHeadersMiddleware(hsts: settings.secureCookies))
        // Every handler, and the middleware after this one, on threads of its own (see BlockingExecutor).
        router.add(middleware: BlockingWorkMiddleware())
        router.add(middleware: LanguageMiddleware())
        router.add(
            middleware: ErrorMiddleware(lang: settings.language, maxUploadMiB: settings.maxUploadMiB, ledger: ledger))
        // Healthy only when the database answers: a monitor (or systemd) sees a server that can't work.
        router.get("healthz") { _, _ in
            guard ledger.database.isAnswering() else {
                return Response(
                    status: .serviceUnavailable, headers: [.contentType: "text/plain; charset=utf-8"],
                    body: .init(byteBuffer: ByteBuffer(string: "database unavailable\n")))
            }
            return Response(
                status: .ok, headers: [.contentType: "text/plain; charset=utf-8"],
                body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        router.get("lang") { request, _ in switchLanguage(request, secure: settings.secureCookies) }
        router.get("static/kepu.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: Page.css)))
        }
        // The printable page's 打印 button: the one script the app serves, from its own address (no inline
        // script is ever allowed).
        router.get("static/print.js") { _, _ in
            Response(
                status: .ok,
                headers: [.contentType: "text/javascript; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(
                    byteBuffer: ByteBuffer(
                        string:
                            "document.getElementById('print').addEventListener('click', function () { window.print(); });\n"
                    )))
        }
        router.get("static/door.css") { _, _ in
            Response(
                status: .ok, headers: [.contentType: "text/css; charset=utf-8", .cacheControl: "max-age=3600"],
                body: .init(byteBuffer: ByteBuffer(string: DoorPages.css)))
        }
        let web = Web(ledger: ledger, settings: settings, flash: Flash())
        // 扫码签到: the public phone pages, no session looked up at all.
        let door = DoorPages(
            web: web,
            limits: DoorLimits(
                phone: RateWindow(limit: settings.doorLimits.phone),
                door: TokenBucket(perMinute: settings.doorLimits.door, clock: settings.doorClock),
                address: RateWindow(limit: settings.doorLimits.address)))
        router.get("d/:token") { request, context in try await door.page(request, context) }
        router.post("d/:token") { request, context in try await door.signIn(request, context) }
        router.get("v/:token") { request, context in try await door.callPage(request, context) }
        router.post("v/:token") { request, context in try await door.answerCall(request, context) }
        let setup = SetupPages(web: web)
        router.get("setup/:token") { request, context in try await setup.form(request, context) }
        router.post("setup/:token") { request, context in try await setup.create(request, context) }
        let pages = Pages(web: web, gate: gate)
        let signIn = router.group().add(middleware: SessionMiddleware(ledger: ledger, required: false))
        signIn.get("login") { request, context in try pages.loginForm(request, context) }
        signIn.post("login") { request, context in try await pages.login(request, context) }
        signIn.post("logout") { request, context in try await pages.logout(request, context) }
        signIn.get("logout") { request, context in try pages.logoutForm(request, context) }
        // The signed-in pages: each group registers its own routes, behind the checks of `PageRoutes`.
        let routes = PageRoutes(
            signedIn: router.group().add(middleware: SessionMiddleware(ledger: ledger, required: true)),
            maxUploadBytes: settings.maxUploadBytes, table: table)
        let uploads = Uploads(folder: settings.uploadFolder)
        let groups: [any PageGroup] = [
            pages, EventPages(web: web), RecordPages(web: web), PlanPages(web: web, uploads: uploads),
            ImportPages(web: web, uploads: uploads, jobs: ImportJobs(patience: settings.jobPatience)),
            OfficePages(web: web), ReportPages(web: web), SettingsPages(web: web), AccountPages(web: web),
        ]
        for group in groups { group.addRoutes(to: routes) }
        let api = API(web: web)
        let apiGroup = router.group("api/v1").add(middleware: APIMiddleware(ledger: ledger))
        apiGroup.get("reconcile") { request, context in try api.reconcile(request, context) }
        apiGroup.get("report") { request, context in try api.report(request, context) }
        apiGroup.post("events/:id/attendance") { request, context in try await api.addAttendance(request, context) }
        return router
    }
}

/// Finds the session of the cookie. For the signed-in group (`required`), a request without one
/// goes no further: to `/login` for a page.
struct SessionMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let ledger: Ledger
    let required: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let id = request.cookies[WebApp.sessionCookie]?.value, let s = try ledger.sessions.find(id) {
            if s.needsTouch {
                // Off the request's path: a page never waits for the write lock (an import may hold it).
                let sessions = ledger.sessions
                blockingTask { try sessions.touch(id) }
            }
            context.user = s.user
            context.csrf = s.csrf
            context.sessionID = id
        }
        if required && context.user == nil { throw SignInRequired() }
        return try await next(request, context)
    }
}

/// The API's door: `Authorization: Bearer TOKEN` (the scheme in any case) and nothing else, the
/// session cookie never; a body only as `application/json` (415 otherwise), so that no page of any
/// site can post to it as a form.
struct APIMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let ledger: Ledger
    let touches = TouchTimes()

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        if let token = Self.bearer(request.headers[.authorization]) {
            context.user = try ledger.users.user(token: token)
            if context.user != nil, touches.due(token) {
                // When it was last used, off the request's path, at most once a minute a token: a
                // busy script costs no write per request.
                let users = ledger.users
                blockingTask { try users.touchToken(token) }
            }
        }
        guard context.user != nil else { throw HTTPError(.unauthorized) }
        if request.method == .post || request.method == .put || request.method == .patch {
            let type = request.headers[.contentType]?.split(separator: ";").first
                .map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
            guard type == "application/json" else { throw HTTPError(.unsupportedMediaType) }
        }
        return try await next(request, context)
    }

    /// The token of `Bearer TOKEN`, the scheme compared without case (RFC 9110 §11.1).
    static func bearer(_ header: String?) -> String? {
        guard let header else { return nil }
        let parts = header.trimmingCharacters(in: .whitespaces).split(separator: " ", maxSplits: 1)
        guard parts.count == 2, parts[0].lowercased() == "bearer" else { return nil }
        let token = parts[1].trimmingCharacters(in: .whitespaces)
        return token.isEmpty ? nil : token
    }
}

/// When each token was last marked as used by this process: the write is due once a minute.
final class TouchTimes: @unchecked Sendable {
    private let lock = NSLock()
    private var last: [String: Date] = [:]

    func due(_ token: String, now: Date = Date()) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        if let at = last[token], now.timeIntervalSince(at) < 60 { return false }
        if last.count > 10_000 { last.removeAll() }
        last[token] = now
        return true
    }
}

/// What the log line says of a request beyond its head: who made it.
final class RequestNote: @unchecked Sendable {
    var userID: Int64?
}

/// One line a request, as journald keeps it: `GET /events 200 12ms user=3`. The method, the path without
/// its query (a door's, a call's or the setup page's token replaced by `…`), the status, the time and
/// the user's id; never a password, a token or a phone number.
struct RequestLogMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let start = ContinuousClock.now
        var status = 500
        defer {
            let ms = (ContinuousClock.now - start).components
            let millis = ms.seconds * 1000 + ms.attoseconds / 1_000_000_000_000_000
            let line =
                "\(request.method.rawValue) \(Self.path(request.uri.path)) \(status) \(millis)ms"
                + (context.note.userID.map { " user=\($0)" } ?? "") + "\n"
            FileHandle.standardError.write(Data(line.utf8))
        }
        let response = try await next(request, context)
        status = response.status.code
        return response
    }

    /// The path as logged: the secret segment of `/d/`, `/v/` and `/setup/` links replaced by `…`.
    static func path(_ path: String) -> String {
        // By the first part that isn't empty: `//d/TOKEN` reaches the door's page too.
        let parts = path.split(separator: "/")
        if let first = parts.first, ["d", "v", "setup"].contains(first) { return "/\(first)/…" }
        return String(path.prefix(200))
    }
}

/// Headers every response carries: `Referrer-Policy: same-origin`, `X-Content-Type-Options:
/// nosniff`, `Strict-Transport-Security` behind HTTPS (`--secure-cookies`), and for the API
/// `Cache-Control: no-store`.
struct SecurityHeadersMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let hsts: Bool

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var response = try await next(request, context)
        response.headers[.init("Referrer-Policy")!] = "same-origin"
        response.headers[.init("X-Content-Type-Options")!] = "nosniff"
        if hsts { response.headers[.init("Strict-Transport-Security")!] = "max-age=31536000" }
        if request.uri.path.hasPrefix("/api/") { response.headers[.cacheControl] = "no-store" }
        return response
    }
}

/// Failures as a sentence: JSON `{"error": …}` for the API, a page otherwise; never a stack trace.
struct ErrorMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let fallback: Language
    let maxUploadMiB: Int
    /// To find the signed-in user, so that an error page keeps the menu.
    let ledger: Ledger?
    var lang: Language { Web.requestLanguage ?? fallback }

    init(lang: Language, maxUploadMiB: Int = 20, ledger: Ledger? = nil) {
        fallback = lang
        self.maxUploadMiB = maxUploadMiB
        self.ledger = ledger
    }

    /// An error as a page of the app: the menu when signed in, the sentence, and a way on.
    func page(_ status: HTTPResponse.Status, _ text: String, _ request: Request, stale: StaleForm? = nil) -> Response {
        if request.uri.path.hasPrefix("/api/") { return WebError.response(status, text, request: request) }
        // The menu when the session can be found; an error page never fails for want of it (the
        // database may be the error).
        var session: WebSession?
        if let id = request.cookies[WebApp.sessionCookie]?.value, let ledger {
            do { session = try ledger.sessions.find(id) } catch { session = nil }
        }
        var more = HTML()
        if let stale, let session, !stale.fields.isEmpty {
            // What was typed, sent again with this session's token.
            let hidden: [HTML] = stale.fields.sorted { $0.key < $1.key }.map {
                "<input type=\"hidden\" name=\"\($0.key)\" value=\"\($0.value)\">"
            }
            let shown: [HTML] = stale.fields.sorted { $0.key < $1.key }.filter {
                !$0.value.isEmpty && $0.key != "confirm"
            }
            .map { "<li>\($0.value)</li>" }
            more = """
                <ul class="kept">\(shown)</ul>
                <form method="post" action="\(stale.action)" class="confirm"><input type="hidden" name="csrf" value="\(session.csrf)">\(hidden)
                <button type="submit">\(lang.t(.sendAgain))</button></form>
                """
        }
        let back: HTML
        if session == nil {
            back = "<p><a href=\"/login\">\(lang.t(.goSignIn))</a></p>"
        } else if status == .conflict, session?.user.role == .admin {
            back =
                "<p><a href=\"/self-evaluation\">\(lang.t(.unlockSelfEvaluation))</a>　<a href=\"/\">\(lang.t(.backOverview))</a></p>"
        } else {
            back = "<p><a href=\"/\">\(lang.t(.backOverview))</a></p>"
        }
        let title: String
        switch status {
        case .notFound: title = lang.t(.notFound)
        case .forbidden: title = lang.t(.notAllowed)
        case .tooManyRequests, .serviceUnavailable: title = lang.t(.tryAgainLater)
        case .conflict: title = lang.t(.locked)
        case .contentTooLarge: title = lang.t(.tooLarge)
        case .internalServerError: title = lang.t(.serverError)
        default: title = lang.t(.notDone)
        }
        return Page.response(
            status: status,
            Page.document(
                title: title, user: session?.user, csrf: session?.csrf,
                body: "<p class=\"error\" role=\"alert\">\(text)</p>" + more + back, lang: lang))
    }

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        do {
            return try await next(request, context)
        } catch let e as KepuError where e.isDatabaseFailure {
            // Logged in full (the file and SQLite's words); the clerk reads one sentence and tries again.
            context.logger.error("\(Catalogue.text(e.problem, .en))")
            let text = lang.t(.databaseUnavailable)
            var response =
                request.uri.path.hasPrefix("/api/")
                ? WebError.response(.serviceUnavailable, text, request: request)
                : page(.serviceUnavailable, text, request)
            response.headers[.retryAfter] = "5"
            return response
        } catch let e as KepuError {
            if request.uri.path.hasPrefix("/api/") {
                return page(e.apiStatus, Catalogue.apiText(e.problem, lang), request)
            }
            // A page asked for a record that is not there.
            if request.method == .get, case .noSuchRecord(nil, _, _) = e.problem {
                return page(.notFound, e.text(lang, for: .web), request)
            }
            return page(e.webStatus, e.text(lang, for: .web), request)
        } catch let stale as StaleForm {
            let text =
                stale.fields.isEmpty
                ? lang.t(.pageExpired)
                : lang.t(.pageExpiredKeptTyped)
            return page(.forbidden, text, request, stale: stale)
        } catch is SignInRequired {
            if request.uri.path.hasPrefix("/api/") {
                return WebError.response(.unauthorized, lang.t(.signInFirst), request: request)
            }
            return Response(status: .seeOther, headers: [.location: "/login"])
        } catch let e as HTTPError {
            let text: String
            switch e.status {
            case .notFound:
                text = lang.t(.noSuchPage)
            case .forbidden:
                text = lang.t(.yourRoleCannot)
            case .unauthorized:
                text =
                    request.uri.path.hasPrefix("/api/")
                    ? lang.t(.apiTokenNeeded)
                    : lang.t(.signInFirst)
            case .unsupportedMediaType:
                text = lang.t(.bodyMustJson)
            case .contentTooLarge:
                text =
                    request.uri.path.hasPrefix("/api/")
                    ? lang.t(.apiBodyTooLarge(API.maxBody >> 10)) : lang.t(.fileTooLarge(maxUploadMiB))
            default: text = lang.t(.badRequest)
            }
            return page(e.status, text, request)
        } catch  where "\(type(of: error))".contains("HTTPParserError") {
            // A body the decoder could not read (a bad chunk size): the client's fault.
            return page(.badRequest, lang.t(.malformedRequest), request)
        } catch {
            context.logger.error("\(error)")
            return page(.internalServerError, lang.t(.serverErrorNothing), request)
        }
    }
}

enum WebError {
    static func response(_ status: HTTPResponse.Status, _ text: String, request: Request) -> Response {
        if request.uri.path.hasPrefix("/api/") { return json(status, .object(["error": .string(text)])) }
        return Page.response(
            status: status,
            Page.document(title: text, user: nil, csrf: nil, body: "<p class=\"error\">\(text)</p>"))
    }

    static func json(_ status: HTTPResponse.Status, _ value: JSONValue) -> Response {
        Response(
            status: status, headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: value.render(indent: 2) + "\n")))
    }
}

/// bcrypt runs here, on NIO's thread pool, at most two at a time (the machine's cores): a storm of
/// sign-ins waits its turn instead of holding the tasks that serve pages. Past 64 waiting, a sign-in
/// is turned away at once.
actor PasswordGate {
    static let running = 2
    static let waiting = 64
    private var busy = 0
    private var queue: [CheckedContinuation<Void, Never>] = []

    struct Busy: Error {}

    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        if busy >= Self.running {
            guard queue.count < Self.waiting else { throw Busy() }
            await withCheckedContinuation { queue.append($0) }
        } else {
            busy += 1
        }
        defer {
            if queue.isEmpty { busy -= 1 } else { queue.removeFirst().resume() }
        }
        return try await NIOThreadPool.singleton.runIfActive { try body() }
    }
}

/// `application/x-www-form-urlencoded` fields, decoded by Hummingbird's `URLEncodedFormDecoder`;
/// the values then go through the same parsers as the command's flags (`Parse`, `CalendarDate.parse`,
/// `Money.parse` …), so a bad value gets the command's sentence. A body that is not a flat form (a
/// repeated or bracketed name, bad percent-encoding) is a bad request, never a server error.
func formFields(_ request: Request, limit: Int = 1 << 20) async throws -> [String: String] {
    let buffer = try await collectBody(request, upTo: limit)
    do {
        return try URLEncodedFormDecoder().decode([String: String].self, from: String(buffer: buffer))
    } catch {
        throw HTTPError(.badRequest)
    }
}

/// Compares two secrets in time that does not depend on where they differ.
func sameSecret(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count, !x.isEmpty else { return false }
    var diff: UInt8 = 0
    for i in x.indices { diff |= x[i] ^ y[i] }
    return diff == 0
}
