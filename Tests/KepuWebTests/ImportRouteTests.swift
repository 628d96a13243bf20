import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuFiles
import KepuStore
import Testing

@testable import KepuWeb

/// A `multipart/form-data` body, as a browser sends a form with a file.
func multipart(_ fields: [String: String], file: (name: String, bytes: [UInt8])?) -> (HTTPFields, ByteBuffer) {
    let boundary = "----kepuTestBoundary7MA4YWxk"
    var body = ByteBuffer()
    for (k, v) in fields.sorted(by: { $0.key < $1.key }) {
        body.writeString("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(k)\"\r\n\r\n\(v)\r\n")
    }
    if let file {
        body.writeString(
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(file.name)\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        body.writeBytes(file.bytes)
        body.writeString("\r\n")
    }
    body.writeString("--\(boundary)--\r\n")
    return ([.contentType: "multipart/form-data; boundary=\(boundary)"], body)
}

func fixture(_ name: String) throws -> [UInt8] {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/\(name)")
    return Array(try Data(contentsOf: url))
}

/// The hidden upload key of a preview page.
func uploadKey(in html: String) -> String? {
    guard let r = html.range(of: "name=\"upload\" value=\"") else { return nil }
    return String(html[r.upperBound...].prefix { $0 != "\"" })
}

@Suite struct ImportRouteTests {
    func ledgerWithEvent() throws -> Ledger {
        let (ledger, _) = try webLedger()
        _ = try ledger.events.add(
            NewEvent(
                title: "科技活动周", kind: .techWeek, major: nil, start: CalendarDate(year: 2023, month: 5, day: 20)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        return ledger
    }

    /// Jobs that the request always waits out: the answer is the result itself.
    static var patient: WebSettings {
        var s = WebSettings()
        s.jobPatience = .seconds(120)
        return s
    }

    @Test func aSignInSheetIsPreviewedThenImported() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger, settings: Self.patient))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            try await client.execute(uri: "/imports", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("enctype=\"multipart/form-data\""))
            }
            let (headers, body) = multipart(
                ["csrf": token, "kind": "signins", "event": "1"],
                file: ("C:\\Users\\科协\\签到表.xlsx", try fixture("signin-title.xlsx")))
            let key = try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) {
                r in
                #expect(r.status == .ok)
                #expect(r.text.contains("5 行"))
                #expect(r.text.contains("张三"))
                #expect(r.text.contains("签到表.xlsx"))
                #expect(!r.text.contains("C:\\"))
                #expect(r.text.contains("确认导入 5 行"))
                return uploadKey(in: r.text)
            }
            #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
            // Another user's or an unknown key is refused.
            try await client.execute(
                uri: "/imports/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": "nope"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("预览已过期或已导入"))
            }
            try await client.execute(
                uri: "/imports/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key ?? ""])
            ) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/events/1#notice")
            }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("活动 1 的签到"))
            }
            // The same key does not import twice.
            try await client.execute(
                uri: "/imports/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": key ?? ""])
            ) { r in
                #expect(r.status == .unprocessableContent)
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [5])
        #expect(try ledger.audit.log(limit: 1).first?.operatorName == "李干事")
    }

    @Test func thePreviewShowsEveryBadRowAndImportsNothing() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger, settings: Self.patient))
        let csv = Array("姓名,手机\n甲,13700000001\n乙,123\n,13700000003\n丁,13700000004\n".utf8)
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let (headers, body) = multipart(
                ["csrf": token, "kind": "signins", "event": "1"], file: ("签到.csv", csv))
            try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("有 2 行需要改正"))
                #expect(r.text.contains("签到.csv 第 3 行：手机 123"))
                #expect(r.text.contains("签到.csv 第 4 行：姓名"))
                // Nothing is imported until the clerk chooses: the rest, or none of it.
                #expect(r.text.contains("导入其余 2 行"))
                #expect(r.text.contains("<a href=\"/imports?kind=signins&amp;event=1\">全部不导入</a>"))
            }
            // No file; no event for a sign-in sheet; no form token.
            let (h2, b2) = multipart(["csrf": token, "kind": "signins", "event": "1"], file: nil)
            try await client.execute(uri: "/imports", method: .post, headers: h2 + cookie, body: b2) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("请选择要上传的文件"))
            }
            let (h3, b3) = multipart(["csrf": token, "kind": "signins"], file: ("签到.csv", csv))
            try await client.execute(uri: "/imports", method: .post, headers: h3 + cookie, body: b3) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("活动编号"))
            }
            let (h4, b4) = multipart(["kind": "signins", "event": "1"], file: ("签到.csv", csv))
            try await client.execute(uri: "/imports", method: .post, headers: h4 + cookie, body: b4) { r in
                #expect(r.status == .forbidden)
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
    }

    /// A request that does not wait: the browser follows the job's page, which reloads itself while
    /// the job runs and shows the preview, then the import's event page, once it has ended. Another
    /// user can't see the job.
    @Test func aLongImportIsFollowedOnItsJobPage() async throws {
        let ledger = try ledgerWithEvent()
        _ = try ledger.users.add(name: "王干事", role: .clerk, password: "王干事 password")
        var settings = WebSettings()
        settings.jobPatience = .zero
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let (other, _) = try await signIn(client, as: "王干事", password: "王干事 password")
            /// Follows a job's page until it stops saying it is running; its last answer.
            func follow(_ location: String) async throws -> (HTTPResponse.Status, String, String?) {
                for _ in 0..<600 {
                    let (status, text, next, refresh) = try await client.execute(
                        uri: location, method: .get, headers: cookie
                    ) { r in (r.status, r.text, r.headers[.location], r.headers[.init("Refresh")!]) }
                    if refresh == nil { return (status, text, next) }
                    #expect(text.contains("行"))
                    #expect(text.contains("<nav>"))
                    try await Task.sleep(for: .milliseconds(20))
                }
                return (.requestTimeout, "", nil)
            }
            let (headers, body) = multipart(
                ["csrf": token, "kind": "signins", "event": "1"], file: ("签到表.xlsx", try fixture("signin-title.xlsx")))
            let job = try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) {
                r in
                #expect(r.status == .seeOther)
                return r.headers[.location] ?? ""
            }
            #expect(job.hasPrefix("/imports/jobs/"))
            try await client.execute(uri: job, method: .get, headers: other) { r in
                #expect(r.status == .notFound)
                #expect(!r.text.contains("张三"))
            }
            let (status, preview, _) = try await follow(job)
            #expect(status == .ok)
            #expect(preview.contains("确认导入 5 行"))
            let confirmed = try await client.execute(
                uri: "/imports/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": uploadKey(in: preview) ?? ""])
            ) { r in r.headers[.location] ?? "" }
            #expect(confirmed.hasPrefix("/imports/jobs/"))
            let (done, _, next) = try await follow(confirmed)
            #expect(done == .seeOther)
            #expect(next == "/events/1#notice")
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("活动 1 的签到"))
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [5])
    }

    @Test func anUploadOverTheLimitIsRefusedWith413() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger, settings: WebSettings(maxUploadMiB: 1)))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let big = [UInt8](repeating: 0x41, count: (1 << 20) + 100_000)
            let (headers, body) = multipart(["csrf": token, "kind": "costs"], file: ("大文件.csv", big))
            try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) { r in
                #expect(r.status == .contentTooLarge)
                #expect(r.text.contains("文件太大：每个文件最多 1 MiB；未写入任何内容"))
            }
        }
    }

    @Test func anOldExcelFileIsRefusedInASentence() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger, settings: Self.patient))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let ole: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1] + [UInt8](repeating: 0, count: 504)
            let (headers, body) = multipart(["csrf": token, "kind": "costs"], file: ("费用.xls", ole))
            try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains(".xlsx"))
            }
        }
    }

    /// A sheet with bad rows still helps: the rows left out come back as a workbook with their reasons,
    /// and the rest go in.
    @Test func theRestOfASheetIsImportedAndTheBadRowsDownloaded() async throws {
        let ledger = try ledgerWithEvent()
        let app = Application(router: WebApp.router(ledger: ledger, settings: Self.patient))
        let csv = Array("姓名,手机\n甲,13700000001\n乙,123\n,13700000003\n丁,13700000004\n".utf8)
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            let (headers, body) = multipart(["csrf": token, "kind": "signins", "event": "1"], file: ("签到.csv", csv))
            let key = try await client.execute(uri: "/imports", method: .post, headers: headers + cookie, body: body) {
                r in uploadKey(in: r.text)
            }
            let upload = try #require(key)
            let path = NSTemporaryDirectory() + "left-out-\(upload).xlsx"
            defer { try? FileManager.default.removeItem(atPath: path) }
            try await client.execute(uri: "/imports/left-out?upload=\(upload)", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                #expect(r.headers[.contentDisposition]?.contains("rows-left-out") == true)
                try Data(buffer: r.body).write(to: URL(fileURLWithPath: path))
            }
            let book = try XlsxWorkbook(path: path, displayName: "x.xlsx")
            var rows: [[String]] = []
            try book.forEachRow(of: try book.sheet(nil)) { cells, _ in rows.append(cells) }
            #expect(rows.count == 3)
            #expect(rows[0] == ["姓名", "手机", "行号", "原因"])
            #expect(rows[1].prefix(3) == ["乙", "123", "3"])
            #expect(rows[2].count == 4 && rows[2][2] == "4")
            #expect(try ledger.attendance.list(RecordFilter()).isEmpty)
            try await client.execute(
                uri: "/imports/confirm", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "upload": upload, "skip": "1"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("签到.csv 有 2 行有错，未导入"))
            }
        }
        #expect(try ledger.attendance.list(RecordFilter()).map(\.count) == [2])
    }

}
