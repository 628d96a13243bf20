import Foundation

/// Checks a plan's arithmetic and consistency before it is imported (`kepu plan lint`).
///
/// Errors block an import; warnings are printed and do not. Every finding names the indicator or
/// line it is about and shows the arithmetic.
public enum PlanLint {
    public static func check(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        out += budget(plan)
        out += lines(plan)
        out += indicators(plan)
        out += weights(plan)
        out += costPerPerson(plan)
        return out
    }

    static func budget(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        let b = plan.budget
        if b.basic + b.project != b.total {
            out.append(LintFinding(.error, subject: "budget",
                "basic \(b.basic.wan)万 + project \(b.project.wan)万 = \((b.basic + b.project).wan)万, not the total \(b.total.wan)万",
                check: "budget-sum"))
        }
        let sources = [b.general, b.governmentFund, b.other].compactMap { $0 }
        if !sources.isEmpty {
            let sum = sources.reduce(Money.zero, +)
            if sum != b.total {
                out.append(LintFinding(.error, subject: "budget",
                    "the sources of funds add up to \(sum.wan)万, not the total \(b.total.wan)万", check: "budget-sources"))
            }
        }
        if plan.period.start.year != plan.year && plan.period.end.year != plan.year {
            out.append(LintFinding(.warning, subject: "period",
                "the period \(plan.period) does not touch the plan's year \(plan.year)", check: "period-year"))
        }
        return out
    }

    static func lines(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        let sum = plan.lines.reduce(Money.zero) { $0 + $1.amount }
        if !plan.lines.isEmpty && sum != plan.budget.project {
            let terms = plan.lines.map { "\($0.amount.wan)万 (\($0.id))" }.joined(separator: " + ")
            out.append(LintFinding(.error, subject: "lines",
                "\(terms) = \(sum.wan)万, not the project budget \(plan.budget.project.wan)万", check: "lines-sum"))
        }
        if plan.lines.isEmpty && plan.budget.project > .zero {
            out.append(LintFinding(.warning, subject: "lines",
                "the project budget is \(plan.budget.project.wan)万 but no spending lines are listed; costs need a line",
                check: "lines-missing"))
        }
        for id in duplicates(plan.lines.map(\.id)) {
            out.append(LintFinding(.error, subject: "line \(id)", "the id \(quoted(id)) is used by more than one line",
                                   check: "unique-ids"))
        }
        for line in plan.lines {
            let subject = "line \(line.id)"
            if !line.runs.isEmpty {
                let total = line.runs.reduce(Money.zero) { $0 + $1.cost }
                let terms = line.runs.map { "\($0.copies)份 × \($0.unitPrice.plain)元" }.joined(separator: " + ")
                if total != line.amount {
                    out.append(LintFinding(.error, subject: subject,
                        "planned runs \(terms) = \(total.plain)元, not the line's amount \(line.amount.plain)元",
                        check: "runs-sum"))
                }
                for run in line.runs where run.copies == 0 {
                    out.append(LintFinding(.error, subject: subject, "a planned \(run.ink.rawValue) run has 0 copies",
                                           check: "runs-copies"))
                }
            }
            guard let basis = line.basis else { continue }
            let terms = basisTerms(basis)
            for t in terms {
                if let stated = t.stated, stated != t.product {
                    out.append(LintFinding(.error, subject: subject,
                        "the basis says \(t.price.plain)元 × \(t.count) = \(stated.wan)万元, but the product is \(t.product.wan)万元",
                        check: "basis-arithmetic"))
                }
            }
            if !terms.isEmpty {
                let total = terms.reduce(Money.zero) { $0 + $1.product }
                if total != line.amount {
                    let shown = terms.map { "\($0.price.plain)元 × \($0.count)" }.joined(separator: " + ")
                    out.append(LintFinding(.error, subject: subject,
                        "the basis computes \(shown) = \(total.wan)万元, not the line's amount \(line.amount.wan)万元",
                        check: "basis-amount"))
                }
                if !line.runs.isEmpty {
                    let basisProducts = Set(terms.map { "\($0.price.fen)x\($0.count)" })
                    let runProducts = Set(line.runs.map { "\($0.unitPrice.fen)x\($0.copies)" })
                    if basisProducts != runProducts {
                        out.append(LintFinding(.warning, subject: subject,
                            "the basis and the planned runs list different price × copies terms", check: "basis-runs"))
                    }
                }
            }
        }
        return out
    }

