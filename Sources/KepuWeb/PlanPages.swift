import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let importOfficialTarget = Label("导入财政下发的绩效目标表", "Import the official target tables")
    fileprivate static let uploadTargetTables = Label(
        "上传 Excel 工作簿（.xlsx）：部门整体支出绩效目标表、专项资金绩效目标汇总表（附表2）、各支出方向绩效目标表（附表3），每张表一个工作表。先预览并核对每项指标的取数口径，再导入。Word 文件请先把表格复制到 Excel 另存为 .xlsx。",
        "Upload the workbook (.xlsx) with the department table, the summary (附表2) and each project's table (附表3), a sheet each. Review each indicator's metric in the preview, then import. Save Word tables as .xlsx first."
    )
    fileprivate static let workbook = Label("工作簿", "Workbook")
    fileprivate static let noPlanYet = Label("还没有计划：请上传当年的绩效目标表。", "No plan yet: upload the year's target tables.")
    fileprivate static let department = Label("部门整体", "Department")
    fileprivate static let changeOneIndicator = Label("修改一项指标", "Change one indicator")
    fileprivate static let changeIndicatorExplained = Label(
        "先选指标，再改它的取数口径、比较、分值或绩效标准。保存后生成新版本的计划，旧版本保留；已封账的年度不能修改。",
        "Pick an indicator, then change its metric, comparison, weight or standard. Saving makes a new version of the plan and keeps the old one; a locked year cannot change."
    )
    fileprivate static let changeOne = Label("修改这项指标", "Change this one")
    fileprivate static let metric = Label("取数口径", "Metric")
    fileprivate static let comparison = Label("比较", "Comparison")
    fileprivate static let weightOptional = Label("分值（可不填）", "Weight (optional)")
    fileprivate static let eG10 = Label("例如：10", "e.g. 10")
    fileprivate static let standardOptional = Label("绩效标准（可不填）", "Standard (optional)")
    fileprivate static let saveNewVersion = Label("保存为新版本", "Save as a new version")
    fileprivate static let noRuleScored = Label("没有对应的规则：人工评分", "no rule: scored by hand")
    fileprivate static let error = Label("错误", "Error")
    fileprivate static let warning = Label("警告", "Warning")
    fileprivate static let eachIndicatorsMetricReview = Label(
        "每项指标的取数口径（请核对，可改选）", "Each indicator's metric (review; change if need be)")
    fileprivate static let levelTwo = Label("二级指标", "Level 2")
    fileprivate static let indicator = Label("三级指标", "Indicator")
    fileprivate static let target = Label("指标值", "Target")
    fileprivate static let rule = Label("依据", "Rule")
    fileprivate static let checks = Label("检查", "Checks")
    fileprivate static let checkAgainThese = Label("按所选口径重新检查", "Check again with these metrics")
    fileprivate static let metricField = Label("取数口径", "metric")
    fileprivate static let weightField = Label("分值", "weight")
    fileprivate static func storedPlan(_ source: String, importedAt: String) -> Label {
        Label("\(source)（导入于 \(importedAt)）", "\(source) (imported \(importedAt))")
    }
    fileprivate static let correctNames = Label("更正名称", "Correct names")
    fileprivate static let correctNamesExplained = Label(
        "表格里的名称读错了或写错了：在这里更正项目（支出方向）名称、所属专项或支出明细的名称，保存为计划的新版本，台账不变。",
        "A name read from the wrong cell, or mistyped in the table: correct the project's name, its 所属专项 or a line's name here, saved as a new version of the plan; the ledger stays as it is."
    )
    fileprivate static let projectName = Label("支出方向（子项）名称", "Project (支出方向) name")
    fileprivate static let fundParent = Label("所属专项", "所属专项 (fund)")
    fileprivate static let lineToRename = Label("支出明细", "Spending line")
    fileprivate static let newLineName = Label("新名称", "New name")
    fileprivate static func namesCorrected(_ year: Int) -> Label {
        Label("已更正 \(year) 年计划的名称，保存为新版本", "corrected the names of the \(year) plan, as a new version")
    }
    fileprivate static func planOfYear(_ year: Int) -> Label { Label("\(year)年计划", "Plan \(year)") }
    fileprivate static func readFrom(_ file: String, tables: [String]) -> Label {
        Label("读自 \(file)：\(tables.joined(separator: "、"))", "Read from \(file): \(tables.joined(separator: ", "))")
    }
    fileprivate static func planExists(_ year: Int) -> Label {
        Label(
            "\(year)年已有计划：导入后替换它（旧计划保留，台账不变）。",
            "\(year) has a plan: importing replaces it (the old one is kept, the ledger unchanged).")
    }
    fileprivate static func previewPlan(_ year: Int) -> Label { Label("预览：\(year)年计划", "Preview: plan \(year)") }
    fileprivate static func indicatorChanged(_ id: String, plan: Int64, replaced: Int64?) -> Label {
        let old = replaced.map(String.init) ?? ""
        return Label(
            "已保存指标 \(id) 的修改：计划 \(plan)（替换计划 \(old)）", "Indicator \(id) changed: plan \(plan) (replaces plan \(old))")
    }
}

