import Foundation
import Testing

@testable import KepuCLI

/// `kepu stats`: every figure of the demo year against a hand count of Seeds/demo/2023.kepu, the
/// edition as data, and the sentences a clerk can meet.
@Suite struct StatsTests {
    func rows(_ w: Workspace, _ args: String = "--year 2023", year: Int = 2023) throws -> [[String: Any]] {
        let text = w.ok("stats --format json " + args)
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(o["year"] as? Int == year)
        #expect(o["unit"] as? String == "株洲市石峰区科学技术协会")
        #expect(o["edition"] as? String == "2024")
        return try #require(o["rows"] as? [[String: Any]])
    }

    func value(_ rows: [[String: Any]], _ item: String, _ measure: String) -> Any? {
        rows.first { $0["item"] as? String == item && $0["measure"] as? String == measure }?["value"]
    }

    @Test func theDemoYearByHand() throws {
        let w = ReconcileCommandTests.demo()
        let r = try rows(w)
        func n(_ item: String, _ measure: String) -> Double? { value(r, item, measure) as? Double }
        // Lectures: 科普进社区·清水塘街道 850, 老年大学科普讲座 300, 防范电信诈骗科普讲座 120; all on site.
        #expect(n("科普(技)讲座", "举办次数") == 3)
        #expect(n("科普(技)讲座", "参加人次") == 1270)
        #expect(n("科普(技)讲座", "其中：线下参加人次") == 1270)
        #expect(n("科普(技)讲座", "其中：线上参加人次") == 0)
        // Exhibitions: 启动仪式暨科普展 1800 + 3500 online, 大篷车 900, 科普日主场 3200 + 6800 online.
        #expect(n("科普(技)专题展览", "次数") == 3)
        #expect(n("科普(技)专题展览", "参观人次") == 16200)
        #expect(n("科普(技)专题展览", "其中：线下参观人次") == 5900)
        #expect(n("科普(技)专题展览", "其中：线上参观人次") == 10300)
        #expect(n("科普(技)竞赛", "次数") == 0)
        #expect(n("实用技术培训", "参加人次") == 0)
        // 科技活动周: three sub-activities, 1800 + 3500 + 1200 + 900.
        #expect(n("科技活动周", "科普专题活动次数") == 3)
        #expect(n("科技活动周", "参加人次") == 7400)
        #expect(n("科技活动周", "其中：线上参加人次") == 3500)
        // 全国科普日: four sub-activities, 3200 + 6800 + 850 + 1100 + 300.
        #expect(n("全国科普日／科普月", "活动次数") == 4)
        #expect(n("全国科普日／科普月", "参加人次") == 12250)
        #expect(n("全国科普日／科普月", "其中：线下参加人次") == 5450)
        // Funds: the plan's 55.62万 一般公共预算拨款, 3万 项目支出; spent 24,900 元 of costs + 5,000 元 of print.
        #expect(n("年度科普经费筹集额", "政府拨款") == 55.62)
        #expect(n("年度科普经费筹集额", "其中：科普专项经费") == 3)
        #expect(value(r, "年度科普经费筹集额", "捐赠") is NSNull)
        #expect(n("年度科普经费使用额", "科普活动支出") == 2.99)
        // Print: 3500 + 2000 + 2500 copies; volunteers: ten signed up, 61.5 hours → 62.
        #expect(n("科普读物和资料", "发放份数") == 8000)
        #expect(n("注册科普志愿者", "人数") == 10)
        #expect(n("科普志愿者", "年度服务时长") == 62)
        // The money rows keep the survey's two decimals in the JSON text.
        #expect(w.ok("stats --year 2023 --format json").contains("\"value\": 3.00"))
    }

    @Test func aVoidedRecordLeavesTheFigures() throws {
        let w = ReconcileCommandTests.demo()
        _ = w.ok("event void 10 --reason 重复录入")  // 老年大学科普讲座, 300 on site
        let r = try rows(w)
        #expect(value(r, "科普(技)讲座", "举办次数") as? Double == 2)
        #expect(value(r, "科普(技)讲座", "参加人次") as? Double == 970)
        #expect(value(r, "全国科普日／科普月", "活动次数") as? Double == 3)
    }

