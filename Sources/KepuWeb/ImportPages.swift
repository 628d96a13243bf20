import Foundation
import Hummingbird
import KepuCore
import KepuOffice
import KepuReport
import KepuStore
import NIOPosix

// MARK: This file's labels

/// The labels these pages show, in the order they appear: Chinese beside English.
extension Label {
    fileprivate static let signInSheetKind = Label("签到表（计入某活动的人次）", "Sign-in sheet (attendance of an event)")
    fileprivate static let volunteerListKind = Label("志愿者名单（可含报名和时长）", "Volunteer list (with sign-ups and hours)")
    fileprivate static let costLedgerKind = Label("财务费用明细", "Cost ledger from the finance office")
    fileprivate static let wjxDownload = Label("问卷星答卷（满意度）", "问卷星 download (satisfaction)")
    fileprivate static let filesAccepted = Label(
        "支持 Excel（.xlsx）和 CSV（GBK 或 UTF-8），表头上方可以有标题行。先预览，确认无误后再导入；有一行出错则整份不导入。",
        "Excel (.xlsx) or CSV (GBK or UTF-8); title rows above the header are fine. Preview first, then import: one bad row and nothing is imported."
    )
    fileprivate static let what = Label("导入什么", "What")
    fileprivate static let eventForSheets = Label("活动（签到表、问卷星答卷必选）", "Event (sign-in sheets, 问卷星 downloads)")
    fileprivate static let noEventForListOrLedger = Label(
        "（志愿者名单、费用明细不选）", "(none for a volunteer list or a cost ledger)")
    fileprivate static let signInDay = Label("签到日期（默认活动第一天）", "Day (default: the event's first)")
    fileprivate static let sheetOptional = Label("工作表（可不填）", "Sheet (optional)")
    fileprivate static let columnsEachFileNeeds = Label("各类文件需要的列", "Columns each file needs")
    fileprivate static let requiredColumns = Label("必需的列", "Required")
    fileprivate static let optionalColumns = Label("可选的列", "Optional")
    fileprivate static let signInSheet = Label("签到表", "Sign-in sheet")
    fileprivate static let volunteerList = Label("志愿者名单", "Volunteer list")
    fileprivate static let costLedger = Label("费用明细", "Cost ledger")
    fileprivate static let wjxHowToDownload = Label(
        "问卷星答卷：在问卷星“下载答卷数据”中选“按选项文本下载”（Excel 或 CSV）。自动找出题目含“满意”的一题并统计；预览时可以改选其他题目。",
        "问卷星 downloads: download the answers as 按选项文本 (Excel or CSV). The question about 满意 is found and counted; the preview lets you pick another one."
    )
    fileprivate static let whatField = Label("导入什么", "what")
    fileprivate static let signInDateField = Label("签到日期", "date")
    fileprivate static let pageReloadsItself = Label(
        "此页每 2 秒自动刷新，完成后显示结果；离开此页不影响导入。",
        "This page reloads every 2 seconds and shows the result when it is done; leaving it does not stop the import.")
    fileprivate static let reload = Label("刷新", "Reload")
    fileprivate static let importing = Label("导入中", "Importing")
    fileprivate static let rowNumber = Label("行号", "Line")
    fileprivate static let correctAndUploadAgain = Label("改正文件后重新上传", "Correct the file and upload it again")
    fileprivate static let importPreview = Label("导入预览", "Import preview")
    fileprivate static let surveyEventField = Label("调查的活动", "event")
    fileprivate static let questionCount = Label("统计哪一题", "The question to count")
    fileprivate static let countOne = Label("改统计这一题", "Count this one")
    fileprivate static let answersCountedSatisfied = Label(
        "计为满意的答案（括号内为份数）", "Answers counted as satisfied (how many gave each)")
    fileprivate static let countThese = Label("按勾选重新统计", "Count these")
    fileprivate static let importIt = Label("确认导入", "Import it")
    fileprivate static let wjxPreview = Label("问卷星答卷预览", "问卷星 preview")
    fileprivate static func checking(_ file: String) -> Label {
        Label("正在检查 \(file)（预览）", "Checking \(file) (preview)")
    }
    fileprivate static func importing(_ file: String) -> Label { Label("正在导入 \(file)", "Importing \(file)") }
    fileprivate static func rowsRead(_ rows: Int) -> Label {
        Label("已读 \(Figures.grouped(rows)) 行", "\(Figures.grouped(rows)) rows read so far")
    }
    fileprivate static func rowsNeedCorrecting(_ n: Int) -> Label {
        Label("有 \(n) 行需要改正（尚未导入任何内容）", "\(n) rows need correcting (nothing has been imported yet)")
    }
    fileprivate static func importTheRest(_ n: Int) -> Label { Label("导入其余 \(n) 行", "Import the other \(n) rows") }
    fileprivate static let importNone = Label("全部不导入", "Import none of it")
    fileprivate static let semicolonBetween = Label("；", "; ")
    fileprivate static func leftOutFileName(_ stem: String) -> Label {
        Label("\(stem)-未导入的行.xlsx", "\(stem)-rows-left-out.xlsx")
    }
    fileprivate static let downloadLeftOut = Label(
        "下载有错的行（.xlsx，含原因）", "Download the rows with errors (.xlsx, with the reasons)")
    fileprivate static let leftOutExplained = Label(
        "可以先导入其余各行，有错的行留下；下载有错的行，在 Excel 里改正后，另存为新文件再导入。",
        "You can import the other rows and leave these out: download them, correct them in Excel, and import them later as a new file."
    )
    fileprivate static func firstRows(_ n: Int) -> Label { Label("前 \(n) 行", "First \(n) rows") }
    fileprivate static func importRows(_ n: Int) -> Label { Label("确认导入 \(n) 行", "Import the \(n) rows") }
    fileprivate static func fileForEvent(_ file: String, event: String) -> Label {
        Label("文件：\(file)　活动：\(event)", "File: \(file) · Event: \(event)")
    }
}

