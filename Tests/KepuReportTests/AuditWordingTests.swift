import Foundation
import Testing

@testable import KepuCore
@testable import KepuReport

/// Issue 32, "Codes never reach a clerk": the audit trail (操作记录) read a row of a table that is no
/// record kind by the table's name (`新增void_batch 1`, `修改door 1：closed_at — → 2026-12-07T15:29:15Z`)
/// and a note by its indicator's id. Every table the store audits, each way a row of it is written,
/// must read in words, in Chinese and in English: no table, no column, no time as stored.
@Suite struct AuditWordingTests {
    typealias Snapshot = [String: JSONValue]

    /// Every table whose rows the audit trail holds: the records written through `Ledger.insert` and
    /// `Ledger.update`, and the rows the services write with `appendAudit` of their own.
    static let tables = [
        "event", "attendance", "cost", "print_run", "survey", "measurement", "volunteer", "signup", "evidence",
        "plan", "import_file", "note", "baseline", "organization", "unit", "app_user", "year_lock",
        "budget_adjustment", "basic_spending", "void_batch", "api_token", "door", "door_visit", "volunteer_call",
        "login", "backup", "setting",
    ]

    /// The tables issue 32 found read by their names, and those whose detail it found a code in: they
    /// must read in words even where the page knows no names (the command line's `kepu log`).
    static let wordedWithoutNames: Set<String> = [
        "void_batch", "api_token", "door", "door_visit", "volunteer_call", "login", "backup", "note", "plan",
        "setting",
    ]

    /// What the web's pages know: line, event, indicator, unit and project names.
    static let names = RecordNames(
        lines: ["commission": "活动委托费", "printing": "资料排版复印"],
        events: [2: "科技活动周", 3: "全国科普日主场活动"],
        measurements: ["literacy-rate": "提高全区人民科学文化素质"],
        indicators: ["volunteers": "全民投入科普志愿服务"],
        units: [1: "株洲市石峰区科学技术协会"],
        projects: ["kepu-day": "科普日活动经费", "contest": "科普竞赛经费"])

    static let shanghai = TimeZone(identifier: "Asia/Shanghai")!
    /// Times as the store writes them (UTC).
    static let written = "2026-12-07T15:24:03Z"
    static let later = "2026-12-07T15:29:15Z"

    /// One audited table: a row as first written, what a change writes over it (nil: its rows are never
    /// changed), and whether its rows are voided and restored.
    struct Table {
        var name: String
        var id: Int64?
        var live: Snapshot
        var change: Snapshot?
        var voidable: Bool = false
    }

    /// The columns a voidable record has while it is live.
    static let live: Snapshot = [
        "created_at": .string(written), "voided_at": .null, "void_reason": .null, "void_batch": .null,
    ]

    /// A voidable record's columns: `fields` and those it has while live.
    static func ledgerRecord(_ fields: Snapshot) -> Snapshot { live.merging(fields) { $1 } }

