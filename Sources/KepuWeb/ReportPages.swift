import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let printIt = Label("打印", "Print")
    fileprivate static let backToSelfEvaluation = Label("返回自评", "Back to the self-evaluation")
    fileprivate static let departmentsSelfEvaluation = Label("部门整体支出绩效自评", "The department's self-evaluation")
    fileprivate static let excelWorkbook = Label("Excel 工作簿", "Excel workbook")
    fileprivate static let webPagePrints = Label("网页（可打印 A4）", "Web page (prints on A4)")
    fileprivate static let plainText = Label("纯文本", "Plain text")
    fileprivate static let downloads = Label("下载：", "Download:")
    fileprivate static let whyUnlock = Label("解除封账的原因", "Why unlock")
    fileprivate static let unlockYear = Label("解除封账", "Unlock the year")
    fileprivate static let lockReason = Label("自评表报送后封账，原因", "Lock once handed in; why")
    fileprivate static let eGHanded = Label("例如：已报送财政局", "e.g. handed in to the finance bureau")
    fileprivate static let lockYear = Label("封账", "Lock the year")
    fileprivate static let deviationNotesManual = Label("填写偏差原因、改进措施或人工评分", "Deviation notes and manual scores")
    fileprivate static let manualScore = Label("人工评分（可不填）", "Manual score")
    fileprivate static let eG12 = Label("例如：12", "e.g. 12")
    fileprivate static let actualWords = Label("实际完成值（文字，可不填）", "Actual (words)")
    fileprivate static let reasonDeviation = Label("偏差原因", "Reason for the deviation")
    fileprivate static let measures = Label("改进措施", "Measures")
    fileprivate static let whyScore = Label("评分理由（人工评分必填）", "Why this score")
    fileprivate static let save = Label("保存", "Save")
    fileprivate static let formatField = Label("格式", "format")
    fileprivate static let scoreField = Label("人工评分", "score")
    fileprivate static let yearField = Label("年度", "year")
    fileprivate static let unlockVerb = Label("解除封账", "unlock")
    fileprivate static let lockVerb = Label("封账", "lock")
    fileprivate static let evidenceFile = Label("文件（照片、签到表扫描件、发票、合同…）", "File (photo, scanned sheet, invoice…)")
    fileprivate static let forTheEvent = Label("对应的活动", "For the event")
    fileprivate static let noEventForCost = Label("（不对应活动）", "(no event)")
    fileprivate static let orTheCost = Label("或对应的费用（发票、合同）", "or the cost (invoice, contract)")
    fileprivate static let noCost = Label("（不对应费用）", "(no cost)")
    fileprivate static let upload = Label("上传", "Upload")
    fileprivate static let noEvidenceYet = Label("还没有佐证材料；用上面的表单上传。", "No evidence yet: upload it with the form above.")
    fileprivate static let cost = Label("费用", "cost")
    fileprivate static let whyRestore = Label("恢复原因", "why restore")
    fileprivate static let whyVoid = Label("作废原因", "why void")
    fileprivate static let idColumn = Label("编号", "id")
    fileprivate static let forRecord = Label("对应记录", "For")
    fileprivate static let size = Label("大小", "Size")
    fileprivate static let uploadedOn = Label("上传日期", "Added")
    fileprivate static let voidRestore = Label("作废 / 恢复", "Void / restore")
    fileprivate static let confirmVoid = Label("确认作废", "Confirm")
    fileprivate static let yesVoid = Label("确认作废", "Yes, void")
    fileprivate static let costIdField = Label("费用编号", "cost id")
    fileprivate static func yearLocked(_ year: Int, on day: CalendarDate, reason: String, by who: String) -> Label {
        Label("\(year)年已封账（\(day)，\(reason)，\(who)）", "\(year) is locked (\(day), \(reason), \(who))")
    }
    fileprivate static func selfEvaluationOfYear(_ year: Int) -> Label {
        Label("\(year)年绩效自评", "Self-evaluation \(year)")
    }
    fileprivate static func selfEvaluationFileName(_ year: Int) -> Label {
        Label("\(year)绩效自评", "self-evaluation-\(year)")
    }
    fileprivate static func unlockQuestion(_ year: Int, reason: String) -> Label {
        Label(
            "确认解除\(year)年的封账？解除后可以再修改该年的记录。原因：\(reason)",
            "Unlock \(year)? Its records can then be changed again. Reason: \(reason)")
    }
    fileprivate static func lockQuestion(_ year: Int, reason: String) -> Label {
        Label(
            "确认将\(year)年封账？封账后该年的记录不能再修改，直到管理员解除。原因：\(reason)",
            "Lock \(year)? Its records can no longer be changed until an admin unlocks it. Reason: \(reason)")
    }
    fileprivate static func voidedBecause(_ reason: String) -> Label { Label("已作废：\(reason)", "voided: \(reason)") }
    fileprivate static func voidEvidenceQuestion(_ id: Int64, file: String, reason: String) -> Label {
        Label(
            "确认作废佐证材料 \(id)（\(file)）？原因：\(reason)。文件仍保留，可以恢复。",
            "Void evidence \(id) (\(file))? Reason: \(reason). The file is kept and can be restored.")
    }
    fileprivate static let status = Label("状态", "Status")
    fileprivate static let fileChecksum = Label("文件校验码", "File checksum")
    fileprivate static let history = Label("修改记录", "History")
    fileprivate static let evidenceVoidExplained = Label(
        "不删除文件：佐证材料留在台账和操作记录中，标为作废，可以恢复。", "Nothing is deleted: the file stays, marked void, and can be restored.")
    fileprivate static let evidenceRestoreExplained = Label("撤销这次作废。", "Undoes the void.")
    fileprivate static let whyRequired = Label("原因（必填，记入操作记录）", "Why (required, kept in the audit trail)")
}

