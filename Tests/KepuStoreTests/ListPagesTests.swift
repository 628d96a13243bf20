import Foundation
import GRDB
import Testing

@testable import KepuCore
@testable import KepuStore

/// The store's long lists: a page's rows, the count and the totals read in SQL, agreeing with the
/// whole list read and summed in memory.
@Suite struct ListPagesTests {
    /// 130 campaigns with two sub-activities each; attendance, a cost and a sign-up on some.
    func busyYear() throws -> Ledger {
        let l = try memoryLedger()
        let v = try l.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001", org: "青年志愿队"))
        for i in 0..<130 {
            let start = day("2023-03-01").adding(days: i)
            let id = try l.events.add(
                NewEvent(
                    title: i % 10 == 0 ? "科普讲座\(i)" : "展览\(i)", kind: i == 7 ? .scienceDay : .other, start: start,
                    venue: i % 2 == 0 ? "礼堂" : nil, allowDuplicate: true))
            for j in 0..<2 {
                let sub = try l.events.add(
                    NewEvent(
                        title: j == 0 && i == 33 ? "流动科技馆" : "分场\(i)-\(j)", kind: .other, start: start, parent: id,
                        allowDuplicate: true))
                if j == 1 { _ = try l.attendance.add(NewAttendance(event: sub, count: Int64(i + 1))) }
            }
            if i % 3 == 0 {
                _ = try l.money.addCost(NewCost(line: "commission", amount: Money(fen: 10_000 + Int64(i)), event: id))
                _ = try l.volunteers.signup(NewSignup(volunteer: v.id, event: id, hoursCenti: 150))
            }
        }
        return l
    }

    @Test func aPageOfEventsHoldsItsCampaignsAndTheTotalsAreTheWholeYears() throws {
        let l = try busyYear()
        let year = DateRange.year(2023)
        let whole = try l.events.list(in: year)
        let first = try l.events.page(EventQuery(range: year, page: PageRequest(page: 1, size: 150)))
        #expect(first.events.count == 130)
        #expect(first.events.pages == 3)
        // 150 rows a page: 50 campaigns, each followed by its two sub-activities, in the whole list's order.
        #expect(first.events.rows.count == 150)
        #expect(first.events.rows == Array(whole.prefix(150)))
        #expect(first.totals == EventTotals(of: whole))
        // Past the last page: the last.
        let last = try l.events.page(EventQuery(range: year, page: PageRequest(page: 9, size: 150)))
        #expect(last.events.page == 3)
        #expect(last.events.rows == Array(whole.suffix(90)))
        // Groups and totals known from before are used as they are; 50 rows a page never split a campaign.
        let groups = try l.events.groups(EventQuery(range: year))
        #expect(groups.roots.count == 130)
        #expect(groups.pages(rows: 50).count == 9)
        #expect(groups.pages(rows: 50)[0] == 0..<16)
        let small = try l.events.page(EventQuery(range: year, page: PageRequest(page: 2, size: 50)), groups: groups)
        #expect(small.events.rows == Array(whole[48..<96]))
        #expect(small.events.pages == 9)
        let known = try l.events.page(EventQuery(range: year), totals: first.totals)
        #expect(known.totals == first.totals)
    }

    @Test func aSearchFindsASubActivityWithItsCampaign() throws {
        let l = try busyYear()
        let year = DateRange.year(2023)
        let found = try l.events.page(EventQuery(range: year, page: PageRequest(search: "流动科技")))
        #expect(found.events.count == 1)
        #expect(found.events.rows.map(\.title) == ["展览33", "流动科技馆", "分场33-1"])
        #expect(found.totals.onsite == 34)
        // A venue; a kind; the LIKE's own wildcards matched as themselves.
        #expect(try l.events.page(EventQuery(range: year, page: PageRequest(search: "礼堂"))).events.count == 65)
        #expect(try l.events.page(EventQuery(range: year, kind: .scienceDay)).events.count == 1)
        #expect(try l.events.page(EventQuery(range: year, page: PageRequest(search: "%"))).events.count == 0)
        #expect(try l.events.page(EventQuery(range: year, page: PageRequest(search: "_"))).events.count == 0)
    }

    @Test func aVoidedCampaignLeavesTheListAndItsTotals() throws {
        let l = try busyYear()
        let year = DateRange.year(2023)
        let before = try l.events.totals(EventQuery(range: year))
        let first = try l.events.list(in: year)[0]
        _ = try l.events.void(first.id, reason: "录重了")
        let after = try l.events.totals(EventQuery(range: year))
        #expect(after.groups == before.groups - 1)
        #expect(after == EventTotals(of: try l.events.list(in: year)))
        // With the voided ones: back in the count, still out of the sums.
        let all = try l.events.totals(EventQuery(range: year, includeVoided: true))
        #expect(all.groups == before.groups)
        #expect(all.onsite == after.onsite)
    }

    @Test func costsAndVolunteersArePagedAndSearchedInSQL() throws {
        let l = try busyYear()
        let filter = RecordFilter(range: .year(2023))
        let all = try l.money.costs(filter)
        let page = try l.money.costs(filter, PageRequest(page: 1, size: 20))
        #expect(page.costs.count == all.count)
        #expect(page.costs.rows == Array(all.prefix(20)))
        #expect(page.total == all.reduce(Money.zero) { $0 + $1.amount })
        // By an event's title; by a line's code the caller found by its name.
        #expect(try l.money.costs(filter, PageRequest(search: "科普讲座30")).costs.count == 1)
        #expect(try l.money.costs(filter, PageRequest(search: "委托"), lines: ["commission"]).costs.count == all.count)
        let v = try l.volunteers.page(PageRequest(search: "0001"))
        #expect(v.rows.map(\.name) == ["李华"])
        #expect(v.rows.first?.signups == 44)
        #expect(try l.volunteers.page(PageRequest(search: "青年")).count == 1)
        #expect(try l.volunteers.candidates("李华").rows.map(\.name) == ["李华"])
        #expect(try l.volunteers.candidates("王").count == 0)
    }

    @Test func aPickerFindsEventsByTitleOrNumber() throws {
        let l = try busyYear()
        let year = DateRange.year(2023)
        #expect(try l.events.count(in: year) == 390)
        #expect(try l.events.count(in: year, campaigns: true) == 130)
        let lectures = try l.events.find("科普讲座", in: year, limit: 5)
        #expect(lectures.count == 13)
        #expect(lectures.rows.count == 5)
        #expect(try l.events.find("流动科技馆", in: year, campaigns: true).count == 0)
        let id = try l.events.list(in: year)[3].id
        #expect(try l.events.find(String(id), in: year).rows.map(\.id).contains(id))
        #expect(try l.events.titled([id]).map(\.id) == [id])
    }
}