/// 导入: a sign-in sheet, a volunteer list or the finance office's cost ledger, as `.xlsx` or CSV
/// (GBK or UTF-8). The upload is previewed by a dry run that goes on past bad rows, so every error is
/// shown with its line; the confirm button then imports it all or nothing, as `kepu … import` does.
struct ImportPages: Sendable {
    let web: Web
    let uploads: Uploads
    let jobs: ImportJobs
    var lang: Language { web.lang }
    var ledger: Ledger { web.ledger }

    static let kinds: [(ImportKind, Label)] = [
        (.signins, .signInSheetKind), (.volunteers, .volunteerListKind), (.costs, .costLedgerKind),
    ]

    /// `GET /imports[?event=ID]`
    func form(_ request: Request, _ context: WebContext) async throws -> Response {
        _ = try context.pageUser()
        return try await formPage(context, status: .ok, error: nil, values: request.query)
    }

    /// The page; a refusal shown above the form it came from (the sheets' or, with `surveyForm`, the 问卷星 one).
    func formPage(
        _ context: WebContext, status: HTTPResponse.Status, error: String?, values: [String: String],
        surveyForm: Bool = false
    ) async throws -> Response {
        // One form for every kind, 问卷星's too, so that the page carries the year's events once.
        let sheetError = error
        var kinds: [HTML] = Self.kinds.map { k, label in
            "<option value=\"\(k.rawValue)\"\(values["kind"] == k.rawValue ? " selected" : "")>\(lang.t(label))</option>"
        }
        kinds.append(
            "<option value=\"survey\"\(values["kind"] == "survey" || surveyForm ? " selected" : "")>\(lang.t(.wjxDownload))</option>"
        )
        let body: HTML = """
            \(web.error(sheetError, form: "import"))
            <p class="sub">\(lang.t(.filesAccepted))</p>
            <form method="post" action="/imports#import" enctype="multipart/form-data" class="record"\(Page.formAttributes("import", refused: sheetError != nil))>
            \(Page.csrfField(context))
            <label class="wide">\(lang.t(.what))<select name="kind">\(kinds)</select></label>
            <label class="wide">\(lang.t(.eventForSheets))\(try web.eventPicker("event", selected: values["event"], none: lang.t(.noEventForListOrLedger)))</label>
            <label>\(lang.t(.signInDay))<input name="date" type="date" value="\(Page.esc(values["date"] ?? ""))"></label>
            <label class="wide">\(lang.t(.file))<input name="file" type="file" required accept=".xlsx,.csv,.txt"></label>
            <label>\(lang.t(.sheetOptional))<input name="sheet" value="\(Page.esc(values["sheet"] ?? ""))"></label>
            <button type="submit">\(lang.t(.uploadPreview))</button>
            </form>
            <section><h2>\(lang.t(.columnsEachFileNeeds))</h2>
            <table><thead><tr><th>\(lang.t(.file))</th><th>\(lang.t(.requiredColumns))</th><th>\(lang.t(.optionalColumns))</th></tr></thead><tbody>
            <tr><td>\(lang.t(.signInSheet))</td><td>姓名</td><td>手机、签到时间</td></tr>
            <tr><td>\(lang.t(.volunteerList))</td><td>姓名</td><td>手机、志愿组织、平台编号、活动、日期、时长、岗位</td></tr>
            <tr><td>\(lang.t(.costLedger))</td><td>日期、金额、支出明细</td><td>活动、摘要、发票号、收款方</td></tr>
            </tbody></table></section>
            <p class="sub" id="survey">\(lang.t(.wjxHowToDownload))</p>
            """
        return await web.page(lang.t(.importMenu), context, body: body, status: status)
    }

