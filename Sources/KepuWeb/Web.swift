import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let chooseEvent = Label("请选择活动", "choose an event")
    fileprivate static let typeEventToFind = Label("输入活动名称中的几个字或编号", "type part of a title, or a number")
    fileprivate static let typeCostToFind = Label("输入摘要、发票号或费用编号", "type an item, an invoice number or a number")
    fileprivate static func invoiceNumber(_ number: String) -> Label { Label("发票号\(number)", "invoice \(number)") }
    fileprivate static func firstMatchesOnly(_ n: Int) -> Label {
        Label("只列出前 \(n) 个；多输入几个字可缩小范围", "only the first \(n) are listed; type more to narrow it")
    }
}

/// What every page group shares: the ledger, the settings and the one-time notices.
struct Web: Sendable {
    let ledger: Ledger
    let settings: WebSettings
    let flash: Flash
    let cache = PageCache()
    /// The links of the doors opened through this server, for their posters: the database keeps only
    /// a token's hash.
    let doorLinks = DoorLinks()
    /// The hash chain's last check, kept while no row is added.
    let auditCheck = AuditCheck()
    let sums = LedgerSums()
    /// The request's language (the `kepu_lang` cookie), else the server's.
    var lang: Language { Web.requestLanguage ?? settings.language }

    /// Set for each request by `LanguageMiddleware`.
    @TaskLocal static var requestLanguage: Language?
    static let languageCookie = "kepu_lang"

    /// The ledger a web write goes through: the signed-in user as the operator in the audit trail, and
    /// the reason of a correction in the audit row's command, as the command line keeps it.
    func ledger(for user: UserItem, request: Request, reason: String? = nil) -> Ledger {
        let base = ledger.context
        var command = "web: \(request.method) \(request.uri.path)"
        if let reason { command += " --reason \(reason)" }
        return Ledger(
            database: ledger.database,
            context: AuditContext(operatorName: user.name, command: command, now: base.now, today: base.today))
    }

    /// A page asking to confirm a step that is hard to undo (a year lock, a user disabled), as void
    /// asks: the same form, posted again with `confirm=yes`, or a way back.
    func confirmation(
        _ context: WebContext, title: String, question: String, action: String, fields: [String: String],
        button: String, back: String
    ) async -> Response {
        let hidden: [HTML] = fields.sorted { $0.key < $1.key }.map {
            "<input type=\"hidden\" name=\"\($0.key)\" value=\"\($0.value)\">"
        }
        let body: HTML = """
            <p>\(Page.esc(question))</p>
            <form method="post" action="\(Page.esc(action))" class="confirm">
            \(Page.csrfField(context))\(hidden)
            <input type="hidden" name="confirm" value="yes">
            <button type="submit" class="danger">\(Page.esc(button))</button>
            <a href="\(Page.esc(back))">\(lang.t(.cancel))</a>
            </form>
            """
        return await page(title, context, body: body)
    }

    /// A page of the app, with the notice left by the last write, if any.
    func page(
        _ title: String, _ context: WebContext, body: HTML, status: HTTPResponse.Status = .ok, heading: String? = nil
    ) async -> Response {
        var notice = HTML()
        if let id = context.sessionID, let said = await flash.take(id) {
            notice = "<p class=\"notice\" role=\"status\" id=\"notice\">\(HTML.sentence(said.text))</p>"
            // A warning that came with the write stands apart from its confirmation.
            if let warning = said.warning {
                notice += "<p class=\"warning\" role=\"status\">\(HTML.sentence(warning))</p>"
            }
        }
        return Page.response(
            status: status,
            Page.document(
                title: title, user: context.user, csrf: context.csrf, body: notice + body, heading: true,
                headingText: heading, lang: lang))
    }

    /// After a write: back to a page (303), with its confirmation shown once there.
    /// The address ends in `#notice` unless it names a place of its own: a browser would otherwise keep the
    /// form's `#id` it came from and open the next page at a form, the notice out of view.
    func done(_ location: String, _ context: WebContext, notice: String, warning: String? = nil) async -> Response {
        if let id = context.sessionID { await flash.set(id, notice, warning: warning) }
        return Response(
            status: .seeOther, headers: [.location: location.contains("#") ? location : location + "#notice"])
    }

