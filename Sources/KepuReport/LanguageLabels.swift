import KepuCore

/// Report labels for the closed vocabularies and the official tables' terms.
extension Language {
    public func status(_ s: Status) -> String { self == .zh ? s.chinese : s.english }

    /// How a missed ceiling (≤) is scored, in words (a plan file's `reverse: ratio | linear`).
    public func reverse(_ r: ScoringSettings.Reverse) -> String {
        switch r {
        case .ratio: t("按比例扣分（目标值 ÷ 实际值 × 分值）", "in proportion (target ÷ actual × weight)")
        case .linear: t("线性扣分（实际值达到目标值两倍时得 0 分）", "evenly down to 0 at twice the target")
        }
    }

    /// How scores are rounded, in words (a plan file's `rounding: half-up | truncate`).
    public func rounding(_ r: Fixed.Rounding) -> String {
        switch r {
        case .halfUp: t("四舍五入", "to the nearest, halves up")
        case .truncate: t("直接舍去（不进位）", "cut off, never up")
        }
    }
    public func likelihood(_ l: Likelihood?) -> String { l.map { self == .zh ? $0.rawValue : $0.english } ?? "" }
    public func kind(_ k: EventKind) -> String { self == .zh ? k.chinese : k.english }
    public func ink(_ k: Ink) -> String { self == .zh ? k.chinese : k.english }
    public func vocabulary<V: Vocabulary>(_ v: V) -> String { self == .zh ? v.chinese : v.english }

    /// Level and type names of the official tables, translated for English reports.
    public func term(_ s: String) -> String {
        guard self == .en else { return s }
        let table: [String: String] = [
            "产出指标": "Output", "效益指标": "Benefit", "满意度指标": "Satisfaction", "数量指标": "Quantity",
            "质量指标": "Quality", "时效指标": "Timeliness", "成本指标": "Cost", "经济效益指标": "Economic benefit",
            "社会效益指标": "Social benefit", "生态效益指标": "Ecological benefit", "可持续影响指标": "Sustainability",
            "社会公众及服务对象满意度指标": "Satisfaction of the public and service recipients",
            "服务对象满意度指标": "Satisfaction of service recipients",
        ]
        return table[s] ?? s
    }
}

/// Formatting of figures in a target's unit, shared by all reports.
public enum Figures {
    /// A file's size as people read it: `812 B`, `45.2 KB`, `3.1 MB`.
    public static func fileSize(_ bytes: Int64) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1024 * 1024 { return String(format: "%.1f KB", Double(bytes) / 1024) }
        return String(format: "%.1f MB", Double(bytes) / 1_048_576)
    }

    /// `20000人次`, `29900元`, `98.5%`, `12个月`; "—" for none.
    /// With `places`, every figure of a column shows that many decimals (`1.50次`, `9918.00人次`).
    public static func value(_ v: Fixed?, unit: String?, places: Int? = nil) -> String {
        guard let v else { return "—" }
        let u = unit ?? ""
        if u == "元" { return Money(fen: v.raw / 100).grouped + "元" }
        if let places { return v.format(minPlaces: places, maxPlaces: places) + u }
        return v.format(minPlaces: 0, maxPlaces: u == "%" ? 2 : 4) + u
    }

    public static func percent(_ v: Fixed?, places: Int? = nil) -> String {
        guard let v else { return "—" }
        return v.format(minPlaces: places ?? 0, maxPlaces: 2) + "%"
    }

    public static func rate(_ v: Fixed?) -> String {
        guard let v else { return "—" }
        return v.times(Fixed(100)).format(minPlaces: 2, maxPlaces: 2) + "%"
    }

    /// A whole number with thousands separators: `1,048,576`.
    public static func grouped(_ n: Int) -> String {
        let digits = String(n.magnitude)
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }

    public static func hours(_ centi: Int64) -> String {
        Fixed(raw: centi * 100).format(minPlaces: 0, maxPlaces: 2)
    }
}

/// A target as shown in a table: its comparison when the text does not already say it.
public enum TargetText {
    /// `≥`, `≤`, `=` for a figure or a date; nothing for words, growth or 无.
    public static func comparison(_ i: Indicator) -> String {
        switch i.target.kind {
        case .numeric: i.metric == .none ? "" : i.comparison.symbol
        case .date: Comparison.atMost.symbol
        case .growth, .none, .qualitative: ""
        }
    }

    /// `≥2万人次`, `=100%` (not `==100%`), `2022年底之前`, `及时`.
    public static func written(_ i: Indicator) -> String {
        guard case .numeric = i.target.kind, i.metric != .none else { return i.target.text }
        let text = i.target.text.trimmingCharacters(in: .whitespaces)
        let spelled = ["≥", "≤", "=", ">", "<", "＝", "不低于", "不超过", "不高于"].contains { text.hasPrefix($0) }
        return spelled ? text : i.comparison.symbol + text
    }
}
