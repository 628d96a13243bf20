import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 计划: the official workbook uploaded, previewed with each inferred metric as a select, imported; one
/// indicator changed as a new version; projects picked on 概览 and 自评, chosen on a new event.
@Suite struct PlanRouteTests {
    /// A ledger with no plan yet and a reviewer and a clerk.
    func emptyLedger() throws -> Ledger {
        let ledger = Ledger(
            database: try AppDatabase.inMemory(),
            context: AuditContext(
                operatorName: "测试员", command: "test", today: { CalendarDate(year: 2024, month: 12, day: 31)! }))
        _ = try ledger.users.add(name: "王审核", role: .reviewer, password: "battery staple")
        _ = try ledger.users.add(name: "李干事", role: .clerk, password: "battery staple")
        return ledger
    }

    @Test func theOfficialWorkbookIsPreviewedCheckedAndImported() async throws {
        let ledger = try emptyLedger()
        let app = Application(router: WebApp.router(ledger: ledger, settings: ImportRouteTests.patient))
        try await app.test(.router) { client in
            // A clerk does not see the plan page.
            let (clerk, _) = try await signIn(client, as: "李干事")
            try await client.execute(uri: "/plan", method: .get, headers: clerk) { r in #expect(r.status == .forbidden)
            }
            let (cookie, token) = try await signIn(client, as: "王审核")
            try await client.execute(uri: "/plan", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("还没有计划"))
                #expect(r.text.contains("action=\"/plan/upload\""))
            }
            let (headers, body) = multipart(
                ["csrf": token], file: ("2024绩效目标表.xlsx", try fixture("plan-other-2024.xlsx")))
            let key = try await client.execute(
                uri: "/plan/upload", method: .post, headers: headers + cookie, body: body
            ) {
                r in
                #expect(r.status == .ok)
                #expect(r.text.contains("科普e站"))
                #expect(r.text.contains("name=\"metric.p1-satisfaction\""))
                #expect(r.text.contains("附表2：7万（科普活动专项） + 3万（科普信息化专项） = 10万，不等于合计 11万"))
                return uploadKey(in: r.text)
            }
            #expect((try? ledger.plans.plan(year: 2024, unit: nil)) == nil)
            // The reviewer changes one inferred metric and imports.
            let fields = ["csrf": token, "upload": key ?? "", "action": "import", "metric.p2-events": "major-events"]
            try await client.execute(
                uri: "/plan/import", method: .post, headers: formHeaders + cookie, body: form(fields)
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/plan?year=2024#notice")
            }
            let plan = try ledger.plans.plan(year: 2024, unit: nil).plan
            #expect(plan.projects.count == 3)
            #expect(plan.allIndicators.first { $0.id == "p2-events" }?.metric == .majorEvents)
            try await client.execute(uri: "/plan?year=2024", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已导入计划"))
                #expect(r.text.contains("2024年区级专项资金绩效目标汇总表"))
            }
            // 概览 picks a project; the select keeps it in the URL.
            try await client.execute(uri: "/?year=2024&project=p3", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("<option value=\"p3\" selected>科普e站</option>"))
                #expect(r.text.contains("e站活动"))
            }
            // 自评 shows the first project unless told, and each project's downloads carry it.
            try await client.execute(uri: "/self-evaluation?year=2024", method: .get, headers: cookie) { r in
                #expect(r.text.contains("项目名称：科普日活动经费"))
                #expect(r.text.contains("format=xlsx&amp;project=p1"))
            }
            try await client.execute(
                uri: "/self-evaluation?year=2024&project=department", method: .get, headers: cookie
            ) {
                r in
                #expect(r.text.contains("部门整体支出绩效自评"))
            }
            // A new event chooses its project; without one it is refused on the form.
            try await client.execute(uri: "/events", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<select name=\"project\">"))
            }
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": "讲座", "kind": "other", "start": "2024-04-01"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("2024 年有 3 个项目"))
            }
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": "讲座", "kind": "other", "start": "2024-04-01", "project": "p3"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/budget?year=2024", method: .get, headers: cookie) { r in
                #expect(r.text.contains("项目：科普e站 · "))
            }
        }
    }

    @Test func oneIndicatorChangedIsANewVersionOfThePlan() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "王审核", role: .reviewer, password: "battery staple")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "王审核")
            try await client.execute(uri: "/plan", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("修改一项指标"))
                #expect(r.text.contains("两次大型活动"))
                #expect(!r.text.contains("action=\"/plan/indicator"))
            }
            // The indicator picked first; its form shows what it is now.
            try await client.execute(uri: "/plan?year=2023&indicator=reach", method: .get, headers: cookie) { r in
                #expect(r.text.contains("action=\"/plan/indicator#indicator\""))
                #expect(r.text.contains("<option value=\"attendance\" selected>参与人次</option>"))
                #expect(r.text.contains("value=\"参与人数增加\""))
            }
            let before = try ledger.plans.plan(year: 2023, unit: nil)
            try await client.execute(
                uri: "/plan/indicator", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "year": "2023", "indicator": "reach", "metric": "unique-participants", "op": ">=",
                    "weight": "", "standard": "参与人数增加",
                ])
            ) { r in #expect(r.status == .seeOther) }
            let after = try ledger.plans.plan(year: 2023, unit: nil)
            #expect(after.id != before.id)
            #expect(after.plan.indicator("reach")?.metric == .uniqueParticipants)
            #expect(after.plan.indicator("cost") == before.plan.indicator("cost"))
            #expect(try ledger.plans.list().contains { $0.id == before.id && $0.replacedAt != nil })
            // A bad weight is refused on the form, nothing written.
            try await client.execute(
                uri: "/plan/indicator", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "year": "2023", "indicator": "reach", "metric": "attendance", "op": ">=",
                    "weight": "很多",
                ])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("很多"))
            }
            #expect(try ledger.plans.plan(year: 2023, unit: nil).id == after.id)
            // A locked year refuses a change.
            _ = try ledger.years.lock(2023, reason: "已报送")
            try await client.execute(
                uri: "/plan/indicator", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "indicator": "reach", "metric": "attendance", "op": ">="])
            ) { r in #expect(r.status == .conflict) }
            #expect(try ledger.plans.plan(year: 2023, unit: nil).id == after.id)
        }
    }
}
