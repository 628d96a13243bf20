import Crypto
import Foundation
import GRDB
import KepuCore

/// Who is writing, with which command, and when: stamped on every audit row.
public struct AuditContext: Sendable {
    public var operatorName: String
    public var command: String
    public var now: @Sendable () -> Date

    public init(operatorName: String, command: String, now: @escaping @Sendable () -> Date = { Date() }) {
        self.operatorName = operatorName
        self.command = command
        self.now = now
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
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
                      tm.tm_hour, tm.tm_min, tm.tm_sec)
    }
}

/// One row of the audit trail.
public struct AuditEntry: Hashable, Sendable {
    public var id: Int64
    public var at: String
    public var operatorName: String
    public var command: String
    public var entity: String
    public var entityID: Int64?
    public var before: String?
    public var after: String?
    public var hash: String

    /// What the row records: a record added, voided, or otherwise changed.
    public var action: String {
        guard let before else { return "add" }
        let voidedBefore = before.contains("\"voided_at\":null")
        let voidedAfter = after?.contains("\"voided_at\":\"") ?? false
        return voidedBefore && voidedAfter ? "void" : "change"
    }
}

/// The append-only, hash-chained audit trail.
public enum Audit {
    static let genesis = String(repeating: "0", count: 64)

    /// Appends a row; called inside the write transaction it records.
    static func append(_ db: Database, _ ctx: AuditContext, entity: String, id: Int64?, before: JSONValue?,
                       after: JSONValue?) throws {
        let prev = try String.fetchOne(db, sql: "SELECT hash FROM audit ORDER BY id DESC LIMIT 1") ?? genesis
        let at = ctx.timestamp
        let b = before?.render()
        let a = after?.render()
        let hash = digest(prev: prev, at: at, op: ctx.operatorName, command: ctx.command, entity: entity, id: id,
                          before: b, after: a)
        try db.execute(
            sql: """
                INSERT INTO audit (at, operator, command, entity, entity_id, before, after, prev_hash, hash)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [at, ctx.operatorName, ctx.command, entity, id, b, a, prev, hash])
    }

    static func digest(prev: String, at: String, op: String, command: String, entity: String, id: Int64?,
                       before: String?, after: String?) -> String {
        // Length-prefixed fields, so that no two different rows hash the same text.
        var text = ""
        for field in [prev, at, op, command, entity, id.map(String.init) ?? "-", before ?? "-", after ?? "-"] {
            text += "\(field.utf8.count):\(field);"
        }
        return sha256Hex(Data(text.utf8))
    }

    /// A record as JSON, for the before/after of an audit row.
    static func snapshot(_ db: Database, table: String, id: Int64) throws -> JSONValue? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM \(table) WHERE id = ?", arguments: [id]) else {
            return nil
        }
        return json(row)
    }

    static func json(_ row: Row) -> JSONValue {
        var o: [String: JSONValue] = [:]
        for (column, value) in row {
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

extension Ledger {
    /// The trail, newest first.
    public func auditLog(limit: Int?) throws -> [AuditEntry] {
        try database.read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, at, operator, command, entity, entity_id, before, after, hash FROM audit
                ORDER BY id DESC LIMIT ?
                """, arguments: [limit ?? -1])
            return rows.map {
                AuditEntry(id: $0["id"], at: $0["at"], operatorName: $0["operator"], command: $0["command"],
                           entity: $0["entity"], entityID: $0["entity_id"], before: $0["before"], after: $0["after"],
                           hash: $0["hash"])
            }
        }
    }

    /// The result of recomputing the chain.
    public struct AuditVerification: Sendable, Equatable {
        public var rows: Int
        /// The first row that does not match, and why.
        public var firstBroken: (id: Int64, reason: String)?
        public static func == (a: Self, b: Self) -> Bool {
            a.rows == b.rows && a.firstBroken?.id == b.firstBroken?.id && a.firstBroken?.reason == b.firstBroken?.reason
        }
    }

    /// Recomputes every row's hash and link; reports the first row that breaks the chain.
    public func verifyAudit() throws -> AuditVerification {
        try database.read { db in
            var prev = Audit.genesis
            var count = 0
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT id, at, operator, command, entity, entity_id, before, after, prev_hash, hash FROM audit ORDER BY id
                """)
            var expectedID: Int64 = 1
            while let r = try cursor.next() {
                count += 1
                let id: Int64 = r["id"]
                if id != expectedID {
                    return AuditVerification(rows: count, firstBroken: (id, "rows \(expectedID)–\(id - 1) are missing"))
                }
                expectedID += 1
                let stored: String = r["prev_hash"]
                if stored != prev {
                    return AuditVerification(rows: count, firstBroken: (id, "it does not link to the row before it"))
                }
                let h = Audit.digest(prev: stored, at: r["at"], op: r["operator"], command: r["command"], entity: r["entity"],
                                     id: r["entity_id"], before: r["before"], after: r["after"])
                if h != r["hash"] {
                    return AuditVerification(rows: count, firstBroken: (id, "its contents do not match its hash"))
                }
                prev = h
            }
            return AuditVerification(rows: count, firstBroken: nil)
        }
    }
}
