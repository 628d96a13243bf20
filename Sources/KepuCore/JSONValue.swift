import Foundation

/// A JSON document with exact decimal numbers and sorted keys, so output is stable byte for byte.
public indirect enum JSONValue: Hashable, Sendable {
    case null
    case bool(Bool)
    /// A number kept as its exact decimal text.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public static func int(_ v: Int64) -> JSONValue { .number(String(v)) }
    public static func int(_ v: Int) -> JSONValue { .number(String(v)) }
    public static func fixed(_ v: Fixed) -> JSONValue { .number(v.description) }
    public static func fixed(_ v: Fixed?) -> JSONValue { v.map { .number($0.description) } ?? .null }
    public static func string(_ v: String?) -> JSONValue { v.map { .string($0) } ?? .null }

    public subscript(key: String) -> JSONValue? {
        if case .object(let o) = self { return o[key] }
        return nil
    }

    /// Compact when `indent` is nil, else pretty-printed with that many spaces.
    public func render(indent: Int? = nil) -> String {
        var out = ""
        write(&out, indent: indent, depth: 0)
        return out
    }

    func write(_ out: inout String, indent: Int?, depth: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .number(let n): out += n
        case .string(let s): JSONValue.escape(s, into: &out)
        case .array(let a):
            if a.isEmpty {
                out += "[]"
                return
            }
            out += "["
            for (i, v) in a.enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, depth + 1)
                v.write(&out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out += "]"
        case .object(let o):
            if o.isEmpty {
                out += "{}"
                return
            }
            out += "{"
            for (i, k) in o.keys.sorted().enumerated() {
                if i > 0 { out += "," }
                newline(&out, indent, depth + 1)
                JSONValue.escape(k, into: &out)
                out += indent == nil ? ":" : ": "
                o[k]!.write(&out, indent: indent, depth: depth + 1)
            }
            newline(&out, indent, depth)
            out += "}"
        }
    }

    func newline(_ out: inout String, _ indent: Int?, _ depth: Int) {
        guard let indent else { return }
        out += "\n" + String(repeating: " ", count: indent * depth)
    }

    static func escape(_ s: String, into out: inout String) {
        out += "\""
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if u.value < 0x20 {
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(u)
                }
            }
        }
        out += "\""
    }
}

/// JSON text as a strict reader sees it: the first object key that appears twice in one object, which
/// a lenient parser would settle by keeping the last. The text is assumed well-formed otherwise (a
/// parser reads it next); keys are compared once their escapes are decoded, so `"a"` and `"\u0061"`
/// are the same key.
public enum JSONKeys {
    public static func repeated(in data: [UInt8]) -> String? {
        // One set of keys per open object; nil for an array.
        var stack: [Set<String>?] = []
        var i = 0
        var expectKey = false
        while i < data.count {
            let c = data[i]
            switch c {
            case UInt8(ascii: "{"):
                stack.append([])
                expectKey = true
            case UInt8(ascii: "["):
                stack.append(nil)
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                if !stack.isEmpty { stack.removeLast() }
                expectKey = false
            case UInt8(ascii: ","):
                expectKey = stack.last.map { $0 != nil } ?? false
            case UInt8(ascii: "\""):
                var j = i + 1
                while j < data.count, data[j] != UInt8(ascii: "\"") { j += data[j] == UInt8(ascii: "\\") ? 2 : 1 }
                if expectKey, j < data.count, case .some(.some(var keys)) = stack.last {
                    let raw = Array(data[i...j])
                    let key =
                        (try? JSONSerialization.jsonObject(with: Data(raw), options: [.fragmentsAllowed]) as? String)
                        ?? String(decoding: raw, as: UTF8.self)
                    if !keys.insert(key).inserted { return key }
                    stack[stack.count - 1] = keys
                    expectKey = false
                }
                i = j
            default: break
            }
            i += 1
        }
        return nil
    }
}
