import Foundation
import Hummingbird
import HummingbirdTesting
import KepuCore
import KepuStore
import Testing

@testable import KepuWeb

/// 设置: the address phones reach the server at, kept in the database; a door's link and poster use it,
/// and say so in a sentence when no phone could open them.
@Suite struct SettingsRouteTests {
    func ledger() throws -> Ledger {
        let (base, _) = try webLedger()
        _ = try base.users.add(name: "管理员", role: .admin, password: "管理员 password")
        _ = try base.events.add(
            NewEvent(
                title: "科普讲座", kind: .other, major: nil, start: CalendarDate(year: 2023, month: 12, day: 31)!,
                end: nil, venue: nil, parent: nil, unit: nil, allowDuplicate: false))
        return base
    }

    @Test func anAddressIsReadAndClassified() throws {
        #expect(
            try PublicAddress.parse("192.168.1.20:8080")
                == PublicAddress(url: "http://192.168.1.20:8080", reach: .officeNetwork))
        #expect(
            try PublicAddress.parse("https://Kepu.Example.cn/")
                == PublicAddress(url: "https://kepu.example.cn", reach: .everyone))
        #expect(try PublicAddress.parse("http://127.0.0.1:8080").reach == .thisComputer)
        #expect(try PublicAddress.parse("http://localhost").reach == .thisComputer)
        #expect(try PublicAddress.parse("http://10.2.3.4").reach == .officeNetwork)
        #expect(try PublicAddress.parse("http://172.20.0.1:80").reach == .officeNetwork)
        #expect(try PublicAddress.parse("http://172.32.0.1").reach == .everyone)
        #expect(try PublicAddress.parse("http://kepu-server:8080").reach == .officeNetwork)
        #expect(try PublicAddress.parse("http://[fd00::1]:8080").reach == .officeNetwork)
        #expect(PublicAddress.reach(host: "localhost.") == .thisComputer)
        #expect(PublicAddress.reach(host: "::ffff:127.0.0.1") == .thisComputer)
        #expect(PublicAddress.reach(host: "127.example.cn") == .everyone)
        #expect(PublicAddress.reach(host: "kepu.local.") == .officeNetwork)
        for bad in [
            "", "ftp://x", "http://", "http://a b", "http://x/path", "http://x:99999", "http://x:abc", "http://u@x",
            "http://::1", "http://fe80::1", "http://x:+80", "http://192.168.1.300", "http://[x]:80",
        ] {
            #expect(throws: KepuError(.notAPublicAddress(field: .named("public-url"), value: bad))) {
                try PublicAddress.parse(bad)
            }
        }
    }

    @Test func anAdminSetsTheAddressAndTheDoorUsesIt() async throws {
        let ledger = try ledger()
        let app = Application(router: WebApp.router(ledger: ledger))
        try await app.test(.router) { client in
            // A clerk is told that no phone can open the link, and who can fix it.
            let (clerk, _) = try await signIn(client)
            try await client.execute(uri: "/events/1", method: .get, headers: clerk) { r in
                #expect(r.text.contains("只有这台电脑能打开，手机扫码打不开"))
                #expect(r.text.contains("请管理员在“设置”页填写手机能访问的地址"))
                #expect(!r.text.contains("href=\"/settings\""))
            }
            try await client.execute(uri: "/settings", method: .get, headers: clerk) { r in
                #expect(r.status == .forbidden)
            }
            let (admin, token) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(
                uri: "/events/1/door", method: .post, headers: formHeaders + admin, body: form(["csrf": token])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/events/1", method: .get, headers: admin) { r in
                #expect(r.text.contains("<a href=\"/settings\">请在“设置”页填写手机能访问的地址</a>"))
            }
            try await client.execute(uri: "/events/1/poster", method: .get, headers: admin) { r in
                #expect(r.text.contains("只有这台电脑能打开，手机扫码打不开"))
            }
            try await client.execute(
                uri: "/settings", method: .post, headers: formHeaders + admin,
                body: form(["csrf": token, "address": "http://192.168.1.20:8080/d/x"])
            ) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("手机访问地址 http://192.168.1.20:8080/d/x 不是手机能访问的地址"))
                #expect(r.text.contains("value=\"http://192.168.1.20:8080/d/x\""))
            }
            try await client.execute(
                uri: "/settings", method: .post, headers: formHeaders + admin,
                body: form(["csrf": token, "address": "192.168.1.20:8080"])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/settings", method: .get, headers: admin) { r in
                #expect(r.text.contains("已设置手机访问地址 http://192.168.1.20:8080；手机须连接本单位的网络才能打开"))
                #expect(r.text.contains("value=\"http://192.168.1.20:8080\""))
            }
            try await client.execute(uri: "/events/1", method: .get, headers: admin) { r in
                #expect(!r.text.contains("手机扫码打不开"))
                #expect(r.text.contains("签到链接是 http://192.168.1.20:8080：手机须连接本单位的网络（Wi-Fi）才能打开"))
            }
            try await client.execute(uri: "/events/1/poster", method: .get, headers: admin) { r in
                #expect(r.text.contains("http://192.168.1.20:8080/d/"))
            }
        }
        #expect(try ledger.settings.publicAddress()?.url == "http://192.168.1.20:8080")
        #expect(try ledger.audit.log(limit: nil).contains { $0.entity == "setting" })
    }

    /// `--public-url` (or `KEPU_PUBLIC_URL`) given to `kepu serve` comes before the office's setting.
    @Test func theCommandLinesAddressComesFirst() async throws {
        let ledger = try ledger()
        try ledger.settings.setPublicAddress(try PublicAddress.parse("http://192.168.1.20:8080"))
        var settings = WebSettings()
        settings.publicURL = "https://kepu.example.cn"
        let app = Application(router: WebApp.router(ledger: ledger, settings: settings))
        try await app.test(.router) { client in
            let (admin, token) = try await signIn(client, as: "管理员", password: "管理员 password")
            try await client.execute(
                uri: "/events/1/door", method: .post, headers: formHeaders + admin, body: form(["csrf": token])
            ) { r in #expect(r.status == .seeOther) }
            try await client.execute(uri: "/settings", method: .get, headers: admin) { r in
                #expect(r.text.contains("启动服务时已指定对外地址 https://kepu.example.cn"))
            }
            try await client.execute(uri: "/events/1/poster", method: .get, headers: admin) { r in
                #expect(r.text.contains("https://kepu.example.cn/d/"))
                #expect(!r.text.contains("手机扫码打不开"))
            }
        }
    }
}