    /// Report blocks as HTML, every record id linked to its page, and every row that shows a record with
    /// its actions (修改, 作废 or 恢复: `RecordPages.actions`).
    /// A fix the `role` can't make (a clerk and a deviation note) is shown as text, not as a link.
    func html(_ report: Report, role: UserRole = .admin) -> HTML {
        let lang = self.lang
        return HTML(
            trusted: HTMLRenderer(
                lang: lang, link: { Web.url($0) },
                fixLink: { fix in
                    if case .deviationNote = fix, role < .reviewer { return nil }
                    return Web.url(fix)
                },
                rowActions: { RecordPages.actions($0, lang) }
            ).fragment(report))
    }

    func html(_ table: ReportTable) -> HTML {
        html(Report(title: "", sections: [Section(heading: nil, blocks: [.table(table)])]))
    }

    /// A record's page; nil for kinds without one (plans, notes, users …).
    static func url(_ ref: RecordRef) -> String? {
        if ref.kind == .evidence { return "/evidence/\(ref.id)" }
        guard RecordPages.kinds.contains(ref.kind) else { return nil }
        return ref.kind == .event ? "/events/\(ref.id)" : "/records/\(ref.kind.rawValue)/\(ref.id)"
    }

    /// What the web shows in place of codes and bare numbers: the plans' line names (of every year's
    /// plan, newest first), the titles of the events a page names (`events`, and no others) and the
    /// current plan's measurements.
    func names(events: Set<Int64> = []) throws -> RecordNames {
        // The plans' names change only with a write: read once per write, not by every page.
        let plans = try sums.value("plan names", version: try ledger.audit.version()) { () throws -> RecordNames in
            var names = RecordNames()
            let years = Set(try ledger.plans.list().filter { $0.replacedAt == nil }.map(\.year))
            for year in years.sorted(by: >) {
                guard let stored = try storedPlan(year: year) else { continue }
                let plan = stored.plan
                for l in plan.lines where names.lines[l.id] == nil { names.lines[l.id] = l.name }
                for i in plan.allIndicators where names.indicators[i.id] == nil { names.indicators[i.id] = i.name }
                for p in plan.projects where names.projects[p.id] == nil { names.projects[p.id] = p.name }
                if names.units[stored.unitID] == nil { names.units[stored.unitID] = plan.unit }
            }
            for i in try currentPlan()?.indicators ?? [] {
                if case .measurement(let name) = i.metric { names.measurements[name] = i.name }
            }
            return names
        }
        var names = plans
        names.events = try ledger.events.titles(events)
        return names
    }

    /// The most choices a picker lists. Past it, the clerk types part of a title (or a number) and the
    /// server finds it: a page costs what it shows, not what the year holds.
    static let pickerLimit = 50

    /// What `body` gives, or nil when kepu refuses it (no plan for that year, no such record): only a
    /// database that can't answer throws, to the error page, where `try?` would have shown an empty page.
    func unlessRefused<T>(_ body: () throws -> T?) throws -> T? {
        do { return try body() } catch let e as KepuError where !e.isDatabaseFailure { return nil }
    }

    /// The current plan (nil before one is imported); a busy or broken database still throws.
    func currentPlan() throws -> Plan? {
        try sums.value("current plan", version: try ledger.audit.version()) { try storedPlan(year: nil)?.plan }
    }

    /// A year's plan (the current one for nil), or nil when there is none: only a database that can't
    /// answer throws, to the error page. What `try?` would have turned into an empty page.
    func storedPlan(year: Int?, unit: String? = nil) throws -> StoredPlan? {
        do { return try ledger.plans.plan(year: year, unit: unit) } catch let e as KepuError where !e.isDatabaseFailure
        {
            return nil
        }
    }

    /// The current plan's period, else this calendar year: the events a picker offers.
    func currentRange() throws -> DateRange {
        try currentPlan()?.period ?? DateRange.year(ledger.context.today().year)
    }

    /// A count over the year (how many events a picker would list), kept until the next write.
    func count(_ key: String, _ make: () throws -> Int) throws -> Int {
        try sums.value("count|" + key, version: try ledger.audit.version(), make: make)
    }

    /// `12 科普日（2023-09-16）`: an event as a picker shows it, the number first.
    static func pick(_ e: EventTitle) -> String { "\(e.id) \(e.title)（\(e.start)）" }

