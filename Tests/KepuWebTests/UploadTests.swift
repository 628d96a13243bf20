import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import NIOCore
import Testing

@testable import KepuWeb

/// Uploads: their names read as RFC 6266 says, and the disk a user's pending files can fill bounded.
@Suite struct UploadTests {
    @Test func aFileNameIsReadAsTheHeaderQuotesIt() {
        #expect(parameter("filename", in: #"form-data; name="file"; filename="semi;colon.txt""#) == "semi;colon.txt")
        #expect(parameter("filename", in: #"form-data; name="file"; filename="50%22.xlsx""#) == "50%22.xlsx")
        #expect(parameter("filename", in: #"form-data; name="file"; filename="say \"hi\".txt""#) == #"say "hi".txt"#)
        #expect(
            parameter(
                "filename",
                in:
                    #"form-data; name="file"; filename="qiandao.xlsx"; filename*=UTF-8''%E7%AD%BE%E5%88%B0%E8%A1%A8.xlsx"#
            )
                == "签到表.xlsx")
        #expect(parameter("name", in: #"form-data; name=file; filename="a.txt""#) == "file")
        #expect(parameter("boundary", in: "multipart/form-data; boundary=----x7") == "----x7")
        #expect(parameter("filename", in: #"form-data; name="file""#) == nil)
        // The first of a repeated name.
        #expect(parameter("name", in: #"form-data; name="a"; name="b""#) == "a")
    }

    @Test func aUserKeepsAtMostFivePendingFilesAndAHundredMiB() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-uploads-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let uploads = Uploads(folder: folder)
        func pending(_ user: Int64) -> Uploads.Pending {
            Uploads.Pending(
                path: "", displayName: "a.csv", kind: "signin", event: 1, sheet: nil, userID: user, at: Date())
        }
        var keys: [String] = []
        for _ in 0..<7 { keys.append(try await uploads.save(ByteBuffer(string: "姓名\n张三\n"), pending(1)).key) }
        #expect(await uploads.count(userID: 1) == 5)
        // The oldest made room.
        #expect(await uploads.find(keys[0], userID: 1) == nil)
        #expect(await uploads.find(keys[6], userID: 1) != nil)
        _ = try await uploads.save(ByteBuffer(string: "x"), pending(2))
        #expect(await uploads.files().count == 6)
        // 100 MiB in all: a 60 MiB file after another leaves one.
        let big = ByteBuffer(repeating: 0x41, count: 60 << 20)
        _ = try await uploads.save(big, pending(3))
        _ = try await uploads.save(big, pending(3))
        #expect(await uploads.count(userID: 3) == 1)
        #expect(await uploads.count(userID: 1) == 5)
    }

    /// A workbook the plan page can't read is deleted at once, not kept for an hour.
    @Test func aRefusedPlanWorkbookIsDeletedAtOnce() async throws {
        let ledger = Ledger(
            database: try AppDatabase.inMemory(), context: AuditContext(operatorName: "测试员", command: "test"))
        _ = try ledger.users.add(name: "王审核", role: .reviewer, password: "battery staple")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-uploads-\(UUID().uuidString)")
            .path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var settings = WebSettings()
        settings.uploadFolder = folder
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            let (cookie, token) = try await signIn(client, as: "王审核")
            let (headers, body) = multipart(["csrf": token], file: ("目标表.xlsx", Array("not a workbook".utf8)))
            try await client.execute(uri: "/plan/upload", method: .post, headers: headers + cookie, body: body) { r in
                #expect(r.status == .unprocessableContent)
            }
        }
        #expect(((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).isEmpty)
    }
}