    /// The records of every table, as the store snapshots them (its columns, snake case, no secrets).
    static var records: [Table] {
        [
            Table(
                name: "event", id: 3,
                live: ledgerRecord([
                    "id": .int(3), "unit_id": .int(1), "parent_id": .null, "title": .string("全国科普日主场活动"),
                    "kind": .string("science-day"), "form": .string("exhibition"), "major": .int(1),
                    "start_date": .string("2026-09-16"), "end_date": .string("2026-09-17"),
                    "venue": .string("区科技馆"), "project": .string("kepu-day"),
                ]),
                change: [
                    "title": .string("全国科普日主场"), "kind": .string("science-month"), "form": .string("lecture"),
                    "major": .int(0), "parent_id": .int(2), "project": .string("contest"),
                    "venue": .string("区文化中心"), "end_date": .string("2026-09-18"),
                ], voidable: true),
            Table(
                name: "attendance", id: 11,
                live: ledgerRecord([
                    "id": .int(11), "event_id": .int(3), "date": .string("2026-09-16"), "count": .int(320),
                    "channel": .string("onsite"), "method": .string("headcount"), "note": .null, "import_id": .null,
                ]),
                change: [
                    "count": .int(350), "channel": .string("online"), "method": .string("estimate"),
                    "note": .string("补录线上直播"),
                ], voidable: true),
            Table(
                name: "cost", id: 7,
                live: ledgerRecord([
                    "id": .int(7), "unit_id": .int(1), "line": .string("commission"), "event_id": .int(3),
                    "item": .string("授课费"), "amount_fen": .int(320_000), "date": .string("2026-09-16"),
                    "invoice": .string("04411234"), "payee": .string("区科普讲师团"), "import_id": .null,
                ]),
                change: [
                    "amount_fen": .int(210_000), "line": .string("printing"), "event_id": .int(2),
                    "invoice": .string("04415678"),
                ], voidable: true),
            Table(
                name: "print_run", id: 2,
                live: ledgerRecord([
                    "id": .int(2), "unit_id": .int(1), "line": .string("printing"), "title": .string("防诈骗宣传折页"),
                    "ink": .string("color"), "copies": .int(2000), "unit_price_fen": .int(100), "event_id": .int(3),
                    "date": .string("2026-09-10"),
                ]),
                change: ["ink": .string("mono"), "copies": .int(6000), "unit_price_fen": .int(50)], voidable: true),
            Table(
                name: "survey", id: 4,
                live: ledgerRecord([
                    "id": .int(4), "event_id": .int(3), "date": .string("2026-09-16"), "responses": .int(120),
                    "satisfied": .int(115), "import_id": .null, "question": .null,
                ]),
                change: ["responses": .int(118), "satisfied": .int(112), "question": .string("5、您对本次活动满意吗")],
                voidable: true),
            Table(
                name: "measurement", id: 1,
                live: ledgerRecord([
                    "id": .int(1), "unit_id": .int(1), "metric": .string("literacy-rate"), "value_e4": .int(98_000),
                    "date": .string("2026-11-30"), "source": .string("市科协抽样调查"),
                ]),
                change: ["value_e4": .int(105_000), "source": .string("省科协抽样调查")], voidable: true),
            Table(
                name: "volunteer", id: 9,
                live: ledgerRecord([
                    "id": .int(9), "name": .string("李华"), "phone": .string("13800000010"), "org_id": .int(2),
                    "platform_no": .string("ZY2026001"), "import_id": .null,
                ]),
                change: ["phone": .string("13800000001"), "org_id": .int(3), "platform_no": .string("ZY2026002")],
                voidable: true),
            Table(
                name: "signup", id: 13,
                live: ledgerRecord([
                    "id": .int(13), "volunteer_id": .int(9), "event_id": .int(3), "date": .string("2026-09-16"),
                    "hours_centi": .int(250), "role": .string("引导员"), "import_id": .null,
                ]),
                change: ["hours_centi": .int(450), "role": .string("讲解员")], voidable: true),
            Table(
                name: "evidence", id: 6,
                live: ledgerRecord([
                    "id": .int(6), "sha256": .string(String(repeating: "ab", count: 32)),
                    "file_name": .string("科普日签到表.jpg"), "size": .int(850_000), "kind": .string("signin"),
                    "event_id": .int(3), "cost_id": .null,
                ]),
                change: ["kind": .string("photo"), "cost_id": .int(7)], voidable: true),
            Table(
                name: "plan", id: 2,
                live: [
                    "id": .int(2), "unit_id": .int(1), "year": .int(2026), "period_start": .string("2026-01-01"),
                    "period_end": .string("2026-12-31"), "source_name": .string("2026年绩效目标表.xlsx"),
                    "source_text": .string("unit: 株洲市石峰区科学技术协会\nyear: 2026\n"),
                    "source_sha256": .string(String(repeating: "cd", count: 32)), "imported_at": .string(written),
                    "replaced_at": .null, "replaced_by": .null,
                ],
                change: ["replaced_at": .string(later), "replaced_by": .int(3)]),
            Table(
                name: "import_file", id: 4,
                live: [
                    "id": .int(4), "kind": .string("signin"), "file_name": .string("科普日签到表.xlsx"),
                    "sha256": .string(String(repeating: "ef", count: 32)), "rows": .int(320),
                    "imported_at": .string(written), "attendance_id": .int(11),
                ]),
            Table(
                name: "note", id: 3,
                live: [
                    "id": .int(3), "unit_id": .int(1), "year": .int(2026), "indicator": .string("volunteers"),
                    "reason": .string("志愿者招募推迟"), "measures": .string("下半年集中招募"), "score_e4": .null,
                    "score_why": .null, "updated_at": .string(written), "actual_text": .null,
                ],
                change: [
                    "score_e4": .int(80_000), "score_why": .string("按完成比例打分"),
                    "actual_text": .string("志愿者增加120人"), "updated_at": .string(later),
                ]),
            Table(
                name: "baseline", id: 1,
                live: [
                    "id": .int(1), "unit_id": .int(1), "year": .int(2025), "volunteers": .int(1200), "orgs": .int(15),
                    "updated_at": .string(written),
                ],
                change: ["volunteers": .int(1350), "orgs": .int(17), "updated_at": .string(later)]),
            Table(
                name: "organization", id: 2,
                live: ["id": .int(2), "name": .string("石峰区科普志愿者协会"), "created_at": .string(written)],
                change: ["name": .string("石峰区科普志愿服务队")]),
            Table(
                name: "unit", id: 1, live: ["id": .int(1), "name": .string("株洲市石峰区科学技术协会")],
                change: ["name": .string("石峰区科协")]),
            Table(
                name: "app_user", id: 2,
                live: [
                    "id": .int(2), "name": .string("李干事"), "role": .string("clerk"), "created_at": .string(written),
                    "password_changed_at": .string(written), "disabled_at": .null,
                ],
                change: [
                    "role": .string("reviewer"), "password_changed_at": .string(later), "disabled_at": .string(later),
                ]),
            Table(
                name: "year_lock", id: 1,
                live: [
                    "id": .int(1), "year": .int(2025), "locked_on": .string("2026-01-15"),
                    "reason": .string("已报送财政局"), "locked_at": .string(written), "locked_by": .string("张主任"),
                    "unlocked_at": .null, "unlock_reason": .null, "unlocked_by": .null,
                ],
                change: [
                    "unlocked_at": .string(later), "unlock_reason": .string("财政局退回，更正人次"),
                    "unlocked_by": .string("张主任"),
                ]),
            Table(
                name: "budget_adjustment", id: 2,
                live: [
                    "id": .int(2), "unit_id": .int(1), "year": .int(2026), "line": .null,
                    "amount_fen": .int(3_500_000), "date": .string("2026-07-01"), "reason": .string("追加预算"),
                    "created_at": .string(written), "voided_at": .null, "void_reason": .null,
                    "project": .string("kepu-day"),
                ],
                change: ["amount_fen": .int(3_600_000), "project": .string("contest")], voidable: true),
            Table(
                name: "basic_spending", id: 1,
                live: [
                    "id": .int(1), "unit_id": .int(1), "year": .int(2026), "spent_fen": .int(52_200_000),
                    "source": .string("财务系统导出"), "updated_at": .string(written),
                ],
                change: ["spent_fen": .int(52_620_000), "updated_at": .string(later)]),
            Table(
                name: "void_batch", id: 5,
                live: [
                    "id": .int(5), "at": .string(written), "reason": .string("重复录入"),
                    "root_entity": .string("event"), "root_id": .int(3), "restored_at": .null,
                    "restore_reason": .null,
                ],
                change: ["restored_at": .string(later), "restore_reason": .string("误作废")]),
            Table(
                name: "api_token", id: 4,
                live: [
                    "id": .int(4), "user_id": .int(2), "created_at": .string(written), "revoked_at": .null,
                    "last_used_at": .null,
                ],
                change: ["revoked_at": .string(later), "last_used_at": .string("2026-12-07T15:00:00Z")]),
            Table(
                name: "door", id: 1,
                live: [
                    "id": .int(1), "event_id": .int(3), "opens_at": .string("2026-12-07T07:00"),
                    "closes_at": .string("2026-12-07T22:00"), "survey": .int(1), "volunteers": .int(20),
                    "created_at": .string(written), "closed_at": .null, "live": .int(0), "expected": .null,
                ],
                change: ["closed_at": .string(later)]),
            Table(
                name: "setting", id: 1,
                live: [
                    "id": .int(1), "key": .string("public_address"), "value": .string("http://192.168.1.20:8080"),
                    "updated_at": .string(written),
                ],
                change: ["value": .string("http://192.168.1.21:8080"), "updated_at": .string(later)]),
            Table(
                name: "volunteer_call", id: 7,
                live: [
                    "event_id": .int(3), "door_id": .int(1), "name": .string("王芳"),
                    "org": .string("石峰区科普志愿者协会"),
                ]),
        ]
    }

