import Foundation

/// Checks a plan's arithmetic and consistency before it is imported (`kepu plan lint`).
///
/// Errors block an import; warnings are printed and do not. Every finding names the indicator or
/// line it is about and shows the arithmetic.
public enum PlanLint {
    public static func check(_ plan: Plan) -> [LintFinding] {
        if plan.declaresProjects { return checkProjects(plan) }
        var out: [LintFinding] = []
        out += budget(plan)
        out += lines(plan)
        out += indicators(plan)
        out += weights(plan)
        out += costPerPerson(plan)
        return out
    }

    /// A plan with `projects:`: the year's budget and ids, then each project as if it were alone, then the
    /// department's own indicators.
    static func checkProjects(_ plan: Plan) -> [LintFinding] {
        var out = budget(plan)
        for id in duplicates(plan.projects.map(\.id)) {
            out.append(LintFinding(.error, .project(id), .duplicateProjectID(id)))
        }
        var owners: [String: [String]] = [:]
        for p in plan.projects { for l in p.lines { owners[l.id, default: []].append(p.id) } }
        for (line, ps) in owners.sorted(by: { $0.key < $1.key }) where ps.count > 1 {
            out.append(LintFinding(.error, .line(line), .lineInTwoProjects(line: line, projects: ps)))
        }
        let ids = plan.projects.flatMap { $0.indicators.map(\.id) } + plan.indicators.map(\.id)
        for id in duplicates(ids) {
            out.append(LintFinding(.error, .indicator(id), .duplicateIndicatorID(id)))
        }
        let sum = plan.projects.reduce(Money.zero) { $0 + $1.amount }
        if sum != plan.budget.project {
            out.append(
                LintFinding(
                    .error, .projects,
                    .projectsSum(
                        projects: plan.projects.map { NamedFigure($0.name, $0.amount) }, sum: sum,
                        project: plan.budget.project)))
        }
        for p in plan.projects {
            let one = plan.narrowed(to: p)
            out += lines(one).filter {
                if case .duplicateLineID = $0.finding { return false }
                return true
            }
            out += indicators(one).filter {
                if case .duplicateIndicatorID = $0.finding { return false }
                return true
            }
            out += weights(one)
            out += costPerPerson(one)
        }
        if !plan.indicators.isEmpty {
            var department = plan
            department.indicators = plan.indicators
            out += indicators(department).filter {
                if case .duplicateIndicatorID = $0.finding { return false }
                return true
            }
            out += weights(department)
        }
        return out
    }

    static func budget(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        let b = plan.budget
        if b.basic + b.project != b.total {
            out.append(LintFinding(.error, .budget, .budgetSum(basic: b.basic, project: b.project, total: b.total)))
        }
        let sources = [b.general, b.governmentFund, b.other].compactMap { $0 }
        if !sources.isEmpty {
            let sum = sources.reduce(Money.zero, +)
            if sum != b.total {
                out.append(LintFinding(.error, .budget, .budgetSources(sum: sum, total: b.total)))
            }
        }
        if plan.period.start.year != plan.year && plan.period.end.year != plan.year {
            out.append(LintFinding(.warning, .period, .periodYear(period: plan.period, year: plan.year)))
        }
        return out
    }

