import Foundation
import KepuCore

/// The audit trail in words: what each row did, said as a person would ("修改了费用 12（授课费）：金额
/// 2,100.00 → 1,200.00；原因：发票金额录错"), from the row's kind, its before and after, and the reason
/// its command carried. The command itself stays in the row, shown on request.
///
/// A row names its table (`door`, `void_batch`, `app_user` …), and a table's name is a code no clerk
/// should meet: every table the store audits is named here in words, and a table kepu does not know
/// yet reads as "记录" (a record), never as itself.
public enum AuditWords {
    /// One row as a sentence. Times in it are local (`timeZone`), to the minute.
    public static func sentence(
        _ e: AuditEntry, lang: Language, names: RecordNames = .none, timeZone: TimeZone = .current
    ) -> String {
        let kind = recordKind(e.entity)
        let before = object(e.before)
        let after = object(e.after)
        let record = after ?? before ?? [:]
        // A row that records an act rather than one record's life reads as that act.
        if kind == nil, let done = act(e.entity, record, lang, names) { return done }
        let number = e.entityID.map { " \($0)" } ?? ""
        let what = entityName(e.entity, lang) + number
        let about = detail(e.entity, kind, record, lang, names).map { lang.t("（\($0)）", " (\($0))") } ?? ""
        let reason = reason(in: e.command)
        switch e.action {
        case .add:
            if kind == .importFile {
                let k = importName(record["kind"] as? String ?? "", lang)
                let file = record["file_name"] as? String ?? ""
                let rows = record["rows"] as? Int ?? 0
                return lang.t(
                    "导入\(k) \(file)：\(rows) 行", "imported \(k) \(file): \(rows) \(rows == 1 ? "row" : "rows")")
            }
            // A volunteer's answer turned down is written as a row of its own, with the reason.
            if e.entity == "volunteer_call", record["rejected"] != nil {
                return lang.t("拒绝\(what)\(about)", "turned down \(what)\(about)")
                    + because((record["reason"] as? String) ?? reason, lang)
            }
            return lang.t("新增\(what)\(about)", "added \(what)\(about)")
        case .void:
            let why = (after?["void_reason"] as? String) ?? reason
            return lang.t("作废\(what)\(about)", "voided \(what)\(about)") + because(why, lang)
        case .restore:
            return lang.t("恢复\(what)\(about)", "restored \(what)\(about)") + because(reason, lang)
        case .change:
            let changes = RecordTables.changes(e, lang: lang, names: names, timeZone: timeZone)
            return lang.t("修改\(what)\(about)", "changed \(what)\(about)")
                + (changes.isEmpty ? "" : lang.t("：", ": ") + changes)
                + because(reason, lang)
        }
    }

    /// `，原因：…` after a sentence, when there is a reason.
    static func because(_ why: String?, _ lang: Language) -> String {
        why.map { lang.t("，原因：\($0)", "; reason: \($0)") } ?? ""
    }

    /// The kind of record an audit row's table holds, where it is one a message can name (the users'
    /// table is `app_user`).
    static func recordKind(_ entity: String) -> RecordKind? {
        RecordKind(rawValue: entity == "app_user" ? "user" : entity)
    }

    /// An audited table as a person names it, in the sentence's language: a record kind by the
    /// catalogue's name, the other tables by their own words, and a table kepu does not know as a
    /// record. Never the table's name, which is a code.
    public static func entityName(_ entity: String, _ lang: Language) -> String {
        if let kind = recordKind(entity) { return Catalogue.recordName(kind, lang) }
        switch entity {
        case "door": return lang.t("扫码签到入口", "sign-in door")
        case "door_visit": return lang.t("扫码签到", "door sign-ins")
        case "volunteer_call": return lang.t("志愿者扫码报名", "volunteer answer")
        case "void_batch": return lang.t("作废记录", "void")
        case "api_token": return lang.t("接口令牌", "API token")
        case "login": return lang.t("登录", "sign-in")
        case "backup": return lang.t("备份", "backup")
        case "setting": return lang.t("设置", "setting")
        default: return lang.t("记录", "record")
        }
    }

    /// What names the row's record in brackets: the catalogue's label of a record kind, or the
    /// detail of another table's row.
    static func detail(
        _ entity: String, _ kind: RecordKind?, _ r: [String: Any], _ lang: Language, _ names: RecordNames
    ) -> String? {
        if let kind { return label(kind, r, lang, names) }
        return otherLabel(entity, r, lang, names)
    }

    /// What names a row of a table that is no record kind: a door by its event, a volunteer's answer
    /// by the name given and the event, a void by the record it started from and its reason, an API
    /// token by its user, a setting by what it sets.
    static func otherLabel(_ entity: String, _ r: [String: Any], _ lang: Language, _ names: RecordNames) -> String? {
        let event = (r["event_id"] as? Int).map { eventName($0, lang, names) }
        switch entity {
        case "door": return event
        case "volunteer_call": return phrase([text(r, "name"), event], lang)
        case "void_batch": return voidLabel(r, lang, names)
        case "api_token": return (r["user_id"] as? Int).map { lang.t("用户 \($0)", "user \($0)") }
        case "setting": return text(r, "key").flatMap { settingName($0, lang) }
        default: return nil
        }
    }