    /// The rows that record an act, written once with no before: a door's held sign-ins let in and a
    /// span of them voided, a volunteer's answer turned down, sign-in paused and resumed, a backup.
    static var acts: [(entity: String, id: Int64?, after: Snapshot)] {
        [
            ("door_visit", nil, ["event_id": .int(3), "accepted": .int(5), "counted": .int(4)]),
            (
                "door_visit", nil,
                [
                    "event_id": .int(3), "from": .string("2026-12-07T10:00"), "until": .string("2026-12-07T11:00"),
                    "address": .string("2409:8a4c:1f2::/64"), "reason": .string("同一地址刷签到"),
                    "voided_counted": .int(40), "voided_held": .int(12), "voided_answers": .int(30),
                ]
            ),
            ("volunteer_call", 7, ["event_id": .int(3), "rejected": .bool(true), "reason": .string("重复报名")]),
            (
                "login", nil,
                [
                    "name": .string("李干事"), "address": .string("192.168.1.23"), "lockout": .bool(true),
                    "failures": .int(5),
                ]
            ),
            ("login", nil, ["name": .string("李干事"), "unlocked": .int(5)]),
            (
                "backup", 3,
                [
                    "path": .string("/srv/kepu/备份/kepu-20261207-153000.tar"), "bytes": .int(13_002_342),
                    "evidence": .int(120), "missing_evidence": .int(2),
                ]
            ),
        ]
    }

