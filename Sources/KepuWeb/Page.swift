import Foundation
import Hummingbird
import KepuCore
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let appName = Label("科普工作台账", "kepu")
    fileprivate static let show = Label("查看", "Show")
    fileprivate static let previous = Label("上一页", "Previous")
    fileprivate static let next = Label("下一页", "Next")
    fileprivate static let pages = Label("分页", "Pages")
    fileprivate static let indicators = Label("指标完成情况", "Indicators")
    fileprivate static let myAccount = Label("我的账户（修改密码）", "My account (change the password)")
    fileprivate static func versionLine(_ release: String, schema: Int) -> Label {
        Label("kepu \(release) · 数据库结构 v\(schema)", "kepu \(release) · schema v\(schema)")
    }
    fileprivate static func pageOf(_ page: Int, _ pages: Int) -> Label {
        Label("第 \(page)/\(pages) 页", "Page \(page) of \(pages)")
    }
}

/// The page layout: a header with the office's navigation, the content, one stylesheet served from
/// the binary. No script, no CDN.
enum Page {
    /// Text as markup: escaped. (In an `HTML` literal a `String` is escaped anyway; this names it
    /// where a fragment is made on its own.)
    static func esc(_ s: String) -> HTML { "\(s)" }

    static func response(status: HTTPResponse.Status, _ html: HTML) -> Response {
        Response(
            status: status,
            headers: [
                .contentType: "text/html; charset=utf-8", .cacheControl: "no-store",
                .contentSecurityPolicy:
                    "default-src 'self'; style-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'",
                .init("X-Content-Type-Options")!: "nosniff",
            ],
            body: .init(byteBuffer: ByteBuffer(string: html.markup)))
    }

    /// The pages of the navigation bar: path, name, the least role that sees it.
    static let sections: [(path: String, label: Label, role: UserRole)] = [
        ("/", .overview, .clerk), ("/events", .events, .clerk), ("/volunteers", .volunteers, .clerk),
        ("/budget", .budget, .clerk), ("/imports", .importMenu, .clerk), ("/evidence", .evidence, .clerk),
        ("/self-evaluation", .selfEvaluation, .clerk), ("/plan", .plan, .reviewer), ("/audit", .auditTrail, .clerk),
        ("/users", .users, .admin), ("/settings", .settings, .admin),
    ]

    static func document(
        title: String, user: UserItem?, csrf: String?, body: HTML, heading: Bool = true,
        headingText: String? = nil, lang: Language = .zh
    ) -> HTML {
        let nav: HTML
        if let user {
            let links: [HTML] = sections.filter { user.role >= $0.role }.map {
                "<a href=\"\($0.path)\">\(lang.t($0.label))</a>"
            }
            nav = """
                <nav>\(links)<span class="who"><a href="/account" title="\(esc(lang.t(.myAccount)))">\(esc(user.name))（\(esc(lang.role(user.role)))）</a></span>
                <form method="post" action="/logout"><input type="hidden" name="csrf" value="\(esc(csrf ?? ""))"><button type="submit">\(esc(lang.t(.signOut)))</button></form></nav>
                """
        } else {
            nav = ""
        }
        let brand = lang.t(.appName)
        let other = lang == .zh ? ("en", "English") : ("zh", "中文")
        let switcher: HTML = "<a class=\"lang\" href=\"/lang?to=\(other.0)\">\(other.1)</a>"
        return """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(esc(title)) · \(brand)</title>
            <link rel="stylesheet" href="/static/kepu.css">
            <link rel="icon" href="data:,">
            </head>
            <body>
            <header><span class="brand">\(brand)</span>\(nav)\(switcher)</header>
            <main>
            \(heading ? "<h1>\(headingText ?? title)</h1>" as HTML : "")
            \(body)
            </main>
            <footer>\(lang.t(.versionLine(KepuRelease.version, schema: AppDatabase.schemaVersion)))</footer>
            </body>
            </html>

            """
    }

    /// The session's form token as a hidden field: every form that POSTs carries one.
    /// In a year of several projects: a select of them (and the department as a whole, if `whole` names
    /// it), kept in the URL as `?project=`; nothing in a one-project year.
    static func projectPicker(
        _ plan: Plan, selected: String?, action: String, year: Int, whole: String?, lang: Language
    ) -> HTML {
        guard plan.hasSeveralProjects else { return HTML() }
        var options: [HTML] = []
        if let whole { options.append("<option value=\"\"\(selected == nil ? " selected" : "")>\(whole)</option>") }
        for p in plan.projects {
            options.append("<option value=\"\(p.id)\"\(selected == p.id ? " selected" : "")>\(p.name)</option>")
        }
        return """
            <form method="get" action="\(action)" class="filter project-picker">
            <input type="hidden" name="year" value="\(year)">
            <label>\(lang.t(.project))<select name="project">\(options)</select></label>
            <button type="submit">\(lang.t(.show))</button></form>
            """
    }

