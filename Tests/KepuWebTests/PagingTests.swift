import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Long lists: 50 rows a page, numbered pages with a next link, the filters kept in the links.
@Suite struct PagingTests {
    @Test func eventsVolunteersAndTheAuditTrailComeFiftyAPage() async throws {
        let (ledger, _) = try webLedger()
        for i in 1...120 {
            let id = try ledger.events.add(
                NewEvent(
                    title: "讲座\(i)", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 3, day: 1)!,
                    end: nil, venue: i % 2 == 0 ? "礼堂" : "社区", parent: nil, unit: nil, allowDuplicate: false))
            if i == 1 {
                // A sub-activity stays on its campaign's page.
                _ = try ledger.events.add(
                    NewEvent(
                        title: "分会场", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 3, day: 1)!,
                        end: nil, venue: nil, parent: id, unit: nil, allowDuplicate: false))
            }
            _ = try ledger.volunteers.add(
                NewVolunteer(name: "志愿者\(i)", phone: "1380000\(String(format: "%04d", i))", org: "队\(i % 3)"))
        }
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            func rows(_ text: String) -> Int { text.components(separatedBy: "<tr").count - 1 }
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.text.contains("（120 项）"))
                #expect(r.text.contains("第 1/3 页"))
                #expect(r.text.contains("rel=\"next\" href=\"/events?page=2\""))
                #expect(r.text.contains("分会场"))
                // 50 rows (49 events, one with its sub-activity), the header and the footer.
                #expect(rows(r.text) == 52)
            }
            try await client.execute(uri: "/events?q=%E7%A4%BC%E5%A0%82&page=2", method: .get, headers: cookie) { r in
                // 60 in 礼堂: page 2 of 2, and its links keep the search.
                #expect(r.text.contains("第 2/2 页"))
                #expect(r.text.contains("href=\"/events?q=%E7%A4%BC%E5%A0%82\""))
                #expect(rows(r.text) == 12)
            }
            try await client.execute(uri: "/events?page=99", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("第 3/3 页"))
            }
            try await client.execute(uri: "/volunteers?page=3", method: .get, headers: cookie) { r in
                #expect(r.text.contains("第 3/3 页"))
                #expect(r.text.contains("rel=\"prev\" href=\"/volunteers?page=2\""))
                #expect(rows(r.text) == 21)
            }
            // A phone's last four digits find its volunteer, whose phone the page shows masked.
            try await client.execute(uri: "/volunteers?q=0077", method: .get, headers: cookie) { r in
                #expect(r.text.contains("志愿者77"))
                #expect(!r.text.contains("13800000077"))
                #expect(rows(r.text) == 2)
                #expect(!r.text.contains("class=\"pager\""))
            }
            try await client.execute(uri: "/volunteers?q=%E9%98%9F1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("第 1/1 页") == false)
                #expect(rows(r.text) == 41)
            }
            // The audit trail: the plan, the users and 241 records; page 2 of the events' rows only.
            try await client.execute(uri: "/audit?entity=event&page=2", method: .get, headers: cookie) { r in
                #expect(r.text.contains("第 2/3 页"))
                #expect(
                    r.text.contains("href=\"/audit?entity=event&amp;page=3\"")
                        || r.text.contains("href=\"/audit?entity=event&page=3\""))
                #expect(rows(r.text) == 51)
            }
        }
    }

    /// Print runs come 50 a page under their own page number, beside the costs' pages.
    @Test func printRunsComeFiftyAPageBesideTheCosts() async throws {
        let (ledger, _) = try webLedger()
        for i in 1...60 {
            _ = try ledger.money.addPrintRun(
                NewPrintRun(
                    title: "折页\(i)", ink: .color, copies: 100, unitPrice: Money(fen: 50),
                    date: CalendarDate(year: 2023, month: 3, day: 1)!))
        }
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/budget", method: .get, headers: cookie) { r in
                #expect(r.text.contains("印刷品（60 条）"))
                #expect(r.text.contains("rel=\"next\" href=\"/budget?prints=2#prints\""))
                #expect(r.text.contains("折页50<") && !r.text.contains("折页51<"))
            }
            try await client.execute(uri: "/budget?prints=2", method: .get, headers: cookie) { r in
                #expect(r.text.contains("折页51<") && !r.text.contains("折页50<"))
            }
            try await client.execute(uri: "/budget?q=%E6%8A%98%E9%A1%B57", method: .get, headers: cookie) { r in
                #expect(r.text.contains("印刷品（1 条）"))
            }
        }
    }
}
