import Foundation
import GRDB
import KepuCore
import KepuFiles

/// What an import did (or, in a dry run, would do).
public struct ImportResult: Sendable, Hashable {
    public var file: String
    public var encoding: String
    public var rows: Int
    public var dryRun: Bool
    public var importID: Int64?
    public var attendanceID: Int64?
    /// Header cells that no column uses: reported so that nothing is silently dropped.
    public var ignoredColumns: [String]
    public var volunteersCreated = 0
    public var volunteersMatched = 0
    public var organizationsCreated = 0
    public var signups = 0
    public var total = Money.zero
    /// A 问卷星 import: the new survey, what was counted, and the day it is dated.
    public var surveyID: Int64?
    public var tally: WjxSurvey.Tally?
    public var surveyDate: CalendarDate?
    /// A 问卷星 import: every question of the download, for a front end to offer another one.
    public var questions: [WjxSurvey.Question] = []
    /// A preview: the header row, the first rows as read, and every bad row's refusal.
    public var header: [String] = []
    public var sample: [ImportRow] = []
    public var rowErrors: [Problem] = []
    /// An import told to skip bad rows: the file's header and each row left out, with its refusal.
    public var fileHeader: [String] = []
    /// The rows left out, the first `ImportService.leftOutKept` of them, cells cut to 1,000 characters.
    public var leftOut: [LeftOutRow] = []
    /// How many rows were left out, kept or not.
    public var leftOutCount = 0
}

/// A row an import left out (`skipInvalid`): its line, its cells as the file has them, and why.
public struct LeftOutRow: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
    public var problem: Problem
}

extension ImportResult {
    /// What the confirmation says about the import.
    public func summary(kind: ImportKind, event: Int64? = nil) -> ImportSummary {
        ImportSummary(
            kind: kind, file: file, encoding: encoding, rows: rows, dryRun: dryRun, importID: importID, event: event,
            attendanceID: attendanceID, volunteersCreated: volunteersCreated, volunteersMatched: volunteersMatched,
            organizationsCreated: organizationsCreated, signups: signups, total: total)
    }
}

/// A row of an import file as read, with its line (CSV) or row number (Excel).
public struct ImportRow: Sendable, Hashable {
    public var line: Int
    public var fields: [String]
}

/// A dry run that goes on past a bad row, for the web app's preview: it keeps the header, the first
/// `sampleRows` rows and up to `maxErrors` refusals, each naming its line. What it keeps is bounded
/// whatever the file holds: at most `columns` cells a row, each cut to `cellCharacters` (a preview
/// shows a file, it does not copy it; a workbook whose cells all name one long text kept 940 MB).
public struct ImportPreview: Sendable, Hashable {
    public var sampleRows: Int
    public var maxErrors: Int
    public var columns = 64
    public var cellCharacters = 200
    public init(sampleRows: Int = 20, maxErrors: Int = 200) {
        self.sampleRows = sampleRows
        self.maxErrors = maxErrors
    }

    /// A row as the preview keeps it.
    public func kept(_ fields: [String]) -> [String] {
        fields.prefix(columns).map { $0.count > cellCharacters ? String($0.prefix(cellCharacters)) + "…" : $0 }
    }
}

/// Spreadsheet imports: sign-in sheets, volunteer lists and the finance office's ledger.
///
/// Each is all or nothing and calls the same write functions as the matching `add` command. A dry
/// run does the whole import in a transaction that is rolled back, so it checks exactly what a real
/// import would.
public struct ImportService: Sendable {
    let ledger: Ledger

    /// A dry run or a preview checks rows this many at a time, each batch in a write transaction
    /// that is rolled back, so that the database's one writer is held for a batch at a time and every
    /// other write (a sign-in at the door, a clerk's form) is served between batches. Rows depend on
    /// one another only in a volunteer list (a volunteer repeated matches the first): a list longer
    /// than a batch may preview a repeated volunteer as created twice; the import itself matches it.
    public static let checkBatch = 2_000
    /// The most rows left out an import keeps for the workbook of them (the rest are counted).
    public static let leftOutKept = 10_000
    /// …or fewer, when their text passes this: a batch is held in memory while it is checked.
    static let batchBytes = 4 << 20

    /// Between batches, after every half second of them, the writer is let go for 120 ms: another
    /// process waiting for it (the server, while the command line imports) polls SQLite's lock at
    /// most 100 ms apart, and a lock taken again at once would keep it waiting to its timeout.
    static let breather = (every: 0.5, pause: useconds_t(120_000))

