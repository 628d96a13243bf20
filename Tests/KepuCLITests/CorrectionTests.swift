import Foundation
import Testing

@testable import KepuCLI

/// A clerk's year with its mistakes, corrected through edit, void and restore, reconciles exactly like the
/// same year entered without them.
@Suite struct CorrectionTests {
    /// The year both clerks record, as the careful one types it.
    static func careful(_ w: Workspace) {
        let tw = w.ok("event add --title 科技活动周 --kind 科技周 --start 2023-05-20 --end 2023-05-26")
        let sd = w.ok("event add --title 全国科普日 --kind 科普日 --start 2023-09-16 --end 2023-09-22")
        let main = w.ok("event add --title 主场活动 --kind 其他 --start 2023-09-16 --parent \(sd)")
        w.ok("attendance add --event \(tw) --count 5200")
        w.ok("attendance add --event \(main) --count 9800")
        w.ok("attendance add --event \(main) --count 4100 --channel 线上 --method 估算")
        w.ok("cost add --line commission --amount 1.25万 --event \(tw)")
        w.ok("cost add --line commission --amount 1.2万 --event \(sd)")
        w.ok("print add --title 折页 --ink 彩色 --copies 2000 --unit-price 1元 --event \(sd)")
        w.ok("survey add --event \(tw) --responses 100 --satisfied 99")
        w.ok("survey add --event \(main) --responses 200 --satisfied 196")
        let v = w.ok("volunteer add --name 李华 --phone 13800000001 --org 甲队")
        w.ok("volunteer signup --volunteer \(v) --event \(main) --hours 8")
    }

    @Test func aYearWithMistakesCorrectedReconcilesLikeTheCarefulOne() throws {
        let clean = Workspace().seeded()
        Self.careful(clean)

        let w = Workspace().seeded()
        let tw = w.ok("event add --title 科技活动周 --kind 科技周 --start 2023-05-20 --end 2023-05-26")
        let sd = w.ok("event add --title 全国科普日 --kind 科普日 --start 2023-09-16 --end 2023-09-22")
        let main = w.ok("event add --title 主场活动 --kind 其他 --start 2023-09-16 --parent \(sd)")
        w.ok("attendance add --event \(tw) --count 5200")
        w.ok("attendance add --event \(main) --count 9800")
        // Entered twice: accepted, with a warning.
        let twice = w.run("attendance add --event \(main) --count 9800")
        #expect(twice.code == 0)
        #expect(twice.err.contains("注意：活动 \(main) 在 2023-09-16 已有一条线下 9800人次的记录"))
        let duplicate = twice.out.trimmingCharacters(in: .whitespacesAndNewlines)
        w.ok("attendance add --event \(main) --count 4100 --channel 线上 --method 估算")
        w.ok("cost add --line commission --amount 1.25万 --event \(tw)")
        // A wrong amount.
        let cost = w.ok("cost add --line commission --amount 2.1万 --event \(sd)")
        w.ok("print add --title 折页 --ink 彩色 --copies 2000 --unit-price 1元 --event \(sd)")
        w.ok("survey add --event \(tw) --responses 100 --satisfied 99")
        // A survey entered on the wrong event.
        let survey = w.ok("survey add --event \(tw) --responses 200 --satisfied 196")
        // A mistyped phone.
        let v = w.ok("volunteer add --name 李华 --phone 13800000010 --org 甲队")
        w.ok("volunteer signup --volunteer \(v) --event \(main) --hours 8")

        let fix = w.run("cost edit \(cost) --amount 1.2万 --reason 发票金额录错")
        #expect(fix.err == "已修改费用 \(cost)（活动委托费 12,000.00元）：--amount 21,000.00元 → 12,000.00元\n")
        let voided = w.run("attendance void \(duplicate) --reason 重复录入")
        #expect(voided.err == "已作废人次记录 \(duplicate)（活动 \(main) 线下 9800人次）：重复录入\n")
        w.ok("survey edit \(survey) --event \(main) --reason 录在了错误的活动下")
        w.ok("volunteer edit \(v) --phone 13800000001 --reason 手机号录错")
        // A whole campaign voided by mistake, and restored.
        let campaign = w.run("event void \(sd) --reason 误操作")
        #expect(campaign.err.hasPrefix("已作废活动 \(sd)（全国科普日），连同 1 个活动、2 条人次记录、1 笔费用、1 条印刷记录、1 批满意度调查、1 条报名记录"))
        let restored = w.run("event restore \(sd) --reason 误作废，恢复")
        #expect(restored.code == 0, "\(restored.err)")
        #expect(restored.err.hasPrefix("已恢复活动 \(sd)（全国科普日），连同 1 个活动、2 条人次记录"))

        // The same figures, field for field.
        let want = clean.ok("reconcile --year 2023 --format json")
        #expect(w.ok("reconcile --year 2023 --format json") == want)
        #expect(w.ok("log --verify").hasPrefix("操作记录完好"))
        // The duplicate stayed voided through the campaign's void and restore: it was voided on its own.
        #expect(w.ok("attendance list --year 2023 --all").contains("已作废：重复录入"))
        let history = w.ok("cost show \(cost)")
        #expect(history.contains("新增") && history.contains("修改") && history.contains("作废") && history.contains("恢复"))
        #expect(history.contains("金额 21,000.00元 → 12,000.00元"))
        #expect(w.ok("cost show \(cost) --lang en").contains("amount 21,000.00元 → 12,000.00元"))
        #expect(w.ok("event show \(sd)").contains("作废") && w.ok("event show \(sd)").contains("恢复"))
        let person = w.ok("volunteer show \(v)")
        #expect(person.contains("手机 138****0010 → 138****0001"))
        #expect(!person.contains("13800000010"))
    }

