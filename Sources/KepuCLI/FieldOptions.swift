import KepuCore

/// The command line names a field by its option: `--amount`, `--unit-price`, `--as-of`. The core types the
/// field; only this front end spells it.
extension RecordField {
    /// The option of `kepu GROUP edit` (and `add`) that sets this field.
    var option: String {
        switch self {
        case .unitPrice: "--unit-price"
        case .platform: "--platform-no"
        default: "--" + rawValue
        }
    }
}

extension Field {
    /// The option that carries this field on the command line.
    var option: String {
        switch self {
        case .record(let f): f.option
        case .asOf: "--as-of"
        case .language: "--lang"
        case .output: "-o"
        case .named(let s): s
        default: "--" + key
        }
    }
}

extension FieldNames {
    /// A refusal on the command line names the option the user typed.
    static let options = FieldNames { field, _ in field.option }
}
