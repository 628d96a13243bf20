import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuCore

/// 问卷星 downloads (Tests/Fixtures/make.py): ten submissions, two of them skipped, to
/// 2、您对本次科普活动的总体满意度 (6 of 8 satisfied) and a 0–10 question (5 of 8 at 8 and above).
@Suite struct SurveyImportTests {
    @Test func theWorkbookAndTheGBKCSVGiveTheSameCounts() throws {
        for name in ["wjx-survey.xlsx", "wjx-survey.csv"] {
            let w = ImportTests.workspace()
            let file = try fixture(name, into: w)
            let dry = w.run(["survey", "import", file, "--event", "1", "--dry-run"])
            #expect(dry.code == 0, "\(dry.err)")
            #expect(dry.out.isEmpty)
            #expect(dry.err.contains("第2题「您对本次科普活动的总体满意度」：8份有效，满意6份（75%）；计为满意的答案：非常满意、满意、比较满意；日期 2023-09-16；未写入任何内容"))
            #expect(try count(w.db, "SELECT count(*) FROM survey") == 0)
            let r = w.run(["survey", "import", file, "--event", "1"])
            #expect(r.code == 0, "\(r.err)")
            #expect(r.out == "1\n")
            #expect(r.err.contains("为活动 1 的满意度调查 1：第2题「您对本次科普活动的总体满意度」：8份有效，满意6份（75%）"))
            #expect(
                try count(
                    w.db,
                    "SELECT count(*) FROM survey WHERE responses = 8 AND satisfied = 6 AND date = '2023-09-16' AND question = '2、您对本次科普活动的总体满意度' AND import_id IS NOT NULL"
                ) == 1)
            #expect(try count(w.db, "SELECT count(*) FROM survey_answer WHERE survey_id = 1") == 8)
            #expect(try count(w.db, "SELECT sum(satisfied) FROM survey_answer") == 6)
            #expect(try count(w.db, "SELECT count(*) FROM survey_answer WHERE line = 8") == 0)
            let json = w.ok("reconcile --year 2023 --format json")
            #expect(json.contains("\"actual\": 75,\n      \"farAbove\": false,\n      \"id\": \"satisfaction\""))
            let twice = w.run(["survey", "import", file, "--event", "1"])
            #expect(twice.code == 1)
            #expect(twice.err.contains("导入过"))
        }
    }

    @Test func aScoreQuestionCountsEightAndAbove() throws {
        let w = ImportTests.workspace()
        let file = try fixture("wjx-survey.xlsx", into: w)
        let r = w.run(["survey", "import", file, "--event", "1", "--question", "3", "--date", "2023-09-17"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("第3题「您愿意向朋友推荐本活动的可能性（0-10分）」：8份有效，满意5份（62.5%）；0–10 分制，8 分及以上计为满意；日期 2023-09-17"))
        let fresh = ImportTests.workspace()
        let custom = try fixture("wjx-survey.xlsx", into: fresh)
        let words = fresh.run([
            "survey", "import", custom, "--event", "1", "--question", "总体", "--satisfied", "非常满意，满意", "--dry-run",
        ])
        #expect(words.err.contains("8份有效，满意5份（62.5%）；计为满意的答案：非常满意、满意"), "\(words.err)")
    }

    @Test func twoSatisfactionQuestionsAreRefusedWithTheList() throws {
        let w = ImportTests.workspace()
        let file = try fixture("wjx-two-questions.xlsx", into: w)
        w.refuses(
            ["survey", "import", file, "--event", "1"], code: 64,
            zh: "kepu：有 2 道题的标题含“满意”，请用 --question 写明统计哪一题：1、您对讲座内容的满意度；2、您对场地安排的满意度",
            en: "kepu: 2 questions mention 满意; say which to count with --question: 1、您对讲座内容的满意度; 2、您对场地安排的满意度")
        w.refuses(
            ["survey", "import", file, "--event", "1", "--question", "5"], code: 64,
            zh: "kepu：--question 5 对不上任何一题；本问卷的题目有：1、您对讲座内容的满意度；2、您对场地安排的满意度",
            en: "kepu: --question 5 matches no question; the questions are: 1、您对讲座内容的满意度; 2、您对场地安排的满意度")
        w.refuses(
            ["survey", "import", file, "--event", "1", "--question", "满意度"], code: 64,
            zh: "kepu：--question 满意度 对得上多道题，请写题号：1、您对讲座内容的满意度；2、您对场地安排的满意度",
            en: "kepu: --question 满意度 matches several questions; give the number: 1、您对讲座内容的满意度; 2、您对场地安排的满意度")
        _ = w.ok("survey import \(file) --event 1 --question 2")
        #expect(try count(w.db, "SELECT count(*) FROM survey WHERE responses = 1 AND satisfied = 1") == 1)
    }

    @Test func aDownloadWithoutASatisfactionQuestionAsksWhichToCount() {
        let w = ImportTests.workspace()
        let file = w.write("无满意题.csv", "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、您的身份\n1,2023/9/16 10:00:00,5秒,微信,,1.1.1.1,学生\n")
        w.refuses(
            ["survey", "import", file, "--event", "1"], code: 64,
            zh: "kepu：没有标题含“满意”的题，请用 --question 写明统计哪一题：1、您的身份",
            en: "kepu: no question mentions 满意; say which to count with --question: 1、您的身份")
    }

    @Test func aFileThatIsNoDownloadIsRefused() throws {
        let w = ImportTests.workspace()
        let file = try fixture("signin-title.xlsx", into: w)
        w.refuses(
            ["survey", "import", file, "--event", "1"], code: 1,
            zh:
                "kepu：signin-title.xlsx 不像问卷星导出的答卷：应有“序号”“提交答卷时间”两列，之后每题一列（如“2、您对本次活动的总体满意度”）；请在问卷星的“下载答卷数据”中选“按选项文本下载”",
            en:
                "kepu: signin-title.xlsx does not look like a 问卷星 answer download: it should have the columns 序号 and 提交答卷时间, then one column per question (like \"2、您对本次活动的总体满意度\"); download the answers from 问卷星 as 按选项文本"
        )
        let skipped = w.write(
            "全跳过.csv", "序号,提交答卷时间,所用时间,来源,来源详情,来自IP,1、满意度\n1,2023/9/16 10:00:00,5秒,微信,,1.1.1.1,(跳过)\n")
        w.refuses(
            ["survey", "import", skipped, "--event", "1"], code: 1,
            zh: "kepu：全跳过.csv 的第1题没有有效答卷（全部跳过或为空）；未导入",
            en: "kepu: question 1 of 全跳过.csv has no answers (all skipped or empty); nothing was imported")
        w.refuses(
            ["survey", "import", skipped, "--event", "9"], code: 1,
            zh: "kepu：--event 9：没有这个活动（见 kepu event list）",
            en: "kepu: --event 9: there is no such event (see kepu event list)")
    }
}

