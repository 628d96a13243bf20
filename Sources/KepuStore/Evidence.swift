import Crypto
import Foundation
import GRDB
import KepuCore

/// A problem `evidence verify` found.
public struct EvidenceProblem: Sendable, Hashable {
    public var item: EvidenceItem
    public var problem: String
}

extension Ledger {
    /// The content-addressed store beside the database: `<db>.evidence/ab/cdef…`.
    public var evidenceFolder: String? { database.path.map { $0 + ".evidence" } }

    func evidencePath(_ sha: String) -> String? {
        evidenceFolder.map { "\($0)/\(sha.prefix(2))/\(sha)" }
    }

    /// Copies a file into the evidence store (by SHA-256) and records it; the same content is stored once.
    public func addEvidence(file: String, displayName: String, kind: EvidenceKind, event: Int64?, cost: Int64?)
        throws -> (id: Int64, sha256: String, size: Int64, alreadyStored: Bool)
    {
        guard let folder = evidenceFolder else { throw KepuError("evidence needs a database file, not an in-memory one") }
        guard let input = FileHandle(forReadingAtPath: file) else {
            throw KepuError("cannot read \(displayName): no such file, or it is not readable")
        }
        defer { try? input.close() }
        let fm = FileManager.default
        try? fm.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = folder + "/.incoming-\(UUID().uuidString)"
        guard fm.createFile(atPath: temp, contents: nil, attributes: [.posixPermissions: 0o600]),
              let output = FileHandle(forWritingAtPath: temp)
        else { throw KepuError("cannot write into the evidence folder \(folder)") }
        var hasher = SHA256()
        var size: Int64 = 0
        do {
            while let d = try input.read(upToCount: 1 << 16), !d.isEmpty {
                hasher.update(data: d)
                try output.write(contentsOf: d)
                size += Int64(d.count)
            }
            try output.synchronize()
            try output.close()
        } catch {
            try? fm.removeItem(atPath: temp)
            throw KepuError("cannot copy \(displayName) into the evidence folder: \(error.localizedDescription)")
        }
        let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        let target = evidencePath(sha)!
        let already = fm.fileExists(atPath: target)
        do {
            let id: Int64 = try database.write { db in
                if let event { _ = try self.event(db, event) }
                if let cost, try Int64.fetchOne(db, sql: "SELECT id FROM cost WHERE id = ? AND voided_at IS NULL", arguments: [cost]) == nil {
                    throw KepuError("--cost \(cost): cost \(cost) does not exist or was voided")
                }
                if let dup = try Int64.fetchOne(db, sql: """
                    SELECT id FROM evidence WHERE sha256 = ? AND event_id IS ? AND cost_id IS ? AND voided_at IS NULL
                    """, arguments: [sha, event, cost]) {
                    throw KepuError("\(displayName) is already evidence \(dup) for the same record (same content)")
                }
                return try insert(db, "evidence", [
                    "sha256": sha, "file_name": displayName, "size": size, "kind": kind.rawValue, "event_id": event,
                    "cost_id": cost, "created_at": context.timestamp,
                ])
            }
            if already {
                try? fm.removeItem(atPath: temp)
            } else {
                try fm.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                try fm.moveItem(atPath: temp, toPath: target)
            }
            return (id, sha, size, already)
        } catch {
            try? fm.removeItem(atPath: temp)
            throw error
        }
    }

