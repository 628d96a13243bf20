import Foundation
import Testing

@testable import KepuCLI

/// Finding what was recorded: the log's filters, imports naming events by title, and the refusals that
/// keep a clerk from recording the same thing twice.
@Suite struct FindingTests {
    @Test func theLogFiltersByDayKindIdAndOperatorAndMasksPhones() {
        let w = Workspace().seeded()
        let e = w.ok("event add --title 科普日 --kind 科普日 --start 2023-09-16")
        let v = w.ok("volunteer add --name 李华 --phone 13800000001")
        w.ok("cost add --line commission --amount 100 --event \(e)")
        let costs = w.ok("log --entity cost")
        #expect(costs.contains("费用 1") && !costs.contains("活动 \(e) ") && !costs.contains("志愿者"))
        let one = w.ok("log --entity volunteer --id \(v) --details")
        #expect(one.contains("138****0001"))
        #expect(!one.contains("13800000001"))
        #expect(w.ok("log --operator 测试员").contains("费用 1"))
        // Each row says what happened; the command is a detail.
        let log = w.ok("log --entity event")
        #expect(log.contains("新增活动 \(e)（科普日）"))
        #expect(!log.contains("event add"))
        #expect(w.ok("log --entity event --details").contains("event add --title 科普日"))
        #expect(!w.ok("log --operator 别人").contains("费用"))
        #expect(w.ok("log --since 2000-01-01 --entity 活动").contains("活动 \(e)"))
        #expect(!w.ok("log --until 2000-01-01").contains("活动"))
        w.refuses(
            "log --entity 表格", code: 64,
            zh:
                "kepu：--entity 表格 不是记录类型：可用 活动(event)、人次记录(attendance)、费用(cost)、印刷记录(print)、满意度调查(survey)、测量值(measure)、志愿者(volunteer)、报名记录(signup)、计划(plan)、说明(note)",
            en:
                "kepu: --entity \"表格\" is not a record kind: use event|attendance|cost|print|survey|measure|volunteer|signup|plan|note"
        )
    }

    @Test func importsNameEventsByTitle() throws {
        let w = Workspace().seeded()
        let e = w.ok("event add --title 科普日主场 --kind 科普日 --start 2023-09-16")
        let file = w.write("账.csv", "日期,金额,支出明细,活动\n2023-09-16,100,commission,科普日主场\n")
        #expect(w.run(["cost", "import", file]).code == 0)
        #expect(w.ok("cost list --event \(e)").contains("100.00"))
        w.ok("event add --title 科普日主场 --kind 其他 --start 2023-10-01")
        let again = w.write("账2.csv", "日期,金额,支出明细,活动\n2023-10-02,200,commission,科普日主场\n")
        w.refuses(
            ["cost", "import", again],
            zh: "kepu：账2.csv 第 2 行：活动 科普日主场 对应多个活动（1、2）；请改写活动编号；整个文件未导入",
            en:
                "kepu: 账2.csv line 2: 活动 \"科普日主场\" names several events (1, 2); write the event's id instead; nothing was imported"
        )
    }

    @Test func theSameThingTwiceIsRefusedOrFlagged() {
        let w = Workspace().seeded()
        let e = w.ok("event add --title 科普日 --kind 科普日 --start 2023-09-16")
        w.refuses(
            "event add --title 科普日 --kind 科普日 --start 2023-09-16",
            zh: "kepu：已有同名同日的活动 \(e)（科普日，2023-09-16）；确属另一场活动请加 --allow-duplicate",
            en:
                "kepu: event \(e) already has this title and start (科普日, 2023-09-16); add --allow-duplicate if it really is another event"
        )
        #expect(w.run("event add --title 科普日 --kind 科普日 --start 2023-09-16 --allow-duplicate").code == 0)
        w.refuses(
            "measure add --metric 科学素质 --value 9.6% --date 2023-11-30",
            zh: "kepu：--metric 科学素质 不是 2023 年计划的指标使用的测量名称：可用 literacy-rate",
            en: "kepu: --metric \"科学素质\" is not read by any indicator of the 2023 plan: use literacy-rate")
    }
}
