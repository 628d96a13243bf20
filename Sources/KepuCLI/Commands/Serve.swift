import ArgumentParser
import Dispatch
import Foundation
import Hummingbird
import KepuCore
import KepuStore
import KepuWeb

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动网页版，供办公室各台电脑用浏览器使用 · Run the office web app.",
        discussion: """
            默认只在本机（127.0.0.1:8080）监听；--listen 0.0.0.0:8080 对办公室内网开放（只在可信网络使用，跨网络请在前面加 HTTPS，见 docs/serve.md）。先用 kepu user add 添加用户。网页版与命令行用同一个数据库，可以同时使用。

            By default it listens on this machine only; --listen 0.0.0.0:8080 serves the office network. Add users first with kepu user add. The web app and the command line share the database and can be used side by side.

            示例 · Example:
              kepu user add 张主任 --role admin
              kepu serve --db ~/科协/kepu.sqlite
              kepu serve --listen 0.0.0.0:8080 --secure-cookies
              kepu serve --demo    # 示例年度，临时数据库 · the sample year
            """)
    @Option(help: ArgumentHelp("监听地址 · HOST:PORT to listen on.", valueName: "host:port"))
    var listen = "127.0.0.1:8080"
    @Flag(help: "会话 Cookie 只经 HTTPS 发送（前面有 HTTPS 代理时用）· Send the session cookie over HTTPS only.")
    var secureCookies = false
    @Option(help: ArgumentHelp("上传文件大小上限（MiB，默认 20）· The largest upload, in MiB.", valueName: "mib"))
    var maxUpload: String = "20"
    @Option(
        help: ArgumentHelp(
            "前置反向代理的地址：来自它的请求以 X-Forwarded-For 为客户地址 · A reverse proxy whose X-Forwarded-For is trusted.",
            valueName: "address"))
    var trustedProxy: String?
    @Option(
        help: ArgumentHelp(
            "同时连接数上限（默认 256，超出时答 503）· Connections beyond this are answered 503.", valueName: "n"))
    var maxConnections: String = "256"
    @Option(
        help: ArgumentHelp(
            "同一客户地址（IPv6 按 /64 计）的同时连接数上限（默认 64，超出时答 503）· Connections from one client address (an IPv6 /64) beyond this are answered 503.",
            valueName: "n"))
    var maxConnectionsPerAddress: String = "64"
    @Option(
        help: ArgumentHelp(
            "手机访问本服务的对外地址，用于扫码签到的链接和海报（默认用浏览器访问的地址）· The address phones reach this server at, for sign-in links.",
            valueName: "url"))
    var publicURL: String?
    @Flag(
        help: "在临时数据库中载入示例年度并创建一次性管理员（用户名 admin），便于试用 · Serve the sample year on a temporary database.")
    var demo = false
    @OptionGroup var options: DatabaseOptions

    /// This computer's IPv4 addresses on its networks (not the loopback): where phones and the office's
    /// other computers reach a server listening on every address.
    static func networkAddresses() -> [String] {
        var first: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&first) == 0, let start = first else { return [] }
        defer { freeifaddrs(first) }
        var out: [String] = []
        var next: UnsafeMutablePointer<ifaddrs>? = start
        while let i = next {
            defer { next = i.pointee.ifa_next }
            guard let a = i.pointee.ifa_addr, a.pointee.sa_family == sa_family_t(AF_INET),
                (Int32(i.pointee.ifa_flags) & Int32(IFF_LOOPBACK)) == 0
            else { continue }
            var host = [CChar](repeating: 0, count: Int(NI_MAXHOST))
            guard
                getnameinfo(
                    a, socklen_t(MemoryLayout<sockaddr_in>.size), &host, socklen_t(host.count), nil, 0, NI_NUMERICHOST)
                    == 0
            else { continue }
            let text = String(decoding: host.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if !out.contains(text) { out.append(text) }
        }
        return out
    }

    /// `127.0.0.1:8080` → host and port.
    static func address(_ text: String) throws -> (String, Int) {
        guard let colon = text.lastIndex(of: ":"), let port = Int(text[text.index(after: colon)...]),
            (1...65_535).contains(port), colon > text.startIndex
        else { throw KepuError(.badListenAddress(value: text)) }
        return (String(text[..<colon]).trimmingCharacters(in: CharacterSet(charactersIn: "[]")), port)
    }

    func run() throws {
        let (host, port) = try Self.address(listen)
        let mib = try Parse.positiveCount(maxUpload, field: .named("--max-upload"))
        guard mib <= 1024 else {
            throw KepuError(.tooLarge(field: .named("--max-upload"), value: maxUpload, form: .count))
        }
        let path = demo ? try Self.loadDemo() : options.resolvedPath()
        let database = try AppDatabase.open(at: path, mode: .pool)
        if let m = database.migrated { console.say(.databaseMigrated(backup: m.backup, from: m.from, to: m.to)) }
        let ledger = Ledger(database: database, context: try auditContext())
        let connections = try Parse.positiveCount(maxConnections, field: .named("--max-connections"))
        guard connections <= 100_000 else {
            throw KepuError(.tooLarge(field: .named("--max-connections"), value: maxConnections, form: .count))
        }
        // One address never has more than the server: a smaller --max-connections lowers it too.
        let perAddress = min(
            try Parse.positiveCount(maxConnectionsPerAddress, field: .named("--max-connections-per-address")),
            connections)
        let uploads = WebSettings.uploadFolder(beside: path)
        var settings = WebSettings(
            secureCookies: secureCookies, language: Language.current, maxUploadMiB: Int(mib),
            trustedProxy: trustedProxy,
            uploadFolder: uploads)
        settings.publicURL = publicURL.nonBlank ?? ProcessInfo.processInfo.environment["KEPU_PUBLIC_URL"].nonBlank
        settings.logRequests = true
        // No user yet: the first admin is made in the browser, through a link good for an hour, once.
        if try ledger.users.list().isEmpty {
            let link = SetupLink()
            settings.setup = link
            let base =
                settings.publicURL ?? "http://" + (["0.0.0.0", "::", ""].contains(host) ? "127.0.0.1:\(port)" : listen)
            console.say(.setupLink(url: Door.base(base) + "/setup/" + link.token, minutes: 60))
        }
        var limits = ConnectionLimits(
            maxUploadMiB: Int(mib), maxConnections: Int(connections), maxPerAddress: Int(perAddress))
        limits.proxy = trustedProxy
        let app = WebApp.buildApplication(ledger: ledger, settings: settings, host: host, port: port, limits: limits)
        if !["127.0.0.1", "localhost", "::1"].contains(host) { console.say(.servingOpenNetwork(address: listen)) }
        console.say(.serving(address: listen, database: path))
        if ["0.0.0.0", "::", ""].contains(host) {
            let lan = Self.networkAddresses().map { "http://\($0):\(port)" }
            if !lan.isEmpty { console.say(.servingAddresses(lan)) }
        }
        let done = DispatchSemaphore(value: 0)
        let outcome = Outcome()
        Task {
            do { try await app.runService() } catch { outcome.error = error }
            done.signal()
        }
        done.wait()
        // Uploads that were never confirmed go with the server.
        WebApp.clearUploads(uploads)
        if let e = outcome.error { throw KepuError(.cannotWrite(path: listen, reason: "\(e)")) }
    }
}

extension Serve {
    /// The sample year in a new temporary database, with an admin whose password is made up now and
    /// shown once; the database's path.
    static func loadDemo() throws -> String {
        let path =
            NSTemporaryDirectory() + "kepu-serve-demo-\(getpid())-\(UInt32.random(in: 0...UInt32.max))/kepu.sqlite"
        let ledger = Ledger(database: try AppDatabase.create(at: path), context: try auditContext())
        let sample = try Demo.sample(nil)
        _ = try ledger.plans.importPlan(text: sample.plan, sourceName: sample.planName, replace: false)
        _ = try DemoScript.run(sample.demo, name: sample.demoName, db: path, runtime: console)
        // Letters and digits that cannot be mistaken for one another when copied by eye.
        let alphabet = Array("abcdefghjkmnpqrstuvwxyz23456789")
        let password = String((0..<12).map { _ in alphabet.randomElement()! })
        _ = try ledger.users.add(name: "admin", role: .admin, password: password)
        console.say(.servingDemo(database: path, user: "admin", password: password))
        return path
    }
}

/// How the server ended, handed from its task to the waiting command.
final class Outcome: @unchecked Sendable {
    var error: Error?
}
