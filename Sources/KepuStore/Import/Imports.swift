import Foundation
import GRDB
import GRDBSQLite
import KepuCore

/// Binds and steps a prepared statement through SQLite's C API: an import's hot loop, where
/// GRDB's per-call argument boxing and C-string copies would cost more than SQLite's own work.
struct FastInsert {
    let statement: Statement
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() { sqlite3_reset(statement.sqliteStatement) }

    func bind(_ column: Int32, _ value: Int64) { sqlite3_bind_int64(statement.sqliteStatement, column, value) }

    /// Binds a string's UTF-8 bytes directly (native Swift strings are contiguous UTF-8).
    func bind(_ column: Int32, _ value: String?) {
        let s = statement.sqliteStatement
        guard var value else {
            sqlite3_bind_null(s, column)
            return
        }
        value.withUTF8 { buf in
            _ = buf.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(s, column, $0.baseAddress, Int32($0.count), FastInsert.transient)
            }
        }
    }

    func step(_ db: Database) throws {
        let rc = sqlite3_step(statement.sqliteStatement)
        guard rc == SQLITE_DONE else {
            throw DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
        }
    }
}

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
}

/// Column names accepted in each kind of spreadsheet (DESIGN §9).
public enum ImportColumns {
    public static let signin: [CSVColumns.Spec] = [
        .init("name", ["姓名", "name", "名字"], required: true),
        .init("phone", ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"]),
        .init("time", ["时间", "签到时间", "time"]),
    ]
    public static let volunteers: [CSVColumns.Spec] = [
        .init("name", ["姓名", "name", "志愿者", "志愿者姓名"], required: true),
        .init("phone", ["手机", "手机号", "手机号码", "电话", "联系电话", "phone", "mobile"]),
        .init("org", ["队伍", "组织", "志愿组织", "所属队伍", "org", "organization", "team"]),
        .init("event", ["活动", "活动编号", "活动id", "event", "event id"]),
        .init("hours", ["时长", "服务时长", "小时", "hours"]),
        .init("date", ["日期", "服务日期", "date"]),
        .init("role", ["角色", "岗位", "role"]),
        .init("platform", ["平台编号", "志愿者编号", "platform", "platform no"]),
    ]
    public static let costs: [CSVColumns.Spec] = [
        .init("date", ["日期", "付款日期", "记账日期", "date"], required: true),
        .init("amount", ["金额", "支出金额", "amount"], required: true),
        .init("line", ["支出明细", "科目", "预算科目", "明细", "line"], required: true),
        .init("event", ["活动", "活动编号", "event", "event id"]),
        .init("invoice", ["发票号", "发票号码", "票据号", "invoice"]),
        .init("item", ["摘要", "事由", "用途", "item", "summary"]),
        .init("payee", ["收款方", "收款单位", "收款人", "payee"]),
    ]
}

extension Ledger {
    /// The part every import shares: the file read and hashed, a file imported before refused, one
    /// write transaction (or a read-only pass for a dry run), the header matched, each row handed to
    /// `row` with its line number (its errors named by line), and the import recorded and audited.
    ///
    /// `begin` runs after the import row exists (its id is in the result); `finish` returns what the
    /// import's audit row should add.
    func runImport(kind: String, path: String, displayName: String, specs: [CSVColumns.Spec], dryRun: Bool,
                   progressEvery: Int = 10_000, progress: ((Int) -> Void)?,
                   begin: (Database, inout ImportResult) throws -> Void = { _, _ in },
                   row: (Database, CSVColumns, [String], Int, inout ImportResult) throws -> Void,
                   finish: (Database, inout ImportResult) throws -> [String: JSONValue] = { _, _ in [:] }) throws -> ImportResult {
        let file = try TextFile(path: path, displayName: displayName)
        let sha = try file.sha256()
        let body = { (db: Database) throws -> ImportResult in
            if let prior = try Row.fetchOne(db, sql: "SELECT id, file_name, rows, imported_at FROM import_file WHERE sha256 = ?",
                                            arguments: [sha]) {
                throw KepuError("\(displayName) was already imported on \((prior["imported_at"] as String).prefix(10)) (import \(prior["id"] as Int64), \(prior["rows"] as Int) rows from \(prior["file_name"] as String)); nothing was imported")
            }
            var result = ImportResult(file: displayName, encoding: file.encoding.rawValue, rows: 0, dryRun: dryRun,
                                      ignoredColumns: [])
            if !dryRun {
                result.importID = try insertUnaudited(db, "import_file", [
                    "kind": kind, "file_name": displayName, "sha256": sha, "rows": 0, "imported_at": context.timestamp,
                ])
            }
            try begin(db, &result)
            var cols: CSVColumns!
            try file.forEachRecord(header: { h in
                cols = try CSVColumns(header: h, specs: specs, file: displayName)
                result.ignoredColumns = cols.ignored
            }) { fields, line in
                do {
                    try row(db, cols, fields, line, &result)
                } catch let e as KepuError {
                    throw KepuError("\(displayName) line \(line): \(e.message); nothing was imported")
                }
                result.rows += 1
                if result.rows % progressEvery == 0 { progress?(result.rows) }
            }
            guard result.rows > 0 else { throw KepuError("\(displayName) has a header but no rows; nothing was imported") }
            var extra = try finish(db, &result)
            if let importID = result.importID {
                try db.execute(sql: "UPDATE import_file SET rows = ? WHERE id = ?", arguments: [result.rows, importID])
                extra["encoding"] = .string(file.encoding.rawValue)
                var after = try Audit.snapshot(db, table: "import_file", id: importID)
                if case .object(var o)? = after {
                    for (k, v) in extra { o[k] = v }
                    after = .object(o)
                }
                try audit(db, "import_file", importID, after: after)
            }
            return result
        }
        return dryRun ? try database.read(body) : try database.write(body)
    }

