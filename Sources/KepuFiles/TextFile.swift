import Foundation
import KepuCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A text file read in chunks as UTF-8: UTF-8 with or without a BOM, or GBK/GB18030 (what Chinese
/// Excel saves), detected from its start and transcoded with iconv as it streams.
public struct TextFile: Sendable {
    public enum Encoding: String, Sendable {
        case utf8 = "UTF-8"
        case utf8BOM = "UTF-8 with BOM"
        case gb18030 = "GB18030"
    }

    public let path: String
    public let displayName: String
    public let encoding: Encoding
    static let chunk = 1 << 16

    public init(path: String, displayName: String) throws {
        self.path = path
        self.displayName = displayName
        guard let h = FileHandle(forReadingAtPath: path) else {
            throw KepuError(.cannotReadFile(name: displayName))
        }
        defer { try? h.close() }
        let head = (try? h.read(upToCount: 1 << 20)) ?? Data()
        encoding = TextFile.detect(head, complete: head.count < 1 << 20)
    }

    /// The encoding of a file from its first bytes: a UTF-8 BOM, valid UTF-8 (a sequence cut off at the
    /// end of an incomplete sample allowed), else GBK/GB18030, what Chinese Excel and WPS save.
    public static func detect(_ head: Data, complete: Bool) -> Encoding {
        if head.starts(with: [0xEF, 0xBB, 0xBF]) { return .utf8BOM }
        return isUTF8(head, complete: complete) ? .utf8 : .gb18030
    }

    /// Valid UTF-8, allowing a sequence cut off at the end of the sample.
    static func isUTF8(_ d: Data, complete: Bool) -> Bool {
        var bytes = [UInt8](d)
        if !complete {
            // Drop a trailing partial sequence (at most 3 bytes).
            var cut = 0
            for back in 1...min(3, bytes.count) {
                let b = bytes[bytes.count - back]
                if b & 0xC0 == 0xC0 {
                    cut = back
                    break
                }
                if b & 0x80 == 0 { break }
            }
            bytes.removeLast(cut)
        }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// Streams the file as UTF-8 chunks.
    public func forEachChunk(_ body: ([UInt8]) throws -> Void) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw KepuError(.cannotReadFile(name: displayName)) }
        defer { try? h.close() }
        var first = true
        // The converter closes its iconv handle when it goes, however the loop ends.
        let converter = encoding == .gb18030 ? try Iconv(from: "GB18030", to: "UTF-8", file: displayName) : nil
        while let d = try h.read(upToCount: TextFile.chunk), !d.isEmpty {
            var bytes = [UInt8](d)
            if first && encoding == .utf8BOM { bytes.removeFirst(3) }
            first = false
            try body(try converter?.convert(bytes) ?? bytes)
        }
        try converter?.finish()
    }

    /// Parses the file as CSV, calling `body` for each record with the line it starts on.
    public func forEachRow(_ body: ([String], Int) throws -> Void) throws {
        var parser = CSVParser()
        do {
            try forEachChunk { chunk in try parser.feed(chunk, emit: body) }
            try parser.finish(emit: body)
        } catch let e as KepuError {
            switch e.problem {
            case .csvUnclosedQuote, .csvNotUTF8: throw KepuError(.inFile(file: displayName, problem: e.problem))
            default: throw e
            }
        }
    }
}

/// Incremental transcoding through the C library's iconv, carrying incomplete sequences across chunks.
/// A class so that its handle is closed exactly once, when the last reference goes.
public final class Iconv {
    private let cd: iconv_t
    private var carry: [UInt8] = []
    private let file: String
    private var offset = 0

    public init(from: String, to: String, file: String) throws {
        let cd = iconv_open(to, from)
        guard let cd, cd != iconv_t(bitPattern: -1) else {
            throw KepuError(.iconvUnavailable(encoding: from, file: file))
        }
        self.cd = cd
        self.file = file
    }

    deinit { iconv_close(cd) }

    public func convert(_ input: [UInt8]) throws -> [UInt8] {
        var inBytes = carry + input
        carry = []
        var out = [UInt8](repeating: 0, count: inBytes.count * 2 + 16)
        var inLeft = inBytes.count
        var outLeft = out.count
        let consumed: Int = try inBytes.withUnsafeMutableBytes { inRaw in
            try out.withUnsafeMutableBytes { outRaw in
                var inPtr: UnsafeMutablePointer<CChar>? = inRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                var outPtr: UnsafeMutablePointer<CChar>? = outRaw.baseAddress?.assumingMemoryBound(to: CChar.self)
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 && errno == EILSEQ {
                    throw KepuError(.notTextEncoding(file: file, offset: offset + inRaw.count - inLeft))
                }
                // EINVAL: an incomplete sequence at the end, kept for the next chunk.
                return inRaw.count - inLeft
            }
        }
        carry = Array(inBytes[consumed...])
        offset += consumed
        inBytes = []
        return Array(out[0..<(out.count - outLeft)])
    }

    public func finish() throws {
        if !carry.isEmpty { throw KepuError(.truncatedGBK(file: file)) }
    }
}
