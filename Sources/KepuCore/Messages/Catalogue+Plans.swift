extension Catalogue {
    /// A metric as a person reads it: `参与人次`, `attendance`; a measurement by its name.
    public static func metricName(_ m: Metric, _ lang: Language) -> String {
        let zh: Bool = lang == .zh
        switch m {
        case .majorEvents: return zh ? "大型活动次数" : "major events"
        case .events: return zh ? "活动次数" : "events"
        case .attendance: return zh ? "参与人次" : "attendance"
        case .uniqueParticipants: return zh ? "参与人数（去重）" : "distinct participants"
        case .spending: return zh ? "支出金额" : "spending"
        case .costPerParticipant: return zh ? "人均成本" : "cost per participant"
        case .completionMonths: return zh ? "完成用时（月）" : "months to completion"
        case .satisfaction: return zh ? "满意度" : "satisfaction"
        case .volunteers: return zh ? "志愿者人数" : "volunteers"
        case .volunteerOrgs: return zh ? "志愿组织数" : "volunteer organizations"
        case .volunteerHours: return zh ? "志愿服务时长" : "volunteer hours"
        case .volunteerGrowth: return zh ? "志愿者和志愿组织增加" : "more volunteers and organizations"
        case .printCopies: return zh ? "印刷份数" : "printed copies"
        case .measurement(let name):
            let known = name == "literacy-rate" ? (zh ? "公民科学素质比例" : "science literacy rate") : name
            return zh ? "测量值：\(known)" : "measured: \(known)"
        case .none: return zh ? "不计分（无）" : "not scored (无)"
        case .manual: return zh ? "人工评分" : "scored by hand"
        case .completionDate: return zh ? "完成日期" : "completion date"
        }
    }

    /// Why a rule matched, in words: `二级指标含“成本指标”，单位 元`.
    public static func ruleText(_ r: PlanRules.IndicatorRule, _ lang: Language) -> String {
        let zh: Bool = lang == .zh
        var parts: [String] = []
        func words(_ w: [String]) -> String {
            zh ? w.map { "“\($0)”" }.joined(separator: "或") : w.map { "\"\($0)\"" }.joined(separator: " or ")
        }
        if !r.level1.isEmpty { parts.append(zh ? "一级指标含\(words(r.level1))" : "level 1 has \(words(r.level1))") }
        if !r.level2.isEmpty { parts.append(zh ? "二级指标含\(words(r.level2))" : "level 2 has \(words(r.level2))") }
        if !r.name.isEmpty { parts.append(zh ? "指标名称含\(words(r.name))" : "the name has \(words(r.name))") }
        if !r.target.isEmpty { parts.append(zh ? "指标值含\(words(r.target))" : "the target has \(words(r.target))") }
        if !r.unit.isEmpty {
            parts.append(zh ? "单位为 \(r.unit.joined(separator: "/"))" : "unit \(r.unit.joined(separator: "/"))")
        }
        if let kind = r.kind, r.unit.isEmpty {
            let k: String =
                switch kind {
                case .none: zh ? "指标值为“无”" : "the target is 无"
                case .growth: zh ? "指标值为“增加”" : "the target is an increase"
                case .number: zh ? "指标值为数字" : "the target is a figure"
                case .date: zh ? "指标值为日期" : "the target is a date"
                case .words: zh ? "指标值为文字" : "the target is words"
                }
            parts.insert(k, at: 0)
        }
        return parts.joined(separator: zh ? "，" : ", ")
    }
}
