import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static func linkOnThisComputer(_ url: String) -> Label {
        Label(
            "注意：签到链接是 \(url)，只有这台电脑能打开，手机扫码打不开。",
            "Note: the sign-in link is \(url), which only this computer can open; no phone can.")
    }
    fileprivate static let setAddressHere = Label("请在“设置”页填写手机能访问的地址", "Set the address phones can reach on Settings")
    fileprivate static let askAdminForAddress = Label(
        "请管理员在“设置”页填写手机能访问的地址。", "Ask an admin to set the address phones can reach, on Settings.")
    fileprivate static func linkOnOfficeNetwork(_ url: String) -> Label {
        Label(
            "签到链接是 \(url)：手机须连接本单位的网络（Wi-Fi）才能打开。",
            "The sign-in link is \(url): phones must be on the office's network (Wi-Fi) to open it.")
    }
    fileprivate static let yearsWithEvents = Label("年度：", "Year: ")
    fileprivate static let historyRestore = Label("查看修改记录、恢复此活动", "History, restore")
    fileprivate static let correctOrVoid = Label("修改或作废此活动、查看修改记录", "Correct or void it, history")
    fileprivate static let titleField = Label("标题", "title")
    fileprivate static let startField = Label("开始日期", "start")
    fileprivate static let endField = Label("结束日期", "end")
    fileprivate static let parentField = Label("所属主题活动", "parent")
    fileprivate static let formField = Label("形式", "form")
    fileprivate static let projectSubActivity = Label("所属项目（子活动随主题活动）", "Project (a sub-activity follows its campaign)")
    fileprivate static let addEvent = Label("添加活动", "Add an event")
    fileprivate static let eventTitle = Label("标题", "Title")
    fileprivate static let form = Label("形式", "Form")
    fileprivate static let start = Label("开始日期", "Start")
    fileprivate static let end = Label("结束日期", "End")
    fileprivate static let venue = Label("地点", "Venue")
    fileprivate static let campaignSubActivity = Label("所属主题活动（子活动才选）", "Campaign (for a sub-activity)")
    fileprivate static let notSubActivity = Label("（不是子活动）", "(not a sub-activity)")
    fileprivate static let addTheEvent = Label("添加活动", "Add the event")
    fileprivate static let eventSearchHint = Label("标题或地点", "title or venue")
    fileprivate static let noEvents = Label("没有符合条件的活动", "no events")
    fileprivate static let recordAttendance = Label("登记人次", "Record attendance")
    fileprivate static let count = Label("人次", "Count")
    fileprivate static let channel = Label("渠道", "Channel")
    fileprivate static let method = Label("统计方式", "Method")
    fileprivate static let note = Label("备注", "Note")
    fileprivate static let addAttendance = Label("登记人次", "Add attendance")
    fileprivate static let recordCost = Label("登记费用", "Record a cost")
    fileprivate static let line = Label("支出明细", "Line")
    fileprivate static let amount = Label("金额（元）", "Amount (元)")
    fileprivate static let eG2500 = Label("例如：2500", "e.g. 2500")
    fileprivate static let costItem = Label("摘要", "Item")
    fileprivate static let eGSpeakers = Label("例如：授课费", "e.g. speaker's fee")
    fileprivate static let invoice = Label("发票号", "Invoice")
    fileprivate static let paid = Label("支付日期", "Paid on")
    fileprivate static let payee = Label("收款方", "Payee")
    fileprivate static let addCost = Label("登记费用", "Add the cost")
    fileprivate static let recordSatisfactionSurvey = Label("登记满意度调查", "Record a satisfaction survey")
    fileprivate static let responses = Label("回收份数", "Responses")
    fileprivate static let satisfied = Label("满意份数", "Satisfied")
    fileprivate static let addSurvey = Label("登记调查", "Add the survey")
    fileprivate static let signUpVolunteer = Label("登记志愿者报名", "Sign up a volunteer")
    fileprivate static let importSignInSheet = Label("导入签到表", "Import a sign-in sheet")
    fileprivate static let responsesField = Label("回收份数", "responses")
    fileprivate static let satisfiedField = Label("满意份数", "satisfied")
    fileprivate static let lineField = Label("支出明细", "line")
    fileprivate static let amountField = Label("金额", "amount")
    fileprivate static let paidOnField = Label("支付日期", "date")
    fileprivate static let qrSignIn = Label("扫码签到", "Sign-in by QR code")
    fileprivate static let openNow = Label("签到中", "open")
    fileprivate static let notYetOpen = Label("尚未开始", "not yet open")
    fileprivate static let pastClosingTime = Label("已过截止时间", "past its closing time")
    fileprivate static let satisfactionQuestion = Label("附满意度调查", "with the satisfaction question")
    fileprivate static let semicolon = Label("；", "; ")
    fileprivate static let printPoster = Label("打印签到海报（含二维码）", "Print the poster (with the QR code)")
    fileprivate static let openScreen = Label(
        "打开现场签到屏（全屏显示，二维码每 30 秒更新）", "Open the screen for the venue (full screen; the code changes every 30 s)")
    fileprivate static let liveMode = Label("现场屏幕模式", "live screen")
    fileprivate static let liveOption = Label(
        "现场屏幕模式：在现场屏幕上显示每 30 秒更新的二维码（更安全：转发出去的链接几分钟内失效）",
        "Live screen: show a QR code that changes every 30 s on a screen at the venue (safer: a link sent away stops working within minutes)"
    )
    fileprivate static let modesExplained = Label(
        "现场有屏幕时请用现场屏幕模式，更安全；没有屏幕时用打印海报，海报上的链接在签到时间内一直有效。",
        "Where the venue has a screen, the live screen is safer; without one, print the poster, whose link works for the whole window."
    )
    fileprivate static let expectedOptional = Label(
        "预计人数（可不填；超出的签到待核对后计入）", "Expected crowd (optional; sign-ins past it wait for review)")
    fileprivate static let expectedField = Label("预计人数", "expected crowd")
    fileprivate static func expectedCrowd(_ n: Int64) -> Label { Label("预计 \(n) 人", "\(n) expected") }
    fileprivate static func heldForReview(_ n: Int64) -> Label {
        Label(
            "有 \(n) 人次签到待核对（超出预计人数，或同一网络一分钟内签到过多），核对后才计入人次",
            "\(n) sign-ins wait for review (past the expected crowd, or too many from one network in a minute); they count once accepted"
        )
    }
    fileprivate static let acceptHeld = Label("核对无误，全部计入", "Accept them all")
    fileprivate static let signInTime = Label("签到时间", "Time")
    fileprivate static let heldWhy = Label("待核对原因", "Why held")
    fileprivate static let pastExpected = Label("超出预计人数", "past the expected crowd")
    fileprivate static let tooFast = Label("同一网络签到过快", "too fast from one network")
    fileprivate static let signInsByTime = Label("签到时间分布（每 10 分钟）", "Sign-ins by time (10 minutes)")
    fileprivate static let signInsByNetwork = Label("签到来源网络（最多的 10 个）", "Sign-ins by network (the 10 busiest)")
    fileprivate static let timeSlot = Label("时段", "From")
    fileprivate static let network = Label("来源网络", "Network")
    fileprivate static let countedColumn = Label("已计入", "Counted")
    fileprivate static let heldColumn = Label("待核对", "Held")
    fileprivate static let voidedColumn = Label("已作废", "Voided")
    fileprivate static let voidSignIns = Label("作废一批签到", "Void a batch of sign-ins")
    fileprivate static let voidSignInsExplained = Label(
        "把某段时间内（可限定来源网络）的签到作废：已计入的从人次中扣除，连同其满意度评价；之后的签到照常计入。",
        "Void the sign-ins of a time range (of one network, if chosen): counted ones leave the 人次 with their ratings; later sign-ins count as usual."
    )
    fileprivate static let anyNetwork = Label("所有来源", "Any network")
    fileprivate static let unknownNetwork = Label("未知", "unknown")
    fileprivate static let voidFromField = Label("作废起始时间", "void from")
    fileprivate static let voidUntilField = Label("作废截止时间", "void until")
    fileprivate static let voidReasonField = Label("作废原因", "reason")
    fileprivate static let reasonShort = Label("原因", "Reason")
    fileprivate static let voidBatch = Label("作废这批签到", "Void these sign-ins")
    fileprivate static let volunteerCallsLink = Label("志愿者报名链接见海报页", "the volunteer call's link is on the poster page")
    fileprivate static let closeQrSignIn = Label("关闭扫码签到", "Close the sign-in")
    fileprivate static let closingExplained = Label(
        "关闭后二维码立即失效，已签到的人次保留。", "The QR code stops working at once; the sign-ins stay counted.")
    fileprivate static let openingExplained = Label(
        "开启后打印海报贴在现场，参与者用手机扫码签到，每人每天计 1 人次；可同时收集满意度。",
        "Open it, print the poster for the door: people sign in with their phones, one each a day, and may rate the event."
    )
    fileprivate static let opens = Label("开始时间", "Opens")
    fileprivate static let closes = Label("截止时间", "Closes")
    fileprivate static let volunteersWantedOptional = Label("招募志愿者人数（可不填）", "Volunteers wanted (optional)")
    fileprivate static let askSatisfactionQuestion = Label("附满意度调查", "Ask the satisfaction question")
    fileprivate static let openQrSignIn = Label("开启扫码签到", "Open the sign-in")
    fileprivate static let hoursServed = Label("服务时长（小时）", "Hours served")
    fileprivate static let confirm = Label("确认", "Confirm")
    fileprivate static let rejectCall = Label("谢绝", "Turn down")
    fileprivate static let rejectReason = Label("谢绝原因", "Why turned down")
    fileprivate static let rejectReasonField = Label("谢绝原因", "reason")
    fileprivate static let volunteersWhoAnsweredCall = Label(
        "扫码报名的志愿者（确认并填写时长后计入志愿服务）", "Volunteers who answered the call (they count once confirmed with hours)")
    fileprivate static let id = Label("编号", "Id")
    fileprivate static let organization = Label("单位", "Organization")
    fileprivate static let confirmation = Label("确认", "Confirmation")
    fileprivate static let hoursField = Label("服务时长", "hours")
    fileprivate static let opensField = Label("开始时间", "opens")
    fileprivate static let closesField = Label("截止时间", "closes")
    fileprivate static let volunteersField = Label("招募志愿者人数", "volunteers")
    fileprivate static let linkOpenedElsewhere = Label(
        "这个签到链接是在命令行或服务器重启前开启的，这里无法再显示它的二维码。可以生成新的链接和海报：旧海报上的二维码将随即失效。",
        "This link was opened on the command line or before the server restarted, so its QR code can't be shown here. Issue a new link and poster: the old poster's code stops working."
    )
    fileprivate static let issueNewLink = Label("生成新的签到链接", "Issue a new link")
    fileprivate static let backEvent = Label("返回活动", "Back to the event")
    fileprivate static let poster = Label("签到海报", "Poster")
    fileprivate static let countField = Label("人次", "count")
    fileprivate static let channelField = Label("渠道", "channel")
    fileprivate static let methodField = Label("统计方式", "method")
    fileprivate static func eventsOfYear(_ year: Int, _ count: Int) -> Label {
        Label("\(year)年活动（\(count) 项）", "Events of \(year) (\(count))")
    }
    fileprivate static func callingForVolunteers(_ n: Int64) -> Label {
        Label("招募志愿者 \(n) 人", "calling for \(n) volunteers")
    }
    fileprivate static func signedIn(today: Int64, total: Int64) -> Label {
        Label(
            "今天已签到 \(today) 人，累计 \(total) 人（计入现场人次）",
            "\(today) signed in today, \(total) in all (counted as onsite attendance)")
    }
    fileprivate static func rejectedCall(_ reason: String) -> Label {
        Label("已谢绝：\(reason)", "turned down: \(reason)")
    }
    fileprivate static func confirmedSignUp(_ id: Int64) -> Label {
        Label("已确认（报名 \(id)）", "confirmed (sign-up \(id))")
    }
}

