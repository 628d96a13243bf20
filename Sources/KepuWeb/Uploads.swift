import Foundation
import Hummingbird
import KepuCore
import KepuStore
import MultipartKit
import NIOCore

/// One part of a `multipart/form-data` body: a field, or a file with the name the browser gave it.
struct FormPart: Sendable {
    var name: String
    var fileName: String?
    var body: ByteBuffer
    var text: String { String(buffer: body) }
}

/// The parts of a `multipart/form-data` request, read by MultipartKit's parser (Vapor's, kept up and
/// fuzzed there) rather than by hand. The body is limited to `limit` bytes: beyond it, 413.
func multipartParts(_ request: Request, limit: Int) async throws -> [String: FormPart] {
    guard let type = request.headers[.contentType], type.lowercased().hasPrefix("multipart/form-data"),
        let boundary = parameter("boundary", in: type), !boundary.isEmpty, boundary.utf8.count <= 200
    else { throw HTTPError(.badRequest) }
    // A little room over the file's limit for the other fields and the part headers.
    let buffer = try await collectBody(request, upTo: limit + 64 * 1024)
    let parser = MultipartParser(boundary: boundary)
    var parts: [String: FormPart] = [:]
    var headers: [String: String] = [:]
    var body = ByteBuffer()
    parser.onHeader = { name, value in headers[name.lowercased()] = value }
    parser.onBody = { chunk in body.writeBuffer(&chunk) }
    parser.onPartComplete = {
        if let disposition = headers["content-disposition"], let name = parameter("name", in: disposition) {
            parts[name] = FormPart(
                name: name, fileName: parameter("filename", in: disposition).map(baseName), body: body)
        }
        headers = [:]
        body = ByteBuffer()
    }
    do { try parser.execute(buffer) } catch { throw HTTPError(.badRequest) }
    return parts
}

/// A request's body, at most `limit` bytes: beyond it, 413 (NIO says so with an error of its own).
func collectBody(_ request: Request, upTo limit: Int) async throws -> ByteBuffer {
    do { return try await request.body.collect(upTo: limit) } catch is NIOTooManyBytesError {
        throw HTTPError(.contentTooLarge)
    }
}

/// A form POST that carries a file (read and checked by `FormTokenMiddleware`): the user, the named
/// fields trimmed, and the file part when one was chosen.
struct PostedUpload {
    var user: UserItem
    var values: [String: String]
    var file: FormPart?

    /// The chosen file and its name, or the sentence asking for one.
    func requireFile() throws -> (FormPart, String) {
        guard let file, let name = file.fileName, !name.isEmpty else { throw KepuError(.uploadMissing) }
        guard file.body.readableBytes > 0 else { throw KepuError(.uploadEmpty(name: name)) }
        return (file, name)
    }
}

/// A parameter of a header such as `form-data; name="file"; filename="签到表.xlsx"`, read as RFC 6266
/// says: a token or a quoted string (`\"` an escaped quote, `;` inside quotes part of the value), and
/// `filename*=UTF-8''%E7%AD%BE…` (RFC 5987) taken before `filename` when both are sent. Nothing else
/// is decoded: a file named `50%22.xlsx` keeps its name.
func parameter(_ key: String, in header: String) -> String? {
    let params = headerParameters(header)
    if let extended = params[key + "*"].flatMap(extendedValue) { return extended }
    return params[key]
}

/// Every `name=value` after a header's first `;`, names lowercased; the first of a repeated name.
func headerParameters(_ header: String) -> [String: String] {
    var out: [String: String] = [:]
    let chars = Array(header.unicodeScalars)
    var i = 0
    // The disposition or media type itself.
    while i < chars.count, chars[i] != ";" { i += 1 }
    while i < chars.count {
        i += 1  // the ';'
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        var name = String.UnicodeScalarView()
        while i < chars.count, chars[i] != "=", chars[i] != ";" {
            name.append(chars[i])
            i += 1
        }
        let key = String(name).trimmingCharacters(in: .whitespaces).lowercased()
        guard i < chars.count, chars[i] == "=" else { continue }
        i += 1
        while i < chars.count, chars[i] == " " || chars[i] == "\t" { i += 1 }
        var value = String.UnicodeScalarView()
        if i < chars.count, chars[i] == "\"" {
            i += 1
            while i < chars.count, chars[i] != "\"" {
                // `\"` and `\\` are escapes; any other backslash is itself (an old browser sends a
                // Windows path, `C:\Users\…`, unescaped).
                if chars[i] == "\\", i + 1 < chars.count, chars[i + 1] == "\"" || chars[i + 1] == "\\" { i += 1 }
                value.append(chars[i])
                i += 1
            }
            // Past the closing quote, to the next ';'.
            while i < chars.count, chars[i] != ";" { i += 1 }
        } else {
            while i < chars.count, chars[i] != ";" {
                value.append(chars[i])
                i += 1
            }
        }
        if !key.isEmpty, out[key] == nil {
            out[key] = String(value).trimmingCharacters(in: .whitespaces)
        }
    }
    return out
}

