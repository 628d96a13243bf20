import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// A warning that comes with a write stands apart from its confirmation, in its own colour: a second
/// entry like one already recorded, a spending line past its plan.
@Suite struct WarningsRouteTests {
    @Test func aDuplicateEntryAndALineOverItsPlanAreWarningsNotSuccesses() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 5, day: 20)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            for _ in 0..<2 {
                try await client.execute(
                    uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                    body: form(["csrf": token, "count": "120"])
                ) { r in #expect(r.status == .seeOther) }
            }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<p class=\"notice\" role=\"status\" id=\"notice\">已登记人次"))
                #expect(r.text.contains("<p class=\"warning\" role=\"status\">注意：活动 1"))
            }
            // 活动委托费 plans 2.5万: 3万 takes it past.
            try await client.execute(
                uri: "/events/1/costs", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "line": "commission", "amount": "3万", "date": "2023-05-20"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(
                    r.text.contains(
                        "<p class=\"warning\" role=\"status\">注意：支出明细“活动委托费”已支出 30,000.00元，超出计划 25,000.00元 5,000.00元</p>"
                    ))
            }
        }
    }

    /// Each role sees what it can do: a clerk is not sent to write a deviation note, and is told who does.
    @Test func aClerkIsToldWhoWritesDeviationNotes() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "审核员", role: .reviewer, password: "审核员 password")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (clerk, _) = try await signIn(client)
            try await client.execute(uri: "/", method: .get, headers: clerk) { r in
                #expect(r.text.contains("偏差原因由审核人或管理员填写"))
                #expect(!r.text.contains("#note\">填写偏差原因</a>"))
            }
            try await client.execute(uri: "/self-evaluation?year=2023", method: .get, headers: clerk) { r in
                #expect(r.text.contains("偏差原因由审核人或管理员填写"))
                #expect(!r.text.contains("action=\"/self-evaluation/notes"))
                #expect(!r.text.contains("#note\">填写偏差原因</a>"))
            }
            let (reviewer, _) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(uri: "/", method: .get, headers: reviewer) { r in
                #expect(r.text.contains("#note\">填写偏差原因</a>"))
            }
        }
    }

}