/// 计划 (reviewers and admins): the year's target tables as the office received them; the official
/// workbook uploaded, previewed with each inferred metric to confirm or change, then imported; one
/// indicator's metric, comparison, weight or 绩效标准 changed. Every change is a new version of the
/// plan: the old one is kept, the write audited, and a locked year refuses it.
struct PlanPages: Sendable {
    let web: Web
    let uploads: Uploads
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    /// Metrics a reviewer may pick, with the plan's own measurements.
    static func metricChoices(_ plan: Plan?) -> [String] {
        var names = Metric.names.filter { $0 != "measurement:NAME" }
        for i in plan?.allIndicators ?? [] where !names.contains(i.metric.description) {
            names.append(i.metric.description)
        }
        if !names.contains("measurement:literacy-rate") { names.append("measurement:literacy-rate") }
        return names
    }

    static func select(_ name: String, _ choices: [String], selected: String, label: String, lang: Language) -> HTML {
        let options: [HTML] = choices.map {
            let shown = Metric(name: $0).map { Catalogue.metricName($0, lang) } ?? $0
            return "<option value=\"\($0)\"\($0 == selected ? " selected" : "")>\(shown)</option>"
        }
        return "<select name=\"\(name)\" aria-label=\"\(label)\">\(options)</select>"
    }

    /// `GET /plan[?year=Y]`
    func show(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return try await page(
            request.query["year"].flatMap { Int($0) }, context, status: .ok, error: nil,
            values: request.query["indicator"].map { ["indicator": $0] } ?? [:])
    }

