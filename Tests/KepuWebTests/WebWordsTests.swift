import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// The web in the office's own words: no command, no flag, no code where a person reads; a finding
/// links to the form that fixes it.
@Suite struct WebWordsTests {
    func ledgerWithCampaign() throws -> Ledger {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科技活动周", kind: .techWeek, major: nil, start: CalendarDate(year: 2023, month: 5, day: 20)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        _ = try ledger.money.addCost(
            NewCost(line: "commission", amount: Money(fen: 320_000), event: 1, item: "授课费", invoice: "43020231"))
        return ledger
    }

    /// Text a person reads: the page without its markup.
    func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test func findingsLinkToTheirFormsAndLinesGoByName() async throws {
        let ledger = try ledgerWithCampaign()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            for path in ["/", "/self-evaluation"] {
                try await client.execute(uri: path, method: .get, headers: cookie) { r in
                    let text = visible(r.text)
                    #expect(r.status == .ok)
                    #expect(text.contains("科技活动周缺少佐证材料（签到表、照片、新闻报道）"), "\(path)")
                    #expect(r.text.contains("href=\"/evidence?event=1#upload\">上传佐证材料</a>"), "\(path)")
                    #expect(r.text.contains("href=\"/evidence?cost=1&amp;kind=invoice#upload\">上传发票或合同</a>"), "\(path)")
                    #expect(text.range(of: "kepu [a-z]", options: .regularExpression) == nil, "\(path)")
                    #expect(!text.contains("--"), "\(path)")
                    #expect(!text.contains("commission"), "\(path)")
                    #expect(!text.contains("evidence-campaign"), "\(path)")
                    #expect(text.contains("活动委托费"), "\(path)")
                }
            }
            try await client.execute(uri: "/budget", method: .get, headers: cookie) { r in
                let text = visible(r.text)
                #expect(!text.contains("commission"))
                // The cost's event by its title beside its number, linked.
                #expect(r.text.contains("<a href=\"/events/1\">1 科技活动周</a>"))
            }
            // The fix's link opens the upload form with the cost chosen.
            try await client.execute(uri: "/evidence?cost=1&kind=invoice", method: .get, headers: cookie) { r in
                #expect(r.text.contains("id=\"upload\""))
                #expect(r.text.contains("<option value=\"invoice\" selected>"))
            }
            // The audit trail says what happened, not which command did it.
            try await client.execute(uri: "/audit", method: .get, headers: cookie) { r in
                let text = visible(r.text)
                #expect(text.contains("新增活动 1（科技活动周）"))
                #expect(text.contains("新增费用 1（活动委托费，授课费，3,200.00元）"))
                #expect(!text.contains("test"))
            }
        }
    }

    @Test func aVolunteerIsPickedFromTheListAndAStaleFormKeepsWhatWasTyped() async throws {
        let ledger = try ledgerWithCampaign()
        _ = try ledger.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001", org: nil))
        _ = try ledger.volunteers.add(NewVolunteer(name: "王芳", phone: "13800000002", org: nil))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<input name=\"volunteer\" required list=\"volunteer-list\""))
                #expect(r.text.contains("<option value=\"1 李华（138****0001）\"></option>"))
                #expect(!r.text.contains("13800000001"))
            }
            // Picked from the list, or a name typed whole that one volunteer has.
            for (picked, event) in [("1 李华（138****0001）", "1"), ("王芳", "1")] {
                try await client.execute(
                    uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "volunteer": picked, "event": event, "hours": "2"])
                ) { r in
                    #expect(r.status == .seeOther, "\(picked)")
                }
            }
            #expect(try ledger.volunteers.list(RecordFilter()).map(\.hoursCenti) == [200, 200])
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "张三", "event": "1", "hours": "2"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("志愿者 张三：没有找到；请输入姓名或手机后四位"))
                #expect(r.text.contains("action=\"/volunteers/signup#signup\""))
                #expect(r.text.contains("aria-describedby=\"signup-error\""))
                #expect(r.text.contains("value=\"张三\""))
            }
            #expect(
                Catalogue.text(.notPicked(field: .named("volunteer"), value: "张三", matches: 0), .en)
                    == "volunteer \"张三\" was not found: type a name or a phone's last 4 digits")
            #expect(
                Catalogue.text(.notPicked(field: .named("volunteer"), value: "13800", matches: 2), .en)
                    == "volunteer \"13800\": 2 match; choose one below")
            // Several match what was typed: they are offered as a select, the phones masked.
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "0000", "event": "1", "hours": "2"])
            ) { r in
                #expect(r.text.contains("志愿者 0000：没有找到"))
            }
            _ = try ledger.volunteers.add(NewVolunteer(name: "李明", phone: "13800000003", org: nil))
            try await client.execute(
                uri: "/volunteers/signup", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "volunteer": "李", "event": "1", "hours": "2"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("志愿者 李：有 2 位符合，请在下面选择一位"))
                #expect(
                    r.text.contains(
                        "<select name=\"volunteer\" required><option value=\"1 李华（138****0001）\">李华（138****0001）</option>"
                    ))
            }
            // A form kept open past its session's token: nothing written, what was typed offered back.
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": "from-an-old-page", "count": "321", "note": "上午场"])
            ) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("这个页面打开太久（或已重新登录），表单已失效，没有保存任何内容"))
                #expect(r.text.contains("<li>上午场</li>"))
                #expect(r.text.contains("<input type=\"hidden\" name=\"count\" value=\"321\">"))
                #expect(r.text.contains("name=\"csrf\" value=\"\(token)\""))
                #expect(r.text.contains("<nav>"))
            }
            #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
            // A page that is not there, inside the app's frame.
            try await client.execute(uri: "/nowhere", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("没有这个页面：地址可能输错了；请从上面的菜单进入"))
                #expect(r.text.contains("<nav>"))
                #expect(r.text.contains("<title>没有找到 · 科普工作台账</title>"))
            }
        }
        // The sign-in page open too long: asked again, the name kept.
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/login", method: .post, headers: formHeaders,
                body: form(["csrf": "old", "username": "李干事", "password": "battery staple"])
            ) { r in
                #expect(r.status == .forbidden)
                #expect(r.text.contains("登录页打开太久，已失效；请再输入一次密码登录"))
                #expect(r.text.contains("value=\"李干事\""))
            }
        }
    }

    @Test func aPickOfAFourDigitVolunteerIsTheVolunteerNotAPhoneTail() throws {
        let (ledger, _) = try webLedger()
        let office = OfficePages(web: Web(ledger: ledger, settings: WebSettings(), flash: Flash()))
        let v = VolunteerSummary(
            id: 1234, name: "李华", phone: "13800000001", org: nil, platformNo: nil, signups: 0, hoursCenti: 0)
        #expect(OfficePages.pick(v) == "1234 李华（138****0001）")
        #expect(try office.pickedVolunteer(OfficePages.pick(v)) == 1234)
        // Four digits alone are a phone's last four, searched (none here).
        #expect(throws: KepuError.self) { try office.pickedVolunteer("1234") }
    }

    @Test func aLockedYearTellsAnAdminWhereToUnlockIt() async throws {
        let ledger = try ledgerWithCampaign()
        _ = try ledger.users.add(name: "管理员", role: .admin, password: "battery staple 2")
        _ = try ledger.years.lock(2023, reason: "已报送财政局")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "管理员", password: "battery staple 2")
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "count": "300"])
            ) { r in
                #expect(r.status == .conflict)
                #expect(r.text.contains("确需修改请由管理员在“自评”页解除封账"))
                #expect(!r.text.contains("kepu year unlock"))
            }
        }
    }

    @Test func englishModeNamesKindsInEnglish() async throws {
        let ledger = try ledgerWithCampaign()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            var (cookie, _) = try await signIn(client)
            cookie[.cookie] = (cookie[.cookie] ?? "") + "; \(Web.languageCookie)=en"
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                let text = visible(r.text)
                #expect(text.contains("S&amp;T Week") || text.contains("S&T Week"))
                #expect(!text.contains("tech-week"))
            }
            try await client.execute(uri: "/self-evaluation", method: .get, headers: cookie) { r in
                let text = visible(r.text)
                #expect(text.contains("campaign 科技活动周 has no evidence (sign-in sheets, photos, news)"))
                #expect(text.range(of: "kepu [a-z]", options: .regularExpression) == nil)
            }
        }
    }

    /// Every sentence the web words differently: no flag, no command, in either language.
    static let refusals: [Problem] = [
        .endBeforeStart(
            end: CalendarDate(year: 2023, month: 10, day: 10)!, start: CalendarDate(year: 2023, month: 10, day: 20)!),
        .satisfiedOverResponses(satisfied: 101, responses: 100), .whyNeedsScore, .scoreNeedsWhy, .noteNeedsContent,
        .evidenceNeedsRecord, .lineNeedsAmount, .indicatorNotScored(id: "economic"),
        .scoreOverWeight(score: Fixed(20), id: "reach", weight: Fixed(12)),
        .duplicateEvent(title: "科普讲座", start: CalendarDate(year: 2023, month: 3, day: 1)!, existing: 4), .noPlanYet,
        .yearLocked(year: 2023, on: CalendarDate(year: 2024, month: 1, day: 15)!, reason: "已报送财政局"),
        .noSuchRecord(field: .named("活动编号"), kind: .event, id: 42), .noSuchUser(name: "王五"),
        .notAnEventID(field: .named("活动编号"), value: "x"),
        .otherSheets(sheet: "Sheet1", others: ["Sheet2"], problem: .importEmpty(file: "a.xlsx")),
        .surveyQuestionNotFound(given: "满意", questions: ["1. 性别"]),
        .surveyQuestionAmbiguous(given: nil, candidates: ["3. 满意度", "4. 是否满意"]),
        .surveyNoSatisfactionQuestion(questions: ["1. 性别"]),
        // The store names the option it checked; the web reads the form's label instead.
        .phoneTaken(field: .phone, maskedPhone: "138****0001", volunteer: 3, name: "李华"),
        .notALine(
            field: .line, value: "x", year: 2023, unit: "石峰区科协", lines: [LineRef(id: "commission", name: "活动委托费")]),
        .metricNotRead(field: .record(.metric), metric: "x", year: 2023, names: ["literacy-rate"]),
        .parentOtherUnit(parent: 2, unit: "石峰区科协"),
        .noSuchRecord(field: .volunteer, kind: .volunteer, id: 9),
    ]

    @Test(arguments: refusals) func theWebNamesNoCommand(_ p: Problem) {
        for lang in Language.allCases {
            let text = Catalogue.text(p, lang, for: .web)
            #expect(!text.contains("--"), "\(lang): \(text)")
            #expect(!text.contains("kepu "), "\(lang): \(text)")
            #expect(!text.isEmpty)
        }
    }

    @Test func theWebWordsFieldsByTheirLabels() {
        let p = Problem.endBeforeStart(
            end: CalendarDate(year: 2023, month: 10, day: 10)!, start: CalendarDate(year: 2023, month: 10, day: 20)!)
        #expect(Catalogue.text(p, .zh, for: .web) == "结束日期 2023-10-10 早于开始日期 2023-10-20：活动不能在开始之前结束")
        #expect(
            Catalogue.text(p, .en, for: .web)
                == "the end date 2023-10-10 is before the start date 2023-10-20: an event cannot end before it starts")
        // A front end names the fields its own way (the command line by its options).
        let keys = FieldNames { f, _ in "<\(f.key)>" }
        #expect(Catalogue.text(p, .zh, names: keys).hasPrefix("<end> 2023-10-10 早于 <start> 2023-10-20"))
        #expect(
            Catalogue.text(
                .yearLocked(year: 2023, on: CalendarDate(year: 2024, month: 1, day: 15)!, reason: "已报送"), .zh, for: .web
            )
                == "2023年已封账（2024-01-15，已报送），不能再修改；确需修改请由管理员在“自评”页解除封账")
        #expect(
            Catalogue.text(.noSuchRecord(field: .named("活动编号"), kind: .event, id: 42), .zh, for: .web)
                == "活动编号 42：没有这个活动")
        #expect(
            Catalogue.text(
                .phoneTaken(field: .phone, maskedPhone: "138****0001", volunteer: 3, name: "李华"), .zh, for: .web)
                == "手机 138****0001：志愿者 3（李华）已使用这个号码")
        #expect(Catalogue.text(FindingFix.evidenceForEvent(1), .zh) == "上传佐证材料")
        #expect(Catalogue.text(FindingFix.evidenceForCost(1), .en) == "Upload the invoice")
        #expect(Catalogue.text(FindingFix.deviationNote(indicator: "reach", year: 2023), .zh) == "填写偏差原因")
    }

    /// A correction's changes are typed values; each front end words them its own way.
    @Test func aCorrectionIsWordedForEachFrontEnd() {
        let changes = [
            FieldChange(field: .count, before: .count(120), after: .count(150)),
            FieldChange(
                field: .line, before: .line("commission", name: "活动委托费"), after: .line("printing", name: "资料排版复印")),
            FieldChange(field: .event, before: .event(1, title: "科技活动周"), after: .event(2, title: "科普讲座")),
            FieldChange(field: .channel, before: .channel(.onsite), after: .channel(.online)),
            FieldChange(field: .note, before: .text(nil), after: .text("补记")),
        ]
        let edited = Notice.recordEdited(id: 7, label: .cost(line: "活动委托费", amount: Money(fen: 100)), changes: changes)
        #expect(
            Catalogue.text(edited, .zh, for: .web)
                == "已修改费用 7（活动委托费 1.00元）：人次 120 → 150；支出明细 活动委托费 → 资料排版复印；活动 1 科技活动周 → 2 科普讲座；渠道 线下 → 线上；备注 — → 补记")
        #expect(
            Catalogue.text(edited, .en, for: .web)
                == "changed cost 7 (活动委托费 1.00元): Person-visits 120 → 150; Spending line 活动委托费 → 资料排版复印; Event 1 科技活动周 → 2 科普讲座; Channel onsite → online; Note — → 补记"
        )
        #expect(
            Catalogue.text(edited, .zh, names: FieldNames { f, _ in "--" + f.key })
                == "已修改费用 7（活动委托费 1.00元）：--count 120 → 150；--line commission → printing；--event 1 → 2；--channel 线下 → 线上；--note — → 补记"
        )
        #expect(Catalogue.text(edited, .zh, for: .commandLine) == Catalogue.text(edited, .zh))
    }

    /// A sign-up's confirmation names the volunteer and the event, and says hours in each language
    /// (the English once read "2小时" and bare numbers).
    @Test func aSignUpIsConfirmedByName() {
        let added = SignupAdded(
            id: 13, volunteer: 1, volunteerName: "李华", event: 12, eventTitle: "科普讲座", hoursCenti: 250)
        #expect(Catalogue.text(.signupAdded(added), .zh) == "已登记报名 13：志愿者 1（李华）参加活动 12（科普讲座），服务 2.5 小时")
        #expect(
            Catalogue.text(.signupAdded(added), .en)
                == "added sign-up 13: volunteer 1 (李华) at event 12 (科普讲座), 2.5 hours served")
        var none = added
        none.hoursCenti = nil
        #expect(Catalogue.text(.signupAdded(none), .zh) == "已登记报名 13：志愿者 1（李华）参加活动 12（科普讲座）")
    }

    /// Each page's words sit in one table at the top of its file, Chinese beside English, so a label
    /// is never written in one language only or hunted for through a layout.
    @Test func eachPageKeepsItsLabelsInOneTableAtTheTop() throws {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KepuWeb")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count > 10)
        var tables = 0
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            #expect(!text.contains(".t(\""), "\(file) writes a label in place; put it in the file's table")
            let lines = text.components(separatedBy: "\n")
            guard let start = lines.firstIndex(of: "extension Label {") else { continue }
            tables += 1
            // The table ends at its first closing brace; no label is declared past it.
            let end = lines[start...].firstIndex(of: "}") ?? lines.endIndex
            // Label.swift declares the type its shared table extends; every other file opens with its words.
            let code = lines[..<start].filter {
                ($0.hasPrefix("struct ") || $0.hasPrefix("enum ")) && !$0.hasPrefix("struct Label:")
            }
            #expect(code.isEmpty, "\(file): the labels come before the code")
            let later = lines[end...].filter { $0.contains("static let") && $0.contains("= Label(") }
            #expect(later.isEmpty, "\(file): a label outside the table: \(later)")
            for line in lines[start..<end] where line.contains("Label(\"") {
                // Both languages written, the Chinese first.
                #expect(line.contains("\", \"") || line.hasSuffix("Label("), "\(file): \(line)")
            }
        }
        #expect(tables >= 9)
    }

    /// Every field a form shows has a label in both languages.
    @Test func everyFieldHasALabel() throws {
        for kind in RecordKind.allCases {
            for f in kind.fields {
                #expect(!Catalogue.label(f, of: kind, .zh).isEmpty && !Catalogue.label(f, of: kind, .en).isEmpty)
                #expect(Catalogue.label(f, of: kind, .zh) != Catalogue.label(f, of: kind, .en), "\(f)")
            }
        }
        #expect(Catalogue.formLabel(.amount, of: .cost, .zh) == "金额（元）")
        #expect(Catalogue.label(.date, of: .cost, .zh) == "支付日期")
        #expect(Catalogue.label(.title, of: .printRun, .zh) == "品名")
        #expect(throws: KepuError.self) { try RecordField.major.parse("也许", label: .named("重大活动")) }
        #expect(try RecordField.major.parse("是", label: .named("重大活动")) == .flag(true))
        #expect(try RecordField.hours.parse("4.5", label: .named("时长")) == .hours(450))
    }
}