/// 活动: the year's events with their totals and the form that adds one (`kepu event add`); an
/// event's page with everything recorded against it and the forms that add attendance and costs.
struct EventPages: Sendable {
    let web: Web
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    /// `GET /events[?q=TEXT&kind=K&all=1]`
    func list(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return try await page(context, status: .ok, error: nil, values: [:], query: request.query)
    }

    /// `POST /events` (title, kind, form, start, end, venue, parent): the same checks and the same
    /// library call as `kepu event add`; a bad value is shown on the form, nothing written.
    func add(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        do {
            var form = FormReader(fields, lang)
            let title = try form.required("title", .titleField, Parse.text(_:field:))
            let kind = try form.required("kind", .kindField, EventKind.parse(_:field:))
            let start = try form.required("start", .startField, CalendarDate.parse(_:field:))
            let end = try form.optional("end", .endField, CalendarDate.parse(_:field:))
            let parent = try form.optional("parent", .parentField) {
                try web.pickedEvent($0, field: $1, campaigns: true)
            }
            let eventForm = try form.optional("form", .formField, EventForm.parse(_:field:))
            try form.finish()
            var event = NewEvent(
                title: title!, kind: kind!, major: nil, start: start!, end: end, venue: fields.value("venue"),
                parent: parent, unit: nil, allowDuplicate: false)
            event.form = eventForm ?? .other
            event.project = fields.value("project")
            try event.validate()
            let id = try web.ledger(for: user, request: request).events.add(event)
            return await web.done(
                "/events/\(id)", context,
                notice: Catalogue.text(
                    .eventAdded(
                        id: id, title: event.title, kind: event.kind, start: event.start, end: event.end,
                        parent: event.parent), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(
                context, status: e.webStatus, error: e.text(lang, for: .web), values: fields, query: nil)
        }
    }

    func page(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, values: [String: String],
        query: [String: String]?
    ) async throws -> Response {
        let today = ledger.context.today()
        // Only the plan's period: the list needs no facts. `?year=` opens another year: every year that
        // has events is offered, with a plan or without one, so that no event is out of a clerk's reach.
        let askedYear = query?["year"].flatMap { Int($0) }.flatMap { (1900...2999).contains($0) ? $0 : nil }
        let current = try web.currentPlan()
        let plan = try askedYear.map { try web.storedPlan(year: $0)?.plan } ?? current
        let range = plan?.period ?? DateRange.year(askedYear ?? today.year)
        let version = try ledger.audit.version()
        let years = try web.sums.value("event years", version: version) { () throws -> [Int] in
            Array(Set(try ledger.events.years() + ledger.plans.list().map(\.year))).sorted(by: >)
        }
        // A year of several projects: a new event says which it is in (sub-activities follow their campaign).
        var projectField = HTML()
        if let plan, plan.hasSeveralProjects {
            let options: [HTML] = plan.projects.map {
                "<option value=\"\($0.id)\"\(values["project"] == $0.id ? " selected" : "")>\($0.name)</option>"
            }
            projectField =
                "<label class=\"wide\">\(lang.t(.projectSubActivity))<select name=\"project\"><option value=\"\">\(lang.t(.choose))</option>\(options)</select></label>"
        }
        let all = query?["all"] == "1"
        let q = query?.value("q") ?? ""
        let kind = query?["kind"].flatMap { EventKind(rawValue: $0) }
        let query = query ?? [:]
        let asked = EventQuery(
            range: range, kind: kind, includeVoided: all,
            page: PageRequest(page: query["page"].flatMap { Int($0) } ?? 1, size: Page.pageSize, search: q))
        // 50 rows a page, a campaign never split. The groups and the totals, the whole list's, are read
        // once per write; a page then reads its own rows.
        let key = "events|\(range)|\(q)|\(kind?.rawValue ?? "")|\(all)"
        let groups = try web.sums.value(key + "|groups", version: version) { try ledger.events.groups(asked) }
        let totals = try web.sums.value(key + "|totals", version: version) { try ledger.events.totals(asked) }
        let list = try ledger.events.page(asked, groups: groups, totals: totals)
        func v(_ k: String) -> String { values[k] ?? "" }
        var body = HTML()
        body += """
            <details class="add"\(error != nil ? " open" : "")><summary>\(lang.t(.addEvent))</summary>
            \(web.error(error, form: "add-event"))<form method="post" action="/events#add-event" class="record"\(Page.formAttributes("add-event", refused: error != nil))>
            \(Page.csrfField(context))
            <label class="wide">\(lang.t(.eventTitle))<input name="title" required value="\(v("title"))"></label>
            \(projectField)
            <label>\(lang.t(.kindHeader))<select name="kind">\(Page.options(EventKind.allCases, selected: values["kind"] ?? "other", lang))</select></label>
            <label>\(lang.t(.form))<select name="form">\(Page.options(EventForm.allCases, selected: values["form"] ?? "other", lang))</select></label>
            <label>\(lang.t(.start))<input name="start" type="date" required value="\(v("start"))"></label>
            <label>\(lang.t(.end))<input name="end" type="date" value="\(v("end"))"></label>
            <label>\(lang.t(.venue))<input name="venue" value="\(v("venue"))"></label>
            <label class="wide">\(lang.t(.campaignSubActivity))\(try web.eventPicker("parent", selected: values["parent"], none: lang.t(.notSubActivity), campaigns: true))</label>
            <button type="submit">\(lang.t(.addTheEvent))</button>
            </form></details>
            <form method="get" action="/events" class="filter">
            \(askedYear.map { "<input type=\"hidden\" name=\"year\" value=\"\($0)\">" as HTML } ?? HTML())
            <label>\(lang.t(.find))<input name="q" value="\(q)" placeholder="\(lang.t(.eventSearchHint))"></label>
            <label>\(lang.t(.kindHeader))<select name="kind"><option value="">\(lang.t(.all))</option>\(Page.options(EventKind.allCases, selected: kind?.rawValue, lang))</select></label>
            <label class="check"><input type="checkbox" name="all" value="1"\(all ? " checked" : "")>\(lang.t(.includeVoided))</label>
            <button type="submit">\(lang.t(.filter))</button>
            </form>
            """
        var kept = query
        kept["page"] = nil
        let pager = Page.pager("/events", kept, page: list.events.page, pages: list.events.pages, lang: lang)
        if years.count > 1 || (years.first.map { $0 != range.start.year } ?? false) {
            let links: [HTML] = years.map { y in
                y == range.start.year
                    ? "<strong>\(y)</strong>" : "<a href=\"/events?year=\(y)\">\(y)</a>"
            }
            body += "<p class=\"years\">\(lang.t(.yearsWithEvents))\(links.joined(separator: " · "))</p>"
        }
        body +=
            "<section><h2>\(lang.t(.eventsOfYear(range.start.year, list.events.count)))</h2>"
        body +=
            list.events.rows.isEmpty
            ? "<p>\(lang.t(.noEvents))</p>"
            : web.html(EventTables.list(list.events.rows, totals: list.totals, lang: lang, showForm: true)) + pager
        body += "</section>"
        return await web.page(lang.t(.events), context, body: body, status: status)
    }

    /// `GET /events/{id}`: the event, everything recorded against it, and the forms that add to it.
    func detail(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let id = try context.parameters.require("id", as: Int64.self)
        return try await detailPage(id, context, status: .ok, error: nil, form: nil, values: [:])
    }

    func detailPage(
        _ id: Int64, _ context: WebContext, status: HTTPResponse.Status, error: String?, form: String?,
        values: [String: String]
    ) async throws -> Response {
        let d: EventDetail
        do { d = try ledger.events.detail(id) } catch let e as KepuError where !e.isDatabaseFailure {
            return await web.page(
                lang.t(.event), context, body: web.error(e.text(lang, for: .web)), status: .notFound)
        }
        let e = d.summary
        var body = web.html(
            EventTables.detail(
                d, maskPhones: true, lang: lang,
                names: try web.names(events: Set([e.id] + d.children.map(\.id) + [e.parent].compactMap { $0 }))))
        let csrf = Page.csrfField(context)
        func v(_ k: String) -> String { form == nil ? "" : values[k] ?? "" }
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func attrs(_ which: String) -> HTML { Page.formAttributes(which, refused: form == which && error != nil) }
        if !e.voided {
            body += try doorSection(e, context, error: form == "door" ? error : nil)
            // In a year of several projects, only the lines of the event's own project.
            let lines =
                try web.unlessRefused { try ledger.events.project(of: id)?.lines }
                ?? web.storedPlan(year: e.start.year, unit: e.unit)?.plan.lines ?? []
            let lineOptions: [HTML] = lines.map {
                "<option value=\"\($0.id)\"\(values["line"] == $0.id ? " selected" : "")>\($0.name)（\($0.amount.grouped)元）</option>"
            }
            body += """
                <section><h2>\(lang.t(.recordAttendance))</h2>\(err("attendance"))
                <form method="post" action="/events/\(id)/attendance#attendance" class="record"\(attrs("attendance"))>\(csrf)
                <label>\(lang.t(.count))<input name="count" required inputmode="numeric" value="\(v("count"))"></label>
                <label>\(lang.t(.channel))<select name="channel">\(Page.options(Channel.allCases, selected: values["channel"] ?? "onsite", lang))</select></label>
                <label>\(lang.t(.method))<select name="method">\(Page.options(CountMethod.allCases, selected: values["method"] ?? "headcount", lang))</select></label>
                <label>\(lang.t(.date))<input name="date" type="date" value="\(v("date"))"></label>
                <label class="wide">\(lang.t(.note))<input name="note" value="\(v("note"))"></label>
                <button type="submit">\(lang.t(.addAttendance))</button>
                </form></section>
                <section><h2>\(lang.t(.recordCost))</h2>\(err("cost"))
                <form method="post" action="/events/\(id)/costs#cost" class="record"\(attrs("cost"))>\(csrf)
                <label>\(lang.t(.line))<select name="line">\(lineOptions)</select></label>
                <label>\(lang.t(.amount))<input name="amount" required value="\(v("amount"))" placeholder="\(lang.t(.eG2500))"></label>
                <label>\(lang.t(.costItem))<input name="item" value="\(v("item"))" placeholder="\(lang.t(.eGSpeakers))"></label>
                <label>\(lang.t(.invoice))<input name="invoice" value="\(v("invoice"))"></label>
                <label>\(lang.t(.paid))<input name="date" type="date" value="\(v("date"))"></label>
                <label>\(lang.t(.payee))<input name="payee" value="\(v("payee"))"></label>
                <button type="submit">\(lang.t(.addCost))</button>
                </form></section>
                <section><h2>\(lang.t(.recordSatisfactionSurvey))</h2>\(err("survey"))
                <form method="post" action="/events/\(id)/surveys#survey" class="record"\(attrs("survey"))>\(csrf)
                <label>\(lang.t(.responses))<input name="responses" required inputmode="numeric" value="\(v("responses"))"></label>
                <label>\(lang.t(.satisfied))<input name="satisfied" required inputmode="numeric" value="\(v("satisfied"))"></label>
                <label>\(lang.t(.date))<input name="date" type="date" value="\(form == "survey" ? v("date") : "")"></label>
                <button type="submit">\(lang.t(.addSurvey))</button>
                </form></section>
                """
        }
        body += """
            <p class="actions"><a href="/records/event/\(id)">\(lang.t(e.voided ? .historyRestore : .correctOrVoid))</a>
            <a href="/budget?event=\(id)">\(lang.t(.recordPrintRun))</a>
            <a href="/volunteers?event=\(id)">\(lang.t(.signUpVolunteer))</a>
            <a href="/imports?event=\(id)">\(lang.t(.importSignInSheet))</a>
            <a href="/evidence?event=\(id)">\(lang.t(.uploadEvidence))</a></p>
            """
        return await web.page(lang.t(.event), context, body: body, status: status, heading: e.title)
    }

    /// `POST /events/{id}/attendance`: `kepu attendance add --event ID`.
    func addAttendance(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            let input = try WebInput.attendance(fields, event: id, lang: lang)
            let r = try web.ledger(for: user, request: request).attendance.add(input)
            let notice = Catalogue.text(
                .attendanceAdded(id: r.id, count: input.count, channel: input.channel, event: id), lang)
            let warning = r.sameAs.map { same in
                Catalogue.text(
                    .duplicateAttendance(
                        event: id, date: r.date, channel: input.channel, count: input.count, existing: same), lang)
            }
            return await web.done("/events/\(id)", context, notice: notice, warning: warning)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "attendance", values: fields)
        }
    }

