import Foundation
import Yams

/// The rules `kepu plan import` reads an official table's indicators and lines by (Seeds/plan-rules.yaml):
/// data, not code, so that an office's own wording can be added without a new release.
public struct PlanRules: Sendable, Hashable {
    public struct IndicatorRule: Sendable, Hashable {
        public enum Kind: String, Sendable { case none, growth, number, date, words }
        public var kind: Kind?
        public var level1: [String] = []
        public var level2: [String] = []
        public var name: [String] = []
        public var target: [String] = []
        public var unit: [String] = []
        public var metric: Metric
        public var op: Comparison?
        /// `year`: due at the end of the year written in the target.
        public var dueYear = false
        public var id: String
    }

    public struct LineRule: Sendable, Hashable {
        public var name: [String]
        public var id: String
    }

    public var indicators: [IndicatorRule]
    /// 二级指标 → 一级指标.
    public var levels: [String: String]
    public var lines: [LineRule]

    /// Parses the rules file; a rule that does not parse is refused with its place.
    public static func parse(_ text: String, source: String = "plan-rules.yaml") throws -> PlanRules {
        guard let root = try? Yams.load(yaml: text) as? [String: Any] else {
            throw KepuError(.yamlInvalid(source: source, detail: "not a mapping"))
        }
        func words(_ v: Any?) -> [String] {
            if let a = v as? [Any] { return a.map { "\($0)" } }
            if let s = v { return ["\(s)"] }
            return []
        }
        var indicators: [IndicatorRule] = []
        for (i, any) in ((root["indicators"] as? [Any]) ?? []).enumerated() {
            guard let r = any as? [String: Any], let m = r["metric"].map({ "\($0)" }), let metric = Metric(name: m),
                let id = r["id"].map({ "\($0)" })
            else {
                throw KepuError(
                    .yamlInvalid(source: source, detail: "indicators[\(i + 1)] needs a known metric and an id"))
            }
            var rule = IndicatorRule(metric: metric, id: id)
            rule.kind = (r["kind"] as? String).flatMap(IndicatorRule.Kind.init(rawValue:))
            rule.level1 = words(r["level1"])
            rule.level2 = words(r["level2"])
            rule.name = words(r["name"])
            rule.target = words(r["target"])
            rule.unit = words(r["unit"])
            rule.op = (r["op"] as? String).flatMap(Comparison.parse)
            rule.dueYear = (r["due"] as? String) == "year"
            indicators.append(rule)
        }
        var levels: [String: String] = [:]
        for (k, v) in (root["levels"] as? [String: Any]) ?? [:] { levels[k] = "\(v)" }
        let lines = ((root["lines"] as? [Any]) ?? []).compactMap { any -> LineRule? in
            guard let r = any as? [String: Any], let id = r["id"] else { return nil }
            return LineRule(name: words(r["name"]), id: "\(id)")
        }
        return PlanRules(indicators: indicators, levels: levels, lines: lines)
    }

    /// The rules kepu ships with (Seeds/plan-rules.yaml, compiled in).
    public static let standard: PlanRules = try! parse(PlanRulesSeed.text)

    /// What an indicator's words and target were read as.
    public struct Reading: Sendable, Hashable {
        public var target: Target
        public var metric: Metric
        public var comparison: Comparison
        public var due: CalendarDate?
        /// The target as written, when it is a sentence around the figure.
        public var wording: String?
        public var id: String
        /// The rule that matched, nil when none did (the indicator is scored by hand).
        public var rule: IndicatorRule?
    }

