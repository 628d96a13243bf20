/// A QR code (ISO/IEC 18004) of some bytes: byte mode, error correction level M, versions 1 to 10
/// (up to 213 bytes: a door's URL is well under 100), the mask chosen by the standard's penalty rules.
///
/// kepu makes its own because nothing SwiftPM can resolve here encodes QR and a C library would break
/// the build on a fresh machine; the subset a URL needs is small. Tests read its output back with an
/// independent decoder (zbar).
public struct QRCode: Sendable, Hashable {
    /// 1…10; the symbol is `17 + 4 × version` modules a side.
    public let version: Int
    public let size: Int
    /// The mask pattern applied (0…7).
    public let mask: Int
    /// Row-major, `true` for a dark module.
    public let modules: [Bool]

    /// The most bytes a version-10-M symbol holds in byte mode.
    public static let maxBytes = 213

    public subscript(_ x: Int, _ y: Int) -> Bool { modules[y * size + x] }

    /// A symbol as given (the tests' altered codes).
    init(version: Int, mask: Int, modules: [Bool]) {
        self.version = version
        size = 17 + 4 * version
        self.mask = mask
        self.modules = modules
    }

    /// The code of `text`'s UTF-8 bytes, in the smallest version that holds them.
    public init(_ text: String) throws { try self.init(bytes: Array(text.utf8)) }

    /// `mask` forces a mask pattern (the tests read every one); by default the one with the lowest
    /// penalty.
    public init(bytes: [UInt8], mask forced: Int? = nil) throws {
        guard let version = (1...10).first(where: { Self.capacity($0) >= bytes.count }) else {
            throw KepuError(.qrTooLong(bytes: bytes.count, limit: Self.maxBytes))
        }
        let codewords = Self.interleave(Self.dataCodewords(bytes, version: version), version: version)
        var m = Matrix(version: version)
        m.drawFunctionPatterns()
        m.drawCodewords(codewords)
        var best = (mask: 0, penalty: Int.max, matrix: m)
        for mask in forced.map({ [$0] }) ?? Array(0..<8) {
            var candidate = m
            candidate.apply(mask: mask)
            candidate.drawFormatBits(mask: mask)
            let penalty = forced == nil ? candidate.penalty() : 0
            if penalty < best.penalty { best = (mask, penalty, candidate) }
        }
        self.version = version
        size = m.size
        mask = best.mask
        modules = best.matrix.dark
    }

    /// The code as an SVG image: one path of dark modules on white, with the standard's 4-module quiet
    /// zone, scaling to whatever size the page gives it.
    public func svg(title: String? = nil) -> String {
        let side = size + 8
        var path = ""
        for y in 0..<size {
            var x = 0
            while x < size {
                guard self[x, y] else {
                    x += 1
                    continue
                }
                var run = 1
                while x + run < size && self[x + run, y] { run += 1 }
                path += "M\(x + 4) \(y + 4)h\(run)v1h-\(run)z"
                x += run
            }
        }
        let label = title.map { "<title>\(Self.escapeXML($0))</title>" } ?? ""
        return
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(side) \(side)\" shape-rendering=\"crispEdges\" role=\"img\">\(label)<rect width=\"\(side)\" height=\"\(side)\" fill=\"#fff\"/><path d=\"\(path)\" fill=\"#000\"/></svg>"
    }

