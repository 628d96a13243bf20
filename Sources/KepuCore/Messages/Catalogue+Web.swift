/// What the web says where the command line names a command: the finding without it, and the way to fix
/// it as a link's words.
extension Catalogue {
    /// A finding's sentence for a front end: on the web without the command the command line adds.
    public static func text(_ f: Finding, _ lang: Language, for surface: Surface) -> String {
        guard surface == .web else { return text(f, lang) }
        switch f {
        case .deviationNoteMissing(let name, _, _, let farAbove):
            let percent = farAbove.map { $0.format(minPlaces: 0, maxPlaces: 2) }
            return lang == .zh
                ? "\(name)\(percent.map { "完成率达\($0)%" } ?? "未达到目标")，尚未填写偏差原因"
                : "\(name) \(percent.map { "reached \($0)% of its target" } ?? "missed its target") and has no deviation note"
        case .campaignWithoutEvidence(let title, _):
            return lang == .zh
                ? "\(title)缺少佐证材料（签到表、照片、新闻报道）"
                : "campaign \(title) has no evidence (sign-in sheets, photos, news)"
        case .costWithoutEvidence(_, let amount, let invoice):
            return lang == .zh
                ? "\(amount.grouped)元\(invoice.map { "（发票号\($0)）" } ?? "")未附发票或合同"
                : "\(amount.grouped)元\(invoice.map { " (invoice \($0))" } ?? "") has no invoice or contract on file"
        default:
            return text(f, lang)
        }
    }

    /// The words of a link that fixes a finding: 上传佐证材料, 填写偏差原因.
    public static func text(_ fix: FindingFix, _ lang: Language) -> String {
        switch fix {
        case .evidenceForEvent: lang.t("上传佐证材料", "Upload evidence")
        case .evidenceForCost: lang.t("上传发票或合同", "Upload the invoice")
        case .deviationNote: lang.t("填写偏差原因", "Write the note")
        }
    }

    /// A finding's subject as a person names it: an indicator or a spending line by its name in the plan,
    /// a record by its kind and number.
    public static func text(_ s: Subject, _ lang: Language, plan: Plan?) -> String {
        switch s {
        case .indicator(let id):
            if let i = plan?.indicators.first(where: { $0.id == id }) { return lang.t("指标：", "Indicator: ") + i.name }
        case .line(let id):
            if let l = plan?.lines.first(where: { $0.id == id }) { return lang.t("支出明细：", "Line: ") + l.name }
        default: break
        }
        return text(s, lang)
    }
}

/// What fixes a finding, where a front end can lead to it.
public enum FindingFix: Sendable, Hashable {
    /// Upload evidence for an event (a campaign's sign-in sheets, photos, news).
    case evidenceForEvent(Int64)
    /// Upload the invoice or contract of a cost.
    case evidenceForCost(Int64)
    /// Write an indicator's deviation note.
    case deviationNote(indicator: String, year: Int)
}

extension LintFinding {
    /// The step that fixes this finding, if a front end can lead to it.
    public var fix: FindingFix? {
        switch finding {
        case .campaignWithoutEvidence(_, let event): .evidenceForEvent(event)
        case .costWithoutEvidence(let cost, _, _): .evidenceForCost(cost)
        case .deviationNoteMissing(_, let id, let year, _): .deviationNote(indicator: id, year: year)
        default: nil
        }
    }
}

