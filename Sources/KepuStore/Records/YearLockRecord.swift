import GRDB
import KepuCore

/// 封账: a year locked against every write dated in it.
struct YearLockRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "year_lock"
    var id: Int64? = nil
    var year: Int
    var lockedOn: CalendarDate
    var reason: String
    var lockedAt: String
    var lockedBy: String
    var unlockedAt: String? = nil
    var unlockReason: String? = nil
    var unlockedBy: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension YearLockRecord {
    enum Columns {
        static let id = Column("id")
        static let year = Column("year")
        static let unlockedAt = Column("unlocked_at")
    }
}

extension DerivableRequest<YearLockRecord> {
    /// The locks not lifted.
    func inForce() -> Self {
        filter(YearLockRecord.Columns.unlockedAt == nil)
    }

    /// The latest year first; a year's locks newest first.
    func newestFirst() -> Self {
        order(YearLockRecord.Columns.year.desc, YearLockRecord.Columns.id.desc)
    }
}
