import GRDB
import KepuCore

/// An indicator's deviation reason, measures and manual score for a year.
struct NoteRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "note"
    var id: Int64? = nil
    var unitId: Int64
    var year: Int
    var indicator: String
    var reason: String?
    var measures: String?
    var scoreE4: Int64?
    var scoreWhy: String?
    var updatedAt: String
    var actualText: String? = nil

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension NoteRecord {
    enum Columns {
        static let unitId = Column("unit_id")
        static let year = Column("year")
        static let indicator = Column("indicator")
    }
}

extension DerivableRequest<NoteRecord> {
    func orderByIndicator() -> Self {
        order(NoteRecord.Columns.indicator)
    }
}

extension NoteRecord: UnitYearRecord {}