    static func text(_ s: Snapshot?) -> String? { s.map { JSONValue.object($0).render() } }

    static func entry(_ entity: String, _ id: Int64?, _ before: Snapshot?, _ after: Snapshot?, _ command: String)
        -> AuditEntry
    {
        AuditEntry(
            id: 1, at: written, operatorName: "李干事", command: command, entity: entity, entityID: id,
            before: text(before), after: text(after), hash: "")
    }

    /// A table's rows, each with the action it must read as: added, changed, voided and restored.
    static func rows(of t: Table) -> [(AuditEntry, AuditEntry.Action)] {
        var out = [(entry(t.name, t.id, nil, t.live, "kepu add"), AuditEntry.Action.add)]
        if let change = t.change {
            let after = t.live.merging(change) { $1 }
            out.append((entry(t.name, t.id, t.live, after, "kepu edit --reason 录入有误"), .change))
        }
        if t.voidable {
            let voiding: Snapshot = ["voided_at": .string(later), "void_reason": .string("重复录入")]
            let voided = t.live.merging(voiding) { $1 }
            out.append((entry(t.name, t.id, t.live, voided, "kepu void --reason 重复录入"), .void))
            out.append((entry(t.name, t.id, voided, t.live, "kepu restore --reason 误作废"), .restore))
        }
        return out
    }

    /// Every row of the test, with the action it must read as.
    static var allRows: [(AuditEntry, AuditEntry.Action)] {
        let added = acts.map { (entry($0.entity, $0.id, nil, $0.after, "kepu"), AuditEntry.Action.add) }
        return records.flatMap { rows(of: $0) } + added
    }