    /// `POST /imports` (multipart): saves the file and shows the dry run's preview.
    func upload(_ request: Request, _ context: WebContext) async throws -> Response {
        let posted = try context.postedUpload(fields: ["kind", "event", "date", "sheet"])
        let (user, values) = (posted.user, posted.values)
        if values["kind"] == "survey" { return try await surveyUpload(posted, context) }
        do {
            guard let kind = values["kind"].flatMap(ImportKind.init(rawValue:)) else {
                throw KepuError(
                    .invalid(
                        field: lang.field(.whatField), value: values["kind"] ?? "",
                        form: .choice(.importKind, Self.kinds.map { Choice(raw: $0.0.rawValue, chinese: $0.1.zh) })))
            }
            let (file, name) = try posted.requireFile()
            let event = try values.value("event").map { try web.pickedEvent($0, field: lang.field(.eventIdField)) }
            if kind == .signins, event == nil {
                throw KepuError(.empty(field: lang.field(.eventIdField)))
            }
            _ = try values.value("date").map { try CalendarDate.parse($0, field: lang.field(.signInDateField)) }
            let (key, pending) = try await uploads.save(
                file.body,
                Uploads.Pending(
                    path: "", displayName: name, kind: kind.rawValue, event: event, sheet: values.value("sheet"),
                    userID: user.id, at: Date()))
            // The dry run is a job: seconds of work for a large sheet never hold this request.
            let date = values.value("date")
            let id = jobs.start(
                ImportJobs.Job(
                    id: SessionService.random(12), userID: user.id, upload: key, file: name, kind: kind, event: event,
                    date: date, preview: true)
            ) { [self] progress in try run(pending, date: date, preview: true, progress: progress) }
            return try await answer(id, user: user, context)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await formPage(context, status: e.webStatus, error: e.text(lang, for: .web), values: values)
        }
    }

