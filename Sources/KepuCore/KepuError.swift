/// A failure the user can act on: a typed `Problem`, worded by the message catalogue in Chinese or English.
public struct KepuError: Error, Equatable, Sendable, CustomStringConvertible {
    /// How a front end should treat the failure.
    public enum Kind: Sendable, Equatable {
        /// Bad input that needs no database to detect (exit 64).
        case usage
        /// The command could not be carried out; nothing was written (exit 1).
        case failed
    }

    public var problem: Problem
    public var kind: Kind

    public init(_ problem: Problem, kind: Kind? = nil) {
        self.problem = problem
        self.kind = kind ?? problem.defaultKind
    }

    /// The database could not answer (busy past its wait, damaged, full, read-only, gone): not the
    /// user's input, and never shown on the web with the file's path.
    public var isDatabaseFailure: Bool {
        switch problem {
        case .busy, .damaged, .databaseRefused, .readOnly, .cannotOpen, .diskFull, .sqliteNotADatabase: true
        default: false
        }
    }

    /// Every refusal at once: nothing when there are none, the one alone, or all of them together.
    public static func all(_ problems: [Problem]) -> KepuError? {
        switch problems.count {
        case 0: nil
        case 1: KepuError(problems[0])
        default: KepuError(.several(problems))
        }
    }

    /// The sentence in the given language, naming fields by the labels a clerk reads.
    public func text(_ lang: Language) -> String { Catalogue.text(problem, lang) }

    /// The sentence with fields named the front end's way (the command line's options).
    public func text(_ lang: Language, names: FieldNames) -> String { Catalogue.text(problem, lang, names: names) }

    /// The sentence for a front end: the web's names fields by their labels and no command.
    public func text(_ lang: Language, for surface: Surface) -> String { Catalogue.text(problem, lang, for: surface) }

    /// The sentence in the current language (`Language.current`).
    public var message: String { text(Language.current) }
    public var description: String { message }
}
