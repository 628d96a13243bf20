import Foundation
import Yams

/// A `Plan` written as a plan file (docs/plan-file.md), for `kepu plan import … -o plan.yaml` and for
/// storing a plan read from the official tables: reading the text back gives the same plan.
public enum PlanYAML {
    public static func text(_ p: Plan, header: [String] = []) -> String {
        var root: [(Node, Node)] = [
            (s("unit"), s(p.unit)), (s("year"), s(String(p.year))),
            (s("period"), flow([("start", p.period.start.description), ("end", p.period.end.description)])),
        ]
        var budget: [(String, String)] = [
            ("total", money(p.budget.total)), ("basic", money(p.budget.basic)), ("project", money(p.budget.project)),
        ]
        if let g = p.budget.general { budget.append(("general", money(g))) }
        if let g = p.budget.governmentFund { budget.append(("governmentFund", money(g))) }
        if let g = p.budget.other { budget.append(("other", money(g))) }
        root.append((s("budget"), block(budget)))
        if let d = p.department.duties { root.append((s("department"), block([("duties", d)]))) }
        if !p.declaresProjects {
            root += fundAndGoals(p.fund, p.goals, parentKeys: true)
        }
        if !p.keyWork.isEmpty {
            root.append(
                (
                    s("keyWork"),
                    seq(
                        p.keyWork.map { k in
                            flow([("item", k.item)] + (k.owner.map { [("owner", $0)] } ?? []) + [("goal", k.goal)])
                        })
                ))
        }
        if p.declaresProjects {
            if !p.indicators.isEmpty { root.append((s("indicators"), seq(p.indicators.map(indicator)))) }
            root.append((s("projects"), seq(p.projects.map(project))))
        } else {
            root.append((s("lines"), seq(p.lines.map(line))))
            root.append((s("indicators"), seq(p.indicators.map(indicator))))
        }
        root.append((s("scoring"), scoring(p.scoring)))
        let node = Node.mapping(Node.Mapping(root, .implicit, .block))
        let body = (try? Yams.serialize(node: node, width: -1, allowUnicode: true)) ?? ""
        let comments = header.map { "# " + $0 }.joined(separator: "\n")
        return (comments.isEmpty ? "" : comments + "\n") + body
    }

    static func fundAndGoals(_ f: Plan.Fund, _ g: Plan.Goals, parentKeys: Bool) -> [(Node, Node)] {
        var out: [(Node, Node)] = []
        var fund: [(String, String)] = []
        if parentKeys, let v = f.name { fund.append(("name", v)) }
        if let v = f.parent { fund.append(("parent", v)) }
        if let v = f.category { fund.append(("category", v)) }
        if parentKeys, let v = f.term { fund.append(("term", v)) }
        if !fund.isEmpty { out.append((s("fund"), block(fund))) }
        if !parentKeys, let t = f.term { out.append((s("term"), s(t))) }
        var goals: [(String, String)] = []
        if let v = g.implementation { goals.append(("implementation", v)) }
        if let v = g.annual { goals.append(("annual", v)) }
        if let v = g.annualSummary { goals.append(("annualSummary", v)) }
        if !goals.isEmpty { out.append((s("goals"), block(goals))) }
        return out
    }

    static func project(_ p: Project) -> Node {
        var pairs: [(Node, Node)] = [(s("id"), s(p.id)), (s("name"), s(p.name))]
        var fund = p.fund
        fund.name = nil
        pairs += fundAndGoals(fund, p.goals, parentKeys: false)
        pairs.append((s("amount"), s(money(p.amount))))
        pairs.append((s("lines"), seq(p.lines.map(line))))
        pairs.append((s("indicators"), seq(p.indicators.map(indicator))))
        if p.scoring != ScoringSettings() { pairs.append((s("scoring"), scoring(p.scoring))) }
        return .mapping(Node.Mapping(pairs, .implicit, .block))
    }

    static func line(_ l: SpendingLine) -> Node {
        var pairs: [(Node, Node)] = [(s("id"), s(l.id)), (s("name"), s(l.name))]
        if let c = l.category { pairs.append((s("category"), s(c))) }
        pairs.append((s("amount"), s(money(l.amount))))
        if let b = l.basis { pairs.append((s("basis"), s(b))) }
        if !l.runs.isEmpty {
            pairs.append(
                (
                    s("runs"),
                    seq(
                        l.runs.map { r in
                            flow([
                                ("ink", r.ink.rawValue), ("unitPrice", r.unitPrice.plain + "元"),
                                ("copies", String(r.copies)),
                            ])
                        })
                ))
        }
        return .mapping(Node.Mapping(pairs, .implicit, l.runs.isEmpty && l.basis == nil ? .flow : .block))
    }

    static func indicator(_ i: Indicator) -> Node {
        var pairs: [(String, String)] = [
            ("id", i.id), ("level1", i.level1), ("level2", i.level2), ("name", i.name), ("target", i.target.text),
        ]
        if i.target.kind != .none && i.target.kind != .growth { pairs.append(("op", i.comparison.rawValue)) }
        pairs.append(("metric", i.metric.description))
        if let d = i.due { pairs.append(("due", d.description)) }
        if let w = i.weight { pairs.append(("weight", w.description)) }
        if let c = i.filter.channel { pairs.append(("channel", c.rawValue)) }
        if let l = i.filter.line { pairs.append(("line", l)) }
        if let k = i.filter.ink { pairs.append(("ink", k.rawValue)) }
        if let w = i.targetWording { pairs.append(("targetWording", w)) }
        if let st = i.standard { pairs.append(("standard", st)) }
        return flow(pairs)
    }

    static func scoring(_ sc: ScoringSettings) -> Node {
        let levels = Node.mapping(
            Node.Mapping(sc.levelWeights.map { (s($0.level), s($0.weight.description)) }, .implicit, .flow))
        return .mapping(
            Node.Mapping(
                [
                    (s("budgetWeight"), s(sc.budgetWeight.description)), (s("levelWeights"), levels),
                    (s("reverse"), s(sc.reverse.rawValue)), (s("rounding"), s(sc.rounding.rawValue)),
                ], .implicit, .block))
    }

    /// An amount as the tables write it: `2.5万` for whole hundreds of 元, else `1234.56元`.
    static func money(_ m: Money) -> String {
        if m.fen == 0 { return "0" }
        return m.fen % 10_000 == 0 ? m.wan + "万" : m.plain + "元"
    }

    static func s(_ v: String) -> Node { .scalar(Node.Scalar(v)) }
    static func seq(_ nodes: [Node]) -> Node { .sequence(Node.Sequence(nodes, .implicit, .block)) }
    static func flow(_ pairs: [(String, String)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (s($0.0), s($0.1)) }, .implicit, .flow))
    }
    static func block(_ pairs: [(String, String)]) -> Node {
        .mapping(Node.Mapping(pairs.map { (s($0.0), s($0.1)) }, .implicit, .block))
    }
}
