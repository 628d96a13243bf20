/// The roles of the office web app, each with the rights of the one before it.
public enum UserRole: String, Sendable, Hashable, CaseIterable, Comparable {
    /// 录入员: records and corrects.
    case clerk
    /// 审核员: also writes deviation notes and manual scores, and locks a year.
    case reviewer
    /// 管理员: also manages users and unlocks years.
    case admin

    public var chinese: String {
        switch self {
        case .clerk: "录入员"
        case .reviewer: "审核员"
        case .admin: "管理员"
        }
    }

    public static func < (a: UserRole, b: UserRole) -> Bool {
        allCases.firstIndex(of: a)! < allCases.firstIndex(of: b)!
    }

    /// `clerk`, `录入员`, `审核员`, `admin` …
    public static func parse(_ text: String, field: Field) throws -> UserRole {
        let t = CSVColumns.trim(text).lowercased()
        if let r = allCases.first(where: { $0.rawValue == t || $0.chinese == t }) { return r }
        throw KepuError(
            .invalid(
                field: field, value: text,
                form: .choice(.role, allCases.map { Choice(raw: $0.rawValue, chinese: $0.chinese) })))
    }
}

/// What a password must be: at least 8 characters, not all the same, at most 72 bytes (bcrypt's limit).
public enum UserPassword {
    public static func check(_ password: String) throws {
        guard password.count >= 8, Set(password).count > 1 else { throw KepuError(.passwordTooWeak) }
        guard password.utf8.count <= 72 else { throw KepuError(.passwordTooLong) }
    }
}