    /// The part every import shares: the file read and hashed, a file imported before refused, one
    /// write transaction, the header matched, each row handed to `row` with its line number (any error
    /// named by line), and the import recorded and audited. A dry run or preview does the same in
    /// batches of `checkBatch` rows, each rolled back.
    func run(
        kind: String, path: String, displayName: String, sheet: String? = nil, specs: [CSVColumns.Spec],
        dryRun: Bool, preview: ImportPreview? = nil, skipInvalid: Bool = false, progressEvery: Int = 10_000,
        progress: ((Int) -> Void)?,
        begin: (Database, inout ImportResult) throws -> Void = { _, _ in },
        header onHeader: (CSVColumns) throws -> Void = { _ in },
        row: (Database, CSVColumns, [String], Int, inout ImportResult) throws -> Void,
        finish: (Database, inout ImportResult) throws -> [String: JSONValue] = { _, _ in [:] },
        abandon: ((Database, ImportResult) throws -> Void)? = nil
    ) throws -> ImportResult {
        let file = try TableFile(path: path, displayName: displayName, sheet: sheet)
        let sha = try file.sha256()
        var result = ImportResult(
            file: displayName, encoding: file.formatDescription, rows: 0, dryRun: dryRun, ignoredColumns: [])
        var record = ImportFileRecord(
            kind: kind, fileName: displayName, sha256: sha, rows: 0, importedAt: ledger.context.timestamp)
        /// The import's record, and whatever `begin` makes: at the start of the import, or of each batch.
        func start(_ db: Database) throws {
            // Anew each time: a batch rolled back took what it wrote with it.
            record.id = nil
            record.rows = 0
            if let prior = try ImportFileRecord.filter(ImportFileRecord.Columns.sha256 == sha).fetchOne(db) {
                // An import that never finished (rows 0: a finished one always has rows) is taken up
                // again under its own record; a finished one is refused.
                guard prior.rows == 0, let id = prior.id else {
                    throw KepuError(
                        .alreadyImported(
                            file: displayName, on: prior.importedAt, importID: prior.id ?? 0,
                            rows: prior.rows, originalName: prior.fileName))
                }
                record.id = id
                try record.update(db)
                result.importID = id
                // What the unfinished one left (an entry that never counted) is voided, never reused.
                var left = try AttendanceRecord.filter(AttendanceRecord.Columns.importId == id).live().fetchAll(db)
                for i in left.indices {
                    let batch = try ledger.voidBatch(db, reason: "导入未完成", root: .attendance, id: left[i].id ?? 0)
                    try ledger.void(db, &left[i], reason: "导入未完成", batch: batch)
                }
            } else {
                result.importID = try ledger.insertUnaudited(db, &record)
            }
            try begin(db, &result)
        }
        let checking = dryRun || preview != nil
        func take(_ db: Database, _ cols: CSVColumns, _ fields: [String], _ line: Int) throws {
            if let preview, result.sample.count < preview.sampleRows {
                result.sample.append(ImportRow(line: line, fields: preview.kept(fields)))
            }
            do {
                if skipInvalid {
                    // A row left out takes back whatever it wrote before it was refused, and what it had
                    // counted (a volunteer created, a sign-up) with it.
                    let before = result
                    do {
                        try db.inSavepoint {
                            try row(db, cols, fields, line, &result)
                            return .commit
                        }
                    } catch {
                        let leftOut = result.leftOut
                        result = before
                        result.leftOut = leftOut
                        throw error
                    }
                } else {
                    try row(db, cols, fields, line, &result)
                }
            } catch {
                let mapped = StoreErrors.map(error, path: ledger.database.path) as? KepuError
                // A database that fails is not a bad row: the import stops.
                if skipInvalid, mapped?.isDatabaseFailure ?? true { throw error }
                let problem = mapped?.problem ?? .databaseRefused(path: displayName, detail: "\(error)")
                let refusal = Problem.importRow(file: displayName, line: line, problem: problem)
                if skipInvalid {
                    // Kept for the workbook of rows left out, within bounds: a hostile file of bad rows
                    // must not fill the memory. Past them, the rows are counted, not kept.
                    result.leftOutCount += 1
                    if result.leftOut.count < Self.leftOutKept {
                        let cells = fields.prefix(64).map { $0.count > 1_000 ? String($0.prefix(1_000)) + "…" : $0 }
                        result.leftOut.append(LeftOutRow(line: line, fields: cells, problem: problem))
                    }
                }
                guard let preview else {
                    if skipInvalid { return }
                    throw KepuError(refusal)
                }
                if result.rowErrors.count < preview.maxErrors { result.rowErrors.append(refusal) }
                return
            }
            result.rows += 1
            if !checking, result.rows % progressEvery == 0 { progress?(result.rows) }
        }
        func end(_ db: Database) throws {
            guard result.rows > 0 || (!result.rowErrors.isEmpty && preview != nil) else {
                throw KepuError(.importNoRows(file: displayName))
            }
            var extra = try finish(db, &result)
            if skipInvalid && result.leftOutCount > 0 {
                // What was left out, for the audit: how many, and which lines (the reasons go to the clerk
                // with the rows, in the workbook of rows left out).
                extra["left_out"] = .int(Int64(result.leftOutCount))
                extra["left_out_lines"] = .array(result.leftOut.prefix(200).map { .int(Int64($0.line)) })
            }
            record.rows = result.rows
            try record.update(db)
            extra["encoding"] = .string(file.formatDescription)
            let importID = result.importID ?? 0
            var after = try ImportFileRecord.snapshot(db, id: importID)
            if case .object(var o)? = after {
                for (k, v) in extra { o[k] = v }
                after = .object(o)
            }
            try ledger.appendAudit(db, ImportFileRecord.databaseTableName, importID, after: after)
        }
        var cols: CSVColumns?
        func header(_ h: [String]) throws {
            let c = try CSVColumns(header: h, specs: specs, file: displayName)
            try onHeader(c)
            cols = c
            result.ignoredColumns = c.ignored
            if let preview { result.header = preview.kept(h) }
            if skipInvalid { result.fileHeader = h }
        }
        guard checking || abandon != nil else {
            return try ledger.database.write { db in
                try start(db)
                try file.forEachRecord(
                    specs: specs, header: header,
                    record: { fields, line in
                        guard let cols else { return }
                        try take(db, cols, fields, line)
                    })
                try end(db)
                return result
            }
        }
        // Checked in batches, each rolled back: the writer is free between them.
        var lastBreath = Date()
        func breathe() {
            guard Date().timeIntervalSince(lastBreath) > Self.breather.every else { return }
            usleep(Self.breather.pause)
            lastBreath = Date()
        }
        var batch: [(fields: [String], line: Int)] = []
        var batchBytes = 0
        batch.reserveCapacity(Self.checkBatch)
        func check(last: Bool) throws {
            try ledger.database.writeAndRollBack { db in
                try start(db)
                if let cols { for (fields, line) in batch { try take(db, cols, fields, line) } }
                if last { try end(db) }
            }
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            // Between batches, with the writer free: where a front end hears of the rows read.
            if !last {
                progress?(result.rows + result.rowErrors.count)
                breathe()
            }
        }
        try file.forEachRecord(
            specs: specs, header: header,
            record: { fields, line in
                guard cols != nil else { return }
                batch.append((fields, line))
                batchBytes += fields.reduce(fields.count) { $0 + $1.utf8.count }
                if batch.count == Self.checkBatch || batchBytes >= Self.batchBytes { try check(last: false) }
            })
        try check(last: true)
        guard !checking, let abandon else {
            result.importID = nil
            result.attendanceID = nil
            result.surveyID = nil
            return result
        }
        // Every row is good: written in batches too, each committed, the writer free between them.
        // What the import counts (the entry's 人次) is set by the last batch alone, so nothing counts
        // before the whole file is in; an import that fails midway is abandoned, its entry voided.
        result = ImportResult(
            file: displayName, encoding: file.formatDescription, rows: 0, dryRun: false, ignoredColumns: [])
        cols = nil
        try ledger.database.write { db in try start(db) }
        do {
            try file.forEachRecord(
                specs: specs, header: header,
                record: { fields, line in
                    guard cols != nil else { return }
                    batch.append((fields, line))
                    batchBytes += fields.reduce(fields.count) { $0 + $1.utf8.count }
                    guard batch.count == Self.checkBatch || batchBytes >= Self.batchBytes else { return }
                    try ledger.database.write { db in
                        if let cols { for (fields, line) in batch { try take(db, cols, fields, line) } }
                    }
                    batch.removeAll(keepingCapacity: true)
                    batchBytes = 0
                    progress?(result.rows)
                    breathe()
                })
            try ledger.database.write { db in
                if let cols { for (fields, line) in batch { try take(db, cols, fields, line) } }
                try end(db)
            }
        } catch {
            let abandoned = result
            try? ledger.database.write { db in try abandon(db, abandoned) }
            throw error
        }
        return result
    }

