import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

/// One record of any kind: its values and history (`kepu GROUP show`), its correction (attendance and
/// costs), and its void or restore (`kepu GROUP void|restore`) after a confirmation step.
struct RecordPages: Sendable {
    let web: Web
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    /// The kinds a record page serves: those that can be voided and restored.
    static let kinds: Set<RecordKind> = [
        .event, .attendance, .cost, .printRun, .survey, .measurement, .volunteer, .signup,
    ]

    func target(_ context: WebContext) throws -> (RecordKind, Int64) {
        guard let kind = RecordKind(rawValue: try context.parameters.require("kind")), Self.kinds.contains(kind)
        else { throw HTTPError(.notFound) }
        return (kind, try context.parameters.require("id", as: Int64.self))
    }

    /// `GET /records/{kind}/{id}`
    func show(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let (kind, id) = try target(context)
        return try await page(kind, id, context, status: .ok, error: nil, values: nil)
    }

    func page(
        _ kind: RecordKind, _ id: Int64, _ context: WebContext, status: HTTPResponse.Status, error: String?,
        values: [String: String]?
    ) async throws -> Response {
        let title = Catalogue.recordName(kind, lang) + " \(id)"
        let item: RecordItem
        do { item = try ledger.corrections.item(kind, id) } catch let e as KepuError {
            return await web.page(title, context, body: web.error(e.text(lang, for: .web)), status: .notFound)
        }
        let history = try ledger.audit.history(kind, id)
        var body = error.map(web.error) ?? HTML()
        body += web.html(RecordTables.detail(item, history: history, maskPhones: true, lang: lang, names: web.names()))
        let csrf = Page.csrfField(context)
        let voided = Self.voided(item)
        if !voided, let form = editForm(item, values: values) {
            body += """
                <section><h2>\(lang.t("更正", "Correct"))</h2>
                <form method="post" action="/records/\(kind.rawValue)/\(id)/edit" class="record">\(csrf)
                \(form)
                <label class="wide">\(lang.t("修改原因（必填，记入操作记录）", "Why (required, kept in the audit trail)"))<input name="reason" required value="\(Page.esc(values?["reason"] ?? ""))"></label>
                <button type="submit">\(lang.t("保存更正", "Save the correction"))</button>
                </form></section>
                """
        }
        let (action, verb, explain) =
            voided
            ? (
                "restore", lang.t("恢复", "Restore"),
                lang.t("撤销这次作废，恢复其一并作废的记录。", "Undoes the void and what went with it.")
            )
            : (
                "void", lang.t("作废", "Void"),
                kind == .event
                    ? lang.t(
                        "连同子活动和其下全部记录一并作废。不删除任何内容，可以恢复。",
                        "Voids its sub-activities and records too. Nothing is deleted; it can be restored.")
                    : lang.t("不删除任何内容：记录留在台账和操作记录中，标为作废，可以恢复。", "Nothing is deleted; it can be restored.")
            )
        body += """
            <section><h2>\(verb)</h2><p class="sub">\(explain)</p>
            <form method="post" action="/records/\(kind.rawValue)/\(id)/\(action)" class="record">\(csrf)
            <label class="wide">\(lang.t("原因（必填，记入操作记录）", "Why (required, kept in the audit trail)"))<input name="reason" required></label>
            <button type="submit" class="\(voided ? "" : "danger")">\(verb)…</button>
            </form></section>
            """
        return await web.page(title, context, body: body, status: status)
    }

    static func voided(_ item: RecordItem) -> Bool {
        switch item {
        case .event(let e): e.voided
        case .attendance(let a): a.voided != nil
        case .cost(let c): c.voided != nil
        case .printRun(let p): p.voided != nil
        case .survey(let s): s.voided != nil
        case .measurement(let m): m.voided != nil
        case .volunteer(let v): v.voided != nil
        case .signup(let g): g.voided != nil
        }
    }

