import Foundation
import KepuCore

/// A POSIX tar archive (ustar), written and read a file at a time: what `kepu backup` writes and
/// `kepu restore` reads. Written here rather than taken from a package because the format kepu needs
/// is small (regular files under 100-byte paths, 512-byte blocks) and no tar package resolves on the
/// machines kepu is built on; GNU tar, bsdtar and 7-Zip read what it writes.
public enum Tar {
    static let block = 512

    /// Writes files one after another; `finish` ends the archive with its two zero blocks.
    public final class Writer {
        let handle: FileHandle
        public init(path: String) throws {
            guard FileManager.default.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]),
                let h = FileHandle(forWritingAtPath: path)
            else { throw KepuError(.cannotCreateBackup(path: path)) }
            handle = h
        }

        /// Adds the file at `source` as `name` (at most 100 bytes of UTF-8).
        public func add(_ name: String, from source: String) throws {
            let size = ((try? FileManager.default.attributesOfItem(atPath: source))?[.size] as? NSNumber)?.intValue ?? 0
            // ustar's size field holds 11 octal digits: 8 GiB less a byte.
            guard size < 1 << 33 else { throw KepuError(.cannotReadFile(name: source)) }
            try handle.write(contentsOf: Tar.header(name, size: size))
            guard let input = FileHandle(forReadingAtPath: source) else {
                throw KepuError(.cannotReadFile(name: source))
            }
            defer { try? input.close() }
            var written = 0
            while let d = try input.read(upToCount: 1 << 16), !d.isEmpty {
                try handle.write(contentsOf: d)
                written += d.count
            }
            guard written == size else { throw KepuError(.cannotReadFile(name: source)) }
            try pad(size)
        }

        /// Adds `data` as `name`.
        public func add(_ name: String, data: Data) throws {
            try handle.write(contentsOf: Tar.header(name, size: data.count))
            try handle.write(contentsOf: data)
            try pad(data.count)
        }

        func pad(_ size: Int) throws {
            let rest = (Tar.block - size % Tar.block) % Tar.block
            if rest > 0 { try handle.write(contentsOf: Data(count: rest)) }
        }

        public func finish() throws {
            try handle.write(contentsOf: Data(count: 2 * Tar.block))
            try handle.synchronize()
            try handle.close()
        }
    }

    static func header(_ name: String, size: Int) -> Data {
        var h = [UInt8](repeating: 0, count: block)
        func put(_ s: String, at offset: Int, _ length: Int) {
            for (i, b) in s.utf8.prefix(length).enumerated() { h[offset + i] = b }
        }
        func octal(_ v: Int, at offset: Int, _ length: Int) {
            put(
                String(repeating: "0", count: max(0, length - 1 - String(v, radix: 8).count)) + String(v, radix: 8),
                at: offset, length - 1)
        }
        put(name, at: 0, 100)
        octal(0o600, at: 100, 8)
        octal(0, at: 108, 8)
        octal(0, at: 116, 8)
        octal(size, at: 124, 12)
        octal(Int(Date().timeIntervalSince1970), at: 136, 12)
        h[156] = UInt8(ascii: "0")
        put("ustar", at: 257, 6)
        put("00", at: 263, 2)
        for i in 148..<156 { h[i] = 0x20 }
        let sum = h.reduce(0) { $0 + Int($1) }
        octal(sum, at: 148, 7)
        h[155] = 0x20
        return Data(h)
    }

    /// One file of an archive: its name, and where its bytes are.
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var offset: UInt64
        public var size: Int
    }

    /// The regular files of an archive, in order; nil when it is no tar archive or is cut short.
    public static func entries(path: String) -> [Entry]? {
        guard let h = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? h.close() }
        let total = ((try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.uint64Value ?? 0
        var out: [Entry] = []
        var at: UInt64 = 0
        while at + UInt64(block) <= total {
            try? h.seek(toOffset: at)
            guard let head = try? h.read(upToCount: block), head.count == block else { return nil }
            let bytes = [UInt8](head)
            if bytes.allSatisfy({ $0 == 0 }) { return out }
            // The checksum is of the header with its own field as spaces.
            var copy = bytes
            for i in 148..<156 { copy[i] = 0x20 }
            guard let sum = number(bytes[148..<156]), sum == copy.reduce(0, { $0 + Int($1) }),
                let size = number(bytes[124..<136])
            else { return nil }
            let nameBytes = bytes[0..<100].prefix { $0 != 0 }
            let name = String(decoding: nameBytes, as: UTF8.self)
            let type = bytes[156]
            let data = at + UInt64(block)
            guard data + UInt64(size) <= total else { return nil }
            if type == UInt8(ascii: "0") || type == 0 { out.append(Entry(name: name, offset: data, size: size)) }
            at = data + UInt64((size + block - 1) / block * block)
        }
        return nil
    }

    /// An octal field: its digits 0–7 only (no sign), up to the first NUL or space.
    static func number(_ field: ArraySlice<UInt8>) -> Int? {
        let digits = field.drop { $0 == 0x20 }.prefix { $0 != 0 && $0 != 0x20 }
        guard digits.allSatisfy({ $0 >= 0x30 && $0 <= 0x37 }), digits.count <= 11 else { return nil }
        return digits.reduce(0) { $0 * 8 + Int($1 - 0x30) }
    }

    /// Copies an entry's bytes to `target`, handing each chunk to `each` (to hash it) on the way.
    public static func extract(
        _ entry: Entry, from path: String, to target: String, each: (Data) -> Void = { _ in }
    ) throws {
        guard let h = FileHandle(forReadingAtPath: path) else { throw KepuError(.cannotReadFile(name: path)) }
        defer { try? h.close() }
        guard FileManager.default.createFile(atPath: target, contents: nil, attributes: [.posixPermissions: 0o600]),
            let out = FileHandle(forWritingAtPath: target)
        else { throw KepuError(.cannotCreateFile(path: target)) }
        defer { try? out.close() }
        try h.seek(toOffset: entry.offset)
        var left = entry.size
        while left > 0 {
            guard let d = try h.read(upToCount: min(left, 1 << 16)), !d.isEmpty else {
                throw KepuError(.cannotReadFile(name: path))
            }
            each(d)
            try out.write(contentsOf: d)
            left -= d.count
        }
    }

    /// An entry's bytes, for a small one (the manifest).
    public static func read(_ entry: Entry, from path: String) throws -> Data {
        guard let h = FileHandle(forReadingAtPath: path) else { throw KepuError(.cannotReadFile(name: path)) }
        defer { try? h.close() }
        try h.seek(toOffset: entry.offset)
        return try h.read(upToCount: entry.size) ?? Data()
    }
}
