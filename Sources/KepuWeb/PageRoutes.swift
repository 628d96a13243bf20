import Foundation
import Hummingbird
import KepuCore
import KepuStore

/// A group of pages (活动, 经费, 自评 …): it registers its own routes, by method reference, on the
/// router groups it is given. The checks live on those groups, not in the handlers.
protocol PageGroup: Sendable {
    func addRoutes(to routes: PageRoutes)
}

/// A page's handler.
typealias PageHandler = @Sendable (Request, WebContext) async throws -> Response

/// Where the signed-in pages are registered: one router group per role, each behind its checks, in
/// this order: a session (else to `/login`), the role (else 403), and on every POST the session's form
/// token (else 403 with what was typed offered back; the body is read once, there). A handler can't be
/// reached without them, so it can't forget them.
///
/// A page of the menu is registered with the role the menu gives it (`Page.sections`): the menu and the
/// routes read one table. What was registered is kept (`table`) for the tests.
struct PageRoutes {
    let groups: [UserRole: RouterGroup<WebContext>]
    let table: RouteTable

    init(signedIn: RouterGroup<WebContext>, maxUploadBytes: Int, table: RouteTable) {
        var groups: [UserRole: RouterGroup<WebContext>] = [:]
        for role in UserRole.allCases {
            groups[role] = signedIn.group().add(middleware: RequireRole(role: role)).add(
                middleware: FormTokenMiddleware(maxUploadBytes: maxUploadBytes))
        }
        self.groups = groups
        self.table = table
    }

    /// The role a path needs: the menu's, for a page of the menu; else `role`.
    static func role(of path: String, _ role: UserRole?) -> UserRole {
        let path = path.hasPrefix("/") ? path : "/" + path
        return role ?? Page.sections.first { $0.path == path }?.role ?? .clerk
    }

    func get(_ path: String, role: UserRole? = nil, use handler: @escaping PageHandler) {
        let role = Self.role(of: path, role)
        table.add(.get, path, role)
        groups[role]!.get(RouterPath(path), use: handler)
    }

    func post(_ path: String, role: UserRole? = nil, use handler: @escaping PageHandler) {
        let role = Self.role(of: path, role)
        table.add(.post, path, role)
        groups[role]!.post(RouterPath(path), use: handler)
    }
}

/// The signed-in routes as registered: method, path and the least role.
final class RouteTable: @unchecked Sendable {
    struct Entry: Sendable, Hashable {
        var method: HTTPRequest.Method
        var path: String
        var role: UserRole
    }
    private let lock = NSLock()
    private var entries: [Entry] = []

    func add(_ method: HTTPRequest.Method, _ path: String, _ role: UserRole) {
        lock.withLock { entries.append(Entry(method: method, path: path, role: role)) }
    }

    var all: [Entry] { lock.withLock { entries } }
}

/// A page the role may open: signed in with a session (an API token opens no page), and the role at
/// least `role`; else to `/login`, or 403.
struct RequireRole: RouterMiddleware {
    typealias Context = WebContext
    let role: UserRole

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        guard let user = context.user, context.sessionID != nil else { throw SignInRequired() }
        guard user.role >= role else { throw HTTPError(.forbidden) }
        return try await next(request, context)
    }
}

/// Every POST of a signed-in page carries the session's form token. The body is read here, once: a
/// form's fields (at most 1 MiB) or a multipart upload's parts (at most the upload limit), kept in the
/// context for the handler. A missing or stale token writes nothing: 403, and what was typed offered
/// back to send again (a file can't be: the page asks to choose it again).
struct FormTokenMiddleware: RouterMiddleware {
    typealias Context = WebContext
    let maxUploadBytes: Int

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        var context = context
        // The address this browser used, for a door's link when the office has set none.
        context.authority = request.head.authority
        guard request.method == .post else { return try await next(request, context) }
        let type = request.headers[.contentType]?.lowercased() ?? ""
        if type.hasPrefix("multipart/form-data") {
            let parts = try await multipartParts(request, limit: maxUploadBytes)
            guard let csrf = context.csrf, sameSecret(parts["csrf"]?.text ?? "", csrf) else {
                throw StaleForm(action: request.uri.path, fields: [:])
            }
            context.parts = parts
        } else {
            let fields = try await formFields(request)
            guard let csrf = context.csrf, sameSecret(fields["csrf"] ?? "", csrf) else {
                throw StaleForm(
                    action: request.uri.path,
                    fields: fields.filter { $0.key != "csrf" && !$0.key.hasPrefix("password") })
            }
            context.form = fields
        }
        return try await next(request, context)
    }
}

extension WebContext {
    /// A form POST's user and fields, as `FormTokenMiddleware` checked and read them.
    func posted() throws -> (UserItem, [String: String]) {
        guard let user, let form else { throw HTTPError(.forbidden) }
        return (user, form)
    }

    /// A multipart POST's user, the named fields trimmed, and the file part when one was chosen.
    func postedUpload(fields: [String]) throws -> PostedUpload {
        guard let user, let parts else { throw HTTPError(.forbidden) }
        var values: [String: String] = [:]
        for key in fields { values[key] = parts[key].map { CSVColumns.trim($0.text) } }
        return PostedUpload(user: user, values: values, file: parts["file"])
    }
}
