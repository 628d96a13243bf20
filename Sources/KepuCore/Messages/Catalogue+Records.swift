/// The words for a record's fields and their values: the labels a form shows, and a correction's changes
/// as each front end says them (`人次 120 → 150` on the web, `--count 120 → 150` on the command line).
extension Catalogue {
    /// A field's label on a form and in a sentence: `人次`, `支付日期`, `Unit price`.
    public static func label(_ field: RecordField, of kind: RecordKind, _ lang: Language) -> String {
        let (zh, en): (String, String)
        switch field {
        case .title: (zh, en) = kind == .printRun ? ("品名", "Title") : ("标题", "Title")
        case .kind: (zh, en) = ("类型", "Kind")
        case .form: (zh, en) = ("形式", "Form")
        case .major: (zh, en) = ("重大活动", "Major event")
        case .start: (zh, en) = ("开始日期", "Start")
        case .end: (zh, en) = ("结束日期", "End")
        case .venue: (zh, en) = ("地点", "Venue")
        case .event: (zh, en) = ("活动", "Event")
        case .count: (zh, en) = ("人次", "Person-visits")
        case .channel: (zh, en) = ("渠道", "Channel")
        case .method: (zh, en) = ("统计方式", "Method")
        case .date: (zh, en) = kind == .cost ? ("支付日期", "Paid on") : ("日期", "Date")
        case .note: (zh, en) = ("备注", "Note")
        case .line: (zh, en) = ("支出明细", "Spending line")
        case .amount: (zh, en) = ("金额", "Amount")
        case .item: (zh, en) = ("摘要", "Item")
        case .invoice: (zh, en) = ("发票号", "Invoice")
        case .payee: (zh, en) = ("收款方", "Payee")
        case .ink: (zh, en) = ("印刷类型", "Ink")
        case .copies: (zh, en) = ("份数", "Copies")
        case .unitPrice: (zh, en) = ("单价", "Unit price")
        case .responses: (zh, en) = ("回收份数", "Responses")
        case .satisfied: (zh, en) = ("满意份数", "Satisfied")
        case .metric: (zh, en) = ("测量项", "Measurement")
        case .value: (zh, en) = ("数值", "Value")
        case .source: (zh, en) = ("来源", "Source")
        case .name: (zh, en) = ("姓名", "Name")
        case .phone: (zh, en) = ("手机", "Phone")
        case .org: (zh, en) = ("志愿组织", "Organization")
        case .platform: (zh, en) = ("平台编号", "Platform no.")
        case .hours: (zh, en) = ("时长", "Hours")
        case .role: (zh, en) = ("岗位", "Role")
        }
        return lang.t(zh, en)
    }

    /// A field's name in a sentence for a clerk: a record field's label, 上级活动, 指标.
    public static func label(_ field: Field, _ lang: Language) -> String {
        switch field {
        case .record(let f): return label(f, of: .event, lang)
        case .reason: return lang.t("原因", "the reason")
        case .volunteer: return lang.t("志愿者", "the volunteer")
        case .cost: return lang.t("费用", "the cost")
        case .parent: return lang.t("所属活动", "the campaign")
        case .project: return lang.t("项目", "the project")
        case .indicator: return lang.t("指标", "the indicator")
        case .unit: return lang.t("单位", "the unit")
        case .year: return lang.t("年度", "the year")
        case .asOf: return lang.t("截至日期", "the as-of date")
        case .language: return lang.t("语言", "the language")
        case .format: return lang.t("格式", "the format")
        case .target: return lang.t("指标值", "the target")
        case .score: return lang.t("人工评分", "the manual score")
        case .why: return lang.t("评分理由", "the reason for the score")
        case .sheet: return lang.t("工作表", "the sheet")
        case .edition: return lang.t("统计表版本", "the edition")
        case .question: return lang.t("题目", "the question")
        case .listen: return lang.t("监听地址", "the address")
        case .output: return lang.t("输出文件", "the output file")
        case .named(let s): return s
        }
    }

