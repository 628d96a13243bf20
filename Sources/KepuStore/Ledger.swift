import Foundation
import GRDB
import KepuCore

/// The ledger of one database: its services, each responsible for one kind of record.
///
/// Every write is one transaction with its audit rows. Services return data and typed errors,
/// never sentences: the front ends word them through the catalogue.
public struct Ledger: Sendable {
    public let database: AppDatabase
    public let context: AuditContext

    public init(database: AppDatabase, context: AuditContext) {
        self.database = database
        self.context = context
    }

    public var plans: PlanService { PlanService(ledger: self) }
    public var events: EventService { EventService(ledger: self) }
    public var attendance: AttendanceService { AttendanceService(ledger: self) }
    public var money: MoneyService { MoneyService(ledger: self) }
    public var volunteers: VolunteerService { VolunteerService(ledger: self) }
    public var surveys: SurveyService { SurveyService(ledger: self) }
    public var evaluation: EvaluationService { EvaluationService(ledger: self) }
    public var imports: ImportService { ImportService(ledger: self) }
    public var evidence: EvidenceService { EvidenceService(ledger: self) }
    public var audit: AuditService { AuditService(ledger: self) }
    public var archive: ArchiveService { ArchiveService(ledger: self) }
    public var corrections: CorrectionService { CorrectionService(ledger: self) }
    public var stats: StatsService { StatsService(ledger: self) }
    public var years: YearService { YearService(ledger: self) }
    public var users: UserService { UserService(ledger: self) }
    public var sessions: SessionService { SessionService(ledger: self) }
    public var doors: DoorService { DoorService(ledger: self) }
    public var settings: SettingsService { SettingsService(ledger: self) }

    /// Today, from the context's clock (`KEPU_TODAY` in the CLI).
    var today: CalendarDate { context.today() }
}

// MARK: - Audited writes shared by the services

extension Ledger {
    func appendAudit(_ db: Database, _ entity: String, _ id: Int64?, before: JSONValue? = nil, after: JSONValue? = nil)
        throws
    {
        // 封账: a write dated in a locked year goes no further, whichever front end made it.
        try YearService.check(db, entity: entity, before: before, after: after)
        try Audit.append(db, context, entity: entity, id: id, before: before, after: after)
    }

    /// Inserts a record and audits it; returns the new id.
    @discardableResult
    func insert<R: AuditedRecord>(_ db: Database, _ record: inout R) throws -> Int64 {
        try record.insert(db)
        guard let id = record.id else { throw KepuError(.databaseRefused(path: database.path ?? "", detail: "no id")) }
        try appendAudit(db, R.databaseTableName, id, after: try R.snapshot(db, id: id))
        return id
    }

    /// Inserts a record that a later audit row of the same write accounts for (an import's own row).
    @discardableResult
    func insertUnaudited<R: AuditedRecord>(_ db: Database, _ record: inout R) throws -> Int64 {
        try record.insert(db)
        guard let id = record.id else { throw KepuError(.databaseRefused(path: database.path ?? "", detail: "no id")) }
        return id
    }

    /// Saves a changed record and audits its before and after.
    func update<R: AuditedRecord>(_ db: Database, _ record: R) throws {
        guard let id = record.id else { return }
        let before = try R.snapshot(db, id: id)
        try record.update(db)
        try appendAudit(db, R.databaseTableName, id, before: before, after: try R.snapshot(db, id: id))
    }

    /// Starts a void: the records it voids carry the batch's id, so that a restore undoes exactly it.
    func voidBatch(_ db: Database, reason: String, root: RecordKind, id: Int64) throws -> Int64 {
        var batch = VoidBatchRecord(
            id: nil, at: context.timestamp, reason: reason, rootEntity: root.rawValue, rootId: id, restoredAt: nil,
            restoreReason: nil)
        return try insert(db, &batch)
    }

    /// Voids a record with a reason as part of a batch, audited; nothing is deleted.
    func void<R: VoidableRecord>(_ db: Database, _ record: inout R, reason: String, batch: Int64) throws {
        record.voidedAt = context.timestamp
        record.voidReason = reason
        record.voidBatch = batch
        try update(db, record)
    }

    /// Undoes a record's void, audited.
    func unvoid<R: VoidableRecord>(_ db: Database, _ record: inout R) throws {
        record.voidedAt = nil
        record.voidReason = nil
        record.voidBatch = nil
        try update(db, record)
    }
}