    /// The correction form's fields, filled with the record's values (or what was typed).
    func editForm(_ item: RecordItem, values: [String: String]?) -> HTML? {
        func field(_ name: String, _ label: String, _ current: String, extra: HTML = "") -> HTML {
            "<label>\(label)<input name=\"\(name)\" value=\"\(values?[name] ?? current)\"\(extra)></label>"
        }
        switch item {
        case .attendance(let a):
            return field("count", lang.t("人次", "Count"), String(a.count), extra: " inputmode=\"numeric\"")
                + "<label>\(lang.t("渠道", "Channel"))<select name=\"channel\">\(Page.options(Channel.allCases, selected: values?["channel"] ?? a.channel.rawValue, lang))</select></label>"
                + "<label>\(lang.t("统计方式", "Method"))<select name=\"method\">\(Page.options(CountMethod.allCases, selected: values?["method"] ?? a.method.rawValue, lang))</select></label>"
                + field("date", lang.t("日期", "Date"), a.date.description, extra: " type=\"date\"")
                + field("note", lang.t("备注", "Note"), a.note ?? "")
        case .cost(let c):
            return field("amount", lang.t("金额（元）", "Amount (元)"), c.amount.plain)
                + field("item", lang.t("摘要", "Item"), c.item ?? "")
                + field("invoice", lang.t("发票号", "Invoice"), c.invoice ?? "")
                + field("date", lang.t("支付日期", "Paid on"), c.date.description, extra: " type=\"date\"")
                + field("payee", lang.t("收款方", "Payee"), c.payee ?? "")
        case .event(let e):
            return field("title", lang.t("标题", "Title"), e.title)
                + "<label>\(lang.t("类型", "Kind"))<select name=\"kind\">\(Page.options(EventKind.allCases, selected: values?["kind"] ?? e.kind.rawValue, lang))</select></label>"
                + "<label>\(lang.t("形式", "Form"))<select name=\"form\">\(Page.options(EventForm.allCases, selected: values?["form"] ?? e.form.rawValue, lang))</select></label>"
                + field("start", lang.t("开始日期", "Start"), e.start.description, extra: " type=\"date\"")
                + field("end", lang.t("结束日期", "End"), e.end.description, extra: " type=\"date\"")
                + field("venue", lang.t("地点", "Venue"), e.venue ?? "")
        case .printRun(let p):
            return field("title", lang.t("品名", "Title"), p.title)
                + "<label>\(lang.t("类型", "Ink"))<select name=\"ink\">\(Page.options(Ink.allCases, selected: values?["ink"] ?? p.ink.rawValue, lang))</select></label>"
                + field("copies", lang.t("份数", "Copies"), String(p.copies), extra: " inputmode=\"numeric\"")
                + field("unitPrice", lang.t("单价（元）", "Unit price (元)"), p.unitPrice.plain)
                + field("date", lang.t("日期", "Date"), p.date.description, extra: " type=\"date\"")
        case .survey(let v):
            return field("responses", lang.t("回收份数", "Responses"), String(v.responses), extra: " inputmode=\"numeric\"")
                + field("satisfied", lang.t("满意份数", "Satisfied"), String(v.satisfied), extra: " inputmode=\"numeric\"")
                + field("date", lang.t("日期", "Date"), v.date.description, extra: " type=\"date\"")
        case .volunteer(let v):
            // The phone is not shown in full: typed anew to change it, left blank to keep it.
            return field("name", lang.t("姓名", "Name"), v.name)
                + "<label>\(lang.t("手机（不改请留空）", "Phone (blank: unchanged)"))<input name=\"phone\" inputmode=\"tel\" placeholder=\"\(v.phone.map(maskPhone) ?? "")\"></label>"
                + field("org", lang.t("志愿组织", "Organization"), v.org ?? "")
                + field("platform", lang.t("平台编号", "Platform no."), v.platformNo ?? "")
        case .signup(let g):
            return field("hours", lang.t("时长（小时）", "Hours"), g.hoursCenti.map(Figures.hours) ?? "")
                + field("date", lang.t("日期", "Date"), g.date.description, extra: " type=\"date\"")
                + field("role", lang.t("岗位", "Role"), g.role ?? "")
        default:
            return nil
        }
    }