@Suite struct WjxSurveyTests {
    @Test func questionsAreNumberedTitles() {
        let h = ["序号", "提交答卷时间", "1、您的身份", "2.满意度", "３、全角", "备注", "4、"]
        #expect(WjxSurvey.questions(in: h).map(\.number) == [1, 2, 3])
        #expect(WjxSurvey.questions(in: h)[1].column == 3)
    }

    /// Found by the wjx fuzz target: Foundation's String.contains trapped on this title and choice.
    /// Control characters are dropped from what is typed, so a choice of NULs alone is no choice.
    @Test func textWithNULCharactersIsSearchedWithoutATrap() {
        let q = [WjxSurvey.Question(number: 1, title: "悽0\u{0}", column: 6)]
        #expect(throws: KepuError.self) {
            try WjxSurvey.question("\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}\u{0}", in: q, file: "f")
        }
        #expect(throws: KepuError.self) { try WjxSurvey.question("\u{0}悽\u{0}9", in: q, file: "f") }
    }

    @Test func scalesAreToldFromTheAnswers() {
        let q = WjxSurvey.Question(number: 1, title: "打分", column: 6)
        #expect(
            WjxSurvey.rule(satisfied: nil, question: q, answers: ["4", "5", "3"]) == .score(minimum: 4, maximum: 5))
        #expect(
            WjxSurvey.rule(satisfied: nil, question: q, answers: ["4", "9", "-3"]) == .score(minimum: 8, maximum: 10))
        #expect(WjxSurvey.rule(satisfied: nil, question: q, answers: ["满意", "5"]) == .words(WjxSurvey.satisfiedWords))
        #expect(WjxSurvey.rule(satisfied: ["5"], question: q, answers: ["4"]) == .words(["5"]))
        let t = WjxSurvey.tally(
            question: q, rule: .score(minimum: 4, maximum: 5), answers: ["5", "4分", "3", "(跳过)", ""],
            submitted: ["2023/9/16 10:00:00", "2023/9/18 08:00:00", "", "", ""])
        #expect(t.responses == 3)
        #expect(t.satisfied == 2)
        #expect(t.lastSubmission == CalendarDate(year: 2023, month: 9, day: 18))
    }
}
