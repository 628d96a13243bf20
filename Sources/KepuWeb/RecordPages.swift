import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let correct = Label("更正", "Correct")
    fileprivate static let whyChange = Label("修改原因（必填，记入操作记录）", "Why (required, kept in the audit trail)")
    fileprivate static let saveCorrection = Label("保存更正", "Save the correction")
    fileprivate static let restoreExplained = Label("撤销这次作废，恢复其一并作废的记录。", "Undoes the void and what went with it.")
    fileprivate static let voidsSubActivities = Label(
        "连同子活动和其下全部记录一并作废。不删除任何内容，可以恢复。",
        "Voids its sub-activities and records too. Nothing is deleted; it can be restored.")
    fileprivate static let voidDeletesNothing = Label(
        "不删除任何内容：记录留在台账和操作记录中，标为作废，可以恢复。", "Nothing is deleted; it can be restored.")
    fileprivate static let whyVoidOrRestore = Label("原因（必填，记入操作记录）", "Why (required, kept in the audit trail)")
    fileprivate static let phoneBlankUnchanged = Label("手机（不改请留空）", "Phone (blank: unchanged)")
    fileprivate static let yes = Label("是", "yes")
    fileprivate static let no = Label("否", "no")
    fileprivate static let noEvent = Label("（不关联活动）", "(no event)")
    fileprivate static let reasonField = Label("修改原因", "reason")
    fileprivate static let restoreVerb = Label("恢复", "restore")
    fileprivate static let voidVerb = Label("作废", "void")
    fileprivate static let voidTakesSubActivities = Label(
        "该活动的子活动及其下全部人次、费用、印刷、调查、报名记录将一并作废。", "Its sub-activities and every record under them are voided too.")
    fileprivate static func confirmRecordVerb(_ verb: String) -> Label {
        Label("确认\(verb)以下记录？原因：", "Confirm: \(verb) this record? Reason: ")
    }
    fileprivate static let correctRow = Label("修改", "Correct")
}

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

    /// What a row showing a record offers (`ReportTable.rowRecords`), as links to its page: 修改 (the
    /// correction form) and 作废 (the void form, which asks the reason, then to confirm), or 恢复 for a
    /// voided row. Evidence has nothing to correct: its own page voids and restores it.
    static func actions(_ row: RowRecord, _ lang: Language) -> [RowAction] {
        let (kind, id) = (row.ref.kind, row.ref.id)
        let page: String
        if kind == .evidence {
            page = "/evidence/\(id)"
        } else {
            guard kinds.contains(kind) else { return [] }
            page = "/records/\(kind.rawValue)/\(id)"
        }
        if row.voided { return [RowAction(lang.t(.restore), href: page + "#restore")] }
        var actions: [RowAction] = []
        if !kind.fields.isEmpty { actions.append(RowAction(lang.t(.correctRow), href: page + "#correct")) }
        actions.append(RowAction(lang.t(.void), href: page + "#void", danger: true))
        return actions
    }

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
        do { item = try ledger.corrections.item(kind, id) } catch let e as KepuError where !e.isDatabaseFailure {
            return await web.page(title, context, body: web.error(e.text(lang, for: .web)), status: .notFound)
        }
        let history = try ledger.audit.history(kind, id)
        var body = error.map(web.error) ?? HTML()
        body += web.html(
            RecordTables.detail(
                item, history: history, maskPhones: true, lang: lang,
                names: try web.names(events: AuditWords.events(in: history).union([item.event].compactMap { $0 }))))
        let csrf = Page.csrfField(context)
        let voided = Self.voided(item)
        if !voided, let form = try editForm(kind, id, values: values) {
            body += """
                <section id="correct"><h2>\(lang.t(.correct))</h2>
                <form method="post" action="/records/\(kind.rawValue)/\(id)/edit" class="record">\(csrf)
                \(form)
                <label class="wide">\(lang.t(.whyChange))<input name="reason" required value="\(Page.esc(values?["reason"] ?? ""))"></label>
                <button type="submit">\(lang.t(.saveCorrection))</button>
                </form></section>
                """
        }
        let (action, verb, explain) =
            voided
            ? (
                "restore", lang.t(.restore),
                lang.t(.restoreExplained)
            )
            : (
                "void", lang.t(.void),
                kind == .event
                    ? lang.t(.voidsSubActivities)
                    : lang.t(.voidDeletesNothing)
            )
        body += """
            <section id="\(action)"><h2>\(verb)</h2><p class="sub">\(explain)</p>
            <form method="post" action="/records/\(kind.rawValue)/\(id)/\(action)" class="record">\(csrf)
            <label class="wide">\(lang.t(.whyVoidOrRestore))<input name="reason" required></label>
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

    /// The correction form's fields, one for each field the kind can change (`RecordKind.fields`), each
    /// as its input asks, filled with the record's values (or what was typed).
    func editForm(_ kind: RecordKind, _ id: Int64, values: [String: String]?) throws -> HTML? {
        guard !kind.fields.isEmpty else { return nil }
        let current: [RecordField: FieldValue]
        do { current = try ledger.corrections.fields(kind, id) } catch let e as KepuError where !e.isDatabaseFailure {
            return nil
        }
        var html = HTML()
        for f in kind.fields {
            guard let value = current[f] else { continue }
            let label = Catalogue.formLabel(f, of: kind, lang)
            let typed = values?[f.rawValue] ?? value.formText
            func input(_ extra: HTML = "") -> HTML {
                "<label>\(label)<input name=\"\(f.rawValue)\" value=\"\(typed)\"\(extra)></label>"
            }
            func select(_ options: [(value: String, name: String)]) -> HTML {
                let choices = options.map { o -> HTML in
                    "<option value=\"\(o.value)\"\(o.value == typed ? HTML(" selected") : "")>\(o.name)</option>"
                }
                return "<label>\(label)<select name=\"\(f.rawValue)\">\(choices)</select></label>"
            }
            switch f.input {
            case .text: html += input(" required")
            case .optionalText: html += input()
            case .count: html += input(" inputmode=\"numeric\"")
            case .money, .hours, .figure: html += input(" inputmode=\"decimal\"")
            case .date: html += input(" type=\"date\"")
            case .phone:
                // Never shown in full: typed anew to change it, left blank to keep it.
                let masked = if case .phone(let p) = value { p ?? "" } else { "" }
                html +=
                    "<label>\(lang.t(.phoneBlankUnchanged))<input name=\"phone\" inputmode=\"tel\" placeholder=\"\(masked)\" value=\"\(values?["phone"] ?? "")\"></label>"
            case .yesNo: html += select([("yes", lang.t(.yes)), ("no", lang.t(.no))])
            case .choice(let c): html += select(c.options(lang))
            case .event:
                let picker = try web.eventPicker("event", selected: typed, none: typed.isEmpty ? lang.t(.noEvent) : nil)
                html += "<label>\(label)\(picker)</label>"
            case .line:
                let lines = try ledger.corrections.lines(kind, id)
                html += select(lines.map { ($0.id, $0.name) })
            case .metric:
                let names = try web.names().measurements
                html += select(names.keys.sorted().map { ($0, names[$0] ?? $0) })
            }
        }
        return html
    }

    /// `POST /records/{kind}/{id}/edit`: `kepu GROUP edit`, one library call whatever the kind; a field
    /// left blank stays as it is; the reason is required.
    func edit(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let (kind, id) = try target(context)
        do {
            var form = FormReader(fields, lang)
            var values: [RecordField: FieldValue] = [:]
            for f in kind.fields {
                let label = Label(Catalogue.label(f, of: kind, .zh), Catalogue.label(f, of: kind, .en))
                // The event picker sends a number, or a typed part of a title when the year has many.
                values[f] = try form.optional(f.rawValue, label) { typed, field in
                    try f.parse(f == .event ? String(try web.pickedEvent(typed, field: field)) : typed, label: field)
                }
            }
            let why = try form.required("reason", .reasonField, Parse.text(_:field:))
            try form.finish()
            let reason = why!
            let outcome = try web.ledger(for: user, request: request, reason: reason).corrections.edit(kind, id, values)
            return await web.done(
                "/records/\(kind.rawValue)/\(id)", context,
                notice: Catalogue.text(
                    .recordEdited(id: outcome.id, label: outcome.label, changes: outcome.changes), lang, for: .web))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(
                kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }

    /// `POST /records/{kind}/{id}/void` and `…/restore`: first a page that asks to confirm, then (with
    /// `confirm=yes`) the library call, with the reason in the audit trail.
    func void(_ request: Request, _ context: WebContext) async throws -> Response {
        try await correct(request, context, restore: false)
    }

    func restore(_ request: Request, _ context: WebContext) async throws -> Response {
        try await correct(request, context, restore: true)
    }

    func correct(_ request: Request, _ context: WebContext, restore: Bool) async throws -> Response {
        let (user, fields) = try context.posted()
        let (kind, id) = try target(context)
        let reason: String
        do { reason = try Parse.text(fields["reason"] ?? "", field: lang.field(.reason)) } catch let e as KepuError
            where !e.isDatabaseFailure
        {
            return try await page(kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: nil)
        }
        let back = kind == .event ? "/events/\(id)" : "/records/\(kind.rawValue)/\(id)"
        guard fields["confirm"] == "yes" else {
            let label: HTML
            do {
                let item = try ledger.corrections.item(kind, id)
                let detail = RecordTables.detail(item, history: [], maskPhones: true, lang: lang)
                label = web.html(Report(title: "", sections: Array(detail.sections.prefix(1))))
            } catch let e as KepuError where !e.isDatabaseFailure {
                return await web.page("", context, body: web.error(e.text(lang, for: .web)), status: .notFound)
            }
            let verb = restore ? lang.t(.restoreVerb) : lang.t(.voidVerb)
            let along: HTML =
                kind == .event && !restore
                ? "<p class=\"error\">\(lang.t(.voidTakesSubActivities))</p>"
                : ""
            let body: HTML = """
                <p>\(Page.esc(lang.t(.confirmRecordVerb(verb))))<strong>\(Page.esc(reason))</strong></p>
                \(along)\(label)
                <form method="post" action="/records/\(kind.rawValue)/\(id)/\(restore ? "restore" : "void")" class="confirm">
                \(Page.csrfField(context))
                <input type="hidden" name="reason" value="\(Page.esc(reason))">
                <input type="hidden" name="confirm" value="yes">
                <button type="submit" class="\(restore ? "" : "danger")">\(lang.t(.yesVerb(verb)))</button>
                <a href="\(back)">\(lang.t(.cancel))</a>
                </form>
                """
            return await web.page(lang.t(.confirmVerb(verb)), context, body: body)
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
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(kind, id, context, status: e.webStatus, error: e.text(lang, for: .web), values: nil)
        }
    }
}

extension RecordPages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("records/:kind/:id", use: show)
        routes.post("records/:kind/:id/edit", use: edit)
        routes.post("records/:kind/:id/void", use: void)
        routes.post("records/:kind/:id/restore", use: restore)
    }
}