    /// A form's `id`, and when it was refused, `aria-invalid` and the sentence that says why. Its action ends
    /// in `#id`, so that the answer to a refused POST opens at the form, the sentence in view.
    static func formAttributes(_ id: String, refused: Bool) -> HTML {
        refused ? " id=\"\(id)\" aria-invalid=\"true\" aria-describedby=\"\(id)-error\"" : " id=\"\(id)\""
    }

    static func csrfField(_ context: WebContext) -> HTML {
        "<input type=\"hidden\" name=\"csrf\" value=\"\(esc(context.csrf ?? ""))\">"
    }

    /// A vocabulary as `<option>`s, its Chinese (or English) names shown and its codes sent.
    static func options<T: Vocabulary>(_ all: [T], selected: String?, _ lang: Language) -> HTML {
        all.map { (v: T) -> HTML in
            "<option value=\"\(v.rawValue)\"\(selected == v.rawValue ? " selected" : "")>\(lang.vocabulary(v))</option>"
        }.joined()
    }

    /// What a query's name or value keeps unencoded.
    static let queryValue = CharacterSet.urlQueryAllowed.subtracting(CharacterSet(charactersIn: "&=+#;/?"))

    /// The rows of a long list a page shows: 50, the page number from `?page=`.
    static let pageSize = 50

    /// The page `?page=N` asks for, within 1…pages.
    /// `key` names the page's parameter when a page holds two long lists (`?page=` and `?prints=`).
    static func pageNumber(_ query: [String: String], count: Int, key: String = "page") -> (page: Int, pages: Int) {
        let pages = max(1, (count + pageSize - 1) / pageSize)
        return (min(max(1, query[key].flatMap { Int($0) } ?? 1), pages), pages)
    }

    /// One page of a long list searched by `?q=`: the rows that match (any of a row's `searched` texts
    /// holds the search), the rows on this page, its number and count, and the query its pager keeps.
    struct ListPage<T> {
        var matching: [T]
        var shown: [T]
        var page: Int
        var pages: Int
        var kept: [String: String]
    }

    static func list<T>(
        _ all: [T], _ query: [String: String], key: String = "page", searched: (T) -> [String?]
    ) -> ListPage<T> {
        let q = query.value("q") ?? ""
        let matching =
            q.isEmpty
            ? all : all.filter { searched($0).compactMap { $0 }.contains { $0.localizedCaseInsensitiveContains(q) } }
        let (page, pages) = pageNumber(query, count: matching.count, key: key)
        var kept = query
        kept[key] = nil
        return ListPage(
            matching: matching, shown: Array(matching.dropFirst((page - 1) * pageSize).prefix(pageSize)), page: page,
            pages: pages, kept: kept)
    }

    /// Numbered pages and a next link under a long list, each keeping the list's filters in the URL.
    /// Nothing when it fits on one page.
    static func pager(
        _ path: String, _ query: [String: String], page: Int, pages: Int, lang: Language, key: String = "page",
        anchor: String = ""
    ) -> HTML {
        guard pages > 1 else { return HTML() }
        func href(_ n: Int) -> String {
            var q = query
            q[key] = n == 1 ? nil : String(n)
            let items = q.sorted { $0.key < $1.key }.map { k, v in
                (k.addingPercentEncoding(withAllowedCharacters: queryValue) ?? "") + "="
                    + (v.addingPercentEncoding(withAllowedCharacters: queryValue) ?? "")
            }
            return (items.isEmpty ? path : path + "?" + items.joined(separator: "&")) + anchor
        }
        // The first, the last, and two either side of this one; gaps shown as …
        var shown: [Int] = []
        for n in 1...pages where n == 1 || n == pages || abs(n - page) <= 2 { shown.append(n) }
        var links: [HTML] = []
        if page > 1 { links.append("<a rel=\"prev\" href=\"\(href(page - 1))\">\(lang.t(.previous))</a>") }
        var last = 0
        for n in shown {
            if n > last + 1 { links.append("<span class=\"gap\">…</span>") }
            links.append(
                n == page
                    ? "<span class=\"current\" aria-current=\"page\">\(n)</span>"
                    : "<a href=\"\(href(n))\">\(n)</a>")
            last = n
        }
        if page < pages { links.append("<a rel=\"next\" href=\"\(href(page + 1))\">\(lang.t(.next))</a>") }
        return """
            <nav class="pager" aria-label="\(lang.t(.pages))"><span>\(lang.t(.pageOf(page, pages)))</span>\(links)</nav>
            """
    }