    /// A job's answer: its result once it has ended (a preview, or the import's notice on the page it
    /// goes on to), else the page that follows it.
    func answer(_ id: String, user: UserItem, _ context: WebContext) async throws -> Response {
        guard let job = await jobs.settle(id, userID: user.id) else { throw HTTPError(.notFound) }
        switch job.state {
        case .running:
            return Response(status: .seeOther, headers: [.location: "/imports/jobs/\(id)"])
        case .failed(let e):
            await uploads.remove(job.upload)
            return try await formPage(
                context, status: e.webStatus, error: e.text(lang, for: .web),
                values: [
                    "kind": job.kind.rawValue, "event": job.event.map(String.init) ?? "", "date": job.date ?? "",
                ])
        case .done(let result) where job.preview:
            return await previewPage(
                context, key: job.upload, kind: job.kind, event: job.event, result: result, date: job.date)
        case .done(let result):
            await uploads.remove(job.upload)
            var notice = Catalogue.text(.imported(result.summary(kind: job.kind, event: job.event)), lang)
            if result.leftOutCount > 0 {
                notice +=
                    lang.t(.semicolonBetween)
                    + Catalogue.text(.importLeftOut(rows: result.leftOutCount, file: job.file, rejects: nil), lang)
            }
            return await web.done(job.event.map { "/events/\($0)" } ?? "/imports", context, notice: notice)
        }
    }

    /// `GET /imports/jobs/{id}`: a job still running, with the rows read so far; it reloads itself every
    /// 2 seconds (the `Refresh` header) and, once the job has ended, shows its result.
    func job(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.pageUser()
        let id = try context.parameters.require("id")
        guard let job = jobs.job(id, userID: user.id) else {
            return try await formPage(
                context, status: .notFound, error: Catalogue.text(.uploadExpired, lang), values: [:])
        }
        guard case .running = job.state else { return try await answer(id, user: user, context) }
        let doing =
            job.preview
            ? lang.t(.checking(job.file))
            : lang.t(.importing(job.file))
        let body: HTML = """
            <p class="notice" role="status">\(doing)：\(lang.t(.rowsRead(job.rows)))</p>
            <p class="sub">\(lang.t(.pageReloadsItself))</p>
            <p><a href="/imports/jobs/\(id)">\(lang.t(.reload))</a></p>
            """
        var response = await web.page(lang.t(.importing), context, body: body)
        response.headers[.init("Refresh")!] = "2"
        return response
    }

    /// The import a pending upload asks for: a preview (a dry run past bad rows) or the real one.
    func run(
        _ p: Uploads.Pending, date: String?, preview: Bool, skipInvalid: Bool = false, dryRunOnly: Bool = false,
        as user: Ledger? = nil, progress: (@Sendable (Int) -> Void)? = nil
    ) throws -> ImportResult {
        let dry = preview || dryRunOnly
        let l = user ?? ledger
        let day = try date.map { try CalendarDate.parse($0, field: lang.field(.signInDateField)) }
        let options = preview ? ImportPreview() : nil
        switch ImportKind(rawValue: p.kind) {
        case .signins:
            return try l.imports.signins(
                path: p.path, displayName: p.displayName, sheet: p.sheet, event: p.event ?? 0, date: day,
                dryRun: dry, preview: options, skipInvalid: skipInvalid, progress: progress)
        case .volunteers:
            return try l.imports.volunteers(
                path: p.path, displayName: p.displayName, sheet: p.sheet, dryRun: dry, preview: options,
                skipInvalid: skipInvalid, progress: progress)
        case .costs, nil:
            return try l.imports.costs(
                path: p.path, displayName: p.displayName, sheet: p.sheet, unit: nil, dryRun: dry, preview: options,
                skipInvalid: skipInvalid, progress: progress)
        }
    }

    /// A cell as the preview shows it: at most `limit` characters, the rest marked as cut.
    static func clip(_ text: String, _ limit: Int = 200) -> String {
        text.count <= limit ? text : String(text.prefix(limit)) + "…"
    }

