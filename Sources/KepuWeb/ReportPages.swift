import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

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
        return await page(
            request.query["year"].flatMap { Int($0) }, context, status: .ok, error: nil,
            project: request.query.value("project"))
    }

    /// Which self-evaluation a page shows: a project's (the first, in a year of several, unless named)
    /// or, with `department`, the department's whole (部门整体支出绩效自评).
    func choice(_ year: Int?, _ project: String?) -> (project: String?, scope: EvaluationScope) {
        if project == "department" { return (nil, .department) }
        if let project { return (project, .project) }
        guard let plan = try? ledger.plans.plan(year: year, unit: nil).plan, plan.hasSeveralProjects else {
            return (nil, .project)
        }
        return (plan.projects.first?.id, .project)
    }

    func page(
        _ year: Int?, _ context: WebContext, status: HTTPResponse.Status, error: String?, project: String? = nil
    ) async -> Response {
        let role = context.user?.role ?? .clerk
        var body = error.map(web.error) ?? HTML()
        let evaluated: SelfEvaluationDocuments.Evaluated
        let (chosen, scope) = choice(year, project)
        do {
            evaluated = try SelfEvaluationDocuments.evaluate(
                ledger: ledger, year: year, unit: nil, asOf: nil, today: ledger.context.today(), lang: lang,
                scope: scope, project: chosen)
        } catch let e as KepuError {
            return await web.page(lang.t("自评", "Self-evaluation"), context, body: body + web.error(e.text(lang)))
        } catch {
            return await web.page(lang.t("自评", "Self-evaluation"), context, body: body, status: .internalServerError)
        }
        let plan = evaluated.inputs.stored.plan
        let y = plan.year
        if let whole = try? ledger.plans.plan(year: y, unit: plan.unit).plan {
            body += Page.projectPicker(
                whole, selected: scope == .department ? "department" : chosen, action: "/self-evaluation", year: y,
                whole: nil, lang: lang)
            if whole.hasSeveralProjects, scope != .department {
                body +=
                    "<p class=\"sub\"><a href=\"/self-evaluation?year=\(y)&amp;project=department\">\(lang.t("部门整体支出绩效自评", "The department's self-evaluation"))</a></p>"
            }
        }
        let which = scope == .department ? "&amp;project=department" : chosen.map { "&amp;project=\($0)" } ?? ""
        let downloads: [HTML] = [
            ("xlsx", lang.t("Excel 工作簿", "Excel workbook")), ("html", lang.t("网页（可打印 A4）", "Web page (prints on A4)")),
            ("md", "Markdown"), ("csv", "CSV"), ("json", "JSON"), ("text", lang.t("纯文本", "Plain text")),
        ].map {
            "<a class=\"download\" href=\"/self-evaluation/download?year=\(y)&amp;format=\($0.0)\(HTML(trusted: which))\">\($0.1)</a>"
        }
        body += "<p class=\"actions\"><span>\(lang.t("下载：", "Download:"))</span>\(downloads)</p>"
        // The year lock.
        let locks = (try? ledger.years.status()) ?? []
        if let lock = locks.first(where: { $0.year == y && $0.inForce }) {
            body +=
                "<p class=\"notice\">\(Page.esc(lang.t("\(y)年已封账（\(lock.lockedOn)，\(lock.reason)，\(lock.lockedBy)）", "\(y) is locked (\(lock.lockedOn), \(lock.reason), \(lock.lockedBy))")))</p>"
            if role >= .admin {
                body += """
                    <form method="post" action="/self-evaluation/unlock" class="filter">\(Page.csrfField(context))
                    <input type="hidden" name="year" value="\(y)">
                    <label>\(lang.t("解除封账的原因", "Why unlock"))<input name="reason" required size="30"></label>
                    <button type="submit" class="danger">\(lang.t("解除封账", "Unlock the year"))</button></form>
                    """
            }
        } else if role >= .reviewer {
            body += """
                <form method="post" action="/self-evaluation/lock" class="filter">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(y)">
                <label>\(lang.t("自评表报送后封账，原因", "Lock once handed in; why"))<input name="reason" required size="30" placeholder="\(lang.t("已报送财政局", "handed in"))"></label>
                <button type="submit">\(lang.t("封账", "Lock the year"))</button></form>
                """
        }
        // Deviation notes and manual scores (reviewers).
        if role >= .reviewer {
            let options: [HTML] = plan.indicators.map {
                "<option value=\"\($0.id)\">\($0.name)</option>"
            }
            body += """
                <details class="add"><summary>\(lang.t("填写偏差原因、改进措施或人工评分", "Deviation notes and manual scores"))</summary>
                <form method="post" action="/self-evaluation/notes" class="record">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(y)">\(chosen.map { HTML("<input type=\"hidden\" name=\"project\" value=\"\($0)\">") } ?? HTML())
                <label class="wide">\(lang.t("指标", "Indicator"))<select name="indicator">\(options)</select></label>
                <label>\(lang.t("人工评分（可不填）", "Manual score"))<input name="score" inputmode="decimal"></label>
                <label>\(lang.t("实际完成值（文字，可不填）", "Actual (words)"))<input name="actual"></label>
                <label class="wide">\(lang.t("偏差原因", "Reason for the deviation"))<input name="reason"></label>
                <label class="wide">\(lang.t("改进措施", "Measures"))<input name="measures"></label>
                <label class="wide">\(lang.t("评分理由（人工评分必填）", "Why this score"))<input name="why"></label>
                <button type="submit">\(lang.t("保存", "Save"))</button>
                </form></details>
                """
        }
        let subtitle: [HTML] = evaluated.report.subtitle.map { "<p class=\"sub\">\($0)</p>" }
        body += "<div class=\"report\"><h2>\(evaluated.report.title)</h2>\(subtitle)\(web.html(evaluated.report))</div>"
        return await web.page(
            lang.t("\(y)年绩效自评", "Self-evaluation \(y)"), context, body: body, status: status)
    }

    /// `GET /self-evaluation/download?year=Y&format=F`: the file `kepu report -o` writes.
    func download(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        let q = request.query
        let format = try ReportFormat.parse(q["format"] ?? "html", field: lang.t("格式", "format"))
        let (chosen, scope) = choice(q["year"].flatMap { Int($0) }, q.value("project"))
        let e = try SelfEvaluationDocuments.evaluate(
            ledger: ledger, year: q["year"].flatMap { Int($0) }, unit: nil, asOf: nil, today: ledger.context.today(),
            lang: lang, scope: scope, project: chosen)
        let year = e.inputs.stored.plan.year
        let bytes: ByteBuffer
        if format == .xlsx {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent(
                "kepu-report-\(SessionService.random(8)).xlsx"
            ).path
            defer { try? FileManager.default.removeItem(atPath: path) }
            try SelfEvaluationDocuments.workbook(e, ledger: ledger, unit: nil, lang: lang, to: path)
            bytes = ByteBuffer(bytes: try Data(contentsOf: URL(fileURLWithPath: path)))
        } else {
            bytes = ByteBuffer(string: try SelfEvaluationDocuments.render(e, format: format, lang: lang))
        }
        let name = lang.t("\(year)绩效自评", "self-evaluation-\(year)") + "." + format.fileExtension
        let ascii = "kepu-report-\(year).\(format.fileExtension)"
        let encoded = name.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ascii
        return Response(
            status: .ok,
            headers: [
                .contentType: format.mediaType, .cacheControl: "no-store",
                .contentDisposition: "attachment; filename=\"\(ascii)\"; filename*=UTF-8''\(encoded)",
            ],
            body: .init(byteBuffer: bytes))
    }

    /// `POST /self-evaluation/notes` (reviewers): `kepu note set`.
    func setNote(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try await postedForm(request, context, role: .reviewer)
        let year = fields["year"].flatMap { Int($0) }
        do {
            let input = NoteInput(
                year: year ?? 0, indicator: CSVColumns.trim(fields["indicator"] ?? ""), reason: fields.value("reason"),
                measures: fields.value("measures"),
                score: try fields.value("score").map { s in
                    guard let v = Fixed.parse(s, maxPlaces: 2) else {
                        throw KepuError(.invalid(field: lang.t("人工评分", "score"), value: s, form: .score))
                    }
                    return v
                }, why: fields.value("why"), unit: nil, actualText: fields.value("actual"))
            try input.validate()
            _ = try web.ledger(for: user, request: request).evaluation.setNote(input)
            let project = fields.value("project").flatMap {
                $0.addingPercentEncoding(withAllowedCharacters: .alphanumerics)
            }
            return await web.done(
                "/self-evaluation?year=\(input.year)" + (project.map { "&project=\($0)" } ?? ""), context,
                notice: Catalogue.text(.noteSet(indicator: input.indicator, year: input.year), lang))
        } catch let e as KepuError {
            return await page(year, context, status: e.webStatus, error: e.text(lang), project: fields.value("project"))
        }
    }

    /// `POST /self-evaluation/lock` (reviewers) and `/unlock` (admins): `kepu year lock|unlock`.
    func lock(_ request: Request, _ context: WebContext, unlock: Bool) async throws -> Response {
        let (user, fields) = try await postedForm(request, context, role: unlock ? .admin : .reviewer)
        let year = fields["year"].flatMap { Int($0) }
        do {
            guard let y = year else { throw KepuError(.invalid(field: lang.t("年度", "year"), value: "", form: .year)) }
            let reason = try Parse.text(fields["reason"] ?? "", field: lang.t("原因", "reason"))
            guard fields["confirm"] == "yes" else {
                let verb = unlock ? lang.t("解除封账", "unlock") : lang.t("封账", "lock")
                return await web.confirmation(
                    context, title: lang.t("确认\(verb)", "Confirm"),
                    question: unlock
                        ? lang.t(
                            "确认解除\(y)年的封账？解除后可以再修改该年的记录。原因：\(reason)",
                            "Unlock \(y)? Its records can then be changed again. Reason: \(reason)")
                        : lang.t(
                            "确认将\(y)年封账？封账后该年的记录不能再修改，直到管理员解除。原因：\(reason)",
                            "Lock \(y)? Its records can no longer be changed until an admin unlocks it. Reason: \(reason)"
                        ),
                    action: unlock ? "/self-evaluation/unlock" : "/self-evaluation/lock",
                    fields: ["year": String(y), "reason": reason],
                    button: lang.t("确认\(verb)", "Yes, \(verb)"), back: "/self-evaluation?year=\(y)")
            }
            let years = web.ledger(for: user, request: request, reason: reason).years
            if unlock { _ = try years.unlock(y, reason: reason) } else { _ = try years.lock(y, reason: reason) }
            return await web.done(
                "/self-evaluation?year=\(y)", context,
                notice: Catalogue.text(
                    unlock ? Notice.yearUnlocked(year: y, reason: reason) : Notice.yearLocked(year: y, reason: reason),
                    lang))
        } catch let e as KepuError {
            return await page(year, context, status: e.webStatus, error: e.text(lang))
        }
    }

    // MARK: 佐证材料

    /// `GET /evidence[?event=ID]`: the files, a check of each against its hash, and the upload form.
    func evidence(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return await evidencePage(context, status: .ok, error: nil, values: request.query)
    }

    func evidencePage(_ context: WebContext, status: HTTPResponse.Status, error: String?, values: [String: String])
        async -> Response
    {
        var body = error.map(web.error) ?? HTML()
        body += """
            <form method="post" action="/evidence" enctype="multipart/form-data" class="record">\(Page.csrfField(context))
            <label class="wide">\(lang.t("文件（照片、签到表扫描件、发票、合同…）", "File (photo, scanned sheet, invoice…)"))<input name="file" type="file" required></label>
            <label>\(lang.t("类型", "Kind"))<select name="kind">\(Page.options(EvidenceKind.allCases, selected: values["kind"], lang))</select></label>
            <label>\(lang.t("活动编号", "Event id"))<input name="event" inputmode="numeric" value="\(Page.esc(values["event"] ?? ""))"></label>
            <label>\(lang.t("或费用编号", "or cost id"))<input name="cost" inputmode="numeric" value="\(Page.esc(values["cost"] ?? ""))"></label>
            <button type="submit">\(lang.t("上传", "Upload"))</button>
            </form>
            """
        let items = (try? ledger.evidence.list()) ?? []
        if items.isEmpty {
            body += "<p>\(Page.esc(lang.t("还没有佐证材料；用上面的表单上传。", "No evidence yet: upload it with the form above.")))</p>"
        } else {
            if let (checked, problems) = try? ledger.evidence.verify() {
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
            }
            body += web.html(RecordTables.evidence(items, lang: lang))
        }
        return await web.page(lang.t("佐证材料", "Evidence"), context, body: body, status: status)
    }

    /// `POST /evidence` (multipart): `kepu evidence add`.
    func addEvidence(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try await postedUpload(
            request, context, settings: web.settings, fields: ["kind", "event", "cost"])
        let (user, values) = (posted.user, posted.values)
        do {
            let (file, name) = try posted.requireFile()
            let kind = try EvidenceKind.parse(values["kind"] ?? "", field: lang.t("类型", "kind"))
            let event = try values.value("event").map { try webID($0, field: lang.t("活动编号", "event id")) }
            let cost = try values.value("cost").map { try webID($0, field: lang.t("费用编号", "cost id")) }
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
                    lang))
        } catch let e as KepuError {
            return await evidencePage(context, status: e.webStatus, error: e.text(lang), values: values)
        }
    }
}