extension Catalogue {
    /// A refusal for a front end. The command line's names flags and commands; the web's names the form's
    /// fields by their labels and the page where a thing is done, never a command, and things by their
    /// names, never their codes: a spending line by its name, a vocabulary's value by its word, an
    /// indicator by its name in the plan (`indicators`, by id, where the page knows them: a refusal
    /// carries the id).
    public static func text(
        _ p: Problem, _ lang: Language, for surface: Surface, indicators: [String: String] = [:]
    ) -> String {
        guard surface == .web else { return text(p, lang) }
        let zh = lang == .zh
        func indicator(_ id: String) -> String { indicators[id] ?? id }
        switch p {
        case .invalid(let field, let value, .choice(let vocabulary, let choices)):
            let words = choices.map { choiceWord($0, vocabulary, lang) }
            return zh
                ? "\(label(field, lang)) \(q(value, lang)) 不是\(noun(.choice(vocabulary, choices), lang))：可用 \(list(words, lang))"
                : "\(label(field, lang)) \(q(value, lang)) is not \(noun(.choice(vocabulary, choices), lang)): use \(orList(words, lang))"
        case .notALine(let field, let value, let year, let unit, let lines):
            return zh
                ? "\(label(field, lang)) \(q(value, lang)) 不是 \(unit) \(year) 年计划的支出明细：可用 \(list(lines.map(\.name), lang))"
                : "\(label(field, lang)) \(q(value, lang)) is not a line of the \(year) plan of \(unit): use \(orList(lines.map(\.name), lang))"
        case .notAnIndicator(let field, let value, let year, let ids):
            let names = ids.map(indicator)
            return zh
                ? "\(label(field, lang)) \(q(value, lang)) 不是 \(year) 年计划的指标：可用 \(list(names, lang))"
                : "\(label(field, lang)) \(q(value, lang)) is not an indicator of the \(year) plan: use \(orList(names, lang))"
        case .importRow(_, _, let problem):
            // The command line's sentence about the row, with the row's own refusal worded for the web.
            let row = text(problem, lang)
            return withoutCommands(
                text(p, lang).replacingOccurrences(
                    of: row, with: text(problem, lang, for: .web, indicators: indicators)))
        case .endBeforeStart(let end, let start):
            return zh
                ? "结束日期 \(end) 早于开始日期 \(start)：活动不能在开始之前结束"
                : "the end date \(end) is before the start date \(start): an event cannot end before it starts"
        case .satisfiedOverResponses(let s, let r):
            return zh
                ? "满意份数 \(s) 多于回收份数 \(r)：满意份数包含在回收份数之内"
                : "\(s) satisfied is more than the \(r) responses: the satisfied are among the responses"
        case .whyNeedsScore:
            return zh
                ? "评分理由是人工评分的理由：请同时填写人工评分" : "“Why this score” explains a manual score: fill in the score too"
        case .scoreNeedsWhy:
            return zh
                ? "人工评分须连同理由一起保存：请填写评分理由" : "a manual score is kept with its reason: fill in “Why this score”"
        case .noteNeedsContent:
            return zh
                ? "请至少填写偏差原因、改进措施、实际完成值或人工评分（连同评分理由）中的一项"
                : "fill in at least one of the reason, the measures, the actual in words, or a score (with its reason)"
        case .evidenceNeedsRecord:
            return zh
                ? "请选择这份佐证材料对应的活动或费用" : "choose the event or the cost this evidence supports"
        case .lineNeedsAmount:
            return zh ? "支出明细和调整后的金额要一起填写" : "the line and its new amount go together"
        case .indicatorNotScored(let id):
            return zh
                ? "指标“\(indicator(id))”不计分（指标值为 无），不能人工评分"
                : "the indicator \(indicator(id)) is not scored (its target is 无)"
        case .scoreOverWeight(let score, let id, let weight):
            return zh
                ? "人工评分 \(score) 超过了“\(indicator(id))”的分值 \(weight)；请给 0 到 \(weight) 分"
                : "the score \(score) is over the weight of \(indicator(id)), \(weight); give 0 to \(weight)"
        case .duplicateEvent(let title, let start, let existing):
            return zh
                ? "已有同名同日的活动 \(existing)（\(title)，\(start)）；请打开它补充记录，不必重复添加"
                : "event \(existing) has the same title and day (\(title), \(start)); add to it rather than adding it again"
        case .noPlanYet:
            return zh
                ? "还没有导入任何计划；请先在“计划”页导入当年的绩效目标表"
                : "no plan has been imported yet: import the year's target tables on the Plan page first"
        case .yearLocked(let year, let on, let reason):
            return zh
                ? "\(year)年已封账（\(on)，\(reason)），不能再修改；确需修改请由管理员在“自评”页解除封账"
                : "\(year) is locked (\(on), \(reason)) and can no longer be changed; an admin can unlock it on the Self-evaluation page"
        case .several(let all):
            return all.map { text($0, lang, for: .web, indicators: indicators) }.joined(separator: "\n")
        case .importRow(let file, let line, let problem):
            // The web's preview lists every bad row and then asks what to do: a row's sentence does not
            // also say that nothing was imported.
            let said = text(problem, lang, for: .web, indicators: indicators)
            return zh ? "\(file) 第 \(line) 行：\(said)" : "\(file) line \(line): \(said)"
        case .otherSheets(let sheet, let others, let problem):
            let inner = text(problem, lang, for: .web, indicators: indicators)
            return zh
                ? inner + "（读的是第一个工作表“\(sheet)”；本工作簿还有 \(others.joined(separator: "、"))）"
                : inner
                    + " (this is the first sheet, \(sheet); the workbook also has \(others.joined(separator: ", ")))"
        case .surveyQuestionNotFound(_, let questions), .surveyNoSatisfactionQuestion(let questions):
            return zh
                ? "没有找到统计满意度的题目；请在下面选择统计哪一题：\(questions.joined(separator: "；"))"
                : "no satisfaction question was found; choose the question below: \(questions.joined(separator: "; "))"
        case .surveyQuestionAmbiguous(_, let candidates):
            return zh
                ? "有 \(candidates.count) 道题可能是满意度题；请在下面选择统计哪一题：\(candidates.joined(separator: "；"))"
                : "\(candidates.count) questions may ask about satisfaction; choose one below: \(candidates.joined(separator: "; "))"
        default:
            return withoutCommands(text(p, lang))
        }
    }