    /// A setting as the 设置 page names it (`setting.key`); nil for one kepu has no word for, whose key
    /// is a code.
    static func settingName(_ key: String, _ lang: Language) -> String? {
        switch key {
        case "public_address": return lang.t("手机访问地址", "public address")
        default: return nil
        }
    }

    /// A void by the record it started from (the rest of what it took went along) and its reason. The
    /// row is written before the records it voids, so how many it took is in their rows, not in this one.
    static func voidLabel(_ r: [String: Any], _ lang: Language, _ names: RecordNames) -> String? {
        var root: String?
        if let id = r["root_id"] as? Int, let kind = (r["root_entity"] as? String).flatMap({ recordKind($0) }) {
            root = kind == .event ? eventName(id, lang, names) : "\(Catalogue.recordName(kind, lang)) \(id)"
        }
        let why = text(r, "reason").map { lang.t("原因：\($0)", "reason: \($0)") }
        return phrase([root, why], lang)
    }

    /// An event as a sentence names it: its number, and its title where the page read it.
    static func eventName(_ id: Int, _ lang: Language, _ names: RecordNames) -> String {
        lang.t("活动 \(id)", "event \(id)") + (names.events[Int64(id)].map { " \($0)" } ?? "")
    }

    /// The parts of a detail that are known, as one phrase; nil when none is.
    static func phrase(_ parts: [String?], _ lang: Language) -> String? {
        let known = parts.compactMap { $0 }
        return known.isEmpty ? nil : known.joined(separator: lang.t("，", ", "))
    }

    /// A snapshot's text at `key`, when it is some.
    static func text(_ r: [String: Any], _ key: String) -> String? {
        (r[key] as? String).flatMap { $0.isEmpty ? nil : $0 }
    }

    // MARK: Rows that record an act

    /// A row that records an act rather than a record's life, as that act: a door's held sign-ins let
    /// in or a span of them voided, sign-in paused or resumed for a name, a backup made. Nil for a
    /// row of any other table.
    static func act(_ entity: String, _ r: [String: Any], _ lang: Language, _ names: RecordNames) -> String? {
        switch entity {
        case "door_visit": return doorVisits(r, lang, names)
        case "login": return signInPause(r, lang)
        case "backup": return backup(r, lang)
        default: return nil
        }
    }

    /// The clerk's review of a door's sign-ins: the held ones let in (`accepted`, of which `counted`
    /// went into the day's 人次: a phone counted that day meanwhile is not counted twice), or those of a
    /// span of time, and of one address, voided with a reason.
    static func doorVisits(_ r: [String: Any], _ lang: Language, _ names: RecordNames) -> String {
        let event = (r["event_id"] as? Int).map { eventName($0, lang, names) }
        if let accepted = r["accepted"] as? Int {
            let counted = r["counted"] as? Int ?? 0
            let about = event.map { lang.t("（\($0)）", " of \($0)") } ?? ""
            return lang.t(
                "放行待核的扫码签到 \(accepted) 条\(about)，计入 \(counted) 人次",
                "let in \(accepted) held \(accepted == 1 ? "sign-in" : "sign-ins")\(about), \(counted) counted")
        }
        let from = text(r, "from").map(Door.display)
        let until = text(r, "until").map(Door.display)
        let span = from.map { f in lang.t("\(f) 至 \(until ?? "—")", "\(f) to \(until ?? "—")") }
        let address = text(r, "address").map { lang.t("来自 \($0)", "from \($0)") }
        let about = phrase([event, span, address], lang).map { lang.t("（\($0)）", " (\($0))") } ?? ""
        let counted = r["voided_counted"] as? Int ?? 0
        let held = r["voided_held"] as? Int ?? 0
        let answers = r["voided_answers"] as? Int ?? 0
        let answered = "\(answers) \(answers == 1 ? "answer" : "answers")"
        return lang.t(
            "作废扫码签到\(about)：已计入的 \(counted) 条，待核的 \(held) 条，满意度回答 \(answers) 份",
            "voided door sign-ins\(about): \(counted) counted, \(held) held, \(answered)")
            + because(text(r, "reason"), lang)
    }

    /// Sign-in paused for a name after too many failures (from one address), or resumed by an admin.
    static func signInPause(_ r: [String: Any], _ lang: Language) -> String {
        let name = text(r, "name") ?? "—"
        if let cleared = r["unlocked"] as? Int {
            return lang.t(
                "解除 \(name) 的登录暂停，清除失败记录 \(cleared) 次",
                "lifted the sign-in pause of \(name), \(cleared) \(cleared == 1 ? "failure" : "failures") cleared")
        }
        let failures = r["failures"] as? Int ?? 0
        let from = text(r, "address").map { lang.t("自 \($0) ", " from \($0)") } ?? ""
        return lang.t(
            "暂停登录：\(name) \(from)登录失败 \(failures) 次",
            "sign-in paused: \(failures) failed sign-ins as \(name)\(from)")
    }

