import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

/// 活动: the year's events with their totals, and the form that adds one (`kepu event add`).
struct EventPages: Sendable {
    let ledger: Ledger
    let settings: WebSettings
    var lang: Language { settings.language }

    /// `GET /events`
    func list(_ request: Request, _ context: WebContext) throws -> Response {
        guard let user = context.user, context.sessionID != nil else {
            return Response(status: .seeOther, headers: [.location: "/login"])
        }
        let added = request.uri.queryParameters.get("added", as: Int64.self)
        return try page(user: user, csrf: context.csrf, status: .ok, error: nil, values: [:], added: added)
    }

    /// `POST /events` (fields title, kind, form, start, end, venue, parent, csrf): the same checks and
    /// the same library call as `kepu event add`; a bad value is shown on the form, nothing written.
    func add(_ request: Request, _ context: WebContext) async throws -> Response {
        let fields = try await formFields(request)
        guard let user = context.user, let csrf = context.csrf, sameSecret(fields["csrf"] ?? "", csrf) else {
            throw HTTPError(.forbidden)
        }
        func value(_ k: String) -> String? { fields[k].map { CSVColumns.trim($0) }.flatMap { $0.isEmpty ? nil : $0 } }
        do {
            var event = NewEvent(
                title: try Parse.text(fields["title"] ?? "", field: lang.t("标题", "title")),
                kind: try EventKind.parse(fields["kind"] ?? "", field: lang.t("类型", "kind")), major: nil,
                start: try CalendarDate.parse(fields["start"] ?? "", field: lang.t("开始日期", "start")),
                end: try value("end").map { try CalendarDate.parse($0, field: lang.t("结束日期", "end")) },
                venue: value("venue"),
                parent: try value("parent").map {
                    guard let id = Int64($0), id > 0 else {
                        throw KepuError(.notAnEventID(field: lang.t("所属主题活动", "parent"), value: $0))
                    }
                    return id
                }, unit: nil, allowDuplicate: false)
            event.form = try value("form").map { try EventForm.parse($0, field: lang.t("形式", "form")) } ?? .other
            try event.validate()
            let id = try WebApp.ledger(ledger, for: user, request: request).events.add(event)
            return Response(status: .seeOther, headers: [.location: "/events?added=\(id)"])
        } catch let e as KepuError {
            return try page(
                user: user, csrf: csrf, status: .unprocessableContent, error: e.text(lang), values: fields, added: nil)
        }
    }

    func page(
        user: UserItem, csrf: String?, status: HTTPResponse.Status, error: String?, values: [String: String],
        added: Int64?
    ) throws -> Response {
        let today = ledger.context.today()
        let range =
            (try? ledger.evaluation.inputs(year: nil, unit: nil, asOf: nil, today: today).0.plan.period)
            ?? DateRange.year(today.year)
        let events = try ledger.events.list(in: range, unit: nil, includeVoided: false)
        func v(_ k: String) -> String { Page.esc(values[k] ?? "") }
        func options<T: Vocabulary & CaseIterable>(_ all: [T], selected: String?) -> String
        where T: RawRepresentable, T.RawValue == String {
            all.map {
                "<option value=\"\($0.rawValue)\"\(selected == $0.rawValue ? " selected" : "")>\(Page.esc(lang.t($0.chinese, $0.rawValue)))</option>"
            }.joined()
        }
        var body = ""
        if let added {
            body +=
                "<p class=\"notice\" role=\"status\">\(Page.esc(lang.t("已添加活动 \(added)", "added event \(added)")))</p>"
        }
        if let error { body += "<p class=\"error\" role=\"alert\">\(Page.esc(error))</p>" }
        body += """
            <form method="post" action="/events" class="record">
            <input type="hidden" name="csrf" value="\(Page.esc(csrf ?? ""))">
            <label class="wide">\(lang.t("标题", "Title"))<input name="title" required value="\(v("title"))"></label>
            <label>\(lang.t("类型", "Kind"))<select name="kind">\(options(EventKind.allCases, selected: values["kind"] ?? "other"))</select></label>
            <label>\(lang.t("形式", "Form"))<select name="form">\(options(EventForm.allCases, selected: values["form"] ?? "other"))</select></label>
            <label>\(lang.t("开始日期", "Start"))<input name="start" required placeholder="2023-09-16" value="\(v("start"))"></label>
            <label>\(lang.t("结束日期", "End"))<input name="end" placeholder="\(lang.t("同开始日期", "same day"))" value="\(v("end"))"></label>
            <label>\(lang.t("地点", "Venue"))<input name="venue" value="\(v("venue"))"></label>
            <label>\(lang.t("所属主题活动编号", "Campaign id"))<input name="parent" inputmode="numeric" value="\(v("parent"))"></label>
            <button type="submit">\(lang.t("添加活动", "Add the event"))</button>
            </form>
            """
        body += "<section><h2>\(Page.esc(lang.t("\(range.start.year)年活动", "Events of \(range.start.year)")))</h2>"
        body +=
            events.isEmpty
            ? "<p>\(Page.esc(lang.t("还没有活动", "no events yet")))</p>"
            : HTMLRenderer(lang: lang).fragment(
                Report(
                    title: "",
                    sections: [
                        Section(heading: nil, blocks: [.table(EventTables.list(events, lang: lang, showForm: true))])
                    ]))
        body += "</section>"
        return Page.response(
            status: status, Page.document(title: lang.t("活动", "Events"), user: user, csrf: csrf, body: body))
    }
}
