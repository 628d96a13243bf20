import GRDB
import GRDBSQLite
import KepuCore

/// Binds and steps a prepared statement through SQLite's C API: an import's hot loop, where
/// GRDB's per-call argument boxing and C-string copies would cost more than SQLite's own work.
/// Measured in the benchmark (sign-in import against the sqlite3 shell); every result code is checked.
struct FastInsert {
    let statement: Statement
    let db: Database
    static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    func reset() { sqlite3_reset(statement.sqliteStatement) }

    func bind(_ column: Int32, _ value: Int64) throws {
        try check(sqlite3_bind_int64(statement.sqliteStatement, column, value))
    }

    /// Binds a string's UTF-8 bytes directly (native Swift strings are contiguous UTF-8).
    func bind(_ column: Int32, _ value: String?) throws {
        let s = statement.sqliteStatement
        guard var value else {
            try check(sqlite3_bind_null(s, column))
            return
        }
        let rc = value.withUTF8 { buf in
            buf.withMemoryRebound(to: CChar.self) {
                sqlite3_bind_text(s, column, $0.baseAddress, Int32($0.count), FastInsert.transient)
            }
        }
        try check(rc)
    }

    func step() throws {
        let rc = sqlite3_step(statement.sqliteStatement)
        guard rc == SQLITE_DONE else { throw error(rc) }
    }

    private func check(_ rc: Int32) throws {
        guard rc == SQLITE_OK else { throw error(rc) }
    }

    private func error(_ rc: Int32) -> DatabaseError {
        DatabaseError(
            resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(db.sqliteConnection)))
    }
}