    /// `POST /events/{id}/surveys`: `kepu survey add --event ID`.
    func addSurvey(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            var form = FormReader(fields, lang)
            let responses = try form.required("responses", .responsesField, Parse.count(_:field:))
            let satisfied = try form.required("satisfied", .satisfiedField, Parse.count(_:field:))
            let date = try form.optional("date", .dateField, CalendarDate.parse(_:field:))
            try form.finish()
            let input = NewSurvey(event: id, responses: responses!, satisfied: satisfied!, date: date)
            try input.validate()
            let sid = try web.ledger(for: user, request: request).surveys.add(input)
            return await web.done(
                "/events/\(id)", context,
                notice: Catalogue.text(
                    .surveyAdded(id: sid, satisfied: input.satisfied, responses: input.responses, event: id), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "survey", values: fields)
        }
    }

    /// `POST /events/{id}/costs`: `kepu cost add --event ID`.
    func addCost(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            var form = FormReader(fields, lang)
            let line = try form.required("line", .lineField, Parse.text(_:field:))
            let amount = try form.required("amount", .amountField, Money.parse(_:field:))
            let date = try form.optional("date", .paidOnField, CalendarDate.parse(_:field:))
            let amountField = form.field("amount", .amountField)
            if let amount { try form.check { try NewCost.check(amount: amount, field: amountField) } }
            try form.finish()
            let input = NewCost(
                line: line!, amount: amount!, event: id, item: fields.value("item"), invoice: fields.value("invoice"),
                date: date, payee: fields.value("payee"), unit: nil)
            try input.validate()
            let r = try web.ledger(for: user, request: request).money.addCost(input)
            return await web.done(
                "/events/\(id)", context,
                notice: Catalogue.text(
                    .costAdded(
                        id: r.id, amount: input.amount, line: r.line.id, lineName: r.line.name, year: r.planYear),
                    lang, for: .web),
                warning: r.overPlan
                    ? Catalogue.text(
                        Notice.lineOverPlan(name: r.line.name, spent: r.lineSpent, planned: r.line.amount), lang)
                    : nil)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "cost", values: fields)
        }
    }

    // MARK: 扫码签到

    /// The event's door: its state, today's and all sign-ins through it, the poster and the close
    /// button; or the form that opens one.
    func doorSection(_ e: EventSummary, _ context: WebContext, error: String?) throws -> HTML {
        let csrf = Page.csrfField(context)
        var out: HTML =
            "<section id=\"door\"><h2>\(lang.t(.qrSignIn))</h2>\(error.map(web.error) ?? HTML())"
        out += try addressNote(context)
        let calls = try ledger.doors.calls(event: e.id)
        if !calls.isEmpty { out += callsTable(calls, event: e.id, context) }
        if let door = try ledger.doors.current(event: e.id) {
            let counts = try ledger.doors.counts(event: e.id)
            let state: String
            switch door.state(now: ledger.doors.now()) {
            case .open: state = lang.t(.openNow)
            case .notYet: state = lang.t(.notYetOpen)
            case .ended: state = lang.t(.pastClosingTime)
            }
            let asks = [
                door.survey ? lang.t(.satisfactionQuestion) : nil,
                door.volunteers.map { lang.t(.callingForVolunteers($0)) },
            ].compactMap { $0 }.joined(separator: lang.t(.comma))
            let mode = [door.live ? lang.t(.liveMode) : nil, door.expected.map { lang.t(.expectedCrowd($0)) }]
                .compactMap { $0 }
            let status =
                "\(state)：\(Door.display(door.from)) – \(Door.display(door.until))"
                + (asks.isEmpty ? "" : lang.t(.semicolon) + asks)
                + (mode.isEmpty ? "" : lang.t(.semicolon) + mode.joined(separator: lang.t(.comma)))
            let tally = lang.t(.signedIn(today: counts.today, total: counts.total))
            let show: HTML =
                door.live
                ? "<a href=\"/events/\(e.id)/door/screen\" target=\"_blank\" rel=\"noopener\">\(lang.t(.openScreen))</a>"
                : "<a href=\"/events/\(e.id)/poster\">\(lang.t(.printPoster))</a>"
            out += """
                <p class="notice" role="status">\(status)</p>
                <p>\(tally)</p>
                <p class="actions">\(show)\(door.volunteers != nil ? lang.t(.volunteerCallsLink) : "")</p>
                <p class="sub">\(lang.t(.modesExplained))</p>
                <form method="post" action="/events/\(e.id)/door/close" class="confirm">\(csrf)
                <button type="submit" class="danger">\(lang.t(.closeQrSignIn))</button>
                <span class="sub">\(lang.t(.closingExplained))</span>
                </form>
                """
            out += try visitsSection(e, door: door, context)
            out += "</section>"
            return out
        }
        // The event's own days, or today's when those are over (and today is in the event's years).
        let today = ledger.context.today()
        let over = e.end < today && (e.start.year...e.end.year).contains(today.year)
        let window =
            over ? Door.defaultWindow(start: today, end: today) : Door.defaultWindow(start: e.start, end: e.end)
        out += """
            <p class="sub">\(lang.t(.openingExplained))</p>
            <form method="post" action="/events/\(e.id)/door#door" class="record">\(csrf)
            <label>\(lang.t(.opens))<input name="from" type="datetime-local" value="\(window.from)"></label>
            <label>\(lang.t(.closes))<input name="until" type="datetime-local" value="\(window.until)"></label>
            <label>\(lang.t(.volunteersWantedOptional))<input name="volunteers" inputmode="numeric"></label>
            <label>\(lang.t(.expectedOptional))<input name="expected" inputmode="numeric"></label>
            <label class="check"><span><input type="checkbox" name="survey" value="1" checked> \(lang.t(.askSatisfactionQuestion))</span></label>
            <label class="check"><span><input type="checkbox" name="live" value="1"> \(lang.t(.liveOption))</span></label>
            <p class="sub">\(lang.t(.modesExplained))</p>
            <button type="submit">\(lang.t(.openQrSignIn))</button>
            </form></section>
            """
        return out
    }

    /// The door's sign-ins for the clerk's review: the ones held (with the button that counts them),
    /// by ten-minute slot and by network, and the form that voids a batch of them with a reason.
    func visitsSection(_ e: EventSummary, door: DoorInfo, _ context: WebContext) throws -> HTML {
        let v = try ledger.doors.visits(event: e.id)
        guard !v.bySlot.isEmpty else { return HTML() }
        let csrf = Page.csrfField(context)
        var out = HTML()
        if v.held > 0 {
            let held: [HTML] = v.heldRows.map { h in
                let why = h.why == .crowd ? lang.t(.pastExpected) : lang.t(.tooFast)
                return
                    "<tr><td>\(h.minute)</td><td>\(h.name)</td><td>\(maskPhone(h.phone))</td><td>\(h.address == "unknown" ? lang.t(.unknownNetwork) : h.address)</td><td>\(why)</td></tr>"
            }
            out += """
                <p class="warning" role="status">\(lang.t(.heldForReview(v.held)))</p>
                <table class="visits"><thead><tr><th>\(lang.t(.signInTime))</th><th>\(lang.t(.name))</th><th>\(lang.t(.phone))</th><th>\(lang.t(.network))</th><th>\(lang.t(.heldWhy))</th></tr></thead><tbody>\(held)</tbody></table>
                <form method="post" action="/events/\(e.id)/door/accept" class="inline">\(csrf)
                <button type="submit">\(lang.t(.acceptHeld))</button></form>
                """
        }
        let most = max(1, v.bySlot.map { $0.counted + $0.held }.max() ?? 1)
        // A client whose address the server could not learn is 未知, not a word of the machine's.
        func network(_ key: String) -> String { key == "unknown" ? lang.t(.unknownNetwork) : key }
        func rows(_ tallies: [DoorVisits.Tally], bar: Bool) -> [HTML] {
            tallies.map { t in
                let meter: HTML =
                    bar ? "<progress value=\"\(t.counted + t.held)\" max=\"\(most)\"></progress> " : HTML()
                return """
                    <tr><td>\(network(t.key))</td><td class="num">\(meter)\(t.counted)</td><td class="num">\(t.held)</td><td class="num">\(t.voided)</td></tr>
                    """
            }
        }
        let head: (Label) -> HTML = { first in
            "<thead><tr><th>\(lang.t(first))</th><th>\(lang.t(.countedColumn))</th><th>\(lang.t(.heldColumn))</th><th>\(lang.t(.voidedColumn))</th></tr></thead>"
        }
        let first = v.bySlot.first?.key ?? ""
        let last = v.bySlot.last?.key ?? ""
        let until = Door.parseTimeOrNil(last).map { Door.adding(minutes: 10, to: $0) } ?? ""
        let networks: [HTML] = v.byAddress.map { "<option value=\"\($0.key)\">\(network($0.key))</option>" }
        out += """
            <details open><summary>\(lang.t(.signInsByTime))</summary>
            <table class="visits">\(head(.timeSlot))<tbody>\(rows(v.bySlot, bar: true))</tbody></table></details>
            <details><summary>\(lang.t(.signInsByNetwork))</summary>
            <table class="visits">\(head(.network))<tbody>\(rows(v.byAddress, bar: false))</tbody></table></details>
            <details id="door-void"><summary>\(lang.t(.voidSignIns))</summary>
            <p class="sub">\(lang.t(.voidSignInsExplained))</p>
            <form method="post" action="/events/\(e.id)/door/void#door" class="record">\(csrf)
            <label>\(lang.t(.opens))<input name="from" type="datetime-local" value="\(Door.parseTimeOrNil(first) ?? "")"></label>
            <label>\(lang.t(.closes))<input name="until" type="datetime-local" value="\(until)"></label>
            <label>\(lang.t(.network))<select name="address"><option value="">\(lang.t(.anyNetwork))</option>\(networks)</select></label>
            <label>\(lang.t(.reasonShort))<input name="reason" required></label>
            <button type="submit" class="danger">\(lang.t(.voidBatch))</button>
            </form></details>
            """
        return out
    }

    /// `POST /events/{id}/door/accept`: `kepu event door ID --accept`: the held sign-ins counted.
    func acceptHeld(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, _) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            let r = try web.ledger(for: user, request: request).doors.acceptHeld(event: id)
            return await web.done(
                "/events/\(id)#door", context,
                notice: Catalogue.text(.heldAccepted(event: id, title: r.eventTitle, counted: r.counted), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: [:])
        }
    }

    /// `POST /events/{id}/door/void` (from, until, address, reason): a batch of the door's sign-ins
    /// voided; `kepu event door ID --void-from … --void-until … --reason …`.
    func voidVisits(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            guard let from = fields.value("from") else { throw KepuError(.empty(field: lang.field(.voidFromField))) }
            guard let until = fields.value("until") else { throw KepuError(.empty(field: lang.field(.voidUntilField))) }
            guard let reason = fields.value("reason") else {
                throw KepuError(.empty(field: lang.field(.voidReasonField)))
            }
            let r = try web.ledger(for: user, request: request).doors.voidVisits(
                event: id, from: try Door.parseTime(from, field: lang.field(.voidFromField)),
                until: try Door.parseTime(until, field: lang.field(.voidUntilField)), address: fields.value("address"),
                reason: reason)
            return await web.done(
                "/events/\(id)#door", context,
                notice: Catalogue.text(
                    .visitsVoided(event: id, title: r.eventTitle, counted: r.counted, held: r.held, answers: r.answers),
                    lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: fields)
        }
    }

    /// `GET /events/{id}/door/screen`: a live door's screen for the venue, the QR code of the moment.
    func screen(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let id = try context.parameters.require("id", as: Int64.self)
        guard let door = try ledger.doors.current(event: id), door.live, let token = web.doorLinks.token(door.id) else {
            // No live door, or its link was opened elsewhere: the poster page says what to do.
            return Response(status: .seeOther, headers: [.location: "/events/\(id)/poster"])
        }
        let now = Date()
        let code = try ledger.doors.keys(door: door.id).code(at: now)
        let period = Door.codePeriod
        let refresh = period - Int(now.timeIntervalSince1970) % period + 1
        let html = try DoorPoster.screen(
            door, url: try doorURL(request, token) + "?c=" + code,
            signedInToday: try ledger.doors.counts(event: id).today,
            refresh: refresh)
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// The answers to the event's volunteer calls: each waits for its hours and confirmation.
    func callsTable(_ calls: [VolunteerCallItem], event: Int64, _ context: WebContext) -> HTML {
        let rows: [HTML] = calls.map { c in
            let state: HTML
            if let done = c.signup {
                state = "<a href=\"/records/signup/\(done)\">\(lang.t(.confirmedSignUp(done)))</a>"
            } else if let rejected = c.rejected {
                state = "<span class=\"sub\">\(lang.t(.rejectedCall(rejected.reason)))</span>"
            } else {
                state = """
                    <form method="post" action="/events/\(event)/calls/\(c.id)/confirm" class="inline">\(Page.csrfField(context))
                    <input name="hours" size="5" inputmode="decimal" placeholder="\(lang.t(.hoursShort))" aria-label="\(lang.t(.hoursServed))">
                    <button type="submit">\(lang.t(.confirm))</button></form>
                    <form method="post" action="/events/\(event)/calls/\(c.id)/reject" class="inline">\(Page.csrfField(context))
                    <input name="reason" size="10" required placeholder="\(lang.t(.rejectReason))" aria-label="\(lang.t(.rejectReason))">
                    <button type="submit" class="danger">\(lang.t(.rejectCall))</button></form>
                    """
            }
            return
                "<tr><td class=\"num\">\(c.id)</td><td>\(c.name)</td><td>\(maskPhone(c.phone))</td><td>\(c.org ?? "")</td><td>\(state)</td></tr>"
        }
        return """
            <h3>\(lang.t(.volunteersWhoAnsweredCall))</h3>
            <table><thead><tr><th>\(lang.t(.id))</th><th>\(lang.t(.name))</th><th>\(lang.t(.phone))</th><th>\(lang.t(.organization))</th><th>\(lang.t(.confirmation))</th></tr></thead><tbody>\(rows)</tbody></table>
            """
    }

    /// `POST /events/{id}/calls/{call}/confirm` (hours): `kepu volunteer signup --confirm CALL --hours H`.
    func confirmCall(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        let call = try context.parameters.require("call", as: Int64.self)
        do {
            let hours = try fields.value("hours").map { try Parse.hours($0, field: lang.field(.hoursField)) }
            let r = try web.ledger(for: user, request: request).doors.confirmCall(call, hoursCenti: hours)
            return await web.done(
                "/events/\(id)#door", context,
                notice: Catalogue.text(.signupAdded(r), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: fields)
        }
    }

    /// `POST /events/{id}/calls/{call}/reject` (reason): `kepu volunteer signup --reject CALL --reason R`.
    func rejectCall(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        let call = try context.parameters.require("call", as: Int64.self)
        do {
            guard let reason = fields.value("reason") else {
                throw KepuError(.empty(field: lang.field(.rejectReasonField)))
            }
            let r = try web.ledger(for: user, request: request).doors.rejectCall(call, reason: reason)
            return await web.done(
                "/events/\(id)#door", context,
                notice: Catalogue.text(
                    .callRejected(call: r.id, name: r.name, reason: r.rejected?.reason ?? reason), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: fields)
        }
    }

    /// `POST /events/{id}/door` (from, until, survey, volunteers): `kepu event door ID`; then the poster.
    func openDoor(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            let from = try fields.value("from").map { try Door.parseTime($0, field: lang.field(.opensField)) }
            let until = try fields.value("until").map {
                try Door.parseTime($0, field: lang.field(.closesField), endOfDay: true)
            }
            let calls = try fields.value("volunteers").map {
                try Parse.positiveCount($0, field: lang.field(.volunteersField))
            }
            let expected = try fields.value("expected").map {
                try Parse.positiveCount($0, field: lang.field(.expectedField))
            }
            let opened = try web.ledger(for: user, request: request).doors.open(
                event: id, from: from, until: until, survey: fields["survey"] == "1", volunteers: calls,
                live: fields["live"] == "1", expected: expected)
            web.doorLinks.set(opened.door.id, opened.token)
            return await web.done(
                opened.door.live ? "/events/\(id)#door" : "/events/\(id)/poster", context,
                notice: Catalogue.text(
                    .doorOpened(
                        event: id, from: opened.door.from, until: opened.door.until, survey: opened.door.survey,
                        volunteers: calls, replaced: opened.replaced), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: fields)
        }
    }

    /// `POST /events/{id}/door/close`: `kepu event door ID --close`.
    func closeDoor(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, _) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            _ = try web.ledger(for: user, request: request).doors.close(event: id)
            return await web.done("/events/\(id)", context, notice: Catalogue.text(.doorClosed(event: id), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await detailPage(
                id, context, status: e.webStatus, error: e.text(lang, for: .web), form: "door", values: [:])
        }
    }

    /// `GET /events/{id}/poster`: the A4 poster with the QR code of the door's link. The database
    /// keeps only the link's hash, so a door opened elsewhere (the command line, or before a restart)
    /// offers to issue a new link instead.
    func poster(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let id = try context.parameters.require("id", as: Int64.self)
        guard let door = try ledger.doors.current(event: id) else {
            return try await detailPage(
                id, context, status: .notFound, error: Catalogue.text(.noOpenDoor(event: id), lang), form: "door",
                values: [:])
        }
        guard let token = web.doorLinks.token(door.id) else {
            let body: HTML = """
                <p>\(lang.t(.linkOpenedElsewhere))</p>
                <form method="post" action="/events/\(id)/door" class="confirm">\(Page.csrfField(context))
                \(door.live ? "<input type=\"hidden\" name=\"live\" value=\"1\">" as HTML : HTML())
                \(door.expected.map { "<input type=\"hidden\" name=\"expected\" value=\"\($0)\">" as HTML } ?? HTML())
                <input type="hidden" name="from" value="\(door.from)"><input type="hidden" name="until" value="\(door.until)">
                \(door.survey ? "<input type=\"hidden\" name=\"survey\" value=\"1\">" as HTML : HTML())
                \(door.volunteers.map { "<input type=\"hidden\" name=\"volunteers\" value=\"\($0)\">" as HTML } ?? HTML())
                <button type="submit">\(lang.t(.issueNewLink))</button>
                <a href="/events/\(id)">\(lang.t(.backEvent))</a>
                </form>
                """
            return await web.page(lang.t(.poster), context, body: body)
        }
        // A live door shows its code on the screen: a printed one would be stale in a minute.
        if door.live { return Response(status: .seeOther, headers: [.location: "/events/\(id)/door/screen"]) }
        let address = try web.doorAddress(authority: request.head.authority)
        var html = try DoorPoster.html(door, url: Door.url(base: address.url, token), lang: lang)
        if let warning = addressWarning(address, context) {
            // Said above the poster, on the screen the clerk prints from; the printed sheet stays one A4 page.
            html = html.replacingOccurrences(
                of: "<body>",
                with:
                    "<body><p class=\"address-warning\" style=\"color:#b42318;border:2px solid #b42318;padding:8px\">\(HTML.escape(warning))</p><style>@media print { .address-warning { display: none; } }</style>"
            )
        }
        if door.volunteers != nil {
            // The volunteer call's link, for the office to send to its volunteer groups (not printed).
            let call = Door.url(base: address.url, token).replacingOccurrences(of: "/d/", with: "/v/")
            html = html.replacingOccurrences(
                of: "</body>",
                with:
                    "<p class=\"call-link\" style=\"text-align:center;font-size:11pt\">志愿者报名链接（发给志愿者队伍，不必打印）：\(HTML.escape(call))</p>\n<style>@media print { .call-link { display: none; } }</style>\n</body>"
            )
        }
        return Response(
            status: .ok,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'none'",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html)))
    }

    /// What the clerk must know of a door's address: no phone can open it (with the way to the setting),
    /// or only phones on the office's network can; nil when any phone can.
    func addressWarning(_ address: PublicAddress, _ context: WebContext) -> String? {
        switch address.reach {
        case .thisComputer:
            let admin = context.user?.role == .admin
            return lang.t(.linkOnThisComputer(address.url)) + (admin ? "" : lang.t(.askAdminForAddress))
        case .officeNetwork: return lang.t(.linkOnOfficeNetwork(address.url))
        case .everyone: return nil
        }
    }

    /// The sentence above a door: a warning with a link to 设置 for an admin when no phone can open it,
    /// a note when only the office's network can.
    func addressNote(_ context: WebContext) throws -> HTML {
        let address = try web.doorAddress(authority: context.authority)
        guard let text = addressWarning(address, context) else { return HTML() }
        guard address.reach == .thisComputer else { return "<p class=\"sub\">\(text)</p>" }
        let link: HTML =
            context.user?.role == .admin ? " <a href=\"/settings\">\(lang.t(.setAddressHere))</a>" : HTML()
        return "<p class=\"warning\" role=\"status\">\(text)\(link)</p>"
    }

    /// The door's public link: on the address phones reach the server at (`Web.doorAddress`).
    func doorURL(_ request: Request, _ token: String) throws -> String {
        Door.url(base: try web.doorAddress(authority: request.head.authority).url, token)
    }
}

/// Record ids typed into a form.
func webID(_ text: String, field: Field) throws -> Int64 {
    guard let id = Int64(CSVColumns.trim(text)), id > 0 else {
        throw KepuError(.notAnEventID(field: field, value: text))
    }
    return id
}

/// Form fields read into the library's inputs, shared by the pages and the API.
enum WebInput {
    /// A form's attendance, or the API's (`json`: fields named by their JSON keys in refusals).
    static func attendance(_ fields: [String: String], event: Int64, lang: Language, json: Bool = false) throws
        -> NewAttendance
    {
        var form = FormReader(fields, lang, json: json)
        let count = try form.required("count", .countField, Parse.count(_:field:))
        let channel = try form.optional("channel", .channelField, Channel.parse(_:field:))
        let method = try form.optional("method", .methodField, CountMethod.parse(_:field:))
        let date = try form.optional("date", .dateField, CalendarDate.parse(_:field:))
        try form.finish()
        return NewAttendance(
            event: event, count: count!, channel: channel ?? .onsite, method: method ?? .headcount, date: date,
            note: fields.value("note"))
    }
}

extension EventPages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("events", use: list)
        routes.post("events", use: add)
        routes.get("events/:id", use: detail)
        routes.post("events/:id/attendance", use: addAttendance)
        routes.post("events/:id/costs", use: addCost)
        routes.post("events/:id/surveys", use: addSurvey)
        routes.post("events/:id/door", use: openDoor)
        routes.post("events/:id/door/close", use: closeDoor)
        routes.get("events/:id/poster", use: poster)
        routes.get("events/:id/door/screen", use: screen)
        routes.post("events/:id/door/accept", use: acceptHeld)
        routes.post("events/:id/door/void", use: voidVisits)
        routes.post("events/:id/calls/:call/confirm", use: confirmCall)
        routes.post("events/:id/calls/:call/reject", use: rejectCall)
    }
}
