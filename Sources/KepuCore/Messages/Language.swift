/// The language people read kepu in: Chinese by default, English on request (`--lang en`, `KEPU_LANG=en`).
public enum Language: String, Sendable, CaseIterable {
    case zh, en

    /// The language words are rendered in when no other is passed: set by each front end per command or request.
    @TaskLocal public static var current: Language = .zh

    public static func parse(_ s: String, field: Field = .language) throws -> Language {
        let t = s.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "zh", "zh-cn", "cn", "中文": return .zh
        case "en", "english", "英文": return .en
        default: throw KepuError(.invalid(field: field, value: s, form: .language))
        }
    }

    /// `KEPU_LANG` from an environment, else Chinese.
    public static func from(environment: [String: String]) -> Language {
        environment["KEPU_LANG"].flatMap { try? parse($0, field: .named("KEPU_LANG")) } ?? .zh
    }

    /// Picks the word for this language.
    public func t(_ zh: String, _ en: String) -> String { self == .zh ? zh : en }
}

/// Which front end shows a sentence: the command line names flags and commands; the web names a form's
/// fields by their labels and, instead of a command, links to the page that fixes it.
public enum Surface: Sendable, Hashable {
    case commandLine, web
}
