import Foundation
import Testing

@testable import KepuCLI

/// Plans as offices really write them: qualitative and date targets, budgets adjusted mid-year, a table for a
/// single project.
@Suite struct PlanFormsTests {
    /// 上海市普陀区体育事业管理中心's published 2022 self-evaluation of 与委托运营方结算费用.
    static let putuo = """
        unit: 上海市普陀区体育事业管理中心
        year: 2022
        period: {start: 2022-01-01, end: 2022-12-31}
        budget: {project: 25万}
        lines:
          - {id: settlement, name: 与委托运营方结算费用, amount: 25万}
        indicators:
          - {id: settle-rate, level1: 产出指标, level2: 数量指标, name: 与委托运营方结算完成率, target: "=100%", metric: "measurement:settlement-rate", weight: 10}
          - {id: clause-rate, level1: 产出指标, level2: 质量指标, name: 合同结算条款完成率, target: "=100%", metric: "measurement:clause-rate", weight: 20}
          - {id: timely, level1: 产出指标, level2: 时效指标, name: 费用结算及时性, target: 及时, weight: 20}
          - {id: contract-rate, level1: 效益指标, level2: 社会效益指标, name: 与委托运营方合同完成率, target: "=100%", metric: "measurement:contract-rate", weight: 30}
          - {id: satisfaction, level1: 满意度指标, level2: 服务对象满意度指标, name: 场馆开放满意度, target: ≥90%, metric: satisfaction, weight: 10}
        scoring:
          budgetWeight: 10
          levelWeights: {产出指标: 50, 效益指标: 30, 满意度指标: 10}

        """

