import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdCore
import KepuStore
import NIOCore
import NIOHTTPTypes

/// How long a client may take, and how many may be connected: what keeps slow or idle clients from
/// holding the server.
public struct ConnectionLimits: Sendable {
    /// A connection with no request under way is closed after this long.
    public var idle: TimeAmount = .seconds(30)
    /// A new connection must have sent its request's head within this.
    public var head: TimeAmount = .seconds(10)
    /// A request's body must have arrived within this, from its head.
    public var body: TimeAmount
    /// Connections beyond this are answered 503 and closed.
    public var maxConnections: Int
    /// Connections from one client address (an IPv6 /64) beyond this are answered 503 and closed:
    /// one machine trickling bodies can't take every slot from the rest.
    public var maxPerAddress: Int
    /// The reverse proxy in front (`--trusted-proxy`): every client comes through it, so it counts
    /// only toward `maxConnections`.
    public var proxy: String?

    /// The body's time in proportion to the largest upload: a minute, plus 6 s a MiB (a phone
    /// sending 20 MiB at 110 KB/s still makes it).
    public init(maxUploadMiB: Int = 20, maxConnections: Int = 256, maxPerAddress: Int = 64) {
        body = .seconds(60 + 6 * Int64(maxUploadMiB))
        self.maxConnections = maxConnections
        self.maxPerAddress = maxPerAddress
    }
}

/// What a client's limits are counted by: an IPv4 address itself, an IPv6 address by its /64 (a home
/// or phone network is handed a whole /64, so counting its addresses one by one would let one client
/// be thousands), an IPv4-mapped IPv6 address as the IPv4 address it maps.
enum ClientAddress {
    /// An address written one way: an IPv4-mapped IPv6 address as its IPv4 address, an IPv6 address
    /// in its shortest form, anything else as it is.
    static func normal(_ address: String) -> String {
        var v6 = in6_addr()
        let text = address.hasPrefix("[") && address.hasSuffix("]") ? String(address.dropFirst().dropLast()) : address
        guard text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 else { return address }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        var out = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN))
        guard inet_ntop(AF_INET6, &v6, &out, socklen_t(out.count)) != nil else { return address }
        return String(decoding: out.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// A client on this machine (127.0.0.0/8, ::1): the office's own, or a proxy in front that does
    /// not say who is behind it (no `--trusted-proxy`), where every visitor would share one address.
    /// The door's pace rule can't tell such clients apart, so it leaves them to its other limits.
    static func isThisMachine(_ key: String) -> Bool {
        key.hasPrefix("127.") || key == "::1" || key == "0:0:0:0::/64"
    }

    static func key(_ address: String) -> String {
        var v6 = in6_addr()
        let text = address.hasPrefix("[") && address.hasSuffix("]") ? String(address.dropFirst().dropLast()) : address
        guard text.contains(":"), inet_pton(AF_INET6, text, &v6) == 1 else { return address }
        let bytes = withUnsafeBytes(of: &v6) { Array($0) }
        if bytes[0..<10].allSatisfy({ $0 == 0 }), bytes[10] == 0xFF, bytes[11] == 0xFF {
            return bytes[12..<16].map(String.init).joined(separator: ".")
        }
        let groups = stride(from: 0, to: 8, by: 2).map {
            String(UInt16(bytes[$0]) << 8 | UInt16(bytes[$0 + 1]), radix: 16)
        }
        return groups.joined(separator: ":") + "::/64"
    }
}

/// The open connections, counted across the server's event loops, in all and per client address.
final class ConnectionCount: @unchecked Sendable {
    private let lock = NSLock()
    private var open = 0
    private var perAddress: [String: Int] = [:]

    /// Counts one more from `address`; false when that passes `limit` in all or `perAddress` from it.
    func enter(address: String, limit: Int, perAddress max: Int) -> Bool {
        lock.withLock {
            open += 1
            perAddress[address, default: 0] += 1
            return open <= limit && perAddress[address, default: 0] <= max
        }
    }

    func leave(address: String) {
        lock.withLock {
            open -= 1
            let n = perAddress[address, default: 1] - 1
            perAddress[address] = n > 0 ? n : nil
        }
    }

