import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let appSignIn = Label("科普工作台账 · 登录", "kepu · Sign in")
    fileprivate static let userName = Label("用户名", "User name")
    fileprivate static let password = Label("密码", "Password")
    fileprivate static let signIn = Label("登录", "Sign in")
    fileprivate static let signInPageExpired = Label(
        "登录页打开太久，已失效；请再输入一次密码登录", "the sign-in page was open too long: enter the password again")
    fileprivate static let tooManySignInsAtOnce = Label(
        "同时登录的人太多，请几秒后再试", "too many sign-ins at once: try again in a few seconds")
    fileprivate static let wrongUserName = Label("用户名或密码不对", "wrong user name or password")
    fileprivate static let allProjectsDepartment = Label("全部项目（部门整体）", "All projects (the department)")
    fileprivate static let asOf = Label("评价截至", "as of")
    fileprivate static let dataChecks = Label("数据核查", "Data checks")
    fileprivate static let everyCheckPasses = Label("全部核查通过", "Every check passes")
    fileprivate static func allChecks(_ n: Int) -> Label {
        Label("共 \(n) 条，查看全部", "all \(n) of them")
    }
    fileprivate static let recentActivity = Label("最近的操作", "Recent activity")
    fileprivate static let wholeAuditTrail = Label("全部操作记录", "The whole audit trail")
    fileprivate static let overviewUpdating = Label(
        "刚有新的记录写入，概览正在更新；以下是写入前的数据，请稍后刷新。",
        "New records were just written and the overview is being brought up to date; below are the figures from before. Reload shortly."
    )
    fileprivate static func tooManyFailedSignIns(until at: String) -> Label {
        Label(
            "登录失败次数过多，请于 \(at) 后再试；急用请联系管理员解除",
            "too many failed sign-ins: try again after \(at), or ask an admin to lift the wait")
    }
    fileprivate static func signOutQuestion(_ name: String) -> Label { Label("\(name)，确定退出登录？", "\(name), sign out?") }
}