/// 自评 (the self-evaluation: notes and manual scores, the preview, downloads, the year lock) and
/// 佐证材料 (evidence files: upload, list, verify).
struct ReportPages: Sendable {
    let web: Web
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    // MARK: 自评

    /// `GET /self-evaluation[?year=Y]`
    func selfEvaluation(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return try await page(
            request.query["year"].flatMap { Int($0) }, context, status: .ok, error: nil,
            project: request.query.value("project"), values: request.query.filter { $0.key == "indicator" })
    }

    /// Which self-evaluation a page shows: a project's (the first, in a year of several, unless named)
    /// or, with `department`, the department's whole (部门整体支出绩效自评).
    func choice(_ year: Int?, _ project: String?) throws -> (project: String?, scope: EvaluationScope) {
        if project == "department" { return (nil, .department) }
        if let project { return (project, .project) }
        guard let plan = try web.storedPlan(year: year)?.plan, plan.hasSeveralProjects else {
            return (nil, .project)
        }
        return (plan.projects.first?.id, .project)
    }

    /// The page; after a refused form, `error` shown beside the form it came from (`form`), whose typed
    /// `values` are kept.
    func page(
        _ year: Int?, _ context: WebContext, status: HTTPResponse.Status, error: String?, project: String? = nil,
        form: String? = nil, values: [String: String] = [:]
    ) async throws -> Response {
        let role = context.user?.role ?? .clerk
        var body = form == nil ? error.map(web.error) ?? HTML() : HTML()
        func v(_ k: String) -> String { values[k] ?? "" }
        func err(_ which: String) -> HTML { form == which ? web.error(error, form: which) : HTML() }
        func invalid(_ which: String) -> HTML {
            form == which && error != nil ? " aria-invalid=\"true\" aria-describedby=\"\(which)-error\"" : ""
        }
        let evaluated: SelfEvaluationDocuments.Evaluated
        let (chosen, scope) = try choice(year, project)
        do {
            evaluated = try SelfEvaluationDocuments.evaluate(
                ledger: ledger, year: year, unit: nil, asOf: nil, today: ledger.context.today(), lang: lang,
                scope: scope, project: chosen, surface: .web)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return await web.page(
                lang.t(.selfEvaluation), context, body: body + web.error(e.text(lang, for: .web)))
        } catch {
            return await web.page(lang.t(.selfEvaluation), context, body: body, status: .internalServerError)
        }
        let plan = evaluated.inputs.stored.plan
        let y = plan.year
        if let whole = try web.storedPlan(year: y, unit: plan.unit)?.plan {
            body += Page.projectPicker(
                whole, selected: scope == .department ? "department" : chosen, action: "/self-evaluation", year: y,
                whole: nil, lang: lang)
            if whole.hasSeveralProjects, scope != .department {
                body +=
                    "<p class=\"sub\"><a href=\"/self-evaluation?year=\(y)&amp;project=department\">\(lang.t(.departmentsSelfEvaluation))</a></p>"
            }
        }
        // The project as a query value, escaped like any other text in the link.
        let project = scope == .department ? "department" : chosen
        let which: HTML =
            project.map { "&amp;project=\($0.addingPercentEncoding(withAllowedCharacters: Page.queryValue) ?? "")" }
            ?? ""
        let downloads: [HTML] = [
            ("xlsx", lang.t(.excelWorkbook)), ("html", lang.t(.webPagePrints)),
            ("md", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("text", lang.t(.plainText)),
        ].map {
            "<a class=\"download\" href=\"/self-evaluation/download?year=\(y)&amp;format=\($0.0)\(which)\">\($0.1)</a>"
        }
        body += "<p class=\"actions\"><span>\(lang.t(.downloads))</span>\(downloads)</p>"
        // The year lock.
        let locks = try ledger.years.status()
        if let lock = locks.first(where: { $0.year == y && $0.inForce }) {
            body +=
                "<p class=\"notice\">\(HTML.sentence(lang.t(.yearLocked(y, on: lock.lockedOn, reason: lock.reason, by: lock.lockedBy))))</p>"
            if role >= .admin {
                body += """
                    \(err("unlock"))<form method="post" action="/self-evaluation/unlock#unlock" class="filter" id="unlock">\(Page.csrfField(context))
                    <input type="hidden" name="year" value="\(y)">
                    <label>\(lang.t(.whyUnlock))<input name="reason" required size="30" value="\(v("reason"))"\(invalid("unlock"))></label>
                    <button type="submit" class="danger">\(lang.t(.unlockYear))</button></form>
                    """
            }
        } else if role >= .reviewer {
            body += """
                \(err("lock"))<form method="post" action="/self-evaluation/lock#lock" class="filter" id="lock">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(y)">
                <label>\(lang.t(.lockReason))<input name="reason" required size="30" value="\(v("reason"))" placeholder="\(lang.t(.eGHanded))"\(invalid("lock"))></label>
                <button type="submit">\(lang.t(.lockYear))</button></form>
                """
        }
        // Deviation notes and manual scores (reviewers); a clerk is told who writes them.
        if role < .reviewer {
            body += "<p class=\"sub\" id=\"note\">\(lang.t(.notesByReviewers))</p>"
        }
        if role >= .reviewer {
            let options: [HTML] = plan.indicators.map {
                "<option value=\"\($0.id)\"\(values["indicator"] == $0.id ? " selected" : "")>\($0.name)</option>"
            }
            let open = values["indicator"] != nil || form == "note"
            body += """
                <details class="add" id="note"\(open ? " open" : "")><summary>\(lang.t(.deviationNotesManual))</summary>
                \(err("note"))<form method="post" action="/self-evaluation/notes#note" class="record">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(y)">\(chosen.map { HTML("<input type=\"hidden\" name=\"project\" value=\"\($0)\">") } ?? HTML())
                <label class="wide">\(lang.t(.indicatorShort))<select name="indicator">\(options)</select></label>
                <label>\(lang.t(.manualScore))<input name="score" inputmode="decimal" value="\(v("score"))" placeholder="\(lang.t(.eG12))"\(invalid("note"))></label>
                <label>\(lang.t(.actualWords))<input name="actual" value="\(v("actual"))"></label>
                <label class="wide">\(lang.t(.reasonDeviation))<input name="reason" value="\(v("reason"))"></label>
                <label class="wide">\(lang.t(.measures))<input name="measures" value="\(v("measures"))"></label>
                <label class="wide">\(lang.t(.whyScore))<input name="why" value="\(v("why"))"></label>
                <button type="submit">\(lang.t(.save))</button>
                </form></details>
                """
        }
        let subtitle: [HTML] = evaluated.report.subtitle.map { "<p class=\"sub\">\($0)</p>" }
        body +=
            "<div class=\"report\"><h2>\(evaluated.report.title)</h2>\(subtitle)\(web.html(evaluated.report, role: role))</div>"
        return await web.page(
            lang.t(.selfEvaluationOfYear(y)), context, body: body, status: status)
    }

    /// `GET /self-evaluation/download?year=Y&format=F`: the file `kepu report -o` writes.
    func download(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let q = request.query
        let format = try ReportFormat.parse(q["format"] ?? "html", field: lang.field(.formatField))
        let (chosen, scope) = try choice(q["year"].flatMap { Int($0) }, q.value("project"))
        let e = try SelfEvaluationDocuments.evaluate(
            ledger: ledger, year: q["year"].flatMap { Int($0) }, unit: nil, asOf: nil, today: ledger.context.today(),
            lang: lang, scope: scope, project: chosen, surface: .web)
        let year = e.inputs.stored.plan.year
        let bytes: ByteBuffer
        if format == .xlsx {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kepu-report-\(SessionService.random(8)).xlsx"
            ).path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try SelfEvaluationDocuments.workbook(e, ledger: ledger, unit: nil, lang: lang, to: path)
            bytes = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        } else if format == .html {
            // The printable page, in the browser: 打印 and 返回 above it, on the screen only.
            let back =
                "/self-evaluation?year=\(year)"
                + (chosen.flatMap { $0.addingPercentEncoding(withAllowedCharacters: Page.queryValue) }.map {
                    "&amp;project=\(Page.esc($0).markup)"
                } ?? "")
            let bar =
                "<nav class=\"print-bar\"><button type=\"button\" id=\"print\">\(lang.t(.printIt))</button> <a href=\"\(back)\">\(lang.t(.backToSelfEvaluation))</a></nav>"
                + "<style>.print-bar { margin: 8px 0 16px; } @media print { .print-bar { display: none; } }</style>"
            var html = try SelfEvaluationDocuments.render(e, format: format, lang: lang)
            // The page's own policy lets the app's one script in, and nothing else.
            html = html.replacingOccurrences(
                of: "content=\"default-src 'none'; style-src 'unsafe-inline';",
                with: "content=\"default-src 'none'; script-src 'self'; style-src 'unsafe-inline';")
            if let body = html.range(of: "<body>") { html.insert(contentsOf: bar, at: body.upperBound) }
            if let end = html.range(of: "</body>", options: .backwards) {
                html.insert(contentsOf: "<script src=\"/static/print.js\"></script>", at: end.lowerBound)
            }
            bytes = ByteBuffer(string: html)
        } else {
            bytes = ByteBuffer(string: try SelfEvaluationDocuments.render(e, format: format, lang: lang))
        }
        let name = lang.t(.selfEvaluationFileName(year)) + "." + format.fileExtension
        return Response(
            status: .ok,
            headers: [
                .contentType: format.mediaType, .cacheControl: "no-store",
                // The printable page opens in the browser (and prints on A4 from there); the rest download.
                .contentDisposition: Self.disposition(
                    format == .html ? "inline" : "attachment", name,
                    plain: "kepu-report-\(year).\(format.fileExtension)"),
            ],
            body: .init(byteBuffer: bytes))
    }