    /// A backup made: where, how large, and how many evidence files it holds (and misses).
    static func backup(_ r: [String: Any], _ lang: Language) -> String {
        let path = text(r, "path") ?? "—"
        let size = Catalogue.bytes(Int64(r["bytes"] as? Int ?? 0))
        let files = r["evidence"] as? Int ?? 0
        let missing = r["missing_evidence"] as? Int ?? 0
        return lang.t(
            "备份到 \(path)（\(size)，佐证材料 \(files) 份）", "backed up to \(path) (\(size), \(files) evidence files)")
            + (missing == 0 ? "" : lang.t("，缺佐证材料 \(missing) 份", "; \(missing) evidence files missing"))
    }

    /// The events the rows' sentences may name (a sign-up's event, a changed event or parent), so that
    /// a page reads those titles and no others.
    public static func events(in entries: [AuditEntry]) -> Set<Int64> {
        // Read off the row's JSON text, not decoded: a page of 50 rows would otherwise decode each
        // snapshot once more than its sentence does.
        var ids: Set<Int64> = []
        for e in entries {
            for text in [e.before, e.after].compactMap({ $0 }) {
                for key in ["\"event_id\":", "\"parent_id\":"] { ids.formUnion(numbers(after: key, in: text)) }
                // A void's row names the record it started from: an event by its title.
                if text.contains("\"root_entity\":\"event\"") {
                    ids.formUnion(numbers(after: "\"root_id\":", in: text))
                }
            }
        }
        return ids
    }

    /// The numbers that follow `key` in a JSON text (`"event_id":12`), by a plain scan: a Swift regex
    /// is compiled again at each use, and that cost a 50-row page more than the rest of it.
    static func numbers(after key: String, in text: String) -> [Int64] {
        var out: [Int64] = []
        var rest = Substring(text)
        while let r = rest.range(of: key) {
            rest = rest[r.upperBound...].drop { $0 == " " }
            let digits = rest.prefix { $0.isASCII && $0.isNumber }
            if let n = Int64(digits) { out.append(n) }
            rest = rest.dropFirst(digits.count)
        }
        return out
    }

    /// An import's kind as a person names it (`import_file.kind`).
    static func importName(_ kind: String, _ lang: Language) -> String {
        switch kind {
        case "signin", "signins": lang.t("签到表", "sign-in sheet")
        case "volunteers": lang.t("志愿者名单", "volunteer list")
        case "costs": lang.t("财务明细", "cost ledger")
        case "survey": lang.t("问卷星问卷", "survey download")
        default: lang.t("文件", "file")
        }
    }

    /// What names a record in a sentence: an event's title, a cost's item and amount, a volunteer's name,
    /// a plan's year and unit, a note's indicator by its name (its id is a code).
    static func label(_ kind: RecordKind, _ r: [String: Any], _ lang: Language, _ names: RecordNames) -> String? {
        func text(_ k: String) -> String? { (r[k] as? String).flatMap { $0.isEmpty ? nil : $0 } }
        func int(_ k: String) -> Int? { r[k] as? Int }
        switch kind {
        case .event, .printRun: return text("title")
        case .attendance: return int("count").map { lang.t("\($0)人次", "\($0)人次") }
        case .cost:
            let amount = int("amount_fen").map { Money(fen: Int64($0)).grouped + "元" }
            let line = text("line").map { names.lines[$0] ?? $0 }
            return [line, text("item"), amount].compactMap { $0 }.joined(separator: lang.t("，", ", "))
        case .survey: return int("responses").map { lang.t("回收\($0)份", "\($0) responses") }
        case .volunteer, .organization, .unit, .user: return text("name")
        case .signup: return int("event_id").map { eventName($0, lang, names) }
        case .evidence: return text("file_name")
        case .plan:
            let year = int("year").map { lang.t("\($0)年", "\($0)") }
            return phrase([year, int("unit_id").flatMap { names.units[Int64($0)] }], lang)
        case .note:
            if let name = text("indicator").flatMap({ names.indicators[$0] }) { return name }
            return int("year").map { lang.t("\($0)年的一项指标", "an indicator of \($0)") }
        case .measurement: return text("metric").map { names.measurements[$0] ?? $0 }
        case .baseline, .yearLock, .budgetAdjustment, .basicSpending:
            return int("year").map { lang.t("\($0)年", "\($0)") }
        case .importFile: return text("file_name")
        }
    }

    /// The reason a command carried: `--reason 发票金额录错` (the command line's and the web's alike).
    static func reason(in command: String) -> String? {
        guard let r = command.range(of: " --reason ") else { return nil }
        var rest = command[r.upperBound...]
        if let next = rest.range(of: " --") { rest = rest[..<next.lowerBound] }
        let t = rest.trimmingCharacters(in: CharacterSet(charactersIn: " \"'"))
        return t.isEmpty ? nil : t
    }

    static func object(_ s: String?) -> [String: Any]? {
        guard let s, let d = s.data(using: .utf8) else { return nil }
        return try? JSONSerialization.jsonObject(with: d) as? [String: Any]
    }
}
