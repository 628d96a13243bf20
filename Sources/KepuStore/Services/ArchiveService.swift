import Foundation
import GRDB
import KepuCore
import KepuFiles

/// Backups and the year's archive export.
public struct ArchiveService: Sendable {
    let ledger: Ledger

    /// What a backup holds and where it went.
    public struct Backup: Sendable, Hashable {
        public var path: String
        public var bytes: Int64
        public var evidence: Int
        /// Evidence rows whose file was already missing from the store: the backup says so.
        public var missing: Int
    }

    /// Where a backup will go: refused if something is there (a backup never overwrites a file); a
    /// folder not there yet is made, readable by its owner only, like the database's own.
    static func prepare(_ path: String) throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw KepuError(.backupExists(path: path)) }
        let folder = (path as NSString).deletingLastPathComponent
        guard !folder.isEmpty, !fm.fileExists(atPath: folder) else { return }
        do {
            try fm.createDirectory(
                atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KepuError(.backupFolderMissing(folder: folder))
        }
    }

    /// `kepu backup FILE`: one tar file holding the database (an online copy through SQLite's backup
    /// API, consistent even while others write, checked with integrity_check), every evidence file
    /// of the store, `kepu-backup.json` (what made it, when, the schema) and `MANIFEST.sha256` (the
    /// SHA-256 of each of them). The backup is recorded (and audited), for the 用户 page to show.
    public func backup(to path: String) throws -> Backup {
        let fm = FileManager.default
        try Self.prepare(path)
        let work = path + ".partial-" + SessionService.random(6)
        try? fm.createDirectory(atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        defer { try? fm.removeItem(atPath: work) }
        let copy = work + "/kepu.sqlite"
        guard fm.createFile(atPath: copy, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KepuError(.cannotCreateBackup(path: path))
        }
        do {
            let target = try DatabaseQueue(path: copy, configuration: AppDatabase.configuration())
            try ledger.database.writer.backup(to: target)
            let integrity = try target.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "?" }
            try target.writeWithoutTransaction { _ = try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
            try target.close()
            guard integrity == "ok" else { throw KepuError(.backupIntegrity(path: path, result: integrity)) }
            // The evidence the copy knows of, voided or not: nothing is ever lost.
            let shas = try DatabaseQueue(path: copy).read {
                try String.fetchAll($0, sql: "SELECT DISTINCT sha256 FROM evidence ORDER BY sha256")
            }
            var manifest: [(String, String)] = []
            let tar = try Tar.Writer(path: path)
            var included = 0
            var missing: [String] = []
            let about = JSONValue.object([
                "format": .string("kepu-backup-1"), "schema": .int(AppDatabase.schemaVersion),
                "created": .string(ledger.context.timestamp), "database": .string("kepu.sqlite"),
            ])
            // Evidence first: the manifest names what follows, so it goes last.
            for sha in shas {
                guard let file = ledger.evidence.path(sha), fm.fileExists(atPath: file) else {
                    missing.append(sha)
                    continue
                }
                guard FileDigest.sha256(atPath: file) == sha else {
                    missing.append(sha)
                    continue
                }
                let name = "evidence/\(sha.prefix(2))/\(sha)"
                try tar.add(name, from: file)
                manifest.append((sha, name))
                included += 1
            }
            var info = about
            if case .object(var o) = info {
                o["evidence"] = .int(included)
                o["missing_evidence"] = .array(missing.map(JSONValue.string))
                info = .object(o)
            }
            let infoData = Data((info.render(indent: 2) + "\n").utf8)
            try tar.add("kepu.sqlite", from: copy)
            manifest.append((FileDigest.sha256(atPath: copy) ?? "", "kepu.sqlite"))
            try tar.add("kepu-backup.json", data: infoData)
            manifest.append((sha256Hex(infoData), "kepu-backup.json"))
            let lines = manifest.map { "\($0.0)  \($0.1)\n" }.joined()
            try tar.add("MANIFEST.sha256", data: Data(lines.utf8))
            try tar.finish()
            let bytes = ((try? fm.attributesOfItem(atPath: path))?[.size] as? NSNumber)?.int64Value ?? 0
            try ledger.database.write { db in
                try db.execute(
                    sql: "INSERT INTO backup (at, path, bytes, evidence) VALUES (?, ?, ?, ?)",
                    arguments: [ledger.context.timestamp, path, bytes, included])
                try ledger.appendAudit(
                    db, "backup", db.lastInsertedRowID,
                    after: .object([
                        "path": .string(path), "bytes": .int(bytes), "evidence": .int(included),
                        "missing_evidence": .int(missing.count),
                    ]))
            }
            return Backup(path: path, bytes: bytes, evidence: included, missing: missing.count)
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreErrors.map(error, path: path)
        }
    }

    /// `kepu backup FILE.sqlite`: the database alone, an online copy through SQLite's backup API
    /// (consistent even while others write), to open with `--db`; its evidence is not in it.
    public func copyDatabase(to path: String) throws -> (pages: Int, integrity: String) {
        let fm = FileManager.default
        try Self.prepare(path)
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KepuError(.cannotCreateBackup(path: path))
        }
        do {
            let target = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
            try ledger.database.writer.backup(to: target)
            let result = try target.read { db -> (Int, String) in
                (
                    try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0,
                    try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?"
                )
            }
            try target.close()
            return result
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreErrors.map(error, path: path)
        }
    }

    /// The last backup recorded: when (UTC, ISO 8601), where, how large.
    public func lastBackup() throws -> BackupInfo? {
        try ledger.database.read { db in
            try Row.fetchOne(db, sql: "SELECT at, path, bytes, evidence FROM backup ORDER BY id DESC LIMIT 1").map {
                BackupInfo(at: $0["at"], path: $0["path"], bytes: $0["bytes"], evidence: $0["evidence"])
            }
        }
    }

    /// The plan and the whole ledger of one year, for the archive (voided records kept).
    public func export(year: Int?, unit: String?) throws -> JSONValue {
        try ledger.database.read { db in
            let stored = try ledger.plans.current(db, year: year, unit: unit)
            let p = stored.plan.period
            let (s, e, u) = (p.start, p.end, stored.unitID)
            let events = periodEvents(unitID: u, from: s, to: e, includeVoided: true)
            func rows(_ sql: SQL) throws -> JSONValue {
                .array(try Row.fetchAll(db, SQLRequest(literal: sql)).map(Audit.json))
            }
            func inPeriod(_ sql: SQL) throws -> JSONValue { try rows(events + sql) }
            return .object([
                "format": .string("kepu-export-1"),
                "unit": .string(stored.plan.unit), "year": .int(stored.plan.year),
                "period": .object(["start": .string(s.description), "end": .string(e.description)]),
                "plan": .object([
                    "id": .int(stored.id), "file": .string(stored.sourceName), "sha256": .string(stored.sha256),
                    "importedAt": .string(stored.importedAt), "source": .string(stored.sourceText),
                ]),
                "events": try inPeriod("SELECT * FROM event WHERE id IN (SELECT id FROM period_event) ORDER BY id"),
                "attendance": try inPeriod(
                    "SELECT * FROM attendance WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "signins": try inPeriod(
                    """
                    SELECT s.* FROM signin s JOIN attendance a ON a.id = s.attendance_id
                    WHERE a.event_id IN (SELECT id FROM period_event) ORDER BY s.attendance_id, s.line
                    """),
                "costs": try rows("SELECT * FROM cost WHERE unit_id = \(u) AND date BETWEEN \(s) AND \(e) ORDER BY id"),
                "printRuns": try rows(
                    "SELECT * FROM print_run WHERE unit_id = \(u) AND date BETWEEN \(s) AND \(e) ORDER BY id"),
                "surveys": try inPeriod(
                    "SELECT * FROM survey WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "signups": try inPeriod(
                    "SELECT * FROM signup WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "volunteers": try inPeriod(
                    """
                    SELECT v.*, o.name AS organization FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id
                    WHERE v.id IN (SELECT volunteer_id FROM signup WHERE event_id IN (SELECT id FROM period_event))
                    ORDER BY v.id
                    """),
                "measurements": try rows("SELECT * FROM measurement WHERE unit_id = \(u) AND date <= \(e) ORDER BY id"),
                "baselines": try rows("SELECT * FROM baseline WHERE unit_id = \(u) ORDER BY year"),
                "notes": try rows(
                    "SELECT * FROM note WHERE unit_id = \(u) AND year = \(stored.plan.year) ORDER BY indicator"),
                "evidence": try inPeriod(
                    """
                    SELECT * FROM evidence WHERE event_id IN (SELECT id FROM period_event)
                       OR cost_id IN (SELECT id FROM cost WHERE unit_id = \(u) AND date BETWEEN \(s) AND \(e)) ORDER BY id
                    """),
                "imports": try rows("SELECT * FROM import_file ORDER BY id"),
            ])
        }
    }
}