    static func lines(_ plan: Plan) -> [LintFinding] {
        var out: [LintFinding] = []
        let sum = plan.lines.reduce(Money.zero) { $0 + $1.amount }
        if !plan.lines.isEmpty && sum != plan.budget.project {
            let lines = plan.lines.map { NamedFigure($0.id, $0.amount) }
            out.append(LintFinding(.error, .lines, .linesSum(lines: lines, sum: sum, project: plan.budget.project)))
        }
        if plan.lines.isEmpty && plan.budget.project > .zero {
            out.append(LintFinding(.warning, .lines, .linesMissing(project: plan.budget.project)))
        }
        for id in duplicates(plan.lines.map(\.id)) {
            out.append(LintFinding(.error, .line(id), .duplicateLineID(id)))
        }
        for line in plan.lines {
            let subject = Subject.line(line.id)
            if !line.runs.isEmpty {
                let total = line.runs.reduce(Money.zero) { $0 + $1.cost }
                if total != line.amount {
                    let runs = line.runs.map { PriceTerm(price: $0.unitPrice, count: $0.copies) }
                    out.append(LintFinding(.error, subject, .runsSum(runs: runs, total: total, amount: line.amount)))
                }
                for run in line.runs where run.copies == 0 {
                    out.append(LintFinding(.error, subject, .runWithoutCopies(run.ink)))
                }
            }
            guard let basis = line.basis else { continue }
            let terms = basisTerms(basis)
            for t in terms {
                if let stated = t.stated, stated != t.product {
                    out.append(
                        LintFinding(
                            .error, subject,
                            .basisArithmetic(term: PriceTerm(price: t.price, count: t.count), stated: stated)))
                }
            }
            if !terms.isEmpty {
                let total = terms.reduce(Money.zero) { $0 + $1.product }
                if total != line.amount {
                    let shown = terms.map { PriceTerm(price: $0.price, count: $0.count) }
                    out.append(
                        LintFinding(.error, subject, .basisAmount(terms: shown, total: total, amount: line.amount)))
                }
                if !line.runs.isEmpty {
                    let basisProducts = Set(terms.map { "\($0.price.fen)x\($0.count)" })
                    let runProducts = Set(line.runs.map { "\($0.unitPrice.fen)x\($0.copies)" })
                    if basisProducts != runProducts {
                        out.append(LintFinding(.warning, subject, .basisRuns))
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
        let chars = Array(
            text.replacingOccurrences(of: "*", with: "×").replacingOccurrences(of: "x", with: "×")
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
            guard e > r, let count = try? Parse.count(String(chars[r..<e]), field: .count) else { continue }
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
            out.append(LintFinding(.error, .indicator(id), .duplicateIndicatorID(id)))
        }
        for ind in plan.indicators {
            let subject = Subject.indicator(ind.id)
            switch (ind.metric, ind.target.kind) {
            case (.none, .none): break
            case (.none, _):
                out.append(LintFinding(.warning, subject, .noneMetricWithTarget(target: ind.target.text)))
            case (_, .none):
                out.append(LintFinding(.error, subject, .noneTargetWithMetric(metric: "\(ind.metric)")))
            case (.manual, _), (.completionDate, .date): break
            case (_, .qualitative):
                out.append(
                    LintFinding(
                        .error, subject, .qualitativeNeedsManual(target: ind.target.text, metric: "\(ind.metric)")))
            case (.completionDate, _), (_, .date):
                out.append(
                    LintFinding(
                        .error, subject, .dateNeedsCompletionDate(target: ind.target.text, metric: "\(ind.metric)")))
            case (.volunteerGrowth, .growth): break
            case (.volunteerGrowth, _):
                out.append(LintFinding(.error, subject, .growthMetricNeedsIncrease))
            case (_, .growth):
                out.append(LintFinding(.error, subject, .increaseNeedsGrowthMetric(metric: "\(ind.metric)")))
            case (_, .numeric(_, let unit)):
                if let accepted = ind.metric.acceptedUnits, !accepted.contains(unit) {
                    out.append(
                        LintFinding(
                            .error, subject,
                            .unitMismatch(
                                target: ind.target.text, unit: unit, metric: "\(ind.metric)", accepted: accepted)))
                }
                if ind.metric == .satisfaction, let v = ind.target.value, v > Fixed(100) {
                    out.append(LintFinding(.error, subject, .satisfactionOver100))
                }
            }
            if let line = ind.filter.line, plan.line(named: line) == nil {
                out.append(LintFinding(.error, subject, .unknownLine(line: line, lines: plan.lines.map(\.id))))
            }
            if let due = ind.due, due < plan.period.start {
                out.append(LintFinding(.warning, subject, .dueBeforePeriod(due: due, start: plan.period.start)))
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
            let levels = s.levelWeights.map { NamedFigure($0.level, $0.weight) }
            out.append(LintFinding(.error, .scoring, .weightsSum(budget: s.budgetWeight, levels: levels, total: total)))
        }
        for level in Set(plan.indicators.map(\.level1)) where s.weight(ofLevel: level) == nil {
            let unweighted = plan.indicators.filter { $0.level1 == level && $0.weight == nil && $0.metric != .none }
            if !unweighted.isEmpty {
                out.append(
                    LintFinding(
                        .error, .indicator(unweighted[0].id),
                        .levelWithoutWeight(level: level, levels: s.levelWeights.map(\.level))))
            }
        }
        for (level, levelWeight) in s.levelWeights {
            let scored = plan.indicators.filter { $0.level1 == level && $0.metric != .none }
            let explicit = scored.compactMap(\.weight)
            guard !explicit.isEmpty else {
                if scored.isEmpty && levelWeight > .zero {
                    out.append(
                        LintFinding(.warning, .scoring, .levelWithoutIndicators(level: level, weight: levelWeight)))
                }
                continue
            }
            let sum = explicit.reduce(Fixed.zero, +)
            let terms = scored.compactMap { ind in ind.weight.map { NamedFigure(ind.id, $0) } }
            if explicit.count == scored.count && sum != levelWeight {
                out.append(
                    LintFinding(
                        .error, .scoring,
                        .levelWeightsMismatch(
                            level: level, weights: terms, sum: sum, levelWeight: levelWeight)))
            } else if sum > levelWeight || (explicit.count < scored.count && sum == levelWeight) {
                out.append(
                    LintFinding(
                        .error, .scoring,
                        .levelWeightsExhausted(
                            level: level, weights: terms, sum: sum, levelWeight: levelWeight)))
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
            guard let implied = money.divided(by: people) else { continue }
            let product = rate.times(people, places: 2)
            if product != money {
                let population = rate > .zero ? money.divided(by: rate, places: 0) : nil
                out.append(
                    LintFinding(
                        .warning, .indicator(ind.id),
                        .costPerPerson(
                            rate: rate, money: money, people: people, implied: implied, product: product,
                            population: population)))
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
