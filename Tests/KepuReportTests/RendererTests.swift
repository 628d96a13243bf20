import Foundation
import Testing

@testable import KepuCore
@testable import KepuReport

@Suite struct RendererTests {
    @Test func chineseCharactersTakeTwoColumns() {
        #expect(displayWidth("科普") == 4)
        #expect(displayWidth("2万人次") == 7)
        #expect(displayWidth("abc") == 3)
        #expect(displayWidth("（）") == 4)
    }

    @Test func textTablesAlignMixedChineseAndLatin() {
        let t = ReportTable(
            columns: [.init("活动"), .init("人次", .right)],
            rows: [[Cell("全国科普日"), Cell("3200")], [Cell("tech week"), Cell("12")]])
        let lines = TextRenderer().render(t).split(separator: "\n").map(String.init)
        #expect(lines.count == 4)
        #expect(Set(lines.map(displayWidth)).count == 1, "rows of a table share one display width")
        #expect(lines[2] == "全国科普日  3200")
        #expect(lines[3] == "tech week     12")
    }

    @Test func csvNeutralizesFormulasAndQuotes() {
        #expect(CSVRenderer.field("=cmd|' /C calc'!A0") == "'=cmd|' /C calc'!A0")
        #expect(CSVRenderer.field("+1") == "'+1")
        #expect(CSVRenderer.field("@SUM(A1)") == "'@SUM(A1)")
        #expect(CSVRenderer.field("-1+2") == "'-1+2")
        #expect(CSVRenderer.field("-170") == "-170")
        #expect(CSVRenderer.field("a,b") == "\"a,b\"")
        #expect(CSVRenderer.field("say \"hi\"") == "\"say \"\"hi\"\"\"")
        let csv = CSVRenderer().render(ReportTable(columns: [.init("活动")], rows: [[Cell("科普日")]]))
        #expect(csv == "\u{FEFF}活动\r\n科普日\r\n")
    }

    /// The audit trail's UTC times in the office's local time, across a midnight and a year's end.
    @Test func aUTCTimeIsShownInLocalTime() {
        let shanghai = TimeZone(identifier: "Asia/Shanghai")!
        #expect(RecordTables.localTime("2023-09-16T08:30:00Z", shanghai) == "2023-09-16 16:30:00")
        #expect(RecordTables.localTime("2023-12-31T20:05:09Z", shanghai) == "2024-01-01 04:05:09")
        #expect(
            RecordTables.localTime("2024-03-01T00:00:00Z", TimeZone(identifier: "America/New_York")!)
                == "2024-02-29 19:00:00")
        #expect(RecordTables.localTime("2023-09-16T08:30:00Z", TimeZone(identifier: "UTC")!) == "2023-09-16 08:30:00")
        #expect(RecordTables.localTime("2023-02-30T08:30:00Z", shanghai) == "2023-02-30T08:30:00Z")
        #expect(RecordTables.localTime("昨天", shanghai) == "昨天")
    }

    /// The events an audit page names: read off the rows' JSON, before and after.
    @Test func theEventsAnAuditPageNamesAreReadOffItsRows() {
        func entry(_ before: String?, _ after: String?) -> AuditEntry {
            AuditEntry(
                id: 1, at: "2023-09-16T08:30:00Z", operatorName: "李干事", command: "test", entity: "signup",
                entityID: 1, before: before, after: after, hash: "")
        }
        let ids = AuditWords.events(in: [
            entry(nil, #"{"event_id":12,"hours_centi":200}"#),
            entry(#"{"parent_id": 3,"title":"分会场"}"#, #"{"parent_id":4,"title":"分会场"}"#),
            entry(nil, #"{"title":"event_id 99","count":5}"#), entry(nil, nil),
        ])
        #expect(ids == [12, 3, 4])
    }

    /// One escaper: a line break is a `<br>` only in text, never inside an attribute.
    @Test func aLineBreakIsABreakOnlyInText() {
        #expect(Markup.text("第一行\n第二行") == "第一行<br>第二行")
        #expect(Markup.escape("第一行\n\"第二行\"") == "第一行\n&quot;第二行&quot;")
        let html = HTMLRenderer().render(
            Report(title: "t", sections: [Section(heading: nil, blocks: [.paragraph("甲\n乙")])]))
        #expect(html.contains("<p>甲<br>乙</p>"))
    }

    @Test func htmlEscapesUserText() {
        #expect(
            Markup.text("<script>alert('x')</script>&")
                == "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;&amp;")
        let html = HTMLRenderer().render(
            Report(
                title: "<b>",
                sections: [
                    Section(
                        heading: "h&", blocks: [.table(ReportTable(columns: [.init("<th>")], rows: [[Cell("<td>")]]))])
                ]))
        #expect(!html.contains("<b>") && !html.contains("<td><td>"))
        #expect(html.contains("&lt;td&gt;"))
        // Self-contained: the only URL allowed is the SVG namespace, which is a name, not a fetch.
        let withoutNamespace = html.replacingOccurrences(of: "http://www.w3.org/2000/svg", with: "")
        #expect(!withoutNamespace.contains("http://") && !withoutNamespace.contains("https://"))
        #expect(!html.contains("<script"))
        #expect(!html.contains("src=\"http"))
    }

    @Test func markdownEscapesTableBreakers() {
        let md = MarkdownRenderer().render(ReportTable(columns: [.init("a")], rows: [[Cell("x|y")]]))
        #expect(md.contains("x\\|y"))
    }

    @Test func jsonIsSortedAndExact() {
        let v = JSONValue.object(["b": .fixed(Fixed(raw: 99_670)), "a": .string("科普\"\n"), "c": .null])
        #expect(v.render() == "{\"a\":\"科普\\\"\\n\",\"b\":9.967,\"c\":null}")
    }
}
