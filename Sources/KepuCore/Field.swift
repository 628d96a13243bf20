/// What a refusal names: the input that was wrong, typed. Nothing below the front ends spells a field;
/// each front end words it through its `FieldNames`: the command line as its option (`--amount`), the web
/// as the form's label (金额), the JSON API as its key (`amount`).
public enum Field: Sendable, Hashable {
    /// A field of a ledger record: an amount, a date, a phone.
    case record(RecordField)
    /// The reason given for a void, a restore, an adjustment or a refusal.
    case reason
    /// A volunteer, a cost, a campaign above an event, a project, an indicator, a unit, by number or name.
    case volunteer, cost, parent, project, indicator, unit
    /// A year, the date figures are taken to, a language, an output format.
    case year, asOf, language, format
    /// An indicator's target value, a manual score and its reason.
    case target, score, why
    /// A workbook's sheet, a form's edition, a survey's question, an address to listen on, an output file.
    case sheet, edition, question, listen, output
    /// A field already in the reader's words: a column as the clerk's own file heads it, a key of a plan
    /// file, or an option only one front end has.
    case named(String)

    /// Shorthands for the record fields a refusal names most.
    public static let amount = Field.record(.amount)
    public static let date = Field.record(.date)
    public static let event = Field.record(.event)
    public static let line = Field.record(.line)
    public static let title = Field.record(.title)
    public static let phone = Field.record(.phone)
    public static let count = Field.record(.count)
}

/// How a front end names a field in a sentence. The catalogue's sentences take one; the command line adds
/// its options (in KepuCLI), so that the core never spells an option.
public struct FieldNames: Sendable {
    let name: @Sendable (Field, Language) -> String

    public init(_ name: @escaping @Sendable (Field, Language) -> String) { self.name = name }

    /// The field's name in the language.
    public func callAsFunction(_ field: Field, _ lang: Language) -> String { name(field, lang) }

    /// The words a clerk reads on a form: 金额, 上级活动, 指标.
    public static let labels = FieldNames { field, lang in Catalogue.label(field, lang) }

    /// The JSON API's keys: `amount`, `unitPrice`, `asOf`.
    public static let jsonKeys = FieldNames { field, _ in field.key }
}

extension Field {
    /// The field's key: its case's name (`asOf`, `unitPrice`), as the JSON API and the command line derive
    /// theirs from it.
    public var key: String {
        switch self {
        case .record(let f): f.rawValue
        case .reason: "reason"
        case .volunteer: "volunteer"
        case .cost: "cost"
        case .parent: "parent"
        case .project: "project"
        case .indicator: "indicator"
        case .unit: "unit"
        case .year: "year"
        case .asOf: "asOf"
        case .language: "lang"
        case .format: "format"
        case .target: "target"
        case .score: "score"
        case .why: "why"
        case .sheet: "sheet"
        case .edition: "edition"
        case .question: "question"
        case .listen: "listen"
        case .output: "output"
        case .named(let s): s
        }
    }
}