    /// `POST /self-evaluation/notes` (reviewers): `kepu note set`.
    func setNote(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let year = fields["year"].flatMap { Int($0) }
        do {
            let input = NoteInput(
                year: year ?? 0, indicator: CSVColumns.trim(fields["indicator"] ?? ""), reason: fields.value("reason"),
                measures: fields.value("measures"),
                score: try fields.value("score").map { s in
                    guard let v = Fixed.parse(s, maxPlaces: 2) else {
                        throw KepuError(.invalid(field: lang.field(.scoreField), value: s, form: .score))
                    }
                    return v
                }, why: fields.value("why"), unit: nil, actualText: fields.value("actual"))
            _ = try web.ledger(for: user, request: request).evaluation.setNote(input)
            let project = fields.value("project").flatMap {
                $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
            }
            // The indicator by its name in the plan, as the form listed it.
            return await web.done(
                "/self-evaluation?year=\(input.year)" + (project.map { "&project=\($0)" } ?? ""), context,
                notice: Catalogue.text(
                    .noteSet(indicator: input.indicator, year: input.year), lang, for: .web,
                    indicators: try web.names().indicators))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(
                year, context, status: e.webStatus,
                error: Catalogue.text(e.problem, lang, for: .web, indicators: try web.names().indicators),
                project: fields.value("project"), form: "note", values: fields)
        }
    }