/// The pages: sign-in, sign-out and the dashboard (概览).
struct Pages: Sendable {
    let web: Web
    let gate: PasswordGate
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }
    var settings: WebSettings { web.settings }

    /// `GET /login`: the form, with a sign-in form token in a cookie of its own (double submit).
    func loginForm(
        _ request: Request, _ context: WebContext, error: String? = nil, name: String = "",
        status: HTTPResponse.Status? = nil
    ) throws -> Response {
        let token = SessionService.random(16)
        let body: HTML = """
            <form method="post" action="/login" class="login">
            <h1>\(Page.esc(lang.t(.appSignIn)))</h1>
            \(error.map(web.error) ?? HTML())
            <label>\(Page.esc(lang.t(.userName)))<input name="username" autocomplete="username" required value="\(Page.esc(name))"></label>
            <label>\(Page.esc(lang.t(.password)))<input name="password" type="password" autocomplete="current-password" required></label>
            <input type="hidden" name="csrf" value="\(token)">
            <button type="submit">\(Page.esc(lang.t(.signIn)))</button>
            </form>
            """
        var response = Page.response(
            status: status ?? (error == nil ? .ok : .unauthorized),
            Page.document(title: lang.t(.signIn), user: nil, csrf: nil, body: body, heading: false))
        response.setCookie(
            Cookie(
                name: WebApp.loginCookie, value: token, path: "/login", secure: settings.secureCookies, httpOnly: true,
                sameSite: .lax))
        return response
    }

    /// `POST /login`: the form token, the throttle, the password (checked off the request's task);
    /// then a session and the dashboard.
    func login(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await formFields(request)
        let name = String(CSVColumns.trim(form["username"] ?? "").prefix(100))
        guard let sent = form["csrf"], let expected = request.cookies[WebApp.loginCookie]?.value,
            sameSecret(sent, expected)
        else {
            // The sign-in page was open too long (or its cookie is gone): the form again, the name kept.
            return try loginForm(
                request, context,
                error: lang.t(.signInPageExpired),
                name: name, status: .forbidden)
        }
        // Counted as the door's limits are: an IPv6 client by its /64.
        let address = ClientAddress.key(settings.clientAddress(request, context))
        let now = ledger.context.now()
        if case .wait(let until) = try ledger.signIns.check(name: name, address: address, now: now) {
            return try waitPage(request, context, until: until, name: name)
        }
        let password = form["password"] ?? ""
        let users = ledger.users
        let user: UserItem?
        do {
            user = try await gate.run { try users.user(name: name, password: password) }
        } catch is PasswordGate.Busy {
            return try loginForm(
                request, context,
                error: lang.t(.tooManySignInsAtOnce),
                name: name, status: .serviceUnavailable)
        }
        guard let user else {
            try ledger.signIns.fail(name: name, address: address, now: now)
            return try loginForm(request, context, error: lang.t(.wrongUserName), name: name)
        }
        try ledger.signIns.succeed(name: name, address: address, now: now)
        let id = try ledger.sessions.start(userID: user.id)
        var response = Response(status: .seeOther, headers: [.location: "/"])
        response.setCookie(
            Cookie(
                name: WebApp.sessionCookie, value: id, path: "/", secure: settings.secureCookies, httpOnly: true,
                sameSite: .lax))
        return response
    }

    /// 429: the sign-in form again, saying when this name (or this address) may try again.
    func waitPage(_ request: Request, _ context: WebContext, until: Date, name: String) throws -> Response {
        let f = DateFormatter()
        f.dateFormat = "HH:mm"
        let at = f.string(from: until)
        var response = try loginForm(
            request, context,
            error: lang.t(.tooManyFailedSignIns(until: at)),
            name: name, status: .tooManyRequests)
        response.headers[.retryAfter] = String(max(1, Int(until.timeIntervalSince(ledger.context.now()).rounded(.up))))
        return response
    }

    /// `GET /logout` (a bookmark, a typed address): the sign-out button, or the sign-in form when
    /// there is no session.
    func logoutForm(_ request: Request, _ context: WebContext) throws -> Response {
        guard let user = context.user, let csrf = context.csrf else { return try loginForm(request, context) }
        let body: HTML = """
            <form method="post" action="/logout" class="confirm">
            <input type="hidden" name="csrf" value="\(Page.esc(csrf))">
            <p>\(Page.esc(lang.t(.signOutQuestion(user.name))))</p>
            <button type="submit">\(Page.esc(lang.t(.signOut)))</button>
            <a href="/">\(Page.esc(lang.t(.cancel)))</a>
            </form>
            """
        return Page.response(
            status: .ok, Page.document(title: lang.t(.signOut), user: user, csrf: csrf, body: body, lang: lang))
    }

    /// `POST /logout`: ends the session (its form token required).
    func logout(_ request: Request, _ context: WebContext) async throws -> Response {
        let form = try await formFields(request)
        guard let id = context.sessionID, let csrf = context.csrf, sameSecret(form["csrf"] ?? "", csrf) else {
            throw HTTPError(.forbidden)
        }
        try ledger.sessions.end(id)
        var response = Response(status: .seeOther, headers: [.location: "/login"])
        response.setCookie(
            Cookie(name: WebApp.sessionCookie, value: "", maxAge: 0, path: "/", httpOnly: true, sameSite: .lax))
        return response
    }

    /// `GET /[?year=Y&unit=U]`: the year's indicators against their targets as of today, the budget
    /// against the time elapsed, and the latest writes. The page's body is kept until the ledger
    /// changes (a new audit row), so reading it under load costs two small queries.
    func dashboard(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let today = ledger.context.today()
        let year = request.query["year"].flatMap { Int($0) }
        let unit = request.query.value("unit")
        let project = request.query.value("project")
        // The body differs by role only in the fixes it offers: a clerk is not sent to write a note.
        let role = context.user?.role ?? .clerk
        let key =
            "dashboard|\(year.map(String.init) ?? "")|\(unit ?? "")|\(project ?? "")|\(today)|\(lang.rawValue)|\(role >= .reviewer)"
        // A session that has just written waits for its own write to show (read-your-writes).
        var own = false
        if let session = context.sessionID { own = await web.flash.wroteRecently(session) }
        let (body, stale) = try await web.cache.body(
            key, version: try ledger.audit.version(), patience: own ? .seconds(30) : nil
        ) { [web, lang] in
            var body = HTML()
            do {
                let inputs = try web.ledger.evaluation.reportInputs(
                    year: year, unit: unit, asOf: nil, today: today, project: project)
                let plan = inputs.stored.plan
                let evaluation = Reconciler.evaluate(plan, inputs.facts)
                let whole = try web.ledger.plans.plan(year: plan.year, unit: plan.unit).plan
                body += Page.projectPicker(
                    whole, selected: project, action: "/", year: plan.year,
                    whole: lang.t(.allProjectsDepartment), lang: lang)
                body +=
                    "<p class=\"sub\">\(Page.esc(plan.unit))\(plan.focus.map { "　" + $0.name } ?? "")　\(Page.esc(lang.t(.asOf))) \(evaluation.asOf)</p>"
                body += Page.progress(evaluation, lang: lang)
                body += web.html(ReconcileReport.build(evaluation, lang: lang, surface: .web))
                // The data checks of `kepu check`.
                let (_, findings) = SelfEvaluation.make(
                    plan: plan, facts: inputs.facts, notes: inputs.notes, events: inputs.events,
                    storeFindings: inputs.storeFindings)
                // The first ten; the rest on 数据核查's own page, 50 a page: a year of 5,000 events without
                // evidence is not 5,000 lines here.
                body += "<section><h2>\(Page.esc(lang.t(.dataChecks)))</h2>"
                body += Self.findingList(
                    Array(findings.prefix(Self.dashboardFindings)), plan: plan, lang: lang, role: role)
                if findings.count > Self.dashboardFindings {
                    var link = "/checks"
                    if let year { link += "?year=\(year)" }
                    body += "<p><a href=\"\(link)\">\(lang.t(.allChecks(findings.count)))</a></p>"
                }
                body += "</section>"
            } catch let e as KepuError where !e.isDatabaseFailure {
                body += web.error(e.text(lang, for: .web))
            }
            let recent = try web.ledger.audit.log(limit: 10)
            body += "<section><h2>\(Page.esc(lang.t(.recentActivity)))</h2>"
            body += web.html(
                RecordTables.auditTable(
                    recent, details: false, lang: lang, names: try web.names(events: AuditWords.events(in: recent))))
            body += "<p><a href=\"/audit\">\(lang.t(.wholeAuditTrail))</a></p></section>"
            return body
        }
        let note: HTML =
            stale
            ? "<p class=\"sub\" role=\"status\">\(lang.t(.overviewUpdating))</p>"
            : ""
        return await web.page(lang.t(.overview), context, body: note + body)
    }
}

