import Foundation
import Testing

@testable import KepuCLI

/// Several projects (支出方向) in one year: the records split among them, each project evaluated
/// exactly as it would be alone, 附表2, the summary of scores and the refusals.
@Suite struct ProjectTests {
    static let planPath = repoRoot.appendingPathComponent("Tests/Fixtures/plans/three-projects-2024.yaml").path
    static let planText = try! String(contentsOfFile: planPath, encoding: .utf8)

    /// The fixture with only one of its projects: the same header, one entry under `projects:`.
    static func alone(_ id: String) -> String {
        let parts = planText.components(separatedBy: "\n  - id: ")
        let head = parts[0]
        let own = parts.dropFirst().first { $0.hasPrefix(id + "\n") }!
        var text = head + "\n  - id: " + own
        if !text.hasSuffix("\n") { text += "\n" }
        // 项目支出 follows the projects; the department keeps its basic expenditure.
        let amount = ["kepu-day": "3万", "contest": "3万", "estation": "2万"][id]!
        return text.replacingOccurrences(
            of: "budget: {total: 60万, basic: 52万}", with: "budget: {basic: 52万, project: \(amount)}")
    }

    /// A year of three projects with records in each; the ids of each project's records.
    static func year() -> (Workspace, [String: (events: [Int], costs: [Int])]) {
        let w = Workspace()
        w.env["KEPU_TODAY"] = "2025-01-15"
        w.ok("init")
        w.ok("plan import \(planPath)")
        // 科普日: a campaign with a sub-activity, a cost on an event and one without, a print run, a survey,
        // two volunteers.
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2024-09-14 --project kepu-day")  // 1
        w.ok("event add --title 科普日分会场 --kind other --start 2024-09-15 --parent 1")  // 2
        w.ok("attendance add --event 1 --count 15000")
        w.ok("attendance add --event 2 --count 3000 --channel online")
        w.ok("cost add --line commission --amount 2万 --event 1")  // cost 1
        w.ok("cost add --line commission --amount 3000 --date 2024-10-01 --item 展架")  // cost 2
        w.ok("print add --title 折页 --ink color --copies 2000 --unit-price 1元 --event 1")
        w.ok("survey add --event 1 --responses 100 --satisfied 97")
        w.ok("volunteer add --name 李华 --phone 13800000001 --org 志愿服务队")
        w.ok("volunteer add --name 王芳 --phone 13800000002 --org 志愿服务队")
        w.ok("volunteer add --name 张伟 --phone 13800000003")
        w.ok("volunteer signup --volunteer 1 --event 1 --hours 6")
        w.ok("volunteer signup --volunteer 2 --event 2 --hours 4")
        // 创新大赛 (named by its name): an event, a cost, a survey; the literacy rate is the unit's.
        w.ok("event add --title 青少年科技创新大赛 --kind other --start 2024-05-10 --project 青少年科技创新大赛")  // 3
        w.ok("attendance add --event 3 --count 600")
        w.ok("cost add --line contest-awards --amount 2.8万 --event 3")  // cost 3
        w.ok("survey add --event 3 --responses 50 --satisfied 49")
        w.ok("measure add --metric literacy-rate --value 10.5% --date 2024-11-30")
        // 科普e站: two events, a cost without an event, volunteers.
        w.ok("event add --title e站开放日 --kind other --start 2024-03-10 --project estation")  // 4
        w.ok("event add --title e站讲座 --kind other --start 2024-06-10 --project estation")  // 5
        w.ok("attendance add --event 4 --count 500")
        w.ok("attendance add --event 5 --count 700")
        w.ok("cost add --line estation-ops --amount 1.5万 --date 2024-07-01 --item 运维")  // cost 4
        w.ok("volunteer signup --volunteer 2 --event 4 --hours 3")
        w.ok("volunteer signup --volunteer 3 --event 5 --hours 3")
        return (w, ["kepu-day": ([1], [2]), "contest": ([3], []), "estation": ([4, 5], [4])])
    }