    public func evidence() throws -> [EvidenceItem] {
        try database.read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM evidence WHERE voided_at IS NULL ORDER BY id").map {
                EvidenceItem(id: $0["id"], sha256: $0["sha256"], fileName: $0["file_name"], size: $0["size"],
                             kind: EvidenceKind(rawValue: $0["kind"]) ?? .other, event: $0["event_id"], cost: $0["cost_id"],
                             addedAt: $0["created_at"])
            }
        }
    }

    /// Rehashes every stored file; reports the missing and the altered.
    public func verifyEvidence() throws -> (checked: Int, problems: [EvidenceProblem]) {
        let items = try evidence()
        var problems: [EvidenceProblem] = []
        for item in items {
            guard let path = evidencePath(item.sha256), let h = FileHandle(forReadingAtPath: path) else {
                problems.append(EvidenceProblem(item: item, problem: "missing from the evidence folder"))
                continue
            }
            var hasher = SHA256()
            while let d = try? h.read(upToCount: 1 << 16), !d.isEmpty { hasher.update(data: d) }
            try? h.close()
            let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
            if sha != item.sha256 { problems.append(EvidenceProblem(item: item, problem: "altered: its content no longer matches its SHA-256")) }
        }
        return (items.count, problems)
    }

    /// Campaigns and costs of the period without any evidence.
    func missingEvidence(_ db: Database, _ stored: StoredPlan) throws -> [LintFinding] {
        let p = stored.plan.period
        var out: [LintFinding] = []
        let campaigns = Ledger.periodEvents(unitID: stored.unitID, from: p.start.description, to: p.end.description,
                                            campaignsOnly: true)
        for r in try Row.fetchAll(db, SQLRequest(literal: campaigns + """
            SELECT e.id, e.title FROM event e WHERE e.id IN (SELECT top FROM period_event)
              AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.voided_at IS NULL
                              AND v.event_id IN (SELECT id FROM period_event t WHERE t.top = e.id))
            ORDER BY e.start_date
            """)) {
            out.append(LintFinding(.warning, subject: "event \(r["id"] as Int64)",
                "campaign \(r["title"] as String) has no evidence (sign-in sheets, photos, news); add it with kepu evidence add FILE --event \(r["id"] as Int64)",
                check: "evidence-campaign",
                chinese: "\(r["title"] as String)缺少佐证材料（签到表、照片、新闻报道）：kepu evidence add 文件 --event \(r["id"] as Int64)"))
        }
        for r in try Row.fetchAll(db, sql: """
            SELECT c.id, c.amount_fen, c.invoice FROM cost c WHERE c.unit_id = ? AND c.date BETWEEN ? AND ? AND c.voided_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM evidence v WHERE v.cost_id = c.id AND v.voided_at IS NULL)
              AND NOT EXISTS (SELECT 1 FROM cost c2 WHERE c.invoice IS NOT NULL AND c2.unit_id = c.unit_id
                              AND c2.invoice = c.invoice
                              AND EXISTS (SELECT 1 FROM evidence v WHERE v.cost_id = c2.id AND v.voided_at IS NULL))
            ORDER BY c.date, c.id
            """, arguments: [stored.unitID, p.start.description, p.end.description]) {
            out.append(LintFinding(.warning, subject: "cost \(r["id"] as Int64)",
                "\(Money(fen: r["amount_fen"]).grouped)元\((r["invoice"] as String?).map { " (invoice \($0))" } ?? "") has no invoice or contract on file; add it with kepu evidence add FILE --kind invoice --cost \(r["id"] as Int64)",
                check: "evidence-cost",
                chinese: "\(Money(fen: r["amount_fen"]).grouped)元\((r["invoice"] as String?).map { "（发票号\($0)）" } ?? "")未附发票或合同：kepu evidence add 文件 --kind invoice --cost \(r["id"] as Int64)"))
        }
        return out
    }

    // MARK: Backup and export

    /// An online backup through SQLite's backup API: consistent even while others write.
    public func backup(to path: String) throws -> (pages: Int, integrity: String) {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw KepuError("\(path) already exists; kepu backup never overwrites a file") }
        guard fm.createFile(atPath: path, contents: nil, attributes: [.posixPermissions: 0o600]) else {
            throw KepuError("cannot create the backup file \(path): check that the folder is writable")
        }
        do {
            let target = try DatabaseQueue(path: path, configuration: AppDatabase.configuration())
            try database.writer.backup(to: target)
            let result = try target.read { db -> (Int, String) in
                (try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0, try String.fetchOne(db, sql: "PRAGMA integrity_check") ?? "?")
            }
            try target.close()
            return result
        } catch {
            try? fm.removeItem(atPath: path)
            throw StoreErrors.map(error, path: path)
        }
    }

    /// The plan and the whole ledger of one year, for the archive.
    public func export(year: Int?, unit: String?) throws -> JSONValue {
        try database.read { db in
            let stored = try currentPlan(db, year: year, unit: unit)
            let p = stored.plan.period
            let s = p.start.description
            let e = p.end.description
            let u = stored.unitID
            func rows(_ sql: String, _ args: StatementArguments) throws -> JSONValue {
                .array(try Row.fetchAll(db, sql: sql, arguments: args).map(Audit.json))
            }
            // The archive keeps voided events and what hangs on them.
            let events = Ledger.periodEvents(unitID: u, from: s, to: e, includeVoided: true)
            func inPeriod(_ sql: String, _ args: StatementArguments = []) throws -> JSONValue {
                .array(try Row.fetchAll(db, SQLRequest(literal: events + SQL(sql: sql, arguments: args))).map(Audit.json))
            }
            return .object([
                "format": .string("kepu-export-1"),
                "unit": .string(stored.plan.unit), "year": .int(stored.plan.year),
                "period": .object(["start": .string(s), "end": .string(e)]),
                "plan": .object(["id": .int(stored.id), "file": .string(stored.sourceName), "sha256": .string(stored.sha256),
                                 "importedAt": .string(stored.importedAt), "source": .string(stored.sourceText)]),
                "events": try inPeriod("SELECT * FROM event WHERE id IN (SELECT id FROM period_event) ORDER BY id"),
                "attendance": try inPeriod("SELECT * FROM attendance WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "signins": try inPeriod("""
                    SELECT s.* FROM signin s JOIN attendance a ON a.id = s.attendance_id
                    WHERE a.event_id IN (SELECT id FROM period_event) ORDER BY s.attendance_id, s.line
                    """),
                "costs": try rows("SELECT * FROM cost WHERE unit_id = ? AND date BETWEEN ? AND ? ORDER BY id", [u, s, e]),
                "printRuns": try rows("SELECT * FROM print_run WHERE unit_id = ? AND date BETWEEN ? AND ? ORDER BY id", [u, s, e]),
                "surveys": try inPeriod("SELECT * FROM survey WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "signups": try inPeriod("SELECT * FROM signup WHERE event_id IN (SELECT id FROM period_event) ORDER BY id"),
                "volunteers": try inPeriod("""
                    SELECT v.*, o.name AS organization FROM volunteer v LEFT JOIN organization o ON o.id = v.org_id
                    WHERE v.id IN (SELECT volunteer_id FROM signup WHERE event_id IN (SELECT id FROM period_event)) ORDER BY v.id
                    """),
                "measurements": try rows("SELECT * FROM measurement WHERE unit_id = ? AND date <= ? ORDER BY id", [u, e]),
                "baselines": try rows("SELECT * FROM baseline WHERE unit_id = ? ORDER BY year", [u]),
                "notes": try rows("SELECT * FROM note WHERE unit_id = ? AND year = ? ORDER BY indicator", [u, stored.plan.year]),
                "evidence": try inPeriod("""
                    SELECT * FROM evidence WHERE event_id IN (SELECT id FROM period_event)
                       OR cost_id IN (SELECT id FROM cost WHERE unit_id = ? AND date BETWEEN ? AND ?) ORDER BY id
                    """, [u, s, e]),
                "imports": try rows("SELECT * FROM import_file ORDER BY id", []),
            ])
        }
    }
}