    func previewPage(
        _ context: WebContext, key: String, kind: ImportKind, event: Int64?, result r: ImportResult, date: String?
    ) async -> Response {
        var body: HTML = "<p>\(Catalogue.text(.imported(r.summary(kind: kind, event: event)), lang))</p>"
        if !r.ignoredColumns.isEmpty {
            body += "<p class=\"sub\">\(Page.esc(Catalogue.text(.columnsIgnored(r.ignoredColumns), lang)))</p>"
        }
        let bad = Set(
            r.rowErrors.compactMap { p -> Int? in
                if case .importRow(_, let line, _) = p { return line }
                return nil
            })
        if !r.rowErrors.isEmpty {
            body +=
                "<section><h2>\(Page.esc(lang.t(.rowsNeedCorrecting(r.rowErrors.count))))</h2><ul class=\"errors\">"
            for p in r.rowErrors { body += "<li>\(Page.esc(Self.clip(Catalogue.text(p, lang, for: .web), 400)))</li>" }
            body += "</ul></section>"
        }
        body += "<section><h2>\(Page.esc(lang.t(.firstRows(r.sample.count))))</h2>"
        body += "<table class=\"preview\"><thead><tr><th>\(lang.t(.rowNumber))</th>"
        body += r.header.map { "<th>\(Self.clip($0))</th>" as HTML }.joined() + "</tr></thead><tbody>"
        for row in r.sample {
            body +=
                "<tr\(bad.contains(row.line) ? " class=\"bad\"" as HTML : HTML())><td class=\"num\">\(row.line)</td>"
            body += r.header.indices.map {
                "<td>\(Self.clip($0 < row.fields.count ? row.fields[$0] : ""))</td>" as HTML
            }
            .joined()
            body += "</tr>"
        }
        body += "</tbody></table></section>"
        // Back to the form with what was chosen kept: the kind, the event, the day.
        let again =
            "/imports?kind=\(kind.rawValue)" + (event.map { "&event=\($0)" } ?? "")
            + (date.flatMap { $0.addingPercentEncoding(withAllowedCharacters: Page.queryValue) }.map { "&date=\($0)" }
                ?? "")
        if r.rowErrors.isEmpty {
            body += """
                <form method="post" action="/imports/confirm" class="confirm">
                \(Page.csrfField(context))
                <input type="hidden" name="upload" value="\(key)">
                <input type="hidden" name="date" value="\(Page.esc(date ?? ""))">
                <button type="submit">\(Page.esc(lang.t(.importRows(r.rows))))</button>
                <a href="/imports">\(lang.t(.cancel))</a>
                </form>
                """
        } else if r.rows > 0 {
            // A sheet with bad rows still helps: the rest go in, the bad ones come back as a workbook.
            body += """
                <p class="sub">\(lang.t(.leftOutExplained))</p>
                <p><a href="/imports/left-out?upload=\(key)&amp;date=\(date?.addingPercentEncoding(withAllowedCharacters: Page.queryValue) ?? "")">\(lang.t(.downloadLeftOut))</a></p>
                <form method="post" action="/imports/confirm" class="confirm">
                \(Page.csrfField(context))
                <input type="hidden" name="upload" value="\(key)">
                <input type="hidden" name="date" value="\(Page.esc(date ?? ""))">
                <input type="hidden" name="skip" value="1">
                <button type="submit">\(Page.esc(lang.t(.importTheRest(r.rows))))</button>
                <a href="\(again)">\(lang.t(.importNone))</a>
                </form>
                <p><a href="\(again)">\(lang.t(.correctAndUploadAgain))</a></p>
                """
        } else {
            body += "<p><a href=\"\(again)\">\(lang.t(.correctAndUploadAgain))</a></p>"
        }
        return await web.page(
            lang.t(.importPreview), context, body: body,
            status: r.rowErrors.isEmpty ? .ok : .unprocessableContent)
    }

    /// `GET /imports/left-out?upload=KEY[&date=D]`: the rows of a previewed upload that an import would
    /// leave out, with their reasons, as a workbook to correct and import later. Checked anew (a dry run
    /// that writes nothing), so that it holds every bad row, not only the ones the preview listed.
    func leftOut(_ request: Request, _ context: WebContext) async throws -> Response {
        let user = try context.pageUser()
        let q = request.query
        guard let key = q["upload"], let pending = await uploads.find(key, userID: user.id) else {
            return try await formPage(
                context, status: .notFound, error: Catalogue.text(.uploadExpired, lang), values: [:])
        }
        let result: ImportResult
        do {
            result = try run(pending, date: q.value("date"), preview: false, skipInvalid: true, dryRunOnly: true)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await formPage(context, status: e.webStatus, error: e.text(lang, for: .web), values: [:])
        }
        let path = NSTemporaryDirectory() + "kepu-left-out-\(SessionService.random(8)).xlsx"
        defer { try? FileManager.default.removeItem(atPath: path) }
        try LeftOutWorkbook.write(header: result.fileHeader, rows: result.leftOut, lang: lang, to: path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: path))
        let stem = (pending.displayName as NSString).deletingPathExtension
        return Response(
            status: .ok,
            headers: [
                .contentType: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                .cacheControl: "no-store",
                .contentDisposition: ReportPages.disposition(
                    "attachment", lang.t(.leftOutFileName(stem)),
                    plain: "kepu-rows-left-out.xlsx"),
            ],
            body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }

    /// `POST /imports/confirm` (upload, date): the import itself, all or nothing.
    func confirm(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        guard let key = fields["upload"], let pending = await uploads.find(key, userID: user.id) else {
            return try await formPage(
                context, status: .unprocessableContent, error: Catalogue.text(.uploadExpired, lang), values: [:])
        }
        // Confirmed twice (a double click): the import under way is the one to follow.
        if let running = jobs.running(upload: key, userID: user.id) {
            return try await answer(running, user: user, context)
        }
        let kind = ImportKind(rawValue: pending.kind) ?? .costs
        let date = fields.value("date")
        let skip = fields["skip"] == "1"
        let ledger = web.ledger(for: user, request: request)
        let id = jobs.start(
            ImportJobs.Job(
                id: SessionService.random(12), userID: user.id, upload: key, file: pending.displayName, kind: kind,
                event: pending.event, date: date, preview: false)
        ) { [self] progress in
            try run(pending, date: date, preview: false, skipInvalid: skip, as: ledger, progress: progress)
        }
        return try await answer(id, user: user, context)
    }
}

