import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 佐证材料 on the web: picked for an event from a list, opened under its own name, voided and restored.
@Suite struct EvidenceRouteTests {
    @Test func evidenceIsOpenedVoidedAndRestored() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-web-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let (ledger, _) = try webLedger(path: dir.appendingPathComponent("kepu.sqlite").path)
        _ = try ledger.events.add(
            NewEvent(
                title: "科技活动周", kind: .techWeek, major: nil, start: CalendarDate(year: 2023, month: 5, day: 20)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client)
            // The event is picked from a list of titles, not typed as a number.
            try await client.execute(uri: "/evidence?event=1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("<option value=\"1\" selected>1 科技活动周（2023-05-20）</option>"))
            }
            // An empty file says so.
            let (h0, b0) = multipart(["csrf": token, "kind": "photo", "event": "1"], file: ("空.jpg", []))
            try await client.execute(uri: "/evidence", method: .post, headers: h0 + cookie, body: b0) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("空.jpg 是空文件（0 字节），没有可读的内容；请检查后重新选择"))
                #expect(r.text.contains("aria-describedby=\"upload-error\""))
            }
            let (h1, b1) = multipart(
                ["csrf": token, "kind": "photo", "event": "1"], file: ("2023/09 现场\u{7}.jpg", Array("jpeg bytes".utf8)))
            try await client.execute(uri: "/evidence", method: .post, headers: h1 + cookie, body: b1) { r in
                #expect(r.status == .seeOther)
            }
            // Windows' full path from an old browser: the last part.
            let (h2, b2) = multipart(
                ["csrf": token, "kind": "other", "event": "1"], file: ("C:\\Users\\王\\方案.docx", Array("docx".utf8)))
            try await client.execute(uri: "/evidence", method: .post, headers: h2 + cookie, body: b2) { r in
                #expect(r.status == .seeOther)
            }
            #expect(try ledger.evidence.list().map(\.fileName) == ["2023_09 现场.jpg", "方案.docx"])
            try await client.execute(uri: "/evidence", method: .get, headers: cookie) { r in
                #expect(
                    r.text.contains(
                        "<a href=\"/evidence/1/file\" target=\"_blank\" rel=\"noopener\">2023_09 现场.jpg</a>"))
                #expect(r.text.contains("<a href=\"/events/1\">1 科技活动周</a>"))
            }
            // A photo opens in the browser under its own name; anything else downloads.
            try await client.execute(uri: "/evidence/1/file", method: .get, headers: cookie) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType] == "image/jpeg")
                #expect(
                    r.headers[.contentDisposition]
                        == "inline; filename=\"2023_09 __.jpg\"; filename*=UTF-8''2023_09%20%E7%8E%B0%E5%9C%BA.jpg")
                #expect(r.headers[.contentSecurityPolicy]?.contains("sandbox") == true)
                #expect(String(buffer: r.body) == "jpeg bytes")
                // Streamed with its length, and ranges offered.
                #expect(r.headers[.contentLength] == "10")
                #expect(r.headers[.acceptRanges] == "bytes")
            }
            // One range, as a PDF viewer asks: 206 with that part; a range past the end: the whole file.
            try await client.execute(
                uri: "/evidence/1/file", method: .get, headers: cookie + [.range: "bytes=5-"]
            ) { r in
                #expect(r.status == .partialContent)
                #expect(r.headers[.contentRange] == "bytes 5-9/10")
                #expect(String(buffer: r.body) == "bytes")
            }
            try await client.execute(
                uri: "/evidence/1/file", method: .get, headers: cookie + [.range: "bytes=-4"]
            ) { r in #expect(String(buffer: r.body) == "ytes") }
            try await client.execute(
                uri: "/evidence/1/file", method: .get, headers: cookie + [.range: "bytes=50-60"]
            ) { r in
                #expect(r.status == .ok)
                #expect(String(buffer: r.body) == "jpeg bytes")
            }
            try await client.execute(uri: "/evidence/2/file", method: .get, headers: cookie) { r in
                #expect(r.headers[.contentType] == "application/octet-stream")
                #expect(r.headers[.contentDisposition]?.hasPrefix("attachment; ") == true)
            }
            try await client.execute(uri: "/evidence/9/file", method: .get, headers: cookie) { r in
                #expect(r.status == .notFound)
                #expect(r.text.contains("佐证材料 9 不存在"))
                #expect(r.text.contains("<nav>"))
            }
            // Voided after the confirmation, restored with a reason.
            try await client.execute(
                uri: "/evidence/1/void", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "reason": "传错了照片"])
            ) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("确认作废佐证材料 1（2023_09 现场.jpg）？原因：传错了照片"))
            }
            #expect(try ledger.evidence.list().count == 2)
            try await client.execute(
                uri: "/evidence/1/void", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "reason": "传错了照片", "confirm": "yes"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            #expect(try ledger.evidence.list().map(\.id) == [2])
            try await client.execute(uri: "/evidence?all=1", method: .get, headers: cookie) { r in
                #expect(r.text.contains("已作废：传错了照片"))
                #expect(r.text.contains("action=\"/evidence/1/restore\""))
            }
            try await client.execute(
                uri: "/evidence/1/restore", method: .post, headers: formHeaders + cookie,
                body: form(["csrf": token, "reason": "照片没错"])
            ) { r in
                #expect(r.status == .seeOther)
            }
            #expect(try ledger.evidence.list().map(\.id) == [1, 2])
            // A file gone from the store is said to be gone.
            let stored = dir.appendingPathComponent("kepu.sqlite.evidence").path
            for sub in try FileManager.default.subpathsOfDirectory(atPath: stored) where sub.count > 64 {
                try FileManager.default.removeItem(atPath: stored + "/" + sub)
            }
            try await client.execute(uri: "/evidence/2/file", method: .get, headers: cookie) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("佐证材料 2（方案.docx）的文件在佐证材料文件夹中找不到；请用备份恢复该文件夹"))
            }
            #expect(
                Catalogue.text(.evidenceFileMissing(id: 2, file: "方案.docx"), .en)
                    == "the file of evidence 2 (方案.docx) is missing from the evidence folder; restore the folder from a backup"
            )
            #expect(
                Catalogue.text(.uploadEmpty(name: "空.jpg"), .en)
                    == "空.jpg is empty (0 bytes): there is nothing to read; check it and choose it again")
            try await client.execute(uri: "/audit?entity=evidence", method: .get, headers: cookie) { r in
                #expect(r.text.contains("作废佐证材料 1（2023_09 现场.jpg），原因：传错了照片"))
                #expect(r.text.contains("恢复佐证材料 1（2023_09 现场.jpg），原因：照片没错"))
            }
        }
    }

    @Test func aNameKeepsAllButSeparatorsAndControls() {
        #expect(baseName("2023/09 签到表.xlsx") == "2023_09 签到表.xlsx")
        #expect(baseName("C:\\Users\\王\\签到表.xlsx") == "签到表.xlsx")
        #expect(baseName("\\\\server\\share\\签到表.xlsx") == "签到表.xlsx")
        #expect(baseName("签\u{0}到\u{202E}表.xlsx") == "签到表.xlsx")
        #expect(baseName("a\\b.xlsx") == "a_b.xlsx")
    }
}