    /// A `price × count (= stated)` term found in a basis text.
    struct BasisTerm {
        var price: Money
        var count: Int64
        var stated: Money?
        var product: Money { price * count }
    }

    /// Finds `1.25万元×2次` and `彩色1元/份×2000份=0.2万元` terms in free text.
    static func basisTerms(_ text: String) -> [BasisTerm] {
        var out: [BasisTerm] = []
        let chars = Array(text.replacingOccurrences(of: "*", with: "×").replacingOccurrences(of: "x", with: "×")
            .replacingOccurrences(of: "X", with: "×"))
        let moneyChars = Set("0123456789.,万元¥￥")
        for (i, c) in chars.enumerated() where c == "×" {
            // Left: the money right before ×, after dropping a "/份"-style per-unit suffix.
            var j = i - 1
            while j >= 0, chars[j] == " " { j -= 1 }
            var k = j
            while k >= 0, !moneyChars.contains(chars[k]), chars[k] != "/" { k -= 1 }
            if k >= 0, chars[k] == "/" { j = k - 1 }
            var start = j
            while start >= 0, moneyChars.contains(chars[start]) { start -= 1 }
            let left = String(chars[(start + 1)..<(j + 1)])
            guard j >= 0, !left.isEmpty, let price = try? Money.parse(left) else { continue }
            // Right: the count after ×, then an optional "= stated".
            var r = i + 1
            while r < chars.count, chars[r] == " " { r += 1 }
            var e = r
            while e < chars.count, chars[e].isASCIIDigit || chars[e] == "," { e += 1 }
            guard e > r, let count = try? Parse.count(String(chars[r..<e]), field: "count") else { continue }
            var stated: Money?
            var s = e
            while s < chars.count, chars[s] != "=", chars[s] != "＝", !"；;，,\n×".contains(chars[s]) { s += 1 }
            if s < chars.count, chars[s] == "=" || chars[s] == "＝" {
                var t = s + 1
                while t < chars.count, moneyChars.contains(chars[t]) || chars[t] == " " { t += 1 }
                stated = try? Money.parse(String(chars[(s + 1)..<t]).trimmingCharacters(in: .whitespaces))
            }
            out.append(BasisTerm(price: price, count: count, stated: stated))
        }
        return out
    }

    static func indicators(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        for id in duplicates(plan.indicators.map(\.id)) {
            out.append(LintFinding(.error, subject: "indicator \(id)", "the id \(quoted(id)) is used by more than one indicator",
                                   check: "unique-ids"))
        }
        for ind in plan.indicators {
            let subject = "indicator \(ind.id)"
            switch (ind.metric, ind.target.kind) {
            case (.none, .none): break
            case (.none, _):
                out.append(LintFinding(.warning, subject: subject,
                    "metric none is not scored, but the target \(quoted(ind.target.text)) is not 无", check: "metric-target"))
            case (_, .none):
                out.append(LintFinding(.error, subject: subject,
                    "the target is 无 (not applicable) but the metric is \(ind.metric); use metric none", check: "metric-target"))
            case (.volunteerGrowth, .growth): break
            case (.volunteerGrowth, _):
                out.append(LintFinding(.error, subject: subject,
                    "metric volunteer-growth compares with the previous year; write the target as 增加", check: "metric-target"))
            case (_, .growth):
                out.append(LintFinding(.error, subject: subject,
                    "the target 增加 (growth) needs metric volunteer-growth, not \(ind.metric)", check: "metric-target"))
            case (_, .numeric(_, let unit)):
                if let accepted = ind.metric.acceptedUnits, !accepted.contains(unit) {
                    out.append(LintFinding(.error, subject: subject,
                        "the target \(quoted(ind.target.text)) is in \(unit), but metric \(ind.metric) counts in \(accepted.joined(separator: "/"))",
                        check: "metric-unit"))
                }
                if ind.metric == .satisfaction, let v = ind.target.value, v > Fixed(100) {
                    out.append(LintFinding(.error, subject: subject, "a satisfaction target above 100% cannot be met",
                                           check: "metric-unit"))
                }
            }
            if let line = ind.filter.line, plan.line(named: line) == nil {
                out.append(LintFinding(.error, subject: subject,
                    "line \(quoted(line)) is not a line of this plan (lines: \(plan.lines.map(\.id).joined(separator: ", ")))",
                    check: "metric-line"))
            }
            if let due = ind.due, due < plan.period.start {
                out.append(LintFinding(.warning, subject: subject, "due \(due) is before the period starts (\(plan.period.start))",
                                       check: "due-date"))
            }
        }
        return out
    }

