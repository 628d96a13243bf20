import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// The checks live on the route groups, so no handler can be reached without them. The routes are
/// read from the router itself: a page added tomorrow is checked without a line here.
@Suite struct RouteChecksTests {
    /// The routes anyone may reach: health, the language switch, the stylesheets, the door's and a
    /// call's phone pages, the setup link, sign-in and sign-out. (The API has its own door: a token.)
    static let publicRoutes: Set<String> = [
        "GET /healthz", "GET /lang", "GET /static/kepu.css", "GET /static/door.css", "GET /static/print.js",
        "GET /d/{token}",
        "POST /d/{token}", "GET /v/{token}", "POST /v/{token}", "GET /setup/{token}", "POST /setup/{token}",
        "GET /login", "POST /login", "GET /logout", "POST /logout",
    ]

    /// A route's path with its parameters filled in.
    static func concrete(_ path: String) -> String {
        "/"
            + path.split(separator: "/").map { part -> String in
                switch part {
                case ":kind": "cost"
                case ":token": "x"
                default: part.hasPrefix(":") ? "1" : String(part)
                }
            }.joined(separator: "/")
    }

    @Test func everySignedInRouteRefusesNoSessionTheWrongRoleAndAMissingOrStaleToken() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "王审核", role: .reviewer, password: "battery staple")
        _ = try ledger.users.add(name: "赵管理", role: .admin, password: "battery staple")
        let event = try ledger.events.add(
            NewEvent(title: "科普日", kind: .scienceDay, start: CalendarDate(year: 2023, month: 9, day: 16)!))
        _ = try ledger.money.addCost(NewCost(line: "commission", amount: Money(fen: 100), event: event))
        let table = RouteTable()
        let router = WebApp.router(ledger: ledger, settings: WebSettings(), table: table)
        let registered = table.all
        #expect(registered.count > 40)
        // Every route of the router is public, the API's, or a signed-in page registered with its role.
        let pages = Set(registered.map { "\($0.method) \(RouterPath($0.path).description)" })
        for route in router.routes {
            let key = "\(route.method) \(route.path)"
            #expect(
                Self.publicRoutes.contains(key) || route.path.description.hasPrefix("/api/v1/") || pages.contains(key),
                "\(key) is neither public nor behind the signed-in checks")
        }
        // The menu's pages need the roles the menu gives them.
        for section in Page.sections {
            let path = section.path == "/" ? "/" : String(section.path.dropFirst())
            #expect(registered.contains { $0.method == .get && $0.path == path && $0.role == section.role })
        }
        let app = Application(router: router)
        try await app.test(.router) { client in
            var sessions: [UserRole: (HTTPFields, String)] = [:]
            sessions[.clerk] = try await signIn(client)
            sessions[.reviewer] = try await signIn(client, as: "王审核")
            sessions[.admin] = try await signIn(client, as: "赵管理")
            for route in registered {
                let uri = Self.concrete(route.path)
                let what = "\(route.method) \(uri)"
                // No session: to the sign-in page, nothing run.
                try await client.execute(
                    uri: uri, method: route.method, headers: formHeaders,
                    body: form(["csrf": sessions[.clerk]!.1, "reason": "x"])
                ) { r in
                    #expect(r.status == .seeOther, "\(what) without a session")
                    #expect(r.headers[.location] == "/login", "\(what) without a session")
                }
                // The wrong role: the role just below the one the route needs, with its own good token.
                if route.role > .clerk {
                    let below: UserRole = route.role == .admin ? .reviewer : .clerk
                    let (cookie, token) = sessions[below]!
                    try await client.execute(
                        uri: uri, method: route.method, headers: formHeaders + cookie,
                        body: form(["csrf": token, "reason": "x", "year": "2023", "confirm": "yes"])
                    ) { r in #expect(r.status == .forbidden, "\(what) as \(below)") }
                }
                guard route.method == .post else { continue }
                // The role enough, but the form token missing, or another session's.
                let (cookie, _) = sessions[route.role]!
                let other = route.role == .admin ? sessions[.clerk]!.1 : sessions[.admin]!.1
                for token in [nil, other] {
                    var fields = ["reason": "x", "year": "2023", "confirm": "yes", "name": "x", "title": "x"]
                    fields["csrf"] = token
                    try await client.execute(
                        uri: uri, method: route.method, headers: formHeaders + cookie, body: form(fields)
                    ) { r in #expect(r.status == .forbidden, "\(what) with token \(token ?? "missing")") }
                }
            }
        }
        // Nothing of it was written: the event, the cost, the plan and the three users are all there is.
        #expect(try ledger.events.list(in: nil).count == 1)
        #expect(try ledger.money.costs(RecordFilter()).count == 1)
        #expect(try ledger.users.list().count == 3)
    }
}
