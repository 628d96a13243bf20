import Foundation
import GRDB
import KepuCore

/// The result of recomputing the chain.
public struct AuditVerification: Sendable, Equatable {
    public var rows: Int
    /// The first row that does not match, and why.
    public var firstBroken: (id: Int64, reason: AuditBreak)?

    public static func == (a: Self, b: Self) -> Bool {
        a.rows == b.rows && a.firstBroken?.id == b.firstBroken?.id && a.firstBroken?.reason == b.firstBroken?.reason
    }
}

/// Reads and verifies the append-only, hash-chained audit trail.
public struct AuditService: Sendable {
    let ledger: Ledger

    /// The trail, newest first.
    /// Which audit rows `kepu log` shows.
    public struct Filter: Sendable {
        public var since: Date?
        public var until: Date?
        public var entity: RecordKind?
        public var id: Int64?
        public var operatorName: String?
        public var limit: Int?
        /// Rows skipped before the first one returned (a page of the web's list).
        public var offset: Int
        public init(
            since: Date? = nil, until: Date? = nil, entity: RecordKind? = nil, id: Int64? = nil,
            operatorName: String? = nil, limit: Int? = nil, offset: Int = 0
        ) {
            self.offset = offset
            self.since = since
            self.until = until
            self.entity = entity
            self.id = id
            self.operatorName = operatorName
            self.limit = limit
        }
    }

    /// The ledger's version: the last audit row's id. Every write appends a row, so anything computed
    /// from the ledger stays valid while this stays the same.
    public func version() throws -> Int64 {
        try ledger.database.read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM audit") ?? 0 }
    }

    /// The trail, newest first.
    public func log(limit: Int?) throws -> [AuditEntry] { try log(Filter(limit: limit)) }

    /// The trail's rows that match, newest first.
    public func log(_ f: Filter) throws -> [AuditEntry] {
        try ledger.database.read { db in
            try Self.request(f).limit(f.limit ?? -1, offset: f.offset).fetchAll(db).map {
                AuditEntry(
                    id: $0.id ?? 0, at: $0.at, operatorName: $0.operatorName, command: $0.command, entity: $0.entity,
                    entityID: $0.entityId, before: $0.before, after: $0.after, hash: $0.hash)
            }
        }
    }

    /// How many rows match (every page of them).
    public func count(_ f: Filter) throws -> Int {
        try ledger.database.read { db in try Self.request(f).fetchCount(db) }
    }

    static func request(_ f: Filter) -> QueryInterfaceRequest<AuditRecord> {
        var request = AuditRecord.order(AuditRecord.Columns.id.desc)
        if let since = f.since { request = request.filter(AuditRecord.Columns.at >= Timestamp.iso(since)) }
        if let until = f.until { request = request.filter(AuditRecord.Columns.at < Timestamp.iso(until)) }
        if let entity = f.entity { request = request.filter(AuditRecord.Columns.entity == entity.rawValue) }
        if let id = f.id { request = request.filter(AuditRecord.Columns.entityId == id) }
        if let op = f.operatorName { request = request.filter(AuditRecord.Columns.operatorName == op) }
        return request
    }

    /// Recomputes every row's hash and link; reports the first row that breaks the chain.
    public func verify() throws -> AuditVerification {
        try ledger.database.read { db in
            var prev = Audit.genesis
            var count = 0
            let cursor = try AuditRecord.order(AuditRecord.Columns.id).fetchCursor(db)
            var expectedID: Int64 = 1
            while let r = try cursor.next() {
                count += 1
                let id = r.id ?? 0
                if id != expectedID {
                    return AuditVerification(rows: count, firstBroken: (id, .missingRows(from: expectedID, to: id - 1)))
                }
                expectedID += 1
                if r.prevHash != prev {
                    return AuditVerification(rows: count, firstBroken: (id, .unlinked))
                }
                let h = Audit.digest(
                    prev: r.prevHash, at: r.at, op: r.operatorName, command: r.command, entity: r.entity,
                    id: r.entityId, before: r.before, after: r.after)
                if h != r.hash {
                    return AuditVerification(rows: count, firstBroken: (id, .altered))
                }
                prev = h
            }
            return AuditVerification(rows: count, firstBroken: nil)
        }
    }
}
