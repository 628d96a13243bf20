import Foundation
import KepuReport
import Testing

@testable import KepuCLI
@testable import KepuCore

@Suite struct RecordingCommandTests {
    @Test func aRealisticYearRecordedThroughTheCommandsReadsBackToTheFen() throws {
        let w = Workspace().seeded()
        let tw = w.ok("event add --title 科技活动周 --kind tech-week --start 2023-05-20 --end 2023-05-27 --venue 科技馆")
        let tw1 = w.ok("event add --title 启动仪式 --kind other --start 2023-05-20 --parent \(tw)")
        let sd = w.ok("event add --title 全国科普日 --kind science-day --start 2023年9月16日 --end 2023-09-22")
        let sd1 = w.ok("event add --title 主场活动 --kind other --start 2023-09-16 --parent \(sd)")
        let sd2 = w.ok("event add --title 进社区 --kind other --start 2023-09-18 --parent \(sd)")
        w.ok("attendance add --event \(tw1) --count 1,800")
        w.ok("attendance add --event \(tw1) --count 0.35万 --channel online --method estimate")
        w.ok("attendance add --event \(sd1) --count 3200")
        w.ok("attendance add --event \(sd1) --count 6800 --channel online")
        w.ok("attendance add --event \(sd2) --count 850 --method signin")
        // The commission fee as several invoice lines, in every accepted spelling.
        w.ok("cost add --line commission --amount 3000 --event \(sd) --item 授课费 --invoice 001")
        w.ok("cost add --line 活动委托费 --amount 1800元 --event \(sd) --item 车辆 --invoice 002")
        w.ok("cost add --line commission --amount ¥2,400.00 --event \(sd) --item 展架 --invoice 003")
        w.ok("cost add --line commission --amount 0.53万元 --event \(sd) --item 人员工资 --invoice 004")
        w.ok("cost add --line commission --amount 12399.99 --event \(tw) --invoice 005")
        w.ok("print add --title 折页 --ink color --copies 2000 --unit-price 1元 --event \(sd)")
        w.ok("print add --title 单页 --ink mono --copies 6000 --unit-price 0.5 --date 2023-05-15")
        let v1 = w.ok("volunteer add --name 李华 --phone 13800000001 --org 甲队")
        let v2 = w.ok("volunteer add --name 王芳 --phone 138-0000-0002 --org 乙队")
        let v3 = w.ok("volunteer add --name 张伟 --org 乙队")
        w.ok("volunteer signup --volunteer \(v1) --event \(sd1) --hours 9.5 --role 讲解员")
        w.ok("volunteer signup --volunteer \(v2) --event \(tw1) --hours 2.25")
        w.ok("volunteer signup --volunteer \(v3) --event \(sd2)")
        w.ok("survey add --event \(sd1) --responses 300 --satisfied 296")
        w.ok("survey add --event \(sd1) --responses 120 --satisfied 118 --date 2023-09-20")
        w.ok("measure add --metric literacy-rate --value 10.3% --date 2023-11-30 --source 抽样调查")
        w.ok("baseline set --year 2022 --volunteers 2 --orgs 1")

        let json = w.ok("reconcile --year 2023 --format json")
        #expect(json.contains("\"spentFen\": 2989999"))
        #expect(json.contains("\"plannedFen\": 3000000"))
        let show = w.ok("event show \(sd)")
        #expect(show.contains("3,000.00") && show.contains("5,300.00") && show.contains("2,000.00"))
        #expect(show.contains("费用") && show.contains("印刷") && show.contains("金额(元)") && !show.contains("voided_at"))
        #expect(w.ok("event show \(sd) --lang en").contains("Amount (元)"))
        let list = w.ok("event list --year 2023")
        #expect(list.contains("14,500.00"))  // 全国科普日 itself: 3000 + 1800 + 2400 + 5300 + the 2000 colour leaflets
        let vols = w.ok("volunteer list")
        #expect(vols.contains("138****0001"))
        #expect(!vols.contains("13800000001"))
        #expect(vols.contains("9.5"))
        #expect(w.ok("volunteer list --show-phones").contains("13800000001"))
        let csv = w.run("event list --year 2023 --format csv").out
        #expect(csv.hasPrefix("\u{FEFF}编号,活动,类型"))
        #expect(csv.contains("\"14,500.00\""))
        #expect(w.run("volunteer list --format csv").out.contains("138****0001"))
        let people = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("volunteer list --format json").utf8)) as? [[String: Any]])
        #expect(people.first?["phone"] as? String == "138****0001")
        #expect(people.first?["voided"] as? Bool == false)
        w.refuses(
            "volunteer list --format pdf", code: 64, zh: "kepu：--format pdf 不是报告格式：可用 text、md、csv、json、html 或 xlsx",
            en: "kepu: --format \"pdf\" is not a report format: use text, md, csv, json, html or xlsx")
        #expect(w.ok("log --verify").hasPrefix("操作记录完好"))
        #expect(w.ok("log --verify --lang en").hasPrefix("the audit trail is intact"))
    }

    @Test func addCommandsPrintTheIdAloneOnStdoutAndConfirmOnStderr() {
        let w = Workspace().seeded()
        let r = w.run("event add --title 科普日 --kind science-day --start 2023-09-16")
        #expect(r.code == 0)
        #expect(r.out == "1\n")
        #expect(r.err == "已添加活动 1：科普日（全国科普日，2023-09-16）\n")
        let e = w.run("event add --title 科技周 --kind 科技周 --start 2023-05-20 --end 2023-05-26 --lang en")
        #expect(e.out == "2\n")
        #expect(e.err == "added event 2: 科技周 (tech-week, 2023-05-20–2023-05-26)\n")
    }

    @Test func theSeedPlanImportsShowsAndLints() {
        let w = Workspace().seeded()
        w.env["COLUMNS"] = "1000"  // whole cells, to look for the seed's texts
        let show = w.ok("plan show --year 2023")
        for text in [
            "55.62万元", "52.62万元", "活动委托费", "活动1次/1.25万元×2次", "彩色1元/份×2000份=0.2万元", "两次大型活动", "2万人次",
            "12底前完成", "力争到2025年全区公民具备基本科学素质比例达到10%以上", "全国科普日、科技活动周活动的开展", "A专项",
            "推荐科技成果，举荐科技人才，发展基层科协组织，全民素质得到提高", "区政府主管科普工作的正科级群团组织",
        ] {
            #expect(show.contains(text), "plan show lacks \(text)")
        }
        #expect(w.ok("plan list").contains("2023-shifeng-kexie.yaml"))
        let lint = w.run(
            ["plan", "lint", repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml").path], db: false)
        #expect(lint.code == 0)
        #expect(lint.out.contains("警告: 指标 cost: 指标名称写的是 0.08元/人，但 30000元 ÷ 20000人次 = 1.5元/人次"))
        #expect(lint.err.hasSuffix("：0 处错误，1 处警告\n"))
        let en = w.run(
            [
                "plan", "lint", repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml").path, "--lang",
                "en",
            ],
            db: false)
        #expect(en.out.contains("warning: indicator cost: its name says 0.08元/人, but 30000元 ÷ 20000人次 = 1.5元/人次"))
        #expect(en.err.contains("0 errors, 1 warning"))
    }

    /// The fields a kind's correction can change (`RecordKind.fields`, which the web's record page shows)
    /// are the options of its `edit` command.
    @Test func everyCorrectableFieldIsAnOptionOfItsEditCommand() throws {
        let w = Workspace()
        let groups: [(RecordKind, String)] = [
            (.event, "event"), (.attendance, "attendance"), (.cost, "cost"), (.printRun, "print"), (.survey, "survey"),
            (.measurement, "measure"), (.volunteer, "volunteer"), (.signup, "volunteer"),
        ]
        for (kind, group) in groups {
            let help = w.run([group, "edit", "--help"], db: false).out
            for f in kind.fields {
                #expect(
                    help.contains(f.option + " ") || help.contains(f.option + "/"),
                    "kepu \(group) edit has no \(f.option)")
            }
        }
    }

    @Test func theHelpOfEveryCommandEndsWithAWorkedExample() throws {
        let w = Workspace()
        for cmd in [
            ["init"], ["plan", "import"], ["plan", "show"], ["plan", "list"], ["plan", "lint"], ["event", "add"],
            ["event", "list"], ["event", "show"], ["event", "void"], ["attendance", "add"], ["cost", "add"],
            ["print", "add"], ["volunteer", "add"], ["volunteer", "signup"], ["volunteer", "list"], ["survey", "add"],
            ["measure", "add"], ["baseline", "set"], ["reconcile"], ["log"], ["demo"], ["note", "set"], ["report"],
            ["check"], ["attendance", "import"], ["volunteer", "import"], ["cost", "import"], ["evidence", "add"],
            ["evidence", "list"], ["evidence", "verify"], ["backup"], ["export"], ["event", "door"],
        ] {
            let r = w.run(cmd + ["--help"], db: false)
            #expect(r.code == 0)
            #expect(r.out.contains("示例 · Example:"), "\(cmd) --help has no example")
            #expect(r.out.contains(" · "), "\(cmd) --help has no bilingual abstract")
            if let example = r.out.range(of: "示例 · Example:") {
                let block = r.out[example.upperBound...].split(separator: "\n", omittingEmptySubsequences: false)
                    .dropFirst()
                for line in block.prefix(while: { !$0.isEmpty }) {
                    #expect(displayWidth(String(line)) <= 80, "\(cmd): \(line) is wider than 80 columns")
                }
            }
        }
    }

    /// The core types a refusal's field; only the command line spells it as an option.
    @Test func theCommandLineNamesFieldsByTheirOptions() {
        #expect(FieldNames.options(.record(.unitPrice), .zh) == "--unit-price")
        #expect(FieldNames.options(.record(.platform), .en) == "--platform-no")
        #expect(FieldNames.options(.asOf, .zh) == "--as-of")
        #expect(FieldNames.options(.language, .zh) == "--lang")
        #expect(FieldNames.options(.reason, .zh) == "--reason")
        #expect(FieldNames.options(.output, .zh) == "-o")
        #expect(FieldNames.options(.named("签到时间"), .zh) == "签到时间")
        let p = Problem.endBeforeStart(
            end: CalendarDate(year: 2023, month: 10, day: 10)!, start: CalendarDate(year: 2023, month: 10, day: 20)!)
        #expect(KepuError(p).text(.zh, names: .options).hasPrefix("--end 2023-10-10 早于 --start 2023-10-20"))
        #expect(KepuError(p).text(.zh).hasPrefix("结束日期 2023-10-10 早于 开始日期 2023-10-20"))
    }

}
