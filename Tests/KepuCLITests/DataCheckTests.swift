import Foundation
import Testing

@testable import KepuCLI

/// Each data check fires on a ledger made to trip it, and says so in Chinese and in English.
@Suite struct DataCheckTests {
    static func checks(_ w: Workspace) -> (zh: String, en: String) {
        let zh = w.run("check --year 2023")
        let en = w.run("check --year 2023 --lang en")
        #expect(zh.code == 2 && en.code == 2)
        return (zh.out, en.out)
    }

    @Test func outsidePeriodFlagsEventsAndCostsDatedInAnotherYear() throws {
        let w = Workspace().seeded()
        let seed = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"),
            encoding: .utf8)
        let next = seed.replacingOccurrences(of: "year: 2023", with: "year: 2024")
            .replacingOccurrences(of: "2023-01-01", with: "2024-01-01").replacingOccurrences(
                of: "2023-12-31", with: "2024-12-31")
        w.ok("plan import \(w.write("2024.yaml", next))")
        let id = w.ok("event add --title 跨年科普展 --kind other --start 2023-12-30 --end 2024-01-02")
        let cost = w.ok("cost add --line commission --amount 500 --event \(id) --date 2024-01-05")
        let (zh, en) = Self.checks(w)
        #expect(zh.contains("outside-period: 活动 \(id): 跨年科普展（2023-12-30–2024-01-02）超出本期2023-01-01–2023-12-31"))
        #expect(
            en.contains(
                "outside-period: event \(id): 跨年科普展 runs 2023-12-30–2024-01-02, outside the period 2023-01-01–2023-12-31"
            ))
        #expect(
            zh.contains(
                "outside-period: 费用 \(cost): 活动\(id)的费用500.00元记账日期为2024-01-05，不在本期2023-01-01–2023-12-31内，计入其他年度"))
        #expect(
            en.contains("outside-period: cost \(cost): 500.00元 for event \(id) is dated 2024-01-05, outside the period")
        )
    }

    @Test func staleMeasurementFlagsAFigureOlderThanThePeriod() {
        let w = Workspace().seeded()
        w.ok("measure add --metric literacy-rate --value 9.1% --date 2022-11-30")
        let (zh, en) = Self.checks(w)
        #expect(zh.contains("stale-measurement: 指标 literacy: 最新的literacy-rate测量值日期为2022-11-30，早于本期开始（2023-01-01）"))
        #expect(
            en.contains(
                "stale-measurement: indicator literacy: the latest literacy-rate measurement is from 2022-11-30, before the period starts (2023-01-01)"
            ))
    }

    @Test func lineOverPlanFlagsOverspending() {
        let w = Workspace().seeded()
        w.ok("cost add --line commission --amount 2.6万 --date 2023-05-01")
        let (zh, en) = Self.checks(w)
        #expect(zh.contains("line-over-plan: 支出明细 commission: 活动委托费已支出26,000.00元，超出计划25,000.00元1,000.00元"))
        #expect(
            en.contains(
                "line-over-plan: line commission: spent 26,000.00元 against 25,000.00元 planned (over by 1,000.00元)"))
    }

    @Test func printRunsFlagsCopiesThatDifferFromThePlan() {
        let w = Workspace().seeded()
        w.ok("print add --title 折页 --ink 彩色 --copies 1500 --unit-price 1元 --date 2023-05-01")
        let (zh, en) = Self.checks(w)
        #expect(zh.contains("print-runs: 支出明细 printing: 彩色1.00元/份：实际印刷1500份，计划2000份"))
        #expect(en.contains("print-runs: line printing: color runs at 1.00元: 1500 copies printed, 2000 planned"))
    }

    @Test func surveyAttendanceFlagsMoreAnswersThanVisitors() {
        let w = Workspace().seeded()
        let id = w.ok("event add --title 科普讲座 --kind other --start 2023-04-01")
        w.ok("attendance add --event \(id) --count 40")
        w.ok("survey add --event \(id) --responses 50 --satisfied 49")
        let (zh, en) = Self.checks(w)
        #expect(zh.contains("survey-attendance: 活动 \(id): 科普讲座回收问卷50份，多于参与人次40"))
        #expect(en.contains("survey-attendance: event \(id): 科普讲座 has 50 survey responses but only 40人次 of attendance"))
    }
}
