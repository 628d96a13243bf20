import Crypto
import Foundation
import GRDB
import KepuCore
import KepuFiles

/// What `evidence verify` found wrong with a file.
public struct EvidenceProblem: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case missing, altered
    }

    public var item: EvidenceItem
    public var problem: Kind
}

/// What `evidence add` stored.
public struct EvidenceAdded: Sendable {
    public var id: Int64
    public var sha256: String
    public var size: Int64
    /// The same content was already in the store (kept once).
    public var alreadyStored: Bool
}

/// The evidence (佐证材料): files kept by SHA-256 beside the database, linked to events and costs.
public struct EvidenceService: Sendable {
    let ledger: Ledger

    /// The content-addressed store beside the database: `<db>.evidence/ab/cdef…`.
    public var folder: String? { ledger.database.path.map { $0 + ".evidence" } }

    func path(_ sha: String) -> String? {
        folder.map { "\($0)/\(sha.prefix(2))/\(sha)" }
    }

    /// Copies a file into the evidence store (by SHA-256) and records it; the same content is stored once.
    ///
    /// The file is in the store before its row is committed, so a row never points at nothing.
    public func add(file: String, displayName: String, kind: EvidenceKind, event: Int64?, cost: Int64?) throws
        -> EvidenceAdded
    {
        guard let folder else { throw KepuError(.inMemoryHasNoFolder) }
        guard let input = FileHandle(forReadingAtPath: file) else {
            throw KepuError(.cannotReadFile(name: displayName))
        }
        defer { try? input.close() }
        let fm = FileManager.default
        try? fm.createDirectory(
            atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        let temp = folder + "/.incoming-\(UUID().uuidString)"
        guard fm.createFile(atPath: temp, contents: nil, attributes: [.posixPermissions: 0o600]),
            let output = FileHandle(forWritingAtPath: temp)
        else { throw KepuError(.evidenceFolderUnwritable(folder: folder)) }
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
            throw KepuError(.evidenceCopyFailed(name: displayName, reason: error.localizedDescription))
        }
        let sha = hasher.finalize().map { String(format: "%02x", $0) }.joined()
        guard let target = path(sha) else { throw KepuError(.inMemoryHasNoFolder) }
        let already = fm.fileExists(atPath: target)
        do {
            if already {
                try? fm.removeItem(atPath: temp)
            } else {
                try fm.createDirectory(
                    atPath: (target as NSString).deletingLastPathComponent,
                    withIntermediateDirectories: true)
                try fm.moveItem(atPath: temp, toPath: target)
            }
        } catch {
            try? fm.removeItem(atPath: temp)
            throw KepuError(.evidenceCopyFailed(name: displayName, reason: error.localizedDescription))
        }
        do {
            let id: Int64 = try ledger.database.write { db in
                if let event { _ = try ledger.events.live(db, event) }
                if let cost {
                    guard let c = try CostRecord.fetchOne(db, key: cost) else {
                        throw KepuError(.noSuchRecord(field: .cost, kind: .cost, id: cost))
                    }
                    if let voided = c.voidedAt {
                        throw KepuError(
                            .recordVoided(
                                field: .cost, kind: .cost, id: cost,
                                title: Money(fen: c.amountFen).description, on: voided))
                    }
                }
                if let dup = try EvidenceRecord.filter(
                    EvidenceRecord.Columns.sha256 == sha && EvidenceRecord.Columns.eventId == event
                        && EvidenceRecord.Columns.costId == cost
                ).live().fetchOne(db) {
                    throw KepuError(.evidenceDuplicate(name: displayName, evidence: dup.id ?? 0))
                }
                var record = EvidenceRecord(
                    sha256: sha, fileName: displayName, size: size, kind: kind.rawValue, eventId: event, costId: cost,
                    createdAt: ledger.context.timestamp, voidedAt: nil, voidReason: nil)
                return try ledger.insert(db, &record)
            }
            return EvidenceAdded(id: id, sha256: sha, size: size, alreadyStored: already)
        } catch {
            // A file this call brought into the store, and that no row names, goes again.
            if !already { try? fm.removeItem(atPath: target) }
            throw error
        }
    }

    /// The live evidence (with `includeVoided`, the voided too), oldest first.
    public func list(includeVoided: Bool = false) throws -> [EvidenceItem] {
        try ledger.database.read { db in
            let all = EvidenceRecord.order(EvidenceRecord.Columns.id)
            return try (includeVoided ? all : all.live()).fetchAll(db).map(\.listed)
        }
    }

    /// One stored file, voided or not, and where its bytes are: for opening it. Refused when there is no
    /// such evidence or its file is gone from the store.
    public func file(_ id: Int64) throws -> (item: EvidenceItem, path: String) {
        let item = try self.item(id)
        guard let p = path(item.sha256), FileManager.default.isReadableFile(atPath: p) else {
            throw KepuError(.evidenceFileMissing(id: id, file: item.fileName))
        }
        return (item, p)
    }

    /// One evidence record, voided or not, whether or not its file is still in the store.
    public func item(_ id: Int64) throws -> EvidenceItem {
        try ledger.database.read { db in
            guard let r = try EvidenceRecord.fetchOne(db, key: id) else {
                throw KepuError(.noSuchRecord(field: nil, kind: .evidence, id: id))
            }
            return r.listed
        }
    }

    /// Rehashes every stored file; reports the missing and the altered.
    public func verify() throws -> (checked: Int, problems: [EvidenceProblem]) {
        let items = try list()
        var problems: [EvidenceProblem] = []
        for item in items {
            guard let p = path(item.sha256), let sha = FileDigest.sha256(atPath: p) else {
                problems.append(EvidenceProblem(item: item, problem: .missing))
                continue
            }
            if sha != item.sha256 { problems.append(EvidenceProblem(item: item, problem: .altered)) }
        }
        return (items.count, problems)
    }
}
