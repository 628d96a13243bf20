/// A finding of plan lint or of the data checks: its severity, what it is about, and a typed case
/// that the catalogue words in Chinese or English.
public struct LintFinding: Hashable, Sendable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable {
        case error, warning
    }

    public var severity: Severity
    public var subject: Subject
    public var finding: Finding

    public init(_ severity: Severity, _ subject: Subject, _ finding: Finding) {
        self.severity = severity
        self.subject = subject
        self.finding = finding
    }

    /// A stable name for the check that raised it (`cost-per-person`, `lines-sum`…).
    public var check: String { finding.check }

    /// The finding's sentence in a language.
    public func text(_ lang: Language) -> String { Catalogue.text(finding, lang) }
    public var message: String { text(Language.current) }
    public var description: String { "\(severity.rawValue): \(subject.code): \(text(.en))" }
}

/// What a finding is about.
public enum Subject: Hashable, Sendable {
    /// A key path of the plan file (`budget`, `lines[0]`), or the plan as a whole (`plan`).
    case planKey(String)
    case budget, period, lines, scoring
    case line(String)
    case indicator(String)
    case event(Int64)
    case cost(Int64)
    /// A 支出方向 of the year, by id; `projects` for the year's list; a table of the official workbook.
    case project(String)
    case projects
    case table(String)

    /// A stable, language-neutral spelling: `indicator cost`, `event 7`.
    public var code: String {
        switch self {
        case .planKey(let p): p
        case .budget: "budget"
        case .period: "period"
        case .lines: "lines"
        case .scoring: "scoring"
        case .line(let id): "line \(id)"
        case .indicator(let id): "indicator \(id)"
        case .event(let id): "event \(id)"
        case .cost(let id): "cost \(id)"
        case .project(let id): "project \(id)"
        case .projects: "projects"
        case .table(let name): "table \(name)"
        }
    }
}

/// `2000份 × 1.00元`, a term of a line's arithmetic.
public struct PriceTerm: Hashable, Sendable {
    public var price: Money
    public var count: Int64
    public init(price: Money, count: Int64) {
        self.price = price
        self.count = count
    }
}

/// An amount with what it belongs to (`2.5万 (commission)`, `产出指标 50`).
public struct NamedFigure<Value: Hashable & Sendable>: Hashable, Sendable {
    public var name: String
    public var value: Value
    public init(_ name: String, _ value: Value) {
        self.name = name
        self.value = value
    }
}