    /// A value of a closed vocabulary as a clerk reads it: its Chinese name, or in English its English
    /// name (`Science and Technology Week`), never the stored code.
    static func choiceWord(_ c: Choice, _ vocabulary: VocabularyNoun, _ lang: Language) -> String {
        guard lang == .en else { return c.chinese }
        func english<V: Vocabulary>(_: V.Type) -> String? { V(rawValue: c.raw)?.english }
        let word: String?
        switch vocabulary {
        case .eventKind: word = english(EventKind.self)
        case .eventForm: word = english(EventForm.self)
        case .channel: word = english(Channel.self)
        case .countMethod: word = english(CountMethod.self)
        case .ink: word = english(Ink.self)
        case .evidenceKind: word = english(EvidenceKind.self)
        default: word = nil
        }
        return word ?? c.raw.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
    }

    /// A refusal for the JSON API: no commands, and each field named as the JSON key that carries it
    /// (`asOf`, `event`).
    public static func apiText(_ p: Problem, _ lang: Language) -> String {
        withoutCommands(text(p, lang, names: .jsonKeys))
    }

    /// A sentence without the command-line hints some carry: `（见 kepu event list）`, `（整数，见 kepu event
    /// list）`, `(see kepu user list)`, `（见各 list 命令）`.
    static func withoutCommands(_ s: String) -> String {
        var out = s.replacingOccurrences(of: "（见各 list 命令）", with: "")
            .replacingOccurrences(of: " (see the list commands)", with: "")
        out = out.replacingOccurrences(
            of: "[，,]? ?(见|see) kepu [a-z]+( [a-z]+)?( [^ ）)]+)?", with: "", options: .regularExpression)
        return out.replacingOccurrences(of: "（）", with: "").replacingOccurrences(of: " ()", with: "")
    }
}
