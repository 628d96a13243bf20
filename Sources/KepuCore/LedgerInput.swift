/// Values a recording command builds from its options; `validate()` runs the checks that need no database.
public struct NewEvent: Sendable, Hashable {
    public var title: String
    public var kind: EventKind
    public var major: Bool?
    public var start: CalendarDate
    public var end: CalendarDate?
    public var venue: String?
    public var parent: Int64?
    public var unit: String?
    /// Accept an event with the title and start of an existing one (`--allow-duplicate`).
    public var allowDuplicate = false
    /// The activity's form, for the statistics return.
    public var form: EventForm = .other
    /// The project (支出方向) by id or name; needed when the year has several, inherited by sub-activities.
    public var project: String?

    public init(
        title: String, kind: EventKind, major: Bool? = nil, start: CalendarDate, end: CalendarDate? = nil,
        venue: String? = nil, parent: Int64? = nil, unit: String? = nil, allowDuplicate: Bool = false
    ) {
        self.allowDuplicate = allowDuplicate
        self.title = title
        self.kind = kind
        self.major = major
        self.start = start
        self.end = end
        self.venue = venue
        self.parent = parent
        self.unit = unit
    }

    public func validate() throws {
        if let end, end < start {
            throw KepuError(.endBeforeStart(end: end, start: start))
        }
        if title.trimmingCharacters(in: .whitespaces).isEmpty {
            throw KepuError(.empty(field: .title))
        }
    }
}

public struct NewAttendance: Sendable, Hashable {
    public var event: Int64
    public var count: Int64
    public var channel: Channel
    public var method: CountMethod
    public var date: CalendarDate?
    public var note: String?
    public init(
        event: Int64, count: Int64, channel: Channel = .onsite, method: CountMethod = .headcount,
        date: CalendarDate? = nil, note: String? = nil
    ) {
        self.event = event
        self.count = count
        self.channel = channel
        self.method = method
        self.date = date
        self.note = note
    }
}

public struct NewCost: Sendable, Hashable {
    public var line: String
    public var amount: Money
    public var event: Int64?
    public var item: String?
    public var invoice: String?
    public var date: CalendarDate?
    public var payee: String?
    public var unit: String?
    public init(
        line: String, amount: Money, event: Int64? = nil, item: String? = nil, invoice: String? = nil,
        date: CalendarDate? = nil, payee: String? = nil, unit: String? = nil
    ) {
        self.line = line
        self.amount = amount
        self.event = event
        self.item = item
        self.invoice = invoice
        self.date = date
        self.payee = payee
        self.unit = unit
    }

    public func validate() throws {
        try Self.check(amount: amount)
    }

    /// The one rule of a cost's amount, wherever it is typed, imported or corrected: it is not zero (a cost
    /// taken back is voided). `field` names it as the reader knows it.
    public static func check(amount: Money, field: Field = .amount) throws {
        if amount == .zero { throw KepuError(.zeroCost(field: field)) }
    }
}

public struct NewPrintRun: Sendable, Hashable {
    public var title: String
    public var ink: Ink
    public var copies: Int64
    public var unitPrice: Money
    public var event: Int64?
    public var date: CalendarDate?
    public var unit: String?
    /// The printing line charged, when the project has several (`--line`).
    public var line: String?
    public init(
        title: String, ink: Ink, copies: Int64, unitPrice: Money, event: Int64? = nil,
        date: CalendarDate? = nil, unit: String? = nil
    ) {
        self.title = title
        self.ink = ink
        self.copies = copies
        self.unitPrice = unitPrice
        self.event = event
        self.date = date
        self.unit = unit
    }
    public var cost: Money { unitPrice * copies }

    public func validate() throws {
        if copies <= 0 {
            throw KepuError(.atLeastOne(field: .record(.copies), value: String(copies)))
        }
        let (cost, overflow) = unitPrice.fen.multipliedReportingOverflow(by: copies)
        if overflow || cost > Money.maxFen {
            throw KepuError(.tooLarge(field: .record(.copies), value: String(copies), form: .count))
        }
    }
}

public struct NewVolunteer: Sendable, Hashable {
    public var name: String
    public var phone: String?
    public var org: String?
    public var platformNo: String?
    public init(name: String, phone: String? = nil, org: String? = nil, platformNo: String? = nil) {
        self.name = name
        self.phone = phone
        self.org = org
        self.platformNo = platformNo
    }

    /// A mainland mobile (`13800000001`, spaces, dashes or +86 allowed) as its 11 digits, or a landline
    /// with its area code (`0731-28888888`) as `area-number`; anything else is refused.
    public static func phone(_ input: String, field: Field = .phone) throws -> String {
        // The common case, a plain mobile number, needs no copy (imports call this for every row).
        let u = input.utf8
        if u.count == 11, u.first == 0x31, let second = u.dropFirst().first, (0x33...0x39).contains(second),
            u.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        {
            return input
        }
        let fail = KepuError(.invalid(field: field, value: input, form: .phone))
        var s = TypedText.halfWidth(input)
        if s.hasPrefix("+86") { s = String(s.dropFirst(3)) }
        let digits = s.filter { $0 != " " && $0 != "-" }
        guard isASCIIDigits(digits), s.allSatisfy({ $0.isASCIIDigit || $0 == " " || $0 == "-" }) else { throw fail }
        let d = Array(digits)
        if d.count == 11 && d[0] == "1" && ("3"..."9").contains(d[1]) { return digits }
        // A landline: 0 + a 2–3 digit area code, then a 7–8 digit number.
        if d.first == "0" {
            let parts = s.split(whereSeparator: { $0 == "-" || $0 == " " })
            if parts.count == 2, (3...4).contains(parts[0].count), (7...8).contains(parts[1].count) {
                return "\(parts[0])-\(parts[1])"
            }
            if parts.count == 1, (10...12).contains(d.count) {
                let area = d[1] == "1" || d[1] == "2" ? 3 : 4  // 010, 02x are three digits; the rest four
                let number = d.count - area
                if (7...8).contains(number) { return String(d[..<area]) + "-" + String(d[area...]) }
            }
        }
        throw fail
    }
}

