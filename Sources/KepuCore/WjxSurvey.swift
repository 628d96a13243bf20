/// A 问卷星 (wjx.cn) answer download, the 按选项文本 version: six leading columns (序号, 提交答卷时间,
/// 所用时间, 来源, 来源详情, 来自IP), then one column per question titled `N、题干`, each cell the text
/// of the option chosen. Pure: the importer hands it the header and the rows.
public enum WjxSurvey {
    /// The columns every 问卷星 download starts with; the first two identify one.
    public static let leadingColumns = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]

    /// The header columns the importer looks for to find the header row.
    public static let headerSpecs: [CSVColumns.Spec] = [
        .init("seq", ["序号"], required: true),
        .init("submitted", ["提交答卷时间", "提交时间"], required: true),
        .init("duration", ["所用时间"]),
        .init("source", ["来源"]),
        .init("sourceDetail", ["来源详情"]),
        .init("ip", ["来自IP", "来自ip"]),
    ]

    /// The answers that are satisfied by default.
    public static let satisfiedWords = ["非常满意", "满意", "比较满意"]
    /// Cells that are no answer: skipped (-2 by the survey's logic, -3 not shown) or empty.
    public static let unanswered: Set<String> = ["", "(跳过)", "（跳过）", "-2", "-3", "(空)", "（空）"]

    public struct Question: Sendable, Hashable {
        public var number: Int
        public var title: String
        public var column: Int
        public init(number: Int, title: String, column: Int) {
            self.number = number
            self.title = title
            self.column = column
        }
    }

    /// The questions of a header: cells titled `N、题干` (or `N.题干`, `N．题干`).
    public static func questions(in header: [String]) -> [Question] {
        header.enumerated().compactMap { column, cell in
            let text = CSVColumns.trim(cell)
            var digits = 0
            var number = 0
            var rest = text.unicodeScalars[...]
            while let u = rest.first, u.properties.numericType == .decimal, let d = u.properties.numericValue,
                u.isASCII || (0xFF10...0xFF19).contains(u.value), digits < 4
            {
                number = number * 10 + Int(d)
                digits += 1
                rest = rest.dropFirst()
            }
            guard digits > 0, let sep = rest.first, "、.．:：".unicodeScalars.contains(sep) else { return nil }
            let title = CSVColumns.trim(String(String.UnicodeScalarView(rest.dropFirst())))
            guard !title.isEmpty else { return nil }
            return Question(number: number, title: title, column: column)
        }
    }

    /// The question to count: `choice` by number (`2`, `第2题`) or by title text, else the only one
    /// whose title mentions 满意.
    public static func question(_ choice: String?, in questions: [Question], file: String) throws -> Question {
        let list = questions.map { "\($0.number)、\($0.title)" }
        guard !questions.isEmpty else { throw KepuError(.notWjxExport(file: file)) }
        if let raw = choice.map(CSVColumns.trim), !raw.isEmpty {
            var numberText = raw
            if numberText.hasPrefix("第") { numberText.removeFirst() }
            if numberText.hasSuffix("题") { numberText.removeLast() }
            if let n = Int(numberText) {
                if let q = questions.first(where: { $0.number == n }) { return q }
                throw KepuError(.surveyQuestionNotFound(given: raw, questions: list))
            }
            let matches = questions.filter { has($0.title, raw) || "\($0.number)、\($0.title)" == raw }
            if matches.count == 1 { return matches[0] }
            if matches.isEmpty { throw KepuError(.surveyQuestionNotFound(given: raw, questions: list)) }
            throw KepuError(
                .surveyQuestionAmbiguous(given: raw, candidates: matches.map { "\($0.number)、\($0.title)" }))
        }
        let satisfaction = questions.filter { has($0.title, "满意") }
        if satisfaction.count == 1 { return satisfaction[0] }
        if satisfaction.isEmpty { throw KepuError(.surveyNoSatisfactionQuestion(questions: list)) }
        throw KepuError(
            .surveyQuestionAmbiguous(given: nil, candidates: satisfaction.map { "\($0.number)、\($0.title)" }))
    }

    /// How answers are judged satisfied.
    public enum Rule: Sendable, Hashable {
        /// One of these option texts.
        case words([String])
        /// A score at or above `minimum` on a scale up to `maximum` (0–10: 8 and above; 1–5: 4 and above).
        case score(minimum: Int, maximum: Int)

        public func isSatisfied(_ answer: String) -> Bool {
            switch self {
            case .words(let words): return words.contains(answer)
            case .score(let minimum, _): return WjxSurvey.score(answer).map { $0 >= minimum } ?? false
            }
        }
    }

    /// The rule for a question: `--satisfied` when given; else a score scale when every answer is a whole
    /// number (0–10 when the title says 10 or an answer is 0 or above 5, else 1–5); else the words.
    public static func rule(satisfied: [String]?, question: Question, answers: [String]) -> Rule {
        if let satisfied, !satisfied.isEmpty { return .words(satisfied) }
        let given = answers.filter { !unanswered.contains($0) }
        let scores = given.compactMap(score)
        if !given.isEmpty && scores.count == given.count {
            let tenPoint =
                has(question.title, "10") || has(question.title, "十分") || scores.contains { $0 == 0 || $0 > 5 }
            return tenPoint ? .score(minimum: 8, maximum: 10) : .score(minimum: 4, maximum: 5)
        }
        return .words(satisfiedWords)
    }

    /// Whether `text` holds `part`, by the standard library's search. Foundation's `contains` on Linux
    /// traps on some text with NUL characters (`"悽0\0".contains("\0\0\0")`; found by the fuzzer), and a
    /// question's title and the `--question` text both come from outside.
    static func has(_ text: String, _ part: String) -> Bool { text.firstRange(of: part) != nil }

    /// A whole-number score of 0 to 10, as 问卷星 writes it (`9`, or `9分`).
    static func score(_ answer: String) -> Int? {
        var text = answer
        if text.hasSuffix("分") { text.removeLast() }
        guard let n = Int(text), (0...10).contains(n) else { return nil }
        return n
    }

    /// The tally of one question.
    public struct Tally: Sendable, Hashable {
        public var question: Question
        public var rule: Rule
        public var responses: Int64
        public var satisfied: Int64
        /// The day of the last submission, when the 提交答卷时间 cells give one.
        public var lastSubmission: CalendarDate?
        /// Each valid answer and how many gave it, the most given first: what a person picks the
        /// satisfied answers from.
        public var answers: [AnswerCount] = []
    }

    /// One answer to the question counted, and how many gave it.
    public struct AnswerCount: Sendable, Hashable {
        public var answer: String
        public var count: Int64
        public var satisfied: Bool
    }

    /// Counts the answers (`answers[i]` with `submitted[i]`) to `question`.
    public static func tally(question: Question, rule: Rule, answers: [String], submitted: [String]) -> Tally {
        var t = Tally(question: question, rule: rule, responses: 0, satisfied: 0, lastSubmission: nil)
        var counts: [String: Int64] = [:]
        for (i, raw) in answers.enumerated() {
            let answer = CSVColumns.trim(raw)
            if i < submitted.count, let day = submissionDay(submitted[i]) {
                t.lastSubmission = max(t.lastSubmission ?? day, day)
            }
            guard !unanswered.contains(answer) else { continue }
            t.responses += 1
            if rule.isSatisfied(answer) { t.satisfied += 1 }
            counts[answer, default: 0] += 1
        }
        t.answers = counts.map { AnswerCount(answer: $0.key, count: $0.value, satisfied: rule.isSatisfied($0.key)) }
            .sorted { ($0.count, $1.answer) > ($1.count, $0.answer) }
        return t
    }

    /// `2023/9/16 10:07:00` → 2023-09-16.
    public static func submissionDay(_ text: String) -> CalendarDate? {
        let day = CSVColumns.trim(text).split(separator: " ").first.map(String.init) ?? ""
        return try? CalendarDate.parse(day)
    }
}