    /// Reads one indicator: its target (the figure in a sentence, if need be) and the first rule that matches.
    public func read(level1: String, level2: String, name: String, target text: String, year: Int) -> Reading {
        let squeezed = Self.squeeze(text)
        var target = (try? Target.parse(squeezed, year: year))
        var wording: String?
        var yearInText: Int?
        var written: Comparison?
        if target == nil || target?.kind == .qualitative, let found = Self.figure(in: squeezed) {
            // `…达到10%以上`: the figure is the target, 以上 its comparison, the sentence its wording.
            target = try? Target.parse(found.figure, year: year)
            if target != nil {
                wording = text
                yearInText = found.year
                written = found.comparison
            }
        }
        // A growth sentence (志愿者和志愿组织数量增加) is a growth target with its words kept.
        if target?.kind == .growth, squeezed != "增加" {
            wording = text
            target = try? Target.parse("增加")
        }
        let t = target ?? Target(text: text, kind: .qualitative, impliedComparison: nil)
        let kind: IndicatorRule.Kind =
            switch t.kind {
            case .none: .none
            case .growth: .growth
            case .numeric: .number
            case .date: .date
            case .qualitative: .words
            }
        let unit = t.unit
        let rule = indicators.first { r in
            (r.kind == nil || r.kind == kind) && Self.any(r.level1, level1) && Self.any(r.level2, level2)
                && Self.any(r.name, name) && Self.any(r.target, text)
                && (r.unit.isEmpty || unit.map { u in r.unit.contains(u) } ?? false)
        }
        let metric = rule?.metric ?? (kind == .none ? .none : .manual)
        let comparison = rule?.op ?? written ?? t.impliedComparison ?? .atLeast
        var due: CalendarDate?
        if rule?.dueYear == true, let y = yearInText, y != year { due = CalendarDate(year: y, month: 12, day: 31) }
        return Reading(
            target: t, metric: metric, comparison: comparison, due: due, wording: wording,
            id: rule?.id ?? "indicator", rule: rule)
    }

    /// The 一级指标 of a row that leaves it blank or carries down the wrong one: from its 二级 when known.
    public func level1(for level2: String, carried: String) -> String {
        levels[Self.squeeze(level2)] ?? carried
    }

    public func lineID(for name: String) -> String? {
        lines.first { Self.any($0.name, name) }?.id
    }

    /// Text without any whitespace: `合  计`, `可持续影响  指标` as the label they are.
    public static func squeeze(_ s: String) -> String {
        String(s.unicodeScalars.filter { !CharacterSet.whitespacesAndNewlines.contains($0) && $0 != "\u{3000}" })
    }

    static func any(_ words: [String], _ text: String) -> Bool {
        words.isEmpty || words.contains { squeeze(text).contains($0) }
    }

    /// The last figure with its unit in a sentence, with a 以上/以下 after it, and a year (`2025年`) before it.
    static func figure(in text: String) -> (figure: String, comparison: Comparison?, year: Int?)? {
        let chars = Array(text)
        let units = ["万人次", "人次", "万元", "元", "%", "个月", "次", "场", "人", "名", "个", "份", "件"]
        var found: (String, Comparison?, Int)?
        var i = 0
        while i < chars.count {
            guard chars[i].isASCIIDigit else {
                i += 1
                continue
            }
            var j = i
            while j < chars.count, chars[j].isASCIIDigit || chars[j] == "." { j += 1 }
            let rest = String(chars[j...])
            if rest.hasPrefix("年") {
                i = j
                continue
            }
            if let u = units.first(where: { rest.hasPrefix($0) }) {
                let figure = String(chars[i..<j]) + u
                let after = String(rest.dropFirst(u.count))
                let op: Comparison? =
                    after.hasPrefix("以上") ? .atLeast : after.hasPrefix("以下") || after.hasPrefix("以内") ? .atMost : nil
                found = (figure, op, i)
            }
            i = j
        }
        guard let (figure, op, at) = found else { return nil }
        // The year a target is for: the last 20xx年 before the figure.
        var year: Int?
        let before = String(chars[..<at])
        var k = before.startIndex
        while let r = before.range(of: "年", range: k..<before.endIndex) {
            let digits = before[..<r.lowerBound].suffix(4)
            if digits.count == 4, let y = Int(digits), (1900...2999).contains(y) { year = y }
            k = r.upperBound
        }
        return (figure, op, year)
    }
}
