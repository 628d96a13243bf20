import Foundation
import KepuCore
import KepuFiles
import KepuOffice
import Testing

@testable import KepuCLI

/// `kepu plan import` of the official target tables (Tests/Fixtures/make.py lays them out as the seed
/// does): the seed's tables give the seed's plan, another unit's five tables give three projects, and
/// every bad input gets one sentence and changes nothing.
@Suite struct OfficialTablesTests {
    static func fixture(_ name: String) -> String { repoRoot.appendingPathComponent("Tests/Fixtures/\(name)").path }

    static func seedPlan() throws -> Plan {
        let text = try String(
            contentsOfFile: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml").path, encoding: .utf8
        )
        return try PlanFile.parse(text).plan
    }

    static func read(_ names: [String]) throws -> OfficialPlanImport.Preview {
        try OfficialPlanImport.preview(files: names.map { (fixture($0), $0) })
    }

    /// The seed's three tables, typed into a workbook as the seed lays them out, give the seed's plan
    /// figure for figure and indicator by indicator.
    @Test(arguments: [
        ["plan-seed-2023.xlsx"], ["plan-seed-2023-部门整体.xlsx", "plan-seed-2023-附表2.xlsx", "plan-seed-2023-附表3.xlsx"],
    ])
    func theSeedsTablesGiveTheSeedsPlan(_ files: [String]) throws {
        let seed = try Self.seedPlan()
        let preview = try Self.read(files)
        let plan = preview.plan
        #expect(preview.errors.isEmpty, "\(preview.errors)")
        #expect(plan.unit == seed.unit)
        #expect(plan.year == seed.year)
        #expect(plan.period == seed.period)
        #expect(plan.budget == seed.budget)
        #expect(plan.department == seed.department)
        #expect(plan.fund == seed.fund)
        #expect(plan.goals == seed.goals)
        #expect(plan.keyWork == seed.keyWork)
        #expect(plan.lines == seed.lines)
        #expect(plan.scoring == seed.scoring)
        #expect(plan.indicators.count == seed.indicators.count)
        for (a, b) in zip(plan.indicators, seed.indicators) {
            #expect(a.id == b.id)
            #expect([a.level1, a.level2, a.name] == [b.level1, b.level2, b.name], "\(b.id)")
            #expect(a.target == b.target, "\(b.id)")
            #expect(a.comparison == b.comparison, "\(b.id)")
            #expect(a.metric == b.metric, "\(b.id)")
            #expect(a.due == b.due, "\(b.id)")
            #expect(a.standard == b.standard, "\(b.id)")
            #expect(a.weight == b.weight && a.filter == b.filter, "\(b.id)")
        }
        // The literacy goal keeps its sentence; 附表2 and 附表3 name the 专项 differently, and that is said.
        #expect(plan.indicator("literacy")?.targetWording == "力争到2025年全区公民具备基本科学素质比例达到10%以上")
        #expect(
            preview.findings.map(\.finding).contains(
                .fundNamedDifferently(project: "业务性专项", summary: "业务性专项", table: "A专项")))
        // What is stored is the plan file that was shown: reading it back gives the same plan.
        #expect(try PlanFile.parse(preview.yaml).plan == plan)
    }

    /// The demo year, its plan replaced by the one read from the tables, reconciles and scores the same.
    @Test func theDemoYearScoresTheSameOnThePlanReadFromTheTables() throws {
        let w = ReconcileCommandTests.demo()
        let before = [
            w.ok("reconcile --year 2023 --as-of 2023-12-31 --format json"),
            w.ok("report --year 2023 --as-of 2023-12-31 --format json"),
        ]
        let r = w.run(["plan", "import", Self.fixture("plan-seed-2023.xlsx"), "--replace"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已导入计划 2"), "\(r.err)")
        let after = [
            w.ok("reconcile --year 2023 --as-of 2023-12-31 --format json"),
            w.ok("report --year 2023 --as-of 2023-12-31 --format json"),
        ]
        for (a, b) in zip(before, after) {
            // Only the volunteers' wording differs (附表3 says 数量增加); every figure is the same.
            let x = a.replacingOccurrences(of: "志愿者和志愿组织增加（附表3：志愿者和志愿组织数量增加）", with: "志愿者和志愿组织数量增加")
            let dx = try JSONSerialization.jsonObject(with: Data(x.utf8)) as? NSDictionary
            let dy = try JSONSerialization.jsonObject(with: Data(b.utf8)) as? NSDictionary
            #expect(dx == dy)
        }
    }

    /// Another unit, in 元: two 专项, three 支出方向 (one titled 项目支出绩效目标表), a 附表2 whose 合计 is
    /// wrong, a target no rule knows.
    @Test func anotherUnitsFiveTablesGiveThreeProjects() throws {
        let preview = try Self.read(["plan-other-2024.xlsx"])
        let plan = preview.plan
        #expect(preview.errors.isEmpty, "\(preview.errors)")
        #expect(plan.unit == "湘江区科学技术协会")
        #expect(plan.projects.map(\.name) == ["科普日活动经费", "青少年科技创新大赛", "科普e站"])
        #expect(plan.projects.map(\.amount.fen) == [3_000_000, 4_000_000, 3_000_000])
        #expect(plan.projects.map { $0.fund.category } == ["科普活动专项", "科普活动专项", "科普信息化专项"])
        #expect(plan.budget.project.fen == 10_000_000)
        #expect(plan.budget.basic.fen == 70_000_000)
        // Line and indicator ids are unique in the year.
        #expect(Set(plan.lines.map(\.id)).count == plan.lines.count)
        #expect(Set(plan.allIndicators.map(\.id)).count == plan.allIndicators.count)
        #expect(plan.projects[0].lines.map(\.runs.count) == [0, 1])
        let findings = preview.findings.map(\.finding)
        #expect(
            findings.contains(
                .summaryTotal(
                    rows: [
                        NamedFigure("科普活动专项", Money(fen: 7_000_000)), NamedFigure("科普信息化专项", Money(fen: 3_000_000)),
                    ],
                    sum: Money(fen: 10_000_000), total: Money(fen: 11_000_000))))
        #expect(
            findings.contains(
                .departmentProjectSpending(department: Money(fen: 10_000_000), summary: Money(fen: 11_000_000))))
        #expect(findings.contains(.metricUnknown(indicator: "科学氛围更加浓厚", target: "明显提升")))
        #expect(
            preview.read.inferred.first { $0.indicator.name == "师生满意度" }?.indicator.metric == .satisfaction)

        // Imported, the year is three projects; 附表2 adds them up.
        let w = Workspace()
        w.env["KEPU_TODAY"] = "2025-01-15"
        w.ok("init")
        let r = w.run(["plan", "import", Self.fixture("plan-other-2024.xlsx")])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("3 个项目"), "\(r.err)")
        let summary = w.ok("plan show --year 2024 --summary")
        #expect(summary.contains("科普信息化专项"))
        let o = try JSONSerialization.jsonObject(with: Data(w.ok("reconcile --year 2024 --format json").utf8))
        #expect(((o as? [String: Any])?["projects"] as? [Any])?.count == 3)
    }

    @Test func dryRunShowsAndWritesNothing() throws {
        let w = Workspace()
        w.ok("init")
        let before = w.fingerprint()
        let r = w.run(["plan", "import", Self.fixture("plan-seed-2023.xlsx"), "--dry-run"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("推断的取数口径（请核对）"))
        #expect(r.out.contains("volunteer-growth"))
        #expect(r.err.contains("plan-seed-2023.xlsx：0 处错误，2 处警告"), "\(r.err)")
        #expect(w.fingerprint() == before)
        let o = w.run(["plan", "import", Self.fixture("plan-seed-2023.xlsx"), "-o", "2023.yaml"])
        #expect(o.code == 0, "\(o.err)")
        #expect(w.fingerprint() == before)
        let written = try String(contentsOfFile: w.dir + "/2023.yaml", encoding: .utf8)
        #expect(try PlanFile.parse(written).plan == (try Self.read(["plan-seed-2023.xlsx"])).plan)
        // The file written is a plan file kepu imports as it is.
        w.ok("plan import 2023.yaml")
    }

    @Test func badTablesAreRefusedInOneSentence() throws {
        let w = Workspace()
        w.ok("init")
        w.refuses(
            ["plan", "import", Self.fixture("costs.xlsx")],
            zh: "kepu：costs.xlsx 里没有认得出的绩效目标表：表的标题应含“部门整体支出绩效目标表”“专项资金绩效目标汇总表”“专项资金支出方向绩效目标表”或“项目支出绩效目标表”",
            en:
                "kepu: costs.xlsx holds no target table kepu knows: a table's title should contain 部门整体支出绩效目标表, 专项资金绩效目标汇总表, 专项资金支出方向绩效目标表 or 项目支出绩效目标表"
        )
        w.refuses(
            ["plan", "import", Self.fixture("plan-no-target-column.xlsx")],
            zh: "kepu：业务性专项 的年度绩效指标没有“指标值”一列，读不出各项指标的目标",
            en: "kepu: the indicators of 业务性专项 have no 指标值 column, so their targets cannot be read")
        w.refuses(
            ["plan", "import", Self.fixture("plan-twice.xlsx")],
            zh: "kepu：有两张支出方向绩效目标表（附表3）都叫 业务性专项；每个支出方向只能有一张",
            en: "kepu: two project tables (附表3) are both named 业务性专项; each project has one")
        w.refuses(
            ["plan", "import", Self.fixture("plan-seed-2023-附表2.xlsx")],
            zh: "kepu：只有附表2（汇总表）：请一并导入部门整体支出绩效目标表或各支出方向的附表3，指标在那里",
            en:
                "kepu: only the summary table (附表2) was given: import the department table or each project's table (附表3) with it, which hold the indicators"
        )
        w.refuses(
            ["plan", "import", Self.fixture("plan-seed-2023-附表3.xlsx")],
            zh: "kepu：找不到部门名称：请一并导入部门整体支出绩效目标表，或用 --unit 指明单位",
            en: "kepu: no 部门名称 was found: import the department table too, or name the unit with --unit")
        _ = w.write("2024绩效目标.docx", "PK")
        w.refuses(
            ["plan", "import", "2024绩效目标.docx"],
            zh: "kepu：2024绩效目标.docx 是 Word 文件，kepu 读不了；请把各张表复制到 Excel（或 WPS 表格），另存为 .xlsx 后再导入",
            en:
                "kepu: 2024绩效目标.docx is a Word file, which kepu does not read: copy the tables into Excel (or WPS) and save them as .xlsx"
        )
        // 附表3 alone imports once the unit is named.
        let r = w.run(["plan", "import", Self.fixture("plan-seed-2023-附表3.xlsx"), "--unit", "石峰区科协"])
        #expect(r.code == 0, "\(r.err)")
    }

    @Test func theRulesShippedAreTheSeedsFile() throws {
        let path = repoRoot.appendingPathComponent("Seeds/plan-rules.yaml").path
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let body = text.trimmingCharacters(in: .newlines).split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? "" : "        " + $0 }.joined(separator: "\n")
        let generated = """
            // Generated from Seeds/plan-rules.yaml by `UPDATE_SEEDS=1 swift test --filter OfficialTablesTests`; do not edit.

            enum PlanRulesSeed {
                static let text = #\"\"\"
            \(body)
                    \"\"\"#
            }

            """
        let target = repoRoot.appendingPathComponent("Sources/KepuCore/PlanRulesSeed.swift").path
        if ProcessInfo.processInfo.environment["UPDATE_SEEDS"] == "1" {
            try generated.write(toFile: target, atomically: true, encoding: .utf8)
        }
        #expect(try String(contentsOfFile: target, encoding: .utf8) == generated)
        #expect(try PlanRules.parse(text) == PlanRules.standard)
    }
}

