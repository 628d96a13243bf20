import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

/// 经费, 志愿者, 操作记录 and 用户: each a list with the forms of its commands.
struct OfficePages: Sendable {
    let web: Web
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    // MARK: 经费

    /// `GET /budget`: the plan's lines with planned, spent and execution; the year's costs and print
    /// runs, each linked to its page (correct, void); a form for a print run.
    func budget(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return await budgetPage(request, context, status: .ok, error: nil, values: request.query)
    }

    func budgetPage(
        _ request: Request, _ context: WebContext, status: HTTPResponse.Status, error: String?,
        values: [String: String]
    ) async -> Response {
        // The year: `?year=`, else the plan covering today; its facts are read once, for the budget.
        let today = ledger.context.today()
        let year = request.query["year"].flatMap { Int($0) }
        // A year of several projects shows each project's lines under its name, then the department's.
        let reconciled = try? YearProjects.reconcile(
            ledger: ledger, year: year, unit: nil, asOf: nil, today: today, project: nil, scope: .project)
        let range = reconciled?.plan.period ?? DateRange.year(year ?? today.year)
        var body = HTML()
        if let r = reconciled {
            var sections: [Section] = []
            for e in r.parts {
                var s = ReconcileReport.budgetSection(e, lang: lang, surface: .web)
                if r.several { s.heading = YearProjects.heading(e, lang: lang) + " · " + (s.heading ?? "") }
                sections.append(s)
            }
            body += web.html(Report(title: "", sections: sections))
        }
        let filter = RecordFilter(range: range, event: nil, unit: nil, includeVoided: request.query["all"] == "1")
        func v(_ k: String) -> String { values[k] ?? "" }
        body += """
            <section><h2>\(lang.t("登记印刷品", "Record a print run"))</h2>
            \(web.error(error, form: "print"))<form method="post" action="/budget/print#print" class="record"\(Page.formAttributes("print", refused: error != nil))>\(Page.csrfField(context))
            <label class="wide">\(lang.t("品名", "Title"))<input name="title" required value="\(v("title"))"></label>
            <label>\(lang.t("类型", "Ink"))<select name="ink">\(Page.options(Ink.allCases, selected: values["ink"], lang))</select></label>
            <label>\(lang.t("份数", "Copies"))<input name="copies" required inputmode="numeric" value="\(v("copies"))"></label>
            <label>\(lang.t("单价（元）", "Unit price (元)"))<input name="unitPrice" required value="\(v("unitPrice"))"></label>
            <label class="wide">\(lang.t("所属活动（可不选）", "Event (optional)"))\(web.eventSelect("event", selected: values["event"], none: lang.t("（不属于某个活动）", "(no event)")))</label>
            <label>\(lang.t("日期", "Date"))<input name="date" type="date" value="\(v("date"))"></label>
            <button type="submit">\(lang.t("登记印刷品", "Add the print run"))</button>
            </form><p class="sub">\(lang.t("费用在活动页面登记；不属于某个活动的费用请用“导入”上传财务明细。", "Costs are recorded on an event's page, or imported from the finance office's ledger."))</p></section>
            """
        let names = web.names()
        if let all = try? ledger.money.costs(filter), !all.isEmpty {
            // A search (item, invoice number, payee, line, event), 50 a page, the filters kept in the links.
            let costs = Page.list(all, request.query) { c in
                [c.item, c.invoice, c.payee, names.lines[c.line], c.event.flatMap { names.events[$0] }]
            }
            let total = costs.matching.filter { $0.voided == nil }.reduce(Money.zero) { $0 + $1.amount }
            body += """
                <section><h2>\(lang.t("费用（\(costs.matching.count) 笔）", "Costs (\(costs.matching.count))"))</h2>
                <form method="get" action="/budget" class="filter">
                <label>\(lang.t("查找", "Find"))<input name="q" value="\(request.query["q"] ?? "")" placeholder="\(lang.t("摘要、发票号、收款方、品名或活动", "item, invoice, payee, print run or event"))"></label>
                <label class="check"><input type="checkbox" name="all" value="1"\(request.query["all"] == "1" ? " checked" : "")>\(lang.t("含已作废", "include voided"))</label>
                <button type="submit">\(lang.t("筛选", "Filter"))</button></form>
                \(web.html(RecordTables.costs(costs.shown, lang: lang, names: names, total: costs.pages > 1 ? total : nil)))
                \(Page.pager("/budget", costs.kept, page: costs.page, pages: costs.pages, lang: lang))</section>
                """
        }
        if let all = try? ledger.money.printRuns(filter), !all.isEmpty {
            // The same search (title or event), 50 a page under their own page number (`?prints=`).
            let runs = Page.list(all, request.query, key: "prints") { p in
                [p.title, p.event.flatMap { names.events[$0] }]
            }
            body += """
                <section id="prints"><h2>\(lang.t("印刷品（\(runs.matching.count) 条）", "Print runs (\(runs.matching.count))"))</h2>
                \(web.html(RecordTables.printRuns(runs.shown, lang: lang, names: names)))
                \(Page.pager("/budget", runs.kept, page: runs.page, pages: runs.pages, lang: lang, key: "prints", anchor: "#prints"))</section>
                """
        }
        return await web.page(lang.t("经费", "Budget"), context, body: body, status: status)
    }

