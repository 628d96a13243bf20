import Foundation
import Testing

@testable import KepuCore

/// The seed's plan, read from Seeds/ in the source tree.
func seedPlanText() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
}

func seedPlan() throws -> Plan { try PlanFile.parse(seedPlanText()).plan }

@Suite struct PlanFileTests {
    @Test func theSeedPlanCarriesEveryFigure() throws {
        let r = try PlanFile.parse(seedPlanText())
        #expect(r.warnings.isEmpty)
        let p = r.plan
        #expect(p.unit == "株洲市石峰区科学技术协会")
        #expect(p.year == 2023)
        #expect(p.period == DateRange.year(2023))
        #expect(p.budget.total.fen == 55_620_000)
        #expect(p.budget.basic.fen == 52_620_000)
        #expect(p.budget.project.fen == 3_000_000)
        #expect(p.budget.general?.fen == 55_620_000)
        #expect(p.lines.map(\.id) == ["commission", "printing"])
        #expect(p.lines[0].amount.fen == 2_500_000)
        #expect(
            p.lines[1].runs == [
                PlannedRun(ink: .color, unitPrice: Money(fen: 100), copies: 2000),
                PlannedRun(ink: .mono, unitPrice: Money(fen: 50), copies: 6000),
            ])
        #expect(p.indicators.count == 9)
        let reach = try #require(p.indicator("reach"))
        #expect(reach.target.value == Fixed(20000))
        #expect(reach.target.unit == "人次")
        #expect(p.indicator("cost")?.comparison == .atMost)
        #expect(p.indicator("literacy")?.due == CalendarDate(year: 2025, month: 12, day: 31))
        #expect(p.indicator("volunteers")?.target.kind == .growth)
        #expect(p.indicator("satisfaction")?.target.value == Fixed(98))
        #expect(p.keyWork.first?.goal == "全国科普日、科技活动周活动的开展")
        #expect(p.goals.implementation == "两次大型活动，科普宣传，科技工作者表彰，科技信息化融合发展")
        #expect(p.fund.parent == "A专项")
        #expect(p.department.duties?.hasPrefix("区政府主管科普工作的正科级群团组织") == true)
        #expect(p.indicator("timeliness")?.standard == "12底前完成")
    }

    @Test func unknownKeysAreWarnedNotDropped() throws {
        let text = try seedPlanText().replacingOccurrences(of: "unit: 株洲", with: "colour: blue\nunit: 株洲")
        let r = try PlanFile.parse(text)
        #expect(r.warnings.count == 1)
        #expect(r.warnings[0].text(.en).hasPrefix("unknown key \"colour\" (line"))
    }

    @Test func structuralErrorsNameTheLine() throws {
        let text = try seedPlanText().replacingOccurrences(of: "target: 2万人次", with: "target: 2万只")
        #expect {
            try PlanFile.parse(text, source: "p.yaml")
        } throws: { e in
            let m = (e as? KepuError)?.text(.en) ?? ""
            return m.hasPrefix("p.yaml line ") && m.contains("indicator reach target \"2万只\" has the unit \"只\"")
        }
        #expect {
            try PlanFile.parse("unit: [", source: "p.yaml")
        } throws: { e in
            guard case .yamlInvalid("p.yaml", _) = (e as? KepuError)?.problem else { return false }
            return true
        }
        #expect(throws: KepuError(.notAPlan(source: "p.yaml"))) { try PlanFile.parse("- a\n- b", source: "p.yaml") }
    }
}

@Suite struct PlanLintTests {
    @Test func theSeedPassesWithItsCostPerPersonInconsistencyReported() throws {
        let findings = PlanLint.check(try seedPlan())
        #expect(findings.filter { $0.severity == .error }.isEmpty)
        let cpp = try #require(findings.first { $0.check == "cost-per-person" })
        #expect(cpp.subject == .indicator("cost"))
        #expect(cpp.text(.en).contains("0.08元/人"))
        #expect(cpp.text(.en).contains("30000元 ÷ 20000人次 = 1.5元/人次"))
        #expect(cpp.text(.en).contains("0.08元/人 × 20000人次 = 1600元 ≠ 30000元"))
        #expect(cpp.text(.en).contains("375000人"))
    }

    @Test func basisArithmeticIsChecked() {
        let terms = PlanLint.basisTerms("彩色1元/份×2000份=0.2万元；单色0.5元/份×6000份=0.3万元")
        #expect(terms.map(\.product.fen) == [200_000, 300_000])
        #expect(terms.map { $0.stated?.fen } == [200_000, 300_000])
        let commission = PlanLint.basisTerms("活动1次/1.25万元×2次（授课费、人员工资、车辆、展架、条幅等）")
        #expect(commission.map(\.product.fen) == [2_500_000])
    }

    @Test func linesThatDoNotAddUpAreErrors() throws {
        var p = try seedPlan()
        p.lines[0].amount = Money(fen: 2_400_000)
        let f = PlanLint.check(p)
        #expect(
            f.contains {
                $0.check == "lines-sum"
                    && $0.text(.en) == "2.4万 (commission) + 0.5万 (printing) = 2.9万, not the project budget 3万"
            })
        #expect(f.contains { $0.check == "basis-amount" && $0.subject == .line("commission") })
    }

    @Test func runsThatDoNotMatchTheLineAreErrors() throws {
        var p = try seedPlan()
        p.lines[1].runs[1].copies = 5000
        let f = PlanLint.check(p)
        #expect(
            f.contains { $0.check == "runs-sum" && $0.text(.en).contains("= 4500.00元, not the line's amount 5000.00元") }
        )
    }

    @Test func weightsMustAddUpTo100() throws {
        var p = try seedPlan()
        p.scoring.levelWeights[0].weight = Fixed(40)
        #expect(PlanLint.check(p).contains { $0.check == "weights-sum" && $0.text(.en).hasSuffix("= 90, not 100") })
        p = try seedPlan()
        p.indicators[0].weight = Fixed(60)
        #expect(PlanLint.check(p).contains { $0.check == "weights-level" })
    }

    @Test func idsAreUniqueAndMetricsFitTheirUnits() throws {
        var p = try seedPlan()
        p.indicators[1].id = "major-events"
        p.indicators[8].target = try Target.parse("98人")
        let f = PlanLint.check(p)
        #expect(f.contains { $0.check == "unique-ids" && $0.subject == .indicator("major-events") })
        #expect(f.contains { $0.check == "metric-unit" && $0.subject == .indicator("satisfaction") })
    }
}