    /// The number a picker's text starts with (`12`, `12 科普日（…）`), if it starts with one.
    static func leadingID(_ text: String) -> Int64? {
        let t = CSVColumns.trim(text)
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        guard let id = Int64(digits), id > 0 else { return nil }
        let rest = t.dropFirst(digits.count)
        return rest.isEmpty || rest.first == " " ? id : nil
    }

    /// A form's event. Up to `pickerLimit` live events of the current plan (campaigns only with
    /// `campaigns`): a select of them, sub-activities indented under their campaign. Past that: a field
    /// where the clerk types part of a title or a number; after a text several events match, a select of
    /// those. `none` words the first choice when the event may be left out.
    func eventPicker(_ name: String, selected: String?, none: String?, campaigns: Bool = false) throws -> HTML {
        let range = try currentRange()
        let chosen = CSVColumns.trim(selected ?? "")
        let required: HTML = none == nil ? " required" : ""
        let first: HTML = "<option value=\"\">\(none ?? lang.t(.chooseEvent))</option>"
        if try count("events|\(range)|\(campaigns)", { try ledger.events.count(in: range, campaigns: campaigns) })
            <= Self.pickerLimit
        {
            let picked = Self.leadingID(chosen).map(String.init)
            let options: [HTML] = try ledger.events.titles(in: range).filter { !campaigns || $0.depth == 0 }.map { e in
                let indent = String(repeating: "　", count: e.depth)
                return
                    "<option value=\"\(e.id)\"\(picked == String(e.id) ? " selected" : "")>\(indent)\(Self.pick(e))</option>"
            }
            return "<select name=\"\(name)\"\(required)>\(first)\(options)</select>"
        }
        if !chosen.isEmpty, Self.leadingID(chosen) == nil {
            let found = try ledger.events.find(chosen, in: range, campaigns: campaigns, limit: Self.pickerLimit)
            if found.count > 1 {
                let options: [HTML] = found.rows.map { "<option value=\"\($0.id)\">\(Self.pick($0))</option>" }
                let more: HTML =
                    found.count > found.rows.count
                    ? "<span class=\"sub\">\(lang.t(.firstMatchesOnly(found.rows.count)))</span>" : ""
                return "<select name=\"\(name)\" required>\(first)\(options)</select>\(more)"
            }
        }
        var shown = chosen
        if let id = Self.leadingID(chosen), let e = try ledger.events.titled([id]).first { shown = Self.pick(e) }
        return
            "<input name=\"\(name)\"\(required) autocomplete=\"off\" value=\"\(shown)\" placeholder=\"\(lang.t(.typeEventToFind))\">"
    }

    /// The event a picker sent: its number, or the one event a typed text names (refused, with how many
    /// match, when it names none or several).
    func pickedEvent(_ text: String, field: Field, campaigns: Bool = false) throws -> Int64 {
        let t = CSVColumns.trim(text)
        if let id = Self.leadingID(t) { return id }
        let found = try ledger.events.find(t, in: try currentRange(), campaigns: campaigns, limit: 1)
        guard found.count == 1, let e = found.rows.first else {
            throw KepuError(.recordNotPicked(field: field, value: t, matches: found.count, kind: .event))
        }
        return e.id
    }

    /// `35 2023-09-16 1,200.00元 展板制作，发票 0012`: a cost as a picker shows it.
    func pick(_ c: CostItem) -> String {
        let what = [c.item, c.invoice.map { lang.t(.invoiceNumber($0)) }].compactMap { $0 }.joined(
            separator: lang.t(.comma))
        return "\(c.id) \(c.date) \(c.amount.grouped)元 \(what)"
    }

    /// A form's cost, as `eventPicker` picks an event: a select of the current plan's live costs up to
    /// `pickerLimit`, else a field searched by item, invoice number, payee or number.
    func costPicker(_ name: String, selected: String?, none: String) throws -> HTML {
        let range = try currentRange()
        let chosen = CSVColumns.trim(selected ?? "")
        let first: HTML = "<option value=\"\">\(none)</option>"
        if try count("costs|\(range)", { try ledger.money.countCosts(in: range) }) <= Self.pickerLimit {
            let picked = Self.leadingID(chosen)
            let options: [HTML] = try ledger.money.findCosts("", in: range, limit: Self.pickerLimit).rows.map { c in
                "<option value=\"\(c.id)\"\(picked == c.id ? " selected" : "")>\(pick(c))</option>"
            }
            return "<select name=\"\(name)\">\(first)\(options)</select>"
        }
        if !chosen.isEmpty, Self.leadingID(chosen) == nil {
            let found = try ledger.money.findCosts(chosen, in: range, limit: Self.pickerLimit)
            if found.count > 1 {
                let options: [HTML] = found.rows.map { "<option value=\"\($0.id)\">\(pick($0))</option>" }
                return "<select name=\"\(name)\">\(first)\(options)</select>"
            }
        }
        var shown = chosen
        if let id = Self.leadingID(chosen), let c = try ledger.money.costs([id]).first { shown = pick(c) }
        return
            "<input name=\"\(name)\" autocomplete=\"off\" value=\"\(shown)\" placeholder=\"\(lang.t(.typeCostToFind))\">"
    }