    /// `POST /budget/print`: `kepu print add`.
    func addPrintRun(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context)
        do {
            let input = NewPrintRun(
                title: try Parse.text(fields["title"] ?? "", field: lang.t("品名", "title")),
                ink: try Ink.parse(fields["ink"] ?? "", field: lang.t("类型", "ink")),
                copies: try Parse.positiveCount(fields["copies"] ?? "", field: lang.t("份数", "copies")),
                unitPrice: try Money.parse(fields["unitPrice"] ?? "", field: lang.t("单价", "unit price")),
                event: try fields.value("event").map { try webID($0, field: lang.t("活动编号", "event id")) },
                date: try fields.value("date").map { try CalendarDate.parse($0, field: lang.t("日期", "date")) })
            try input.validate()
            let r = try web.ledger(for: user, request: request).money.addPrintRun(input)
            return await web.done(
                "/budget", context,
                notice: Catalogue.text(
                    .printRunAdded(
                        id: r.id, copies: input.copies, unitPrice: input.unitPrice, cost: input.cost, line: r.line.id,
                        lineName: r.line.name), lang))
        } catch let e as KepuError {
            return await budgetPage(
                request, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }

    // MARK: 志愿者

    /// `GET /volunteers`: every volunteer (phones masked) with hours, a form to add one and a form
    /// to sign one up for an event with hours.
    func volunteers(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        // `?event=ID` (a link from an event's page) fills in the sign-up form's event.
        return await volunteersPage(
            context, status: .ok, error: nil, form: "signup", values: request.query, query: request.query)
    }

    func volunteersPage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, form: String?, values: [String: String],
        query: [String: String] = [:]
    ) async -> Response {
        func v(_ which: String, _ k: String) -> String { form == which ? values[k] ?? "" : "" }
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func attrs(_ which: String) -> HTML { Page.formAttributes(which, refused: form == which && error != nil) }
        // The volunteers to pick from: a list the browser filters as the clerk types a name or a phone's
        // last four digits; the number in front is what is sent.
        let everyone = (try? ledger.volunteers.list(RecordFilter())) ?? []
        // Up to 300 the browser offers them all as the clerk types; past that the page would grow past
        // 100 KB, and the server searches what was typed instead (a name, or a phone's last 4 digits).
        let picks: [HTML] =
            everyone.count > Self.listedVolunteers
            ? []
            : everyone.map { "<option value=\"\(Self.pick($0))\"></option>" }
        let typed = v("signup", "volunteer")
        let matches =
            form == "signup" && error != nil && Int64(typed) == nil
            ? Array(Self.candidates(everyone, CSVColumns.trim(typed)).prefix(50)) : []
        var chosen = v("signup", "volunteer")
        if let id = Int64(chosen), let p = everyone.first(where: { $0.id == id }) { chosen = Self.pick(p) }
        var body: HTML = """
            <section><h2>\(lang.t("添加志愿者", "Add a volunteer"))</h2>\(err("add"))
            <form method="post" action="/volunteers#add" class="record"\(attrs("add"))>\(Page.csrfField(context))
            <label>\(lang.t("姓名", "Name"))<input name="name" required value="\(v("add", "name"))"></label>
            <label>\(lang.t("手机", "Phone"))<input name="phone" inputmode="tel" value="\(v("add", "phone"))"></label>
            <label>\(lang.t("志愿组织", "Organization"))<input name="org" value="\(v("add", "org"))"></label>
            <label>\(lang.t("平台编号", "Platform no."))<input name="platform" value="\(v("add", "platform"))"></label>
            <button type="submit">\(lang.t("添加志愿者", "Add the volunteer"))</button>
            </form></section>
            <section><h2>\(lang.t("活动报名与服务时长", "Sign-up and hours"))</h2>\(err("signup"))
            <form method="post" action="/volunteers/signup#signup" class="record"\(attrs("signup"))>\(Page.csrfField(context))
            \(volunteerField(chosen: chosen, picks: picks, matches: matches))
            <label class="wide">\(lang.t("活动", "Event"))\(web.eventSelect("event", selected: v("signup", "event"), none: nil))</label>
            <label>\(lang.t("时长（小时）", "Hours"))<input name="hours" value="\(v("signup", "hours"))"></label>
            <label>\(lang.t("日期", "Date"))<input name="date" type="date" value="\(v("signup", "date"))"></label>
            <label>\(lang.t("岗位", "Role"))<input name="role" value="\(v("signup", "role"))"></label>
            <button type="submit">\(lang.t("登记报名", "Add the sign-up"))</button>
            </form></section>
            """
        // The list: a search (name, organization, platform number, or a phone's last four digits),
        // 50 a page, the search kept in the page links.
        let q = query.value("q") ?? ""
        let list = q.isEmpty ? everyone : everyone.filter { Self.matches($0, q) }
        let (pageNo, pages) = Page.pageNumber(query, count: list.count)
        let shown = Array(list.dropFirst((pageNo - 1) * Page.pageSize).prefix(Page.pageSize))
        body += """
            <section><h2>\(lang.t("志愿者（\(everyone.count) 人）", "Volunteers (\(everyone.count))"))</h2>
            <form method="get" action="/volunteers" class="filter">
            <label>\(lang.t("查找", "Find"))<input name="q" value="\(q)" placeholder="\(lang.t("姓名、队伍、平台编号或手机后四位", "name, organization, platform no. or a phone's last 4 digits"))" size="34"></label>
            <button type="submit">\(lang.t("查找", "Find"))</button>
            </form>
            """
        if everyone.isEmpty {
            body += "<p>\(lang.t("还没有志愿者", "no volunteers yet"))</p>"
        } else if list.isEmpty {
            body += "<p>\(lang.t("没有符合条件的志愿者", "no volunteer matches"))</p>"
        } else {
            body += web.html(RecordTables.volunteers(shown, maskPhones: true, lang: lang))
            body += Page.pager("/volunteers", q.isEmpty ? [:] : ["q": q], page: pageNo, pages: pages, lang: lang)
        }
        body += "</section>"
        return await web.page(lang.t("志愿者", "Volunteers"), context, body: body, status: status)
    }