    /// `POST /records/{kind}/{id}/edit`: `kepu attendance edit` / `kepu cost edit`, reason required.
    func edit(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context)
        let (kind, id) = try target(context)
        do {
            let reason = try Parse.text(fields["reason"] ?? "", field: lang.t("修改原因", "reason"))
            let l = web.ledger(for: user, request: request, reason: reason)
            let outcome: EditOutcome
            func date() throws -> CalendarDate? {
                try fields.value("date").map { try CalendarDate.parse($0, field: lang.t("日期", "date")) }
            }
            switch kind {
            case .attendance:
                outcome = try l.attendance.edit(
                    id,
                    AttendancePatch(
                        count: try fields.value("count").map { try Parse.count($0, field: lang.t("人次", "count")) },
                        channel: try fields.value("channel").map {
                            try Channel.parse($0, field: lang.t("渠道", "channel"))
                        },
                        method: try fields.value("method").map {
                            try CountMethod.parse($0, field: lang.t("统计方式", "method"))
                        }, date: try date(), note: fields.value("note")))
            case .cost:
                outcome = try l.money.editCost(
                    id,
                    CostPatch(
                        amount: try fields.value("amount").map { a in
                            let m = try Money.parse(a, field: lang.t("金额", "amount"))
                            if m == .zero { throw KepuError(.zeroCost(field: lang.t("金额", "amount"))) }
                            return m
                        }, item: fields.value("item"), invoice: fields.value("invoice"), date: try date(),
                        payee: fields.value("payee")))
            case .event:
                outcome = try l.events.edit(
                    id,
                    EventPatch(
                        title: try fields.value("title").map { try Parse.text($0, field: lang.t("标题", "title")) },
                        kind: try fields.value("kind").map { try EventKind.parse($0, field: lang.t("类型", "kind")) },
                        form: try fields.value("form").map { try EventForm.parse($0, field: lang.t("形式", "form")) },
                        start: try fields.value("start").map {
                            try CalendarDate.parse($0, field: lang.t("开始日期", "start"))
                        },
                        end: try fields.value("end").map { try CalendarDate.parse($0, field: lang.t("结束日期", "end")) },
                        venue: fields.value("venue")))
            case .printRun:
                outcome = try l.money.editPrintRun(
                    id,
                    PrintRunPatch(
                        title: try fields.value("title").map { try Parse.text($0, field: lang.t("品名", "title")) },
                        ink: try fields.value("ink").map { try Ink.parse($0, field: lang.t("类型", "ink")) },
                        copies: try fields.value("copies").map {
                            try Parse.positiveCount($0, field: lang.t("份数", "copies"))
                        },
                        unitPrice: try fields.value("unitPrice").map {
                            try Money.parse($0, field: lang.t("单价", "unit price"))
                        }, date: try date()))
            case .survey:
                outcome = try l.surveys.edit(
                    id,
                    SurveyPatch(
                        responses: try fields.value("responses").map {
                            try Parse.count($0, field: lang.t("回收份数", "responses"))
                        },
                        satisfied: try fields.value("satisfied").map {
                            try Parse.count($0, field: lang.t("满意份数", "satisfied"))
                        }, date: try date()))
            case .volunteer:
                outcome = try l.volunteers.edit(
                    id,
                    VolunteerPatch(
                        name: try fields.value("name").map { try Parse.text($0, field: lang.t("姓名", "name")) },
                        phone: try fields.value("phone").map {
                            try NewVolunteer.phone($0, field: lang.t("手机", "phone"))
                        },
                        org: fields.value("org"), platformNo: fields.value("platform")))
            case .signup:
                outcome = try l.volunteers.editSignup(
                    id,
                    SignupPatch(
                        hoursCenti: try fields.value("hours").map { try Parse.hours($0, field: lang.t("时长", "hours")) },
                        date: try date(), role: fields.value("role")))
            default:
                throw HTTPError(.notFound)
            }
            return await web.done(
                "/records/\(kind.rawValue)/\(id)", context,
                notice: Catalogue.text(
                    .recordEdited(id: outcome.id, label: outcome.label, changes: outcome.changes), lang))
        } catch let e as KepuError {
            return try await page(
                kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }

    /// `POST /records/{kind}/{id}/void` and `…/restore`: first a page that asks to confirm, then (with
    /// `confirm=yes`) the library call, with the reason in the audit trail.
    func correct(_ request: Request, _ context: WebContext, restore: Bool) async throws -> Response {
        let (user, fields) = try await postedForm(request, context)
        let (kind, id) = try target(context)
        let reason: String
        do { reason = try Parse.text(fields["reason"] ?? "", field: lang.t("原因", "reason")) } catch let e as KepuError {
            return try await page(kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: nil)
        }
        let back = kind == .event ? "/events/\(id)" : "/records/\(kind.rawValue)/\(id)"
        guard fields["confirm"] == "yes" else {
            let label: HTML
            do {
                let item = try ledger.corrections.item(kind, id)
                let detail = RecordTables.detail(item, history: [], maskPhones: true, lang: lang)
                label = web.html(Report(title: "", sections: Array(detail.sections.prefix(1))))
            } catch let e as KepuError {
                return await web.page("", context, body: web.error(e.text(lang, for: .web)), status: .notFound)
            }
            let verb = restore ? lang.t("恢复", "restore") : lang.t("作废", "void")
            let along: HTML =
                kind == .event && !restore
                ? "<p class=\"error\">\(lang.t("该活动的子活动及其下全部人次、费用、印刷、调查、报名记录将一并作废。", "Its sub-activities and every record under them are voided too."))</p>"
                : ""
            let body: HTML = """
                <p>\(Page.esc(lang.t("确认\(verb)以下记录？原因：", "Confirm: \(verb) this record? Reason: ")))<strong>\(Page.esc(reason))</strong></p>
                \(along)\(label)
                <form method="post" action="/records/\(kind.rawValue)/\(id)/\(restore ? "restore" : "void")" class="confirm">
                \(Page.csrfField(context))
                <input type="hidden" name="reason" value="\(Page.esc(reason))">
                <input type="hidden" name="confirm" value="yes">
                <button type="submit" class="\(restore ? "" : "danger")">\(lang.t("确认\(verb)", "Yes, \(verb)"))</button>
                <a href="\(back)">\(lang.t("取消", "Cancel"))</a>
                </form>
                """
            return await web.page(lang.t("确认\(verb)", "Confirm"), context, body: body)
        }
        do {
            let l = web.ledger(for: user, request: request, reason: reason)
            let notice: String
            if restore {
                let r = try l.corrections.restore(kind, id, reason: reason)
                notice = Catalogue.text(.recordRestored(id: r.id, label: r.label, also: r.also, reason: reason), lang)
            } else {
                let r = try l.corrections.void(kind, id, reason: reason)
                notice = Catalogue.text(.recordVoided(id: r.id, label: r.label, also: r.also, reason: reason), lang)
            }
            return await web.done(back, context, notice: notice)
        } catch let e as KepuError {
            return try await page(kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: nil)
        }
    }
}
