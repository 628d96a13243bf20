import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// A record's correction form is built from its kind's fields (`RecordKind.fields`), and the one library
/// call (`CorrectionService.edit`) says what changed as typed values the page words by the form's labels.
@Suite struct RecordEditRouteTests {
    func ledger() throws -> Ledger {
        let (ledger, _) = try webLedger()
        for (title, day) in [("科技活动周", 20), ("科普讲座", 21)] {
            _ = try ledger.events.add(
                NewEvent(
                    title: title, kind: .other, major: nil, start: CalendarDate(year: 2023, month: 5, day: day)!,
                    end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        }
        _ = try ledger.money.addCost(
            NewCost(line: "commission", amount: Money(fen: 320_000), event: 1, item: "授课费", invoice: "43020231"))
        _ = try ledger.attendance.add(
            NewAttendance(event: 1, count: 120, channel: .onsite, method: .headcount, date: nil, note: nil))
        _ = try ledger.surveys.addMeasurement(
            NewMeasurement(
                metric: "literacy-rate", value: Fixed(raw: 98_000), date: CalendarDate(year: 2023, month: 12, day: 1)!,
                source: "抽样调查"))
        return ledger
    }

    func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test(arguments: [RecordKind.event, .attendance, .cost, .measurement])
    func theFormHasEveryFieldOfItsKind(_ kind: RecordKind) async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/records/\(kind.rawValue)/1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                for f in kind.fields {
                    #expect(r.text.contains("name=\"\(f.rawValue)\""), "\(kind) \(f)")
                    #expect(r.text.contains(Catalogue.formLabel(f, of: kind, .zh)), "\(kind) \(f)")
                }
            }
        }
    }

    @Test func aCostIsMovedToAnotherLineAndEventAndThePageSaysSoInWords() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/records/cost/1", method: .get, headers: cookie) { r in
                // The line and the event are picked by name, the current ones chosen.
                #expect(r.text.contains("<option value=\"commission\" selected>活动委托费</option>"))
                #expect(r.text.contains("<option value=\"printing\">资料排版复印</option>"))
                #expect(r.text.contains("<option value=\"1\" selected>1 科技活动周（2023-05-20）</option>"))
                #expect(r.text.contains("name=\"amount\" value=\"3200.00\""))
            }
            try await client.execute(
                uri: "/records/cost/1/edit", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "line": "printing", "event": "2", "amount": "2100", "item": "授课费",
                    "invoice": "43020231", "date": "2023-12-31", "reason": "发票金额录错",
                ])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/records/cost/1#notice")
            }
            try await client.execute(uri: "/records/cost/1", method: .get, headers: cookie) { r in
                let text = visible(r.text)
                #expect(text.contains("支出明细 活动委托费 → 资料排版复印"))
                #expect(text.contains("金额 3,200.00元 → 2,100.00元"))
                #expect(text.contains("活动 1 科技活动周 → 2 科普讲座"))
                #expect(!text.contains("--"))
                #expect(!text.contains("printing"))
            }
        }
        let c = try ledger.money.costs(RecordFilter()).first
        #expect(c?.line == "printing" && c?.amount == Money(fen: 210_000) && c?.event == 2)
    }

    @Test func aRefusedCorrectionKeepsWhatWasTypedAndNamesTheFieldByItsLabel() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/records/attendance/1/edit", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "count": "一百五", "reason": "点错了"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("value=\"一百五\""))
                #expect(visible(r.text).contains("人次"))
                #expect(!visible(r.text).contains("--count"))
            }
            // Nothing typed differs from the record: said, and nothing written.
            try await client.execute(
                uri: "/records/attendance/1/edit", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "event": "1", "count": "120", "channel": "onsite", "method": "headcount",
                    "date": "2023-05-20", "reason": "看一看",
                ])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(visible(r.text).contains("没有要修改的内容"))
            }
            try await client.execute(
                uri: "/records/measurement/1/edit", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "value": "10.5", "reason": "复核后的数值"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/records/measurement/1", method: .get, headers: cookie) { r in
                #expect(visible(r.text).contains("数值 9.8 → 10.5"))
                #expect(r.text.contains("<option value=\"literacy-rate\" selected>提高全区人民科学文化素质</option>"))
            }
        }
    }
}
