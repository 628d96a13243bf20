import Foundation
import Testing

@testable import KepuCLI

/// `kepu reconcile` end to end: the demo year recorded through the commands, checked field by field
/// against figures worked out by hand from Seeds/demo/2023.kepu.
@Suite struct ReconcileCommandTests {
    static func demo() -> Workspace {
        let w = Workspace()
        let r = w.run("demo")
        #expect(r.code == 0, "\(r.err)")
        return w
    }

    func json(_ w: Workspace, _ args: String) throws -> [String: Any] {
        let text = w.ok("reconcile --year 2023 --format json " + args)
        return try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func indicator(_ o: [String: Any], _ id: String) -> [String: Any] {
        ((o["indicators"] as? [[String: Any]]) ?? []).first { $0["id"] as? String == id } ?? [:]
    }

    @Test func yearEndJSONMatchesTheFiguresWorkedOutByHand() throws {
        let w = Self.demo()
        let o = try json(w, "--as-of 2023-12-31")
        #expect(o["unit"] as? String == "株洲市石峰区科学技术协会")
        #expect(o["year"] as? Int == 2023)
        #expect(o["asOf"] as? String == "2023-12-31")
        #expect(o["final"] as? Bool == true)
        let budget = try #require(o["budget"] as? [String: Any])
        // Commission: 科技活动周 3200+1500+2600+800+4300 = 12,400; 科普日 3000+1800+2400+900+4400 = 12,500.
        // Printing: 2000×1元 + (3500+2500)×0.5元 = 5,000. Total 29,900 of 30,000 = 0.9967.
        #expect(budget["plannedFen"] as? Int == 3_000_000)
        #expect(budget["spentFen"] as? Int == 2_990_000)
        #expect((budget["executionRate"] as? NSNumber)?.decimalValue == Decimal(string: "0.9967"))
        let lines = try #require(budget["lines"] as? [[String: Any]])
        #expect(lines.map { $0["id"] as? String } == ["commission", "printing"])
        #expect(lines.map { $0["spentFen"] as? Int } == [2_490_000, 500_000])
        #expect(lines.map { $0["name"] as? String } == ["活动委托费", "资料排版复印"])

        let major = indicator(o, "major-events")
        #expect(major["actual"] as? Int == 2)
        #expect(major["status"] as? String == "met")
        let reach = indicator(o, "reach")
        // 科技活动周 1800+3500+1200+900; 座谈会 60; 科普日 3200+6800+850+1100+300; 讲座 120 = 19,830.
        #expect(reach["actual"] as? Int == 19830)
        #expect((reach["percentOfTarget"] as? NSNumber)?.decimalValue == Decimal(string: "99.15"))
        #expect(reach["status"] as? String == "missed")
        let target = try #require(reach["target"] as? [String: Any])
        #expect(target["text"] as? String == "2万人次")
        #expect(target["value"] as? Int == 20000)
        #expect(target["unit"] as? String == "人次")
        #expect(target["op"] as? String == ">=")
        #expect(indicator(o, "timeliness")["actual"] as? Int == 11)
        #expect(indicator(o, "timeliness")["status"] as? String == "met")
        #expect(indicator(o, "cost")["actual"] as? Int == 29900)
        #expect(indicator(o, "cost")["status"] as? String == "met")
        #expect(indicator(o, "economic")["status"] as? String == "n/a")
        #expect(indicator(o, "economic")["actual"] is NSNull)
        #expect((indicator(o, "literacy")["actual"] as? NSNumber)?.doubleValue == 9.62)
        // The text carries exact decimals (JSONSerialization reads them through Double).
        let raw = w.ok("reconcile --year 2023 --format json --as-of 2023-12-31")
        #expect(raw.contains("\"actual\": 9.62,"))
        #expect(raw.contains("\"executionRate\": 0.9967,"))
        #expect(indicator(o, "literacy")["status"] as? String == "in-progress")
        let vol = indicator(o, "volunteers")
        #expect(vol["status"] as? String == "met")
        let growth = try #require(vol["growth"] as? [String: Any])
        #expect(growth["volunteers"] as? Int == 10)
        #expect(growth["orgs"] as? Int == 3)
        #expect(growth["previousVolunteers"] as? Int == 8)
        #expect(growth["previousSource"] as? String == "baseline")
        // Surveys: (147+98+296+118) / (150+100+300+120) = 659/670 = 98.3582%.
        #expect((indicator(o, "satisfaction")["actual"] as? NSNumber)?.decimalValue == Decimal(string: "98.3582"))
        #expect(indicator(o, "satisfaction")["status"] as? String == "met")
    }

    @Test func midYearMonitoringProratesAndJudgesLikelihood() throws {
        let w = Self.demo()
        let o = try json(w, "--as-of 2023-06-30")
        #expect(o["final"] as? Bool == false)
        // By June 30: 科技活动周 7,400 + 座谈会 60 = 7,460 of a prorated 20000 × 181/365 = 9,918.
        let reach = indicator(o, "reach")
        #expect(reach["actual"] as? Int == 7460)
        #expect(reach["expected"] as? Int == 9918)
        #expect(reach["status"] as? String == "behind")
        #expect(reach["likelihood"] as? String == "有可能")
        #expect(indicator(o, "major-events")["status"] as? String == "on-track")
        let budget = try #require(o["budget"] as? [String: Any])
        // 12,400 commission + 3500 × 0.5元 = 14,150 spent by June 30.
        #expect(budget["spentFen"] as? Int == 1_415_000)
        #expect(budget["expectedByNowFen"] as? Int == 1_487_700)
        let text = w.ok("reconcile --year 2023 --as-of 2023-06-30")
        #expect(text.contains("运行监控") && text.contains("完成目标可能性") && text.contains("有可能"))
    }

    @Test func everyFormatRenders() {
        let w = Self.demo()
        #expect(w.ok("reconcile --format md").contains("| 一级指标 |"))
        #expect(w.ok("reconcile --format csv").hasPrefix("\u{FEFF}"))
        #expect(w.ok("reconcile --format html").contains("<!DOCTYPE html>"))
        #expect(w.ok("reconcile --lang en").contains("Indicators"))
    }

    @Test func theDefaultAsOfIsTodayInsideThePeriod() throws {
        let w = Self.demo()
        w.env["KEPU_TODAY"] = "2023-06-30"
        #expect(try json(w, "")["asOf"] as? String == "2023-06-30")
        w.env["KEPU_TODAY"] = "2025-03-01"
        #expect(try json(w, "")["asOf"] as? String == "2023-12-31")
    }
}
