import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Limits counted per client and per door: each key its own, an IPv6 network counted as one.
@Suite struct ClientLimitsTests {
    @Test func anIPv6ClientIsCountedByItsSlash64() {
        let a = ClientAddress.key("2001:db8:1:2::1")
        #expect(a == "2001:db8:1:2::/64")
        #expect(ClientAddress.key("2001:0db8:0001:0002:ffff:eeee:dddd:cccc") == a)
        #expect(ClientAddress.key("[2001:db8:1:2:0:0:0:9]") == a)
        #expect(ClientAddress.key("2001:db8:1:3::1") != a)
        // IPv4, as itself or mapped into IPv6.
        #expect(ClientAddress.key("192.0.2.7") == "192.0.2.7")
        #expect(ClientAddress.key("::ffff:192.0.2.7") == "192.0.2.7")
        #expect(ClientAddress.key("unknown") == "unknown")
        // This machine's own: the door's pace rule can't tell its clients apart.
        #expect(ClientAddress.isThisMachine(ClientAddress.key("127.0.0.1")))
        #expect(ClientAddress.isThisMachine(ClientAddress.key("::1")))
        #expect(ClientAddress.isThisMachine(ClientAddress.key("::ffff:127.0.0.5")))
        #expect(!ClientAddress.isThisMachine(ClientAddress.key("192.0.2.7")))
        #expect(!ClientAddress.isThisMachine(ClientAddress.key("2001:db8::1")))
    }

    @Test func eachDoorHasABucketOfItsOwn() {
        let bucket = TokenBucket(perMinute: 3, clock: { Date(timeIntervalSince1970: 0) })
        #expect((0..<5).map { _ in bucket.allow("12") } == [true, true, true, false, false])
        #expect(bucket.allow("13"))
    }

    @Test func connectionsAreCountedPerAddress() {
        let count = ConnectionCount()
        let key = ClientAddress.key("2001:db8::1")
        #expect((0..<3).map { _ in count.enter(address: key, limit: 10, perAddress: 2) } == [true, true, false])
        #expect(count.enter(address: "192.0.2.1", limit: 10, perAddress: 2))
        count.leave(address: key)
        count.leave(address: key)
        #expect(count.count(address: key) == 1)
    }

    @Test func textIsKeptAsAPersonMeantIt() {
        #expect(TypedText.clean("张\u{200B}三\u{202E}") == "张三")
        #expect(TypedText.clean("李\r\n四\u{0007}", lines: false) == "李 四")
        #expect(TypedText.clean("一行\r\n二行\r三行") == "一行\n二行\n三行")
        #expect(TypedText.clean("\u{FEFF}plain") == "plain")
        #expect(TypedText.clean("plain text") == "plain text")
        #expect(CSVColumns.trim(" 王\u{2066}五\u{2069} ") == "王五")
        #expect(throws: KepuError.self) { try Parse.text("\u{200B}\u{200D}", field: .reason) }
    }
}

/// A JSON key given twice in one object is found; the same key in different objects is not.
@Suite struct JSONKeysTests {
    func repeated(_ s: String) -> String? { JSONKeys.repeated(in: Array(s.utf8)) }

    @Test func aKeyTwiceInOneObjectIsFound() {
        #expect(repeated(#"{"a": 1, "a": 2}"#) == "a")
        #expect(repeated(#"{"a": 1, "\u0061": 2}"#) == "a")
        #expect(repeated(#"{"o": {"b": 1, "b": 2}}"#) == "b")
        #expect(repeated(#"{"a": "x\"a", "b": 1}"#) == nil)
        #expect(repeated(#"[{"a": 1}, {"a": 2}]"#) == nil)
        #expect(repeated(#"{"a": {"a": 1}, "b": ["a", "a"]}"#) == nil)
        #expect(repeated(#"{"a": 1, "b": {"c": 1}, "a": 3}"#) == "a")
    }
}

/// Every sentence this round added, in both languages: each says what happened, names no option
/// on the web, and differs between the languages.
@Suite struct DoorSentencesTests {
    static let notices: [Notice] = [
        .callRejected(call: 3, name: "李华", reason: "不是真实报名"),
        .heldAccepted(event: 1, title: "全国科普日主场", counted: 12),
        .visitsVoided(event: 1, title: "全国科普日主场", counted: 830, held: 12, answers: 400),
    ]
    static let problems: [Problem] = [
        .callRejected(call: 3, on: "2023-09-16T02:00:00Z"),
        .apiRepeatedKey(key: "count"),
        .xlsxOverLimit(file: "签到表.xlsx", limit: .text(sheet: "签到表", row: 1050, mib: 256)),
    ]

    @Test(arguments: notices) func aNoticeInBothLanguages(_ n: Notice) {
        let zh = Catalogue.text(n, .zh)
        let en = Catalogue.text(n, .en)
        #expect(!zh.isEmpty && !en.isEmpty && zh != en)
        #expect(zh.range(of: "[a-z]+[-_][a-z]+", options: .regularExpression) == nil)
    }

    @Test(arguments: problems) func aRefusalInBothLanguages(_ p: Problem) {
        let zh = Catalogue.text(p, .zh, for: .web)
        let en = Catalogue.text(p, .en, for: .web)
        #expect(!zh.isEmpty && !en.isEmpty && zh != en)
        #expect(!zh.contains("--") && !zh.contains("kepu "))
    }

    @Test func theExactWords() {
        #expect(
            Catalogue.text(Self.problems[2], .zh)
                == "签到表.xlsx 不像是正常的表格：单元格的文字合计超过 256 MiB（工作表“签到表”第 1050 行）；未读取，未写入任何内容")
        #expect(Catalogue.text(Self.problems[0], .zh) == "扫码报名 3 已于 2023-09-16 谢绝，不能再确认或谢绝")
        #expect(
            Catalogue.apiText(.noSuchRecord(field: .event, kind: .event, id: 9), .en).contains("event 9"))
    }
}