    /// The cost a picker sent, as `pickedEvent` reads an event.
    func pickedCost(_ text: String, field: Field) throws -> Int64 {
        let t = CSVColumns.trim(text)
        if let id = Self.leadingID(t) { return id }
        let found = try ledger.money.findCosts(t, in: try currentRange(), limit: 1)
        guard found.count == 1, let c = found.rows.first else {
            throw KepuError(.recordNotPicked(field: field, value: t, matches: found.count, kind: .cost))
        }
        return c.id
    }

    /// The prefilled form that fixes a finding.
    static func url(_ fix: FindingFix) -> String {
        switch fix {
        case .evidenceForEvent(let id): "/evidence?event=\(id)#upload"
        case .evidenceForCost(let id): "/evidence?cost=\(id)&kind=invoice#upload"
        case .deviationNote(let indicator, let year):
            "/self-evaluation?year=\(year)&indicator=\(indicator.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")#note"
        }
    }

    /// The address phones reach this server at, for a door's link: `kepu serve --public-url` (or
    /// `KEPU_PUBLIC_URL`), else the office's setting (设置), else the address this browser used.
    func doorAddress(authority: String?) throws -> PublicAddress {
        if let given = settings.publicURL { return (try? PublicAddress.parse(given)) ?? PublicAddress.seen(given) }
        if let kept = try ledger.settings.publicAddress() { return kept }
        return PublicAddress.seen((settings.secureCookies ? "https://" : "http://") + (authority ?? "127.0.0.1"))
    }

    func error(_ text: String) -> HTML { Self.error(text, id: nil) }

    /// A refused form's sentence, just above the form it names (`id="FORM-error"`), which points to it with
    /// `aria-describedby` (see `Page.formAttributes`).
    func error(_ text: String?, form: String) -> HTML {
        guard let text else { return HTML() }
        return Self.error(text, id: "\(form)-error")
    }

    /// A refusal's box: one sentence, or each of several (one per line of `text`) as an item of a list.
    static func error(_ text: String, id: String?) -> HTML {
        let idAttribute: HTML = id.map { " id=\"\($0)\"" } ?? HTML()
        let lines = text.split(separator: "\n").map(String.init)
        guard lines.count > 1 else {
            return "<p class=\"error\" role=\"alert\"\(idAttribute)>\(HTML.sentence(text))</p>"
        }
        let items = lines.map { "<li>\(HTML.sentence($0))</li>" as HTML }.joined()
        return "<div class=\"error\" role=\"alert\"\(idAttribute)><ul>\(items)</ul></div>"
    }
}

extension Request {
    /// The query's parameters (the first of a repeated name).
    var query: [String: String] {
        Dictionary(uri.queryParameters.map { (String($0.key), String($0.value)) }, uniquingKeysWith: { a, _ in a })
    }
}

/// A form whose token is not the session's: the page was open too long, or the session changed. Nothing is
/// written; the error page offers what was typed back, to send again with the session's token.
struct StaleForm: Error {
    var action: String
    var fields: [String: String]
}

/// Signed out: a page redirects to `/login`, the API answers 401.
struct SignInRequired: Error {}

extension WebContext {
    /// The signed-in user of a page (a session; an API token does not open pages).
    func pageUser() throws -> UserItem {
        guard let user, sessionID != nil else { throw SignInRequired() }
        return user
    }

    /// The user of an API call, with at least `role`.
    func apiUser(_ role: UserRole = .clerk) throws -> UserItem {
        guard let user else { throw HTTPError(.unauthorized) }
        guard user.role >= role else { throw HTTPError(.forbidden) }
        return user
    }

