import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 计划 → 更正名称: a project's name, its 所属专项 and a line's name, each corrected as a new version of the
/// plan, the ledger kept.
@Suite struct PlanNamesRouteTests {
    @Test func aReviewerCorrectsTheProjectsAndALinesNames() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "审核员", role: .reviewer, password: "审核员 password")
        let before = try ledger.plans.plan(year: 2023, unit: nil)
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (clerk, clerkToken) = try await signIn(client)
            try await client.execute(
                uri: "/plan/names", method: .post, headers: formHeaders + clerk,
                body: form(["csrf": clerkToken, "year": "2023", "name": "科普工作经费"])
            ) { r in #expect(r.status == .forbidden) }
            let (cookie, token) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(uri: "/plan?year=2023", method: .get, headers: cookie) { r in
                #expect(r.text.contains("action=\"/plan/names#names\""))
            }
            try await client.execute(
                uri: "/plan/names", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "name": "科普工作经费", "parent": "科普专项"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(
                uri: "/plan/names", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "line": "commission", "lineName": "活动委托费（含讲课）"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(
                uri: "/plan/names", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "name": "科普工作经费", "parent": "科普专项"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("没有要更正的名称"))
            }
            try await client.execute(uri: "/budget", method: .get, headers: cookie) { r in
                #expect(r.text.contains("活动委托费（含讲课）"))
            }
        }
        let after = try ledger.plans.plan(year: 2023, unit: nil)
        #expect(after.id != before.id)
        #expect(after.plan.fund.name == "科普工作经费")
        #expect(after.plan.fund.parent == "科普专项")
        #expect(after.plan.lines.first { $0.id == "commission" }?.name == "活动委托费（含讲课）")
        // Nothing else changed: the indicators and the money are the plan's as before.
        #expect(after.plan.indicators == before.plan.indicators)
        #expect(after.plan.budget == before.plan.budget)
    }
}
