import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// A form says everything wrong with it at once, each field by its label, and writes nothing
/// (`FormReader`).
@Suite struct FormErrorsTests {
    func visible(_ html: String) -> String {
        html.replacingOccurrences(of: "<[^>]+>", with: " ", options: .regularExpression)
    }

    @Test func anEventWithNoTitleAndABadDateIsRefusedForBothAtOnce() async throws {
        let (ledger, _) = try webLedger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": " ", "kind": "party", "start": "2023-02-30"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                let text = visible(r.text)
                #expect(text.contains("标题 为空"))
                #expect(text.contains("类型 party 不是活动类型"))
                #expect(text.contains("不是日历上存在的日期"))
                #expect(r.text.contains("<div class=\"error\" role=\"alert\" id=\"add-event-error\"><ul><li>"))
            }
        }
        #expect(try ledger.events.list(in: nil).isEmpty)
    }

    @Test func aManualScoreWithoutItsReasonAndOverItsWeightIsRefusedForBothAtOnce() async throws {
        let (ledger, _) = try webLedger()
        _ = try ledger.users.add(name: "审核员", role: .reviewer, password: "审核员 password")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "审核员", password: "审核员 password")
            try await client.execute(
                uri: "/self-evaluation/notes", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "year": "2023", "indicator": "volunteers", "score": "99"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                let text = visible(r.text)
                #expect(text.contains("请填写评分理由"))
                #expect(text.contains("人工评分 99 超过了"))
            }
        }
    }

    @Test func aCostOfZeroIsRefusedByTheOneRuleWhereverItIsTyped() throws {
        #expect(throws: KepuError(.zeroCost(field: .amount))) { try NewCost.check(amount: .zero) }
        #expect(throws: KepuError(.zeroCost(field: .named("支出金额")))) {
            try RecordField.amount.parse("0", label: .named("支出金额"))
        }
        #expect(throws: KepuError(.zeroCost(field: .amount))) {
            try NewCost(line: "commission", amount: .zero, event: nil, item: nil, invoice: nil).validate()
        }
    }

    @Test func severalRefusalsAreWordedOneSentenceEach() {
        let p = Problem.several([.empty(field: .title), .notRealDate(field: .record(.start), value: "2023-02-30")])
        #expect(Catalogue.text(p, .zh, for: .web) == "标题 为空：请填写内容\n开始日期 2023-02-30 不是日历上存在的日期")
        #expect(KepuError.all([]) == nil)
        #expect(KepuError.all([.empty(field: .title)]) == KepuError(.empty(field: .title)))
        #expect(KepuError(p).kind == .usage)
    }
}
