import Foundation
import Testing
@testable import KepuCLI

/// Every error a user can meet while recording: one sentence, the right exit code, nothing written.
@Suite struct BadInputTests {
    /// A seeded database with one event (id 1) and one volunteer (id 1).
    static func workspace() -> Workspace {
        let w = Workspace().seeded()
        _ = w.ok("event add --title 科普日 --kind science-day --start 2023-09-16 --end 2023-09-22")
        _ = w.ok("volunteer add --name 李华 --phone 13800000001")
        return w
    }

    static let cases: [(String, Int32, String)] = [
        ("survey add --event 1 --responses 100 --satisfied 101",
         64, "kepu: --satisfied 101 is more than --responses 100: satisfied answers are part of the responses"),
        ("survey add --event 1 --responses 0 --satisfied 0",
         64, "kepu: --responses \"0\" must be at least 1: a survey batch has responses"),
        ("event add --title 科普日 --kind science-day --start 2023-09-16 --end 2023-09-10",
         64, "kepu: --end 2023-09-10 is before --start 2023-09-16: an event cannot end before it starts"),
        ("attendance add --event 42 --count 10", 1, "kepu: --event 42: event 42 does not exist (see kepu event list)"),
        ("cost add --line training --amount 100 --event 1",
         1, "kepu: --line \"training\" is not a line of the 2023 plan of 株洲市石峰区科学技术协会: use commission (活动委托费), printing (资料排版复印)"),
        ("cost add --line commission --amount 100 --date 2024-02-01",
         1, "kepu: no plan covers 2024-02-01; plans exist for 株洲市石峰区科学技术协会 2023 (2023-01-01–2023-12-31); import that year's plan first"),
        ("volunteer signup --volunteer 9 --event 1", 1, "kepu: --volunteer 9: volunteer 9 does not exist (see kepu volunteer list)"),
        ("event add --title 子活动 --kind other --start 2023-09-17 --parent 5", 1, "kepu: --parent 5: event 5 does not exist (see kepu event list)"),
        ("attendance add --event 1 --count -5", 64, "kepu: --count \"-5\" is negative: counts are 0 or more"),
        ("attendance add --event 1 --count 12.5", 64, "kepu: --count \"12.5\" is not a whole number: write a whole number such as 1200, 1,200 or 1.2万"),
        ("print add --title 折页 --ink color --copies 0 --unit-price 1元", 64, "kepu: --copies \"0\" must be at least 1"),
        ("event add --title 科普日 --kind party --start 2023-09-16",
         64, "kepu: --kind \"party\" is not one of the choices: use science-day|tech-week|other"),
        ("print add --title 折页 --ink red --copies 10 --unit-price 1元",
         64, "kepu: --ink \"red\" is not one of the choices: use color|mono"),
        ("attendance add --event 1 --count 10 --channel tv",
         64, "kepu: --channel \"tv\" is not one of the choices: use onsite|online"),
        ("cost add --line commission --amount 1.2.3 --event 1",
         64, "kepu: --amount \"1.2.3\" is not an amount: write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元"),
        ("cost add --line commission --amount 0.001 --event 1",
         64, "kepu: --amount \"0.001\" is more precise than a fen (0.01元): write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元"),
        ("cost add --line commission --amount 0 --event 1",
         64, "kepu: --amount \"0\" is zero: a cost must be more than 0 (to take a cost back, void it)"),
        ("event add --title 科普日 --kind other --start 2023-02-30", 64, "kepu: --start \"2023-02-30\" is not a real calendar date"),
        ("event add --title 科普日 --kind other --start 16/9/2023",
         64, "kepu: --start \"16/9/2023\" is not a date: write 2023-09-16 or 2023年9月16日"),
        ("volunteer add --name 王芳 --phone 13800000001",
         1, "kepu: --phone 138****0001: volunteer 1 (李华) already has this phone"),
        ("volunteer add --name 王芳 --phone abc", 64, "kepu: --phone \"abc\" is not a phone number: write 13800000001 or 0731-22334455"),
        ("volunteer signup --volunteer 1 --event 1 --hours 2.555",
         64, "kepu: --hours \"2.555\" is not a number of hours: write 3, 9.5 or 2.25 (at most two decimals)"),
        ("event void 1 --reason '  '", 64, "kepu: --reason is empty: give some text"),
        ("event show x", 64, "kepu: event id \"x\" is not a record id: ids are whole numbers such as 12 (see the list commands)"),
        ("baseline set --year 2022", 64, "kepu: baseline set needs --volunteers or --orgs (or both)"),
        ("measure add --metric 'literacy rate!' --value 10% --date 2023-11-30",
         64, "kepu: --metric \"literacy rate!\" is not a measurement name: use letters, digits and dashes, e.g. literacy-rate"),
        ("reconcile --year 1066", 64, "kepu: --year \"1066\" is not a year: write a year such as 2023"),
        ("attendance add --event 1 --count=-5", 64, "kepu: --count \"-5\" is negative: counts are 0 or more"),
        ("reconcile --format pdf", 64, "kepu: --format \"pdf\" is not a report format: use text, md, csv, json or html"),
        ("reconcile --year 2019", 1, "kepu: there is no plan for 2019; plans exist for 株洲市石峰区科学技术协会 2023"),
    ]

