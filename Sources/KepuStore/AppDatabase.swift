import Foundation
import GRDB
import KepuCore

/// Owns the connection to one kepu database file and its schema.
///
/// Only `create` makes a file. `open` refuses, with one typed problem and without writing anything,
/// a missing file, a file that is not SQLite or not kepu's, a damaged one, and one from a newer kepu.
/// The CLI opens a queue (one command, one connection); the web server opens a pool, so that readers
/// run beside a writer.
public final class AppDatabase: @unchecked Sendable {
    /// How to connect: one serial connection, or a pool of readers beside one writer (WAL).
    public enum Mode: Sendable {
        case queue, pool
    }

    public let writer: any DatabaseWriter
    /// The file, or nil for an in-memory database.
    public let path: String?
    /// When opening migrated an earlier kepu's file: the copy made first, next to it, and the schema
    /// versions it went from and to.
    public private(set) var migrated: Migrated?

    public struct Migrated: Sendable, Hashable {
        public var backup: String
        public var from: Int
        public var to: Int
    }

    /// This kepu's schema version: how many migrations it knows (v13 is 13).
    public static var schemaVersion: Int { Migrations.migrator.migrations.count }

    init(writer: any DatabaseWriter, path: String?) {
        self.writer = writer
        self.path = path
    }

    static func configuration() -> Configuration {
        var config = Configuration()
        // Several staff may write at once: wait for the other writer instead of failing.
        config.busyMode = .timeout(10)
        config.foreignKeysEnabled = true
        return config
    }

    static func connect(_ path: String, mode: Mode) throws -> any DatabaseWriter {
        switch mode {
        case .queue: return try DatabaseQueue(path: path, configuration: configuration())
        case .pool: return try DatabasePool(path: path, configuration: configuration())
        }
    }

    /// A fresh, migrated in-memory database, for tests.
    public static func inMemory() throws -> AppDatabase {
        let queue = try DatabaseQueue(configuration: configuration())
        try Migrations.migrator.migrate(queue)
        return AppDatabase(writer: queue, path: nil)
    }