    @Test func restoresThatWouldBreakARuleAreRefused() {
        let w = Workspace().seeded()
        let sd = w.ok("event add --title 全国科普日 --kind 科普日 --start 2023-09-16")
        let sub = w.ok("event add --title 进社区 --kind 其他 --start 2023-09-17 --parent \(sd)")
        let cost = w.ok("cost add --line commission --amount 100 --event \(sub)")
        w.ok("event void \(sub) --reason 取消")
        w.ok("event void \(sd) --reason 整体取消")
        w.refuses(
            "event restore \(sub) --reason x", zh: "kepu：活动 \(sub) 不能恢复：它所属的活动 \(sd) 已作废，请先恢复活动 \(sd)",
            en: "kepu: event \(sub) cannot be restored: its campaign, event \(sd), is voided; restore event \(sd) first"
        )
        w.refuses(
            "cost restore \(cost) --reason x", zh: "kepu：费用 \(cost) 是随活动 \(sub) 一起作废的；请恢复活动 \(sub)，它会一并恢复",
            en: "kepu: cost \(cost) was voided with event \(sub); restore event \(sub) and it comes back too")
        w.ok("event restore \(sd) --reason 恢复")
        w.refuses(
            "event restore \(sd) --reason x", zh: "kepu：活动 \(sd) 没有作废，无需恢复",
            en: "kepu: event \(sd) is not voided; there is nothing to restore")

        let a = w.ok("volunteer add --name 李华 --phone 13800000001")
        w.ok("volunteer void \(a) --reason 重复登记")
        let b = w.ok("volunteer add --name 李华 --phone 13800000001")
        w.refuses(
            "volunteer restore \(a) --reason x",
            zh: "kepu：志愿者 \(a) 不能恢复：它的手机号已由志愿者 \(b)（李华）使用",
            en: "kepu: volunteer \(a) cannot be restored: its phone is now used by volunteer \(b) (李华)")
        w.refuses(
            "volunteer edit \(b) --name 李华 --reason x",
            zh: "kepu：没有要修改的内容：给出的值与志愿者 \(b) 现有的相同",
            en: "kepu: nothing to change: the values given are those volunteer \(b) already has")
        w.refuses(
            "cost edit \(cost) --amount 0 --reason x", code: 64,
            zh: "kepu：--amount 为 0：费用必须大于 0（要撤回一笔费用，请作废它）",
            en: "kepu: --amount \"0\" is zero: a cost must be more than 0 (to take a cost back, void it)")
    }

