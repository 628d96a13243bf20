import Foundation

/// The address phones reach the server at, for a door's link and its poster: `http://192.168.1.20:8080`,
/// `https://kepu.example.cn`. Kept in the database (set on the web's 设置 page or by `kepu settings`),
/// overridden by `kepu serve --public-url` or `KEPU_PUBLIC_URL`.
public struct PublicAddress: Sendable, Hashable {
    /// Scheme, host and port, without a trailing slash.
    public var url: String
    /// Whose phones the link reaches.
    public var reach: Reach

    public init(url: String, reach: Reach) {
        self.url = url
        self.reach = reach
    }

    /// Whose phones a link reaches.
    public enum Reach: Sendable, Hashable {
        /// This computer only (`127.0.0.1`, `localhost`, `::1`): no phone can open it.
        case thisComputer
        /// The office's own network (`192.168.x.x`, `10.x.x.x`, `172.16–31.x.x`, `fe80::`, `fd…`, a bare
        /// host name): phones on its Wi-Fi.
        case officeNetwork
        /// Anyone's phone.
        case everyone
    }

    /// Reads a typed address: a scheme (`http://` is assumed when none is typed), a host and an optional
    /// port, and nothing after them.
    public static func parse(_ input: String, field: Field = .named("public-url")) throws -> PublicAddress {
        var text = TypedText.halfWidth(input).trimmingCharacters(in: .whitespaces)
        while text.hasSuffix("/") { text.removeLast() }
        let refused = KepuError(.notAPublicAddress(field: field, value: input))
        guard !text.isEmpty, !text.contains(where: { $0 == " " || $0 == "?" || $0 == "#" || $0 == "@" }) else {
            throw refused
        }
        let lower = text.lowercased()
        let scheme: String
        if lower.hasPrefix("http://") {
            scheme = "http://"
        } else if lower.hasPrefix("https://") {
            scheme = "https://"
        } else if lower.contains("://") {
            throw refused
        } else {
            scheme = "http://"
            text = scheme + text
        }
        let rest = String(text.dropFirst(scheme.count))
        guard !rest.isEmpty, !rest.contains("/"), let host = host(of: rest) else { throw refused }
        return PublicAddress(url: scheme + rest.lowercased(), reach: reach(host: host))
    }

    /// The host of `host[:port]` or `[v6]:port`, refusing a port that is not a number from 1 to 65535.
    static func host(of authority: String) -> String? {
        var host = authority
        var port: Substring?
        if authority.hasPrefix("[") {
            // An IPv6 address, in its brackets: `[fd00::1]:8080`.
            guard let close = authority.firstIndex(of: "]") else { return nil }
            host = String(authority[authority.index(after: authority.startIndex)..<close])
            guard host.contains(":") else { return nil }
            let after = authority[authority.index(after: close)...]
            if !after.isEmpty {
                guard after.hasPrefix(":") else { return nil }
                port = after.dropFirst()
            }
        } else {
            // One colon at most outside brackets: an IPv6 address without them is no link a browser opens.
            guard authority.filter({ $0 == ":" }).count <= 1 else { return nil }
            if let colon = authority.firstIndex(of: ":") {
                host = String(authority[..<colon])
                port = authority[authority.index(after: colon)...]
            }
            guard !host.contains(":") else { return nil }
        }
        if let port {
            guard !port.isEmpty, port.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(port),
                (1...65_535).contains(n)
            else { return nil }
        }
        guard !host.isEmpty,
            host.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-" || $0 == ":") })
        else { return nil }
        // A dotted address's parts are 0 to 255.
        let parts = host.split(separator: ".", omittingEmptySubsequences: false)
        if parts.count == 4, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }) {
            guard parts.allSatisfy({ (Int($0) ?? 256) <= 255 }) else { return nil }
        }
        return host.lowercased()
    }

    /// Whose phones reach a host: this computer, the office's network, or everyone.
    public static func reach(host: String) -> Reach {
        var h = host.lowercased().trimmingCharacters(in: CharacterSet(charactersIn: "[]"))
        // A name written with its root's dot (`localhost.`) is the same name.
        if h.hasSuffix(".") { h.removeLast() }
        if h.hasPrefix("::ffff:") { h.removeFirst("::ffff:".count) }
        let octets = h.split(separator: ".").compactMap { Int($0) }
        let dotted = octets.count == 4 && h.split(separator: ".").count == 4
        if h == "localhost" || h.hasSuffix(".localhost") || h == "::1" || (dotted && octets[0] == 127) || h == "0.0.0.0"
            || h == "::"
        {
            return .thisComputer
        }
        if dotted {
            switch (octets[0], octets[1]) {
            case (10, _), (192, 168), (169, 254): return .officeNetwork
            case (172, 16...31): return .officeNetwork
            default: return .everyone
            }
        }
        if h.contains(":") {
            return h.hasPrefix("fe80:") || h.hasPrefix("fc") || h.hasPrefix("fd") ? .officeNetwork : .everyone
        }
        // A name without a dot (a computer's name on the office network) or a `.local` one.
        return !h.contains(".") || h.hasSuffix(".local") || h.hasSuffix(".lan") ? .officeNetwork : .everyone
    }

    /// The address of `url` as it is (a browser's own address), classified the same way.
    public static func seen(_ url: String) -> PublicAddress {
        var base = url
        while base.hasSuffix("/") { base.removeLast() }
        let authority = base.split(separator: "/", omittingEmptySubsequences: true).dropFirst().first.map(String.init)
        return PublicAddress(url: base, reach: authority.flatMap(host(of:)).map(reach(host:)) ?? .thisComputer)
    }
}