    /// `POST /self-evaluation/lock` (reviewers) and `/unlock` (admins): `kepu year lock|unlock`.
    func lock(_ request: Request, _ context: WebContext) async throws -> Response {
        try await lock(request, context, unlock: false)
    }

    func unlock(_ request: Request, _ context: WebContext) async throws -> Response {
        try await lock(request, context, unlock: true)
    }

    func lock(_ request: Request, _ context: WebContext, unlock: Bool) async throws -> Response {
        let (user, fields) = try context.posted()
        let year = fields["year"].flatMap { Int($0) }
        do {
            guard let y = year else { throw KepuError(.invalid(field: lang.field(.yearField), value: "", form: .year)) }
            let reason = try Parse.text(fields["reason"] ?? "", field: lang.field(.reason))
            guard fields["confirm"] == "yes" else {
                let verb = unlock ? lang.t(.unlockVerb) : lang.t(.lockVerb)
                return await web.confirmation(
                    context, title: lang.t(.confirmVerb(verb)),
                    question: unlock
                        ? lang.t(.unlockQuestion(y, reason: reason))
                        : lang.t(.lockQuestion(y, reason: reason)),
                    action: unlock ? "/self-evaluation/unlock" : "/self-evaluation/lock",
                    fields: ["year": String(y), "reason": reason],
                    button: lang.t(.yesVerb(verb)), back: "/self-evaluation?year=\(y)")
            }
            let years = web.ledger(for: user, request: request, reason: reason).years
            if unlock { _ = try years.unlock(y, reason: reason) } else { _ = try years.lock(y, reason: reason) }
            return await web.done(
                "/self-evaluation?year=\(y)", context,
                notice: Catalogue.text(
                    unlock ? Notice.yearUnlocked(year: y, reason: reason) : Notice.yearLocked(year: y, reason: reason),
                    lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(
                year, context, status: e.webStatus, error: e.text(lang, for: .web), form: unlock ? "unlock" : "lock",
                values: fields)
        }
    }

    // MARK: 佐证材料

    /// `GET /evidence[?event=ID&cost=ID&kind=K&all=1]`: the files, a check of each against its hash, and the
    /// upload form, prefilled from the query (a finding's link names its event or cost).
    func evidence(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return try await evidencePage(context, status: .ok, error: nil, values: request.query)
    }

    func evidencePage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, values: [String: String],
        query: [String: String]? = nil
    ) async throws -> Response {
        let query = query ?? values
        let invalid: HTML = error != nil ? " aria-invalid=\"true\" aria-describedby=\"upload-error\"" : ""
        var body = HTML()
        body += """
            <section><h2>\(lang.t(.uploadEvidence))</h2>
            \(web.error(error, form: "upload"))
            <form method="post" action="/evidence#upload" enctype="multipart/form-data" class="record" id="upload">\(Page.csrfField(context))
            <label class="wide">\(lang.t(.evidenceFile))<input name="file" type="file" required\(invalid)></label>
            <label>\(lang.t(.kindHeader))<select name="kind">\(Page.options(EvidenceKind.allCases, selected: values["kind"], lang))</select></label>
            <label class="wide">\(lang.t(.forTheEvent))\(try web.eventPicker("event", selected: values["event"], none: lang.t(.noEventForCost)))</label>
            <label class="wide">\(lang.t(.orTheCost))\(try web.costPicker("cost", selected: values["cost"], none: lang.t(.noCost)))</label>
            <button type="submit">\(lang.t(.upload))</button>
            </form></section>
            """
        let all = query["all"] == "1"
        let items = try ledger.evidence.page(
            includeVoided: all, PageRequest(page: query["page"].flatMap { Int($0) } ?? 1, size: Page.pageSize))
        let names = try web.names(events: Set(items.rows.compactMap(\.event)))
        body += """
            <form method="get" action="/evidence" class="filter">
            <label class="check"><input type="checkbox" name="all" value="1"\(all ? " checked" : "")>\(lang.t(.includeVoided))</label>
            <button type="submit">\(lang.t(.filter))</button></form>
            """
        if items.rows.isEmpty {
            body += "<p>\(Page.esc(lang.t(.noEvidenceYet)))</p>"
        } else {
            // Every stored file hashed against its record: once per write, not once per view.
            let (checked, problems) = try web.sums.value("evidence files", version: try ledger.audit.version()) {
                try ledger.evidence.verify()
            }
            if problems.isEmpty {
                body += "<p class=\"notice\">\(Page.esc(Catalogue.text(.evidenceIntact(count: checked), lang)))</p>"
            } else {
                body += "<ul class=\"errors\">"
                for p in problems {
                    body +=
                        "<li>\(Page.esc(Catalogue.text(.evidenceProblem(id: p.item.id, file: p.item.fileName, missing: p.problem == .missing), lang)))</li>"
                }
                body += "</ul>"
            }
            let (pageNo, pages) = (items.page, items.pages)
            let shown = items.rows
            var rows: [HTML] = []
            for f in shown {
                let event: HTML =
                    f.event.map { id in
                        "<a href=\"/events/\(id)\">\(id) \(names.events[id] ?? "")</a>"
                    } ?? HTML()
                let cost: HTML =
                    f.cost.map { "<a href=\"/records/cost/\($0)\">\(lang.t(.cost)) \($0)</a>" } ?? HTML()
                let action: HTML
                if let v = f.voided {
                    action = """
                        <span class="sub">\(lang.t(.voidedBecause(v.reason)))</span>
                        <form method="post" action="/evidence/\(f.id)/restore" class="inline">\(Page.csrfField(context))<input name="reason" required size="10" placeholder="\(lang.t(.whyRestore))" aria-label="\(lang.t(.whyRestore))"><button type="submit">\(lang.t(.restore))</button></form>
                        """
                } else {
                    action = """
                        <form method="post" action="/evidence/\(f.id)/void" class="inline">\(Page.csrfField(context))<input name="reason" required size="10" placeholder="\(lang.t(.whyVoid))" aria-label="\(lang.t(.whyVoid))"><button type="submit" class="danger">\(lang.t(.void))</button></form>
                        """
                }
                rows.append(
                    """
                    <tr\(f.voided != nil ? " class=\"voided\"" : "")><td class="num">\(f.id)</td><td><a href="/evidence/\(f.id)/file" target="_blank" rel="noopener">\(f.fileName)</a></td>
                    <td>\(lang.vocabulary(f.kind))</td><td>\(event)\(cost)</td><td class="num">\(Figures.fileSize(f.size))</td>
                    <td class="date">\(String(f.addedAt.prefix(10)))</td><td class="actions">\(action)</td></tr>
                    """)
            }
            var kept = query
            kept["page"] = nil
            for k in ["event", "cost", "kind"] { kept[k] = nil }
            body += """
                <table><thead><tr><th>\(lang.t(.idColumn))</th><th>\(lang.t(.file))</th><th>\(lang.t(.kindHeader))</th>
                <th>\(lang.t(.forRecord))</th><th>\(lang.t(.size))</th><th>\(lang.t(.uploadedOn))</th><th class="noprint">\(lang.t(.voidRestore))</th></tr></thead>
                <tbody>\(rows)</tbody></table>
                \(Page.pager("/evidence", kept, page: pageNo, pages: pages, lang: lang))
                """
        }
        return await web.page(lang.t(.evidence), context, body: body, status: status)
    }

    /// `GET /evidence/{id}`: one evidence file: what it is and what it supports, its history, and the form
    /// that voids it (or restores it), where a row's 作废 or 恢复 leads. Its checksum stays folded away.
    func evidenceItem(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let id = try context.parameters.require("id", as: Int64.self)
        let title = Catalogue.recordName(.evidence, lang) + " \(id)"
        let item: EvidenceItem
        do { item = try ledger.evidence.item(id) } catch let e as KepuError where !e.isDatabaseFailure {
            return await web.page(title, context, body: web.error(e.text(lang, for: .web)), status: .notFound)
        }
        let history = try ledger.audit.history(.evidence, id)
        let names = try web.names(events: AuditWords.events(in: history).union([item.event].compactMap { $0 }))
        let event: HTML =
            item.event.map { e in "<a href=\"/events/\(e)\">\(e) \(names.events[e] ?? "")</a>" } ?? HTML()
        let cost: HTML = item.cost.map { "<a href=\"/records/cost/\($0)\">\(lang.t(.cost)) \($0)</a>" } ?? HTML()
        let state: HTML =
            item.voided.map { "<tr><th>\(lang.t(.status))</th><td>\(lang.t(.voidedBecause($0.reason)))</td></tr>" }
            ?? HTML()
        var body = HTML()
        body += """
            <table class="fields">
            <tr><th>\(lang.t(.file))</th><td><a href="/evidence/\(id)/file" target="_blank" rel="noopener">\(item.fileName)</a></td></tr>
            <tr><th>\(lang.t(.kindHeader))</th><td>\(lang.vocabulary(item.kind))</td></tr>
            <tr><th>\(lang.t(.forRecord))</th><td>\(event)\(cost)</td></tr>
            <tr><th>\(lang.t(.size))</th><td>\(Figures.fileSize(item.size))</td></tr>
            <tr><th>\(lang.t(.uploadedOn))</th><td>\(String(RecordTables.localTime(item.addedAt).prefix(16)))</td></tr>
            \(state)</table>
            <details class="folded"><summary>\(lang.t(.fileChecksum))</summary>\(item.sha256)</details>
            """
        body += web.html(
            Report(
                title: "",
                sections: [
                    Section(
                        heading: lang.t(.history),
                        blocks: [.table(RecordTables.historyTable(history, lang: lang, names: names))])
                ]))
        let voided = item.voided != nil
        let (action, verb) = voided ? ("restore", lang.t(.restore)) : ("void", lang.t(.void))
        body += """
            <section id="\(action)"><h2>\(verb)</h2><p class="sub">\(lang.t(voided ? .evidenceRestoreExplained : .evidenceVoidExplained))</p>
            <form method="post" action="/evidence/\(id)/\(action)" class="record">\(Page.csrfField(context))
            <label class="wide">\(lang.t(.whyRequired))<input name="reason" required></label>
            <button type="submit" class="\(voided ? "" : "danger")">\(verb)…</button>
            </form></section>
            """
        return await web.page(title, context, body: body)
    }

    /// `GET /evidence/{id}/file`: the stored file under its original name. Images and PDFs open in the
    /// browser; anything else downloads. Served as data, never as a page of this site: a file's HTML or
    /// SVG cannot run here (`Content-Security-Policy: sandbox`, `nosniff`).
    func evidenceFile(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let id = try context.parameters.require("id", as: Int64.self)
        let (item, path) = try ledger.evidence.file(id)
        let ext = (item.fileName as NSString).pathExtension.lowercased()
        let inline: [String: String] = [
            "jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
            "pdf": "application/pdf", "txt": "text/plain; charset=utf-8",
        ]
        let type = inline[ext] ?? "application/octet-stream"
        var headers: HTTPFields = [
            .contentType: type, .cacheControl: "private, no-store", .acceptRanges: "bytes",
            .contentDisposition: Self.disposition(inline[ext] == nil ? "attachment" : "inline", item.fileName),
            .contentSecurityPolicy: "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox",
        ]
        // Streamed from disk 128 KiB at a time, never read whole: 200 downloads of a 20 MiB PDF at once
        // hold 200 chunks, not 4 GB. One range (`bytes=A-B`, `A-`, `-N`) is answered 206, as a PDF viewer
        // asks; anything else gets the whole file.
        let size = ((try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? NSNumber)?.intValue ?? 0
        let files = FileIO()
        if let range = request.headers[.range].flatMap({ Self.byteRange($0, size: size) }) {
            headers[.contentRange] = "bytes \(range.lowerBound)-\(range.upperBound)/\(size)"
            return Response(
                status: .partialContent, headers: headers,
                body: try await files.loadFile(path: path, range: range, context: context))
        }
        return Response(status: .ok, headers: headers, body: try await files.loadFile(path: path, context: context))
    }

    /// The one range of a `Range: bytes=…` header within a file of `size` bytes; nil for none, several
    /// or one past the end (then the whole file is sent).
    static func byteRange(_ header: String, size: Int) -> ClosedRange<Int>? {
        guard size > 0, header.hasPrefix("bytes="), !header.contains(",") else { return nil }
        let spec = header.dropFirst(6).split(separator: "-", maxSplits: 1, omittingEmptySubsequences: false)
        guard spec.count == 2 else { return nil }
        let first = spec[0].trimmingCharacters(in: .whitespaces)
        let last = spec[1].trimmingCharacters(in: .whitespaces)
        if first.isEmpty {
            guard let n = Int(last), n > 0 else { return nil }
            return max(0, size - n)...(size - 1)
        }
        guard let a = Int(first), a >= 0, a < size else { return nil }
        if last.isEmpty { return a...(size - 1) }
        guard let b = Int(last), b >= a else { return nil }
        return a...min(b, size - 1)
    }

    /// `inline|attachment; filename="ASCII"; filename*=UTF-8''…` (RFC 6266 with RFC 5987's encoding): the
    /// original name for every browser, and a plain one (`plain`, else the name's ASCII) for any that reads
    /// only `filename`.
    static func disposition(_ type: String, _ name: String, plain: String? = nil) -> String {
        let ascii =
            plain
            ?? String(
                name.unicodeScalars.map {
                    $0.isASCII && $0.value >= 0x20 && $0 != "\"" && $0 != "\\" ? Character($0) : "_"
                })
        var allowed = CharacterSet.alphanumerics.intersection(
            CharacterSet(charactersIn: Unicode.Scalar(0)...Unicode.Scalar(127)))
        allowed.insert(charactersIn: "!#$&+-.^_`|~")
        let encoded = name.addingPercentEncoding(withAllowedCharacters: allowed) ?? ascii
        return "\(type); filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)"
    }

    func voidEvidence(_ request: Request, _ context: WebContext) async throws -> Response {
        try await correctEvidence(request, context, restore: false)
    }

    func restoreEvidence(_ request: Request, _ context: WebContext) async throws -> Response {
        try await correctEvidence(request, context, restore: true)
    }

    /// `POST /evidence/{id}/void` and `/restore` (reason): `kepu void evidence` and `kepu restore evidence`,
    /// a void after a confirmation page.
    func correctEvidence(_ request: Request, _ context: WebContext, restore: Bool) async throws -> Response {
        let (user, fields) = try context.posted()
        let id = try context.parameters.require("id", as: Int64.self)
        do {
            let reason = try Parse.text(fields["reason"] ?? "", field: lang.field(.reason))
            if !restore, fields["confirm"] != "yes" {
                let item = try web.unlessRefused { try ledger.evidence.file(id).item }
                return await web.confirmation(
                    context, title: lang.t(.confirmVoid),
                    question: lang.t(.voidEvidenceQuestion(id, file: item?.fileName ?? "", reason: reason)),
                    action: "/evidence/\(id)/void", fields: ["reason": reason], button: lang.t(.yesVoid),
                    back: "/evidence")
            }
            let l = web.ledger(for: user, request: request, reason: reason)
            let notice: String
            if restore {
                let r = try l.corrections.restore(.evidence, id, reason: reason)
                notice = Catalogue.text(.recordRestored(id: r.id, label: r.label, also: r.also, reason: reason), lang)
            } else {
                let r = try l.corrections.void(.evidence, id, reason: reason)
                notice = Catalogue.text(.recordVoided(id: r.id, label: r.label, also: r.also, reason: reason), lang)
            }
            return await web.done(restore ? "/evidence" : "/evidence?all=1", context, notice: notice)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await evidencePage(
                context, status: e.webStatus, error: e.text(lang, for: .web), values: [:], query: ["all": "1"])
        }
    }

    /// `POST /evidence` (multipart): `kepu evidence add`.
    func addEvidence(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try context.postedUpload(fields: ["kind", "event", "cost"])
        let (user, values) = (posted.user, posted.values)
        do {
            let (file, name) = try posted.requireFile()
            let kind = try EvidenceKind.parse(values["kind"] ?? "", field: lang.field(.kindField))
            let event = try values.value("event").map { try web.pickedEvent($0, field: lang.field(.eventIdField)) }
            let cost = try values.value("cost").map { try web.pickedCost($0, field: lang.field(.costIdField)) }
            if event == nil, cost == nil { throw KepuError(.evidenceNeedsRecord) }
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kepu-evidence-\(SessionService.random(16))"
            ).path
            guard
                FileManager.default.createFile(
                    atPath: path, contents: Data(buffer: file.body), attributes: [.posixPermissions: 0o600])
            else { throw HTTPError(.internalServerError) }
            defer { try? FileManager.default.removeItem(atPath: path) }
            let r = try web.ledger(for: user, request: request).evidence.add(
                file: path, displayName: name, kind: kind, event: event, cost: cost)
            return await web.done(
                "/evidence", context,
                notice: Catalogue.text(
                    .evidenceAdded(
                        id: r.id, file: name, kind: kind, size: r.size, sha: r.sha256, alreadyStored: r.alreadyStored),
                    lang, for: .web))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await evidencePage(context, status: e.webStatus, error: e.text(lang, for: .web), values: values)
        }
    }
}

extension ReportPages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("self-evaluation", use: selfEvaluation)
        routes.get("self-evaluation/download", use: download)
        routes.post("self-evaluation/notes", role: .reviewer, use: setNote)
        routes.post("self-evaluation/lock", role: .reviewer, use: lock)
        routes.post("self-evaluation/unlock", role: .admin, use: unlock)
        routes.get("evidence", use: evidence)
        routes.post("evidence", use: addEvidence)
        routes.get("evidence/:id", use: evidenceItem)
        routes.get("evidence/:id/file", use: evidenceFile)
        routes.post("evidence/:id/void", use: voidEvidence)
        routes.post("evidence/:id/restore", use: restoreEvidence)
    }
}