    static func object(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    /// A project evaluated in the three-project year gives exactly what it gives alone: the same records
    /// in its own database (a copy with the other projects' records voided and its own plan), every metric.
    @Test(arguments: ["kepu-day", "contest", "estation"])
    func aProjectGivesWhatItGivesAlone(_ id: String) throws {
        let (w, owned) = Self.year()
        let copy = w.dir + "/\(id).sqlite"
        w.ok("backup \(copy)")
        let planFile = w.write("\(id).yaml", Self.alone(id))
        @discardableResult func inCopy(_ line: String) -> String {
            let r = w.run(try! DemoScript.split(line, line: 1, name: "test") + ["--db", copy])
            #expect(r.code == 0, "\(line): \(r.err)")
            return r.out
        }
        inCopy("plan import \(planFile) --replace")
        for (other, ids) in owned where other != id {
            for e in ids.events { inCopy("event void \(e) --reason 另一项目") }
            for c in ids.costs { inCopy("cost void \(c) --reason 另一项目") }
        }
        for asOf in ["2024-06-30", "2024-12-31"] {
            let several = try Self.object(w.ok("reconcile --year 2024 --as-of \(asOf) --format json --project \(id)"))
            let alone = try Self.object(inCopy("reconcile --year 2024 --as-of \(asOf) --format json"))
            #expect(NSDictionary(dictionary: several) == NSDictionary(dictionary: alone), "\(id) \(asOf)")
            #expect((several["project"] as? [String: Any])?["id"] as? String == id)
            let scored = try Self.object(w.ok("report --year 2024 --as-of \(asOf) --format json --project \(id)"))
            let scoredAlone = try Self.object(inCopy("report --year 2024 --as-of \(asOf) --format json"))
            #expect(NSDictionary(dictionary: scored) == NSDictionary(dictionary: scoredAlone), "\(id) \(asOf)")
        }
    }

    @Test func theYearReconcilesEveryProjectThenTheDepartment() throws {
        let (w, _) = Self.year()
        let o = try Self.object(w.ok("reconcile --year 2024 --as-of 2024-12-31 --format json"))
        let projects = try #require(o["projects"] as? [[String: Any]])
        #expect(
            projects.compactMap { ($0["project"] as? [String: Any])?["id"] as? String } == [
                "kepu-day", "contest", "estation",
            ])
        let spent = projects.compactMap { ($0["budget"] as? [String: Any])?["spentFen"] as? Int }
        // 科普日 20,000 + 3,000 + print 2,000; 大赛 28,000; e站 15,000.
        #expect(spent == [2_500_000, 2_800_000, 1_500_000])
        let department = try #require(o["department"] as? [String: Any])
        let budget = try #require(department["budget"] as? [String: Any])
        // The department's spending is the basic expenditure (none recorded) and every project's.
        #expect(budget["spentFen"] as? Int == spent.reduce(0, +))
        #expect(budget["plannedFen"] as? Int == 60_000_000)
        let lines = try #require(budget["lines"] as? [[String: Any]])
        #expect(lines.map { $0["plannedFen"] as? Int } == [52_000_000, 8_000_000])
        // Attendance follows the event: the sub-activity's online viewers are 科普日's.
        let reach = (projects[0]["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "reach" }
        #expect((reach?["actual"] as? NSNumber)?.intValue == 18000)
        // Volunteers follow their sign-ups' events: 2 at 科普日, 2 at e站 (王芳 at both).
        let vol = (projects[2]["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "estation-vol" }
        #expect((vol?["actual"] as? NSNumber)?.intValue == 2)

        let text = w.ok("reconcile --year 2024 --as-of 2024-12-31")
        for name in ["项目：科普日活动经费", "项目：青少年科技创新大赛", "项目：科普e站", "部门整体"] {
            #expect(text.contains(name), "\(name)")
        }
    }

    @Test func theSummaryTableAddsUpTheProjects() throws {
        let (w, _) = Self.year()
        let o = try Self.object(w.ok("plan show --year 2024 --summary --format json"))
        let rows = try #require(o["rows"] as? [[String: Any]])
        #expect(rows.map { $0["no"] as? String } == ["", "一", "1", "2", "二", "3"])
        #expect(rows.map { $0["level"] as? String } == ["total", "fund", "project", "project", "fund", "project"])
        #expect(
            rows.map { $0["amountFen"] as? Int } == [8_000_000, 6_000_000, 3_000_000, 3_000_000, 2_000_000, 2_000_000])
        let projects = rows.filter { $0["level"] as? String == "project" }.compactMap { $0["amountFen"] as? Int }
        #expect(rows[0]["amountFen"] as? Int == projects.reduce(0, +))
        #expect(rows[2]["implementationGoal"] as? String == "举办全国科普日")
        let text = w.ok("plan show --year 2024 --summary")
        #expect(text.contains("2024年区级专项资金绩效目标汇总表"))
        #expect(text.contains("青少年科技创新大赛"))
        for format in ["md", "csv", "html"] {
            #expect(w.ok("plan show --year 2024 --summary --format \(format)").contains("科普e站"), "\(format)")
        }
        // The full plan shows each project's own tables.
        let full = w.ok("plan show --year 2024")
        #expect(full.contains("科普e站 · 年度绩效指标"))
    }

    @Test func theSummaryOfScoresNamesEveryProjectAndTheDepartment() throws {
        let (w, _) = Self.year()
        let o = try Self.object(w.ok("report --year 2024 --as-of 2024-12-31 --summary --format json"))
        let projects = try #require(o["projects"] as? [[String: Any]])
        #expect(projects.compactMap { $0["id"] as? String } == ["kepu-day", "contest", "estation"])
        for p in projects {
            let alone = try Self.object(
                w.ok("report --year 2024 --as-of 2024-12-31 --format json --project \(p["id"] as! String)"))
            #expect((p["totalScore"] as? NSNumber) == (alone["totalScore"] as? NSNumber))
            #expect(p["grade"] as? String == alone["grade"] as? String)
        }
        #expect((o["department"] as? [String: Any])?["grade"] != nil)
        // Every project's 项目支出绩效自评表 in turn, then the department's.
        let all = try Self.object(w.ok("report --year 2024 --as-of 2024-12-31 --format json"))
        #expect((all["projects"] as? [Any])?.count == 3)
        #expect(all["department"] != nil)
        let html = w.ok("report --year 2024 --as-of 2024-12-31 --format html")
        #expect(html.components(separatedBy: "break-before: page").count == 4)
        w.ok("report --year 2024 --as-of 2024-12-31 -o 自评.xlsx")
        #expect(FileManager.default.fileExists(atPath: w.dir + "/自评.xlsx"))
    }

    @Test func aOneProjectYearIsAsBefore() throws {
        let w = ReconcileCommandTests.demo()
        let o = try Self.object(w.ok("reconcile --year 2023 --format json"))
        #expect(o["projects"] == nil)
        #expect((o["project"] as? [String: Any])?["id"] as? String == "main")
        #expect((o["project"] as? [String: Any])?["name"] as? String == "业务性专项")
        let same = try Self.object(w.ok("reconcile --year 2023 --format json --project main"))
        #expect(NSDictionary(dictionary: o) == NSDictionary(dictionary: same))
        let rows = try #require(
            try Self.object(w.ok("plan show --year 2023 --summary --format json"))["rows"] as? [[String: Any]])
        #expect(rows.map { $0["name"] as? String } == ["合计", "业务性专项", "业务性专项"])
        #expect(rows.map { $0["amountFen"] as? Int } == [3_000_000, 3_000_000, 3_000_000])
    }

    @Test func refusals() throws {
        let (w, _) = Self.year()
        w.refuses(
            "event add --title 讲座 --kind other --start 2024-04-01",
            zh: "kepu：2024 年有 3 个项目，请用 --project 指明属于哪一个：kepu-day（科普日活动经费）、contest（青少年科技创新大赛）、estation（科普e站）",
            en:
                "kepu: 2024 has 3 projects; say which with --project: kepu-day (科普日活动经费), contest (青少年科技创新大赛), estation (科普e站)"
        )
        w.refuses(
            "event add --title 讲座 --kind other --start 2024-04-01 --project 无此项目",
            zh: "kepu：--project 无此项目 不是 2024 年计划的项目：可用 kepu-day（科普日活动经费）、contest（青少年科技创新大赛）、estation（科普e站）",
            en:
                "kepu: --project \"无此项目\" is not a project of the 2024 plan: use kepu-day (科普日活动经费), contest (青少年科技创新大赛), estation (科普e站)"
        )
        w.refuses(
            "event add --title 分会场 --kind other --start 2024-09-14 --parent 1 --project contest",
            zh: "kepu：子活动随上级活动 1 属于项目 kepu-day，不能另指定为 contest",
            en: "kepu: a sub-activity is in its parent 1's project kepu-day, not contest")
        w.refuses(
            "cost add --line contest-awards --amount 100 --event 2",
            zh: "kepu：--line contest-awards 属于项目 contest，而活动 2 属于项目 kepu-day；费用应列支到活动所在项目的明细",
            en:
                "kepu: --line contest-awards belongs to the project contest, but event 2 to kepu-day; charge a cost to a line of its event's project"
        )
        w.refuses(
            "reconcile --year 2024 --project nope",
            zh: "kepu：--project nope 不是 2024 年计划的项目：可用 kepu-day（科普日活动经费）、contest（青少年科技创新大赛）、estation（科普e站）",
            en:
                "kepu: --project \"nope\" is not a project of the 2024 plan: use kepu-day (科普日活动经费), contest (青少年科技创新大赛), estation (科普e站)"
        )
        w.refuses(
            "plan adjust --year 2024 --budget 9万 --reason 追加",
            zh: "kepu：2024 年有 3 个项目，请用 --project 指明属于哪一个：kepu-day（科普日活动经费）、contest（青少年科技创新大赛）、estation（科普e站）",
            en:
                "kepu: 2024 has 3 projects; say which with --project: kepu-day (科普日活动经费), contest (青少年科技创新大赛), estation (科普e站)"
        )
        w.refuses(
            "plan show --year 2024 --format json", code: 64,
            zh: "kepu：计划以 YAML 文件为准；--format json 只用于 --summary（附表2）",
            en: "kepu: the plan's own form is its YAML file; --format json is only for --summary (附表2)")
    }

    @Test func aProjectBudgetAdjustmentStaysWithItsProject() throws {
        let (w, _) = Self.year()
        w.ok("plan adjust --year 2024 --budget 2.5万 --reason 调减 --project estation --date 2024-08-01")
        let o = try Self.object(w.ok("reconcile --year 2024 --as-of 2024-12-31 --format json"))
        let budgets = (o["projects"] as? [[String: Any]] ?? []).compactMap {
            ($0["budget"] as? [String: Any])?["adjustedFen"] as? Int
        }
        #expect(budgets == [3_000_000, 3_000_000, 2_500_000])
        let department = (o["department"] as? [String: Any])?["budget"] as? [String: Any]
        #expect(department?["adjustedFen"] as? Int == 52_000_000 + 8_500_000)
    }

    @Test func lintFindsWhatDoesNotAddUp() throws {
        let w = Workspace()
        var text = Self.planText.replacingOccurrences(
            of: "budget: {total: 60万, basic: 52万}", with: "budget: {total: 60万, basic: 52万, project: 7万}")
        text = text.replacingOccurrences(of: "{id: estation-ops,", with: "{id: commission,")
        let file = w.write("bad.yaml", text)
        let r = w.run(["plan", "lint", file], db: false)
        #expect(r.code != 0)
        #expect((r.out + r.err).contains("支出明细编号 commission 同时出现在项目 kepu-day、estation 中"), "\(r.out)")
        #expect((r.out + r.err).contains("不等于部门的项目支出 7万"), "\(r.out)")
    }

    /// A database made by the release before projects (v11, `kepu demo` of 2023, kept in Tests/Fixtures)
    /// opens, migrates, and gives what a new demo database gives: its plan is one project, its events are in it.
    @Test func aDatabaseFromThePreviousReleaseMigrates() throws {
        let old = Workspace()
        try FileManager.default.copyItem(
            atPath: repoRoot.appendingPathComponent("Tests/Fixtures/v11-demo-2023.sqlite").path, toPath: old.db)
        let fresh = ReconcileCommandTests.demo()
        for args in [
            "reconcile --year 2023 --format json --as-of 2023-12-31",
            "report --year 2023 --format json --as-of 2023-12-31",
        ] {
            let migrated = try Self.object(old.ok(args))
            let now = try Self.object(fresh.ok(args))
            #expect(NSDictionary(dictionary: migrated) == NSDictionary(dictionary: now), "\(args)")
            #expect((migrated["project"] as? [String: Any])?["id"] as? String == "main")
        }
        #expect(old.ok("log --verify").contains("✓") || old.run("log --verify").code == 0)
        old.ok("event add --title 新活动 --kind other --start 2023-11-01 --project 业务性专项")
        let rows = try #require(
            try Self.object(old.ok("plan show --year 2023 --summary --format json"))["rows"] as? [[String: Any]])
        #expect(rows.last?["project"] as? String == "main")
    }
}
