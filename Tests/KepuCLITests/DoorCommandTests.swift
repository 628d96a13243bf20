import Foundation
import KepuCore
import KepuStore
import Testing

@testable import KepuCLI

/// `kepu event door`: the link alone on stdout, the poster, closing, and every refusal.
@Suite struct DoorCommandTests {
    func workspace() -> Workspace {
        let w = Workspace().seeded()
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16 --venue 石峰公园")
        // Doors are opened on the event's day, in the morning: a window already over is refused.
        w.env["KEPU_TODAY"] = "2023-09-16"
        w.clock = {
            var c = Calendar(identifier: .gregorian)
            c.timeZone = .current
            return c.date(from: DateComponents(year: 2023, month: 9, day: 16, hour: 10))!
        }
        return w
    }

    @Test func aDoorOpensWithItsLinkAloneOnStdoutAndCloses() throws {
        let w = workspace()
        let r = w.run(["event", "door", "1", "--survey", "--base", "https://kepu.example.cn/"])
        #expect(r.code == 0, "\(r.err)")
        let url = r.out.trimmingCharacters(in: .newlines)
        #expect(url.hasPrefix("https://kepu.example.cn/d/"))
        #expect(!url.contains("\n"))
        #expect(url.count - "https://kepu.example.cn/d/".count == 24)
        #expect(r.err == "已开启活动 1 的扫码签到：2023-09-16 07:00 至 2023-09-16 22:00，附满意度调查\n")
        // The token is kept only as its hash.
        let token = String(url.split(separator: "/").last ?? "")
        let stored = try w.ledger().database.read { db in try String.fetchAll(db, sql: "SELECT token_hash FROM door") }
        #expect(stored.count == 1 && !stored[0].contains(token))
        #expect(try w.ledger().doors.door(token: token)?.survey == true)
        // Opening again replaces the link: the old one is closed.
        let again = w.run(["event", "door", "1", "--from", "2023-09-16 8:30", "--until", "2023-09-16", "--lang", "en"])
        #expect(
            again.err
                == "opened the sign-in link of event 1: 2023-09-16 08:30 to 2023-09-16 23:59; the previous link (1) no longer works\n"
        )
        #expect(try w.ledger().doors.door(token: token)?.closed == true)
        #expect(w.run(["event", "door", "1", "--close"]).err == "已关闭活动 1 的扫码签到：签到链接即刻失效，已签到的人次保留\n")
        #expect(
            w.run(["event", "door", "1", "--close", "--lang", "en"]).err
                == "kepu: event 1 has no open sign-in link\n")
        // Every step audited.
        #expect(try w.ledger().audit.log(limit: 10).filter { $0.entity == "door" }.count == 4)
    }

    @Test func badTimesAndAMissingDoorAreRefusedWithNothingWritten() {
        let w = workspace()
        w.refuses(
            "event door 1 --from 明天早上", code: 64, zh: "kepu：--from 明天早上 不是时间：请写 2023-09-16 08:30",
            en: "kepu: --from \"明天早上\" is not a time: write 2023-09-16 08:30")
        w.refuses(
            "event door 1 --from '2023-09-16 25:00'", code: 64,
            zh: "kepu：--from 2023-09-16 25:00 不是时间：请写 2023-09-16 08:30",
            en: "kepu: --from \"2023-09-16 25:00\" is not a time: write 2023-09-16 08:30")
        w.refuses(
            "event door 1 --from '2023-09-16 12:00' --until '2023-09-16 09:00'", code: 64,
            zh: "kepu：签到截止时间 2023-09-16 09:00 不晚于开始时间 2023-09-16 12:00：请把截止时间设在开始之后",
            en: "kepu: the sign-in closes at 2023-09-16 09:00, not after it opens at 2023-09-16 12:00: close it later")
        w.refuses(
            "event door 1 --from '2024-01-15 08:00' --until '2024-01-15 12:00'",
            zh: "kepu：日期 2024-01-15 不在活动 1 的年度（2023年）内",
            en: "kepu: the date 2024-01-15 is outside the year 2023 of event 1")
        w.refuses(
            "event door 1 --close", zh: "kepu：活动 1 没有开启中的扫码签到", en: "kepu: event 1 has no open sign-in link")
        w.refuses(
            "event door 1 --volunteers 0", code: 64, zh: "kepu：--volunteers 0 至少应为 1",
            en: "kepu: --volunteers \"0\" must be at least 1")
    }

    @Test func aLockedYearRefusesADoor() {
        let w = workspace()
        w.ok("year lock 2023 --reason 已报送")
        let r = w.run(["event", "door", "1"])
        #expect(r.code != 0)
        #expect(r.err.contains("2023年已封账"))
        #expect(r.out.isEmpty)
    }

    /// The poster: one page with the code of the link, which an independent decoder reads back.
    @Test func thePosterCarriesTheLinksCode() throws {
        let w = workspace()
        let r = w.run(["event", "door", "1", "--poster", "海报.html", "--base", "http://10.0.0.5:8080"])
        #expect(r.code == 0, "\(r.err)")
        let url = r.out.trimmingCharacters(in: .newlines)
        #expect(r.err.hasPrefix("已把签到海报写入 "))
        let html = try String(contentsOfFile: w.dir + "/海报.html", encoding: .utf8)
        #expect(html.contains("全国科普日主场"))
        #expect(html.contains("微信扫码签到"))
        #expect(html.contains("石峰公园"))
        #expect(html.contains("@page { size: A4"))
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/zbarimg"),
            FileManager.default.isExecutableFile(atPath: "/usr/bin/rsvg-convert"),
            let start = html.range(of: "<svg"), let end = html.range(of: "</svg>")
        else { return }
        let svg = w.write("code.svg", String(html[start.lowerBound..<end.upperBound]))
        _ = try Self.tool("/usr/bin/rsvg-convert", ["-w", "600", "-o", w.dir + "/code.png", svg])
        let decoded = try Self.tool("/usr/bin/zbarimg", ["--raw", "-q", w.dir + "/code.png"])
        #expect(decoded.trimmingCharacters(in: .newlines) == url)
    }

    static func tool(_ path: String, _ args: [String]) throws -> String {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: path)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func aVolunteerCallsAnswerIsConfirmedOnTheCommandLine() throws {
        let w = workspace()
        w.env["KEPU_TODAY"] = "2023-09-16"
        _ = w.ok("event door 1 --volunteers 5")
        let ledger = try w.ledger()
        let door = try #require(try ledger.doors.current(event: 1))
        #expect(
            try ledger.doors.answerCall(door: door.id, name: "周七", phone: "13500000001", org: nil)
                == .recorded(number: 1))
        let r = w.run(["volunteer", "signup", "--confirm", "1", "--hours", "3.5"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\n")
        // The confirmation names who signed up, at which event, for how long.
        #expect(r.err.hasPrefix("已登记报名 1：志愿者 1（周七）参加活动 1（"), "\(r.err)")
        #expect(r.err.hasSuffix("），服务 3.5 小时\n"), "\(r.err)")
        w.refuses(
            "volunteer signup --confirm 1 --hours 3", zh: "kepu：扫码报名 1 已确认为报名记录 1，无需再确认",
            en: "kepu: volunteer answer 1 is confirmed already, as sign-up 1")
        w.refuses("volunteer signup --confirm 9", zh: "kepu：没有编号为 9 的扫码报名", en: "kepu: there is no volunteer answer 9")
        w.refuses(
            "volunteer signup --event 1", code: 64, zh: "kepu：--volunteer 为空：请填写内容",
            en: "kepu: --volunteer is empty: give some text")
        #expect(try ledger.volunteers.list(RecordFilter()).map(\.hoursCenti) == [350])
    }

    /// The office's own record of who signed in: the full phones, as .csv or .xlsx.
    @Test func theSignInListIsExported() throws {
        let w = workspace()
        w.env["KEPU_TODAY"] = "2023-09-16"
        _ = w.ok("event door 1 --from '2023-09-16 00:00' --until '2023-09-16 23:59'")
        let ledger = try Ledger(
            database: w.ledger().database,
            context: AuditContext(
                operatorName: "扫码签到", command: "test", today: { CalendarDate(year: 2023, month: 9, day: 16)! }))
        let door = try #require(try ledger.doors.current(event: 1))
        _ = try ledger.doors.signIn(door: door.id, name: "王小明", phone: "13912345678", org: "一小", satisfaction: nil)
        _ = try ledger.doors.signIn(door: door.id, name: "李小红", phone: "13912345679", org: nil, satisfaction: nil)
        let r = w.run(["event", "door", "1", "--export", "名单.csv"])
        #expect(r.code == 0, "\(r.err)")
        let csv = try String(contentsOfFile: w.dir + "/名单.csv", encoding: .utf8)
        #expect(csv.contains("王小明,13912345678,一小"))
        #expect(csv.contains("李小红,13912345679,"))
        #expect(w.run(["event", "door", "1", "--export", "名单.xlsx"]).code == 0)
        #expect(FileManager.default.contents(atPath: w.dir + "/名单.xlsx")?.prefix(2) == Data("PK".utf8))
    }

    /// A window already over is refused, offering today's when today is in the event's year, and saying
    /// what to do instead when it is not.
    @Test func aDoorWhoseWindowIsOverIsRefusedWithTodaysWindow() {
        let w = workspace()
        w.env["KEPU_TODAY"] = "2023-09-20"
        w.refuses(
            "event door 1",
            zh: "kepu：签到时间已于 2023-09-16 22:00 结束，手机扫码只会看到“签到已结束”；如要今天签到，请把时间设为 2023-09-20 07:00 至 2023-09-20 22:00",
            en:
                "kepu: the sign-in window ended at 2023-09-16 22:00, so phones would only see that sign-in is over; to sign in today, set the window to 2023-09-20 07:00 – 2023-09-20 22:00"
        )
        w.ok("event door 1 --from 2023-09-20 --until 2023-09-20")
        w.env["KEPU_TODAY"] = "2024-03-01"
        w.refuses(
            "event door 1 --from 2023-09-20 --until 2023-09-20",
            zh: "kepu：签到时间已于 2023-09-20 23:59 结束，手机扫码只会看到“签到已结束”；活动在 2023 年，今天不在其年度内，不能再开扫码签到：请导入签到表记录人次",
            en:
                "kepu: the sign-in window ended at 2023-09-20 23:59, so phones would only see that sign-in is over; the event is in 2023, and today is not, so no door can open for it: import a sign-in sheet instead"
        )
    }

}