    func page(
        _ year: Int?, _ context: WebContext, status: HTTPResponse.Status, error: String?, values: [String: String]
    ) async throws -> Response {
        var body = error.map(web.error) ?? HTML()
        let stored = try web.storedPlan(year: year)
        body += """
            <section id="upload"><h2>\(lang.t(.importOfficialTarget))</h2>
            <p class="sub">\(lang.t(.uploadTargetTables))</p>
            <form method="post" action="/plan/upload" enctype="multipart/form-data" class="record">
            \(Page.csrfField(context))
            <label class="wide">\(lang.t(.workbook))<input name="file" type="file" required accept=".xlsx"></label>
            <button type="submit">\(lang.t(.uploadPreview))</button>
            </form></section>
            """
        guard let stored else {
            body +=
                "<p class=\"notice\">\(lang.t(.noPlanYet))</p>"
            return await web.page(lang.t(.plan), context, body: body, status: status)
        }
        let plan = stored.plan
        // One indicator changed in a form: picked first (a GET, so no script is needed), then its
        // current metric, comparison, weight and 绩效标准 shown to change.
        let chosen = values["indicator"].flatMap { id in plan.allIndicators.first { $0.id == id } }
        let indicators: [HTML] = plan.allIndicators.map { i in
            let owner =
                plan.declaresProjects
                ? (plan.projects.first { $0.indicators.contains(i) }?.name ?? lang.t(.department)) + " · " : ""
            let shown = "\(owner)\(i.name)（\(i.target.text)，\(Catalogue.metricName(i.metric, lang))）"
            return "<option value=\"\(i.id)\"\(chosen?.id == i.id ? " selected" : "")>\(shown)</option>"
        }
        body += """
            <section id="indicator"><h2>\(lang.t(.changeOneIndicator))</h2>
            <p class="sub">\(lang.t(.changeIndicatorExplained))</p>
            <form method="get" action="/plan#indicator" class="filter">
            <input type="hidden" name="year" value="\(plan.year)">
            <label class="wide">\(lang.t(.indicatorShort))<select name="indicator">\(indicators)</select></label>
            <button type="submit">\(lang.t(.changeOne))</button></form>
            """
        if let i = chosen {
            let op = values["op"] ?? i.comparison.rawValue
            let ops: [HTML] = [(">=", "≥"), ("<=", "≤"), ("=", "=")].map { v, s in
                "<option value=\"\(v)\"\(op == v ? " selected" : "")>\(s)</option>"
            }
            let metric = values["metric"] ?? i.metric.description
            let weight = values["weight"] ?? i.weight?.description ?? ""
            let standard = values["standard"] ?? i.standard ?? ""
            body += """
                <form method="post" action="/plan/indicator#indicator" class="record">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(plan.year)"><input type="hidden" name="indicator" value="\(i.id)">
                <p class="wide"><strong>\(i.name)</strong>　\(lang.term(i.level2))　\(TargetText.comparison(i))\(i.target.text)</p>
                <label>\(lang.t(.metric))\(Self.select("metric", Self.metricChoices(plan), selected: metric, label: lang.t(.metric), lang: lang))</label>
                <label>\(lang.t(.comparison))<select name="op">\(ops)</select></label>
                <label>\(lang.t(.weightOptional))<input name="weight" inputmode="decimal" value="\(weight)" placeholder="\(lang.t(.eG10))"></label>
                <label class="wide">\(lang.t(.standardOptional))<input name="standard" value="\(standard)"></label>
                <button type="submit">\(lang.t(.saveNewVersion))</button>
                </form>
                """
        }
        body += "</section>"
        body += namesSection(plan, context, values: values)
        // The time it was imported as the office's clock reads it, to the minute; no plan number.
        let source = lang.t(
            .storedPlan(stored.sourceName, importedAt: String(RecordTables.localTime(stored.importedAt).prefix(16))))
        body +=
            "<div class=\"report\">\(web.html(PlanReport.build(plan, lang: lang, source: source, surface: .web)))</div>"
        return await web.page(lang.t(.planOfYear(plan.year)), context, body: body, status: status)
    }