    @Test func explainNamesTheRecords() throws {
        let w = ReconcileCommandTests.demo()
        let r = try rows(w, "--year 2023 --explain")
        let lectures = try #require(
            r.first { $0["item"] as? String == "科普(技)讲座" && $0["measure"] as? String == "参加人次" })
        let sources = try #require(lectures["sources"] as? [[String: Any]])
        #expect(sources.map { $0["label"] as? String } == ["科普进社区·清水塘街道", "老年大学科普讲座", "防范电信诈骗科普讲座"])
        #expect(sources.map { $0["value"] as? String } == ["850", "300", "120"])
        #expect(sources.allSatisfy { $0["kind"] as? String == "event" && $0["id"] is Int })
        let text = w.ok("stats --year 2023 --explain")
        #expect(text.contains("印刷 3 防范电信诈骗科普单页"))
        #expect(text.contains("台账不记录"))
    }

    @Test func anEditionIsAFile() throws {
        let w = ReconcileCommandTests.demo()
        let file = w.write(
            "2026.yaml",
            """
            edition: "2026"
            title: 科普统计调查表（试行）
            rows:
              - {section: 科普活动, item: 科技咨询, measure: 次数, unit: 次, sum: activities, form: consultation}
              - {section: 科普活动, item: 青少年科技活动, measure: 参加人次, unit: 人次, sum: participants, form: youth}
              - {section: 科普人员, item: 科普志愿者, measure: 年度服务时长, unit: 小时, sum: volunteer-hours, decimals: 1}
            """)
        let text = w.ok("stats --year 2023 --edition \(file) --format csv")
        #expect(
            text == """
                \u{FEFF}类别,项目,指标,计量单位,数值\r
                科普活动,科技咨询,次数,次,1\r
                科普活动,青少年科技活动,参加人次,人次,1200\r
                科普人员,科普志愿者,年度服务时长,小时,61.5
                """)
        #expect(w.ok("stats --year 2023 --edition 2024 --format json").contains("\"edition\": \"2024\""))
    }

    @Test func sentencesAboutEditions() {
        let w = ReconcileCommandTests.demo()
        w.refuses(
            "stats --year 2023 --edition 2019", zh: "kepu：--edition 2019 不是已知的统计表版本，也不是文件；现有版本：2024",
            en: "kepu: --edition \"2019\" is neither a known edition of the form nor a file; editions: 2024")
        let notEdition = w.write("x.yaml", "unit: 某科协\n")
        w.refuses(
            ["stats", "--year", "2023", "--edition", notEdition],
            zh: "kepu：x.yaml 不是统计表版本文件：应有 edition、title 和 rows 三个键",
            en: "kepu: x.yaml is not a statistics edition: expected the keys edition, title and rows")
        let noSum = w.write(
            "nosum.yaml", "edition: x\ntitle: t\nrows:\n  - {section: a, item: b, measure: c, unit: 次}\n")
        w.refuses(
            ["stats", "--year", "2023", "--edition", noSum], zh: "kepu：nosum.yaml 第 4 行：这一行缺少 sum",
            en: "kepu: nosum.yaml line 4: the row has no sum")
        let badForm = w.write(
            "form.yaml",
            "edition: x\ntitle: t\nrows:\n  - {section: a, item: b, measure: c, unit: 次, sum: activities, form: 讲座}\n")
        w.refuses(
            ["stats", "--year", "2023", "--edition", badForm],
            zh:
                "kepu：form.yaml 第 4 行：form 讲座 无法识别；可选：lecture、exhibition、competition、training、youth、open-day、consultation、other",
            en:
                "kepu: form.yaml line 4: form \"讲座\" is not known; choose from lecture, exhibition, competition, training, youth, open-day, consultation, other"
        )
        let broken = w.write("broken.yaml", "edition: [x\n")
        let r = w.run(["stats", "--year", "2023", "--edition", broken])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("kepu：broken.yaml 不是有效的 YAML："))
    }

    @Test func theOutputFileIsAnnounced() {
        let w = ReconcileCommandTests.demo()
        let r = w.run("stats --year 2023 -o 2023科普统计.csv")
        #expect(r.code == 0)
        #expect(r.err.contains("csv 格式的科普统计表"))
        #expect(FileManager.default.fileExists(atPath: w.dir + "/2023科普统计.csv"))
    }
}

/// `kepu demo --year 2025`: a 2025-style year, with the 全国科普月 as its September campaign.
@Suite struct SampleYear2025Tests {
    @Test func theScienceMonthYearReconcilesAndIsCounted() throws {
        let w = Workspace()
        // The sample year is recorded as having happened: today is after it.
        w.env["KEPU_TODAY"] = "2026-01-15"
        let r = w.run("demo --year 2025")
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("2025 年计划"))
        let text = w.ok("reconcile --year 2025 --as-of 2025-12-31 --format json")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        let indicators = try #require(o["indicators"] as? [[String: Any]])
        let major = try #require(indicators.first { $0["id"] as? String == "major-events" })
        #expect(major["actual"] as? Double == 2)  // 科技活动周 + 全国科普月
        #expect(w.ok("event list --year 2025 --format csv").contains("2025年全国科普月石峰区活动,全国科普月"))
        let month = w.ok("event list --year 2025 --kind 科普月 --format json")
        let listed = try #require(try JSONSerialization.jsonObject(with: Data(month.utf8)) as? [[String: Any]])
        #expect(listed.map { $0["id"] as? Int } == [5, 6, 7, 8, 9])  // the campaign and its four activities

        let stats = try StatsTests().rows(w, "--year 2025", year: 2025)
        func n(_ item: String, _ measure: String) -> Double? {
            stats.first { $0["item"] as? String == item && $0["measure"] as? String == measure }?["value"] as? Double
        }
        #expect(n("全国科普日／科普月", "活动次数") == 4)
        #expect(n("全国科普日／科普月", "参加人次") == 13320)  // 3600 + 7500 + 800 + 1300 + 120
        #expect(n("全国科普日／科普月", "其中：线上参加人次") == 7500)
        #expect(n("科普(技)竞赛", "次数") == 1)
        #expect(n("科普(技)竞赛", "参加人次") == 450)
        #expect(n("实用技术培训", "次数") == 2)
        #expect(n("实用技术培训", "参加人次") == 300)
        #expect(n("科普(技)讲座", "参加人次") == 950)  // 800 + 150
        #expect(n("年度科普经费使用额", "科普活动支出") == 2.89)  // 23,900 + 5,000 元
        #expect(n("科普读物和资料", "发放份数") == 8000)
        #expect(n("注册科普志愿者", "人数") == 5)
        #expect(n("科普志愿者", "年度服务时长") == 37)  // 36.5 → 37
    }

    @Test func aYearWithoutASample() {
        let w = Workspace()
        w.refuses(
            "demo --year 2024", zh: "kepu：没有 2024 年的示例；示例年度：2023、2025",
            en: "kepu: there is no sample of 2024; sample years: 2023, 2025")
    }
}
