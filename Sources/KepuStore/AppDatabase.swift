import Foundation
import GRDB
import KepuCore

/// Owns the connection to one kepu database file and its schema.
///
/// Only `create` makes a file. `open` refuses, with one sentence and without writing anything, a
/// missing file, a file that is not SQLite or not kepu's, a damaged one, and one from a newer kepu.
public final class AppDatabase: Sendable {
    public let writer: DatabaseQueue
    /// The file, or nil for an in-memory database.
    public let path: String?

    init(writer: DatabaseQueue, path: String?) {
        self.writer = writer
        self.path = path
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        // Two staff may write at once: wait for the other writer instead of failing.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        return config
    }

    /// A fresh, migrated in-memory database, for tests and dry runs.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        return AppDatabase(writer: queue, path: nil)
    }

    /// Creates a new database file readable by its owner only; refuses to touch an existing one.
    public static func create(at path: String) throws -> AppDatabase {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) {
            throw KepuError("\(path) already exists; kepu init never overwrites a database (choose another --db)")
        }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(atPath: dir, withIntermediateDirectories: true,
                                       attributes: [.posixPermissions: 0o700])
            } catch {
                throw KepuError("cannot create the folder \(dir) for the database: \(error.localizedDescription)")
            }
        }
        // SQLite gives the -wal and -shm files the main file's permissions, so all three stay private.
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KepuError("cannot create the database file \(path): check that the folder is writable")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try Migrations.migrator.migrate(queue)
            return AppDatabase(writer: queue, path: path)
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Opens an existing kepu database, applying any migrations this kepu adds.
    public static func open(at path: String) throws -> AppDatabase {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else {
            throw KepuError("there is no kepu database at \(path); create one with: kepu init --db \(path)")
        }
        guard !isDir.boolValue else { throw KepuError("\(path) is a folder, not a kepu database file") }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw KepuError("cannot read \(path): check its permissions")
        }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header.count == 16 else {
            throw KepuError("\(path) is empty or truncated, not a kepu database; create one with: kepu init --db <new file>")
        }
        guard header == Data("SQLite format 3\0".utf8) else {
            throw KepuError("\(path) is not a kepu database: it is not an SQLite file at all")
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if appID != Migrations.applicationID {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    throw KepuError(tables == 0
                        ? "\(path) is an empty SQLite file, not a kepu database; create one with: kepu init --db <new file>"
                        : "\(path) is an SQLite database, but not a kepu one (it has \(tables) tables of another program)")
                }
                if try Migrations.migrator.hasBeenSuperseded(db) {
                    throw KepuError("\(path) was written by a newer version of kepu; upgrade kepu to open it (nothing was changed)")
                }
            }
            try Migrations.migrator.migrate(queue)
            return AppDatabase(writer: queue, path: path)
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it is written, or none of it.
    ///
    /// IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) rather than
    /// failing halfway when two staff write at once.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: T?
                try db.inTransaction(.immediate) {
                    result = try body(db)
                    return .commit
                }
                return result!
            }
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Reads in one consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.read(body)
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }
}

/// Turns SQLite's errors into sentences a user can act on, at the store boundary.
enum StoreErrors {
    static func map(_ error: Error, path: String?) -> Error {
        if error is KepuError { return error }
        guard let e = error as? DatabaseError else { return error }
        let file = path ?? "the database"
        switch e.resultCode {
        case .SQLITE_NOTADB:
            return KepuError("\(file) is not a kepu database: SQLite cannot read it as a database")
        case .SQLITE_CORRUPT:
            return KepuError("\(file) is damaged (SQLite reports corruption); restore it from a backup made with kepu backup")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return KepuError("\(file) is busy: another kepu kept it locked for over 10 seconds; nothing was written, try again")
        case .SQLITE_READONLY:
            return KepuError("\(file) is read-only here; nothing was written")
        case .SQLITE_CANTOPEN:
            return KepuError("cannot open \(file): check that the file and its folder are readable and writable")
        case .SQLITE_FULL:
            return KepuError("the disk holding \(file) is full; nothing was written")
        default:
            return KepuError("\(file): the database refused the change (\(e.message ?? "\(e.resultCode)")); nothing was written")
        }
    }
}
