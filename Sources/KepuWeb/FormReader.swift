import KepuCore

/// A form's fields read into the library's typed values. Every field is read and every refusal kept, so
/// that a form says all that is wrong with it at once, each field named by the label beside it. The API
/// reads its JSON body through the same reader, its fields named by their JSON keys.
///
/// Read the fields, then `finish()`: it throws what was refused, and after it every `required` value read
/// is there. A failure that is not a refusal (the database did not answer) is thrown at once.
struct FormReader {
    let fields: [String: String]
    let lang: Language
    /// The API names a field by its key, a page by its label.
    let json: Bool
    private(set) var problems: [Problem] = []

    init(_ fields: [String: String], _ lang: Language, json: Bool = false) {
        self.fields = fields
        self.lang = lang
        self.json = json
    }

    /// The field as a refusal names it.
    func field(_ key: String, _ label: Label) -> Field { .named(json ? key : lang.t(label)) }

    /// A field that must be filled in: its value, or nil with its refusal kept.
    mutating func required<T>(_ key: String, _ label: Label, _ parse: (String, Field) throws -> T) throws -> T? {
        try read(fields[key] ?? "", field(key, label), parse)
    }

    /// A field that may be left blank: nil when blank, else its value (nil with its refusal kept).
    mutating func optional<T>(_ key: String, _ label: Label, _ parse: (String, Field) throws -> T) throws -> T? {
        guard let typed = fields.value(key) else { return nil }
        return try read(typed, field(key, label), parse)
    }

    /// A field's text, trimmed; nil when blank.
    func text(_ key: String) -> String? { fields.value(key) }

    /// A rule across fields (an end after its start): its refusal kept.
    mutating func check(_ rule: () throws -> Void) throws {
        do { try rule() } catch let e as KepuError where !e.isDatabaseFailure { keep(e) }
    }

    /// Throws every refusal kept, together; returns when there is none.
    func finish() throws {
        if let e = KepuError.all(problems) { throw e }
    }

    private mutating func read<T>(_ typed: String, _ field: Field, _ parse: (String, Field) throws -> T) throws -> T? {
        do { return try parse(typed, field) } catch let e as KepuError where !e.isDatabaseFailure {
            keep(e)
            return nil
        }
    }

    private mutating func keep(_ e: KepuError) {
        if case .several(let all) = e.problem { problems += all } else { problems.append(e.problem) }
    }
}