// MARK: 问卷星

extension ImportPages {
    /// `POST /imports/survey` (multipart: event, file): keeps the file and shows what it would count.
    func uploadSurvey(_ request: Request, _ context: WebContext) async throws -> Response {
        try await surveyUpload(
            try context.postedUpload(fields: ["event"]), context)
    }

    /// A 问卷星 download posted with the 导入 form (kind `survey`) or on its own.
    func surveyUpload(_ posted: PostedUpload, _ context: WebContext) async throws -> Response {
        let (user, values) = (posted.user, posted.values)
        do {
            let event = try web.pickedEvent(values["event"] ?? "", field: lang.field(.surveyEventField))
            let (file, name) = try posted.requireFile()
            let (key, pending) = try await uploads.save(
                file.body,
                Uploads.Pending(
                    path: "", displayName: name, kind: "survey", event: event, sheet: nil, userID: user.id, at: Date()))
            return try await surveyPreview(context, key: key, pending: pending, question: nil)
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await formPage(
                context, status: e.webStatus, error: e.text(lang, for: .web), values: values, surveyForm: true)
        }
    }

    /// `POST /imports/survey/preview` (upload, question): the count again with another question.
    func previewSurvey(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        guard let key = fields["upload"], let pending = await uploads.find(key, userID: user.id) else {
            return try await formPage(
                context, status: .unprocessableContent, error: Catalogue.text(.uploadExpired, lang), values: [:],
                surveyForm: true)
        }
        guard fields["answers"] == nil || !Self.satisfiedPicks(fields).isEmpty else {
            return try await surveyPreview(
                context, key: key, pending: pending, question: fields.value("question"), satisfied: nil,
                error: Catalogue.text(.surveyNoSatisfiedAnswer, lang))
        }
        return try await surveyPreview(
            context, key: key, pending: pending, question: fields.value("question"), satisfied: Self.satisfied(fields))
    }

