import GRDB
import KepuCore

/// A year's lock as listed.
public struct YearLockItem: Sendable, Hashable {
    public var year: Int
    public var lockedOn: CalendarDate
    public var reason: String
    public var lockedBy: String
    public var unlockedAt: String?
    public var unlockReason: String?
    public var unlockedBy: String?
    public var inForce: Bool { unlockedAt == nil }
}

/// 封账: `kepu year lock`, `unlock` and `status`. While a year is locked, every write dated in it is
/// refused, whatever front end makes it: the check sits in the one place every write passes, its
/// audit row (`Ledger.appendAudit`). A lock covers every unit in the database.
public struct YearService: Sendable {
    let ledger: Ledger

    public func lock(_ year: Int, reason: String) throws -> Int64 {
        try ledger.database.write { db in
            if let l = try Self.inForce(db, year: year) {
                throw KepuError(.yearAlreadyLocked(year: year, on: l.lockedOn, reason: l.reason))
            }
            var record = YearLockRecord(
                year: year, lockedOn: ledger.today, reason: reason, lockedAt: ledger.context.timestamp,
                lockedBy: ledger.context.operatorName)
            return try ledger.insert(db, &record)
        }
    }

    public func unlock(_ year: Int, reason: String) throws -> Int64 {
        try ledger.database.write { db in
            guard var l = try Self.inForce(db, year: year), let id = l.id else {
                throw KepuError(.yearNotLocked(year: year))
            }
            l.unlockedAt = ledger.context.timestamp
            l.unlockReason = reason
            l.unlockedBy = ledger.context.operatorName
            try ledger.update(db, l)
            return id
        }
    }

    /// Every lock, in force or lifted, newest first.
    public func status() throws -> [YearLockItem] {
        try ledger.database.read { db in
            try YearLockRecord.all().newestFirst().fetchAll(db).map {
                YearLockItem(
                    year: $0.year, lockedOn: $0.lockedOn, reason: $0.reason, lockedBy: $0.lockedBy,
                    unlockedAt: $0.unlockedAt, unlockReason: $0.unlockReason, unlockedBy: $0.unlockedBy)
            }
        }
    }

    static func inForce(_ db: Database, year: Int) throws -> YearLockRecord? {
        try YearLockRecord.filter(YearLockRecord.Columns.year == year).inForce().fetchOne(db)
    }

    /// Refuses a write whose record, before or after it, is dated in a locked year.
    static func check(_ db: Database, entity: String, before: JSONValue?, after: JSONValue?) throws {
        guard entity != YearLockRecord.databaseTableName else { return }
        let years = Set([before, after].compactMap { $0 }.flatMap(Self.years))
        guard !years.isEmpty else { return }
        let locks = try YearLockRecord.filter(years.contains(YearLockRecord.Columns.year)).inForce()
            .order(YearLockRecord.Columns.year).fetchAll(db)
        if let l = locks.first { throw KepuError(.yearLocked(year: l.year, on: l.lockedOn, reason: l.reason)) }
    }

    /// The years a record's snapshot is dated in: its dates, its period, its year.
    static func years(_ snapshot: JSONValue) -> [Int] {
        var out: [Int] = []
        for key in ["date", "start_date", "end_date", "period_start", "period_end", "opens_at", "closes_at"] {
            if case .string(let s)? = snapshot[key], let y = Int(s.prefix(4)) { out.append(y) }
        }
        if case .number(let n)? = snapshot["year"], let y = Int(n) { out.append(y) }
        return out
    }
}