    @Test(arguments: cases)
    func refusedWithOneSentenceAndNothingWritten(_ line: String, _ code: Int32, _ message: String) {
        let w = Self.workspace()
        let before = w.fingerprint()
        let r = w.run(line)
        #expect(r.code == code)
        #expect(r.err == message + "\n")
        #expect(r.out.isEmpty)
        #expect(w.fingerprint() == before, "the database changed")
    }

    @Test func aMissingDatabaseIsNotCreated() {
        let w = Workspace()
        let r = w.run("event list")
        #expect(r.code == 1)
        #expect(r.err == "kepu: there is no kepu database at \(w.db); create one with: kepu init --db \(w.db)\n")
        #expect(!FileManager.default.fileExists(atPath: w.db))
    }

    @Test func aFileThatIsNotAKepuDatabaseIsRefusedUnchanged() {
        let w = Workspace()
        let path = w.write("ledger.csv", "日期,金额\n2023-09-16,100\n")
        let r = w.run(["event", "list", "--db", path])
        #expect(r.code == 1)
        #expect(r.err == "kepu: \(path) is not a kepu database: it is not an SQLite file at all\n")
        #expect((try? String(contentsOfFile: path, encoding: .utf8)) == "日期,金额\n2023-09-16,100\n")
    }

    @Test func initRefusesAnExistingFile() {
        let w = Workspace().seeded()
        let r = w.run("init")
        #expect(r.code == 1)
        #expect(r.err == "kepu: \(w.db) already exists; kepu init never overwrites a database (choose another --db)\n")
    }

    @Test func unknownOptionsAreUsageErrors() {
        let w = Workspace().seeded()
        let r = w.run("event add --title x --kind other --start 2023-01-02 --colour red")
        #expect(r.code == 64)
        #expect(r.err.hasPrefix("Error: Unknown option '--colour'"))
    }

    @Test func aPlanWithErrorsIsRefusedAndNothingIsWritten() throws {
        let w = Workspace()
        #expect(w.run(["init"]).code == 0)
        let text = try String(contentsOf: repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
            .replacingOccurrences(of: "amount: 0.5万", with: "amount: 0.6万")
        let path = w.write("bad.yaml", text)
        let before = w.fingerprint()
        let r = w.run(["plan", "import", path])
        #expect(r.code == 1)
        #expect(r.err == "kepu: bad.yaml has 3 errors and was not imported; the first: lines: 2.5万 (commission) + 0.6万 (printing) = 3.1万, not the project budget 3万\n")
        #expect(w.fingerprint() == before)
        let lint = w.run(["plan", "lint", path], db: false)
        #expect(lint.code == 1)
        #expect(lint.out.contains("error: line printing: planned runs 2000份 × 1.00元 + 6000份 × 0.50元 = 5000.00元, not the line's amount 6000.00元"))
    }
}
