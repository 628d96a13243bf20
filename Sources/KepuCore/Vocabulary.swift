/// The closed vocabularies of the ledger, with their stored spellings and their Chinese labels.
public protocol Vocabulary: RawRepresentable, CaseIterable, Sendable, Hashable where RawValue == String {
    var chinese: String { get }
}

extension Vocabulary {
    /// `science-day|tech-week|other`, for error messages.
    public static var choices: String { allCases.map(\.rawValue).joined(separator: "|") }

    /// Parses the stored spelling or the Chinese label; the error lists the choices.
    public static func parse(_ input: String, field: String) throws -> Self {
        let s = input.trimmingCharacters(in: .whitespaces)
        if let v = Self(rawValue: s.lowercased()) { return v }
        if let v = allCases.first(where: { $0.chinese == s }) { return v }
        throw KepuError.invalid(field, input, isNot: "one of the choices", accepted: "use \(choices)")
    }
}

/// What an event is: one of the two annual campaigns, or anything else.
public enum EventKind: String, Vocabulary {
    case scienceDay = "science-day"
    case techWeek = "tech-week"
    case other
    public var chinese: String {
        switch self {
        case .scienceDay: "全国科普日"
        case .techWeek: "科技活动周"
        case .other: "其他"
        }
    }
    /// The two campaigns are major events unless said otherwise.
    public var majorByDefault: Bool { self != .other }
}

/// Where attendance was counted.
public enum Channel: String, Vocabulary {
    case onsite, online
    public var chinese: String { self == .onsite ? "线下" : "线上" }
}

/// How attendance was counted.
public enum CountMethod: String, Vocabulary {
    case headcount, signin, estimate
    public var chinese: String {
        switch self {
        case .headcount: "清点"
        case .signin: "签到"
        case .estimate: "估算"
        }
    }
}

/// Ink of a print run.
public enum Ink: String, Vocabulary {
    case color, mono
    public var chinese: String { self == .color ? "彩色" : "单色" }
}

/// Kinds of evidence (佐证材料).
public enum EvidenceKind: String, Vocabulary {
    case signin, photo, invoice, contract, news, survey, other
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
}
