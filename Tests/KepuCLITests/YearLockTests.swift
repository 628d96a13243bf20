import Foundation
import Testing

@testable import KepuCLI
@testable import KepuCore

/// 封账: once a year is locked, every write dated in it is refused, whichever command makes it.
@Suite struct YearLockTests {
    static let locked = "kepu：2023年已封账（2024-01-15，已报送财政局），不能再修改；确需修改请由管理员解除封账：kepu year unlock 2023 --reason 原因"
    static let lockedEn =
        "kepu: 2023 is locked (2024-01-15, 已报送财政局) and can no longer be changed; an admin can lift the lock: kepu year unlock 2023 --reason WHY"

    @Test func aLockedYearRefusesEveryWriteDatedInIt() throws {
        let w = ReconcileCommandTests.demo()
        let r = w.run("year lock 2023 --reason 已报送财政局")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\n")
        #expect(r.err.contains("已封账：2023年（已报送财政局）"))
        for line in [
            "cost add --line commission --amount 100 --date 2023-10-01",
            "attendance add --event 7 --count 10",
            "event add --title 补录活动 --kind 其他 --start 2023-12-01",
            "event edit 7 --venue 区政府广场 --reason 地点写错",
            "cost void 1 --reason 重复",
            "event void 7 --reason 重复录入",
            "note set --year 2023 --indicator reach --reason 下雨",
            "basic set --year 2023 --spent 52万",
            "survey add --event 7 --responses 10 --satisfied 9",
            "volunteer signup --volunteer 2 --event 8 --hours 2",
        ] {
            w.refuses(line, code: 1, zh: Self.locked, en: Self.lockedEn)
        }
        let sheet = w.write("明细账.csv", "日期,金额,支出明细\n2023-12-20,100,commission\n")
        w.refuses(
            "cost import \(sheet)", code: 1,
            zh: "kepu：明细账.csv 第 2 行：" + Self.locked.dropFirst(5) + "；整个文件未导入",
            en: "kepu: 明细账.csv line 2: " + Self.lockedEn.dropFirst(6) + "; nothing was imported")
        // What is not dated in the year is still written: a volunteer joins.
        _ = w.ok("volunteer add --name 新志愿者 --phone 13900000099")
        w.refuses(
            "year lock 2023 --reason 再锁一次", code: 1, zh: "kepu：2023年已于 2024-01-15 封账（已报送财政局）",
            en: "kepu: 2023 was already locked on 2024-01-15 (已报送财政局)")
        #expect(w.ok("year status").contains("已封账"))
        // Reports still read the locked year.
        #expect(w.run("report --year 2023 --format json").code == 0)
    }

    @Test func unlockingLetsTheCorrectionThroughAndIsAudited() throws {
        let w = ReconcileCommandTests.demo()
        _ = w.ok("year lock 2023 --reason 已报送财政局")
        _ = w.ok("year unlock 2023 --reason 财政局退回，更正人次")
        _ = w.ok("attendance add --event 7 --count 10")
        let status = w.ok("year status")
        #expect(status.contains("已解除"))
        #expect(status.contains("财政局退回，更正人次"))
        w.refuses(
            "year unlock 2023 --reason 再解一次", code: 1, zh: "kepu：2023年没有封账，无需解除",
            en: "kepu: 2023 is not locked; there is nothing to unlock")
        #expect(w.ok("log --entity year_lock --details").contains("财政局退回，更正人次"))
        #expect(w.run("log --verify").code == 0)
        // Locked again after the correction.
        _ = w.ok("year lock 2023 --reason 更正后重新报送")
        w.refuses(
            "attendance add --event 7 --count 1", code: 1,
            zh: "kepu：2023年已封账（2024-01-15，更正后重新报送），不能再修改；确需修改请由管理员解除封账：kepu year unlock 2023 --reason 原因",
            en:
                "kepu: 2023 is locked (2024-01-15, 更正后重新报送) and can no longer be changed; an admin can lift the lock: kepu year unlock 2023 --reason WHY"
        )
    }

    @Test func noLocksSaysSo() {
        let w = Workspace().seeded()
        let r = w.run("year status")
        #expect(r.code == 0)
        #expect(r.err == "还没有封账的年度\n")
    }
}
