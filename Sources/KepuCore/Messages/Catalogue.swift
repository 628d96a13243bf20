import Foundation

/// The one message catalogue: every sentence kepu says, in Chinese and in English.
///
/// The store and the core return typed values (`Problem`, `Finding`, `Notice`); front ends ask the
/// catalogue to word them. Chinese is written as a Chinese clerk would say it, not translated word for word.
public enum Catalogue {
    public static func text(_ s: Subject, _ lang: Language) -> String {
        guard lang == .zh else { return s.code }
        switch s {
        case .planKey(let p): return p == "plan" ? "计划" : p
        case .budget: return "预算"
        case .period: return "实施期"
        case .lines: return "支出明细"
        case .scoring: return "评分"
        case .line(let id): return "支出明细 \(id)"
        case .indicator(let id): return "指标 \(id)"
        case .event(let id): return "活动 \(id)"
        case .cost(let id): return "费用 \(id)"
        case .project(let id): return "项目 \(id)"
        case .projects: return "项目"
        case .table(let name): return name
        }
    }

    /// `"value"` in English; the value itself in Chinese, or （空） when there is none.
    static func q(_ v: String, _ lang: Language) -> String {
        if lang == .en { return "\"\(v)\"" }
        return v.trimmingCharacters(in: .whitespaces).isEmpty ? "（空）" : v
    }

