import Foundation
import Testing

@testable import KepuCLI

@Suite struct ReportCommandTests {
    @Test func notesScoreAndExplainIndicators() throws {
        let w = ReconcileCommandTests.demo()
        var o = w.ok("report --year 2023 --format json")
        #expect(o.contains("\"provisional\": true"))
        #expect(o.contains("\"totalScore\": 84.86"))
        _ = w.ok("note set --year 2023 --indicator literacy --score 13 --why 抽样调查9.62%，接近目标")
        _ = w.ok("note set --year 2023 --indicator reach --reason 一场户外活动因雨取消 --measures 增加线上直播")
        o = w.ok("report --year 2023 --format json")
        #expect(o.contains("\"provisional\": false"))
        #expect(o.contains("\"totalScore\": 97.86"))
        #expect(o.contains("\"grade\": \"优\""))
        w.env["COLUMNS"] = "1000"  // whole cells, to look for the notes
        let text = w.ok("report --year 2023")
        #expect(text.contains("一场户外活动因雨取消") && text.contains("13.00（人工）"))
        w.env["COLUMNS"] = nil
        // With the notes given, only the missing evidence (the demo files none) is left to flag.
        let check = w.run("check --year 2023")
        #expect(check.code == 2)
        #expect(!check.out.contains("deviation-note"))
        #expect(check.out.split(separator: "\n").allSatisfy { $0.hasPrefix("evidence-") })
    }

    @Test func noteErrorsAreOneSentenceAndWriteNothing() {
        let w = ReconcileCommandTests.demo()
        w.refuses(
            "note set --year 2023 --indicator literacy --score 16 --why x",
            zh: "kepu：--score 16 超过了 literacy 的分值 15；请给 0 到 15 分（达成 ≥ 12，部分达成 ≥ 9）",
            en: "kepu: --score 16 is more than the weight of literacy, 15; give 0 to 15 (达成 ≥ 12, 部分达成 ≥ 9)")
        w.refuses(
            "note set --year 2023 --indicator nope --reason x",
            zh:
                "kepu：--indicator nope 不是 2023 年计划的指标：可用 major-events、reach、timeliness、cost、economic、literacy、ecological、volunteers、satisfaction",
            en:
                "kepu: --indicator \"nope\" is not an indicator of the 2023 plan: use major-events, reach, timeliness, cost, economic, literacy, ecological, volunteers, satisfaction"
        )
        w.refuses(
            "note set --year 2023 --indicator literacy --score 12", code: 64, zh: "kepu：--score 需要 --why：手工评分须连同理由一起保存",
            en: "kepu: --score needs --why: a manual score is kept with its reason")
        w.refuses(
            "note set --year 2023 --indicator literacy", code: 64,
            zh: "kepu：note set 需要 --reason、--measures、--actual 或 --score（连同 --why）",
            en: "kepu: note set needs --reason, --measures, --actual or --score (with --why)")
        w.refuses(
            "note set --year 2023 --indicator economic --score 1 --why x",
            zh: "kepu：--indicator economic 不计分（指标值为 无），不能手工评分",
            en: "kepu: --indicator economic is not scored (its target is 无), so it takes no manual score")
    }

    @Test func checkReportsFindingsWithExitTwo() {
        let w = ReconcileCommandTests.demo()
        let r = w.run("check --year 2023 --lang en")
        #expect(r.code == 2)
        #expect(w.run("check --year 2023").out.contains("deviation-note: 指标 reach: 扩大受众群众未达到目标，尚未填写偏差原因"))
        #expect(r.out.contains("deviation-note: indicator reach: 扩大受众群众 missed its target and has no deviation note"))
        _ = w.ok("event add --title 空的科普日 --kind science-day --start 2023-10-10")
        #expect(
            w.run("check --year 2023 --lang en").out.contains(
                "campaign-attendance: event 12: campaign 空的科普日 has no attendance recorded"))
    }

    @Test func reportFormatsComeFromTheOutputExtension() throws {
        let w = ReconcileCommandTests.demo()
        for (ext, marker) in [
            ("html", "<!DOCTYPE html>"), ("csv", "一、预算执行情况"), ("md", "# 2023年度"), ("json", "\"totalScore\""),
        ] {
            let r = w.run("report --year 2023 -o out.\(ext)")
            #expect(r.code == 0)
            let text = try String(contentsOfFile: w.dir + "/out.\(ext)", encoding: .utf8)
            #expect(text.hasPrefix(marker) || text.contains(marker), "\(ext)")
        }
        // Excel needs the BOM to read the CSV as UTF-8 (String(contentsOfFile:) would hide it).
        #expect(FileManager.default.contents(atPath: w.dir + "/out.csv")?.prefix(3) == Data([0xEF, 0xBB, 0xBF]))
        let html = try String(contentsOfFile: w.dir + "/out.html", encoding: .utf8)
        #expect(html.contains("<svg") && !html.contains("13800000001"))
        #expect(w.ok("report --year 2023 --lang en --format md").contains("Deviation and measures"))
    }

    @Test func hostileTitlesAreEscapedInHTMLAndNeutralizedInCSV() throws {
        let w = ReconcileCommandTests.demo()
        _ = w.ok("event add --title '<script>alert(1)</script>' --kind other --start 2023-10-01")
        _ = w.ok("event add --title '=cmd|\" /C calc\"!A0' --kind other --start 2023-10-02")
        let html = w.ok("report --year 2023 --format html")
        #expect(!html.contains("<script>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        let csv = w.ok("report --year 2023 --format csv")
        #expect(csv.contains("'=cmd|"))
        #expect(!csv.contains(",=cmd"))
    }
}
