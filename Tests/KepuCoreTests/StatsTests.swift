import Testing

@testable import KepuCore

/// The statistics rules on plain values: what counts as an activity, channels, campaigns, rounding, "-".
@Suite struct StatsSheetTests {
    static let edition = try! StatsEdition.parse(
        """
        edition: t
        title: 测试
        rows:
          - {section: 活动, item: 讲座, measure: 次数, unit: 次, sum: activities, form: lecture}
          - {section: 活动, item: 讲座, measure: 线上人次, unit: 人次, sum: participants, form: lecture, channel: online}
          - {section: 活动, item: 科技周, measure: 次数, unit: 次, sum: activities, campaign: tech-week}
          - {section: 活动, item: 科技周, measure: 人次, unit: 人次, sum: participants, campaign: tech-week}
          - {section: 经费, item: 筹集, measure: 政府拨款, unit: 万元, sum: budget-government, decimals: 2}
          - {section: 经费, item: 筹集, measure: 专项, unit: 万元, sum: budget-project, decimals: 2}
          - {section: 经费, item: 使用, measure: 支出, unit: 万元, sum: spending, decimals: 2}
          - {section: 人员, item: 志愿者, measure: 时长, unit: 小时, sum: volunteer-hours}
        """, source: "t.yaml")

    func activity(_ id: Int64, _ form: EventForm, _ campaign: EventKind, leaf: Bool, _ on: Int64, _ off: Int64)
        -> StatsLedger.Activity
    {
        .init(id: id, title: "a\(id)", form: form, campaign: campaign, isLeaf: leaf, onsite: on, online: off)
    }

    @Test func aParentCountsAsItsSubActivitiesButKeepsItsOwnAttendance() {
        let ledger = StatsLedger(
            year: 2025, unit: "某科协", budget: nil,
            activities: [
                activity(1, .other, .techWeek, leaf: false, 100, 0),
                activity(2, .lecture, .techWeek, leaf: true, 50, 20),
                activity(3, .lecture, .other, leaf: true, 10, 5),
            ],
            costs: [.init(id: 1, label: "x", amount: Money(fen: 1_234_500))],  // 12,345 元 → 1.23万 (1.2345)
            prints: [.init(id: 1, title: "p", copies: 10, cost: Money(fen: 5_000))],  // + 50 元 → 1.2395 → 1.24
            volunteers: [.init(id: 1, name: "v", hoursCenti: 250), .init(id: 2, name: "w", hoursCenti: 200)])
        let sheet = StatsSheet.make(edition: Self.edition, ledger: ledger)
        #expect(sheet.rows.map(\.text) == ["2", "25", "1", "170", "-", "-", "1.24", "5"])
        #expect(sheet.rows[3].sources.map(\.id) == [1, 2])
    }

    @Test func theBudgetComesFromThePlanAndItsAdjustment() {
        let budget = Plan.Budget(
            total: Money(fen: 55_620_000), basic: Money(fen: 52_620_000), project: Money(fen: 3_000_000),
            general: Money(fen: 55_620_000), governmentFund: nil, other: nil)
        var ledger = StatsLedger(year: 2023, unit: "某科协", budget: budget)
        #expect(StatsSheet.make(edition: Self.edition, ledger: ledger).rows[4...5].map(\.text) == ["55.62", "3.00"])
        ledger.adjustedBudget = Money(fen: 3_456_789)
        #expect(StatsSheet.make(edition: Self.edition, ledger: ledger).rows[5].text == "3.46")
    }
}