    /// The answers ticked as satisfied (`satisfied-N` checkboxes).
    static func satisfiedPicks(_ fields: [String: String]) -> [String] {
        fields.filter { $0.key.hasPrefix("satisfied-") }.sorted { $0.key < $1.key }.map(\.value)
    }

    /// The satisfied answers a preview chose: ticked on its form, or carried in its `satisfied` field (one
    /// answer a line); nil for the file's own rule.
    static func satisfied(_ fields: [String: String]) -> [String]? {
        let picked = satisfiedPicks(fields)
        if !picked.isEmpty { return picked }
        let carried = (fields["satisfied"] ?? "").split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        return carried.isEmpty ? nil : carried
    }

    /// The dry run of a 问卷星 download: the question counted and its tally, a select of the file's
    /// questions to count another, its answers with those counted as satisfied ticked (to count others,
    /// like `--satisfied`), and the button that imports it.
    func surveyPreview(
        _ context: WebContext, key: String, pending: Uploads.Pending, question: String?, satisfied: [String]? = nil,
        error: String? = nil
    ) async throws -> Response {
        let event = pending.event ?? 0
        var body = error.map { web.error($0, form: "answers") } ?? HTML()
        var answers: [WjxSurvey.AnswerCount] = []
        var questions: [(value: String, text: String)] = []
        var counted: Int?
        var ready = false
        do {
            let r = try ledger.imports.survey(
                path: pending.path, displayName: pending.displayName, event: event, question: question,
                satisfied: satisfied, date: nil, dryRun: true)
            questions = r.questions.map { (String($0.number), "\($0.number)、\($0.title)") }
            if let tally = r.tally, let date = r.surveyDate {
                counted = tally.question.number
                answers = tally.answers
                ready = error == nil
                body +=
                    "<p class=\"notice\" role=\"status\">\(HTML.sentence(Catalogue.text(.surveyImported(SurveyImportSummary(file: r.file, format: r.encoding, event: event, surveyID: nil, dryRun: true, tally: tally, date: date)), lang)))</p>"
            }
        } catch let e as KepuError where !e.isDatabaseFailure {
            body += web.error(e.text(lang, for: .web), form: "question")
            switch e.problem {
            case .surveyQuestionNotFound(_, let list), .surveyNoSatisfactionQuestion(let list),
                .surveyQuestionAmbiguous(_, let list):
                questions = list.map { (String($0.prefix { $0.isNumber }), $0) }
            default:
                await uploads.remove(key)
                return try await formPage(
                    context, status: e.webStatus, error: e.text(lang, for: .web), values: ["event": String(event)],
                    surveyForm: true)
            }
        } catch {
            await uploads.remove(key)
            return try await formPage(
                context, status: .internalServerError,
                error: lang.t(.serverErrorNothing),
                values: [:], surveyForm: true)
        }
        let title = try ledger.events.titles([event])[event].map { "\(event) \($0)" } ?? String(event)
        body =
            "<p class=\"sub\">\(lang.t(.fileForEvent(pending.displayName, event: title)))</p>"
            + body
        if !questions.isEmpty {
            let options: [HTML] = questions.map {
                "<option value=\"\($0.value)\"\(counted.map(String.init) == $0.value ? " selected" : "")>\($0.text)</option>"
            }
            body += """
                <form method="post" action="/imports/survey/preview#question" class="filter" id="question">\(Page.csrfField(context))
                <input type="hidden" name="upload" value="\(key)">
                <label>\(lang.t(.questionCount))<select name="question">\(options)</select></label>
                <button type="submit">\(lang.t(.countOne))</button></form>
                """
        }
        if !answers.isEmpty {
            let boxes: [HTML] = answers.enumerated().map { i, a in
                "<label class=\"check\"><input type=\"checkbox\" name=\"satisfied-\(String(format: "%03d", i))\" value=\"\(a.answer)\"\(a.satisfied ? HTML(" checked") : "")> \(a.answer)（\(a.count)）</label>"
            }
            body += """
                <form method="post" action="/imports/survey/preview#answers" class="filter" id="answers">\(Page.csrfField(context))
                <input type="hidden" name="upload" value="\(key)">
                <input type="hidden" name="question" value="\(counted.map(String.init) ?? "")">
                <input type="hidden" name="answers" value="1">
                <fieldset><legend>\(lang.t(.answersCountedSatisfied))</legend>\(boxes)</fieldset>
                <button type="submit">\(lang.t(.countThese))</button></form>
                """
        }
        if ready {
            body += """
                <form method="post" action="/imports/survey/confirm" class="confirm">\(Page.csrfField(context))
                <input type="hidden" name="upload" value="\(key)">
                <input type="hidden" name="question" value="\(counted.map(String.init) ?? "")">
                <input type="hidden" name="satisfied" value="\((satisfied ?? []).joined(separator: "\n"))">
                <button type="submit">\(lang.t(.importIt))</button>
                <a href="/imports">\(lang.t(.cancel))</a></form>
                """
        }
        return await web.page(
            lang.t(.wjxPreview), context, body: body, status: ready ? .ok : .unprocessableContent)
    }