    static func weights(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        let s = plan.scoring
        let levels = s.levelWeights.reduce(Fixed.zero) { $0 + $1.weight }
        let total = levels + s.budgetWeight
        if total != Fixed(100) {
            let terms = s.levelWeights.map { "\($0.level) \($0.weight)" }.joined(separator: " + ")
            out.append(LintFinding(.error, subject: "scoring",
                "budget \(s.budgetWeight) + \(terms) = \(total), not 100", check: "weights-sum"))
        }
        for level in Set(plan.indicators.map(\.level1)) where s.weight(ofLevel: level) == nil {
            let unweighted = plan.indicators.filter { $0.level1 == level && $0.weight == nil && $0.metric != .none }
            if !unweighted.isEmpty {
                out.append(LintFinding(.error, subject: "indicator \(unweighted[0].id)",
                    "level \(quoted(level)) has no weight in scoring.levelWeights (\(s.levelWeights.map(\.level).joined(separator: ", ")))",
                    check: "weights-level"))
            }
        }
        for (level, levelWeight) in s.levelWeights {
            let scored = plan.indicators.filter { $0.level1 == level && $0.metric != .none }
            let explicit = scored.compactMap(\.weight)
            guard !explicit.isEmpty else {
                if scored.isEmpty && levelWeight > .zero {
                    out.append(LintFinding(.warning, subject: "scoring",
                        "level \(level) carries \(levelWeight) points but has no scored indicator", check: "weights-level"))
                }
                continue
            }
            let sum = explicit.reduce(Fixed.zero, +)
            let terms = scored.filter { $0.weight != nil }.map { "\($0.weight!) (\($0.id))" }.joined(separator: " + ")
            if explicit.count == scored.count && sum != levelWeight {
                out.append(LintFinding(.error, subject: "scoring",
                    "the weights of \(level) add up to \(terms) = \(sum), not the level's \(levelWeight)", check: "weights-level"))
            } else if sum > levelWeight || (explicit.count < scored.count && sum == levelWeight) {
                out.append(LintFinding(.error, subject: "scoring",
                    "the explicit weights of \(level), \(terms) = \(sum), leave nothing of \(levelWeight) for its other indicators",
                    check: "weights-level"))
            }
        }
        return out
    }

    /// A rate written in an indicator's name (`0.08元/人`) against its money target and the attendance target.
    static func costPerPerson(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        guard let reach = plan.indicators.first(where: { $0.metric == .attendance }),
              let people = reach.target.value, people > .zero
        else { return out }
        for ind in plan.indicators {
            guard ind.target.unit == "元", let money = ind.target.value, let rate = rateIn(ind.name) else { continue }
            let implied = money.divided(by: people)!
            let product = rate.times(people, places: 2)
            if product != money {
                let denominator = rate > .zero ? money.divided(by: rate, places: 0) : nil
                var message = "its name says \(rate)元/人, but \(money)元 ÷ \(people)人次 = \(implied.format(minPlaces: 0, maxPlaces: 4))元/人次"
                    + " and \(rate)元/人 × \(people)人次 = \(product)元 ≠ \(money)元"
                if let d = denominator {
                    message += "; \(rate)元/人 fits \(money)元 only with about \(d)人 (a population, not the \(people)人次 reached)"
                }
                out.append(LintFinding(.warning, subject: "indicator \(ind.id)", message, check: "cost-per-person"))
            }
        }
        return out
    }

    static func rateIn(_ text: String) -> Fixed? {
        guard let slash = text.range(of: "元/人") else { return nil }
        let before = text[..<slash.lowerBound]
        let digits = before.reversed().prefix { $0.isASCIIDigit || $0 == "." }
        return Fixed.parse(String(digits.reversed()))
    }

    static func duplicates(_ ids: [String]) -> [String] {
        var seen = Set<String>()
        var dup: [String] = []
        for id in ids where !seen.insert(id).inserted && !dup.contains(id) { dup.append(id) }
        return dup
    }
}