    /// Each indicator as a bar: its percent of target, coloured by status.
    static func progress(_ e: Evaluation, lang: Language) -> HTML {
        var out: HTML = "<section><h2>\(esc(lang.t(.indicators)))</h2><ul class=\"bars\">"
        for r in e.indicators {
            guard let p = r.percentOfTarget else { continue }
            let pct = min(max(Double(p.raw) / 10_000, 0), 100)
            let cls: String
            switch r.status {
            case .met, .onTrack: cls = "good"
            case .missed, .behind: cls = "bad"
            default: cls = "warn"
            }
            out += """
                <li><span class="name">\(esc(r.indicator.name))</span><progress class="\(cls)" max="100" value="\(String(format: "%.1f", pct))">\(esc(Figures.percent(p)))</progress><span class="pct">\(esc(Figures.percent(p)))</span><span class="status \(cls)">\(esc(lang.status(r.status)))</span></li>
                """
        }
        return out + "</ul></section>"
    }

    static let css = """
        body { margin: 0; font-family: "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", sans-serif; font-size: 14px; color: #1f2328; background: #f4f5f7; }
        header { background: #8b1a1a; color: #fff; display: flex; align-items: center; padding: 0 16px; height: 44px; }
        header .brand { font-weight: bold; font-size: 16px; margin-right: 24px; }
        header nav { display: flex; align-items: center; gap: 16px; flex: 1; }
        header nav a { color: #fff; text-decoration: none; }
        header .who { margin-left: auto; }
        header a.lang { color: #fff; margin-left: 16px; font-size: 13px; opacity: 0.85; }
        header form { margin: 0; }
        header button { background: transparent; color: #fff; border: 1px solid #fff; padding: 2px 10px; cursor: pointer; }
        main { max-width: 1200px; margin: 16px auto; background: #fff; padding: 16px 24px; box-sizing: border-box; }
        h1 { font-size: 20px; margin: 0 0 8px; }
        h2 { font-size: 16px; border-left: 4px solid #8b1a1a; padding-left: 8px; margin: 20px 0 8px; }
        table { border-collapse: collapse; width: 100%; margin: 4px 0 12px; }
        th, td { border: 1px solid #d0d7de; padding: 4px 8px; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #f0f2f5; word-break: keep-all; white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.fixed { table-layout: fixed; } table.fixed td.num, table.fixed th { white-space: normal; }
        td.bad { color: #b42318; font-weight: bold; } td.good { color: #14662b; } td.warn { color: #8a5a00; }
        .sub { color: #57606a; margin: 0 0 8px; }
        .error { color: #b42318; background: #fdecea; padding: 8px 12px; border: 1px solid #f5c2c0; }
        ul.bars { list-style: none; padding: 0; margin: 0; }
        ul.bars li { display: grid; grid-template-columns: 260px 1fr 80px 64px; gap: 8px; align-items: center; padding: 3px 0; }
        ul.bars progress { width: 100%; height: 12px; appearance: none; -webkit-appearance: none; border: 0; background: #eaeef2; }
        ul.bars progress::-webkit-progress-bar { background: #eaeef2; }
        ul.bars progress.good::-webkit-progress-value { background: #2da44e; } ul.bars progress.good::-moz-progress-bar { background: #2da44e; }
        ul.bars progress.bad::-webkit-progress-value { background: #cf222e; } ul.bars progress.bad::-moz-progress-bar { background: #cf222e; }
        ul.bars progress.warn::-webkit-progress-value { background: #bf8700; } ul.bars progress.warn::-moz-progress-bar { background: #bf8700; }
        ul.bars .pct { text-align: right; font-variant-numeric: tabular-nums; }
        ul.bars .status.good { color: #14662b; } ul.bars .status.bad { color: #b42318; font-weight: bold; } ul.bars .status.warn { color: #8a5a00; }
        footer { max-width: 1200px; margin: 12px auto 24px; padding: 0 24px; color: #8c959f; font-size: 12px; }
        .notice { color: #14662b; background: #e6f4ea; padding: 8px 12px; border: 1px solid #b7dfc2; }
        .warning { color: #7a4d00; background: #fff4d6; padding: 8px 12px; border: 1px solid #f0d48a; }
        table.visits progress { width: 120px; height: 10px; vertical-align: middle; }
        form.record { display: grid; grid-template-columns: repeat(4, 1fr); gap: 8px 16px; align-items: end; margin: 8px 0 16px; }
        form.record label { display: flex; flex-direction: column; gap: 4px; }
        form.record label.wide { grid-column: span 2; }
        form.record input, form.record select { padding: 5px 6px; font-size: 14px; border: 1px solid #8c959f; }
        form.record button { padding: 7px 12px; background: #8b1a1a; color: #fff; border: 0; cursor: pointer; }
        form.login { max-width: 360px; margin: 40px auto; display: flex; flex-direction: column; gap: 12px; }
        form.login label { display: flex; flex-direction: column; gap: 4px; }
        form.login input { padding: 6px 8px; font-size: 14px; border: 1px solid #8c959f; }
        form.login button { padding: 8px; background: #8b1a1a; color: #fff; border: 0; font-size: 15px; cursor: pointer; }
        details.add { margin: 4px 0 12px; } details.add summary { cursor: pointer; color: #8b1a1a; font-weight: bold; padding: 4px 0; }
        form.filter { display: flex; flex-wrap: wrap; gap: 8px 16px; align-items: end; margin: 8px 0; padding: 8px 12px; background: #f6f8fa; border: 1px solid #d0d7de; }
        form.filter label { display: flex; flex-direction: column; gap: 2px; }
        form.filter label.check { flex-direction: row; align-items: center; gap: 4px; }
        form.filter fieldset { border: 0; padding: 0; margin: 0; display: flex; flex-wrap: wrap; gap: 4px 16px; }
        form.filter legend { width: 100%; padding: 0 0 4px; color: #57606a; }
        form.filter input, form.filter select { padding: 4px 6px; font-size: 14px; border: 1px solid #8c959f; }
        form.filter button, form.confirm button { padding: 5px 12px; background: #8b1a1a; color: #fff; border: 0; cursor: pointer; }
        form.confirm { display: flex; gap: 16px; align-items: center; margin: 12px 0; }
        form.inline { display: flex; gap: 6px; align-items: center; margin: 0; } form.inline input { padding: 3px 5px; } form.inline button { padding: 3px 10px; background: #8b1a1a; color: #fff; border: 0; cursor: pointer; }
        button.danger, form.record button.danger { background: #b42318; }
        p.actions { display: flex; gap: 24px; margin: 16px 0 0; }
        a { color: #0b5cad; }
        td a { text-decoration: none; }
        table.fields th { width: 140px; text-align: left; }
        ul.findings { color: #8a5a00; margin: 4px 0 12px; padding-left: 20px; }
        ul.errors { color: #b42318; margin: 4px 0 12px; padding-left: 20px; }
        table.preview tr.bad td { background: #fdecea; }
        nav.pager { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; margin: 8px 0 16px; }
        nav.pager a, nav.pager span.current { padding: 2px 9px; border: 1px solid #d0d7de; text-decoration: none; }
        nav.pager span.current { background: #8b1a1a; color: #fff; border-color: #8b1a1a; }
        nav.pager > span:first-child { margin-right: 8px; color: #57606a; }
        td.date, span.date { white-space: nowrap; }
        tr.voided td { color: #57606a; }
        td.actions { white-space: nowrap; } td.actions a { margin-right: 8px; } td.actions a.danger { color: #b42318; }
        details.folded { margin-top: 2px; overflow-wrap: anywhere; } details.folded summary { cursor: pointer; color: #57606a; font-size: 12px; }
        /* Printed (自评, every list): the page's content on A4, without the menu, forms, buttons and page links. */
        @page { size: A4; margin: 15mm 12mm; }
        @media print {
          header, footer, form, details.add, nav.pager, p.actions, button, .noprint, td.actions, .notice, p.sub a { display: none !important; }
          body { background: #fff; font-size: 11pt; } main { max-width: none; margin: 0; padding: 0; }
          a { color: inherit; text-decoration: none; }
          h2 { page-break-after: avoid; } tr { page-break-inside: avoid; }
          th, td { padding: 2px 4px; }
        }
        \(HTMLRenderer.columnWidths)
        """
}