    /// A field's label on a form, with the unit typed in it: `金额（元）`, `时长（小时）`.
    public static func formLabel(_ field: RecordField, of kind: RecordKind, _ lang: Language) -> String {
        let name = label(field, of: kind, lang)
        switch field.input {
        case .money: return lang.t("\(name)（元）", "\(name) (元)")
        case .hours: return lang.t("\(name)（小时）", "\(name) (hours)")
        default: return name
        }
    }

    /// A field's value as a person reads it. The web names an event by its title and a spending line by
    /// its plan name; the command line gives the number and code its flags take.
    public static func text(_ v: FieldValue, _ lang: Language, for surface: Surface) -> String {
        let web = surface == .web
        switch v {
        case .text(let s): return (s ?? "").isEmpty ? "—" : s!
        case .count, .date, .figure: return v.formText
        case .money(let m): return m.description
        case .flag(let b): return b ? lang.t("是", "yes") : lang.t("否", "no")
        case .event(let id, let title):
            guard let id else { return "—" }
            return web && title != nil ? "\(id) \(title!)" : String(id)
        case .line(let code, let name), .metric(let code, let name): return web ? (name ?? code) : code
        case .hours(let h): return h == nil ? "—" : v.formText
        case .phone(let p): return p ?? "—"
        case .eventKind(let k): return lang.t(k.chinese, k.english)
        case .eventForm(let f): return lang.t(f.chinese, f.english)
        case .channel(let c): return lang.t(c.chinese, c.english)
        case .method(let m): return lang.t(m.chinese, m.english)
        case .ink(let i): return lang.t(i.chinese, i.english)
        }
    }

    /// One change of a correction: `人次 120 → 150` on the web, `--count 120 → 150` on the command line
    /// (whose `names` give its options).
    public static func text(
        _ c: FieldChange, of kind: RecordKind, _ lang: Language, for surface: Surface, names: FieldNames? = nil
    ) -> String {
        let name = names?(.record(c.field), lang) ?? label(c.field, of: kind, lang)
        return "\(name) \(text(c.before, lang, for: surface)) → \(text(c.after, lang, for: surface))"
    }

    /// A correction's changes in a sentence's tail: `人次 120 → 150；日期 … → …`.
    static func changesText(
        _ changes: [FieldChange], of kind: RecordKind, _ lang: Language, for surface: Surface,
        names: FieldNames? = nil
    ) -> String {
        changes.map { text($0, of: kind, lang, for: surface, names: names) }.joined(separator: lang.t("；", "; "))
    }

    /// A notice for a front end: the web words a correction's changes by the form's labels and its values
    /// by their names, and an indicator by its name in the plan (`indicators`, by id; a notice carries
    /// the id); the command line adds the codes its options take (`commandLineText`).
    public static func text(
        _ n: Notice, _ lang: Language, for surface: Surface, indicators: [String: String] = [:]
    ) -> String {
        switch n {
        case .recordEdited(let id, let label, let changes) where surface == .web:
            return lang.t("已修改", "changed ") + labelText(id, label, lang) + lang.t("：", ": ")
                + changesText(changes, of: label.kind, lang, for: .web)
        case .noteSet(let indicator, let year) where surface == .web:
            let name = indicators[indicator] ?? indicator
            return lang.t("已保存 \(year) 年指标“\(name)”的说明", "saved the note on \(name) (\(year))")
        default:
            if surface == .commandLine, let s = commandLineText(n, lang) { return s }
            return text(n, lang)
        }
    }

    /// A notice whose fields a front end names its own way: the command line's options.
    public static func text(_ n: Notice, _ lang: Language, names: FieldNames) -> String {
        switch n {
        case .recordEdited(let id, let label, let changes):
            return lang.t("已修改", "changed ") + labelText(id, label, lang) + lang.t("：", ": ")
                + changesText(changes, of: label.kind, lang, for: .commandLine, names: names)
        default:
            return commandLineText(n, lang) ?? text(n, lang)
        }
    }
}