extension Pages {
    /// The findings the dashboard lists; the rest are on `/checks`.
    static let dashboardFindings = 10

    /// Findings as a list, each with the link to the form that fixes it; or the sentence that all pass.
    /// A fix the user's role can't make (a clerk and a deviation note) is not offered as a link: the
    /// finding says who makes it.
    static func findingList(_ findings: [LintFinding], plan: Plan, lang: Language, role: UserRole = .admin) -> HTML {
        if findings.isEmpty { return "<p class=\"notice\">\(Page.esc(lang.t(.everyCheckPasses)))</p>" }
        var body: HTML = "<ul class=\"findings\">"
        for f in findings {
            let fix: HTML
            switch f.fix {
            case .deviationNote? where role < .reviewer:
                fix = "　<span class=\"sub\">\(lang.t(.notesByReviewers))</span>"
            case let fixing?:
                fix = "　<a href=\"\(Web.url(fixing))\">\(Catalogue.text(fixing, lang))</a>"
            case nil:
                fix = HTML()
            }
            body +=
                "<li>\(Catalogue.text(f.subject, lang, plan: plan))：\(Catalogue.text(f.finding, lang, for: .web))\(fix)</li>"
        }
        return body + "</ul>"
    }

    /// `GET /checks[?year=Y&page=N]`: every data check that fails (`kepu check`), 50 a page.
    func checks(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let year = request.query["year"].flatMap { Int($0) }
        let today = ledger.context.today()
        var body = HTML()
        do {
            let (plan, findings) = try web.sums.value(
                "checks|\(year.map(String.init) ?? "")|\(today)", version: try ledger.audit.version()
            ) { () throws -> (Plan, [LintFinding]) in
                let inputs = try ledger.evaluation.reportInputs(
                    year: year, unit: nil, asOf: nil, today: today, project: nil)
                let plan = inputs.stored.plan
                let (_, findings) = SelfEvaluation.make(
                    plan: plan, facts: inputs.facts, notes: inputs.notes, events: inputs.events,
                    storeFindings: inputs.storeFindings)
                return (plan, findings)
            }
            let (pageNo, pages) = Page.pageNumber(request.query, count: findings.count)
            body += "<p class=\"sub\">\(Page.esc(plan.unit)) \(plan.year)</p>"
            body += Self.findingList(
                Array(findings.dropFirst((pageNo - 1) * Page.pageSize).prefix(Page.pageSize)), plan: plan, lang: lang,
                role: context.user?.role ?? .clerk)
            var kept = request.query
            kept["page"] = nil
            body += Page.pager("/checks", kept, page: pageNo, pages: pages, lang: lang)
        } catch let e as KepuError where !e.isDatabaseFailure {
            body += web.error(e.text(lang, for: .web))
        }
        return await web.page(lang.t(.dataChecks), context, body: body)
    }
}