    /// `kepu attendance import`: a sign-in sheet becomes one attendance entry backed by its rows; a sheet
    /// with a 日期 column, one entry per day it names (a row without a date goes to the sheet's day).
    public func signins(
        path: String, displayName: String, sheet: String? = nil, event eventID: Int64, date: CalendarDate?,
        dryRun: Bool, preview: ImportPreview? = nil, skipInvalid: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws -> ImportResult {
        var insert: FastInsert?
        var columns: (name: Int?, phone: Int?, time: Int?, date: Int?)?
        /// The sheet's entries by day, each with the rows counted into it; the first is made at the start.
        var entries: [CalendarDate: (id: Int64, rows: Int64)] = [:]
        var sheetDay = date ?? CalendarDate(year: 2000, month: 1, day: 1)!
        let note = "签到表 \(displayName)"
        return try run(
            kind: "signin", path: path, displayName: displayName, sheet: sheet, specs: ImportColumns.signin,
            dryRun: dryRun, preview: preview, skipInvalid: skipInvalid,
            progressEvery: 100_000, progress: progress,
            begin: { db, result in
                let id = try ledger.attendance.add(
                    db,
                    NewAttendance(
                        event: eventID, count: 0, channel: .onsite, method: .signin, date: date, note: note),
                    importID: result.importID, audited: false)
                result.attendanceID = id
                sheetDay = try AttendanceRecord.fetchOne(db, key: id)?.date ?? sheetDay
                entries = [sheetDay: (id, 0)]
                insert = FastInsert(
                    statement: try db.makeStatement(
                        sql: "INSERT INTO signin (attendance_id, name, phone, time, line) VALUES (?, ?, ?, ?, ?)"),
                    db: db)
            },
            row: { db, cols, fields, line, result in
                // Column positions are looked up once: this closure runs for every row.
                let c =
                    columns ?? (cols.column("name"), cols.column("phone"), cols.column("time"), cols.column("date"))
                columns = c
                guard let name = cols.value(at: c.name, in: fields) else {
                    throw KepuError(.emptyName(field: cols.named("name")))
                }
                let phone = try cols.value(at: c.phone, in: fields).map {
                    try NewVolunteer.phone($0, field: cols.named("phone"))
                }
                let day = try cols.value(at: c.date, in: fields).map { try Self.day($0, field: cols.named("date")) }
                guard let insert else { return }
                let aid = try entry(db, day ?? sheetDay, &result)
                insert.reset()
                try insert.bind(1, aid)
                try insert.bind(2, name)
                try insert.bind(3, phone)
                try insert.bind(4, cols.value(at: c.time, in: fields))
                try insert.bind(5, Int64(line))
                try insert.step()
                entries[day ?? sheetDay]?.rows += 1
            },
            finish: { db, result in
                var ids: [Int64] = []
                for (_, e) in entries.sorted(by: { $0.key < $1.key }) {
                    guard var a = try AttendanceRecord.fetchOne(db, key: e.id) else { continue }
                    a.count = e.rows
                    try a.update(db)
                    try ledger.appendAudit(
                        db, AttendanceRecord.databaseTableName, e.id, after: try AttendanceRecord.snapshot(db, id: e.id)
                    )
                    ids.append(e.id)
                }
                result.attendanceID = ids.first
                return ids.count > 1
                    ? ["attendance_id": .int(ids[0]), "attendance_ids": .array(ids.map { .int($0) })]
                    : ids.first.map { ["attendance_id": .int($0)] } ?? [:]
            },
            // A sheet can be a million rows: written in batches, its entries counting nothing until the
            // last; one that fails midway leaves its entries voided (never deleted).
            abandon: { db, _ in
                for e in entries.values {
                    guard var a = try AttendanceRecord.fetchOne(db, key: e.id), a.voidedAt == nil else { continue }
                    let batch = try ledger.voidBatch(db, reason: "导入未完成", root: .attendance, id: e.id)
                    try ledger.void(db, &a, reason: "导入未完成", batch: batch)
                }
            })

        /// The entry of a day: the sheet's own, else one made for the day (the sheet's first entry is
        /// taken for it while it has no rows, so that a sheet whose every row is dated makes no empty one).
        func entry(_ db: Database, _ day: CalendarDate, _ result: inout ImportResult) throws -> Int64 {
            if let e = entries[day] { return e.id }
            let event = try ledger.events.live(db, eventID)
            try AttendanceService.checkDate(day, of: event, today: ledger.today)
            // A day of a locked year is that row's refusal, not the whole sheet's at the end.
            if let lock = try YearService.inForce(db, year: day.year) {
                throw KepuError(.yearLocked(year: day.year, on: lock.lockedOn, reason: lock.reason))
            }
            if let first = entries[sheetDay], first.rows == 0, entries.count == 1 {
                try db.execute(sql: "UPDATE attendance SET date = ? WHERE id = ?", arguments: [day, first.id])
                entries = [day: first]
                return first.id
            }
            let id = try ledger.attendance.add(
                db,
                NewAttendance(event: eventID, count: 0, channel: .onsite, method: .signin, date: day, note: note),
                importID: result.importID, audited: false)
            entries[day] = (id, 0)
            return id
        }
    }

    /// A sign-in row's date: a day, or a day with its time (`2023-09-16 09:12`), as sheets write it.
    static func day(_ text: String, field: Field) throws -> CalendarDate {
        let first = text.split(whereSeparator: { $0 == " " || $0 == "T" }).first.map(String.init) ?? text
        return try CalendarDate.parse(first, field: field)
    }

    /// `kepu volunteer import`: volunteers (matched by phone, else name and organization) and, where a
    /// row names an event, their sign-ups.
    public func volunteers(
        path: String, displayName: String, sheet: String? = nil, dryRun: Bool, preview: ImportPreview? = nil,
        skipInvalid: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws -> ImportResult {
        var seen = Set<Int64>()
        return try run(
            kind: "volunteers", path: path, displayName: displayName, sheet: sheet, specs: ImportColumns.volunteers,
            dryRun: dryRun, preview: preview, skipInvalid: skipInvalid,
            progress: progress,
            row: { db, cols, row, _, result in
                guard let name = cols.value("name", in: row) else {
                    throw KepuError(.emptyName(field: cols.named("name")))
                }
                let phone = try cols.value("phone", in: row).map {
                    try NewVolunteer.phone($0, field: cols.named("phone"))
                }
                let org = cols.value("org", in: row)
                let known =
                    try phone.map { try ledger.volunteers.withPhone(db, $0) }
                    ?? ledger.volunteers.withoutPhone(db, name: name, org: org)
                let vid: Int64
                if let known, let id = known.id {
                    vid = id
                    if seen.insert(id).inserted && known.importId != result.importID { result.volunteersMatched += 1 }
                } else {
                    let added = try ledger.volunteers.add(
                        db,
                        NewVolunteer(name: name, phone: phone, org: org, platformNo: cols.value("platform", in: row)),
                        importID: result.importID, phoneField: cols.named("phone"))
                    vid = added.id
                    seen.insert(vid)
                    result.volunteersCreated += 1
                    if added.newOrganization != nil { result.organizationsCreated += 1 }
                }
                guard let eventText = cols.value("event", in: row) else { return }
                let date = try cols.value("date", in: row).map { try CalendarDate.parse($0, field: cols.named("date")) }
                let eid = try ledger.events.resolve(db, eventText, field: cols.named("event"), year: date?.year)
                let hours = try cols.value("hours", in: row).map { try Parse.hours($0, field: cols.named("hours")) }
                try ledger.volunteers.signup(
                    db,
                    NewSignup(
                        volunteer: vid, event: eid, hoursCenti: hours, date: date, role: cols.value("role", in: row)),
                    importID: result.importID, eventField: cols.named("event"))
                result.signups += 1
            },
            finish: { _, result in
                [
                    "volunteers_created": .int(Int64(result.volunteersCreated)),
                    "organizations_created": .int(Int64(result.organizationsCreated)),
                    "signups": .int(Int64(result.signups)),
                ]
            })
    }

    /// `kepu cost import`: the finance office's ledger, each row a cost against a line of the plan
    /// covering its date.
    public func costs(
        path: String, displayName: String, sheet: String? = nil, unit: String?, dryRun: Bool,
        preview: ImportPreview? = nil, skipInvalid: Bool = false, progress: ((Int) -> Void)? = nil
    ) throws -> ImportResult {
        let plans = CoveringPlans()
        return try run(
            kind: "costs", path: path, displayName: displayName, sheet: sheet, specs: ImportColumns.costs,
            dryRun: dryRun, preview: preview, skipInvalid: skipInvalid,
            progress: progress,
            row: { db, cols, row, _, result in
                let date = try CalendarDate.parse(cols.value("date", in: row) ?? "", field: cols.named("date"))
                let amount = try Money.parse(cols.value("amount", in: row) ?? "", field: cols.named("amount"))
                try NewCost.check(amount: amount, field: cols.named("amount"))
                guard let line = cols.value("line", in: row) else {
                    throw KepuError(.emptyLine(field: cols.named("line")))
                }
                let eid = try cols.value("event", in: row).map {
                    try ledger.events.resolve(db, $0, field: cols.named("event"), year: date.year)
                }
                let cost = NewCost(
                    line: line, amount: amount, event: eid, item: cols.value("item", in: row),
                    invoice: cols.value("invoice", in: row), date: date, payee: cols.value("payee", in: row),
                    unit: unit)
                _ = try ledger.money.addCost(
                    db, cost, importID: result.importID, field: (cols.named("line"), cols.named("event")),
                    plans: plans)
                result.total += amount
            },
            finish: { _, result in ["total_fen": .int(result.total.fen)] })
    }

    /// `kepu survey import`: a 问卷星 download becomes one survey batch of an event, backed by the answers
    /// it counted. `question` picks the question by number or title (else the one about 满意);
    /// `satisfied` overrides which answers count as satisfied.
    public func survey(
        path: String, displayName: String, sheet: String? = nil, event eventID: Int64, question choice: String?,
        satisfied: [String]?, date: CalendarDate?, dryRun: Bool
    ) throws -> ImportResult {
        var question: WjxSurvey.Question?
        var found: [WjxSurvey.Question] = []
        var submittedColumn: Int?
        var answers: [(line: Int, submitted: String?, answer: String)] = []
        do {
            var result = try run(
                kind: "survey", path: path, displayName: displayName, sheet: sheet, specs: WjxSurvey.headerSpecs,
                dryRun: dryRun, progress: nil,
                begin: { db, _ in _ = try ledger.events.live(db, eventID) },
                header: { cols in
                    found = WjxSurvey.questions(in: cols.header)
                    question = try WjxSurvey.question(choice, in: found, file: displayName)
                    submittedColumn = cols.column("submitted")
                },
                row: { _, cols, fields, line, _ in
                    guard let q = question else { return }
                    let answer = q.column < fields.count ? CSVColumns.trim(fields[q.column]) : ""
                    answers.append((line, cols.value(at: submittedColumn, in: fields), answer))
                },
                finish: { db, result in
                    guard let q = question else { return [:] }
                    let rule = WjxSurvey.rule(satisfied: satisfied, question: q, answers: answers.map(\.answer))
                    let tally = WjxSurvey.tally(
                        question: q, rule: rule, answers: answers.map(\.answer),
                        submitted: answers.map { $0.submitted ?? "" })
                    guard tally.responses > 0 else {
                        throw KepuError(.surveyNoAnswers(file: displayName, question: String(q.number)))
                    }
                    let event = try ledger.events.live(db, eventID)
                    let day = date ?? tally.lastSubmission ?? event.endDate
                    var record = SurveyRecord(
                        eventId: eventID, date: day, responses: tally.responses, satisfied: tally.satisfied,
                        createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil, importId: result.importID,
                        question: "\(q.number)、\(q.title)")
                    let sid = try ledger.insertUnaudited(db, &record)
                    for a in answers where !WjxSurvey.unanswered.contains(a.answer) {
                        try SurveyAnswerRecord(
                            surveyId: sid, line: Int64(a.line), submittedAt: a.submitted, answer: a.answer,
                            satisfied: rule.isSatisfied(a.answer)
                        ).insert(db)
                    }
                    try ledger.appendAudit(
                        db, SurveyRecord.databaseTableName, sid, after: try SurveyRecord.snapshot(db, id: sid))
                    result.surveyID = sid
                    result.tally = tally
                    result.surveyDate = day
                    return ["survey_id": .int(sid), "question": .string("\(q.number)、\(q.title)")]
                })
            result.questions = found
            return result
        } catch let e as KepuError {
            // A file without 问卷星's leading columns is not a download of its answers.
            switch e.problem {
            case .missingColumn, .importEmpty, .otherSheets(_, _, .missingColumn):
                throw KepuError(.notWjxExport(file: displayName))
            default: throw e
            }
        }
    }
}
