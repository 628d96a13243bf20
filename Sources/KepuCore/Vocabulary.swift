/// The closed vocabularies of the ledger, with their stored spellings and their Chinese names.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    /// The Chinese name shown in reports and lists.
    var chinese: String { get }
    /// Other Chinese spellings people type (`科普日` for `全国科普日`).
    var aliases: [String] { get }
    /// What the vocabulary is called in a refusal.
    static var noun: VocabularyNoun { get }
    /// The English name shown in English mode (`Science and Technology Week`), never the stored code.
    var english: String { get }
}

extension Vocabulary {
    public var aliases: [String] { [] }

    /// The stored spelling as words: `open-day` → `open day`.
    public var english: String { rawValue.replacingOccurrences(of: "-", with: " ") }

    /// `science-day|tech-week|other`.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// The choices for a refusal: each with its Chinese name and stored spelling.
    public static var form: ValueForm { .choice(noun, allCases.map { Choice(raw: $0.rawValue, chinese: $0.chinese) }) }

    /// Parses the stored spelling, the Chinese name or an alias; the refusal lists the choices.
    public static func parse(_ input: String, field: Field) throws -> Self {
        let s = input.trimmingCharacters(in: .whitespaces)
        if let v = Self(rawValue: s.lowercased()) { return v }
        if let v = allCases.first(where: { $0.chinese == s || $0.aliases.contains(s) }) { return v }
        throw KepuError(.invalid(field: field, value: input, form: form))
    }
}

/// What an event is: one of the two annual campaigns, or anything else.
public enum EventKind: String, Vocabulary {
    case scienceDay = "science-day"
    case techWeek = "tech-week"
    /// 全国科普月: from 2025 the September campaign, in place of 全国科普日.
    case scienceMonth = "science-month"
    case other
    public static let noun = VocabularyNoun.eventKind
    public var chinese: String {
        switch self {
        case .scienceDay: "全国科普日"
        case .techWeek: "科技活动周"
        case .scienceMonth: "全国科普月"
        case .other: "其他"
        }
    }
    public var aliases: [String] {
        switch self {
        case .scienceDay: ["科普日"]
        case .techWeek: ["科技周"]
        case .scienceMonth: ["科普月"]
        case .other: ["其它"]
        }
    }
    public var english: String {
        switch self {
        case .scienceDay: "Science Day"
        case .techWeek: "S&T Week"
        case .scienceMonth: "Science Month"
        case .other: "other"
        }
    }
    /// The campaigns are major events unless said otherwise.
    public var majorByDefault: Bool { self != .other }
}

/// What form an activity takes, for the science-popularization statistics (科普统计).
public enum EventForm: String, Vocabulary {
    case lecture, exhibition, competition, training, youth
    case openDay = "open-day"
    case consultation, other
    public static let noun = VocabularyNoun.eventForm
    public var chinese: String {
        switch self {
        case .lecture: "科普讲座"
        case .exhibition: "科普展览"
        case .competition: "科普竞赛"
        case .training: "实用技术培训"
        case .youth: "青少年科技活动"
        case .openDay: "开放日"
        case .consultation: "科技咨询"
        case .other: "其他"
        }
    }
    public var aliases: [String] {
        switch self {
        case .lecture: ["讲座"]
        case .exhibition: ["展览"]
        case .competition: ["竞赛"]
        case .training: ["培训"]
        case .consultation: ["咨询"]
        case .other: ["其它"]
        default: []
        }
    }
}

/// Where attendance was counted.
public enum Channel: String, Vocabulary {
    case onsite, online
    public static let noun = VocabularyNoun.channel
    public var chinese: String { self == .onsite ? "线下" : "线上" }
    public var aliases: [String] { self == .onsite ? ["现场"] : ["网络", "网上"] }
}

/// How attendance was counted.
public enum CountMethod: String, Vocabulary {
    case headcount, signin, estimate
    public static let noun = VocabularyNoun.countMethod
    public var chinese: String {
        switch self {
        case .headcount: "计数"
        case .signin: "签到"
        case .estimate: "估算"
        }
    }
    public var aliases: [String] { self == .headcount ? ["清点", "点数"] : [] }
    /// Words, not the stored spelling (`signin`).
    public var english: String {
        switch self {
        case .headcount: "headcount"
        case .signin: "sign-in sheet"
        case .estimate: "estimate"
        }
    }
}

/// Ink of a print run.
public enum Ink: String, Vocabulary {
    case color, mono
    public static let noun = VocabularyNoun.ink
    public var chinese: String { self == .color ? "彩色" : "单色" }
    public var aliases: [String] { self == .color ? ["彩印"] : ["黑白"] }
}

/// Kinds of evidence (佐证材料).
public enum EvidenceKind: String, Vocabulary {
    case signin, photo, invoice, contract, news, survey, other
    public static let noun = VocabularyNoun.evidenceKind
    public var chinese: String {
        switch self {
        case .signin: "签到表"
        case .photo: "照片"
        case .invoice: "发票"
        case .contract: "合同"
        case .news: "新闻报道"
        case .survey: "问卷"
        case .other: "其他"
        }
    }
    /// Words, not the stored spelling (`signin`).
    public var english: String { self == .signin ? "sign-in sheet" : rawValue }
}