/// A backup as the 用户 page shows it.
public struct BackupInfo: Sendable, Hashable {
    /// UTC, ISO 8601.
    public var at: String
    public var path: String
    public var bytes: Int64
    public var evidence: Int
}

/// `kepu restore FILE --db NEW`: a backup checked whole before anything is written, then put in place.
public enum Restore {
    /// What a restore put where.
    public struct Done: Sendable, Hashable {
        public var database: String
        public var evidence: Int
        public var auditRows: Int
        public var schema: Int
    }

    /// `kepu.sqlite`, `kepu-backup.json` or `evidence/ab/ab…` (64 hex digits, the first two its folder).
    static func isKepuPart(_ name: String) -> Bool {
        if name == "kepu.sqlite" || name == "kepu-backup.json" { return true }
        let parts = name.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0] == "evidence", parts[2].count == 64, parts[1].count == 2,
            parts[2].hasPrefix(parts[1]), parts[2].allSatisfy({ $0.isHexDigit && !$0.isUppercase })
        else { return false }
        return true
    }

    /// Checks the archive (every part against the manifest, the database's integrity, its audit chain,
    /// every evidence file against its hash) in a folder beside `database`, then moves the database and
    /// its evidence folder into place. An existing database, or a damaged archive, is refused in a
    /// sentence naming what is wrong, and nothing is left behind.
    public static func run(archive: String, to database: String, context: AuditContext) throws -> Done {
        let fm = FileManager.default
        let name = (archive as NSString).lastPathComponent
        // Not over a database, its evidence, or what SQLite keeps beside one: a journal or WAL left there
        // would be replayed into the restored file.
        for existing in ["", ".evidence", "-wal", "-shm", "-journal"] where fm.fileExists(atPath: database + existing) {
            throw KepuError(.restoreTargetExists(path: database + existing))
        }
        guard fm.fileExists(atPath: archive) else { throw KepuError(.cannotReadFile(name: archive)) }
        guard let entries = Tar.entries(path: archive) else {
            throw KepuError(.backupDamaged(file: name, what: .notAnArchive))
        }
        let byName = Dictionary(entries.map { ($0.name, $0) }, uniquingKeysWith: { a, _ in a })
        guard let manifestEntry = byName["MANIFEST.sha256"], byName["kepu.sqlite"] != nil else {
            throw KepuError(.backupDamaged(file: name, what: .notAnArchive))
        }
        var manifest: [String: String] = [:]
        for line in String(decoding: try Tar.read(manifestEntry, from: archive), as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1, omittingEmptySubsequences: true)
            guard parts.count == 2 else { continue }
            manifest[parts[1].trimmingCharacters(in: .whitespaces)] = String(parts[0])
        }
        for part in manifest.keys.sorted() where byName[part] == nil {
            throw KepuError(.backupDamaged(file: name, what: .missingPart(part)))
        }
        for e in entries where e.name != "MANIFEST.sha256" && manifest[e.name] == nil {
            throw KepuError(.backupDamaged(file: name, what: .unlisted(e.name)))
        }
        // Only what kepu writes: the database, its description, and evidence named by its own hash.
        for part in manifest.keys.sorted() where !Self.isKepuPart(part) {
            throw KepuError(.backupDamaged(file: name, what: .unlisted(part)))
        }
        let folder = (database as NSString).deletingLastPathComponent
        let work = (folder.isEmpty ? "." : folder) + "/.kepu-restoring-" + SessionService.random(6)
        do {
            try fm.createDirectory(
                atPath: work, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        } catch {
            throw KepuError(.cannotCreateFolder(path: work, reason: error.localizedDescription))
        }
        defer { try? fm.removeItem(atPath: work) }
        let db = work + "/kepu.sqlite"
        var evidence = 0
        for e in entries where manifest[e.name] != nil {
            let target: String
            if e.name == "kepu.sqlite" {
                target = db
            } else if e.name.hasPrefix("evidence/") {
                let sha = (e.name as NSString).lastPathComponent
                let dir = db + ".evidence/" + sha.prefix(2)
                try? fm.createDirectory(
                    atPath: dir, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
                target = dir + "/" + sha
                evidence += 1
            } else {
                target = work + "/" + (e.name as NSString).lastPathComponent
            }
            var hasher = SHA256Digest()
            try Tar.extract(e, from: archive, to: target) { hasher.update($0) }
            guard hasher.hex == manifest[e.name] else {
                throw KepuError(.backupDamaged(file: name, what: .altered(e.name)))
            }
        }
        let done: Done
        do {
            let queue = try DatabaseQueue(path: db, configuration: AppDatabase.configuration())
            let integrity = try queue.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") ?? "?" }
            guard integrity == "ok" else { throw KepuError(.backupDamaged(file: name, what: .integrity(integrity))) }
            let schema = try queue.read { try AppDatabase.version($0) }
            let ledger = Ledger(database: AppDatabase(writer: queue, path: db), context: context)
            let chain = try ledger.audit.verify()
            if let broken = chain.firstBroken {
                throw KepuError(.backupDamaged(file: name, what: .auditBroken(row: broken.id)))
            }
            let noted = Set(
                (try? JSONSerialization.jsonObject(
                    with: Tar.read(byName["kepu-backup.json"] ?? manifestEntry, from: archive))
                    as? [String: Any])?["missing_evidence"] as? [String] ?? [])
            let check = try ledger.evidence.verify()
            if let p = check.problems.first(where: { !noted.contains($0.item.sha256) }) {
                throw KepuError(
                    .backupDamaged(file: name, what: .evidenceMissing(id: p.item.id, file: p.item.fileName)))
            }
            try queue.close()
            done = Done(database: database, evidence: evidence, auditRows: chain.rows, schema: schema)
        } catch let e as KepuError {
            throw e
        } catch {
            throw KepuError(.backupDamaged(file: name, what: .integrity("\(error)")))
        }
        do {
            try fm.moveItem(atPath: db, toPath: database)
            if fm.fileExists(atPath: db + ".evidence") {
                try fm.moveItem(atPath: db + ".evidence", toPath: database + ".evidence")
            }
        } catch {
            throw KepuError(.cannotWrite(path: database, reason: error.localizedDescription))
        }
        return done
    }
}