    /// Whether a volunteer matches a search: the name, organization or platform number contains it,
    /// or it is the last digits (at least 4) of the phone, which the list shows masked.
    static func matches(_ v: VolunteerSummary, _ q: String) -> Bool {
        if v.name.localizedCaseInsensitiveContains(q) || (v.org ?? "").localizedCaseInsensitiveContains(q)
            || (v.platformNo ?? "").localizedCaseInsensitiveContains(q)
        {
            return true
        }
        return q.count >= 4 && q.allSatisfy(\.isASCII) && q.allSatisfy(\.isNumber) && (v.phone ?? "").hasSuffix(q)
    }

    /// `POST /volunteers`: `kepu volunteer add`.
    func addVolunteer(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context)
        do {
            let name = try Parse.text(fields["name"] ?? "", field: lang.t("姓名", "name"))
            let input = NewVolunteer(
                name: name,
                phone: try fields.value("phone").map { try NewVolunteer.phone($0, field: lang.t("手机", "phone")) },
                org: fields.value("org"), platformNo: fields.value("platform"))
            let r = try web.ledger(for: user, request: request).volunteers.add(input)
            return await web.done(
                "/volunteers", context,
                notice: Catalogue.text(
                    .volunteerAdded(id: r.id, name: name, org: input.org, newOrganization: r.newOrganization), lang))
        } catch let e as KepuError {
            return await volunteersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "add", values: fields)
        }
    }

    /// `POST /volunteers/signup`: `kepu volunteer signup`.
    func signup(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context)
        do {
            let input = NewSignup(
                volunteer: try pickedVolunteer(fields["volunteer"] ?? ""),
                event: try webID(fields["event"] ?? "", field: lang.t("活动", "event")),
                hoursCenti: try fields.value("hours").map { try Parse.hours($0, field: lang.t("时长", "hours")) },
                date: try fields.value("date").map { try CalendarDate.parse($0, field: lang.t("日期", "date")) },
                role: fields.value("role"))
            let id = try web.ledger(for: user, request: request).volunteers.signup(input)
            return await web.done(
                "/volunteers", context,
                notice: Catalogue.text(
                    .signupAdded(id: id, volunteer: input.volunteer, event: input.event, hoursCenti: input.hoursCenti),
                    lang))
        } catch let e as KepuError {
            return await volunteersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "signup", values: fields)
        }
    }

    /// How many volunteers the sign-up form lists for the browser to offer.
    static let listedVolunteers = 300

    /// The sign-up's volunteer: a select of the matches after a search found several, else a field the
    /// browser completes from the list (when there is one).
    func volunteerField(chosen: String, picks: [HTML], matches: [VolunteerSummary]) -> HTML {
        if matches.count > 1 {
            // Sent as the list sends a pick (`1234 李华（…）`): a number alone of four digits is a phone's tail.
            let options: [HTML] = matches.map { p in
                "<option value=\"\(Self.pick(p))\">\(p.name)\(p.phone.map { "（\(maskPhone($0))）" } ?? "")\(p.org.map { " \($0)" } ?? "")</option>"
            }
            return
                "<label class=\"wide\">\(lang.t("志愿者（从符合的人中选择）", "Volunteer (choose among the matches)"))<select name=\"volunteer\" required>\(options)</select></label>"
        }
        let list: HTML = picks.isEmpty ? HTML() : " list=\"volunteer-list\""
        let hint =
            picks.isEmpty
            ? lang.t("志愿者（输入姓名或手机后四位）", "Volunteer (type a name or a phone's last 4 digits)")
            : lang.t("志愿者（输入姓名或手机后四位，从列表中选）", "Volunteer (type a name or a phone's last 4 digits, pick from the list)")
        return """
            <label class="wide">\(hint)<input name="volunteer" required\(list) autocomplete="off" value="\(chosen)"></label>
            \(picks.isEmpty ? HTML() : "<datalist id=\"volunteer-list\">\(picks)</datalist>")
            """
    }

    /// A volunteer as the sign-up form offers them: `12 李华（138****0001）`, the number first.
    static func pick(_ p: VolunteerSummary) -> String {
        "\(p.id) \(p.name)" + (p.phone.map { "（\(maskPhone($0))）" } ?? "")
    }

    /// The volunteer a sign-up names: the number in front of a pick, or what was typed (a name, a phone's
    /// last four digits) when exactly one volunteer matches it. A search that works without a script: a name (or a phone's last four digits) that more than one
    /// volunteer matches is refused with the matches offered as a select.
    func pickedVolunteer(_ text: String) throws -> Int64 {
        let t = CSVColumns.trim(text)
        let digits = t.prefix { $0.isASCII && $0.isNumber }
        // `12 李华（138****0001）` from the list, or a select's `12`; four digits alone are a phone's tail.
        if let id = Int64(digits), id > 0, t.count > digits.count || digits.count < 4 { return id }
        let matches = Self.candidates(((try? ledger.volunteers.list(RecordFilter())) ?? []), t)
        if matches.count == 1 { return matches[0].id }
        throw KepuError(.notPicked(field: lang.t("志愿者", "volunteer"), value: text, matches: matches.count))
    }

    /// The volunteers a typed name or phone tail names: the exact name if someone has it, else every match.
    static func candidates(_ everyone: [VolunteerSummary], _ t: String) -> [VolunteerSummary] {
        guard !t.isEmpty else { return [] }
        let exact = everyone.filter { $0.name == t }
        return exact.isEmpty ? everyone.filter { matches($0, t) } : exact
    }

    // MARK: 操作记录

    /// `GET /audit[?entity=K&id=N&operator=NAME&since=D&until=D&details=1&page=N]`: `kepu log`, newest
    /// first, 50 rows a page; and the hash chain's check.
    func audit(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let q = request.query
        var body = HTML()
        do {
            let filter = AuditService.Filter(
                since: try q.value("since").map { try CalendarDate.parse($0, field: lang.t("起始日期", "since")).start() },
                until: try q.value("until").map {
                    try CalendarDate.parse($0, field: lang.t("截止日期", "until")).adding(days: 1).start()
                },
                entity: q.value("entity").flatMap(RecordKind.init(rawValue:)),
                id: try q.value("id").map { try webID($0, field: lang.t("记录编号", "record id")) },
                operatorName: q.value("operator"))
            let (pageNo, pages) = Page.pageNumber(q, count: try ledger.audit.count(filter))
            var page = filter
            page.limit = Page.pageSize
            page.offset = (pageNo - 1) * Page.pageSize
            let entries = try ledger.audit.log(page)
            body += web.html(
                RecordTables.auditTable(entries, details: q["details"] == "1", lang: lang, names: web.names()))
            var kept = q
            kept["page"] = nil
            body += Page.pager("/audit", kept, page: pageNo, pages: pages, lang: lang)
        } catch let e as KepuError {
            body += web.error(e.text(lang, for: .web))
        }
        let verification = try web.auditCheck.verification(ledger)
        let chain =
            verification.firstBroken.map { Catalogue.text(.auditBroken(row: $0.id, reason: $0.reason), lang) }
            ?? Catalogue.text(.auditIntact(rows: verification.rows), lang)
        let kinds: [HTML] = RecordKind.allCases.map {
            "<option value=\"\($0.rawValue)\"\(q["entity"] == $0.rawValue ? " selected" : "")>\(Catalogue.recordName($0, lang))</option>"
        }
        let filterForm: HTML = """
            <p class="\(verification.firstBroken == nil ? "notice" : "error")">\(Page.esc(chain))</p>
            <form method="get" action="/audit" class="filter">
            <label>\(lang.t("记录类型", "Kind"))<select name="entity"><option value="">\(lang.t("全部", "all"))</option>\(kinds)</select></label>
            <label>\(lang.t("记录编号", "Id"))<input name="id" size="6" value="\(Page.esc(q["id"] ?? ""))"></label>
            <label>\(lang.t("操作员", "Operator"))<input name="operator" size="10" value="\(Page.esc(q["operator"] ?? ""))"></label>
            <label>\(lang.t("起始日期", "Since"))<input name="since" type="date" value="\(Page.esc(q["since"] ?? ""))"></label>
            <label>\(lang.t("截止日期", "Until"))<input name="until" type="date" value="\(Page.esc(q["until"] ?? ""))"></label>
            <label class="check"><input type="checkbox" name="details" value="1"\(q["details"] == "1" ? " checked" : "")>\(lang.t("显示详情（命令、修改前后）", "Details (command, before and after)"))</label>
            <button type="submit">\(lang.t("筛选", "Filter"))</button>
            </form>
            """
        return await web.page(lang.t("操作记录", "Audit trail"), context, body: filterForm + body)
    }

    // MARK: 用户

    /// `GET /users` (admins): `kepu user list`, with forms for add and disable.
    func users(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser(.admin)
        return await usersPage(context, status: .ok, error: nil)
    }

    /// The page; after a refused form, its sentence above that form (`add` or `disable`) and what was typed
    /// kept, the password never.
    func usersPage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, form: String? = nil,
        values: [String: String] = [:]
    ) async -> Response {
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func attrs(_ which: String) -> HTML { Page.formAttributes(which, refused: form == which && error != nil) }
        let users = (try? ledger.users.list()) ?? []
        let table = ReportTable(
            columns: [
                .init(lang.t("用户名", "Name")), .init(lang.t("角色", "Role")), .init(lang.t("创建时间", "Created")),
                .init(lang.t("状态", "Status")), .init(lang.t("API 令牌", "API tokens"), .right),
            ],
            rows: users.map {
                [
                    Cell($0.name), Cell(lang.t($0.role.chinese, $0.role.rawValue)),
                    Cell(RecordTables.localTime($0.createdAt)),
                    $0.disabledAt == nil ? Cell(lang.t("正常", "active")) : Cell(lang.t("已停用", "disabled"), .warn),
                    Cell(String($0.activeTokens)),
                ]
            })
        let roles: [HTML] = UserRole.allCases.map {
            "<option value=\"\($0.rawValue)\"\(values["role"] == $0.rawValue ? " selected" : "")>\(lang.t($0.chinese, $0.rawValue))</option>"
        }
        let me = context.user?.name.lowercased()
        let active: [HTML] = users.filter { $0.disabledAt == nil && $0.name.lowercased() != me }.map {
            "<option value=\"\($0.name)\"\(values["name"] == $0.name && form == "disable" ? " selected" : "")>\($0.name)（\(lang.t($0.role.chinese, $0.role.rawValue))）</option>"
        }
        let body: HTML = """
            \(form == nil ? error.map(web.error) ?? HTML() : HTML())
            \(web.html(table))
            <section><h2>\(lang.t("添加用户", "Add a user"))</h2>\(err("add"))
            <form method="post" action="/users#add" class="record"\(attrs("add"))>\(Page.csrfField(context))
            <label>\(lang.t("用户名", "Name"))<input name="name" required autocomplete="off" value="\(form == "add" ? values["name"] ?? "" : "")"></label>
            <label>\(lang.t("角色", "Role"))<select name="role">\(roles)</select></label>
            <label>\(lang.t("初始密码（至少 8 个字符）", "Password (8 characters or more)"))<input name="password" type="password" required autocomplete="new-password"></label>
            <button type="submit">\(lang.t("添加用户", "Add the user"))</button>
            </form></section>
            <section><h2>\(lang.t("停用用户", "Disable a user"))</h2><p class="sub">\(lang.t("停用后不能登录，会话和 API 令牌立即失效；用户不会被删除。", "A disabled user cannot sign in; sessions and tokens end at once. Nobody is deleted."))</p>
            \(err("disable"))<form method="post" action="/users/disable#disable" class="record"\(attrs("disable"))>\(Page.csrfField(context))
            <label>\(lang.t("用户", "User"))<select name="name" required><option value="">\(lang.t("请选择", "choose"))</option>\(active)</select></label>
            <button type="submit" class="danger">\(lang.t("停用", "Disable"))</button>
            </form></section>
            """
        return await web.page(lang.t("用户", "Users"), context, body: body, status: status)
    }

    /// `POST /users` (admins): `kepu user add`.
    func addUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context, role: .admin)
        do {
            let name = try Parse.text(fields["name"] ?? "", field: lang.t("用户名", "name"))
            let role = try UserRole.parse(fields["role"] ?? "", field: lang.t("角色", "role"))
            _ = try web.ledger(for: user, request: request).users.add(
                name: name, role: role, password: fields["password"] ?? "")
            return await web.done(
                "/users", context, notice: Catalogue.text(Notice.userAdded(name: name, role: role), lang))
        } catch let e as KepuError {
            return await usersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "add", values: fields)
        }
    }

    /// `POST /users/disable` (admins): `kepu user disable`.
    func disableUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context, role: .admin)
        do {
            let name = try Parse.text(fields["name"] ?? "", field: lang.t("用户名", "name"))
            if name.lowercased() == user.name.lowercased() { throw KepuError(.cannotDisableSelf(name: user.name)) }
            guard fields["confirm"] == "yes" else {
                return await web.confirmation(
                    context, title: lang.t("确认停用用户", "Confirm"),
                    question: lang.t(
                        "确认停用用户 \(name)？其已登录的会话会结束，API 令牌会作废；以后可以重新启用。",
                        "Disable \(name)? Their sessions end and their API tokens are revoked; they can be enabled again later."
                    ),
                    action: "/users/disable", fields: ["name": name],
                    button: lang.t("确认停用", "Yes, disable"), back: "/users")
            }
            try web.ledger(for: user, request: request).users.disable(name: name, by: user.name)
            return await web.done("/users", context, notice: Catalogue.text(Notice.userDisabled(name: name), lang))
        } catch let e as KepuError {
            return await usersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "disable", values: fields)
        }
    }
}