    /// A page the role may open: 403 otherwise.
    func pageUser(_ role: UserRole) throws -> UserItem {
        let user = try pageUser()
        guard user.role >= role else { throw HTTPError(.forbidden) }
        return user
    }
}

extension [String: String] {
    /// A field's text, trimmed; nil when blank.
    func value(_ key: String) -> String? {
        self[key].map { CSVColumns.trim($0) }.flatMap { $0.isEmpty ? nil : $0 }
    }
}

/// Page bodies computed from the ledger, each kept with the ledger's version it was computed at
/// (`AuditService.version`).
///
/// A body is used as it is while that version holds. After a write, one request computes the new
/// body and the others wait for it, each for as long as its `patience`: a session that has just
/// written waits (it must see its own write), any other reader waits 50 ms and then, if the
/// computation is still running (a sign-in sheet of a million rows makes the distinct-participant
/// count take a second or two), gets the previous body, marked as being brought up to date.
actor PageCache {
    private var entries: [String: (version: Int64, body: HTML)] = [:]
    private var inFlight: [String: (version: Int64, task: Task<HTML, Error>)] = [:]
    static let capacity = 64
    let patience: Duration

    init(patience: Duration = .milliseconds(50)) { self.patience = patience }

    /// The body for `key` at `version`, and whether it is the previous version's. `patience`, when
    /// given, replaces the cache's.
    func body(
        _ key: String, version: Int64, patience wait: Duration? = nil, make: @escaping @Sendable () throws -> HTML
    ) async throws -> (body: HTML, stale: Bool) {
        if let e = entries[key], e.version == version { return (e.body, false) }
        let task: Task<HTML, Error>
        if let f = inFlight[key], f.version == version {
            task = f.task
        } else {
            // Detached: a task made here would run on this actor and hold every other request's
            // lookup while it computes; on the blocking executor, as the handlers are. The request's
            // language goes along.
            let language = Web.requestLanguage
            task = Task.detached(executorPreference: BlockingExecutor.shared) {
                let body = try Web.$requestLanguage.withValue(language) { try make() }
                await self.store(key, version: version, body)
                return body
            }
            inFlight[key] = (version, task)
        }
        guard let previous = entries[key] else { return (try await task.value, false) }
        // Whichever comes first: the new body, or the end of the patience. (A task group would wait
        // for the computation even after the patience ran out.)
        let patience = wait ?? self.patience
        let fresh: HTML? = await withCheckedContinuation { continuation in
            let first = FirstOf(continuation)
            Task { first.resume(try? await task.value) }
            Task {
                try? await Task.sleep(for: patience)
                first.resume(nil)
            }
        }
        if let fresh { return (fresh, false) }
        return (previous.body, true)
    }

    private func store(_ key: String, version: Int64, _ body: HTML) {
        if inFlight[key]?.version == version { inFlight[key] = nil }
        if entries.count >= Self.capacity { entries.removeAll() }
        if (entries[key]?.version ?? -1) <= version { entries[key] = (version, body) }
    }
}

/// The audit chain's check, done again only when the trail has grown: recomputing ten thousand rows'
/// hashes on every view of 操作记录 took most of a second. (`kepu log --verify` always checks it all.)
final class AuditCheck: @unchecked Sendable {
    private let sums = LedgerSums()

    func verification(_ ledger: Ledger) throws -> AuditVerification {
        try sums.value("audit chain", version: try ledger.audit.version()) { try ledger.audit.verify() }
    }
}

/// Figures read from the whole ledger (a list's count and totals, the check of the evidence files),
/// kept until the ledger changes (a new audit row, which every write makes): a page that shows them
/// computes them once per write, not once per view. At most `capacity` kept; then it starts afresh.
final class LedgerSums: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String: (version: Int64, value: any Sendable)] = [:]
    static let capacity = 256

    func value<T: Sendable>(_ key: String, version: Int64, make: () throws -> T) rethrows -> T {
        if let e = lock.withLock({ entries[key] }), e.version == version, let v = e.value as? T { return v }
        let v = try make()
        lock.withLock {
            if entries.count >= Self.capacity { entries.removeAll(keepingCapacity: true) }
            entries[key] = (version, v)
        }
        return v
    }
}