    /// `POST /plan/upload` (multipart): keeps the workbook and shows what it would import.
    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try context.postedUpload(fields: [])
        do {
            let (file, name) = try posted.requireFile()
            let (key, pending) = try await uploads.save(
                file.body,
                Uploads.Pending(
                    path: "", displayName: name, kind: "plan", event: nil, sheet: nil, userID: posted.user.id,
                    at: Date()))
            do { return try await preview(key, pending, context, metrics: [:], status: .ok, error: nil) } catch {
                // A workbook that can't be previewed is no use kept: gone at once, not in an hour.
                await uploads.remove(key)
                throw error
            }
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(nil, context, status: e.webStatus, error: e.text(lang, for: .web), values: [:])
        }
    }

    /// The plan read from a kept workbook: its tables, each inferred metric as a select, the checks.
    func preview(
        _ key: String, _ pending: Uploads.Pending, _ context: WebContext, metrics: [String: Metric],
        status: HTTPResponse.Status, error: String?
    ) async throws -> Response {
        // Handlers run on the blocking executor (BlockingWorkMiddleware): a plan is a page or two to read.
        let p = try OfficialPlanImport.preview(files: [(pending.path, pending.displayName)], metrics: metrics)
        var body = error.map(web.error) ?? HTML()
        let existing = try web.storedPlan(year: p.plan.year, unit: p.plan.unit)
        let choices = Self.metricChoices(p.plan)
        let names = Dictionary(uniqueKeysWithValues: p.plan.projects.map { ($0.id, $0.name) })
        var rows = HTML()
        for i in p.read.inferred {
            let ind = i.indicator
            let project = p.plan.declaresProjects ? i.project.flatMap { names[$0] } ?? lang.t(.department) : ""
            let rule = i.rule.map { Catalogue.ruleText($0, lang) } ?? lang.t(.noRuleScored)
            let target = TargetText.comparison(ind) + ind.target.text
            rows += """
                <tr\(i.rule == nil ? " class=\"warn\"" : "")><td>\(project)</td><td>\(lang.term(ind.level2))</td><td>\(ind.name)</td>
                <td>\(target)\(ind.targetWording.map { "（\($0)）" } ?? "")</td>
                <td>\(Self.select("metric.\(ind.id)", choices, selected: ind.metric.description, label: ind.name, lang: lang))</td>
                <td class="sub">\(rule)</td></tr>
                """
        }
        var findings = HTML()
        for f in p.findings {
            let head = f.severity == .error ? lang.t(.error) : lang.t(.warning)
            findings +=
                "<li>\(head)：\(Catalogue.text(f.subject, lang, plan: p.plan))：\(Catalogue.text(f.finding, lang, for: .web))</li>"
        }
        let blocked = !p.errors.isEmpty
        body += """
            <p class="sub">\(lang.t(.readFrom(pending.displayName, tables: p.read.tables.map(\.title))))</p>
            <form method="post" action="/plan/import" class="preview">\(Page.csrfField(context))
            <input type="hidden" name="upload" value="\(key)">
            <section><h2>\(lang.t(.eachIndicatorsMetricReview))</h2>
            <table><thead><tr><th>\(lang.t(.project))</th><th>\(lang.t(.levelTwo))</th><th>\(lang.t(.indicator))</th><th>\(lang.t(.target))</th><th>\(lang.t(.metric))</th><th>\(lang.t(.rule))</th></tr></thead>
            <tbody>\(rows)</tbody></table></section>
            \(findings.isEmpty ? HTML() : "<section><h2>\(lang.t(.checks))</h2><ul class=\"findings\">\(findings)</ul></section>")
            \(existing.map { _ in "<p class=\"notice\">\(lang.t(.planExists(p.plan.year)))</p>" } ?? HTML())
            <p class="actions"><button type="submit" name="action" value="refresh">\(lang.t(.checkAgainThese))</button>
            \(blocked ? HTML() : "<button type=\"submit\" name=\"action\" value=\"import\">\(lang.t(.importMenu))</button>")
            <a href="/plan">\(lang.t(.cancel))</a></p>
            </form>
            """
        body +=
            "<div class=\"report\">\(web.html(PlanReport.build(p.plan, lang: lang, source: pending.displayName, surface: .web)))</div>"
        return await web.page(
            lang.t(.previewPlan(p.plan.year)), context, body: body, status: status)
    }

    /// `POST /plan/import`: the kept workbook with the metrics chosen, imported all or nothing (or
    /// checked again).
    func importPlan(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        guard let key = fields["upload"], let pending = await uploads.find(key, userID: user.id) else {
            return try await page(
                nil, context, status: .unprocessableContent, error: Catalogue.text(.uploadExpired, lang), values: [:])
        }
        var metrics: [String: Metric] = [:]
        for (k, v) in fields where k.hasPrefix("metric.") {
            if let m = Metric(name: v) { metrics[String(k.dropFirst(7))] = m }
        }
        do {
            if fields["action"] != "import" {
                return try await preview(key, pending, context, metrics: metrics, status: .ok, error: nil)
            }
            let p = try OfficialPlanImport.preview(files: [(pending.path, pending.displayName)], metrics: metrics)
            let writer = web.ledger(for: user, request: request)
            let exists = try web.storedPlan(year: p.plan.year, unit: p.plan.unit) != nil
            let r = try OfficialPlanImport.commit(p, ledger: writer, replace: exists)
            await uploads.remove(key)
            return await web.done(
                "/plan?year=\(p.plan.year)", context,
                notice: Catalogue.text(
                    .planImported(
                        id: r.id, unit: p.plan.unit, year: p.plan.year, indicators: p.plan.allIndicators.count,
                        lines: p.plan.lines.count, project: p.plan.budget.project, replaces: r.replaced,
                        projects: p.plan.projects.count), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await preview(
                key, pending, context, metrics: metrics, status: e.webStatus, error: e.text(lang, for: .web))
        }
    }

    /// 更正名称: a project's name and its 所属专项, and a spending line's name, corrected as a new version
    /// of the plan (a label read from the wrong cell, a typo in the table).
    func namesSection(_ plan: Plan, _ context: WebContext, values: [String: String]) -> HTML {
        let projects: [(id: String?, name: String, parent: String)] =
            plan.projects.count > 1
            ? plan.projects.map { ($0.id, $0.name, $0.fund.parent ?? "") }
            : [(plan.projects.first?.id, plan.fund.name ?? plan.projects.first?.name ?? "", plan.fund.parent ?? "")]
        var out: HTML =
            "<section id=\"names\"><h2>\(lang.t(.correctNames))</h2><p class=\"sub\">\(lang.t(.correctNamesExplained))</p>"
        for p in projects {
            out += """
                <form method="post" action="/plan/names#names" class="record">\(Page.csrfField(context))
                <input type="hidden" name="year" value="\(plan.year)">\(p.id.map { "<input type=\"hidden\" name=\"project\" value=\"\($0)\">" as HTML } ?? HTML())
                <label class="wide">\(lang.t(.projectName))<input name="name" value="\(p.name)"></label>
                <label class="wide">\(lang.t(.fundParent))<input name="parent" value="\(p.parent)"></label>
                <button type="submit">\(lang.t(.saveNewVersion))</button>
                </form>
                """
        }
        let lines: [HTML] = plan.lines.map {
            "<option value=\"\($0.id)\"\(values["line"] == $0.id ? " selected" : "")>\($0.name)</option>"
        }
        out += """
            <form method="post" action="/plan/names#names" class="record">\(Page.csrfField(context))
            <input type="hidden" name="year" value="\(plan.year)">
            <label>\(lang.t(.lineToRename))<select name="line">\(lines)</select></label>
            <label class="wide">\(lang.t(.newLineName))<input name="lineName" required value="\(values["lineName"] ?? "")"></label>
            <button type="submit">\(lang.t(.saveNewVersion))</button>
            </form></section>
            """
        return out
    }

    /// `POST /plan/names` (year, [project], name, parent | line, lineName): names corrected, as a new version.
    func correctNames(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let year = fields["year"].flatMap { Int($0) }
        do {
            var form = FormReader(fields, lang)
            let name = try form.optional("name", .projectName, Parse.text(_:field:))
            let parent = fields["parent"].map { CSVColumns.trim($0) }
            let lineName = try form.optional("lineName", .newLineName, Parse.text(_:field:))
            try form.finish()
            let r = try OfficialPlanImport.correctNames(
                ledger: web.ledger(for: user, request: request), year: year, unit: nil,
                project: fields.value("project"),
                name: lineName == nil ? name : nil, parent: lineName == nil ? parent : nil,
                line: lineName == nil ? nil : fields.value("line"), lineName: lineName, who: user.name)
            return await web.done(
                "/plan?year=\(r.plan.year)", context, notice: lang.t(.namesCorrected(r.plan.year)))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(year, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }

    /// `POST /plan/indicator`: one indicator changed, as a new version of the plan.
    func changeIndicator(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        let year = fields["year"].flatMap { Int($0) }
        do {
            guard let metric = fields["metric"].flatMap(Metric.init(name:)) else {
                throw KepuError(.empty(field: lang.field(.metricField)))
            }
            let weight = try fields.value("weight").map { text -> Fixed in
                guard let w = Fixed.parse(text), w >= .zero else {
                    throw KepuError(.invalid(field: lang.field(.weightField), value: text, form: .figure))
                }
                return w
            }
            let change = OfficialPlanImport.IndicatorChange(
                metric: metric, comparison: fields["op"].flatMap(Comparison.parse) ?? .atLeast, weight: weight,
                standard: fields.value("standard"))
            let id = fields["indicator"] ?? ""
            let r = try OfficialPlanImport.changeIndicator(
                ledger: web.ledger(for: user, request: request), year: year, unit: nil, id: id, change: change,
                who: user.name)
            return await web.done(
                "/plan?year=\(r.plan.year)", context,
                notice: lang.t(.indicatorChanged(id, plan: r.id, replaced: r.replaced)))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await page(year, context, status: e.webStatus, error: e.text(lang, for: .web), values: fields)
        }
    }
}

extension PlanPages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("plan", use: show)
        routes.post("plan/upload", role: .reviewer, use: upload)
        routes.post("plan/import", role: .reviewer, use: importPlan)
        routes.post("plan/indicator", role: .reviewer, use: changeIndicator)
        routes.post("plan/names", role: .reviewer, use: correctNames)
    }
}