    /// The bytes read back from the modules, or nil when they don't hold a well-formed symbol: the
    /// format bits name level M and the mask, every block's error-correction codewords match its data,
    /// and the data is one byte-mode segment. The reverse of `init(bytes:)`, for tests and the fuzzer
    /// (an independent decoder, zbar, reads the codes in the tests too).
    public func readBack() -> [UInt8]? {
        guard (1...10).contains(version), size == 17 + 4 * version, modules.count == size * size else { return nil }
        var reference = Matrix(version: version)
        reference.drawFunctionPatterns()
        reference.drawFormatBits(mask: mask)
        var m = Matrix(version: version)
        m.function = reference.function
        m.dark = modules
        // The function patterns and the format bits, exactly.
        for i in 0..<(size * size) where reference.function[i] && reference.dark[i] != modules[i] { return nil }
        m.apply(mask: mask)
        var codewords: [UInt8] = []
        var byte: UInt8 = 0
        var bits = 0
        for i in m.dataModules() {
            byte = byte << 1 | (m.dark[i] ? 1 : 0)
            bits += 1
            if bits == 8 {
                codewords.append(byte)
                byte = 0
                bits = 0
            }
        }
        let spec = Self.blocks[version - 1]
        let lengths = spec.groups.flatMap { g in Array(repeating: g.data, count: g.count) }
        guard codewords.count >= Self.dataCount(version) + spec.ecc * lengths.count else { return nil }
        var blocks = lengths.map { _ in [UInt8]() }
        var k = 0
        for i in 0..<(lengths.max() ?? 0) {
            for b in blocks.indices where i < lengths[b] {
                blocks[b].append(codewords[k])
                k += 1
            }
        }
        let divisor = ReedSolomon.divisor(degree: spec.ecc)
        for i in 0..<spec.ecc {
            for b in blocks.indices
            where ReedSolomon.remainder(blocks[b], divisor)[i] != codewords[k + i * blocks.count + b] {
                return nil
            }
        }
        let data = blocks.flatMap { $0 }
        func bit(_ i: Int) -> Int { Int(data[i >> 3] >> (7 - UInt8(i & 7)) & 1) }
        func read(_ from: Int, _ count: Int) -> Int { (0..<count).reduce(0) { $0 << 1 | bit(from + $1) } }
        guard read(0, 4) == 0b0100 else { return nil }
        let countBits = version < 10 ? 8 : 16
        let n = read(4, countBits)
        guard 4 + countBits + 8 * n <= data.count * 8 else { return nil }
        return (0..<n).map { UInt8(read(4 + countBits + 8 * $0, 8)) }
    }

