import Foundation
import Testing

@testable import KepuCore

/// zbarimg (Debian's zbar-tools) and rsvg-convert (librsvg2-bin): the independent decoder and the
/// SVG renderer the tests read kepu's codes back with. CI installs both (.ci/run).
let qrTools: (zbar: String, rsvg: String)? = {
    let zbar = "/usr/bin/zbarimg"
    let rsvg = "/usr/bin/rsvg-convert"
    let fm = FileManager.default
    return fm.isExecutableFile(atPath: zbar) && fm.isExecutableFile(atPath: rsvg) ? (zbar, rsvg) : nil
}()

/// The text zbar reads from an SVG, rendered to a PNG first.
func decodeQR(_ svg: String) throws -> String {
    let tools = try #require(qrTools)
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-qr-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let svgPath = dir.appendingPathComponent("code.svg").path
    let pngPath = dir.appendingPathComponent("code.png").path
    try svg.write(toFile: svgPath, atomically: true, encoding: .utf8)
    func run(_ tool: String, _ args: [String]) throws -> Data {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: tool)
        p.arguments = args
        let out = Pipe()
        p.standardOutput = out
        p.standardError = FileHandle.nullDevice
        try p.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return data
    }
    _ = try run(tools.rsvg, ["-w", "600", "-h", "600", "-o", pngPath, svgPath])
    let data = try run(tools.zbar, ["--raw", "-q", "-Sbinary", pngPath])
    var text = String(decoding: data, as: UTF8.self)
    if text.hasSuffix("\n") { text.removeLast() }
    return text
}

@Suite struct QRCodeTests {
    @Test func theTablesAgreeWithTheSymbolsGeometry() {
        for v in 1...10 {
            let spec = QRCode.blocks[v - 1]
            let total = spec.groups.reduce(0) { $0 + $1.count * ($1.data + spec.ecc) }
            #expect(QRCode.rawDataModules(v) / 8 == total, "version \(v)")
        }
        #expect((1...10).map(QRCode.capacity) == [14, 26, 42, 62, 84, 106, 122, 152, 180, 213])
        #expect(QRCode.maxBytes == QRCode.capacity(10))
    }

    /// The standard's worked example (ISO/IEC 18004, annex I: "01234567" at 1-M).
    @Test func reedSolomonMatchesTheStandardsExample() {
        let data: [UInt8] = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17]
        #expect(
            ReedSolomon.remainder(data, ReedSolomon.divisor(degree: 10))
                == [196, 35, 39, 119, 235, 215, 231, 226, 93, 23])
    }

    @Test func theSmallestVersionIsChosenAndTooLongIsRefused() throws {
        #expect(try QRCode("https://kepu.example/d/abc").version == 2)
        #expect(try QRCode(String(repeating: "a", count: 14)).version == 1)
        #expect(try QRCode(String(repeating: "a", count: 15)).version == 2)
        #expect(try QRCode(String(repeating: "a", count: 213)).size == 57)
        #expect(throws: KepuError(.qrTooLong(bytes: 214, limit: 213))) {
            try QRCode(String(repeating: "a", count: 214))
        }
        #expect(
            Catalogue.text(.qrTooLong(bytes: 214, limit: 213), .zh) == "二维码最多容纳 213 个字节，这段文字有 214 个字节：请用更短的网址")
        #expect(
            Catalogue.text(.qrTooLong(bytes: 214, limit: 213), .en)
                == "a QR code holds at most 213 bytes and this text has 214: use a shorter address")
    }

    @Test func theSVGIsOnePathInAQuietZone() throws {
        let svg = try QRCode("kepu").svg(title: "签到 <二维码>")
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 29 29\""))
        #expect(svg.contains("<title>签到 &lt;二维码&gt;</title>"))
        #expect(svg.components(separatedBy: "<path").count == 2)
    }

    /// zbar reads back every version's longest and shortest text, a door's URL, Chinese text, and a
    /// code made with each of the eight masks.
    @Test(.enabled(if: qrTools != nil, "needs zbar-tools and librsvg2-bin"))
    func anIndependentDecoderReadsEveryVersionAndMask() throws {
        var texts: [String] = []
        for v in 1...10 {
            let n = QRCode.capacity(v)
            texts.append(String((0..<n).map { i in "abcdefghijklmnopqrstuvwxyz0123456789/-._~:?=&"[i % 45] }))
            let shortest = (v == 1 ? 1 : QRCode.capacity(v - 1) + 1)
            texts.append("https://kepu.example/d/" + String(repeating: "Z", count: max(0, shortest - 23)))
        }
        texts.append("https://kepu.shifeng.gov.cn/d/q7Xv2n0sKp4Lm9Rt8wYz1aBcDeFgHiJk")
        texts.append("石峰区科协 全国科普日 扫码签到")
        for text in texts {
            let code = try QRCode(text)
            #expect(try decodeQR(code.svg()) == text, "version \(code.version), \(text.utf8.count) bytes")
        }
        for mask in 0..<8 {
            let text = "https://kepu.example/d/mask\(mask)"
            let code = try QRCode(bytes: Array(text.utf8), mask: mask)
            #expect(code.mask == mask)
            #expect(try decodeQR(code.svg()) == text, "mask \(mask)")
        }
    }
}

extension String {
    fileprivate subscript(_ i: Int) -> Character { self[index(startIndex, offsetBy: i)] }
}

/// The reader the fuzzer checks the encoder with: every version and mask reads back, and a flipped
/// module is caught.
@Suite struct QRReadBackTests {
    @Test func everyVersionAndMaskReadsBack() throws {
        for v in 1...10 {
            let bytes = (0..<QRCode.capacity(v)).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ v) }
            for mask in 0..<8 {
                let code = try QRCode(bytes: bytes, mask: mask)
                #expect(code.version == v)
                #expect(code.readBack() == bytes, "version \(v), mask \(mask)")
            }
        }
        #expect(try QRCode(bytes: []).readBack() == [])
    }

    @Test func aChangedModuleIsCaught() throws {
        let code = try QRCode("https://kepu.example.cn/d/abc")
        var modules = code.modules
        // A data module near the bottom right: its block's error correction no longer matches.
        let i = (code.size - 1) * code.size + (code.size - 1)
        modules[i].toggle()
        let broken = QRCode(version: code.version, mask: code.mask, modules: modules)
        #expect(broken.readBack() == nil)
    }
}
