import Foundation
import KepuCore

/// The audit trail in words: what each row did, said as a person would ("修改了费用 12（授课费）：金额
/// 2,100.00 → 1,200.00；原因：发票金额录错"), from the row's kind, its before and after, and the reason
/// its command carried. The command itself stays in the row, shown on request.
public enum AuditWords {
    /// One row as a sentence.
    public static func sentence(_ e: AuditEntry, lang: Language, names: RecordNames = .none) -> String {
        let kind = RecordKind(rawValue: e.entity == "app_user" ? "user" : e.entity)
        let before = object(e.before)
        let after = object(e.after)
        let record = after ?? before ?? [:]
        let number = e.entityID.map { " \($0)" } ?? ""
        let what = (kind.map { Catalogue.recordName($0, lang) } ?? e.entity) + number
        let about = kind.flatMap { label($0, record, lang, names) }.map { lang.t("（\($0)）", " (\($0))") } ?? ""
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
            return lang.t("新增\(what)\(about)", "added \(what)\(about)")
        case .void:
            let why = (after?["void_reason"] as? String) ?? reason
            return lang.t("作废\(what)\(about)", "voided \(what)\(about)")
                + (why.map { lang.t("，原因：\($0)", "; reason: \($0)") } ?? "")
        case .restore:
            return lang.t("恢复\(what)\(about)", "restored \(what)\(about)")
                + (reason.map { lang.t("，原因：\($0)", "; reason: \($0)") } ?? "")
        case .change:
            let changes = RecordTables.changes(e, lang: lang, names: names)
            return lang.t("修改\(what)\(about)", "changed \(what)\(about)")
                + (changes.isEmpty ? "" : lang.t("：", ": ") + changes)
                + (reason.map { lang.t("，原因：\($0)", "; reason: \($0)") } ?? "")
        }
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
        case "signins": lang.t("签到表", "sign-in sheet")
        case "volunteers": lang.t("志愿者名单", "volunteer list")
        case "costs": lang.t("财务明细", "cost ledger")
        case "survey": lang.t("问卷星问卷", "survey download")
        default: lang.t("文件", "file")
        }
    }

    /// What names a record in a sentence: an event's title, a cost's item and amount, a volunteer's name.
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
        case .signup:
            return int("event_id").map { id in
                lang.t("活动 \(id)", "event \(id)") + (names.events[Int64(id)].map { " \($0)" } ?? "")
            }
        case .evidence: return text("file_name")
        case .plan: return text("source_name")
        case .note: return text("indicator")
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
