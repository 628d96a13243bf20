import Foundation

/// A failure the user can act on: one sentence that names what was wrong and what is accepted.
public struct KepuError: Error, LocalizedError, Equatable, Sendable, CustomStringConvertible {
    /// How the command line should treat the failure.
    public enum Kind: Sendable, Equatable {
        /// Bad input that needs no database to detect (exit 64).
        case usage
        /// The command could not be carried out; nothing was written (exit 1).
        case failed
    }

    public var message: String
    public var kind: Kind

    public init(_ message: String, kind: Kind = .failed) {
        self.message = message
        self.kind = kind
    }

    /// `--amount "1.2.3" is not an amount: write 2500, 2500元, 1.25万 or 0.5元`
    public static func invalid(_ field: String, _ value: String, isNot what: String, accepted: String)
        -> KepuError
    {
        KepuError("\(field) \(quoted(value)) is not \(what): \(accepted)", kind: .usage)
    }

    public var errorDescription: String? { message }
    public var description: String { message }
}

/// Quotes a user value for an error message, showing an empty value visibly.
public func quoted(_ value: String) -> String {
    "\"\(value)\""
}
