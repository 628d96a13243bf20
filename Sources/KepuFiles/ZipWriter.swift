import CKepuZlib
import Foundation

/// A zip archive written to a file as a stream: one part at a time, deflated by zlib as its bytes
/// arrive, so that a part of any size passes through a fixed amount of memory.
///
/// Each part's local header is written before its data with room for a ZIP64 field (an Open
/// Packaging "growth hint" padding record, which readers skip); when the part ends, the writer
/// seeks back and fills in its CRC-32 and sizes, or turns the padding into the ZIP64 field when a
/// size has passed 4 GiB. The archive therefore needs no data descriptors, which some readers of
/// .xlsx files handle badly. The central directory and its end record follow the last part, in
/// ZIP64 form when the archive passes 4 GiB or 65,535 parts.
///
/// Failures are thrown as `Failure` with the system's reason; the caller words them.
final class ZipWriter {
    struct Failure: Error, Equatable {
        var reason: String
    }

    private struct Entry {
        var name: [UInt8]
        var method: UInt16
        var crc: UInt32 = 0
        var compressed: UInt64 = 0
        var uncompressed: UInt64 = 0
        var offset: UInt64
    }

    /// Sizes and offsets at or past this are written in ZIP64 form; tests lower it to reach that
    /// form without writing 4 GiB.
    let zip64Limit: UInt64
    /// Parts past this count need the ZIP64 end record.
    let entryLimit: Int

    private let fd: Int32
    private var offset: UInt64 = 0
    private var entries: [Entry] = []
    private var output: [UInt8] = []
    private var current: Entry?
    private var crc: uLong = 0
    private let stream: UnsafeMutablePointer<z_stream>
    private var deflating = false
    private var scratch: [UInt8]
    private let dosTime: UInt16
    private let dosDate: UInt16
    private var closed = false