/// Door tokens in memory, by door id: a poster needs the link, which only its opening knew.
final class DoorLinks: @unchecked Sendable {
    private let lock = NSLock()
    private var tokens: [Int64: String] = [:]
    func set(_ door: Int64, _ token: String) { lock.withLock { tokens[door] = token } }
    func token(_ door: Int64) -> String? { lock.withLock { tokens[door] } }
}

/// Resumes a continuation with the first value offered, and ignores the rest.
final class FirstOf<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T, Never>?
    init(_ c: CheckedContinuation<T, Never>) { continuation = c }

    func resume(_ value: T) {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume(returning: value)
    }
}

/// Notices shown once, on the page a write redirects to, per session.
actor Flash {
    /// A write's confirmation, and a warning that came with it (shown apart, in its own colour).
    struct Message: Sendable {
        var text: String
        var warning: String?
    }

    private var messages: [String: Message] = [:]
    private var wrote: [String: Date] = [:]

    /// A write's notice; it also marks the session as having just written.
    func set(_ session: String, _ text: String, warning: String? = nil, now: Date = Date()) {
        messages[session] = Message(text: text, warning: warning)
        wrote = wrote.filter { now.timeIntervalSince($0.value) < 60 }
        wrote[session] = now
    }

    func take(_ session: String) -> Message? { messages.removeValue(forKey: session) }

    /// The session wrote within the last minute: its pages must show its write.
    func wroteRecently(_ session: String, now: Date = Date()) -> Bool {
        wrote[session].map { now.timeIntervalSince($0) < 60 } ?? false
    }
}

extension KepuError {
    /// A refused form: 409 when a year lock refused it, else 422 (the form shown again with the sentence).
    var webStatus: HTTPResponse.Status {
        if case .yearLocked = problem { return .conflict }
        if isDatabaseFailure { return .serviceUnavailable }
        return .unprocessableContent
    }

    /// A refused API call: 409 for a year lock, 400 for a bad value, else 422.
    var apiStatus: HTTPResponse.Status {
        if case .yearLocked = problem { return .conflict }
        return kind == .usage ? .badRequest : .unprocessableContent
    }
}

/// The language switch: the `kepu_lang` cookie (set by `GET /lang?to=en|zh`) picks Chinese or English
/// for the pages of that browser; without it, the server's language (Chinese unless `--lang en`).
struct LanguageMiddleware: RouterMiddleware {
    typealias Context = WebContext

    func handle(_ request: Request, context: WebContext, next: (Request, WebContext) async throws -> Response)
        async throws -> Response
    {
        let chosen: Language? =
            switch request.cookies[Web.languageCookie]?.value {
            case "en": .en
            case "zh": .zh
            default: nil
            }
        return try await Web.$requestLanguage.withValue(chosen) { try await next(request, context) }
    }
}

/// `GET /lang?to=en&back=/events`: remembers the choice in a cookie for a year, and goes back.
func switchLanguage(_ request: Request, secure: Bool) -> Response {
    let to = request.query["to"] == "en" ? "en" : "zh"
    let back = localPath(
        request.query["back"]
            ?? request.headers[.referer].flatMap { URL(string: $0) }.map { u in
                u.path + (u.query.map { "?" + $0 } ?? "")
            })
    var response = Response(status: .seeOther, headers: [.location: back])
    response.setCookie(
        Cookie(
            name: Web.languageCookie, value: to, maxAge: 365 * 24 * 3600, path: "/", secure: secure, httpOnly: true,
            sameSite: .lax))
    return response
}

/// A redirect target that can only be a path of this site: one leading `/`, then no `/` or `\\`
/// right after it, no backslash, no control character, and none of these hidden by percent-encoding
/// (`%2F%09%2Fevil.example` is `/<TAB>/evil.example`, which browsers read as `//evil.example`).
/// Anything else is `/`.
func localPath(_ target: String?) -> String {
    guard let target, target.utf8.count <= 2_048 else { return "/" }
    func safe(_ s: String) -> Bool {
        let u = Array(s.unicodeScalars)
        guard u.first == "/", u.count == 1 || (u[1] != "/" && u[1] != "\\") else { return false }
        return !u.contains {
            $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F || ($0.value >= 0x80 && $0.value < 0xA0)
        }
    }
    var text = target
    // Decoded until nothing changes (bounded), each form checked.
    for _ in 0..<4 {
        guard safe(text) else { return "/" }
        guard let decoded = text.removingPercentEncoding, decoded != text else { return target }
        text = decoded
    }
    return "/"
}
