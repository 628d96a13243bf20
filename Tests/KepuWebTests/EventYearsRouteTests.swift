import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Every event is somewhere a clerk can find it: 活动 offers every year that has events, with a plan or
/// without one.
@Suite struct EventYearsRouteTests {
    @Test func anEventInAYearWithoutAPlanIsOneClickAway() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "旧年的讲座", kind: .other, major: nil, start: CalendarDate(year: 2022, month: 5, day: 1)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        #expect(try ledger.events.years() == [2022])
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<strong>2023</strong> · <a href=\"/events?year=2022\">2022</a>"))
                #expect(!r.text.contains("旧年的讲座"))
            }
            try await client.execute(uri: "/events?year=2022", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("旧年的讲座"))
                #expect(r.text.contains("<input type=\"hidden\" name=\"year\" value=\"2022\">"))
            }
            try await client.execute(uri: "/events?year=abc", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
            }
        }
    }

    /// A campaign agrees with itself: its page's total is the list's, from one definition (EventTotals),
    /// and a sub-activity says that it counts under it.
    @Test func aCampaignsPageAndTheListSumItAlike() async throws {
        let (ledger, _) = try webLedger()
        let day = CalendarDate(year: 2023, month: 9, day: 16)!
        let campaign = try ledger.events.add(
            NewEvent(
                title: "全国科普日", kind: .scienceDay, major: nil, start: day, end: nil, venue: nil, parent: nil,
                unit: nil, allowDuplicate: false))
        let sub = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: day, end: nil, venue: nil, parent: campaign,
                unit: nil, allowDuplicate: false))
        _ = try ledger.attendance.add(
            NewAttendance(event: campaign, count: 100, channel: .onsite, method: .headcount, date: nil, note: nil))
        _ = try ledger.attendance.add(
            NewAttendance(event: sub, count: 50, channel: .onsite, method: .headcount, date: nil, note: nil))
        let list = try ledger.events.totals(EventQuery(range: DateRange.year(2023)))
        let d = try ledger.events.detail(campaign)
        let page = EventTotals(of: [d.summary] + d.children)
        #expect(page.major == list.major && page.major == 1)
        #expect(page.onsite == list.onsite && page.onsite == 150)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/events/\(campaign)", method: .get, headers: cookie) { r in
                #expect(r.text.contains("★ 大型活动 1 次"))
            }
            try await client.execute(uri: "/events/\(sub)", method: .get, headers: cookie) { r in
                #expect(r.text.contains("\(campaign) 全国科普日（本子活动的人次、费用计入该活动，不单独计为一次活动）"))
            }
        }
    }

}