    /// `kepu attendance import`: a sign-in sheet becomes one attendance entry backed by its rows.
    public func importSignins(path: String, displayName: String, event eventID: Int64, date: CalendarDate?,
                              dryRun: Bool, progress: ((Int) -> Void)? = nil) throws -> ImportResult {
        var insert: FastInsert?
        var nameColumn: Int?
        var phoneColumn: Int?
        var timeColumn: Int?
        return try runImport(kind: "signin", path: path, displayName: displayName, specs: ImportColumns.signin, dryRun: dryRun,
                             progressEvery: 100_000, progress: progress,
            begin: { db, result in
                let e = try event(db, eventID)
                guard !dryRun else { return }
                result.attendanceID = try insertUnaudited(db, "attendance", [
                    "event_id": eventID, "date": (date ?? e.start).description, "count": 0, "channel": "onsite",
                    "method": "signin", "note": "签到表 \(displayName)", "import_id": result.importID,
                    "created_at": context.timestamp,
                ])
                insert = FastInsert(statement: try db.makeStatement(
                    sql: "INSERT INTO signin (attendance_id, name, phone, time, line) VALUES (?, ?, ?, ?, ?)"))
            },
            row: { db, cols, fields, line, result in
                // Column positions are looked up once: this closure runs for every row.
                if nameColumn == nil {
                    nameColumn = cols.column("name")
                    phoneColumn = cols.column("phone")
                    timeColumn = cols.column("time")
                }
                guard let name = cols.value(at: nameColumn, in: fields) else {
                    throw KepuError("姓名 is empty; every sign-in row needs a name")
                }
                let phone = try cols.value(at: phoneColumn, in: fields).map { try NewVolunteer.phone($0, field: "手机") }
                if let insert {
                    insert.reset()
                    insert.bind(1, result.attendanceID!)
                    insert.bind(2, name)
                    insert.bind(3, phone)
                    insert.bind(4, cols.value(at: timeColumn, in: fields))
                    insert.bind(5, Int64(line))
                    try insert.step(db)
                }
            },
            finish: { db, result in
                guard let aid = result.attendanceID else { return [:] }
                try db.execute(sql: "UPDATE attendance SET count = ? WHERE id = ?", arguments: [result.rows, aid])
                try audit(db, "attendance", aid, after: try Audit.snapshot(db, table: "attendance", id: aid))
                return ["attendance_id": .int(aid)]
            })
    }

