import Foundation
import GRDB
import KepuCore

/// A record whose writes are audited: columns in snake case, snapshots as JSON for the audit trail.
protocol AuditedRecord: Codable, FetchableRecord, MutablePersistableRecord {
    var id: Int64? { get }
}

extension AuditedRecord {
    static var databaseColumnDecodingStrategy: DatabaseColumnDecodingStrategy { .convertFromSnakeCase }
    static var databaseColumnEncodingStrategy: DatabaseColumnEncodingStrategy { .convertToSnakeCase }

    /// The record as the database holds it, for the before/after of an audit row.
    static func snapshot(_ db: Database, id: Int64) throws -> JSONValue? {
        try Row.fetchOne(db, filter(key: id)).map(Audit.json)
    }
}

/// A record that is voided with a reason, never deleted.
protocol VoidableRecord: AuditedRecord {
    var voidedAt: String? { get set }
    var voidReason: String? { get set }
    /// The void that voided it: restoring that void restores it.
    var voidBatch: Int64? { get set }
}

extension VoidableRecord {
    var isVoided: Bool { voidedAt != nil }
}

/// The columns several tables share, for an expression applied to the rows of several tables at once
/// (a void takes rows of every ledger table along, an event's detail lists them all). A record's own
/// columns are its `Columns`.
enum LedgerColumns {
    static let id = Column("id")
    /// The event a row of attendance, cost, print run, survey, sign-up or evidence is recorded against.
    static let eventId = Column("event_id")
    static let date = Column("date")
    static let voidedAt = Column("voided_at")
    static let voidBatch = Column("void_batch")
}

/// A record kept per unit and year (a plan, a note, a baseline, 基本支出, a budget adjustment): found by both.
protocol UnitYearRecord: TableRecord {}

extension DerivableRequest where RowDecoder: UnitYearRecord {
    /// The unit's rows for the year.
    func filter(unit: Int64, year: Int) -> Self {
        filter(Column("unit_id") == unit && Column("year") == year)
    }
}

extension DerivableRequest where RowDecoder: VoidableRecord {
    /// The rows not voided.
    func live() -> Self {
        filter(LedgerColumns.voidedAt == nil)
    }
}

/// Ledger dates are stored as ISO text (`2023-09-16`), which sorts and range-filters with an index.
extension CalendarDate: DatabaseValueConvertible {
    public var databaseValue: DatabaseValue { description.databaseValue }

    public static func fromDatabaseValue(_ dbValue: DatabaseValue) -> CalendarDate? {
        guard let s = String.fromDatabaseValue(dbValue) else { return nil }
        return try? CalendarDate.parse(s)
    }
}

extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let s = try decoder.singleValueContainer().decode(String.self)
        self = try CalendarDate.parse(s)
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        try c.encode(description)
    }
}

/// The audit trail's row; its columns are fixed by the hash chain.
struct AuditRecord: Codable, FetchableRecord, PersistableRecord {
    static let databaseTableName = "audit"
    var id: Int64?
    var at: String
    var operatorName: String
    var command: String
    var entity: String
    var entityId: Int64?
    var before: String?
    var after: String?
    var prevHash: String
    var hash: String

    enum CodingKeys: String, CodingKey {
        case id, at, command, entity, before, after, hash
        case operatorName = "operator"
        case entityId = "entity_id"
        case prevHash = "prev_hash"
    }
}

extension AuditRecord {
    enum Columns {
        static let id = Column(CodingKeys.id)
        static let at = Column(CodingKeys.at)
        static let operatorName = Column(CodingKeys.operatorName)
        static let entity = Column(CodingKeys.entity)
        static let entityId = Column(CodingKeys.entityId)
        static let hash = Column(CodingKeys.hash)
    }
}

/// One void: the records it voided share its id.
struct VoidBatchRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "void_batch"
    var id: Int64?
    var at: String
    var reason: String
    var rootEntity: String
    var rootId: Int64
    var restoredAt: String?
    var restoreReason: String?

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}
