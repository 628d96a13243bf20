/// Aggregates of the ledger for one unit, over a plan's period up to an as-of date.
///
/// The store computes these with SQL; the reconciler turns Plan + Facts into an Evaluation without
/// touching a database, so every rule is tested on plain values.
public struct Facts: Hashable, Sendable {
    public var asOf: CalendarDate
    /// Top-level events with the major flag that started in the window.
    public var majorEvents: Int64 = 0
    /// All top-level events that started in the window.
    public var events: Int64 = 0
    /// Σ attendance (人次) by channel, sub-activities included.
    public var attendanceByChannel: [Channel: Int64] = [:]
    /// Distinct people (by phone, else name) in imported sign-in rows.
    public var uniqueParticipants: Int64 = 0
    /// Σ costs by spending-line id (lines no longer in the plan included).
    public var costsByLine: [String: Money] = [:]
    /// Σ print-run costs (copies × unit price) by spending-line id.
    public var printByLine: [String: Money] = [:]
    /// The end of the last event, cost or print run in the window.
    public var lastActivity: CalendarDate?
    public var surveyResponses: Int64 = 0
    public var surveySatisfied: Int64 = 0
    public var volunteers: Int64 = 0
    public var volunteerOrgs: Int64 = 0
    /// Σ hours served, in hundredths of an hour.
    public var volunteerHoursCenti: Int64 = 0
    /// The previous year's volunteers and organizations, if known.
    public var previousYear: PreviousYear?
    /// Print runs grouped by ink and unit price.
    public var printRuns: [PrintRunTotal] = []
    /// The latest measurement of each name dated on or before the as-of date.
    public var measurements: [String: MeasurementFact] = [:]
    /// The year's notes: manual scores and the 实际完成值 of manual indicators.
    public var notes: [IndicatorNote] = []
    /// 全年预算数: the latest adjustment of the project budget dated on or before the as-of date.
    public var adjustedBudget: Money?
    /// The latest adjusted amount of each line, by line id.
    public var adjustedLines: [String: Money] = [:]
    /// 基本支出 executed in the year, as the finance system reports it (`kepu basic set`).
    public var basicSpent: Money?

    public init(asOf: CalendarDate) { self.asOf = asOf }

    public var attendance: Int64 { attendanceByChannel.values.reduce(0, +) }
    public var spending: Money { spending(line: nil) }

    public func spending(line: String?) -> Money {
        let keys = Set(costsByLine.keys).union(printByLine.keys)
        return keys.filter { line == nil || $0 == line }.reduce(Money.zero) {
            $0 + (costsByLine[$1] ?? .zero) + (printByLine[$1] ?? .zero)
        }
    }

    public func printCopies(ink: Ink?) -> Int64 {
        printRuns.filter { ink == nil || $0.ink == ink }.reduce(0) { $0 + $1.copies }
    }

    /// Where the previous year's figures come from.
    public struct PreviousYear: Hashable, Sendable {
        public enum Source: String, Sendable { case database, baseline }
        public var year: Int
        public var volunteers: Int64
        public var orgs: Int64
        public var source: Source
        public init(year: Int, volunteers: Int64, orgs: Int64, source: Source) {
            self.year = year
            self.volunteers = volunteers
            self.orgs = orgs
            self.source = source
        }
    }

    public struct PrintRunTotal: Hashable, Sendable {
        public var ink: Ink
        public var unitPrice: Money
        public var copies: Int64
        public var cost: Money
        public var runs: Int64
        public init(ink: Ink, unitPrice: Money, copies: Int64, cost: Money, runs: Int64) {
            self.ink = ink
            self.unitPrice = unitPrice
            self.copies = copies
            self.cost = cost
            self.runs = runs
        }
    }

    public struct MeasurementFact: Hashable, Sendable {
        public var value: Fixed
        public var date: CalendarDate
        public var source: String?
        public init(value: Fixed, date: CalendarDate, source: String?) {
            self.value = value
            self.date = date
            self.source = source
        }
    }
}
