import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let printTitle = Label("品名", "Title")
    fileprivate static let inkHeader = Label("类型", "Ink")
    fileprivate static let copies = Label("份数", "Copies")
    fileprivate static let unitPrice = Label("单价（元）", "Unit price (元)")
    fileprivate static let eventOptional = Label("所属活动（可不选）", "Event (optional)")
    fileprivate static let noEventOfItsOwn = Label("（不属于某个活动）", "(no event)")
    fileprivate static let addPrintRun = Label("登记印刷品", "Add the print run")
    fileprivate static let costsOnEventPages = Label(
        "费用在活动页面登记；不属于某个活动的费用请用“导入”上传财务明细。",
        "Costs are recorded on an event's page, or imported from the finance office's ledger.")
    fileprivate static let costSearchHint = Label("摘要、发票号、收款方、品名或活动", "item, invoice, payee, print run or event")
    fileprivate static let printTitleField = Label("品名", "title")
    fileprivate static let inkField = Label("类型", "ink")
    fileprivate static let copiesField = Label("份数", "copies")
    fileprivate static let unitPriceField = Label("单价", "unit price")
    fileprivate static let addVolunteer = Label("添加志愿者", "Add a volunteer")
    fileprivate static let platformNo = Label("平台编号", "Platform no.")
    fileprivate static let addTheVolunteer = Label("添加志愿者", "Add the volunteer")
    fileprivate static let signUpHours = Label("活动报名与服务时长", "Sign-up and hours")
    fileprivate static let hours = Label("时长（小时）", "Hours")
    fileprivate static let role = Label("岗位", "Role")
    fileprivate static let addSignUp = Label("登记报名", "Add the sign-up")
    fileprivate static let volunteerSearchHint = Label(
        "姓名、志愿组织、平台编号或手机后四位", "name, organization, platform no. or a phone's last 4 digits")
    fileprivate static let noVolunteersYet = Label("还没有志愿者", "no volunteers yet")
    fileprivate static let noVolunteerMatches = Label("没有符合条件的志愿者", "no volunteer matches")
    fileprivate static let nameField = Label("姓名", "name")
    fileprivate static let phoneField = Label("手机", "phone")
    fileprivate static let eventField = Label("活动", "event")
    fileprivate static let volunteerAmongMatches = Label("志愿者（从符合的人中选择）", "Volunteer (choose among the matches)")
    fileprivate static let volunteerTypeToFind = Label(
        "志愿者（输入姓名或手机后四位）", "Volunteer (type a name or a phone's last 4 digits)")
    fileprivate static let volunteerTypeToPick = Label(
        "志愿者（输入姓名或手机后四位，从列表中选）", "Volunteer (type a name or a phone's last 4 digits, pick from the list)")
    fileprivate static let volunteerField = Label("志愿者", "volunteer")
    fileprivate static let sinceField = Label("起始日期", "since")
    fileprivate static let untilField = Label("截止日期", "until")
    fileprivate static let recordIdField = Label("记录编号", "record id")
    fileprivate static let recordKind = Label("记录类型", "Kind")
    fileprivate static let recordIdHeader = Label("记录编号", "Id")
    fileprivate static let operatorHeader = Label("操作员", "Operator")
    fileprivate static let since = Label("起始日期", "Since")
    fileprivate static let until = Label("截止日期", "Until")
    fileprivate static let showDetails = Label("显示详情（命令、修改前后）", "Details (command, before and after)")
    fileprivate static let userNameHeader = Label("用户名", "Name")
    fileprivate static let userRole = Label("角色", "Role")
    fileprivate static let created = Label("创建时间", "Created")
    fileprivate static let status = Label("状态", "Status")
    fileprivate static let apiTokens = Label("API 令牌", "API tokens")
    fileprivate static let active = Label("正常", "active")
    fileprivate static let disabled = Label("已停用", "disabled")
    fileprivate static let addUser = Label("添加用户", "Add a user")
    fileprivate static let password8Characters = Label("初始密码（至少 8 个字符）", "Password (8 characters or more)")
    fileprivate static let addTheUser = Label("添加用户", "Add the user")
    fileprivate static let disableUser = Label("停用用户", "Disable a user")
    fileprivate static let disablingExplained = Label(
        "停用后不能登录，会话和 API 令牌立即失效；用户不会被删除。",
        "A disabled user cannot sign in; sessions and tokens end at once. Nobody is deleted.")
    fileprivate static let user = Label("用户", "User")
    fileprivate static let disable = Label("停用", "Disable")
    fileprivate static let userNameField = Label("用户名", "name")
    fileprivate static let roleField = Label("角色", "role")
    fileprivate static let confirmDisable = Label("确认停用用户", "Confirm")
    fileprivate static let yesDisable = Label("确认停用", "Yes, disable")
    fileprivate static let resetPassword = Label("重设密码", "Reset a password")
    fileprivate static let resettingExplained = Label(
        "为忘记密码的用户设一个新密码；告诉本人后，请其在“我的账户”里改成只有自己知道的密码。该用户已登录的会话全部退出（重设自己的密码时，这里的登录保留）；API 令牌不受影响，如已泄露请另行作废。",
        "A new password for a user who forgot theirs: tell them, and have them change it on their own account page. Their sessions all end (resetting your own keeps this one); API tokens are not affected: revoke one apart if it leaked."
    )
    fileprivate static let newPassword = Label("新密码（至少 8 个字符）", "New password (8 characters or more)")
    fileprivate static let newPasswordAgain = Label("再输入一次新密码", "The new password again")
    fileprivate static let resetIt = Label("重设密码", "Reset the password")
    fileprivate static func costsCount(_ n: Int) -> Label { Label("费用（\(n) 笔）", "Costs (\(n))") }
    fileprivate static func printRunsCount(_ n: Int) -> Label { Label("印刷品（\(n) 条）", "Print runs (\(n))") }
    fileprivate static func volunteersCount(_ n: Int) -> Label { Label("志愿者（\(n) 人）", "Volunteers (\(n))") }
    fileprivate static func disableUserQuestion(_ name: String) -> Label {
        Label(
            "确认停用用户 \(name)？其已登录的会话会结束，API 令牌会作废；以后可以重新启用。",
            "Disable \(name)? Their sessions end and their API tokens are revoked; they can be enabled again later.")
    }
    fileprivate static let backupUnknown = Label("无法读取备份记录", "the backups can't be read")
    fileprivate static let noBackupYet = Label(
        "还没有备份：请单位的信息化管理员开启每天的定时备份（见安装说明的“备份与恢复”）",
        "there is no backup yet: have the office's IT person turn on the daily backup (the install guide's \"Backups\")"
    )
    fileprivate static func backupTooOld(_ when: String, _ size: String) -> Label {
        Label(
            "最近一次备份是 \(when)（\(size)），已超过两天：请信息化管理员检查每天的定时备份是否在运行",
            "the last backup was at \(when) (\(size)), more than two days ago: check that the backup timer runs")
    }
    fileprivate static func lastBackup(_ when: String, _ size: String, _ evidence: Int) -> Label {
        Label(
            "最近一次备份：\(when)，\(size)，含 \(evidence) 个佐证材料文件",
            "Last backup: \(when), \(size), with \(evidence) evidence files")
    }
}

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
        return try await budgetPage(request, context, status: .ok, error: nil, values: request.query)
    }

    func budgetPage(
        _ request: Request, _ context: WebContext, status: HTTPResponse.Status, error: String?,
        values: [String: String]
    ) async throws -> Response {
        // The year: `?year=`, else the plan covering today; its facts are read once, for the budget.
        let today = ledger.context.today()
        let year = request.query["year"].flatMap { Int($0) }
        // A year of several projects shows each project's lines under its name, then the department's.
        // The budget against the year's facts, computed once per write (every write adds an audit row).
        let (range, budget) = try web.sums.value(
            "budget|\(year.map(String.init) ?? "")|\(today)|\(lang.rawValue)", version: try ledger.audit.version()
        ) { () throws -> (DateRange, HTML) in
            let r: YearProjects.Reconciled
            do {
                r = try YearProjects.reconcile(
                    ledger: ledger, year: year, unit: nil, asOf: nil, today: today, project: nil, scope: .project)
            } catch let e as KepuError where !e.isDatabaseFailure {
                return (DateRange.year(year ?? today.year), HTML())
            }
            var sections: [Section] = []
            for e in r.parts {
                var s = ReconcileReport.budgetSection(e, lang: lang, surface: .web)
                if r.several { s.heading = YearProjects.heading(e, lang: lang) + " · " + (s.heading ?? "") }
                sections.append(s)
            }
            return (r.plan.period, web.html(Report(title: "", sections: sections)))
        }
        var body = budget
        let filter = RecordFilter(range: range, event: nil, unit: nil, includeVoided: request.query["all"] == "1")
        func v(_ k: String) -> String { values[k] ?? "" }
        body += """
            <section><h2>\(lang.t(.recordPrintRun))</h2>
            \(web.error(error, form: "print"))<form method="post" action="/budget/print#print" class="record"\(Page.formAttributes("print", refused: error != nil))>\(Page.csrfField(context))
            <label class="wide">\(lang.t(.printTitle))<input name="title" required value="\(v("title"))"></label>
            <label>\(lang.t(.inkHeader))<select name="ink">\(Page.options(Ink.allCases, selected: values["ink"], lang))</select></label>
            <label>\(lang.t(.copies))<input name="copies" required inputmode="numeric" value="\(v("copies"))"></label>
            <label>\(lang.t(.unitPrice))<input name="unitPrice" required value="\(v("unitPrice"))"></label>
            <label class="wide">\(lang.t(.eventOptional))\(try web.eventPicker("event", selected: values["event"], none: lang.t(.noEventOfItsOwn)))</label>
            <label>\(lang.t(.date))<input name="date" type="date" value="\(v("date"))"></label>
            <button type="submit">\(lang.t(.addPrintRun))</button>
            </form><p class="sub">\(lang.t(.costsOnEventPages))</p></section>
            """
        // A search (item, invoice number, payee, line, event), 50 a page, each list under its own page
        // number (`?page=`, `?prints=`), the filters kept in the links; the total is every match's.
        let q = request.query
        let search = q.value("q")
        let lineNames = try web.names().lines
        let lines =
            search.map { t in lineNames.filter { $0.value.localizedCaseInsensitiveContains(t) }.map(\.key) } ?? []
        let costs = try ledger.money.costs(
            filter, PageRequest(page: q["page"].flatMap { Int($0) } ?? 1, size: Page.pageSize, search: search),
            lines: lines)
        let runs = try ledger.money.printRuns(
            filter, PageRequest(page: q["prints"].flatMap { Int($0) } ?? 1, size: Page.pageSize, search: search),
            lines: lines)
        let names = try web.names(
            events: Set((costs.costs.rows.map(\.event) + runs.rows.map(\.event)).compactMap { $0 }))
        var keptCosts = q
        keptCosts["page"] = nil
        var keptPrints = q
        keptPrints["prints"] = nil
        if costs.costs.count > 0 || search != nil {
            body += """
                <section><h2>\(lang.t(.costsCount(costs.costs.count)))</h2>
                <form method="get" action="/budget" class="filter">
                <label>\(lang.t(.find))<input name="q" value="\(search ?? "")" placeholder="\(lang.t(.costSearchHint))"></label>
                <label class="check"><input type="checkbox" name="all" value="1"\(q["all"] == "1" ? " checked" : "")>\(lang.t(.includeVoided))</label>
                <button type="submit">\(lang.t(.filter))</button></form>
                \(web.html(RecordTables.costs(costs.costs.rows, lang: lang, names: names, total: costs.costs.pages > 1 ? costs.total : nil)))
                \(Page.pager("/budget", keptCosts, page: costs.costs.page, pages: costs.costs.pages, lang: lang))</section>
                """
        }
        if runs.count > 0 {
            body += """
                <section id="prints"><h2>\(lang.t(.printRunsCount(runs.count)))</h2>
                \(web.html(RecordTables.printRuns(runs.rows, lang: lang, names: names)))
                \(Page.pager("/budget", keptPrints, page: runs.page, pages: runs.pages, lang: lang, key: "prints", anchor: "#prints"))</section>
                """
        }
        return await web.page(lang.t(.budget), context, body: body, status: status)
    }

    /// `POST /budget/print`: `kepu print add`.
    func addPrintRun(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            var form = FormReader(fields, lang)
            let title = try form.required("title", .printTitleField, Parse.text(_:field:))
            let ink = try form.required("ink", .inkField, Ink.parse(_:field:))
            let copies = try form.required("copies", .copiesField, Parse.positiveCount(_:field:))
            let unitPrice = try form.required("unitPrice", .unitPriceField, Money.parse(_:field:))
            let event = try form.optional("event", .eventIdField) { try web.pickedEvent($0, field: $1) }
            let date = try form.optional("date", .dateField, CalendarDate.parse(_:field:))
            try form.finish()
            let input = NewPrintRun(
                title: title!, ink: ink!, copies: copies!, unitPrice: unitPrice!, event: event, date: date)
            try input.validate()
            let r = try web.ledger(for: user, request: request).money.addPrintRun(input)
            return await web.done(
                "/budget", context,
                notice: Catalogue.text(
                    .printRunAdded(
                        id: r.id, copies: input.copies, unitPrice: input.unitPrice, cost: input.cost, line: r.line.id,
                        lineName: r.line.name), lang),
                warning: r.overPlan
                    ? Catalogue.text(
                        Notice.lineOverPlan(name: r.line.name, spent: r.lineSpent, planned: r.line.amount), lang)
                    : nil)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await budgetPage(
                request, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }

    // MARK: 志愿者

    /// `GET /volunteers`: every volunteer (phones masked) with hours, a form to add one and a form
    /// to sign one up for an event with hours.
    func volunteers(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        // `?event=ID` (a link from an event's page) fills in the sign-up form's event.
        return try await volunteersPage(
            context, status: .ok, error: nil, form: "signup", values: request.query, query: request.query)
    }

    func volunteersPage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, form: String?, values: [String: String],
        query: [String: String] = [:]
    ) async throws -> Response {
        func v(_ which: String, _ k: String) -> String { form == which ? values[k] ?? "" : "" }
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func attrs(_ which: String) -> HTML { Page.formAttributes(which, refused: form == which && error != nil) }
        // The volunteers to pick from: up to 50, a list the browser filters as the clerk types a name or a
        // phone's last four digits (the number in front is what is sent); past that the server searches
        // what was typed, and offers the matches when several fit.
        let everyone = try web.count("volunteers") { try ledger.volunteers.count() }
        let picks: [HTML] =
            everyone > Web.pickerLimit
            ? []
            : try ledger.volunteers.page(PageRequest(size: Web.pickerLimit)).rows.map {
                "<option value=\"\(Self.pick($0))\"></option>"
            }
        let typed = v("signup", "volunteer")
        let matches =
            form == "signup" && error != nil && Int64(typed) == nil
            ? try ledger.volunteers.candidates(CSVColumns.trim(typed), limit: Web.pickerLimit).rows : []
        var chosen = v("signup", "volunteer")
        if let id = Int64(chosen), let p = try ledger.volunteers.summaries([id]).first { chosen = Self.pick(p) }
        let eventField = try web.eventPicker("event", selected: v("signup", "event"), none: nil)
        var body: HTML = """
            <section><h2>\(lang.t(.addVolunteer))</h2>\(err("add"))
            <form method="post" action="/volunteers#add" class="record"\(attrs("add"))>\(Page.csrfField(context))
            <label>\(lang.t(.name))<input name="name" required value="\(v("add", "name"))"></label>
            <label>\(lang.t(.phone))<input name="phone" inputmode="tel" value="\(v("add", "phone"))"></label>
            <label>\(Catalogue.label(.org, of: .volunteer, lang))<input name="org" value="\(v("add", "org"))"></label>
            <label>\(lang.t(.platformNo))<input name="platform" value="\(v("add", "platform"))"></label>
            <button type="submit">\(lang.t(.addTheVolunteer))</button>
            </form></section>
            <section><h2>\(lang.t(.signUpHours))</h2>\(err("signup"))
            <form method="post" action="/volunteers/signup#signup" class="record"\(attrs("signup"))>\(Page.csrfField(context))
            \(volunteerField(chosen: chosen, picks: picks, matches: matches))
            <label class="wide">\(lang.t(.event))\(eventField)</label>
            <label>\(lang.t(.hours))<input name="hours" value="\(v("signup", "hours"))"></label>
            <label>\(lang.t(.date))<input name="date" type="date" value="\(v("signup", "date"))"></label>
            <label>\(lang.t(.role))<input name="role" value="\(v("signup", "role"))"></label>
            <button type="submit">\(lang.t(.addSignUp))</button>
            </form></section>
            """
        // The list: a search (name, organization, platform number, or a phone's last four digits),
        // 50 a page, the search kept in the page links.
        let q = query.value("q") ?? ""
        let list = try ledger.volunteers.page(
            PageRequest(page: query["page"].flatMap { Int($0) } ?? 1, size: Page.pageSize, search: q))
        body += """
            <section><h2>\(lang.t(.volunteersCount(everyone)))</h2>
            <form method="get" action="/volunteers" class="filter">
            <label>\(lang.t(.find))<input name="q" value="\(q)" placeholder="\(lang.t(.volunteerSearchHint))" size="34"></label>
            <button type="submit">\(lang.t(.find))</button>
            </form>
            """
        if everyone == 0 {
            body += "<p>\(lang.t(.noVolunteersYet))</p>"
        } else if list.rows.isEmpty {
            body += "<p>\(lang.t(.noVolunteerMatches))</p>"
        } else {
            body += web.html(RecordTables.volunteers(list.rows, maskPhones: true, lang: lang))
            body += Page.pager(
                "/volunteers", q.isEmpty ? [:] : ["q": q], page: list.page, pages: list.pages, lang: lang)
        }
        body += "</section>"
        return await web.page(lang.t(.volunteers), context, body: body, status: status)
    }

    /// `POST /volunteers`: `kepu volunteer add`.
    func addVolunteer(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            var form = FormReader(fields, lang)
            let typedName = try form.required("name", .nameField, Parse.text(_:field:))
            let phone = try form.optional("phone", .phoneField, NewVolunteer.phone(_:field:))
            try form.finish()
            let name = typedName!
            let input = NewVolunteer(
                name: name, phone: phone, org: fields.value("org"), platformNo: fields.value("platform"))
            let r = try web.ledger(for: user, request: request).volunteers.add(input)
            return await web.done(
                "/volunteers", context,
                notice: Catalogue.text(
                    .volunteerAdded(id: r.id, name: name, org: input.org, newOrganization: r.newOrganization), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await volunteersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "add", values: fields)
        }
    }

    /// `POST /volunteers/signup`: `kepu volunteer signup`; then the page again with the event still chosen,
    /// so that a clerk signs up one volunteer of an event after another.
    func signup(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            var form = FormReader(fields, lang)
            let volunteer = try form.required("volunteer", .volunteerField) { text, _ in try pickedVolunteer(text) }
            let event = try form.required("event", .eventField) { try web.pickedEvent($0, field: $1) }
            let hours = try form.optional("hours", .hoursShort, Parse.hours(_:field:))
            let date = try form.optional("date", .dateField, CalendarDate.parse(_:field:))
            try form.finish()
            let input = NewSignup(
                volunteer: volunteer!, event: event!, hoursCenti: hours, date: date, role: fields.value("role"))
            let r = try web.ledger(for: user, request: request).volunteers.signup(input)
            // Back with the same event chosen, for the next volunteer of it (`?event=` fills the form in).
            return await web.done(
                "/volunteers?event=\(input.event)", context, notice: Catalogue.text(.signupAdded(r), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await volunteersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "signup", values: fields)
        }
    }

    /// The sign-up's volunteer: a select of the matches after a search found several, else a field the
    /// browser completes from the list (when there is one).
    func volunteerField(chosen: String, picks: [HTML], matches: [VolunteerSummary]) -> HTML {
        if matches.count > 1 {
            // Sent as the list sends a pick (`1234 李华（…）`): a number alone of four digits is a phone's tail.
            let options: [HTML] = matches.map { p in
                "<option value=\"\(Self.pick(p))\">\(p.name)\(p.phone.map { "（\(maskPhone($0))）" } ?? "")\(p.org.map { " \($0)" } ?? "")</option>"
            }
            return
                "<label class=\"wide\">\(lang.t(.volunteerAmongMatches))<select name=\"volunteer\" required>\(options)</select></label>"
        }
        let list: HTML = picks.isEmpty ? HTML() : " list=\"volunteer-list\""
        let hint =
            picks.isEmpty
            ? lang.t(.volunteerTypeToFind)
            : lang.t(.volunteerTypeToPick)
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
        let matches = try ledger.volunteers.candidates(t, limit: 1)
        if matches.count == 1, let only = matches.rows.first { return only.id }
        throw KepuError(.notPicked(field: lang.field(.volunteerField), value: text, matches: matches.count))
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
                since: try q.value("since").map { try CalendarDate.parse($0, field: lang.field(.sinceField)).start() },
                until: try q.value("until").map {
                    try CalendarDate.parse($0, field: lang.field(.untilField)).adding(days: 1).start()
                },
                entity: q.value("entity").flatMap(RecordKind.init(rawValue:)),
                id: try q.value("id").map { try webID($0, field: lang.field(.recordIdField)) },
                operatorName: q.value("operator"))
            // The count of a filter is every matching row's: kept until the next write.
            let (pageNo, pages) = Page.pageNumber(
                q, count: try web.count("audit|\(filter)") { try ledger.audit.count(filter) })
            var page = filter
            page.limit = Page.pageSize
            page.offset = (pageNo - 1) * Page.pageSize
            let entries = try ledger.audit.log(page)
            body += web.html(
                RecordTables.auditTable(
                    entries, details: q["details"] == "1", lang: lang,
                    names: try web.names(events: AuditWords.events(in: entries))))
            var kept = q
            kept["page"] = nil
            body += Page.pager("/audit", kept, page: pageNo, pages: pages, lang: lang)
        } catch let e as KepuError where !e.isDatabaseFailure {
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
            <label>\(lang.t(.recordKind))<select name="entity"><option value="">\(lang.t(.all))</option>\(kinds)</select></label>
            <label>\(lang.t(.recordIdHeader))<input name="id" size="6" value="\(Page.esc(q["id"] ?? ""))"></label>
            <label>\(lang.t(.operatorHeader))<input name="operator" size="10" value="\(Page.esc(q["operator"] ?? ""))"></label>
            <label>\(lang.t(.since))<input name="since" type="date" value="\(Page.esc(q["since"] ?? ""))"></label>
            <label>\(lang.t(.until))<input name="until" type="date" value="\(Page.esc(q["until"] ?? ""))"></label>
            <label class="check"><input type="checkbox" name="details" value="1"\(q["details"] == "1" ? " checked" : "")>\(lang.t(.showDetails))</label>
            <button type="submit">\(lang.t(.filter))</button>
            </form>
            """
        return await web.page(lang.t(.auditTrail), context, body: filterForm + body)
    }

    // MARK: 用户

    /// `GET /users` (admins): `kepu user list`, with forms for add, disable and a password's reset.
    func users(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser(.admin)
        return try await usersPage(context, status: .ok, error: nil)
    }

    /// The page; after a refused form, its sentence above that form (`add`, `disable` or `password`) and
    /// what was typed kept, the password never.
    func usersPage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, form: String? = nil,
        values: [String: String] = [:]
    ) async throws -> Response {
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func attrs(_ which: String) -> HTML { Page.formAttributes(which, refused: form == which && error != nil) }
        let users = try ledger.users.list()
        let table = ReportTable(
            columns: [
                .init(lang.t(.userNameHeader)), .init(lang.t(.userRole)), .init(lang.t(.created)),
                .init(lang.t(.status)), .init(lang.t(.apiTokens), .right),
            ],
            rows: users.map {
                [
                    Cell($0.name), Cell(lang.role($0.role)),
                    Cell(RecordTables.localTime($0.createdAt)),
                    $0.disabledAt == nil ? Cell(lang.t(.active)) : Cell(lang.t(.disabled), .warn),
                    Cell(String($0.activeTokens)),
                ]
            })
        let roles: [HTML] = UserRole.allCases.map {
            "<option value=\"\($0.rawValue)\"\(values["role"] == $0.rawValue ? " selected" : "")>\(lang.role($0))</option>"
        }
        let me = context.user?.name.lowercased()
        let active: [HTML] = users.filter { $0.disabledAt == nil && $0.name.lowercased() != me }.map {
            "<option value=\"\($0.name)\"\(values["name"] == $0.name && form == "disable" ? " selected" : "")>\($0.name)（\(lang.role($0.role))）</option>"
        }
        // Whose password to reset: any user in use, the admin included.
        let resettable: [HTML] = users.filter { $0.disabledAt == nil }.map {
            "<option value=\"\($0.name)\"\(values["name"] == $0.name && form == "password" ? " selected" : "")>\($0.name)（\(lang.role($0.role))）</option>"
        }
        let body: HTML = """
            \(form == nil ? error.map(web.error) ?? HTML() : HTML())
            \(backupSection())
            \(web.html(table))
            <section><h2>\(lang.t(.addUser))</h2>\(err("add"))
            <form method="post" action="/users#add" class="record"\(attrs("add"))>\(Page.csrfField(context))
            <label>\(lang.t(.userNameHeader))<input name="name" required autocomplete="off" value="\(form == "add" ? values["name"] ?? "" : "")"></label>
            <label>\(lang.t(.userRole))<select name="role">\(roles)</select></label>
            <label>\(lang.t(.password8Characters))<input name="password" type="password" required autocomplete="new-password"></label>
            <button type="submit">\(lang.t(.addTheUser))</button>
            </form></section>
            <section><h2>\(lang.t(.disableUser))</h2><p class="sub">\(lang.t(.disablingExplained))</p>
            \(err("disable"))<form method="post" action="/users/disable#disable" class="record"\(attrs("disable"))>\(Page.csrfField(context))
            <label>\(lang.t(.user))<select name="name" required><option value="">\(lang.t(.choose))</option>\(active)</select></label>
            <button type="submit" class="danger">\(lang.t(.disable))</button>
            </form></section>
            <section><h2>\(lang.t(.resetPassword))</h2><p class="sub">\(lang.t(.resettingExplained))</p>
            \(err("password"))<form method="post" action="/users/password#password" class="record"\(attrs("password"))>\(Page.csrfField(context))
            <label>\(lang.t(.user))<select name="name" required><option value="">\(lang.t(.choose))</option>\(resettable)</select></label>
            <label>\(lang.t(.newPassword))<input name="password" type="password" required autocomplete="new-password"></label>
            <label>\(lang.t(.newPasswordAgain))<input name="passwordAgain" type="password" required autocomplete="new-password"></label>
            <button type="submit">\(lang.t(.resetIt))</button>
            </form></section>
            """
        return await web.page(lang.t(.users), context, body: body, status: status)
    }

    /// The last backup: when and how large; a warning when it is older than two days, or there is none.
    func backupSection() -> HTML {
        let last: BackupInfo?
        do { last = try ledger.archive.lastBackup() } catch { return web.error(lang.t(.backupUnknown)) }
        guard let last else { return "<p class=\"warning\" role=\"status\">\(lang.t(.noBackupYet))</p>" }
        let at = ISO8601DateFormatter().date(from: last.at) ?? .distantPast
        let when = String(RecordTables.localTime(last.at).prefix(16))
        let size = Catalogue.bytes(last.bytes)
        if Date().timeIntervalSince(at) > 2 * 86_400 {
            return "<p class=\"warning\" role=\"status\">\(lang.t(.backupTooOld(when, size)))</p>"
        }
        return "<p class=\"sub\">\(lang.t(.lastBackup(when, size, last.evidence)))</p>"
    }

    /// `POST /users` (admins): `kepu user add`.
    func addUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            let name = try Parse.text(fields["name"] ?? "", field: lang.field(.userNameField))
            let role = try UserRole.parse(fields["role"] ?? "", field: lang.field(.roleField))
            _ = try web.ledger(for: user, request: request).users.add(
                name: name, role: role, password: fields["password"] ?? "")
            return await web.done(
                "/users", context, notice: Catalogue.text(Notice.userAdded(name: name, role: role), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await usersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "add", values: fields)
        }
    }

    /// `POST /users/disable` (admins): `kepu user disable`.
    func disableUser(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            let name = try Parse.text(fields["name"] ?? "", field: lang.field(.userNameField))
            if name.lowercased() == user.name.lowercased() { throw KepuError(.cannotDisableSelf(name: user.name)) }
            guard fields["confirm"] == "yes" else {
                return await web.confirmation(
                    context, title: lang.t(.confirmDisable),
                    question: lang.t(.disableUserQuestion(name)),
                    action: "/users/disable", fields: ["name": name],
                    button: lang.t(.yesDisable), back: "/users")
            }
            try web.ledger(for: user, request: request).users.disable(name: name, by: user.name)
            return await web.done("/users", context, notice: Catalogue.text(Notice.userDisabled(name: name), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await usersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "disable", values: fields)
        }
    }

    /// `POST /users/password` (admins; name, password twice): a user's password reset, audited. Every
    /// session of the user ends; an admin resetting their own keeps the session they did it from. API
    /// tokens stay (`UserService.resetPassword`), unlike `kepu user passwd`, which revokes them too. The
    /// password is never written back into the form.
    func resetPassword(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let password = fields["password"] ?? ""
        let again = fields["passwordAgain"] ?? ""
        do {
            var form = FormReader(fields, lang)
            let typed = try form.required("name", .userNameField, Parse.text(_:field:))
            try form.check { try UserPassword.check(password) }
            try form.check { guard password == again else { throw KepuError(.passwordsDiffer) } }
            try form.finish()
            let name = typed!
            try web.ledger(for: user, request: request).users.resetPassword(
                name: name, new: password, keeping: context.sessionID)
            let own = name.lowercased() == user.name.lowercased()
            return await web.done(
                "/users", context,
                notice: Catalogue.text(Notice.passwordReset(name: name, keptThisSession: own), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await usersPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), form: "password", values: fields)
        }
    }
}

extension OfficePages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("budget", use: budget)
        routes.post("budget/print", use: addPrintRun)
        routes.get("volunteers", use: volunteers)
        routes.post("volunteers", use: addVolunteer)
        routes.post("volunteers/signup", use: signup)
        routes.get("audit", use: audit)
        routes.get("users", use: users)
        routes.post("users", role: .admin, use: addUser)
        routes.post("users/disable", role: .admin, use: disableUser)
        routes.post("users/password", role: .admin, use: resetPassword)
    }
}