    /// What in a sentence is a code rather than a word, or nil: an identifier (`closed_at`,
    /// `literacy-rate`), a time as stored (`2026-12-07T15:29:15Z`), or a table's name as a word of its
    /// own (in English only those that are no English word: "event", "door", "backup" are).
    static func code(in sentence: String, _ lang: Language) -> String? {
        var s = sentence
        // Hyphenated English words, not codes.
        if lang == .en {
            for w in ["sign-ins", "sign-in", "sign-ups", "sign-up"] { s = s.replacingOccurrences(of: w, with: " ") }
        }
        if let m = s.firstMatch(of: #/[a-z]+[-_][a-z]+/#) { return String(m.output) }
        if let m = s.firstMatch(of: #/\d{4}-\d{2}-\d{2}T|\d{2}Z(?![A-Za-z])/#) { return String(m.output) }
        return tables.first { (lang == .zh || $0.contains("_")) && containsWord(s, $0) }
    }

    /// Whether `word` stands in `s` on its own, not inside a longer ASCII word.
    static func containsWord(_ s: String, _ word: String) -> Bool {
        func isPart(_ c: Character?) -> Bool { c.map { $0.isASCII && ($0.isLetter || $0 == "_") } ?? false }
        var rest = s[...]
        while let r = rest.range(of: word) {
            let before = r.lowerBound == s.startIndex ? nil : s[s.index(before: r.lowerBound)]
            let after = r.upperBound == s.endIndex ? nil : s[r.upperBound]
            if !isPart(before) && !isPart(after) { return true }
            rest = s[r.upperBound...]
        }
        return false
    }

    /// The test's rows are what they claim: each reads as its action, and every table has rows.
    @Test func everyAuditedTableHasRowsOfEachAction() {
        let rows = Self.allRows
        for (e, action) in rows { #expect(e.action == action, "\(e.entity): \(e.before ?? "") → \(e.after ?? "")") }
        #expect(Set(rows.map { $0.0.entity }) == Set(Self.tables))
    }

    /// Every table is named in words in both languages (in Chinese, no Latin letter at all), never by its
    /// table name; a table kepu does not know reads as a record.
    @Test func everyAuditedTableHasAName() {
        for table in Self.tables + ["session_token"] {
            let zh = AuditWords.entityName(table, .zh)
            #expect(!zh.isEmpty && !zh.contains(where: { $0.isASCII && $0.isLetter }), "\(table): \(zh)")
            let en = AuditWords.entityName(table, .en)
            #expect(!en.isEmpty && Self.code(in: en, .en) == nil, "\(table): \(en)")
        }
        #expect(AuditWords.entityName("session_token", .zh) == "记录")
        #expect(AuditWords.entityName("session_token", .en) == "record")
    }

    /// Issue 32: every row of every audited table, added, changed, voided and restored, reads in words
    /// in Chinese and in English, with the names the web knows and, for the tables the issue found,
    /// without them.
    @Test func everyAuditedRowReadsInWords() {
        for (e, _) in Self.allRows {
            for lang in Language.allCases {
                var namesToTry = [Self.names]
                if Self.wordedWithoutNames.contains(e.entity) { namesToTry.append(.none) }
                for names in namesToTry {
                    let s = AuditWords.sentence(e, lang: lang, names: names, timeZone: Self.shanghai)
                    #expect(!s.isEmpty, "\(e.entity) \(e.action) (\(lang))")
                    let code = Self.code(in: s, lang)
                    #expect(code == nil, "\(e.entity) \(e.action) (\(lang)) shows \(code ?? ""): \(s)")
                }
            }
        }
    }

    /// The sentences the clerk of issue 32 saw, as they read now.
    @Test func theIssuesSentencesReadInWords() {
        func sentence(_ entity: String, _ action: AuditEntry.Action, _ lang: Language = .zh) -> String {
            let (e, _) = Self.allRows.first { $0.0.entity == entity && $0.1 == action }!
            return AuditWords.sentence(e, lang: lang, names: Self.names, timeZone: Self.shanghai)
        }
        #expect(sentence("door", .add) == "新增扫码签到入口 1（活动 3 全国科普日主场活动）")
        #expect(sentence("door", .add, .en) == "added sign-in door 1 (event 3 全国科普日主场活动)")
        #expect(
            sentence("door", .change)
                == "修改扫码签到入口 1（活动 3 全国科普日主场活动）：关闭时间 — → 2026-12-07 23:29，原因：录入有误")
        #expect(sentence("void_batch", .add) == "新增作废记录 5（活动 3 全国科普日主场活动，原因：重复录入）")
        #expect(sentence("note", .add) == "新增说明 3（全民投入科普志愿服务）")
        #expect(sentence("note", .add, .en) == "added note 3 (全民投入科普志愿服务)")
        #expect(sentence("plan", .add) == "新增计划 2（2026年，株洲市石峰区科学技术协会）")
        #expect(sentence("year_lock", .add) == "新增封账 1（2025年）")
        // Without the plan's names a note still names no code: its year.
        let (note, _) = Self.allRows.first { $0.0.entity == "note" }!
        #expect(AuditWords.sentence(note, lang: .zh) == "新增说明 3（2026年的一项指标）")
    }

    /// A record kind's sentence reads as it did before issue 32.
    @Test func aRecordKindReadsAsBefore() {
        let (cost, _) = Self.allRows.first { $0.0.entity == "cost" && $0.1 == .add }!
        #expect(
            AuditWords.sentence(cost, lang: .zh, names: Self.names)
                == "新增费用 7（活动委托费，授课费，3,200.00元）")
        let (event, _) = Self.allRows.first { $0.0.entity == "event" && $0.1 == .void }!
        #expect(
            AuditWords.sentence(event, lang: .zh, names: Self.names)
                == "作废活动 3（全国科普日主场活动），原因：重复录入")
    }

