/// A field of a ledger record that a correction can change. Its raw value is the web form's name and the
/// JSON API's key; the command line derives its option from it; the catalogue gives its label
/// (`Catalogue.label(_:of:_:)`).
public enum RecordField: String, Sendable, Hashable, CaseIterable {
    case title, kind, form, major, start, end, venue
    case event, count, channel, method, date, note
    case line, amount, item, invoice, payee
    case ink, copies, unitPrice, responses, satisfied
    case metric, value, source
    case name, phone, org, platform, hours, role

    /// What a form asks for in this field.
    public var input: FieldInput {
        switch self {
        case .title, .name: .text
        case .venue, .note, .item, .invoice, .payee, .source, .org, .platform, .role: .optionalText
        case .count, .responses, .satisfied, .copies: .count
        case .amount, .unitPrice: .money
        case .date, .start, .end: .date
        case .major: .yesNo
        case .event: .event
        case .line: .line
        case .metric: .metric
        case .value: .figure
        case .hours: .hours
        case .phone: .phone
        case .kind: .choice(.eventKind)
        case .form: .choice(.eventForm)
        case .channel: .choice(.channel)
        case .method: .choice(.method)
        case .ink: .choice(.ink)
        }
    }

    /// Reads what was typed (or picked) into this field; `label` names the field in a refusal.
    public func parse(_ input: String, label: Field) throws -> FieldValue {
        switch self {
        case .title, .name: return .text(try Parse.text(input, field: label))
        case .venue, .note, .item, .invoice, .payee, .source, .org, .platform, .role:
            return .text(input.trimmingCharacters(in: .whitespacesAndNewlines))
        case .count, .responses, .satisfied: return .count(try Parse.count(input, field: label))
        case .copies: return .count(try Parse.positiveCount(input, field: label))
        case .amount:
            let m = try Money.parse(input, field: label)
            try NewCost.check(amount: m, field: label)
            return .money(m)
        case .unitPrice: return .money(try Money.parse(input, field: label))
        case .date, .start, .end: return .date(try CalendarDate.parse(input, field: label))
        case .major:
            switch TypedText.halfWidth(input).lowercased() {
            case "yes", "是", "true", "1", "✓": return .flag(true)
            case "no", "否", "false", "0", "✗": return .flag(false)
            default: throw KepuError(.invalid(field: label, value: input, form: .yesNo))
            }
        case .event: return .event(try Parse.positiveCount(input, field: label), title: nil)
        case .line: return .line(try Parse.text(input, field: label), name: nil)
        case .metric: return .metric(try Parse.text(input, field: label), name: nil)
        case .value: return .figure(try Parse.figure(input, field: label))
        case .hours: return .hours(try Parse.hours(input, field: label))
        case .phone: return .phone(try NewVolunteer.phone(input, field: label))
        case .kind: return .eventKind(try EventKind.parse(input, field: label))
        case .form: return .eventForm(try EventForm.parse(input, field: label))
        case .channel: return .channel(try Channel.parse(input, field: label))
        case .method: return .method(try CountMethod.parse(input, field: label))
        case .ink: return .ink(try Ink.parse(input, field: label))
        }
    }
}

/// The kind of input a field takes on a form.
public enum FieldInput: Sendable, Hashable {
    /// Text that may not be blank.
    case text
    /// Text that may be left out.
    case optionalText
    case count, money, date, hours, figure, phone
    /// Yes or no.
    case yesNo
    /// One of the year's events.
    case event
    /// One of the plan's spending lines.
    case line
    /// One of the plan's measurements.
    case metric
    /// One of a closed vocabulary.
    case choice(FieldChoice)
}

/// The closed vocabularies a field picks from.
public enum FieldChoice: Sendable, Hashable {
    case eventKind, eventForm, channel, method, ink

    /// Each choice's stored spelling and its name in the language.
    public func options(_ lang: Language) -> [(value: String, name: String)] {
        func all<V: Vocabulary>(_ t: V.Type) -> [(value: String, name: String)] {
            V.allCases.map { ($0.rawValue, lang.t($0.chinese, $0.english)) }
        }
        switch self {
        case .eventKind: return all(EventKind.self)
        case .eventForm: return all(EventForm.self)
        case .channel: return all(Channel.self)
        case .method: return all(CountMethod.self)
        case .ink: return all(Ink.self)
        }
    }
}

/// A field's value, typed as the ledger keeps it; names resolved where the store knows them (an event's
/// title, a spending line's plan name), so that a front end words it without asking again.
public enum FieldValue: Sendable, Hashable {
    case text(String?)
    case count(Int64)
    case money(Money)
    case date(CalendarDate)
    case flag(Bool)
    case event(Int64?, title: String?)
    case line(String, name: String?)
    case metric(String, name: String?)
    case figure(Fixed)
    /// Hundredths of an hour.
    case hours(Int64?)
    /// Masked: `138****0001`.
    case phone(String?)
    case eventKind(EventKind)
    case eventForm(EventForm)
    case channel(Channel)
    case method(CountMethod)
    case ink(Ink)

    /// The value as a form's field shows it to be edited: `3200.00`, `2023-05-20`, `onsite`; a phone is
    /// never shown in full, so its field starts blank.
    public var formText: String {
        switch self {
        case .text(let s): s ?? ""
        case .count(let n): String(n)
        case .money(let m): m.plain
        case .date(let d): d.description
        case .flag(let b): b ? "yes" : "no"
        case .event(let id, _): id.map(String.init) ?? ""
        case .line(let code, _), .metric(let code, _): code
        case .figure(let f): f.description
        case .hours(let h): h.map { Fixed(raw: $0 * 100).format(minPlaces: 0, maxPlaces: 2) } ?? ""
        case .phone: ""
        case .eventKind(let v): v.rawValue
        case .eventForm(let v): v.rawValue
        case .channel(let v): v.rawValue
        case .method(let v): v.rawValue
        case .ink(let v): v.rawValue
        }
    }
}

/// One field a correction changed, as typed values before and after. The front ends word it: the web
/// `人次 120 → 150`, the command line `--count 120 → 150` (`Catalogue.text(_:of:_:for:)`).
public struct FieldChange: Sendable, Hashable {
    public var field: RecordField
    public var before: FieldValue
    public var after: FieldValue
    public init(field: RecordField, before: FieldValue, after: FieldValue) {
        self.field = field
        self.before = before
        self.after = after
    }
}

extension RecordKind {
    /// The fields a correction of this kind can change, in the order a form shows them. The command line's
    /// `kepu GROUP edit` takes each as its `flag`; the web's record page shows each as its `input`.
    public var fields: [RecordField] {
        switch self {
        case .event: [.title, .kind, .form, .major, .start, .end, .venue]
        case .attendance: [.event, .count, .channel, .method, .date, .note]
        case .cost: [.line, .amount, .event, .item, .invoice, .date, .payee]
        case .printRun: [.title, .ink, .copies, .unitPrice, .event, .date]
        case .survey: [.event, .responses, .satisfied, .date]
        case .measurement: [.metric, .value, .date, .source]
        case .volunteer: [.name, .phone, .org, .platform]
        case .signup: [.hours, .date, .role]
        default: []
        }
    }
}