/// An RFC 5987 value, `UTF-8'zh-CN'%E7%AD%BE%E5%88%B0.xlsx`: UTF-8 only (what every browser sends).
func extendedValue(_ value: String) -> String? {
    let parts = value.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
    guard parts.count == 3, parts[0].lowercased() == "utf-8" else { return nil }
    return String(parts[2]).removingPercentEncoding
}

/// The name a file is kept under: what the browser sent, without the folder an old browser sends with it
/// (`C:\Users\…\签到表.xlsx`), every other path separator as `_` and control characters dropped, so
/// that `2023/09 签到表.jpg` stays `2023_09 签到表.jpg` rather than `09 签到表.jpg`.
func baseName(_ name: String) -> String {
    var name = name
    let windowsPath =
        name.range(of: "^([A-Za-z]:)?\\\\", options: .regularExpression) != nil
        || name.hasPrefix("\\\\")
    if windowsPath, let last = name.split(separator: "\\").last { name = String(last) }
    var out = ""
    for scalar in name.unicodeScalars {
        if scalar == "/" || scalar == "\\" {
            out += "_"
        } else if scalar.properties.generalCategory != .control, scalar.properties.generalCategory != .format {
            out.unicodeScalars.append(scalar)
        }
    }
    return out.trimmingCharacters(in: .whitespaces)
}

/// Files uploaded for an import, between the preview and the confirmation. Each is saved under a
/// random name in a folder beside the database, readable by its owner only (the name the browser
/// gave never reaches a path), and removed once imported, after an hour, when the server starts and
/// when it stops: a sign-in sheet with names and phones does not outlive its purpose.
actor Uploads {
    struct Pending: Sendable {
        var path: String
        var displayName: String
        var kind: String
        var event: Int64?
        var sheet: String?
        var userID: Int64
        var at: Date
        var bytes = 0
    }

    private var pending: [String: Pending] = [:]
    private let folder: URL
    static let lifetime: TimeInterval = 3600
    /// A user's pending uploads: at most this many, and this many bytes in all. A new one past either
    /// makes room by dropping the user's oldest (a preview left open in another tab): the disk a user
    /// can fill is bounded, and nobody is ever refused for what they left behind.
    static let perUser = 5
    static let bytesPerUser = 100 << 20

    /// `folder` (made owner-only), emptied of what an earlier run left; without one, a private
    /// temporary folder.
    init(folder: String? = nil) {
        self.folder =
            folder.map { URL(fileURLWithPath: $0) }
            ?? FileManager.default.temporaryDirectory.appendingPathComponent(
                "kepu-uploads-\(ProcessInfo.processInfo.processIdentifier)-\(SessionService.random(4))")
        Self.clear(self.folder.path)
    }

    /// Removes every file in an uploads folder (at start and at shutdown).
    static func clear(_ folder: String) {
        let fm = FileManager.default
        for name in (try? fm.contentsOfDirectory(atPath: folder)) ?? [] {
            try? fm.removeItem(atPath: folder + "/" + name)
        }
    }

    /// Saves an upload; its key for the confirmation, and where it was saved.
    func save(_ body: ByteBuffer, _ info: Pending) throws -> (key: String, pending: Pending) {
        sweep()
        try FileManager.default.createDirectory(
            at: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        chmod(folder.path, 0o700)
        let mine = pending.filter { $0.value.userID == info.userID }.sorted { $0.value.at < $1.value.at }
        var count = mine.count
        var bytes = mine.reduce(0) { $0 + $1.value.bytes }
        for (key, p) in mine where count >= Self.perUser || bytes + body.readableBytes > Self.bytesPerUser {
            remove(key)
            count -= 1
            bytes -= p.bytes
        }
        let key = SessionService.random(16)
        let path = folder.appendingPathComponent(key).path
        guard
            FileManager.default.createFile(
                atPath: path, contents: Data(buffer: body), attributes: [.posixPermissions: 0o600])
        else { throw HTTPError(.internalServerError) }
        var info = info
        info.path = path
        info.bytes = body.readableBytes
        pending[key] = info
        return (key, info)
    }

    /// The upload behind a key, for the user who made it.
    func find(_ key: String, userID: Int64) -> Pending? {
        sweep()
        guard let p = pending[key], p.userID == userID else { return nil }
        return p
    }

    func remove(_ key: String) {
        if let p = pending.removeValue(forKey: key) { try? FileManager.default.removeItem(atPath: p.path) }
    }

    /// A user's pending uploads (for tests).
    func count(userID: Int64) -> Int { pending.values.filter { $0.userID == userID }.count }

    /// The files in the folder (for tests).
    func files() -> [String] { (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] }

    private func sweep(now: Date = Date()) {
        for (key, p) in pending where now.timeIntervalSince(p.at) > Self.lifetime { remove(key) }
    }
}

extension WebApp {
    /// Empties an uploads folder: `kepu serve` calls it when it stops.
    public static func clearUploads(_ folder: String) { Uploads.clear(folder) }
}
