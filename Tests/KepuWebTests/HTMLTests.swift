import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// Markup escapes by construction: text is escaped once, markup kept, and no page escapes twice.
@Suite struct HTMLTests {
    @Test func textIsEscapedAndMarkupKept() {
        let title = "<script>alert('x')</script> & \"quoted\""
        let cell: HTML = "<td>\(title)</td>"
        #expect(cell.markup == "<td>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;quoted&quot;</td>")
        let row: HTML = "<tr>\(cell)\(42)</tr>"
        #expect(row.markup.hasPrefix("<tr><td>&lt;script"))
        #expect(row.markup.hasSuffix("</td>42</tr>"))
        // A date (any value that is not HTML) is its text, escaped; a list of fragments is joined.
        let date = CalendarDate(year: 2023, month: 9, day: 16)!
        let list: [HTML] = ["<li>\(date)</li>", "<li>\("a<b")</li>"]
        #expect(("<ul>\(list)</ul>" as HTML).markup == "<ul><li>2023-09-16</li><li>a&lt;b</li></ul>")
        #expect(HTML.escape("普通文字") == "普通文字")
        // A line break stays one inside an attribute's value.
        #expect(("<input value=\"\("a\nb")\">" as HTML).markup == "<input value=\"a\nb\">")
    }

    /// A sentence keeps its dates whole (a notice wrapped at "2023-09-" / "16" was seen) and is escaped.
    @Test func aSentenceKeepsItsDatesOnOneLine() {
        #expect(
            HTML.sentence("问卷 2023-09-16 至 2023-09-20 <b>").markup
                == "问卷 <span class=\"date\">2023-09-16</span> 至 <span class=\"date\">2023-09-20</span> &lt;b&gt;")
        #expect(HTML.sentence("无日期 & 12345-67").markup == "无日期 &amp; 12345-67")
        #expect(HTML.sentence("").markup == "")
    }

    /// Every page, with a record whose title is markup: the title shows escaped once, never as a tag,
    /// and no markup of the page itself is ever escaped (which would show tags as text).
    @Test func noPageShowsMarkupAsTextOrRunsARecordsTitle() async throws {
        let (ledger, _) = try webLedger()
        let title = "<b onmouseover=\"x\">讲座&'</b>"
        _ = try ledger.events.add(
            NewEvent(
                title: title, kind: .scienceDay, major: nil, start: CalendarDate(year: 2023, month: 9, day: 16)!,
                end: nil, venue: "<i>礼堂</i>", parent: nil, unit: nil, allowDuplicate: false))
        _ = try ledger.users.add(name: "管理员", role: .admin, password: "管理员 password")
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "管理员", password: "管理员 password")
            var pages = PageRouteTests.pages + ["/users", "/events?q=%3Cb%3E", "/audit?details=1"]
            pages.append("/records/event/1")
            for uri in pages {
                try await client.execute(uri: uri, method: .get, headers: cookie) { r in
                    #expect(r.status == .ok, "\(uri)")
                    Self.expectClean(r.text, uri: uri)
                }
            }
            // A refused form shows what was typed, escaped once.
            try await client.execute(
                uri: "/events", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "title": title, "kind": "other", "start": "不是日期"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                Self.expectClean(r.text, uri: "POST /events")
                #expect(r.text.contains("value=\"&lt;b onmouseover=&quot;x&quot;&gt;讲座&amp;&#39;&lt;/b&gt;\""))
            }
        }
    }

    static func expectClean(_ text: String, uri: String) {
        #expect(!text.contains("<b onmouseover"), "\(uri): a title ran as markup")
        #expect(!text.contains("<i>礼堂"), "\(uri): a venue ran as markup")
        #expect(
            !text.contains("&amp;lt;") && !text.contains("&amp;quot;") && !text.contains("&amp;amp;"),
            "\(uri): escaped twice")
        // Once the record's own escaped text is taken out, no escaped tag is left: the page's markup
        // was never escaped.
        var rest = text
        // (The audit trail's details show the row as JSON, where the quotes are `\"`.)
        for known in [
            "&lt;b onmouseover=&quot;x&quot;&gt;讲座&amp;&#39;&lt;/b&gt;",
            "&lt;b onmouseover=\\&quot;x\\&quot;&gt;讲座&amp;&#39;&lt;/b&gt;",
            "&lt;i&gt;礼堂&lt;/i&gt;", "&lt;b&gt;",
        ] {
            rest = rest.replacingOccurrences(of: known, with: "")
        }
        let leftover = rest.range(of: "&lt;/?[a-z]", options: .regularExpression).map {
            String(rest[$0.lowerBound...].prefix(80))
        }
        #expect(leftover == nil, "\(uri): markup shown as text: \(leftover ?? "")")
    }
}