    /// `kepu volunteer import`: volunteers (matched by phone, else name and organization) and, where a
    /// row names an event, their sign-ups.
    public func importVolunteers(path: String, displayName: String, dryRun: Bool,
                                 progress: ((Int) -> Void)? = nil) throws -> ImportResult {
        var orgs: [String: Int64] = [:]
        var byKey: [String: Int64] = [:]
        var events: [Int64: EventRef] = [:]
        var signedUp = Set<String>()
        var nextFake: Int64 = -1
        func fakeID() -> Int64 {
            defer { nextFake -= 1 }
            return nextFake
        }
        return try runImport(kind: "volunteers", path: path, displayName: displayName, specs: ImportColumns.volunteers,
                             dryRun: dryRun, progress: progress,
            row: { db, cols, row, _, result in
                guard let name = cols.value("name", in: row) else { throw KepuError("姓名 is empty; every row needs a name") }
                let phone = try cols.value("phone", in: row).map { try NewVolunteer.phone($0, field: "手机") }
                let orgName = cols.value("org", in: row)
                let key = phone.map { "p:" + $0 } ?? "n:\(name)|\(orgName ?? "")"
                var vid = byKey[key]
                if vid == nil {
                    vid = phone == nil
                        ? try Int64.fetchOne(db, sql: """
                            SELECT v.id FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id
                            WHERE v.name = ? AND v.phone IS NULL AND o.name IS ? AND v.voided_at IS NULL
                            """, arguments: [name, orgName])
                        : try Int64.fetchOne(db, sql: "SELECT id FROM volunteer WHERE phone = ? AND voided_at IS NULL",
                                             arguments: [phone])
                    if vid != nil { result.volunteersMatched += 1 }
                }
                if vid == nil {
                    var orgID: Int64?
                    if let orgName {
                        orgID = try orgs[orgName]
                            ?? Int64.fetchOne(db, sql: "SELECT id FROM organization WHERE name = ?", arguments: [orgName])
                        if orgID == nil {
                            orgID = dryRun ? fakeID() : try insertUnaudited(db, "organization", ["name": orgName, "created_at": context.timestamp])
                            result.organizationsCreated += 1
                        }
                        orgs[orgName] = orgID
                    }
                    vid = dryRun ? fakeID() : try insertUnaudited(db, "volunteer", [
                        "name": name, "phone": phone, "org_id": orgID, "platform_no": cols.value("platform", in: row),
                        "import_id": result.importID, "created_at": context.timestamp,
                    ])
                    result.volunteersCreated += 1
                }
                byKey[key] = vid
                guard let eventText = cols.value("event", in: row) else { return }
                guard let eid = Int64(eventText), eid > 0 else {
                    throw KepuError("活动 \(quoted(eventText)) is not an event id (a whole number, see kepu event list)")
                }
                if events[eid] == nil { events[eid] = try event(db, eid, field: "活动") }
                let date = try cols.value("date", in: row).map { try CalendarDate.parse($0, field: "日期") } ?? events[eid]!.start
                let hours = try cols.value("hours", in: row).map { try Parse.hours($0, field: "时长") }
                var duplicate = !signedUp.insert("\(vid!)|\(eid)|\(date)").inserted
                if !duplicate && vid! > 0 {
                    duplicate = try Int64.fetchOne(db, sql: """
                        SELECT id FROM signup WHERE volunteer_id = ? AND event_id = ? AND date = ? AND voided_at IS NULL
                        """, arguments: [vid, eid, date.description]) != nil
                }
                if duplicate { throw KepuError("\(name) is already signed up for event \(eid) on \(date)") }
                if !dryRun {
                    _ = try insertUnaudited(db, "signup", [
                        "volunteer_id": vid, "event_id": eid, "date": date.description, "hours_centi": hours,
                        "role": cols.value("role", in: row), "import_id": result.importID, "created_at": context.timestamp,
                    ])
                }
                result.signups += 1
            },
            finish: { _, result in
                ["volunteers_created": .int(result.volunteersCreated), "organizations_created": .int(result.organizationsCreated),
                 "signups": .int(result.signups)]
            })
    }

    /// `kepu cost import`: the finance office's ledger, each row a cost against a line of the plan
    /// covering its date.
    public func importCosts(path: String, displayName: String, unit: String?, dryRun: Bool,
                            progress: ((Int) -> Void)? = nil) throws -> ImportResult {
        try runImport(kind: "costs", path: path, displayName: displayName, specs: ImportColumns.costs, dryRun: dryRun,
                      progress: progress,
            row: { db, cols, row, _, result in
                let date = try CalendarDate.parse(cols.value("date", in: row) ?? "", field: "日期")
                let amount = try Money.parse(cols.value("amount", in: row) ?? "", field: "金额")
                guard amount > .zero else { throw KepuError("金额 is 0; a cost must be more than 0") }
                guard let line = cols.value("line", in: row) else { throw KepuError("支出明细 is empty; name the plan's line") }
                let eid = try cols.value("event", in: row).map { t -> Int64 in
                    guard let v = Int64(t), v > 0 else {
                        throw KepuError("活动 \(quoted(t)) is not an event id (a whole number, see kepu event list)")
                    }
                    return v
                }
                if dryRun {
                    let (_, stored) = try chargeTarget(db, event: eid, date: date, unit: unit, eventField: "活动")
                    _ = try self.line(line, of: stored, field: "支出明细")
                } else {
                    let cost = NewCost(line: line, amount: amount, event: eid, item: cols.value("item", in: row),
                                       invoice: cols.value("invoice", in: row), date: date, payee: cols.value("payee", in: row),
                                       unit: unit)
                    _ = try addCost(db, cost, importID: result.importID, field: ("支出明细", "活动"))
                }
                result.total += amount
            },
            finish: { _, result in ["total_fen": .int(result.total.fen)] })
    }
}
