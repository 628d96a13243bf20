import Crypto
import Foundation
import GRDB
import KepuCore

/// Who is writing, with which command, and when: stamped on every audit row.
public struct AuditContext: Sendable {
    public var operatorName: String
    public var command: String
    public var now: @Sendable () -> Date
    /// The day writes default to (the event's day, else today); the CLI honours `KEPU_TODAY` here.
    public var today: @Sendable () -> CalendarDate

    public init(
        operatorName: String, command: String, now: @escaping @Sendable () -> Date = { Date() },
        today: (@Sendable () -> CalendarDate)? = nil
    ) {
        self.operatorName = operatorName
        self.command = command
        self.now = now
        self.today = today ?? { CalendarDate.today(now()) }
    }

    /// `$KEPU_USER`, else the OS user.
    public static func operatorName(environment: [String: String]) -> String {
        if let u = environment["KEPU_USER"], !u.isEmpty { return u }
        if let u = environment["USER"], !u.isEmpty { return u }
        if let pw = getpwuid(getuid()), let name = pw.pointee.pw_name { return String(cString: name) }
        return "uid \(getuid())"
    }

    public var timestamp: String { Timestamp.iso(now()) }
}

enum Timestamp {
    /// `2023-09-16T08:30:00Z`
    static func iso(_ date: Date) -> String {
        var t = time_t(date.timeIntervalSince1970.rounded(.down))
        var tm = tm()
        gmtime_r(&t, &tm)
        return String(
            format: "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
            tm.tm_hour, tm.tm_min, tm.tm_sec)
    }
}

/// The append-only, hash-chained audit trail.
enum Audit {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends a row; called inside the write transaction it records.
    static func append(
        _ db: Database, _ ctx: AuditContext, entity: String, id: Int64?, before: JSONValue?,
        after: JSONValue?
    ) throws {
        let last = AuditRecord.select(AuditRecord.Columns.hash).order(AuditRecord.Columns.id.desc).limit(1)
        let prev = try String.fetchOne(db, last) ?? genesis
        let at = ctx.timestamp
        let b = before?.render()
        let a = after?.render()
        let hash = digest(
            prev: prev, at: at, op: ctx.operatorName, command: ctx.command, entity: entity, id: id,
            before: b, after: a)
        try AuditRecord(
            id: nil, at: at, operatorName: ctx.operatorName, command: ctx.command, entity: entity, entityId: id,
            before: b, after: a, prevHash: prev, hash: hash
        ).insert(db)
    }

    static func digest(
        prev: String, at: String, op: String, command: String, entity: String, id: Int64?,
        before: String?, after: String?
    ) -> String {
        // Length-prefixed fields, so that no two different rows hash the same text.
        var text = ""
        for field in [prev, at, op, command, entity, id.map(String.init) ?? "-", before ?? "-", after ?? "-"] {
            text += "\(field.utf8.count):\(field);"
        }
        return sha256Hex(Data(text.utf8))
    }

    /// Columns never copied into the audit trail: secrets, even hashed.
    static let secret: Set<String> = ["password_hash", "token_hash", "secret"]

    static func json(_ row: Row) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (column, value) in row where !secret.contains(column) {
            switch value.storage {
            case .null: o[column] = .null
            case .int64(let i): o[column] = .int(i)
            case .double(let d): o[column] = .number("\(d)")
            case .string(let s): o[column] = .string(s)
            case .blob(let data): o[column] = .string(data.base64EncodedString())
            }
        }
        return .object(o)
    }
}

public func sha256Hex(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
}
