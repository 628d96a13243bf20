import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuFiles
import KepuStore
import Testing

@testable import KepuWeb

/// The first code a clerk would read in a text: an identifier (`half-up`, `no-data`, `major-events`), a
/// spending line's code (`commission`, `printing`) or a machine time (`2023-09-16T08:30:00Z`); nil when
/// there is none. In English, words that carry a hyphen (`sign-in`, `person-visits`) are words.
func clerkCode(in text: String, _ lang: Language = .zh) -> String? {
    var s = text
    if lang == .en {
        s = s.lowercased()
        for w in [
            "sign-ins", "sign-in", "sign-ups", "sign-up", "person-visits", "self-evaluation", "mid-year",
            "sub-activities",
        ] {
            s = s.replacingOccurrences(of: w, with: " ")
        }
    }
    for pattern in [
        #"[a-z]+[-_][a-z]+"#, #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, #"\d{2}:\d{2}(:\d{2})?Z"#,
        #"(?<![A-Za-z])(commission|printing)(?![A-Za-z])"#,
    ] {
        if let r = s.range(of: pattern, options: .regularExpression) { return String(s[r]) }
    }
    return nil
}

/// What the clerk reads on the web and in what it downloads: notices, the plan's scoring settings and the
/// workbook's every cell, without a code, an id of the plan file or a machine time.
@Suite struct ClerkWordsRouteTests {
    /// Text a person reads: the page without its markup.
    func readable(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    /// The notice a page shows once after a form: its text.
    func notice(_ html: String) -> String {
        guard let start = html.range(of: "id=\"notice\">") else { return "" }
        let rest = html[start.upperBound...]
        let end = rest.range(of: "</p>")?.lowerBound ?? rest.endIndex
        return readable(String(rest[..<end]))
    }

    func ledger(_ dir: URL) throws -> Ledger {
        let (ledger, _) = try webLedger(path: dir.appendingPathComponent("kepu.sqlite").path)
        _ = try ledger.users.add(name: "审核员", role: .reviewer, password: "审核员 password")
        _ = try ledger.events.add(
            NewEvent(title: "全国科普日主场活动", kind: .scienceDay, start: CalendarDate(year: 2023, month: 9, day: 16)!))
        _ = try ledger.attendance.add(NewAttendance(event: 1, count: 3200))
        let v = try ledger.volunteers.add(NewVolunteer(name: "张三", phone: "13800000001", org: "石峰区科普志愿服务队"))
        _ = try ledger.volunteers.signup(NewSignup(volunteer: v.id, event: 1, hoursCenti: 300))
        return ledger
    }

    @Test func costPrintAndEvidenceNoticesNameTheLineAndKeepNoDigest() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = Application(router: WebApp.router(ledger: try ledger(dir)))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/events/1/costs", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "line": "commission", "amount": "2500", "item": "授课费"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                let said = notice(r.text)
                #expect(said.contains("已登记费用 1："), "\(said)")
                #expect(said.contains("列支 2023 年计划的 活动委托费"), "\(said)")
                #expect(clerkCode(in: said) == nil, "\(said)")
                #expect(!readable(r.text).contains("commission"))
            }
            try await client.execute(
                uri: "/budget/print", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": "科普宣传折页", "ink": "color", "copies": "2000", "unitPrice": "1"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/budget", method: .get, headers: cookie) { r in
                let said = notice(r.text)
                #expect(said.contains("列支 资料排版复印"), "\(said)")
                #expect(clerkCode(in: said) == nil, "\(said)")
                #expect(!readable(r.text).contains("printing"))
            }
            let (h, b) = multipart(
                ["csrf": token, "kind": "signin", "event": "1"], file: ("签到表.jpg", Array("jpeg bytes".utf8)))
            try await client.execute(uri: "/evidence", method: .post, headers: h + cookie, body: b) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/evidence", method: .get, headers: cookie) { r in
                let said = notice(r.text)
                #expect(said.contains("已添加佐证材料 1：签到表.jpg（签到表"), "\(said)")
                #expect(!said.contains("sha256") && !said.lowercased().contains("sha"), "\(said)")
            }
            // The event page lists the file with its checksum out of sight.
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(!r.text.contains("SHA-256"))
                #expect(r.text.contains("<summary>文件校验码</summary>"))
            }
        }
    }

    @Test func anIndicatorIsNamedByItsNameInANoticeAndARefusal() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let app = Application(router: WebApp.router(ledger: try ledger(dir)))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(
                uri: "/self-evaluation/notes", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "indicator": "volunteers", "score": "99", "why": "超额"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                let text = readable(r.text)
                #expect(text.contains("超过了“全民投入科普志愿服务”的分值"))
                #expect(!text.contains("超过了 volunteers"))
            }
            try await client.execute(
                uri: "/self-evaluation/notes", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "indicator": "major-events", "reason": "雨天取消一场"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/self-evaluation?year=2023", method: .get, headers: cookie) { r in
                let said = notice(r.text)
                #expect(said.contains("已保存 2023 年指标“两次大型活动”的说明"), "\(said)")
                #expect(clerkCode(in: said) == nil, "\(said)")
            }
        }
    }

    @Test func thePlansScoringSettingsAndImportTimeReadInWords() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let planLedger = try ledger(dir)
        let app = Application(router: WebApp.router(ledger: planLedger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(uri: "/plan", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                let text = readable(r.text)
                #expect(text.contains("按比例扣分"))
                #expect(text.contains("四舍五入"))
                #expect(!text.contains("half-up") && !text.contains("ratio"))
                // When the plan came in, as the office's clock reads it.
                #expect(text.range(of: #"\d{4}-\d{2}-\d{2}T\d{2}"#, options: .regularExpression) == nil)
            }
            try await client.execute(uri: "/plan", method: .get, headers: cookie + [.cookie: "kepu_lang=en"]) { r in
                let text = readable(r.text)
                #expect(text.contains("in proportion (target ÷ actual × weight)"))
                #expect(text.contains("to the nearest, halves up"))
                #expect(!text.contains("half-up"))
            }
            // The statuses in English words.
            try await client.execute(uri: "/", method: .get, headers: cookie + [.cookie: "kepu_lang=en"]) { r in
                let text = readable(r.text)
                for code in ["no-data", "in-progress", "on-track", "needs-score", "partly-met"] {
                    #expect(!text.contains(code), "\(code)")
                }
            }
        }
    }

    /// Every cell of every sheet of the self-evaluation workbook, in both languages: lines, events and
    /// indicators by their names, never a code.
    @Test(arguments: Language.allCases) func theWorkbookNamesEverythingByName(_ lang: Language) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try ledger(dir)
        _ = try ledger.money.addCost(
            NewCost(line: "commission", amount: Money(fen: 250_000), event: 1, item: "授课费", invoice: "43020231"))
        _ = try ledger.money.addPrintRun(
            NewPrintRun(title: "折页", ink: .color, copies: 2000, unitPrice: Money(fen: 100), event: 1))
        let app = Application(router: WebApp.router(ledger: ledger))
        let bytes = try await app.test(.router) { client in
            var (cookie, _) = try await signIn(client)
            if lang == .en { cookie = cookie + [.cookie: "kepu_lang=en"] }
            return try await client.execute(
                uri: "/self-evaluation/download?year=2023&format=xlsx", method: .get, headers: cookie
            ) { r in
                #expect(r.status == .ok)
                return Data(r.body.readableBytesView)
            }
        }
        let path = dir.appendingPathComponent("自评.xlsx").path
        try bytes.write(to: URL(fileURLWithPath: path))
        let book = try XlsxWorkbook(path: path, displayName: "自评.xlsx")
        #expect(book.sheets.count == 6)
        var cells = 0
        for sheet in book.sheets {
            #expect(clerkCode(in: sheet.name, lang) == nil, "\(sheet.name)")
            try book.forEachRow(of: sheet) { row, number in
                for cell in row where !cell.isEmpty {
                    cells += 1
                    #expect(clerkCode(in: cell, lang) == nil, "\(lang) \(sheet.name) row \(number): \(cell)")
                }
            }
        }
        #expect(cells > 50)
        // The costs' line and event by name: the cell that once said `commission` and `1`.
        var costRow: [String] = []
        let costs = try #require(book.sheets.first(where: { $0.name == (lang == .zh ? "费用" : "Costs") }))
        try book.forEachRow(of: costs) { row, _ in if row.first == "1" { costRow = row } }
        #expect(costRow.contains("活动委托费"), "\(costRow)")
        #expect(costRow.contains("1 全国科普日主场活动"), "\(costRow)")
    }
}