    /// Creates (or truncates) `path`, readable and writable by its owner and readable by others.
    init(path: String, modified: Date = Date(), zip64Limit: UInt64 = 0xFFFF_FFFF, entryLimit: Int = 0xFFFF) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw Failure(reason: String(cString: strerror(errno))) }
        self.fd = fd
        self.zip64Limit = zip64Limit
        self.entryLimit = entryLimit
        stream = .allocate(capacity: 1)
        stream.initialize(to: z_stream())
        scratch = [UInt8](repeating: 0, count: 1 << 16)
        output.reserveCapacity(1 << 18)
        var t = time_t(modified.timeIntervalSince1970)
        var parts = tm()
        gmtime_r(&t, &parts)
        dosTime = UInt16(parts.tm_hour) << 11 | UInt16(parts.tm_min) << 5 | UInt16(parts.tm_sec / 2)
        dosDate = UInt16(max(0, Int(parts.tm_year) - 80)) << 9 | UInt16(parts.tm_mon + 1) << 5 | UInt16(parts.tm_mday)
    }

    deinit {
        if deflating { deflateEnd(stream) }
        stream.deinitialize(count: 1)
        stream.deallocate()
        if !closed { close(fd) }
    }

    // MARK: Parts

    /// Starts a part; the previous one must have been ended.
    func begin(_ name: String, deflate: Bool = true) throws {
        precondition(current == nil, "ZipWriter: a part is still open")
        let entry = Entry(name: Array(name.utf8), method: deflate ? 8 : 0, offset: offset)
        var h: [UInt8] = []
        h.reserveCapacity(30 + entry.name.count + 20)
        h.u32(0x0403_4B50)
        h.u16(20)  // version needed: 2.0 (4.5 once ZIP64 is filled in)
        h.u16(1 << 11)  // names in UTF-8
        h.u16(entry.method)
        h.u16(dosTime)
        h.u16(dosDate)
        h.u32(0)  // CRC-32, sizes: filled in by end()
        h.u32(0)
        h.u32(0)
        h.u16(UInt16(entry.name.count))
        h.u16(20)
        h.append(contentsOf: entry.name)
        // Room for a ZIP64 field: padding of the Open Packaging growth-hint kind until then.
        h.u16(0xA220)
        h.u16(16)
        h.u16(0xA028)
        h.append(contentsOf: repeatElement(0, count: 14))
        try put(h)
        current = entry
        crc = crc32(0, nil, 0)
        if deflate {
            let level = Z_DEFAULT_COMPRESSION
            let r = deflateInit2_(
                stream, level, Z_DEFLATED, -MAX_WBITS, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION,
                Int32(MemoryLayout<z_stream>.size))
            guard r == Z_OK else { throw Failure(reason: "zlib deflateInit2 \(r)") }
            deflating = true
        }
    }

    /// Adds bytes to the open part.
    func write(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        guard current != nil else { preconditionFailure("ZipWriter: no part is open") }
        guard !bytes.isEmpty else { return }
        crc = crc32(crc, bytes.baseAddress, uInt(bytes.count))
        current!.uncompressed += UInt64(bytes.count)
        if deflating {
            try pump(bytes, flush: Z_NO_FLUSH)
        } else {
            current!.compressed += UInt64(bytes.count)
            try put(bytes)
        }
    }

    func write(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try write($0) }
    }

    /// Ends the open part: the deflate stream is finished and the local header filled in.
    func end() throws {
        guard var entry = current else { preconditionFailure("ZipWriter: no part is open") }
        if deflating {
            try pump(UnsafeBufferPointer(start: nil, count: 0), flush: Z_FINISH)
            deflateEnd(stream)
            deflating = false
            entry.compressed = current!.compressed
        }
        entry.crc = UInt32(truncatingIfNeeded: crc)
        current = nil
        entries.append(entry)
        // Fill in the local header: CRC-32 and sizes, or 0xFFFFFFFF and the ZIP64 field.
        try drain()
        let big = entry.compressed >= zip64Limit || entry.uncompressed >= zip64Limit
        var sizes: [UInt8] = []
        sizes.u32(entry.crc)
        sizes.u32(big ? 0xFFFF_FFFF : UInt32(entry.compressed))
        sizes.u32(big ? 0xFFFF_FFFF : UInt32(entry.uncompressed))
        try patch(sizes, at: entry.offset + 14)
        if big {
            var version: [UInt8] = []
            version.u16(45)
            try patch(version, at: entry.offset + 4)
            var extra: [UInt8] = []
            extra.u16(0x0001)
            extra.u16(16)
            extra.u64(entry.uncompressed)
            extra.u64(entry.compressed)
            try patch(extra, at: entry.offset + 30 + UInt64(entry.name.count))
        }
    }

    /// Writes a whole part at once.
    func add(_ name: String, _ bytes: [UInt8]) throws {
        try begin(name)
        try write(bytes)
        try end()
    }

    /// Writes the central directory and its end record, and closes the file.
    func finish() throws {
        precondition(current == nil, "ZipWriter: a part is still open")
        let cdStart = offset
        for e in entries {
            let bigSizes = e.compressed >= zip64Limit || e.uncompressed >= zip64Limit
            let bigOffset = e.offset >= zip64Limit
            var extra: [UInt8] = []
            if bigSizes || bigOffset {
                extra.u16(0x0001)
                extra.u16(UInt16((bigSizes ? 16 : 0) + (bigOffset ? 8 : 0)))
                if bigSizes {
                    extra.u64(e.uncompressed)
                    extra.u64(e.compressed)
                }
                if bigOffset { extra.u64(e.offset) }
            }
            var h: [UInt8] = []
            h.u32(0x0201_4B50)
            h.u16(3 << 8 | 45)  // made by: Unix, 4.5
            h.u16(bigSizes || bigOffset ? 45 : 20)
            h.u16(1 << 11)
            h.u16(e.method)
            h.u16(dosTime)
            h.u16(dosDate)
            h.u32(e.crc)
            h.u32(bigSizes ? 0xFFFF_FFFF : UInt32(e.compressed))
            h.u32(bigSizes ? 0xFFFF_FFFF : UInt32(e.uncompressed))
            h.u16(UInt16(e.name.count))
            h.u16(UInt16(extra.count))
            h.u16(0)  // comment
            h.u16(0)  // disk
            h.u16(0)  // internal attributes
            h.u32(0o100644 << 16)  // external: a regular file, rw-r--r--
            h.u32(bigOffset ? 0xFFFF_FFFF : UInt32(e.offset))
            h.append(contentsOf: e.name)
            h.append(contentsOf: extra)
            try put(h)
        }
        let cdSize = offset - cdStart
        let many = entries.count >= entryLimit
        let far = cdStart >= zip64Limit || cdSize >= zip64Limit
        var end: [UInt8] = []
        if many || far {
            let recordAt = offset
            end.u32(0x0606_4B50)
            end.u64(44)
            end.u16(3 << 8 | 45)
            end.u16(45)
            end.u32(0)
            end.u32(0)
            end.u64(UInt64(entries.count))
            end.u64(UInt64(entries.count))
            end.u64(cdSize)
            end.u64(cdStart)
            end.u32(0x0706_4B50)  // locator
            end.u32(0)
            end.u64(recordAt)
            end.u32(1)
        }
        end.u32(0x0605_4B50)
        end.u16(0)
        end.u16(0)
        end.u16(many ? 0xFFFF : UInt16(entries.count))
        end.u16(many ? 0xFFFF : UInt16(entries.count))
        end.u32(far ? 0xFFFF_FFFF : UInt32(cdSize))
        end.u32(far ? 0xFFFF_FFFF : UInt32(cdStart))
        end.u16(0)
        try put(end)
        try drain()
        closed = true
        guard close(fd) == 0 else { throw Failure(reason: String(cString: strerror(errno))) }
    }

    // MARK: Bytes out

    private func pump(_ input: UnsafeBufferPointer<UInt8>, flush: Int32) throws {
        stream.pointee.next_in = UnsafeMutablePointer(mutating: input.baseAddress)
        stream.pointee.avail_in = uInt(input.count)
        let capacity = scratch.count
        while true {
            let (r, produced) = scratch.withUnsafeMutableBufferPointer { out -> (Int32, Int) in
                stream.pointee.next_out = out.baseAddress
                stream.pointee.avail_out = uInt(capacity)
                let r = deflate(stream, flush)
                return (r, capacity - Int(stream.pointee.avail_out))
            }
            guard r == Z_OK || r == Z_STREAM_END || r == Z_BUF_ERROR else {
                throw Failure(reason: "zlib deflate \(r)")
            }
            if produced > 0 {
                current!.compressed += UInt64(produced)
                try scratch.withUnsafeBufferPointer { try put(UnsafeBufferPointer(rebasing: $0[0..<produced])) }
            }
            if flush == Z_FINISH {
                if r == Z_STREAM_END { break }
            } else if stream.pointee.avail_in == 0 && produced < capacity {
                break
            }
        }
        stream.pointee.next_in = nil
        stream.pointee.next_out = nil
    }

    private func put(_ bytes: [UInt8]) throws {
        try bytes.withUnsafeBufferPointer { try put($0) }
    }

    private func put(_ bytes: UnsafeBufferPointer<UInt8>) throws {
        output.append(contentsOf: bytes)
        offset += UInt64(bytes.count)
        if output.count >= 1 << 18 { try drain() }
    }

    private func drain() throws {
        var done = 0
        while done < output.count {
            let n = output.withUnsafeBytes { systemWrite(fd, $0.baseAddress! + done, $0.count - done) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw Failure(reason: String(cString: strerror(errno))) }
            done += n
        }
        output.removeAll(keepingCapacity: true)
    }

    private func patch(_ bytes: [UInt8], at position: UInt64) throws {
        let n = bytes.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, off_t(position)) }
        guard n == bytes.count else { throw Failure(reason: String(cString: strerror(errno))) }
    }
}

/// The system's write(2), named apart from `ZipWriter.write`.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int { write(fd, bytes, count) }

extension [UInt8] {
    mutating func u16(_ v: UInt16) {
        append(UInt8(truncatingIfNeeded: v))
        append(UInt8(truncatingIfNeeded: v >> 8))
    }

    mutating func u32(_ v: UInt32) {
        for s in stride(from: 0, to: 32, by: 8) { append(UInt8(truncatingIfNeeded: v >> UInt32(s))) }
    }

    mutating func u64(_ v: UInt64) {
        for s in stride(from: 0, to: 64, by: 8) { append(UInt8(truncatingIfNeeded: v >> UInt64(s))) }
    }
}
