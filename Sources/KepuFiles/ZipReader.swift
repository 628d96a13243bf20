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
        let stream = try EntryStream(self, entry)
        var out = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let n = try out.withUnsafeMutableBufferPointer { try stream.read(into: $0) }
            if n == 0 { return }
            try out.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[0..<n])) }
        }
    }

    /// An entry's inflated bytes, pulled a buffer at a time: a part of any size passes through a
    /// fixed amount of memory, and never through a file. The deflate stream must end within the
    /// entry's compressed bytes and give exactly its stated size and checksum; more bytes than it
    /// states are refused as soon as they appear.
    final class EntryStream {
        private let handle: FileHandle
        private let entry: Entry
        private var remaining: UInt64
        private var produced: UInt64 = 0
        private var crc = crc32(0, nil, 0)
        private let z: UnsafeMutablePointer<z_stream>
        private var input: [UInt8] = []
        private var inputAt = 0
        private var ended = false
        private var inflating = false

        init(_ zip: ZipReader, _ entry: Entry) throws {
            guard let h = FileHandle(forReadingAtPath: zip.path) else { throw Failure.notAZip }
            handle = h
            self.entry = entry
            z = .allocate(capacity: 1)
            z.initialize(to: z_stream())
            remaining = 0
            let headerAt = entry.localHeaderOffset
            guard headerAt <= zip.size, zip.size - headerAt >= 30 else { throw Failure.corrupt(entry.name) }
            try h.seek(toOffset: headerAt)
            let header = [UInt8](try h.read(upToCount: 30) ?? Data())
            guard header.count == 30, ZipReader.u32(header, 0) == 0x0403_4B50 else {
                throw Failure.corrupt(entry.name)
            }
            let dataAt = headerAt + 30 + UInt64(ZipReader.u16(header, 26)) + UInt64(ZipReader.u16(header, 28))
            guard dataAt <= zip.size, entry.compressedSize <= zip.size - dataAt else {
                throw Failure.corrupt(entry.name)
            }
            try h.seek(toOffset: dataAt)
            remaining = entry.compressedSize
            switch entry.method {
            case 0: break
            case 8:
                guard inflateInit2_(z, -MAX_WBITS, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
                    throw Failure.corrupt(entry.name)
                }
                inflating = true
            default: throw Failure.corrupt(entry.name)
            }
        }

        deinit {
            if inflating { inflateEnd(z) }
            z.deinitialize(count: 1)
            z.deallocate()
            try? handle.close()
        }

        /// Fills `buffer` with the next bytes; 0 once the entry has ended (and checked out).
        func read(into buffer: UnsafeMutableBufferPointer<UInt8>) throws -> Int {
            guard !buffer.isEmpty else { return 0 }
            var n = 0
            if entry.method == 0 {
                if remaining > 0 {
                    let d = try handle.read(upToCount: Int(min(remaining, UInt64(buffer.count)))) ?? Data()
                    guard !d.isEmpty else { throw Failure.corrupt(entry.name) }
                    remaining -= UInt64(d.count)
                    n = d.copyBytes(to: buffer)
                }
            } else {
                while n == 0 && !ended {
                    if inputAt == input.count {
                        guard remaining > 0 else { throw Failure.corrupt(entry.name) }
                        input = [UInt8](try handle.read(upToCount: Int(min(remaining, 1 << 16))) ?? Data())
                        guard !input.isEmpty else { throw Failure.corrupt(entry.name) }
                        remaining -= UInt64(input.count)
                        inputAt = 0
                    }
                    let before = inputAt
                    let (result, count, used) = input.withUnsafeMutableBufferPointer { inp -> (Int32, Int, Int) in
                        z.pointee.next_in = inp.baseAddress! + before
                        z.pointee.avail_in = uInt(inp.count - before)
                        z.pointee.next_out = buffer.baseAddress
                        z.pointee.avail_out = uInt(buffer.count)
                        let r = inflate(z, Z_NO_FLUSH)
                        let used = inp.count - before - Int(z.pointee.avail_in)
                        z.pointee.next_in = nil
                        z.pointee.next_out = nil
                        return (r, buffer.count - Int(z.pointee.avail_out), used)
                    }
                    guard result == Z_OK || result == Z_STREAM_END || (result == Z_BUF_ERROR && count == 0) else {
                        throw Failure.corrupt(entry.name)
                    }
                    inputAt += used
                    n = count
                    if result == Z_STREAM_END { ended = true }
                }
            }
            produced += UInt64(n)
            guard produced <= entry.uncompressedSize else { throw Failure.corrupt(entry.name) }
            if n > 0 {
                crc = crc32(crc, buffer.baseAddress, uInt(n))
                return n
            }
            guard produced == entry.uncompressedSize, UInt32(crc) == entry.crc32 else {
                throw Failure.corrupt(entry.name)
            }
            return 0
        }
    }
}