    /// How many are open from `address` (for tests).
    func count(address: String) -> Int { lock.withLock { perAddress[address, default: 0] } }
}

/// On each connection, after the HTTP decoder: the connection cap (503 past it), the deadlines for
/// a request's head and body, and a malformed request answered 400 rather than reaching the app.
final class ConnectionGuard: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let limits: ConnectionLimits
    let count: ConnectionCount
    private var counted = false
    private var address = ""
    private var over = false
    private var reading = false
    private var deadline: Scheduled<Void>?

    init(limits: ConnectionLimits, count: ConnectionCount) {
        self.limits = limits
        self.count = count
    }

    func handlerAdded(context: ChannelHandlerContext) {
        counted = true
        address = ClientAddress.key(context.channel.remoteAddress?.ipAddress ?? "unknown")
        // The proxy itself, to the address: not the rest of its network.
        let peer = ClientAddress.normal(context.channel.remoteAddress?.ipAddress ?? "unknown")
        let perAddress = peer == limits.proxy.map(ClientAddress.normal) ? Int.max : limits.maxPerAddress
        over = !count.enter(address: address, limit: limits.maxConnections, perAddress: perAddress)
        arm(context, after: limits.head)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        if counted {
            counted = false
            count.leave(address: address)
        }
    }

    private func arm(_ context: ChannelHandlerContext, after time: TimeAmount) {
        deadline?.cancel()
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        deadline = context.eventLoop.scheduleTask(in: time) { loopBound.value.close(promise: nil) }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let part = unwrapInboundIn(data)
        if over {
            if case .head = part {
                refuse(
                    context, .serviceUnavailable,
                    "服务器连接已满，请稍后再试 · The server has too many connections; try again shortly.")
            }
            return
        }
        switch part {
        case .head:
            reading = true
            arm(context, after: limits.body)
        case .end:
            reading = false
            // The app answers in its own time; the next deadline starts with the response's end.
            deadline?.cancel()
            deadline = nil
        case .body: break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        // After a response, the next request's head must come within the idle time: a kept-alive
        // connection sending a head a byte at a time is cut off like a new one.
        if case .end = unwrapOutboundIn(data), !reading { arm(context, after: limits.idle) }
        context.write(data, promise: promise)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // A request the decoder could not read (a bad header, a bad chunk size): 400 when the app
        // has not been handed it yet; otherwise the app's own error handling answers.
        if !reading && "\(type(of: error))".contains("HTTPParserError") {
            refuse(context, .badRequest, "请求格式有误 · Malformed request.")
            return
        }
        context.fireErrorCaught(error)
    }

    private func refuse(_ context: ChannelHandlerContext, _ status: HTTPResponse.Status, _ text: String) {
        var fields = HTTPFields()
        fields[.contentType] = "text/plain; charset=utf-8"
        fields[.connection] = "close"
        let body = ByteBuffer(string: text + "\n")
        fields[.contentLength] = String(body.readableBytes)
        context.write(wrapOutboundOut(.head(HTTPResponse(status: status, headerFields: fields))), promise: nil)
        context.write(wrapOutboundOut(.body(body)), promise: nil)
        let loopBound = NIOLoopBound(context, eventLoop: context.eventLoop)
        context.writeAndFlush(wrapOutboundOut(.end(nil))).whenComplete { _ in loopBound.value.close(promise: nil) }
    }
}

extension WebApp {
    /// The application `kepu serve` runs (and the process tests): the router, HTTP/1.1 with the idle
    /// timeout, and the connection guard.
    public static func buildApplication(
        ledger: Ledger, settings: WebSettings, host: String, port: Int, limits: ConnectionLimits
    ) -> some ApplicationProtocol {
        let count = ConnectionCount()
        return Application(
            router: router(ledger: ledger, settings: settings),
            server: .http1(
                configuration: .init(
                    additionalChannelHandlers: [ConnectionGuard(limits: limits, count: count)], idleTimeout: limits.idle
                )
            ),
            configuration: .init(address: .hostname(host, port: port), serverName: "kepu"))
    }
}