public struct NewSignup: Sendable, Hashable {
    public var volunteer: Int64
    public var event: Int64
    public var hoursCenti: Int64?
    public var date: CalendarDate?
    public var role: String?
    public init(
        volunteer: Int64, event: Int64, hoursCenti: Int64? = nil, date: CalendarDate? = nil, role: String? = nil
    ) {
        self.volunteer = volunteer
        self.event = event
        self.hoursCenti = hoursCenti
        self.date = date
        self.role = role
    }
}

public struct NewSurvey: Sendable, Hashable {
    public var event: Int64
    public var responses: Int64
    public var satisfied: Int64
    public var date: CalendarDate?
    public init(event: Int64, responses: Int64, satisfied: Int64, date: CalendarDate? = nil) {
        self.event = event
        self.responses = responses
        self.satisfied = satisfied
        self.date = date
    }

    public func validate() throws {
        if responses <= 0 {
            throw KepuError(.atLeastOne(field: .record(.responses), value: String(responses)))
        }
        if satisfied > responses {
            throw KepuError(.satisfiedOverResponses(satisfied: satisfied, responses: responses))
        }
    }
}

public struct NewMeasurement: Sendable, Hashable {
    public var metric: String
    public var value: Fixed
    public var date: CalendarDate
    public var source: String?
    public var unit: String?
    public init(metric: String, value: Fixed, date: CalendarDate, source: String? = nil, unit: String? = nil) {
        self.metric = metric
        self.value = value
        self.date = date
        self.source = source
        self.unit = unit
    }

    public func validate() throws {
        let ok = !metric.isEmpty && metric.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        if !ok {
            throw KepuError(.invalid(field: .record(.metric), value: metric, form: .measurementName))
        }
    }
}

public struct BaselineInput: Sendable, Hashable {
    public var year: Int
    public var volunteers: Int64?
    public var orgs: Int64?
    public var unit: String?
    public init(year: Int, volunteers: Int64? = nil, orgs: Int64? = nil, unit: String? = nil) {
        self.year = year
        self.volunteers = volunteers
        self.orgs = orgs
        self.unit = unit
    }

    public func validate() throws {
        if volunteers == nil && orgs == nil {
            throw KepuError(.baselineNeedsFigure)
        }
    }
}

/// `kepu plan adjust`: the year's adjusted project budget (全年预算数), and optionally one line's new amount.
public struct BudgetAdjustment: Sendable, Hashable {
    public var year: Int
    public var budget: Money
    public var reason: String
    public var date: CalendarDate?
    public var line: String?
    public var lineAmount: Money?
    public var unit: String?
    /// The project whose budget is adjusted, when the year has several (`--project`).
    public var project: String?
    public init(
        year: Int, budget: Money, reason: String, date: CalendarDate? = nil, line: String? = nil,
        lineAmount: Money? = nil, unit: String? = nil
    ) {
        self.year = year
        self.budget = budget
        self.reason = reason
        self.date = date
        self.line = line
        self.lineAmount = lineAmount
        self.unit = unit
    }

    public func validate() throws {
        if (line == nil) != (lineAmount == nil) { throw KepuError(.lineNeedsAmount) }
    }
}

/// `kepu basic set`: the year's 基本支出 from the finance system.
public struct BasicSpending: Sendable, Hashable {
    public var year: Int
    public var spent: Money
    public var source: String?
    /// Why an earlier figure is replaced (required to replace one).
    public var reason: String?
    public var unit: String?
    public init(year: Int, spent: Money, source: String? = nil, reason: String? = nil, unit: String? = nil) {
        self.year = year
        self.spent = spent
        self.source = source
        self.reason = reason
        self.unit = unit
    }
}

public struct NoteInput: Sendable, Hashable {
    public var year: Int
    public var indicator: String
    public var reason: String?
    public var measures: String?
    public var score: Fixed?
    public var why: String?
    public var unit: String?
    /// 实际完成值 as the office words it (`及时`), for a qualitative indicator.
    public var actualText: String?
    public init(
        year: Int, indicator: String, reason: String? = nil, measures: String? = nil, score: Fixed? = nil,
        why: String? = nil, unit: String? = nil, actualText: String? = nil
    ) {
        self.actualText = actualText
        self.year = year
        self.indicator = indicator
        self.reason = reason
        self.measures = measures
        self.score = score
        self.why = why
        self.unit = unit
    }

    public func validate() throws {
        if let e = KepuError.all(problems()) { throw e }
    }

    /// Everything wrong with the note, all at once; with the indicator's weight (zero when it is not
    /// scored), the manual score's range too.
    public func problems(weight: Fixed? = nil, indicator: String? = nil) -> [Problem] {
        var out: [Problem] = []
        if score == nil && why != nil { out.append(.whyNeedsScore) }
        if reason == nil && measures == nil && score == nil && actualText == nil && why == nil {
            out.append(.noteNeedsContent)
        }
        if score != nil && (why ?? "").isEmpty { out.append(.scoreNeedsWhy) }
        if let score, let weight, let indicator {
            if weight == .zero {
                out.append(.indicatorNotScored(id: indicator))
            } else if score > weight {
                out.append(.scoreOverWeight(score: score, id: indicator, weight: weight))
            }
        }
        return out
    }
}