    static func escapeXML(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    // MARK: The tables (level M)

    /// Per version: error-correction codewords per block, and the blocks as (count, data codewords).
    static let blocks: [(ecc: Int, groups: [(count: Int, data: Int)])] = [
        (10, [(1, 16)]), (16, [(1, 28)]), (26, [(1, 44)]), (18, [(2, 32)]), (24, [(2, 43)]),
        (16, [(4, 27)]), (18, [(4, 31)]), (22, [(2, 38), (2, 39)]), (22, [(3, 36), (2, 37)]),
        (26, [(4, 43), (1, 44)]),
    ]

    static let alignment: [[Int]] = [
        [], [6, 18], [6, 22], [6, 26], [6, 30], [6, 34], [6, 22, 38], [6, 24, 42], [6, 26, 46], [6, 28, 50],
    ]

    static func dataCount(_ version: Int) -> Int {
        blocks[version - 1].groups.reduce(0) { $0 + $1.count * $1.data }
    }

    /// Bytes that fit: the data bits less the mode (4) and the count (8 bits, 16 from version 10).
    static func capacity(_ version: Int) -> Int {
        (dataCount(version) * 8 - 4 - (version < 10 ? 8 : 16)) / 8
    }

    /// The modules left for data and error correction once the function patterns are drawn.
    static func rawDataModules(_ version: Int) -> Int {
        var result = (16 * version + 128) * version + 64
        if version >= 2 {
            let align = version / 7 + 2
            result -= (25 * align - 10) * align - 55
            if version >= 7 { result -= 36 }
        }
        return result
    }

    // MARK: Data

    /// Mode, count, the bytes, the terminator, and the pad codewords 0xEC 0x11.
    static func dataCodewords(_ bytes: [UInt8], version: Int) -> [UInt8] {
        var bits: [Bool] = []
        func append(_ value: Int, _ count: Int) {
            for i in stride(from: count - 1, through: 0, by: -1) { bits.append((value >> i) & 1 == 1) }
        }
        append(0b0100, 4)
        append(bytes.count, version < 10 ? 8 : 16)
        for b in bytes { append(Int(b), 8) }
        let capacityBits = dataCount(version) * 8
        append(0, min(4, capacityBits - bits.count))
        append(0, (8 - bits.count % 8) % 8)
        var out: [UInt8] = stride(from: 0, to: bits.count, by: 8).map { start in
            (0..<8).reduce(UInt8(0)) { $0 << 1 | (bits[start + $1] ? 1 : 0) }
        }
        var pad: UInt8 = 0xEC
        while out.count < dataCount(version) {
            out.append(pad)
            pad = pad == 0xEC ? 0x11 : 0xEC
        }
        return out
    }

    /// The data split into blocks, each with its Reed–Solomon codewords, interleaved.
    static func interleave(_ data: [UInt8], version: Int) -> [UInt8] {
        let spec = blocks[version - 1]
        let divisor = ReedSolomon.divisor(degree: spec.ecc)
        var dataBlocks: [[UInt8]] = []
        var offset = 0
        for group in spec.groups {
            for _ in 0..<group.count {
                dataBlocks.append(Array(data[offset..<offset + group.data]))
                offset += group.data
            }
        }
        let eccBlocks = dataBlocks.map { ReedSolomon.remainder($0, divisor) }
        var out: [UInt8] = []
        for i in 0..<(dataBlocks.map(\.count).max() ?? 0) {
            for b in dataBlocks where i < b.count { out.append(b[i]) }
        }
        for i in 0..<spec.ecc {
            for b in eccBlocks { out.append(b[i]) }
        }
        return out
    }

    // MARK: The symbol

    struct Matrix: Hashable {
        let version: Int
        let size: Int
        var dark: [Bool]
        var function: [Bool]

        init(version: Int) {
            self.version = version
            size = 17 + 4 * version
            dark = Array(repeating: false, count: size * size)
            function = dark
        }

        mutating func set(_ x: Int, _ y: Int, _ value: Bool) {
            dark[y * size + x] = value
            function[y * size + x] = true
        }

        mutating func drawFunctionPatterns() {
            for i in 0..<size {
                set(6, i, i % 2 == 0)
                set(i, 6, i % 2 == 0)
            }
            for (cx, cy) in [(3, 3), (size - 4, 3), (3, size - 4)] {
                for dy in -4...4 {
                    for dx in -4...4 {
                        let x = cx + dx
                        let y = cy + dy
                        guard x >= 0, x < size, y >= 0, y < size else { continue }
                        let d = max(abs(dx), abs(dy))
                        set(x, y, d != 2 && d != 4)
                    }
                }
            }
            let centres = QRCode.alignment[version - 1]
            for (i, cy) in centres.enumerated() {
                for (j, cx) in centres.enumerated() {
                    let last = centres.count - 1
                    if (i == 0 && j == 0) || (i == 0 && j == last) || (i == last && j == 0) { continue }
                    for dy in -2...2 {
                        for dx in -2...2 { set(cx + dx, cy + dy, max(abs(dx), abs(dy)) != 1) }
                    }
                }
            }
            // Reserved now, written once the mask is known.
            drawFormatBits(mask: 0)
            if version >= 7 {
                var rem = version
                for _ in 0..<12 { rem = (rem << 1) ^ ((rem >> 11) * 0x1F25) }
                let bits = version << 12 | rem
                for i in 0..<18 {
                    let bit = (bits >> i) & 1 == 1
                    let a = size - 11 + i % 3
                    let b = i / 3
                    set(a, b, bit)
                    set(b, a, bit)
                }
            }
        }

        /// Level M (00) and the mask, BCH-protected, in both copies, and the dark module.
        mutating func drawFormatBits(mask: Int) {
            let data = 0b00 << 3 | mask
            var rem = data
            for _ in 0..<10 { rem = (rem << 1) ^ ((rem >> 9) * 0x537) }
            let bits = (data << 10 | rem) ^ 0x5412
            func bit(_ i: Int) -> Bool { (bits >> i) & 1 == 1 }
            for i in 0...5 { set(8, i, bit(i)) }
            set(8, 7, bit(6))
            set(8, 8, bit(7))
            set(7, 8, bit(8))
            for i in 9..<15 { set(14 - i, 8, bit(i)) }
            for i in 0..<8 { set(size - 1 - i, 8, bit(i)) }
            for i in 8..<15 { set(8, size - 15 + i, bit(i)) }
            set(8, size - 8, true)
        }

        /// The modules that hold data, in the standard's zigzag: two columns at a time from the bottom
        /// right, up then down, skipping the vertical timing column and every function module.
        func dataModules() -> [Int] {
            var out: [Int] = []
            var right = size - 1
            while right >= 1 {
                if right == 6 { right = 5 }
                for vert in 0..<size {
                    for j in 0..<2 {
                        let x = right - j
                        let upward = (right + 1) & 2 == 0
                        let y = upward ? size - 1 - vert : vert
                        if !function[y * size + x] { out.append(y * size + x) }
                    }
                }
                right -= 2
            }
            return out
        }

        /// The codewords' bits placed in the data modules, in order.
        mutating func drawCodewords(_ codewords: [UInt8]) {
            for (i, module) in dataModules().prefix(codewords.count * 8).enumerated() {
                dark[module] = (codewords[i >> 3] >> (7 - (i & 7))) & 1 == 1
            }
        }

        mutating func apply(mask: Int) {
            for y in 0..<size {
                for x in 0..<size where !function[y * size + x] {
                    let flip: Bool
                    switch mask {
                    case 0: flip = (x + y) % 2 == 0
                    case 1: flip = y % 2 == 0
                    case 2: flip = x % 3 == 0
                    case 3: flip = (x + y) % 3 == 0
                    case 4: flip = (x / 3 + y / 2) % 2 == 0
                    case 5: flip = x * y % 2 + x * y % 3 == 0
                    case 6: flip = (x * y % 2 + x * y % 3) % 2 == 0
                    default: flip = ((x + y) % 2 + x * y % 3) % 2 == 0
                    }
                    if flip { dark[y * size + x].toggle() }
                }
            }
        }

        /// The standard's four penalty rules: runs of five or more, 2×2 blocks, finder-like
        /// patterns, and the balance of dark and light.
        func penalty() -> Int {
            var score = 0
            func at(_ x: Int, _ y: Int) -> Bool { dark[y * size + x] }
            let finderA: [Bool] = [true, false, true, true, true, false, true, false, false, false, false]
            let finderB: [Bool] = finderA.reversed()
            for horizontal in [true, false] {
                for a in 0..<size {
                    var line: [Bool] = []
                    line.reserveCapacity(size)
                    for b in 0..<size { line.append(horizontal ? at(b, a) : at(a, b)) }
                    var run = 1
                    for b in 1..<size {
                        if line[b] == line[b - 1] {
                            run += 1
                        } else {
                            if run >= 5 { score += run - 2 }
                            run = 1
                        }
                    }
                    if run >= 5 { score += run - 2 }
                    if size >= 11 {
                        for b in 0...(size - 11) {
                            let slice = line[b..<b + 11]
                            if slice.elementsEqual(finderA) || slice.elementsEqual(finderB) { score += 40 }
                        }
                    }
                }
            }
            for y in 0..<size - 1 {
                for x in 0..<size - 1 {
                    let c = at(x, y)
                    if c == at(x + 1, y) && c == at(x, y + 1) && c == at(x + 1, y + 1) { score += 3 }
                }
            }
            let total = size * size
            let darkCount = dark.reduce(0) { $0 + ($1 ? 1 : 0) }
            let k = (abs(darkCount * 20 - total * 10) + total - 1) / total - 1
            score += k * 10
            return score
        }
    }
}

/// Reed–Solomon error correction over GF(2⁸) with the QR polynomial x⁸ + x⁴ + x³ + x² + 1.
enum ReedSolomon {
    static func multiply(_ x: UInt8, _ y: UInt8) -> UInt8 {
        var z: Int = 0
        for i in stride(from: 7, through: 0, by: -1) {
            z = (z << 1) ^ ((z >> 7) * 0x11D)
            z ^= ((Int(y) >> i) & 1) * Int(x)
        }
        return UInt8(z & 0xFF)
    }

    /// The generator polynomial of `degree`, its leading 1 left out, highest power first.
    static func divisor(degree: Int) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: degree)
        result[degree - 1] = 1
        var root: UInt8 = 1
        for _ in 0..<degree {
            for j in 0..<degree {
                result[j] = multiply(result[j], root)
                if j + 1 < degree { result[j] ^= result[j + 1] }
            }
            root = multiply(root, 0x02)
        }
        return result
    }

    static func remainder(_ data: [UInt8], _ divisor: [UInt8]) -> [UInt8] {
        var result = [UInt8](repeating: 0, count: divisor.count)
        for b in data {
            let factor = b ^ result.removeFirst()
            result.append(0)
            for i in 0..<divisor.count { result[i] ^= multiply(divisor[i], factor) }
        }
        return result
    }
}