    static func json(_ w: Workspace, _ line: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(w.ok(line).utf8)) as? [String: Any])
    }

    static func indicator(_ o: [String: Any], _ id: String) -> [String: Any]? {
        (o["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test func aPublishedTableIsReproducedToTheCent() throws {
        let w = Workspace()
        w.env["KEPU_TODAY"] = "2023-02-15"
        w.ok("init")
        w.ok("plan import \(w.write("putuo.yaml", Self.putuo))")
        for metric in ["settlement-rate", "clause-rate", "contract-rate"] {
            w.ok("measure add --metric \(metric) --value 100% --date 2022-12-31")
        }
        let e = w.ok("event add --title 场馆开放 --kind 其他 --start 2022-06-01")
        w.ok("survey add --event \(e) --responses 120 --satisfied 120")
        w.ok("cost add --line 与委托运营方结算费用 --amount 215,457.60 --date 2022-12-20")

        var o = try Self.json(w, "report --year 2022 --format json")
        #expect(o["provisional"] as? Bool == true)
        #expect(Self.indicator(o, "timely")?["status"] as? String == "needs-score")
        w.ok("note set --year 2022 --indicator timely --actual 及时 --score 20 --why 按合同约定时间完成结算")

        o = try Self.json(w, "report --year 2022 --format json")
        #expect(o["provisional"] as? Bool == false)
        #expect((o["budgetScore"] as? NSNumber)?.stringValue == "8.62")
        #expect((o["totalScore"] as? NSNumber)?.stringValue == "98.62")
        #expect(o["grade"] as? String == "优")
        let timely = try #require(Self.indicator(o, "timely"))
        #expect(timely["status"] as? String == "met" && timely["actual"] as? String == "及时")
        #expect(timely["metric"] as? String == "manual")
        for id in ["settle-rate", "clause-rate", "contract-rate", "satisfaction"] {
            #expect(Self.indicator(o, id)?["status"] as? String == "met", "\(id)")
        }
        let budget = try #require(o["budget"] as? [String: Any])
        #expect(budget["plannedFen"] as? Int == 25_000_000 && budget["adjustedFen"] as? Int == 25_000_000)
        #expect(budget["spentFen"] as? Int == 21_545_760)
        w.env["COLUMNS"] = "1000"
        let text = w.ok("report --year 2022")
        #expect(text.contains("及时") && text.contains("98.62") && text.contains("等级：优"))
    }

    /// A table for a single project needs only budget.project; a manual score outside the weight is refused
    /// with the bands; a qualitative row left unscored makes the total provisional.
    @Test func qualitativeRowsAreScoredByHandWithinTheBands() throws {
        let w = Workspace()
        w.ok("init")
        w.ok("plan import \(w.write("putuo.yaml", Self.putuo))")
        w.refuses(
            "note set --year 2022 --indicator timely --score 21 --why x",
            zh: "kepu：--score 21 超过了 timely 的分值 20；请给 0 到 20 分（达成 ≥ 16，部分达成 ≥ 12）",
            en: "kepu: --score 21 is more than the weight of timely, 20; give 0 to 20 (达成 ≥ 16, 部分达成 ≥ 12)")
        w.ok("note set --year 2022 --indicator timely --actual 基本及时 --score 13 --why 一笔结算延后一周")
        let o = try Self.json(w, "reconcile --year 2022 --as-of 2022-12-31 --format json")
        let timely = try #require(Self.indicator(o, "timely"))
        #expect(timely["status"] as? String == "partly-met" && timely["actual"] as? String == "基本及时")
        #expect(w.ok("reconcile --year 2022 --as-of 2022-12-31").contains("部分达成"))
    }

    @Test func dateTargetsAreMetOrMissedByTheLastDayOfActivity() throws {
        let w = Workspace()
        w.ok("init")
        let plan = Self.putuo.replacingOccurrences(
            of: "target: 及时, weight: 20", with: "target: 2022年10月底前, weight: 20")
        w.ok("plan import \(w.write("dated.yaml", plan))")
        let e = w.ok("event add --title 场馆开放 --kind 其他 --start 2022-06-01 --end 2022-09-30")
        var o = try Self.json(w, "report --year 2022 --as-of 2022-12-31 --format json")
        var row = try #require(Self.indicator(o, "timely"))
        #expect(row["metric"] as? String == "completion-date")
        #expect(row["status"] as? String == "met" && row["actual"] as? String == "2022-09-30")
        #expect((row["score"] as? NSNumber)?.intValue == 20)
        #expect((row["target"] as? [String: Any])?["date"] as? String == "2022-10-31")

        w.ok("cost add --line settlement --amount 1000 --event \(e) --date 2022-11-20")
        o = try Self.json(w, "report --year 2022 --as-of 2022-12-31 --format json")
        row = try #require(Self.indicator(o, "timely"))
        #expect(row["status"] as? String == "missed" && row["actual"] as? String == "2022-11-20")
        #expect((row["score"] as? NSNumber)?.intValue == 0)
        w.ok("note set --year 2022 --indicator timely --score 16 --why 尾款按合同在11月支付")
        o = try Self.json(w, "report --year 2022 --as-of 2022-12-31 --format json")
        row = try #require(Self.indicator(o, "timely"))
        #expect((row["score"] as? NSNumber)?.intValue == 16 && row["scoreBasis"] as? String == "manual")
    }

    /// 重庆市忠县科学技术协会's 2024 self-evaluation: 年初 3,724,055.00元 adjusted to 4,764,453.11元, with
    /// 4,614,453.11元 spent.
    @Test func anAdjustedBudgetScoresAgainstTheAnnualFigure() throws {
        let w = Workspace()
        w.env["KEPU_TODAY"] = "2025-01-20"
        w.ok("init")
        let plan = """
            unit: 重庆市忠县科学技术协会
            year: 2024
            budget: {project: 3724055}
            lines:
              - {id: work, name: 科协工作经费, amount: 3724055}
            indicators:
              - {id: events, level1: 产出指标, level2: 数量指标, name: 科普活动, target: 10次, metric: events}
            scoring:
              budgetWeight: 10
              levelWeights: {产出指标: 90}
              rounding: truncate

            """
        w.ok("plan import \(w.write("zhong.yaml", plan))")
        w.ok("cost add --line work --amount 4614453.11 --date 2024-12-20")
        let r = w.run("plan adjust --year 2024 --budget 4764453.11 --reason 追加科普经费 --date 2024-07-01")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err == "已登记 2024 年预算调整：全年预算数 4,764,453.11元：追加科普经费\n")
        let o = try Self.json(w, "reconcile --year 2024 --format json")
        let budget = try #require(o["budget"] as? [String: Any])
        #expect(budget["plannedFen"] as? Int == 372_405_500)
        #expect(budget["adjustedFen"] as? Int == 476_445_311)
        #expect((budget["executionRate"] as? NSNumber)?.stringValue == "0.9685")
        let report = try Self.json(w, "report --year 2024 --format json")
        #expect((report["budgetScore"] as? NSNumber)?.stringValue == "9.68")
        w.ok(
            "plan import \(w.write("zhong2.yaml", plan.replacingOccurrences(of: "rounding: truncate", with: "rounding: half-up"))) --replace"
        )
        let halfUp = try Self.json(w, "report --year 2024 --format json")
        #expect((halfUp["budgetScore"] as? NSNumber)?.stringValue == "9.69")
        w.env["COLUMNS"] = "1000"
        let text = w.ok("report --year 2024")
        #expect(text.contains("3,724,055.00") && text.contains("4,764,453.11") && text.contains("96.85%"))
        #expect(w.ok("report --year 2024 --format html").contains("4,764,453.11"))
        #expect(w.ok("log --entity adjust").contains("预算调整 "))
        w.refuses(
            "plan adjust --year 2024 --budget 500万 --line work --reason x", code: 64,
            zh: "kepu：--line 和 --amount 要一起给出：调整哪条支出明细、调整后多少",
            en: "kepu: --line and --amount go together: which line is adjusted, and to what")
    }

    @Test func nextYearsPlanIsDraftedFromTheSeedAndImports() throws {
        let w = Workspace().seeded()
        let r = w.run("plan new --year 2024 --from 2023 -o 2024.yaml")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已根据 2023 年计划起草 2024 年计划：9 项指标、2 条支出明细"))
        let draft = try String(contentsOfFile: w.dir + "/2024.yaml", encoding: .utf8)
        #expect(draft.hasPrefix("# 由 kepu plan new 根据 2023 年计划生成"))
        #expect(draft.hasSuffix("\n"))
        #expect(draft.contains("year: 2024") && draft.contains("period: {start: 2024-01-01, end: 2024-12-31}"))
        #expect(draft.contains("name: 2024年1月-12月") && draft.contains("term: 2024年1月－2024年12月"))
        #expect(draft.contains("due: 2025-12-31") && draft.contains("力争到2025年"))
        let lint = w.run(["plan", "lint", w.dir + "/2024.yaml"], db: false)
        #expect(lint.code == 0)
        #expect(w.run(["plan", "import", w.dir + "/2024.yaml"]).code == 0)
        w.env["COLUMNS"] = "1000"
        let shown = w.ok("plan show --year 2024")
        for text in ["两次大型活动", "扩大受众群众", "2024年1月-12月", "活动委托费", "资料排版复印", "彩色1元/份×2000份", "2万人次"] {
            #expect(shown.contains(text), "\(text)")
        }
        let a = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("reconcile --year 2023 --format json").utf8))
                as? [String: Any])
        let b = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("reconcile --year 2024 --format json").utf8))
                as? [String: Any])
        let ids = { (o: [String: Any]) in
            (o["indicators"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        }
        #expect(ids(a) == ids(b) && ids(b).count == 9)
    }

    /// The seed's 部门整体支出绩效目标表: 55.62万 = 基本支出 52.62万 + 项目支出 3万.
    @Test func theDepartmentsOwnSelfEvaluationCoversTheWholeBudget() throws {
        let w = ReconcileCommandTests.demo()
        let set = w.run("basic set --year 2023 --spent 52.10万 --source 2023年财务决算")
        #expect(set.code == 0 && set.err.hasPrefix("已登记 2023 年基本支出 521,000.00元"))
        w.refuses(
            "basic set --year 2023 --spent 52万",
            zh: "kepu：2023 年已登记基本支出 521,000.00元；要替换请加 --reason 说明原因",
            en: "kepu: the 2023 basic expenditure is already recorded (521,000.00元); add --reason to replace it")
        let o = try Self.json(w, "reconcile --year 2023 --scope department --format json")
        let budget = try #require(o["budget"] as? [String: Any])
        // 55.62万元 is 556,200.00元, 55,620,000 fen.
        #expect(budget["plannedFen"] as? Int == 55_620_000)
        // Spent: 521,000.00 basic + 29,900.00 of the project's ledger = 550,900.00.
        #expect(budget["spentFen"] as? Int == 55_090_000)
        // Rate: 550,900 ÷ 556,200 = 0.990471… → 0.9905; score 10 × 0.9905 = 9.905 → 9.91 (half-up).
        #expect((budget["executionRate"] as? NSNumber)?.stringValue == "0.9905")
        let report = try Self.json(w, "report --year 2023 --scope department --format json")
        #expect((report["budgetScore"] as? NSNumber)?.stringValue == "9.91")
        #expect(
            (try Self.json(w, "report --year 2023 --format json")["budgetScore"] as? NSNumber)?.stringValue == "9.97")
        w.env["COLUMNS"] = "1000"
        let text = w.ok("report --year 2023 --scope department")
        #expect(text.hasPrefix("2023年度部门整体支出绩效自评表"))
        #expect(text.contains("区政府主管科普工作的正科级群团组织") && text.contains("全国科普日、科技活动周活动的开展"))
        #expect(text.contains("556,200.00") && text.contains("550,900.00") && text.contains("526,200.00"))
        #expect(w.ok("report --year 2023 --scope department --format html").contains("部门整体支出绩效自评表"))
        w.ok("basic set --year 2023 --spent 52.2万 --reason 决算调整")
        #expect(w.ok("log --entity basic_spending --details").contains("52200000"))
        w.refuses(
            "report --year 2023 --scope unit", code: 64,
            zh: "kepu：--scope unit 不是评价范围：可用 project 或 department",
            en: "kepu: --scope \"unit\" is not a scope: use project or department")
    }
}