/// Every finding of plan lint and the data checks, with its data.
public enum Finding: Hashable, Sendable {
    // Plan file and lint
    case unknownKey(key: String, line: Int?, known: [String])
    case budgetSum(basic: Money, project: Money, total: Money)
    case budgetSources(sum: Money, total: Money)
    case periodYear(period: DateRange, year: Int)
    case linesSum(lines: [NamedFigure<Money>], sum: Money, project: Money)
    case linesMissing(project: Money)
    case duplicateLineID(String)
    case runsSum(runs: [PriceTerm], total: Money, amount: Money)
    case runWithoutCopies(Ink)
    case basisArithmetic(term: PriceTerm, stated: Money)
    case basisAmount(terms: [PriceTerm], total: Money, amount: Money)
    case basisRuns
    case duplicateIndicatorID(String)
    case noneMetricWithTarget(target: String)
    case noneTargetWithMetric(metric: String)
    case growthMetricNeedsIncrease
    case increaseNeedsGrowthMetric(metric: String)
    case unitMismatch(target: String, unit: String, metric: String, accepted: [String])
    case satisfactionOver100
    case qualitativeNeedsManual(target: String, metric: String)
    case dateNeedsCompletionDate(target: String, metric: String)
    case unknownLine(line: String, lines: [String])
    case dueBeforePeriod(due: CalendarDate, start: CalendarDate)
    case weightsSum(budget: Fixed, levels: [NamedFigure<Fixed>], total: Fixed)
    case levelWithoutWeight(level: String, levels: [String])
    case levelWithoutIndicators(level: String, weight: Fixed)
    case levelWeightsMismatch(level: String, weights: [NamedFigure<Fixed>], sum: Fixed, levelWeight: Fixed)
    case levelWeightsExhausted(level: String, weights: [NamedFigure<Fixed>], sum: Fixed, levelWeight: Fixed)
    case costPerPerson(rate: Fixed, money: Fixed, people: Fixed, implied: Fixed, product: Fixed, population: Fixed?)
    // Several projects and the official tables
    case duplicateProjectID(String)
    case lineInTwoProjects(line: String, projects: [String])
    case projectsSum(projects: [NamedFigure<Money>], sum: Money, project: Money)
    case summaryTotal(rows: [NamedFigure<Money>], sum: Money, total: Money)
    case summaryAmount(name: String, summary: Money, table: Money)
    case summaryMissing(name: String)
    case fundNamedDifferently(project: String, summary: String, table: String)
    case departmentProjectSpending(department: Money, summary: Money)
    case metricUnknown(indicator: String, target: String)
    // Data checks
    case campaignWithoutAttendance(title: String)
    case surveyOverAttendance(title: String, responses: Int64, attendance: Int64)
    case printRunsDiffer(ink: Ink, unitPrice: Money, printed: Int64, planned: Int64)
    case lineOverPlan(name: String, spent: Money, planned: Money)
    case deviationNoteMissing(name: String, indicator: String, year: Int, farAbove: Fixed?)
    case staleMeasurement(name: String, date: CalendarDate, start: CalendarDate)
    case eventOutsidePeriod(title: String, start: String, end: String, period: DateRange)
    case costOutsidePeriod(event: Int64, amount: Money, date: String, period: DateRange)
    case campaignWithoutEvidence(title: String, event: Int64)
    case costWithoutEvidence(cost: Int64, amount: Money, invoice: String?)

    /// The stable name of the check.
    public var check: String {
        switch self {
        case .unknownKey: "plan-file"
        case .budgetSum: "budget-sum"
        case .budgetSources: "budget-sources"
        case .periodYear: "period-year"
        case .linesSum: "lines-sum"
        case .linesMissing: "lines-missing"
        case .duplicateLineID, .duplicateIndicatorID: "unique-ids"
        case .runsSum: "runs-sum"
        case .runWithoutCopies: "runs-copies"
        case .basisArithmetic: "basis-arithmetic"
        case .basisAmount: "basis-amount"
        case .basisRuns: "basis-runs"
        case .noneMetricWithTarget, .noneTargetWithMetric, .growthMetricNeedsIncrease, .increaseNeedsGrowthMetric:
            "metric-target"
        case .unitMismatch, .satisfactionOver100: "metric-unit"
        case .qualitativeNeedsManual, .dateNeedsCompletionDate: "metric-target"
        case .unknownLine: "metric-line"
        case .dueBeforePeriod: "due-date"
        case .weightsSum: "weights-sum"
        case .levelWithoutWeight, .levelWithoutIndicators, .levelWeightsMismatch, .levelWeightsExhausted:
            "weights-level"
        case .costPerPerson: "cost-per-person"
        case .duplicateProjectID, .lineInTwoProjects: "unique-ids"
        case .projectsSum: "projects-sum"
        case .summaryTotal, .summaryAmount, .summaryMissing, .fundNamedDifferently, .departmentProjectSpending:
            "tables-agree"
        case .metricUnknown: "metric-inferred"
        case .campaignWithoutAttendance: "campaign-attendance"
        case .surveyOverAttendance: "survey-attendance"
        case .printRunsDiffer: "print-runs"
        case .lineOverPlan: "line-over-plan"
        case .deviationNoteMissing: "deviation-note"
        case .staleMeasurement: "stale-measurement"
        case .eventOutsidePeriod, .costOutsidePeriod: "outside-period"
        case .campaignWithoutEvidence: "evidence-campaign"
        case .costWithoutEvidence: "evidence-cost"
        }
    }
}
