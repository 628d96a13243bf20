import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 问卷星 on the web: a download for an event, the question found and its tally, another picked, imported.
@Suite struct SurveyRouteTests {
    static func fixture(_ name: String) throws -> [UInt8] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/\(name)")
        return Array(try Data(contentsOf: url))
    }

    func ledgerWithEvent() throws -> Ledger {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "全国科普日主场活动", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        return ledger
    }

    /// The upload's key in a preview page.
    func upload(in html: String) -> String? {
        guard let r = html.range(of: "name=\"upload\" value=\"") else { return nil }
        return String(html[r.upperBound...].prefix { $0 != "\"" })
    }

    @Test func aDownloadIsPreviewedRecountedAndImported() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/imports", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<option value=\"survey\">问卷星答卷（满意度）</option>"))
            }
            // Through the 导入 page's one form, as a kind of file.
            let (h, b) = multipart(
                ["csrf": token, "kind": "survey", "event": "1"],
                file: ("满意度调查.xlsx", try Self.fixture("wjx-survey.xlsx")))
            let key = try await client.execute(uri: "/imports", method: .post, headers: h + cookie, body: b) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("第2题「您对本次科普活动的总体满意度」：8份有效，满意6份（75%）"))
                #expect(r.text.contains("<option value=\"3\">3、您愿意向朋友推荐本活动的可能性（0-10分）</option>"))
                #expect(r.text.contains("活动：1 全国科普日主场活动"))
                return upload(in: r.text)
            }
            #expect(try ledger.surveys.list(RecordFilter()).isEmpty)
            // Another question counted instead.
            try await client.execute(
                uri: "/imports/survey/preview", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key ?? "", "question": "3"])
            ) { r in
                #expect(r.text.contains("第3题「您愿意向朋友推荐本活动的可能性（0-10分）」：8份有效，满意5份（62.5%）"))
                #expect(r.text.contains("name=\"question\" value=\"3\""))
            }
            try await client.execute(
                uri: "/imports/survey/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key ?? "", "question": "3"])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events/1#notice")
            }
            // The upload is gone once imported.
            try await client.execute(
                uri: "/imports/survey/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key ?? "", "question": "3"])
            ) { r in
                #expect(r.status == .unprocessableContent)
            }
        }
        #expect(try ledger.surveys.list(RecordFilter()).map(\.satisfied) == [5])
    }

    @Test func twoSatisfactionQuestionsAskWhichToCount() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let (h, b) = multipart(
                ["csrf": token, "event": "1"], file: ("两题.xlsx", try Self.fixture("wjx-two-questions.xlsx")))
            try await client.execute(uri: "/imports/survey", method: .post, headers: h + cookie, body: b) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("有 2 道题可能是满意度题；请在下面选择统计哪一题"))
                #expect(r.text.contains("<option value=\"2\">2、您对场地安排的满意度</option>"))
                #expect(!r.text.contains("确认导入"))
                #expect(!r.text.contains("--question"))
            }
            // Not a 问卷星 download at all: back to the form, saying so.
            let (h2, b2) = multipart(
                ["csrf": token, "event": "1"], file: ("名单.csv", Array("姓名,手机\n张三,13800000001\n".utf8)))
            try await client.execute(uri: "/imports/survey", method: .post, headers: h2 + cookie, body: b2) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("id=\"import-error\""))
            }
        }
        #expect(try ledger.surveys.list(RecordFilter()).isEmpty)
    }

    /// The answers counted as satisfied are ticked from the question's own answers (like `--satisfied`).
    @Test func theSatisfiedAnswersAreTickedFromTheFile() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let (h, b) = multipart(
                ["csrf": token, "event": "1"], file: ("满意度调查.csv", try Self.fixture("wjx-survey.csv")))
            let key = try await client.execute(uri: "/imports/survey", method: .post, headers: h + cookie, body: b) {
                r in
                #expect(r.status == .ok)
                // Each answer with how many gave it, the satisfied ones ticked.
                #expect(r.text.contains("value=\"非常满意\" checked> 非常满意（3）"))
                #expect(r.text.contains("value=\"比较满意\" checked> 比较满意（1）"))
                #expect(r.text.contains("value=\"一般\"> 一般（1）"))
                return upload(in: r.text) ?? ""
            }
            try await client.execute(
                uri: "/imports/survey/preview", method: .post, headers: formHeaders + cookie,
                body: form([
                    "csrf": token, "upload": key, "question": "2", "answers": "1", "satisfied-000": "非常满意",
                ])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("8份有效，满意3份（37.5%）"))
                #expect(r.text.contains("计为满意的答案：非常满意"))
                #expect(r.text.contains("name=\"satisfied\" value=\"非常满意\""))
            }
            // None ticked: said, and no import offered.
            try await client.execute(
                uri: "/imports/survey/preview", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key, "question": "2", "answers": "1"])
            ) { r in
                #expect(r.text.contains("请至少勾选一个计为满意的答案"))
                #expect(!r.text.contains("确认导入"))
            }
            try await client.execute(
                uri: "/imports/survey/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key, "question": "2", "satisfied": "非常满意"])
            ) { r in
                #expect(r.status == .seeOther)
            }
        }
        #expect(try ledger.surveys.list(RecordFilter()).map(\.satisfied) == [3])
        #expect(Catalogue.text(.surveyNoSatisfiedAnswer, .en) == "tick at least one answer that counts as satisfied")
    }
}