/// `kepu settings`: the address phones reach, kept for the web and for `kepu event door`.
@Suite struct SettingsCommandTests {
    @Test func theAddressIsSetShownClearedAndUsedByADoor() {
        let w = Workspace().seeded()
        w.env["KEPU_TODAY"] = "2023-09-16"
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16")
        #expect(w.ok("settings") == "手机访问地址：（未设置）")
        let set = w.run("settings --public-url 192.168.1.20:8080")
        #expect(set.code == 0)
        #expect(set.err == "已设置手机访问地址 http://192.168.1.20:8080；手机须连接本单位的网络才能打开\n")
        #expect(w.ok("settings") == "手机访问地址：http://192.168.1.20:8080")
        #expect(w.ok("event door 1").hasPrefix("http://192.168.1.20:8080/d/"))
        w.refuses(
            "settings --public-url ftp://x", code: 64,
            zh:
                "kepu：--public-url ftp://x 不是手机能访问的地址：请写 http://主机:端口，如 http://192.168.1.20:8080 或 https://kepu.example.cn",
            en:
                "kepu: --public-url \"ftp://x\" is not an address phones can open: write http://HOST:PORT, such as http://192.168.1.20:8080 or https://kepu.example.cn"
        )
        #expect(w.run("settings --clear-public-url").code == 0)
        #expect(w.ok("settings") == "手机访问地址：（未设置）")
        #expect(Serve.networkAddresses().allSatisfy { !$0.hasPrefix("127.") })
    }
}
