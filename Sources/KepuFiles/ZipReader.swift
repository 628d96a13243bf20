import CKepuZlib
import Foundation

/// The parts of a zip package (an .xlsx), read from a file with every offset and size checked
/// against the file, and inflated by zlib in bounded chunks.
///
/// Why not ZIPFoundation: on Linux its 0.9.20 loops forever on a deflate stream that does not end
/// within the file (libFuzzer found one in two minutes), traps on a malformed central directory
/// when reading from memory, and leaks a path per archive opened. A workbook is a plain zip: the
/// end-of-central-directory record, the central directory, a local header per part, deflated or
/// stored data. Reading only that, bounded by the file's size, is short enough to check by eye and
/// is fuzzed (Fuzz/, target `xlsx`).
struct ZipReader {
    struct Entry: Sendable, Hashable {
        var name: String
        var method: UInt16
        var crc32: UInt32
        var compressedSize: UInt64
        var uncompressedSize: UInt64
        var localHeaderOffset: UInt64
    }

    /// Why a package cannot be read; the caller words it.
    enum Failure: Error, Equatable {
        case notAZip
        case corrupt(String)
        case tooLarge
    }

    let path: String
    let size: UInt64
    let entries: [String: Entry]

    init(path: String) throws {
        self.path = path
        guard let h = FileHandle(forReadingAtPath: path) else { throw Failure.notAZip }
        defer { try? h.close() }
        let size = (try? h.seekToEnd()) ?? 0
        self.size = size
        // The end-of-central-directory record is in the last 22 + 65,535 bytes.
        guard size >= 22 else { throw Failure.notAZip }
        let tailLength = min(size, 22 + 65_535)
        try h.seek(toOffset: size - tailLength)
        let tail = [UInt8](try h.read(upToCount: Int(tailLength)) ?? Data())
        guard tail.count == Int(tailLength) else { throw Failure.notAZip }
        var eocd: Int?
        var i = tail.count - 22
        while i >= 0 {
            if tail[i] == 0x50, tail[i + 1] == 0x4B, tail[i + 2] == 0x05, tail[i + 3] == 0x06 {
                eocd = i
                break
            }
            i -= 1
        }
        guard let e = eocd else { throw Failure.notAZip }
        let count = Int(Self.u16(tail, e + 10))
        let cdSize = UInt64(Self.u32(tail, e + 12))
        let cdOffset = UInt64(Self.u32(tail, e + 16))
        guard cdOffset != 0xFFFF_FFFF, count != 0xFFFF else { throw Failure.corrupt("zip64") }
        guard cdOffset <= size, cdSize <= size - cdOffset, cdSize <= 64 << 20 else {
            throw Failure.corrupt("central directory")
        }
        try h.seek(toOffset: cdOffset)
        let cd = [UInt8](try h.read(upToCount: Int(cdSize)) ?? Data())
        guard cd.count == Int(cdSize) else { throw Failure.corrupt("central directory") }
        var entries: [String: Entry] = [:]
        var p = 0
        for _ in 0..<count {
            guard p + 46 <= cd.count, Self.u32(cd, p) == 0x0201_4B50 else { throw Failure.corrupt("central directory") }
            let nameLength = Int(Self.u16(cd, p + 28))
            let extraLength = Int(Self.u16(cd, p + 30))
            let commentLength = Int(Self.u16(cd, p + 32))
            guard p + 46 + nameLength + extraLength + commentLength <= cd.count else {
                throw Failure.corrupt("central directory")
            }
            let name = String(decoding: cd[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(
                name: name, method: Self.u16(cd, p + 10), crc32: Self.u32(cd, p + 16),
                compressedSize: UInt64(Self.u32(cd, p + 20)), uncompressedSize: UInt64(Self.u32(cd, p + 24)),
                localHeaderOffset: UInt64(Self.u32(cd, p + 42)))
            if entries[name] == nil { entries[name] = entry }
            p += 46 + nameLength + extraLength + commentLength
        }
        self.entries = entries
    }

    static func u16(_ b: [UInt8], _ i: Int) -> UInt16 { UInt16(b[i]) | UInt16(b[i + 1]) << 8 }
    static func u32(_ b: [UInt8], _ i: Int) -> UInt32 {
        UInt32(b[i]) | UInt32(b[i + 1]) << 8 | UInt32(b[i + 2]) << 16 | UInt32(b[i + 3]) << 24
    }

    /// Streams an entry's inflated bytes to `body` in chunks. The deflate stream must end within the
    /// entry's compressed bytes and give exactly its stated size and checksum.
    func read(_ entry: Entry, _ body: (UnsafeBufferPointer<UInt8>) throws -> Void) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw Failure.notAZip }
        defer { try? h.close() }
        let headerAt = entry.localHeaderOffset
        guard headerAt <= size, size - headerAt >= 30 else { throw Failure.corrupt(entry.name) }
        try h.seek(toOffset: headerAt)
        let header = [UInt8](try h.read(upToCount: 30) ?? Data())
        guard header.count == 30, Self.u32(header, 0) == 0x0403_4B50 else { throw Failure.corrupt(entry.name) }
        let dataAt = headerAt + 30 + UInt64(Self.u16(header, 26)) + UInt64(Self.u16(header, 28))
        guard dataAt <= size, entry.compressedSize <= size - dataAt else { throw Failure.corrupt(entry.name) }
        try h.seek(toOffset: dataAt)
        var remaining = entry.compressedSize
        var produced: UInt64 = 0
        var crc = crc32(0, nil, 0)
        let chunk = 1 << 16
        func emit(_ out: UnsafeBufferPointer<UInt8>) throws {
            guard !out.isEmpty else { return }
            produced += UInt64(out.count)
            guard produced <= entry.uncompressedSize else { throw Failure.corrupt(entry.name) }
            crc = crc32(crc, out.baseAddress, uInt(out.count))
            try body(out)
        }
        switch entry.method {
        case 0:  // stored
            while remaining > 0 {
                let d = [UInt8](try h.read(upToCount: Int(min(remaining, UInt64(chunk)))) ?? Data())
                guard !d.isEmpty else { throw Failure.corrupt(entry.name) }
                remaining -= UInt64(d.count)
                try d.withUnsafeBufferPointer { try emit($0) }
            }
        case 8:  // deflated
            var stream = z_stream()
            guard inflateInit2_(&stream, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                throw Failure.corrupt(entry.name)
            }
            defer { inflateEnd(&stream) }
            var out = [UInt8](repeating: 0, count: chunk)
            var ended = false
            while !ended {
                guard remaining > 0 else { throw Failure.corrupt(entry.name) }
                var input = [UInt8](try h.read(upToCount: Int(min(remaining, UInt64(chunk)))) ?? Data())
                guard !input.isEmpty else { throw Failure.corrupt(entry.name) }
                remaining -= UInt64(input.count)
                try input.withUnsafeMutableBufferPointer { inp in
                    stream.next_in = inp.baseAddress
                    stream.avail_in = uInt(inp.count)
                    // Inflate until this input is used up or the stream ends.
                    repeat {
                        let (result, count) = out.withUnsafeMutableBufferPointer { o -> (Int32, Int) in
                            stream.next_out = o.baseAddress
                            stream.avail_out = uInt(o.count)
                            let r = inflate(&stream, Z_NO_FLUSH)
                            return (r, o.count - Int(stream.avail_out))
                        }
                        guard result == Z_OK || result == Z_STREAM_END || (result == Z_BUF_ERROR && count == 0) else {
                            throw Failure.corrupt(entry.name)
                        }
                        try out.withUnsafeBufferPointer { try emit(UnsafeBufferPointer(rebasing: $0[0..<count])) }
                        if result == Z_STREAM_END {
                            ended = true
                            break
                        }
                        if result == Z_BUF_ERROR { break }
                    } while stream.avail_in > 0 || stream.avail_out == 0
                    stream.next_in = nil
                }
            }
        default:
            throw Failure.corrupt(entry.name)
        }
        guard produced == entry.uncompressedSize, UInt32(crc) == entry.crc32 else { throw Failure.corrupt(entry.name) }
    }
}