    /// `POST /imports/survey/confirm` (upload, question): `kepu survey import FILE --event ID --question N`.
    func confirmSurvey(_ request: Request, _ context: WebContext) async throws -> Response {
        let (user, fields) = try context.posted()
        guard let key = fields["upload"], let pending = await uploads.find(key, userID: user.id) else {
            return try await formPage(
                context, status: .unprocessableContent, error: Catalogue.text(.uploadExpired, lang), values: [:],
                surveyForm: true)
        }
        let event = pending.event ?? 0
        do {
            let r = try web.ledger(for: user, request: request).imports.survey(
                path: pending.path, displayName: pending.displayName, event: event, question: fields.value("question"),
                satisfied: Self.satisfied(fields), date: nil, dryRun: false)
            await uploads.remove(key)
            guard let tally = r.tally, let date = r.surveyDate else { throw HTTPError(.internalServerError) }
            return await web.done(
                "/events/\(event)", context,
                notice: Catalogue.text(
                    .surveyImported(
                        SurveyImportSummary(
                            file: r.file, format: r.encoding, event: event, surveyID: r.surveyID, dryRun: false,
                            tally: tally, date: date)), lang))
        } catch let e as KepuError where !e.isDatabaseFailure {
            return try await surveyPreview(
                context, key: key, pending: pending, question: fields.value("question"),
                satisfied: Self.satisfied(fields)
            )
            .withStatus(e.webStatus)
        }
    }
}

extension Response {
    /// The same response with another status.
    func withStatus(_ status: HTTPResponse.Status) -> Response {
        var r = self
        r.status = status
        return r
    }
}

extension ImportPages: PageGroup {
    func addRoutes(to routes: PageRoutes) {
        routes.get("imports", use: form)
        routes.post("imports", use: upload)
        routes.post("imports/confirm", use: confirm)
        routes.get("imports/left-out", use: leftOut)
        routes.get("imports/jobs/:id", use: job)
        routes.post("imports/survey", use: uploadSurvey)
        routes.post("imports/survey/preview", use: previewSurvey)
        routes.post("imports/survey/confirm", use: confirmSurvey)
    }
}
