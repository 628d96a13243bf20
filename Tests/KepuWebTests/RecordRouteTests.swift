import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// The event page's forms, a record's correction, and void and restore through their confirmation.
@Suite struct RecordRouteTests {
    /// A ledger with one event (id 1, 2023-09-16) to record against.
    func ledgerWithEvent() throws -> (Ledger, String) {
        let (ledger, token) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "全国科普日主场活动", kind: .scienceDay, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: "石峰区科技馆", parent: nil, unit: nil, allowDuplicate: false))
        return (ledger, token)
    }

    @Test func attendanceAndACostAreRecordedOnTheEventPage() async throws {
        let (ledger, _) = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("全国科普日主场活动"))
                #expect(r.text.contains("action=\"/events/1/attendance#attendance\""))
                #expect(r.text.contains("<option value=\"commission\""))
            }
            // A bad count: the sentence on the form, what was typed kept, nothing written.
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                body: form(["count": "2̼0", "csrf": token])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("人次"))
                #expect(r.text.contains("role=\"alert\""))
            }
            #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                body: form(["count": "3200", "channel": "onsite", "method": "headcount", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events/1#notice")
            }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已登记人次 1：活动 1 线下 3200人次"))
            }
            // The notice is shown once.
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(!r.text.contains("已登记人次 1"))
            }
            try await client.execute(
                uri: "/events/1/costs", method: .post, headers: formHeaders + cookie,
                body: form(["line": "commission", "amount": "6000", "item": "授课费", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
            }
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.text.contains("3200人次"))
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [3200])
        #expect(try ledger.money.costs(RecordFilter()).map(\.amount) == [Money(fen: 600_000)])
        let log = try ledger.audit.log(limit: 2)
        #expect(log.allSatisfy { $0.operatorName == "李干事" })
    }

    @Test func aCostIsCorrectedThenVoidedAfterConfirmingThenRestored() async throws {
        let (ledger, _) = try ledgerWithEvent()
        _ = try ledger.money.addCost(NewCost(line: "commission", amount: Money(fen: 600_000), event: 1))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/records/cost/1", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("action=\"/records/cost/1/edit\""))
                #expect(r.text.contains("action=\"/records/cost/1/void\""))
            }
            // A correction needs its reason.
            try await client.execute(
                uri: "/records/cost/1/edit", method: .post, headers: formHeaders + cookie,
                body: form(["amount": "5800", "reason": " ", "csrf": token])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("修改原因"))
            }
            try await client.execute(
                uri: "/records/cost/1/edit", method: .post, headers: formHeaders + cookie,
                body: form(["amount": "5800", "reason": "发票金额有误", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
            }
            #expect(try ledger.money.costs(RecordFilter()).map(\.amount) == [Money(fen: 580_000)])
            // The first POST asks to confirm and writes nothing.
            try await client.execute(
                uri: "/records/cost/1/void", method: .post, headers: formHeaders + cookie,
                body: form(["reason": "重复录入", "csrf": token])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("确认作废"))
                #expect(r.text.contains("name=\"confirm\" value=\"yes\""))
            }
            #expect(try ledger.money.costs(RecordFilter()).count == 1)
            try await client.execute(
                uri: "/records/cost/1/void", method: .post, headers: formHeaders + cookie,
                body: form(["reason": "重复录入", "confirm": "yes", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/records/cost/1#notice")
            }
            #expect(try ledger.money.costs(RecordFilter()).isEmpty)
            try await client.execute(uri: "/records/cost/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已作废费用 1"))
                #expect(r.text.contains("action=\"/records/cost/1/restore\""))
            }
            try await client.execute(
                uri: "/records/cost/1/restore", method: .post, headers: formHeaders + cookie,
                body: form(["reason": "误作废", "confirm": "yes", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
            }
        }
        #expect(try ledger.money.costs(RecordFilter()).count == 1)
        let reasons = try ledger.audit.log(limit: 3).map(\.command)
        #expect(reasons.contains { $0.contains("--reason 重复录入") })
    }

    @Test func aSurveyIsRecordedAndTheEventPrintRunAndSurveyAreCorrected() async throws {
        let (ledger, _) = try ledgerWithEvent()
        _ = try ledger.money.addPrintRun(
            NewPrintRun(title: "折页", ink: .color, copies: 2000, unitPrice: Money(fen: 100), event: 1))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/events/1/surveys", method: .post, headers: formHeaders + cookie,
                body: form(["responses": "100", "satisfied": "120", "csrf": token])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("满意"))
                #expect(r.text.contains("value=\"120\""))
            }
            try await client.execute(
                uri: "/events/1/surveys", method: .post, headers: formHeaders + cookie,
                body: form(["responses": "300", "satisfied": "296", "csrf": token])
            ) { r in
                #expect(r.status == .seeOther)
            }
            for (uri, fields) in [
                ("/records/event/1/edit", ["title": "全国科普日主场活动（石峰区）", "venue": "石峰公园"]),
                ("/records/print_run/1/edit", ["copies": "2500"]),
                ("/records/survey/1/edit", ["satisfied": "298"]),
            ] {
                try await client.execute(
                    uri: uri.replacingOccurrences(of: "/edit", with: ""), method: .get, headers: cookie
                ) {
                    r in
                    #expect(r.text.contains("action=\"\(uri)\""), "\(uri)")
                }
                try await client.execute(
                    uri: uri, method: .post, headers: formHeaders + cookie,
                    body: form(fields.merging(["reason": "核对原始单据", "csrf": token]) { a, _ in a })
                ) { r in
                    #expect(r.status == .seeOther, "\(uri)")
                }
            }
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.text.contains("数据核查"))
            }
        }
        let d = try ledger.events.detail(1)
        #expect(d.summary.title == "全国科普日主场活动（石峰区）")
        #expect(d.summary.venue == "石峰公园")
        #expect(d.printRuns.map(\.copies) == [2500])
        #expect(d.surveys.map(\.satisfied) == [298])
    }

    /// The dashboard is kept between requests, and computed again after any write, the command
    /// line's included.
    @Test func theDashboardFollowsEveryWrite() async throws {
        let (ledger, _) = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.text.contains("0人次"))
            }
            try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                #expect(r.text.contains("0人次"))
            }
            _ = try ledger.attendance.add(NewAttendance(event: 1, count: 4321))
            // Another session's reader gets the new figures, or, while they are being computed, the
            // previous page marked as being brought up to date; then the new figures.
            var fresh = false
            for _ in 0..<600 where !fresh {
                try await client.execute(uri: "/", method: .get, headers: cookie) { r in
                    fresh = r.text.contains("4321人次")
                    if !fresh { #expect(r.text.contains("概览正在更新")) }
                }
                if !fresh { try await Task.sleep(for: .milliseconds(50)) }
            }
            #expect(fresh)
        }
    }

    @Test func aLockedYearRefusesTheFormWith409() async throws {
        let (ledger, _) = try ledgerWithEvent()
        _ = try ledger.years.lock(2023, reason: "已报送财政局")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders + cookie,
                body: form(["count": "100", "csrf": token])
            ) { r in
                #expect(r.status == .conflict)
                #expect(r.text.contains("2023年已封账"))
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
    }

    @Test func signedOutFormsRedirectAndUnknownRecordsAre404() async throws {
        let (ledger, _) = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            for uri in ["/events/1", "/records/cost/1"] {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther)
                    #expect(r.headers[.location] == "/login")
                }
            }
            try await client.execute(
                uri: "/events/1/attendance", method: .post, headers: formHeaders, body: form(["count": "1"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            let (cookie, _) = try await signIn(client)
            try await client.execute(uri: "/records/plan/1", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
            }
            try await client.execute(uri: "/records/cost/99", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
            }
        }
    }

    @Test func theAPIRecordsAttendance() async throws {
        let (ledger, token) = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        let bearer: HTTPFields = [.authorization: "Bearer \(token)", .contentType: "application/json"]
        try await app.test(.router) { client in
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: [.contentType: "application/json"],
                body: ByteBuffer(string: #"{"count": 120}"#)
            ) { r in
                #expect(r.status == .unauthorized)
            }
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: bearer,
                body: ByteBuffer(
                    string: #"{"count": 120, "channel": "onsite", "method": "headcount", "date": "2023-09-16"}"#)
            ) { r in
                #expect(r.status == .created)
                #expect(r.text.contains(#""id": 1"#))
            }
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: bearer,
                body: ByteBuffer(string: #"{"count": "12.5"}"#)
            ) { r in
                #expect(r.status == .badRequest)
                #expect(r.headers[.contentType] == "application/json; charset=utf-8")
                // The field by its JSON key.
                #expect(r.text.contains("count"))
            }
            // A key given twice: which was meant is unknown, so nothing is written.
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: bearer,
                body: ByteBuffer(string: #"{"count": 5, "\u0063ount": 500}"#)
            ) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("JSON 里的字段 count 出现了不止一次"))
            }
            // Over the API's own 64 KiB: its own sentence, not the upload's 20 MiB.
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: bearer,
                body: ByteBuffer(string: #"{"count": 5, "note": ""# + String(repeating: "x", count: 70_000) + "\"}")
            ) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("API 的请求体最多 64 KiB"))
            }
            try await client.execute(
                uri: "/api/v1/events/1/attendance", method: .post, headers: bearer, body: ByteBuffer(string: "[1]")
            ) { r in
                #expect(r.status == .badRequest)
                #expect(r.text.contains("JSON 对象"))
            }
            try await client.execute(
                uri: "/api/v1/events/9/attendance", method: .post, headers: bearer,
                body: ByteBuffer(string: #"{"count": 5}"#)
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("\"error\""))
                // No command line in an API's answer.
                #expect(!r.text.contains("kepu "))
                #expect(!r.text.contains("--"))
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [120])
        #expect(try ledger.audit.log(limit: 1).first?.operatorName == "李干事")
    }
}