/// The JSON API: the same JSON as the command line.
struct API: Sendable {
    /// The largest body the API reads.
    static let maxBody = 64 << 10
    let web: Web
    var ledger: Ledger { web.ledger }

    /// `GET /api/v1/reconcile?year=Y[&asOf=D]`: `kepu reconcile --format json`.
    func reconcile(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.apiUser()
        let q = request.uri.queryParameters
        let asOf = try q.get("asOf").map { try CalendarDate.parse(String($0), field: .asOf) }
        let r = try YearProjects.reconcile(
            ledger: ledger, year: q.get("year", as: Int.self), unit: q.get("unit").map { String($0) }, asOf: asOf,
            today: ledger.context.today(), project: q.get("project").map { String($0) }, scope: .project)
        return WebError.json(.ok, YearProjects.json(r))
    }

    /// `GET /api/v1/report?year=Y`: `kepu report --format json`.
    func report(_ request: Request, _ context: WebContext) throws -> Response {
        _ = try context.apiUser()
        let q = request.uri.queryParameters
        let year = q.get("year", as: Int.self)
        let unit = q.get("unit").map { String($0) }
        let parts = try YearProjects.evaluate(
            ledger: ledger, year: year, unit: unit, asOf: nil, today: ledger.context.today(), lang: .zh,
            scope: .project,
            project: q.get("project").map { String($0) })
        let plan = try ledger.plans.plan(year: year, unit: unit).plan
        return WebError.json(.ok, YearProjects.json(parts, plan: plan, lang: .zh))
    }

    /// `POST /api/v1/events/{id}/attendance` with `{"count": N, "channel": "onsite", "method":
    /// "headcount", "date": "2023-11-10", "note": "…"}`: `kepu attendance add`; 201 `{"id": N}`.
    func addAttendance(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.apiUser(.clerk)
        let id = try context.parameters.require("id", as: Int64.self)
        let buffer = try await collectBody(request, upTo: Self.maxBody)
        // A key given twice is refused, not settled by taking the last.
        if let key = JSONKeys.repeated(in: Array(buffer.readableBytesView)) {
            throw KepuError(.apiRepeatedKey(key: key))
        }
        guard
            let o = (try? JSONSerialization.jsonObject(with: Data(buffer: buffer), options: [.fragmentsAllowed]))
                as? [String: Any]
        else { throw KepuError(.apiBadJSON) }
        var fields: [String: String] = [:]
        for (k, v) in o {
            if let s = v as? String { fields[k] = s } else if let n = v as? NSNumber { fields[k] = n.stringValue }
        }
        let input = try WebInput.attendance(fields, event: id, lang: .zh, json: true)
        let r = try web.ledger(for: user, request: request).attendance.add(input)
        return WebError.json(.created, .object(["id": .int(r.id)]))
    }
}

extension Pages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("/", use: dashboard)
        routes.get("checks", use: checks)
    }
}