    /// Creates a new database file readable by its owner only; refuses to touch an existing one.
    public static func create(at path: String, mode: Mode = .queue) throws -> AppDatabase {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw KepuError(.databaseExists(path: path)) }
        let dir = (path as NSString).deletingLastPathComponent
        if !dir.isEmpty && !fm.fileExists(atPath: dir) {
            do {
                try fm.createDirectory(
                    atPath: dir, withIntermediateDirectories: true,
                    attributes: [.posixPermissions: 0o700])
            } catch {
                throw KepuError(.cannotCreateFolder(path: dir, reason: error.localizedDescription))
            }
        }
        // SQLite gives the -wal and -shm files the main file's permissions, so all three stay private.
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KepuError(.cannotCreateFile(path: path))
        }
        do {
            let queue = try DatabaseQueue(path: path, configuration: configuration())
            try queue.writeWithoutTransaction { db in
                _ = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
            }
            try Migrations.migrator.migrate(queue)
            guard mode == .pool else { return AppDatabase(writer: queue, path: path) }
            try queue.close()
            return AppDatabase(writer: try connect(path, mode: .pool), path: path)
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Opens an existing kepu database, applying any migrations this kepu adds.
    public static func open(at path: String, mode: Mode = .queue) throws -> AppDatabase {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: path, isDirectory: &isDir) else { throw KepuError(.noDatabase(path: path)) }
        guard !isDir.boolValue else { throw KepuError(.databaseIsFolder(path: path)) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw KepuError(.cannotReadDatabase(path: path)) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header.count == 16 else { throw KepuError(.databaseEmpty(path: path)) }
        guard header == Data("SQLite format 3\0".utf8) else { throw KepuError(.notSQLite(path: path)) }
        do {
            // Looked at read-only first: a file from a newer kepu is never opened for writing.
            var readOnly = configuration()
            readOnly.readonly = true
            let look = try DatabaseQueue(path: path, configuration: readOnly)
            let version = try look.read { db -> Int in
                let appID = try Int32.fetchOne(db, sql: "PRAGMA application_id") ?? 0
                if appID != Migrations.applicationID {
                    let tables = try Int.fetchOne(db, sql: "SELECT count(*) FROM sqlite_master") ?? 0
                    throw KepuError(tables == 0 ? .emptySQLite(path: path) : .foreignSQLite(path: path, tables: tables))
                }
                let version = try Self.version(db)
                if try Migrations.migrator.hasBeenSuperseded(db) {
                    throw KepuError(.newerKepu(path: path, database: version, kepu: schemaVersion))
                }
                return version
            }
            try look.close()
            let writer = try connect(path, mode: mode)
            var migrated: Migrated?
            if version < schemaVersion {
                // An earlier kepu's file: copied next to it, whole, before anything changes; owner-only
                // from the start, like the database.
                let backup = Self.backupPath(beside: path, version: version)
                guard fm.createFile(atPath: backup, contents: nil, attributes: [.posixPermissions: 0o600]) else {
                    throw KepuError(.cannotCreateBackup(path: backup))
                }
                do {
                    let copy = try DatabaseQueue(path: backup, configuration: configuration())
                    try writer.backup(to: copy)
                    try copy.close()
                } catch {
                    try? fm.removeItem(atPath: backup)
                    throw error
                }
                migrated = Migrated(backup: backup, from: version, to: schemaVersion)
            }
            do { try Migrations.migrator.migrate(writer) } catch {
                // Nothing changed (each migration is one transaction): a copy made for it would only
                // pile up, one more at each restart of a service that keeps failing.
                if let m = migrated { try? fm.removeItem(atPath: m.backup) }
                throw error
            }
            let database = AppDatabase(writer: writer, path: path)
            database.migrated = migrated
            return database
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// The schema version of a database: the highest `vN` among the migrations applied to it.
    static func version(_ db: Database) throws -> Int {
        guard try db.tableExists("grdb_migrations") else { return 0 }
        let names = try String.fetchAll(db, sql: "SELECT identifier FROM grdb_migrations")
        return names.compactMap { name -> Int? in
            guard name.hasPrefix("v") else { return nil }
            return Int(name.dropFirst().prefix { $0.isNumber })
        }.max() ?? 0
    }

    /// `kepu.sqlite` → `kepu.sqlite.v12-20261207-153000.bak`, free of any file there.
    static func backupPath(beside path: String, version: Int) -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "yyyyMMdd-HHmmss"
        let base = "\(path).v\(version)-\(f.string(from: Date()))"
        var candidate = base + ".bak"
        var n = 2
        while FileManager.default.fileExists(atPath: candidate) {
            candidate = "\(base)-\(n).bak"
            n += 1
        }
        return candidate
    }

    /// Runs `body` in one IMMEDIATE transaction: all of it is written, or none of it.
    ///
    /// IMMEDIATE takes the write lock up front, so a second writer waits (busy timeout) rather than
    /// failing halfway when two staff write at once.
    public func write<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(commit: true, body)
    }

    /// Runs `body` in a write transaction that is always rolled back: a dry run that checks exactly
    /// what the real write would.
    public func writeAndRollBack<T>(_ body: (Database) throws -> T) throws -> T {
        try transaction(commit: false, body)
    }

    private func transaction<T>(commit: Bool, _ body: (Database) throws -> T) throws -> T {
        do {
            return try writer.writeWithoutTransaction { db in
                var result: Result<T, any Error> = .failure(CancellationError())
                try db.inTransaction(.immediate) {
                    result = .success(try body(db))
                    return commit ? .commit : .rollback
                }
                return try result.get()
            }
        } catch {
            throw StoreErrors.map(error, path: path)
        }
    }

    /// Whether the database answers a read now (`/healthz`).
    public func isAnswering() -> Bool {
        (try? writer.read { try Int.fetchOne($0, sql: "SELECT 1") }) == 1
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

/// Turns SQLite's errors into typed problems a user can act on, at the store boundary.
enum StoreErrors {
    static func map(_ error: any Error, path: String?) -> any Error {
        if error is KepuError { return error }
        guard let e = error as? DatabaseError else { return error }
        let file = path ?? ":memory:"
        switch e.resultCode {
        case .SQLITE_NOTADB: return KepuError(.sqliteNotADatabase(path: file))
        case .SQLITE_CORRUPT: return KepuError(.damaged(path: file))
        case .SQLITE_BUSY, .SQLITE_LOCKED: return KepuError(.busy(path: file))
        case .SQLITE_READONLY: return KepuError(.readOnly(path: file))
        case .SQLITE_CANTOPEN: return KepuError(.cannotOpen(path: file))
        case .SQLITE_FULL: return KepuError(.diskFull(path: file))
        default: return KepuError(.databaseRefused(path: file, detail: e.message ?? "\(e.resultCode)"))
        }
    }
}
