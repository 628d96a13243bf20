import Foundation
import GRDB
import KepuCore

/// Backups and the year's archive export.
public struct ArchiveService: Sendable {
    let ledger: Ledger

    /// An online backup through SQLite's backup API: consistent even while others write.
    public func backup(to path: String) throws -> (pages: Int, integrity: String) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw KepuError(.backupExists(path: path)) }
        // A folder that is not there yet is made, readable by its owner only, like the database's own.
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty && !fm.fileExists(atPath: folder) {
            do {
                try fm.createDirectory(
                    atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw KepuError(.backupFolderMissing(folder: folder))
            }
        }
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
