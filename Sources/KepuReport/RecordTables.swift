import Foundation
import KepuCore

/// Lists, JSON and one-record views of the ledger's records, in Chinese or English.
public enum RecordTables {
    static func state(_ v: VoidState?, _ lang: Language) -> Cell {
        v.map { Cell(lang.t("已作废：", "void: ") + $0.reason, .warn) } ?? ""
    }

    static func idColumn(_ lang: Language) -> ReportTable.Column { .init(lang.t("编号", "id"), .right) }
    static func stateColumn(_ lang: Language) -> ReportTable.Column { .init(lang.t("状态", "Status")) }

    public static func attendance(_ items: [AttendanceItem], lang: Language, names: RecordNames = .none)
        -> ReportTable
    {
        ReportTable(
            columns: [
                idColumn(lang), names.eventColumn(lang), .init(lang.t("日期", "Date")),
                .init(lang.t("人次", "Count"), .right), .init(lang.t("渠道", "Channel")),
                .init(lang.t("统计方式", "Method")), .init(lang.t("备注", "Note")), stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.attendance, $0.id), names.event($0.event), Cell($0.date.description),
                    Cell(String($0.count)),
                    Cell(lang.vocabulary($0.channel)), Cell(lang.vocabulary($0.method)), Cell($0.note ?? ""),
                    state($0.voided, lang),
                ]
            },
            footer: [
                [
                    "", "", Cell(lang.t("合计", "Total")),
                    Cell(String(items.filter { $0.voided == nil }.reduce(0) { $0 + $1.count })), "", "", "", "",
                ]
            ],
            rowRecords: items.map { RowRecord(.attendance, $0.id, voided: $0.voided != nil) })
    }

    /// With `total` (a page of a longer list), the footer shows the whole list's total, not the page's.
    public static func costs(_ items: [CostItem], lang: Language, names: RecordNames = .none, total: Money? = nil)
        -> ReportTable
    {
        ReportTable(
            columns: [
                idColumn(lang), .init(lang.t("日期", "Date")), .init(lang.t("支出明细", "Line")),
                .init(lang.t("金额(元)", "Amount (元)"), .right), names.eventColumn(lang),
                .init(lang.t("摘要", "Item")), .init(lang.t("发票号", "Invoice")), .init(lang.t("收款方", "Payee")),
                stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.cost, $0.id), Cell($0.date.description), names.line($0.line), Cell($0.amount.grouped),
                    names.event($0.event), Cell($0.item ?? ""), Cell($0.invoice ?? ""),
                    Cell($0.payee ?? ""), state($0.voided, lang),
                ]
            },
            footer: [
                [
                    "", Cell(total == nil ? lang.t("合计", "Total") : lang.t("全部合计", "Total, all pages")), "",
                    Cell((total ?? items.filter { $0.voided == nil }.reduce(Money.zero) { $0 + $1.amount }).grouped),
                    "", "", "",
                    "", "",
                ]
            ],
            rowRecords: items.map { RowRecord(.cost, $0.id, voided: $0.voided != nil) })
    }

    public static func printRuns(_ items: [PrintRunItem], lang: Language, names: RecordNames = .none) -> ReportTable {
        ReportTable(
            columns: [
                idColumn(lang), .init(lang.t("日期", "Date")), .init(lang.t("品名", "Title")), .init(lang.t("类型", "Ink")),
                .init(lang.t("份数", "Copies"), .right), .init(lang.t("单价(元)", "Unit price (元)"), .right),
                .init(lang.t("金额(元)", "Cost (元)"), .right), names.eventColumn(lang), stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.printRun, $0.id), Cell($0.date.description), Cell($0.title), Cell(lang.ink($0.ink)),
                    Cell(String($0.copies)), Cell($0.unitPrice.plain), Cell($0.cost.grouped),
                    names.event($0.event), state($0.voided, lang),
                ]
            },
            rowRecords: items.map { RowRecord(.printRun, $0.id, voided: $0.voided != nil) })
    }

    public static func surveys(_ items: [SurveyItem], lang: Language, names: RecordNames = .none) -> ReportTable {
        ReportTable(
            columns: [
                idColumn(lang), names.eventColumn(lang), .init(lang.t("日期", "Date")),
                .init(lang.t("回收份数", "Responses"), .right), .init(lang.t("满意份数", "Satisfied"), .right),
                .init(lang.t("满意度", "Rate"), .right), stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.survey, $0.id), names.event($0.event), Cell($0.date.description),
                    Cell(String($0.responses)),
                    Cell(String($0.satisfied)),
                    Cell(Figures.percent(Fixed.ratio($0.satisfied * 100, $0.responses, places: 2))),
                    state($0.voided, lang),
                ]
            },
            rowRecords: items.map { RowRecord(.survey, $0.id, voided: $0.voided != nil) })
    }

    public static func measurements(_ items: [MeasurementItem], lang: Language, names: RecordNames = .none)
        -> ReportTable
    {
        ReportTable(
            columns: [
                idColumn(lang), .init(lang.t("测量名称", "Metric")), .init(lang.t("数值", "Value"), .right),
                .init(lang.t("日期", "Date")), .init(lang.t("来源", "Source")), stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.measurement, $0.id), Cell(names.measurements[$0.metric] ?? $0.metric),
                    Cell($0.value.description),
                    Cell($0.date.description),
                    Cell($0.source ?? ""), state($0.voided, lang),
                ]
            },
            rowRecords: items.map { RowRecord(.measurement, $0.id, voided: $0.voided != nil) })
    }

    public static func volunteers(_ items: [VolunteerSummary], maskPhones: Bool, lang: Language) -> ReportTable {
        ReportTable(
            columns: [
                idColumn(lang), .init(lang.t("姓名", "Name")), .init(lang.t("手机", "Phone")),
                .init(lang.t("志愿组织", "Organization")), .init(lang.t("平台编号", "Platform no.")),
                .init(lang.t("报名", "Sign-ups"), .right), .init(lang.t("时长(小时)", "Hours"), .right), stateColumn(lang),
            ],
            rows: items.map {
                [
                    Cell.id(.volunteer, $0.id), Cell($0.name),
                    Cell($0.phone.map { maskPhones ? maskPhone($0) : $0 } ?? ""),
                    Cell($0.org ?? ""), Cell($0.platformNo ?? ""), Cell(String($0.signups)),
                    Cell(Fixed(raw: $0.hoursCenti * 100).format(minPlaces: 1, maxPlaces: 2)), state($0.voided, lang),
                ]
            },
            rowRecords: items.map { RowRecord(.volunteer, $0.id, voided: $0.voided != nil) })
    }

    // MARK: JSON: an array of objects with id, voided and the fields; money in …Fen integers

    static func object(_ id: Int64, _ voided: VoidState?, _ fields: [String: JSONValue]) -> JSONValue {
        var o = fields
        o["id"] = .int(id)
        o["voided"] = .bool(voided != nil)
        if let voided {
            o["voidedAt"] = .string(voided.at)
            o["voidReason"] = .string(voided.reason)
        }
        return .object(o)
    }

    public static func json(_ item: RecordItem) -> JSONValue {
        switch item {
        case .event(let e):
            return object(
                e.id, e.voided ? VoidState(at: "", reason: "") : nil,
                [
                    "title": .string(e.title), "kind": .string(e.kind.rawValue), "form": .string(e.form.rawValue),
                    "major": .bool(e.major),
                    "start": .string(e.start.description), "end": .string(e.end.description), "venue": .string(e.venue),
                    "parent": e.parent.map { .int($0) } ?? .null, "unit": .string(e.unit), "onsite": .int(e.onsite),
                    "online": .int(e.online), "costFen": .int(e.cost.fen), "surveyResponses": .int(e.surveyResponses),
                    "surveySatisfied": .int(e.surveySatisfied), "volunteers": .int(e.volunteers),
                    "hours": .fixed(Fixed(raw: e.hoursCenti * 100)),
                ])
        case .attendance(let a):
            return object(
                a.id, a.voided,
                [
                    "event": .int(a.event), "date": .string(a.date.description), "count": .int(a.count),
                    "channel": .string(a.channel.rawValue), "method": .string(a.method.rawValue),
                    "note": .string(a.note),
                    "import": a.importID.map { .int($0) } ?? .null,
                ])
        case .cost(let c):
            return object(
                c.id, c.voided,
                [
                    "event": c.event.map { .int($0) } ?? .null, "line": .string(c.line), "item": .string(c.item),
                    "amountFen": .int(c.amount.fen), "date": .string(c.date.description), "invoice": .string(c.invoice),
                    "payee": .string(c.payee),
                ])
        case .printRun(let p):
            return object(
                p.id, p.voided,
                [
                    "event": p.event.map { .int($0) } ?? .null, "line": .string(p.line), "title": .string(p.title),
                    "ink": .string(p.ink.rawValue), "copies": .int(p.copies), "unitPriceFen": .int(p.unitPrice.fen),
                    "costFen": .int(p.cost.fen), "date": .string(p.date.description),
                ])
        case .survey(let s):
            return object(
                s.id, s.voided,
                [
                    "event": .int(s.event), "date": .string(s.date.description), "responses": .int(s.responses),
                    "satisfied": .int(s.satisfied),
                ])
        case .measurement(let m):
            return object(
                m.id, m.voided,
                [
                    "metric": .string(m.metric), "value": .fixed(m.value), "date": .string(m.date.description),
                    "source": .string(m.source),
                ])
        case .volunteer(let v):
            return object(
                v.id, v.voided,
                [
                    "name": .string(v.name), "phone": .string(v.phone.map(maskPhone)), "org": .string(v.org),
                    "platformNo": .string(v.platformNo), "signups": .int(v.signups),
                    "hours": .fixed(Fixed(raw: v.hoursCenti * 100)),
                ])
        case .signup(let g):
            return object(
                g.id, g.voided,
                [
                    "volunteer": .int(g.volunteer), "name": .string(g.name), "event": .int(g.event),
                    "date": .string(g.date.description),
                    "hours": g.hoursCenti.map { .fixed(Fixed(raw: $0 * 100)) } ?? .null,
                    "role": .string(g.role),
                ])
        }
    }

    public static func json(_ items: [RecordItem]) -> String {
        JSONValue.array(items.map(json)).render(indent: 2)
    }

    // MARK: One record and its history

    /// `kepu GROUP show ID`: the record's fields, then every audit row about it.
    public static func detail(
        _ item: RecordItem, history: [AuditEntry], maskPhones: Bool, lang: Language, names: RecordNames = .none
    ) -> Report {
        let table: ReportTable
        let kind: RecordKind
        let id: Int64
        switch item {
        case .event(let e):
            table = EventTables.list([e], lang: lang)
            (kind, id) = (.event, e.id)
        case .attendance(let a):
            table = attendance([a], lang: lang, names: names)
            (kind, id) = (.attendance, a.id)
        case .cost(let c):
            table = costs([c], lang: lang, names: names)
            (kind, id) = (.cost, c.id)
        case .printRun(let p):
            table = printRuns([p], lang: lang, names: names)
            (kind, id) = (.printRun, p.id)
        case .survey(let s):
            table = surveys([s], lang: lang, names: names)
            (kind, id) = (.survey, s.id)
        case .measurement(let m):
            table = measurements([m], lang: lang, names: names)
            (kind, id) = (.measurement, m.id)
        case .volunteer(let v):
            table = volunteers([v], maskPhones: maskPhones, lang: lang)
            (kind, id) = (.volunteer, v.id)
        case .signup(let g):
            table = ReportTable(
                columns: [
                    idColumn(lang), .init(lang.t("志愿者", "Volunteer")), .init(lang.t("姓名", "Name")),
                    names.eventColumn(lang), .init(lang.t("日期", "Date")),
                    .init(lang.t("时长(小时)", "Hours"), .right), .init(lang.t("岗位", "Role")), stateColumn(lang),
                ],
                rows: [
                    [
                        Cell(String(g.id)), Cell(String(g.volunteer), ref: RecordRef(.volunteer, g.volunteer)),
                        Cell(g.name), names.isEmpty ? Cell(String(g.event)) : names.event(g.event),
                        Cell(g.date.description), Cell(g.hoursCenti.map(Figures.hours) ?? ""), Cell(g.role ?? ""),
                        state(g.voided, lang),
                    ]
                ])
            (kind, id) = (.signup, g.id)
        }
        let fields = ReportTable(columns: table.columns, rows: table.rows)
        return Report(
            title: "\(Catalogue.recordName(kind, lang)) \(id)",
            sections: [
                Section(heading: nil, blocks: [.table(fields)]),
                Section(
                    heading: lang.t("修改记录", "History"),
                    blocks: [.table(historyTable(history, lang: lang, names: names))]),
            ])
    }

    /// The evidence files, as `kepu evidence list` and the web's 佐证材料 list them.
    public static func evidence(_ items: [EvidenceItem], lang: Language) -> ReportTable {
        ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("文件", "file")), .init(lang.t("类型", "kind")),
                .init(lang.t("活动", "event"), .right), .init(lang.t("费用", "cost"), .right),
                .init(lang.t("字节", "bytes"), .right), .init("sha256"), .init(lang.t("添加日期", "added")),
            ],
            rows: items.map {
                [
                    Cell(String($0.id)), Cell($0.fileName), Cell(lang.vocabulary($0.kind)),
                    $0.event.map { Cell.id(.event, $0) } ?? "", $0.cost.map { Cell.id(.cost, $0) } ?? "",
                    Cell(String($0.size)), Cell(String($0.sha256.prefix(16)) + "…"),
                    Cell(String($0.addedAt.prefix(10))),
                ]
            })
    }

    /// The audit trail as `kepu log` and the web's 操作记录 show it, newest first: each row's time, operator,
    /// record and what it did in words (`AuditWords`). With `details`, the command that did it and the
    /// row's before and after under it, as `kepu log --details` shows them. Phones are masked.
    public static func auditTable(
        _ entries: [AuditEntry], details: Bool, lang: Language, names: RecordNames = .none
    ) -> ReportTable {
        var rows: [[Cell]] = []
        for e in entries {
            // Audit rows name tables; the users' table is `app_user`.
            let kind = RecordKind(rawValue: e.entity == "app_user" ? "user" : e.entity)
            let ref = kind.flatMap { k in e.entityID.map { RecordRef(k, $0) } }
            // The sentence names the record (and links to it where it has a page).
            rows.append([
                Cell(String(e.id)), Cell(localTime(e.at)), Cell(e.operatorName),
                Cell(maskPhones(in: AuditWords.sentence(e, lang: lang, names: names)), ref: ref),
            ])
            if details {
                rows.append(["", "", Cell(lang.t("命令", "command")), Cell(maskPhones(in: e.command))])
                if let b = e.before {
                    rows.append(["", "", Cell(lang.t("修改前", "before")), Cell(maskPhones(in: b))])
                }
                if let a = e.after {
                    rows.append(["", "", Cell(lang.t("修改后", "after")), Cell(maskPhones(in: a))])
                }
            }
        }
        return ReportTable(
            columns: [
                .init("#", .right), .init(lang.t("时间", "time")), .init(lang.t("操作员", "operator")),
                .init(lang.t("操作", "what")),
            ],
            rows: rows)
    }

    /// Audit rows as a person reads them: local time, operator, what happened, which fields changed.
    public static func historyTable(
        _ entries: [AuditEntry], lang: Language, timeZone: TimeZone = .current, names: RecordNames = .none
    ) -> ReportTable {
        ReportTable(
            columns: [
                .init("#", .right), .init(lang.t("时间", "Time")), .init(lang.t("操作员", "Operator")),
                .init(lang.t("操作", "What")), .init(lang.t("内容", "Changes")),
            ],
            rows: entries.map { e in
                [
                    Cell(String(e.id)), Cell(localTime(e.at, timeZone)), Cell(e.operatorName),
                    Cell(action(e.action, lang)),
                    Cell(maskPhones(in: changes(e, lang: lang, names: names, timeZone: timeZone))),
                ]
            })
    }

    static func action(_ a: AuditEntry.Action, _ lang: Language) -> String {
        switch a {
        case .add: lang.t("新增", "add")
        case .void: lang.t("作废", "void")
        case .restore: lang.t("恢复", "restore")
        case .change: lang.t("修改", "change")
        }
    }

    /// Columns as a person names them, and how their stored values read.
    static let columnNames: [String: (zh: String, en: String)] = [
        "date": ("日期", "date"), "count": ("人次", "count"), "channel": ("渠道", "channel"),
        "method": ("统计方式", "method"), "note": ("备注", "note"), "event_id": ("活动", "event"),
        "line": ("支出明细", "line"), "amount_fen": ("金额", "amount"), "item": ("摘要", "item"),
        "invoice": ("发票号", "invoice"), "payee": ("收款方", "payee"), "title": ("名称", "title"),
        "ink": ("类型", "ink"), "copies": ("份数", "copies"), "unit_price_fen": ("单价", "unit price"),
        "responses": ("回收份数", "responses"), "satisfied": ("满意份数", "satisfied"),
        "metric": ("测量名称", "metric"), "value_e4": ("数值", "value"), "source": ("来源", "source"),
        "name": ("姓名", "name"), "phone": ("手机", "phone"), "org_id": ("志愿组织", "organization"),
        "platform_no": ("平台编号", "platform no."), "hours_centi": ("时长", "hours"), "role": ("岗位", "role"),
        "kind": ("类型", "kind"), "major": ("大型活动", "major"), "start_date": ("开始", "start"),
        "end_date": ("结束", "end"), "venue": ("地点", "venue"), "parent_id": ("所属活动", "parent"),
        "unit_id": ("单位", "unit"), "volunteer_id": ("志愿者", "volunteer"),
        "form": ("活动形式", "form"), "project": ("支出方向", "project"), "question": ("问卷题目", "question"),
        "file_name": ("文件名", "file name"), "size": ("大小", "size"), "cost_id": ("费用", "cost"),
        "year": ("年度", "year"), "reason": ("原因", "reason"), "rows": ("行数", "rows"),
        "indicator": ("指标", "indicator"), "measures": ("改进措施", "measures"),
        "score_e4": ("人工评分", "manual score"), "score_why": ("评分理由", "why that score"),
        "actual_text": ("实际完成值", "actual"), "spent_fen": ("基本支出", "spent"),
        "volunteers": ("志愿者人数", "volunteers"), "orgs": ("志愿组织数", "organizations"),
        "period_start": ("执行期开始", "period start"), "period_end": ("执行期结束", "period end"),
        "source_name": ("文件名", "file name"), "imported_at": ("导入时间", "imported at"),
        "replaced_at": ("被替换时间", "replaced at"),
        "locked_on": ("封账日期", "locked on"), "locked_at": ("封账时间", "locked at"),
        "locked_by": ("封账人", "locked by"), "unlocked_at": ("解除时间", "unlocked at"),
        "unlock_reason": ("解除原因", "unlock reason"), "unlocked_by": ("解除人", "unlocked by"),
        "password_changed_at": ("改密码时间", "password changed at"), "disabled_at": ("停用时间", "disabled at"),
        "revoked_at": ("作废时间", "revoked at"), "last_used_at": ("最近使用", "last used"),
        "opens_at": ("开放时间", "opens"), "closes_at": ("截止时间", "closes"), "closed_at": ("关闭时间", "closed at"),
        "survey": ("满意度问卷", "survey"), "live": ("现场验证码", "live code"), "expected": ("预计人数", "expected"),
        "restored_at": ("恢复时间", "restored at"), "restore_reason": ("恢复原因", "restore reason"),
    ]

    /// A column that means something else in one table than in the others, as that table names it.
    static let tableColumnNames: [String: [String: (zh: String, en: String)]] = [
        "app_user": ["name": ("用户名", "name"), "role": ("角色", "role")],
        "organization": ["name": ("名称", "name")],
        "unit": ["name": ("名称", "name")],
        "door": ["volunteers": ("志愿者名额", "volunteer places")],
        "void_batch": ["reason": ("作废原因", "void reason")],
        "year_lock": ["reason": ("封账原因", "lock reason")],
        "budget_adjustment": ["reason": ("调整原因", "reason"), "amount_fen": ("调整金额", "amount")],
        "note": ["reason": ("偏差原因", "deviation reason")],
        "setting": ["key": ("设置项", "setting"), "value": ("设定值", "value")],
    ]

    /// Columns a row's changes never show: when a row was written, what a void already says, digests,
    /// secrets, a plan's whole text, and the numbers of rows of the store's own tables. None of them
    /// tells a clerk what changed.
    static let hiddenColumns: Set<String> = [
        "id", "voided_at", "void_reason", "void_batch", "created_at", "updated_at", "sha256", "source_sha256",
        "source_text", "token_hash", "password_hash", "secret", "import_id", "replaced_by", "user_id",
        "root_entity", "root_id", "at",
    ]

    /// Columns that hold 0 or 1 for no or yes.
    static let flagColumns: Set<String> = ["major", "survey", "live"]

    /// A column as the table's row names it; a column kepu has no word for is "another field", never its
    /// code.
    static func columnName(_ table: String, _ column: String, _ lang: Language) -> String {
        guard let name = tableColumnNames[table]?[column] ?? columnNames[column] else {
            return lang.t("其他字段", "another field")
        }
        return lang == .zh ? name.zh : name.en
    }

    /// A stored code of a closed vocabulary, as the language names it.
    static func vocabularyWord(_ table: String, _ column: String, _ code: String, _ lang: Language) -> String? {
        func word<V: Vocabulary>(_ type: V.Type) -> String? { V(rawValue: code).map { lang.vocabulary($0) } }
        switch column {
        case "kind" where table == "import_file": return AuditWords.importName(code, lang)
        case "kind": return word(EventKind.self) ?? word(EvidenceKind.self)
        case "form": return word(EventForm.self)
        case "channel": return word(Channel.self)
        case "method": return word(CountMethod.self)
        case "ink": return word(Ink.self)
        case "role" where table == "app_user": return UserRole(rawValue: code).map { lang.t($0.chinese, $0.rawValue) }
        default: return nil
        }
    }

    static func value(_ column: String, _ v: Any?) -> String {
        guard let v, !(v is NSNull) else { return "—" }
        switch column {
        case "amount_fen", "unit_price_fen", "spent_fen":
            return (v as? Int).map { Money(fen: Int64($0)).description } ?? "\(v)"
        case "value_e4", "score_e4": return (v as? Int).map { Fixed(raw: Int64($0)).description } ?? "\(v)"
        case "hours_centi": return (v as? Int).map { Figures.hours(Int64($0)) } ?? "\(v)"
        case "size": return (v as? Int).map { Catalogue.bytes(Int64($0)) } ?? "\(v)"
        default: return "\(v)"
        }
    }

    /// A value of an audit row's column as a clerk reads it: names for codes (a line, an indicator, a
    /// project, an event, a unit), words for a vocabulary's codes and for yes/no flags, money in 元, and times in
    /// local time to the minute, never as stored (`2026-12-07T15:29:15Z`).
    static func shown(
        _ v: Any?, table: String, column k: String, lang: Language, names: RecordNames, timeZone: TimeZone
    ) -> String {
        guard let v, !(v is NSNull) else { return "—" }
        if let code = v as? String {
            if k == "line" { return names.lines[code] ?? code }
            if k == "indicator" { return names.indicators[code] ?? code }
            if k == "project" { return names.projects[code] ?? code }
            if k == "key", table == "setting" { return AuditWords.settingName(code, lang) ?? lang.t("设置", "a setting") }
            if let word = vocabularyWord(table, k, code, lang) { return word }
            if let time = minute(code, timeZone) { return time }
        }
        if let n = v as? Int {
            if k == "event_id" || k == "parent_id", let title = names.events[Int64(n)] { return "\(n) \(title)" }
            if k == "unit_id", let name = names.units[Int64(n)] { return name }
            if flagColumns.contains(k) { return n == 0 ? lang.t("否", "no") : lang.t("是", "yes") }
        }
        return value(k, v)
    }

    /// `金额 2,500.00元 → 2,600.00元；摘要 授课费 → 讲课费` from an audit row's before and after; a void
    /// shows its reason. Every column is named in words, or not shown (`hiddenColumns`).
    static func changes(
        _ e: AuditEntry, lang: Language = .zh, names: RecordNames = .none, timeZone: TimeZone = .current
    ) -> String {
        func decode(_ s: String?) -> [String: Any] {
            guard let s, let d = s.data(using: .utf8),
                let o = try? JSONSerialization.jsonObject(with: d) as? [String: Any]
            else { return [:] }
            return o
        }
        func show(_ v: Any?) -> String {
            guard let v, !(v is NSNull) else { return "—" }
            return "\(v)"
        }
        let before = decode(e.before)
        let after = decode(e.after)
        if e.before == nil { return "" }
        if e.action == .void { return lang.t("原因：", "reason: ") + show(after["void_reason"]) }
        let keys = Set(before.keys).union(after.keys).subtracting(hiddenColumns)
            .filter { show(before[$0]) != show(after[$0]) }.sorted()
        return keys.map { k in
            func shown(_ v: Any?) -> String {
                Self.shown(v, table: e.entity, column: k, lang: lang, names: names, timeZone: timeZone)
            }
            return "\(columnName(e.entity, k, lang)) \(shown(before[k])) → \(shown(after[k]))"
        }.joined(separator: lang.t("；", "; "))
    }

    /// A stored time as a clerk reads it, to the minute: a UTC stamp (`2026-12-07T15:29:15Z`) in
    /// `timeZone`, a door's local minute (`2026-12-07T08:30`) as it is; nil for a text that is no time.
    static func minute(_ text: String, _ timeZone: TimeZone = .current) -> String? {
        let d = Array(text.utf8)
        guard d.count == 16 || d.count == 20, d[4] == 0x2D, d[7] == 0x2D, d[10] == 0x54, d[13] == 0x3A else {
            return nil
        }
        if d.count == 16 { return Door.display(text) }
        let local = localTime(text, timeZone)
        return local == text ? nil : String(local.prefix(16))
    }

    /// `2023-09-16T08:30:00Z` in the machine's zone: `2023-09-16 16:30`.
    public static func localTime(_ iso: String, _ timeZone: TimeZone = .current) -> String {
        // By arithmetic on the digits: a formatter made for each row of a 50-row page cost most of
        // the page (two ICU formatters a row).
        let d = Array(iso.utf8)
        func number(_ from: Int, _ count: Int) -> Int? {
            var n = 0
            for i in from..<from + count {
                guard d[i] >= 0x30, d[i] <= 0x39 else { return nil }
                n = n * 10 + Int(d[i] - 0x30)
            }
            return n
        }
        guard d.count == 20, d[4] == 0x2D, d[7] == 0x2D, d[10] == 0x54, d[13] == 0x3A, d[16] == 0x3A, d[19] == 0x5A,
            let y = number(0, 4), let mo = number(5, 2), let da = number(8, 2), let h = number(11, 2),
            let mi = number(14, 2), let se = number(17, 2), (1...12).contains(mo), (1...31).contains(da), h < 24,
            mi < 60, se < 61, let day = CalendarDate(year: y, month: mo, day: da)
        else { return iso }
        let utc = Int64(day.dayNumber) * 86_400 + Int64(h * 3600 + mi * 60 + se)
        let epoch = utc - Int64(CalendarDate(year: 1970, month: 1, day: 1)!.dayNumber) * 86_400
        let local = utc + Int64(timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(epoch))))
        let (days, seconds) = local.quotientAndRemainder(dividingBy: 86_400)
        let date = CalendarDate(dayNumber: Int(days))
        func two(_ n: Int64) -> String { n < 10 ? "0\(n)" : String(n) }
        return "\(date) \(two(seconds / 3600)):\(two(seconds % 3600 / 60)):\(two(seconds % 60))"
    }
}