    /// A change names each field in words and shows each time in local time to the minute: a UTC stamp
    /// converted, a door's local minute as it is. A column kepu has no word for is not shown by its
    /// name; the store's own columns (hashes, ids of its tables, when a row was written) not at all.
    @Test func aChangeNamesFieldsAndLocalTimes() {
        let before: Snapshot = [
            "opens_at": .string("2026-12-07T07:00"), "closes_at": .string("2026-12-07T22:00"),
            "created_at": .string(Self.written), "token_hash": .string("ab12"), "frame_rate": .int(25),
            "survey": .int(1),
        ]
        let after: Snapshot = [
            "opens_at": .string("2026-12-07T08:00"), "closes_at": .string("2026-12-07T18:00"),
            "created_at": .string(Self.later), "token_hash": .string("cd34"), "frame_rate": .int(30),
            "survey": .int(0),
        ]
        let e = Self.entry("door", 1, before, after, "kepu")
        let zh = RecordTables.changes(e, lang: .zh, names: Self.names, timeZone: Self.shanghai)
        #expect(
            zh == "截止时间 2026-12-07 22:00 → 2026-12-07 18:00；其他字段 25 → 30；开放时间 2026-12-07 07:00 → "
                + "2026-12-07 08:00；满意度问卷 是 → 否")
        let en = RecordTables.changes(e, lang: .en, names: Self.names, timeZone: Self.shanghai)
        #expect(en.contains("opens 2026-12-07 07:00 → 2026-12-07 08:00") && en.contains("survey yes → no"))
        for text in [zh, en] {
            #expect(!text.contains("frame_rate") && !text.contains("token") && !text.contains("T0"), "\(text)")
        }
    }

    /// A void's row brings the event it started from to the page's names, so that its sentence can
    /// give the event's title.
    @Test func aVoidsEventIsAmongThePagesEvents() {
        let (batch, _) = Self.allRows.first { $0.0.entity == "void_batch" }!
        #expect(AuditWords.events(in: [batch]) == [3])
    }
}
