import GRDB
import KepuCore

/// An imported spreadsheet, known by its SHA-256 so that it is never imported twice.
struct ImportFileRecord: Codable, Hashable, FetchableRecord, MutablePersistableRecord, AuditedRecord {
    static let databaseTableName = "import_file"
    var id: Int64? = nil
    var kind: String
    var fileName: String
    var sha256: String
    var rows: Int
    var importedAt: String

    mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

extension ImportFileRecord {
    enum Columns {
        static let sha256 = Column("sha256")
    }
}