/// The cross-table checks and the several-project findings, each in both languages.
@Suite struct OfficialTablesFindingTests {
    func sheet(_ name: String, _ rows: [[String]]) -> OfficialTables.Sheet {
        OfficialTables.Sheet(file: "t.xlsx", name: name, rows: rows.enumerated().map { ($1, $0 + 1) })
    }

    func direction(_ name: String, amount: String, parent: String) -> OfficialTables.Sheet {
        sheet(
            name,
            [
                ["2024年区级专项资金支出方向绩效目标表"], ["金额单位：元"],
                ["支出方向（子项）", name, "所属专项", "名称", parent], ["项目金额", amount],
                ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"],
                ["", "产出指标", "数量指标", "举办活动", "2次"],
                ["支出明细及测算说明", "支出内容简介", "支出明细", "金额", "支出测算依据及过程说明"],
                ["", "活动", "活动费", amount, ""], ["", "", "合计", amount],
            ])
    }

    @Test func theSummaryTableIsCheckedAgainstEachProjectsTable() throws {
        let summary = sheet(
            "附表2",
            [
                ["2024年区级专项资金绩效目标汇总表"], ["金额单位：元"], ["序号", "名称", "金额", "实施期绩效目标", "年度绩效目标"],
                ["", "合计", "50000"], ["一", "科普活动专项", "50000"], ["1", "科普讲座", "50000"],
            ])
        let read = try OfficialTables.read(
            [
                summary, direction("科普讲座", amount: "40000", parent: "A专项"),
                direction("科普展览", amount: "10000", parent: "A专项"),
            ],
            unit: "某区科协")
        let f = read.findings.map(\.finding)
        let amount = Finding.summaryAmount(name: "科普讲座", summary: Money(fen: 5_000_000), table: Money(fen: 4_000_000))
        let missing = Finding.summaryMissing(name: "科普展览")
        let named = Finding.fundNamedDifferently(project: "科普讲座", summary: "科普活动专项", table: "A专项")
        #expect(f.contains(amount) && f.contains(missing) && f.contains(named))
        #expect(Catalogue.text(amount, .zh) == "科普讲座 在附表2中为 5万，在其附表3中为 4万")
        #expect(
            Catalogue.text(amount, .en) == "科普讲座 is 5万 in the summary table (附表2) but 4万 in its own table (附表3)")
        #expect(Catalogue.text(missing, .zh) == "科普展览 有附表3，但附表2中没有这一行")
        #expect(Catalogue.text(missing, .en) == "科普展览 has its own table (附表3) but no row in the summary table (附表2)")
        #expect(Catalogue.text(named, .zh) == "科普讲座 的所属专项在附表2中写作“科普活动专项”，在附表3中写作“A专项”")
        #expect(
            Catalogue.text(named, .en)
                == "科普讲座 belongs to \"科普活动专项\" in the summary table (附表2) but to \"A专项\" in its own table (附表3)")
        // Two projects: ids p1 and p2, each line and indicator prefixed by its project.
        #expect(read.plan.projects.map(\.id) == ["p1", "p2"])
        #expect(read.plan.lines.map(\.id) == ["p1-line1", "p2-line1"])
        #expect(read.plan.allIndicators.map(\.id) == ["p1-events", "p2-events"])
    }

    /// The error these sheets are refused with (recorded as an issue if they are read instead).
    func refusal(_ sheets: [OfficialTables.Sheet]) -> KepuError? {
        #expect(throws: KepuError.self) { try OfficialTables.read(sheets, unit: "某区科协") }
    }

    /// A 附表3 whose indicator block is empty (or missing) is refused in one sentence, in both languages.
    @Test func aProjectTableWithoutIndicatorsIsRefused() {
        let empty = sheet(
            "附表3",
            [
                ["2024年区级专项资金支出方向绩效目标表"], ["金额单位：元"],
                ["支出方向（子项）", "科普讲座", "所属专项", "名称", "A专项"], ["项目金额", "1000"],
                ["支出明细及测算说明", "支出内容简介", "支出明细", "金额", "支出测算依据及过程说明"],
                ["", "活动", "活动费", "1000", ""],
            ])
        let e = refusal([empty])
        #expect(e?.problem == .officialTableWithoutIndicators(table: "科普讲座"))
        #expect(
            e?.text(.zh) == "科普讲座 里找不到年度绩效指标（应有“一级指标”“二级指标”“三级指标”“指标值”一行表头，其下是各项指标）")
        #expect(
            e?.text(.en)
                == "科普讲座 holds no indicators (a header row of 一级指标, 二级指标, 三级指标 and 指标值, with the indicators below it)"
        )
    }

    /// An indicator named but with no 指标值 is refused, naming the sheet and row.
    @Test func anIndicatorWithoutATargetIsRefused() {
        var table = direction("科普讲座", amount: "1000", parent: "A专项")
        table.rows.insert((["", "", "质量指标", "活动质量", ""], 7), at: 6)
        let e = refusal([table])
        #expect(e?.text(.zh) == "科普讲座 的指标“活动质量”（工作表 科普讲座 第 7 行）没有指标值：请填上目标（如“2次”“98%”，没有目标写“无”）后再导入")
        #expect(
            e?.text(.en)
                == "the indicator \"活动质量\" of 科普讲座 (sheet 科普讲座, row 7) has no target (指标值): fill one in (such as 2次 or 98%, or 无 for none) and import again"
        )
        // An indicator under no 二级指标 (found by Fuzz/run official): refused, naming the row.
        let orphan = sheet(
            "附表3",
            [
                ["2024年区级专项资金支出方向绩效目标表"], ["支出方向（子项）", "科普讲座", "所属专项", "名称", "A专项"],
                ["项目金额", "1000"], ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"],
                ["", "", "", "举办讲座", "2次"],
            ])
        let level = refusal([orphan])
        #expect(level?.text(.zh) == "科普讲座 的指标“举办讲座”（工作表 附表3 第 5 行）不在任何一级指标之下：请填上一级指标后再导入")
        #expect(
            level?.text(.en)
                == "the indicator \"举办讲座\" of 科普讲座 (sheet 附表3, row 5) is under no 一级指标: fill it in and import again")
    }

    /// A target kepu reads as no figure (a bare 800000, an unknown unit) is scored by hand with a warning, and the
    /// plan file written for it reads back as the same plan (found by Fuzz/run official).
    @Test func aTargetReadAsNothingKnownIsManualAndReadsBack() throws {
        var table = direction("科普讲座", amount: "1000", parent: "A专项")
        table.rows.insert((["", "", "成本指标", "讲座经费", "800000"], 7), at: 6)
        table.rows.insert((["", "", "质量指标", "讲座场地", "5处"], 8), at: 7)
        let read = try OfficialTables.read([table], unit: "某区科协")
        let odd = read.plan.allIndicators.filter { ["讲座经费", "讲座场地"].contains($0.name) }
        #expect(odd.map(\.metric) == [.manual, .manual])
        #expect(odd.allSatisfy { $0.target.isQualitative })
        #expect(read.findings.filter { if case .metricUnknown = $0.finding { true } else { false } }.count == 2)
        let back = try PlanFile.parse(PlanYAML.text(read.plan), source: "p.yaml")
        #expect(back.plan == read.plan)
        // Written by hand with a metric that needs a figure, the same target is still refused.
        let bad = PlanYAML.text(read.plan).split(separator: "\n", omittingEmptySubsequences: false).map {
            $0.contains("讲座经费") ? $0.replacingOccurrences(of: "metric: manual", with: "metric: spending") : String($0)
        }.joined(separator: "\n")
        #expect(bad != PlanYAML.text(read.plan))
        #expect(throws: KepuError.self) { try PlanFile.parse(bad, source: "p.yaml") }
    }

    @Test func severalProjectFindingsInBothLanguages() {
        let two = Finding.lineInTwoProjects(line: "printing", projects: ["a", "b"])
        #expect(Catalogue.text(two, .zh) == "支出明细编号 printing 同时出现在项目 a、b 中；同一年的明细编号不能重复")
        #expect(
            Catalogue.text(two, .en)
                == "the line id \"printing\" is used in the projects a and b; a line id must be unique in the year")
        let dup = Finding.duplicateProjectID("a")
        #expect(Catalogue.text(dup, .zh) == "编号 a 被多个项目使用")
        #expect(Catalogue.text(dup, .en) == "the id \"a\" is used by more than one project")
        let total = Finding.summaryTotal(
            rows: [NamedFigure("A专项", Money(fen: 100))], sum: Money(fen: 100), total: Money(fen: 200))
        #expect(Catalogue.text(total, .en).hasPrefix("the summary table (附表2): "))
        let dept = Finding.departmentProjectSpending(department: Money(fen: 3_000_000), summary: Money(fen: 4_000_000))
        #expect(Catalogue.text(dept, .zh) == "部门整体支出绩效目标表的项目支出为 3万，附表2合计为 4万")
        #expect(
            Catalogue.text(dept, .en)
                == "the department table's project expenditure is 3万, but the summary table (附表2) totals 4万")
        let unknown = Finding.metricUnknown(indicator: "氛围", target: "明显提升")
        #expect(
            Catalogue.text(unknown, .en) == "氛围: the target \"明显提升\" matches no rule, so it is scored by hand (manual)")
        let sum = Finding.projectsSum(
            projects: [NamedFigure("甲", Money(fen: 100))], sum: Money(fen: 100), project: Money(fen: 200))
        #expect(Catalogue.text(sum, .en).hasSuffix("not the department's project expenditure 0.0002万"))
    }

    /// A plan file whose two projects share a line id, or an id: refused in one sentence, nothing written.
    @Test func aPlanFileWithALineInTwoProjectsIsRefused() {
        let w = Workspace()
        w.ok("init")
        let text = ProjectTests.planText.replacingOccurrences(of: "{id: estation-ops,", with: "{id: commission,")
        _ = w.write("bad.yaml", text)
        w.refuses(
            "plan import bad.yaml",
            zh:
                "kepu：bad.yaml 有 1 处错误，未导入；第一处：支出明细 commission：支出明细编号 commission 同时出现在项目 kepu-day、estation 中；同一年的明细编号不能重复",
            en:
                "kepu: bad.yaml has 1 error and was not imported; the first: line commission: the line id \"commission\" is used in the projects kepu-day and estation; a line id must be unique in the year"
        )
    }
}