    @Test func restoresBlockedByAVoidedEventVolunteerOrARepeatedSignUp() {
        let w = Workspace().seeded()
        let sd = w.ok("event add --title 全国科普日 --kind 科普日 --start 2023-09-16")
        let cost = w.ok("cost add --line commission --amount 100 --event \(sd)")
        w.ok("cost void \(cost) --reason 录错")
        w.ok("event void \(sd) --reason 整体取消")
        w.refuses(
            "cost restore \(cost) --reason x", zh: "kepu：费用 \(cost) 不能恢复：它的活动 \(sd) 已作废，请先恢复活动 \(sd)",
            en: "kepu: cost \(cost) cannot be restored: its event \(sd) is voided; restore event \(sd) first")
        w.refuses(
            "cost edit \(cost) --amount 200 --reason x",
            zh: "kepu：费用 \(cost)（活动委托费 100.00元）已于 \(Self.today()) 作废",
            en: "kepu: cost \(cost) (活动委托费 100.00元) was voided on \(Self.today())")
        w.ok("event restore \(sd) --reason 恢复")

        let v = w.ok("volunteer add --name 李华 --phone 13800000001")
        let g = w.ok("volunteer signup --volunteer \(v) --event \(sd)")
        w.ok("volunteer void --signup \(g) --reason 未到岗")
        w.ok("volunteer void \(v) --reason 重复登记")
        w.refuses(
            ["volunteer", "restore", "--signup", g, "--reason", "x"],
            zh: "kepu：报名记录 \(g) 不能恢复：志愿者 \(v) 已作废，请先恢复志愿者 \(v)",
            en: "kepu: sign-up \(g) cannot be restored: volunteer \(v) is voided; restore volunteer \(v) first")
        w.ok("volunteer restore \(v) --reason 恢复")
        w.ok("volunteer signup --volunteer \(v) --event \(sd)")
        w.refuses(
            ["volunteer", "restore", "--signup", g, "--reason", "x"],
            zh: "kepu：报名记录 \(g) 不能恢复：同一志愿者当天已有报名记录 \(Int(g)! + 1)",
            en:
                "kepu: sign-up \(g) cannot be restored: the volunteer already has sign-up \(Int(g)! + 1) for that event and day"
        )
    }

    /// The day the audit stamps: the clock's, in UTC.
    static func today() -> String {
        let f = ISO8601DateFormatter()
        return String(f.string(from: Date()).prefix(10))
    }
}

/// 全国科普月 (from 2025) and an activity's form.
@Suite struct ScienceMonthTests {
    @Test func theScienceMonthIsAMajorCampaignAndFormsFilterTheList() throws {
        let w = Workspace()
        w.ok("init")
        let seed = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
        let plan = seed.replacingOccurrences(of: "year: 2023", with: "year: 2025")
            .replacingOccurrences(of: "2023-01-01", with: "2025-01-01").replacingOccurrences(
                of: "2023-12-31", with: "2025-12-31")
        w.ok("plan import \(w.write("2025.yaml", plan))")
        let month = w.ok("event add --title 2025年全国科普月石峰区活动 --kind 科普月 --start 2025-09-01 --end 2025-09-30")
        w.ok("event add --title 科技活动周 --kind 科技周 --start 2025-05-17")
        w.ok("event add --title 防诈骗讲座 --kind 其他 --form 讲座 --start 2025-09-10 --parent \(month)")
        w.ok("event add --title 科普展 --kind 其他 --form exhibition --start 2025-09-12 --parent \(month)")
        let o = try #require(
            try JSONSerialization.jsonObject(
                with: Data(w.ok("reconcile --year 2025 --as-of 2025-12-31 --format json").utf8)) as? [String: Any])
        let major = (o["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "major-events" }
        #expect((major?["actual"] as? NSNumber)?.intValue == 2)
        let lectures = w.ok("event list --year 2025 --form 科普讲座")
        #expect(lectures.contains("防诈骗讲座") && !lectures.contains("科普展 "))
        #expect(w.ok("event list --year 2025").contains("全国科普月★"))
        w.ok("event edit \(month) --form 开放日 --reason 按统计口径")
        #expect(w.ok("event show \(month)").contains("开放日"))
        w.refuses(
            "event add --title x --kind 其他 --form 晚会 --start 2025-03-01", code: 64,
            zh:
                "kepu：--form 晚会 不是活动形式：可用 科普讲座(lecture)、科普展览(exhibition)、科普竞赛(competition)、实用技术培训(training)、青少年科技活动(youth)、开放日(open-day)、科技咨询(consultation)、其他(other)",
            en:
                "kepu: --form \"晚会\" is not an activity form: use lecture|exhibition|competition|training|youth|open-day|consultation|other"
        )
    }
}