    /// `1 row`, `2 rows`, `1 entry`: a count with its English noun, written `stem|singular ending|plural ending`
    /// (`"row||s"`, `"entr|y|ies"`).
    static func count<N: BinaryInteger>(_ n: N, _ forms: String) -> String {
        let parts = forms.split(separator: "|", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 3 else { return "\(n) \(forms)" }
        return "\(n) \(parts[0])\(n == 1 ? parts[1] : parts[2])"
    }

    static func list(_ items: [String], _ lang: Language) -> String {
        lang == .zh ? items.joined(separator: "、") : items.joined(separator: ", ")
    }

    static func orList(_ items: [String], _ lang: Language) -> String {
        guard items.count > 1 else { return items.first ?? "" }
        let head = items.dropLast()
        return lang == .zh
            ? head.joined(separator: "、") + " 或 " + items.last!
            : head.joined(separator: ", ") + " or " + items.last!
    }

    // MARK: Value forms

    /// What a value is not: `an amount` / `金额`.
    public static func noun(_ f: ValueForm, _ lang: Language) -> String {
        let (zh, en): (String, String)
        switch f {
        case .amount: (zh, en) = ("金额", "an amount")
        case .date: (zh, en) = ("日期", "a date")
        case .count: (zh, en) = ("人次或数量", "a count")
        case .wholeNumber: (zh, en) = ("整数", "a whole number")
        case .hours: (zh, en) = ("小时数", "a number of hours")
        case .percent: (zh, en) = ("百分比", "a percentage")
        case .figure: (zh, en) = ("数值", "a number")
        case .phone: (zh, en) = ("手机号或座机号", "a phone number")
        case .year: (zh, en) = ("年份", "a year")
        case .recordID: (zh, en) = ("记录编号", "a record id")
        case .score: (zh, en) = ("分数", "a score")
        case .target: (zh, en) = ("指标值", "a target")
        case .yesNo: (zh, en) = ("是或否", "yes or no")
        case .measurementName: (zh, en) = ("测量名称", "a measurement name")
        case .language: (zh, en) = ("语言", "a report language")
        case .reportFormat: (zh, en) = ("报告格式", "a report format")
        case .listFormat: (zh, en) = ("列表格式", "a listing format")
        case .exportFormat: (zh, en) = ("导出格式", "an export format")
        case .scope: (zh, en) = ("评价范围", "a scope")
        case .choice(let noun, _):
            switch noun {
            case .eventKind: (zh, en) = ("活动类型", "an event kind")
            case .ink: (zh, en) = ("印刷类型", "an ink")
            case .channel: (zh, en) = ("渠道", "a channel")
            case .countMethod: (zh, en) = ("统计方式", "a counting method")
            case .evidenceKind: (zh, en) = ("佐证材料类型", "an evidence kind")
            case .eventForm: (zh, en) = ("活动形式", "an activity form")
            case .role: (zh, en) = ("角色", "a role")
            case .recordKind: (zh, en) = ("记录类型", "a record kind")
            case .importKind: (zh, en) = ("导入类型", "an import kind")
            }
        }
        return lang.t(zh, en)
    }

    /// The forms accepted: `write 2500, 2500元 …` / `可写 2500、2500元 …`.
    public static func accepted(_ f: ValueForm, _ lang: Language) -> String {
        switch f {
        case .amount:
            return lang.t(
                "可写 2500、2500元、2,500.00、¥2500、1.25万 或 0.5元",
                "write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元")
        case .date:
            return lang.t(
                "可写 2023-09-16、2023.9.16、20230916 或 2023年9月16日",
                "write 2023-09-16, 2023.9.16, 20230916 or 2023年9月16日")
        case .count, .wholeNumber:
            return lang.t(
                "请写整数，如 1200、1,200 或 1.2万",
                "write a whole number such as 1200, 1,200 or 1.2万")
        case .hours: return lang.t("请写 3、9.5 或 2.25（最多两位小数）", "write 3, 9.5 or 2.25 (at most two decimals)")
        case .percent: return lang.t("请写 98% 或 98.5%", "write 98% or 98.5%")
        case .figure: return lang.t("请写 10.3 或 10.3%（最多四位小数）", "write 10.3 or 10.3% (at most four decimals)")
        case .phone:
            return lang.t(
                "请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）",
                "write an 11-digit mobile such as 13800000001 or a landline with its area code such as 0731-28888888")
        case .year: return lang.t("请写年份，如 2023", "write a year such as 2023")
        case .recordID:
            return lang.t(
                "编号是整数，如 12（见各 list 命令）",
                "ids are whole numbers such as 12 (see the list commands)")
        case .score: return lang.t("请写数字，如 13 或 12.5", "write a number such as 13 or 12.5")
        case .target:
            return lang.t(
                "请写带单位的数值（2次、2万人次、3万元、98%、12个月、1.5元/人次）、增加 或 无",
                "write a figure with a unit (2次, 2万人次, 3万元, 98%, 12个月, 1.5元/人次), 增加 or 无")
        case .measurementName:
            return lang.t(
                "请用字母、数字和连字符，如 literacy-rate",
                "use letters, digits and dashes, e.g. literacy-rate")
        case .language: return lang.t("可用 zh 或 en", "use zh or en")
        case .yesNo: return lang.t("请写 是 或 否", "write yes or no")
        case .reportFormat:
            return lang.t("可用 text、md、csv、json、html 或 xlsx", "use text, md, csv, json, html or xlsx")
        case .listFormat:
            return lang.t(
                "可用 text、md、csv、html 或 xlsx（kepu export --format json 可导出全部）",
                "use text, md, csv, html or xlsx (kepu export --format json has everything)")
        case .exportFormat: return lang.t("可用 json", "use json")
        case .scope: return lang.t("可用 project 或 department", "use project or department")
        case .choice(_, let choices):
            return lang == .zh
                ? "可用 " + choices.map { "\($0.chinese)(\($0.raw))" }.joined(separator: "、")
                : "use " + choices.map(\.raw).joined(separator: "|")
        }
    }

    static func planIssue(_ i: PlanFileIssue, _ lang: Language) -> String {
        switch i {
        case .notMapping: return lang.t("应是键值映射", "should be a mapping of keys")
        case .missingKey(let k): return lang.t("缺少键 \(k)", "needs the key \"\(k)\"")
        case .notText: return lang.t("应是非空文本", "should be a non-empty text")
        case .notNumber: return lang.t("应是数字，如 10 或 12.5", "should be a number such as 10 or 12.5")
        case .notYear(let y): return lang.t("\(y) 不是年份，如 2023", "\"\(y)\" is not a year such as 2023")
        case .periodBackwards(let start, let end):
            return lang.t("结束（\(end)）早于开始（\(start)）", "ends (\(end)) before it starts (\(start))")
        case .noIndicators: return lang.t("没有指标", "has no indicators")
        case .notList: return lang.t("应是列表", "should be a list")
        case .unknownMetric(let m, let known):
            return lang.t(
                "\(m) 不是 kepu 认识的度量：可用 \(known.joined(separator: "、"))",
                "\"\(m)\" is not a metric kepu knows: use one of \(known.joined(separator: ", "))")
        case .unknownComparison(let op):
            return lang.t("\(op) 不是比较符：可用 >=、<= 或 =", "\"\(op)\" is not a comparison: use >=, <= or =")
        case .unknownSetting(let v, let choices):
            return lang.t(
                "\(v) 不是可用的设置：可用 \(orList(choices, .zh))",
                "\"\(v)\" is not a setting: use \(orList(choices, .en))")
        case .levelWeightsNotMapping: return lang.t("应把一级指标映射到分值", "should map levels to weights")
        case .value(let p): return text(p, lang)
        }
    }

    /// `event` / `活动`, for sentences about a record.
    public static func recordName(_ k: RecordKind, _ lang: Language) -> String {
        switch k {
        case .event: lang.t("活动", "event")
        case .attendance: lang.t("人次记录", "attendance")
        case .cost: lang.t("费用", "cost")
        case .printRun: lang.t("印刷记录", "print run")
        case .survey: lang.t("满意度调查", "survey")
        case .measurement: lang.t("测量值", "measurement")
        case .volunteer: lang.t("志愿者", "volunteer")
        case .signup: lang.t("报名记录", "sign-up")
        case .evidence: lang.t("佐证材料", "evidence")
        case .plan: lang.t("计划", "plan")
        case .importFile: lang.t("导入批次", "import")
        case .note: lang.t("说明", "note")
        case .baseline: lang.t("基数", "baseline")
        case .organization: lang.t("志愿组织", "organization")
        case .unit: lang.t("单位", "unit")
        case .user: lang.t("用户", "user")
        case .yearLock: lang.t("封账", "year lock")
        case .budgetAdjustment: lang.t("预算调整", "budget adjustment")
        case .basicSpending: lang.t("基本支出", "basic expenditure")
        }
    }

    /// The command group whose `list` shows records of this kind, where there is one.
    static func listCommand(_ k: RecordKind) -> String? {
        switch k {
        case .event, .volunteer, .plan, .evidence: k.rawValue
        default: nil
        }
    }
}

extension Catalogue {
    /// A file's size as people read it: `850 KB`, `12.4 MB`, `1.2 GB`.
    public static func bytes(_ n: Int64) -> String {
        let units = ["B", "KB", "MB", "GB", "TB"]
        var v = Double(n)
        var u = 0
        while v >= 1024 && u < units.count - 1 {
            v /= 1024
            u += 1
        }
        return u == 0 ? "\(n) B" : String(format: v >= 100 ? "%.0f" : "%.1f", v) + " " + units[u]
    }

    /// A stretch of time, roughly: `3 分钟`, `5 小时`, `2 天` · `3 minutes`, `5 hours`, `2 days`.
    public static func age(seconds: Int, _ lang: Language) -> String {
        let zh = lang == .zh
        switch seconds {
        case ..<3600:
            let m = max(1, seconds / 60)
            return zh ? "\(m) 分钟" : (m == 1 ? "1 minute" : "\(m) minutes")
        case ..<(2 * 86_400):
            let h = seconds / 3600
            return zh ? "\(h) 小时" : (h == 1 ? "1 hour" : "\(h) hours")
        default:
            let d = seconds / 86_400
            return zh ? "\(d) 天" : "\(d) days"
        }
    }
}
