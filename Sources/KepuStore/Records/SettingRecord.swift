import GRDB
import KepuCore

/// One of the office's settings: a key and its value (nil when cleared).
struct SettingRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "setting"
    var id: Int64? = nil
    var key: String
    var value: String?
    var updatedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension SettingRecord {
    enum Columns {
        static let key = Column("key")
    }
}
