import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Every row of every table of records on the web offers 修改 and 作废 (恢复 for a voided row), leading
/// to the record's page and its form, not only the small number in the 编号 column; a file's checksum is
/// no column, only a toggle.
@Suite struct RowActionsTests {
    /// A ledger (on disk: evidence needs its folder) with an event that has one row of each kind, and a
    /// sub-activity.
    func ledgerWithOneOfEach(_ dir: URL) throws -> Ledger {
        let (ledger, _) = try webLedger(path: dir.appendingPathComponent("kepu.sqlite").path)
        let event = try ledger.events.add(
            NewEvent(title: "全国科普日主场活动", kind: .scienceDay, start: CalendarDate(year: 2023, month: 9, day: 16)!))
        _ = try ledger.events.add(
            NewEvent(
                title: "科普进社区", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 9, day: 18)!, end: nil,
                venue: nil, parent: event, unit: nil, allowDuplicate: false))
        _ = try ledger.attendance.add(NewAttendance(event: event, count: 3200))
        _ = try ledger.money.addCost(
            NewCost(line: "commission", amount: Money(fen: 250_000), event: event, item: "授课费"))
        _ = try ledger.money.addPrintRun(
            NewPrintRun(title: "折页", ink: .color, copies: 2000, unitPrice: Money(fen: 100), event: event))
        _ = try ledger.surveys.add(NewSurvey(event: event, responses: 100, satisfied: 98))
        let v = try ledger.volunteers.add(NewVolunteer(name: "张三", phone: "13800000001"))
        _ = try ledger.volunteers.signup(NewSignup(volunteer: v.id, event: event, hoursCenti: 300))
        let file = dir.appendingPathComponent("签到表.jpg")
        try Data("jpeg bytes".utf8).write(to: file)
        _ = try ledger.evidence.add(file: file.path, displayName: "签到表.jpg", kind: .signin, event: event, cost: nil)
        return ledger
    }

    /// `修改 作废` of a record's row, as the page's markup has it.
    func correctAndVoid(_ kind: String, _ id: Int64) -> [String] {
        [
            "href=\"/records/\(kind)/\(id)#correct\">修改</a>",
            "href=\"/records/\(kind)/\(id)#void\" class=\"danger\">作废</a>",
        ]
    }

    @Test func everyRowOfTheEventPageOffersToCorrectAndVoidIt() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try ledgerWithOneOfEach(dir)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                let html = r.text
                #expect(html.contains("<th class=\"noprint\">操作</th>"))
                for (kind, id) in [
                    ("attendance", 1), ("cost", 1), ("print_run", 1), ("survey", 1), ("signup", 1), ("event", 2),
                ] as [(String, Int64)] {
                    for link in correctAndVoid(kind, id) { #expect(html.contains(link), "\(kind) \(id): \(link)") }
                }
                // Evidence has nothing to correct: it is voided on its own page.
                #expect(html.contains("href=\"/evidence/1#void\" class=\"danger\">作废</a>"))
                // The file's checksum is no column: it is folded under the file's name.
                #expect(!html.contains("SHA-256"))
                #expect(!html.contains("<th>SHA"))
                #expect(html.contains("<details class=\"folded\"><summary>文件校验码</summary>"))
            }
            // Each leads to the record's page, to the form it names.
            try await client.execute(uri: "/records/cost/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<section id=\"correct\">"))
                #expect(r.text.contains("<section id=\"void\">"))
            }
            try await client.execute(uri: "/evidence/1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<section id=\"void\">"))
                #expect(r.text.contains("action=\"/evidence/1/void\""))
                #expect(r.text.contains("<summary>文件校验码</summary>"))
                #expect(r.text.contains("<a href=\"/events/1\">1 全国科普日主场活动</a>"))
            }
            try await client.execute(uri: "/evidence/9", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
            }
        }
        // A voided row offers to restore it, and nothing else.
        _ = try ledger.corrections.void(.printRun, 1, reason: "重复录入")
        _ = try ledger.corrections.void(.evidence, 1, reason: "传错了")
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                let html = r.text
                #expect(html.contains("href=\"/records/print_run/1#restore\">恢复</a>"))
                #expect(!html.contains("href=\"/records/print_run/1#correct\""))
                #expect(!html.contains("href=\"/records/print_run/1#void\""))
                #expect(html.contains("href=\"/evidence/1#restore\">恢复</a>"))
                for link in correctAndVoid("cost", 1) { #expect(html.contains(link)) }
            }
            try await client.execute(uri: "/records/print_run/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<section id=\"restore\">"))
            }
            try await client.execute(uri: "/evidence/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<section id=\"restore\">"))
                #expect(r.text.contains("action=\"/evidence/1/restore\""))
            }
        }
    }

    /// The long lists of 经费 and 志愿者 are the same tables, with the same actions.
    @Test func theBudgetAndVolunteerListsOfferTheSameActions() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let ledger = try ledgerWithOneOfEach(dir)
        _ = try ledger.corrections.void(.printRun, 1, reason: "重复录入")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/budget?all=1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                for link in correctAndVoid("cost", 1) { #expect(r.text.contains(link)) }
                #expect(r.text.contains("href=\"/records/print_run/1#restore\">恢复</a>"))
            }
            try await client.execute(uri: "/volunteers", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                for link in correctAndVoid("volunteer", 1) { #expect(r.text.contains(link)) }
            }
        }
    }
}
