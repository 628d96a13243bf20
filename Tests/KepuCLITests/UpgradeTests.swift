import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuStore

/// Every release that changes the schema keeps a fixture made by its own build (docs/CONTRIBUTING.md):
/// each opens in this kepu and migrates, with every record and the audit chain intact, after a copy of
/// it is made next to it.
@Suite struct UpgradeTests {
    /// The rows of every kepu table of a database (SQLite's and GRDB's own left out).
    static func counts(_ path: String) throws -> [String: Int] {
        let q = try DatabaseQueue(path: path)
        defer { try? q.close() }
        return try q.read { db in
            var out: [String: Int] = [:]
            for t in try String.fetchAll(
                db,
                sql:
                    "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE 'grdb_%'"
            ) {
                out[t] = try Int.fetchOne(db, sql: "SELECT count(*) FROM \"\(t)\"") ?? 0
            }
            return out
        }
    }

    /// v11 (the release before projects): migrated to this schema, a copy made first and named.
    @Test func theV11FixtureMigratesWithEveryRecord() throws {
        let w = Workspace()
        try FileManager.default.copyItem(
            atPath: repoRoot.appendingPathComponent("Tests/Fixtures/v11-demo-2023.sqlite").path, toPath: w.db)
        let before = try Self.counts(w.db)
        let r = w.run(["log", "--verify"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("数据库来自较早版本的 kepu（结构 v11），已升级到 v\(AppDatabase.schemaVersion)"), "\(r.err)")
        let after = try Self.counts(w.db)
        for (table, n) in before where table != "door_answer" {
            #expect(after[table] ?? -1 >= n, "\(table): \(n) before, \(after[table] ?? -1) after")
        }
        // The audit chain grew by nothing but stays whole, and the copy is the v11 file as it was.
        let copies = try FileManager.default.contentsOfDirectory(atPath: w.dir).filter { $0.hasSuffix(".bak") }
        #expect(copies.count == 1)
        #expect(try Self.counts(w.dir + "/" + copies[0]) == before)
        // Opened again: nothing to migrate, nothing said.
        #expect(!w.run(["log", "--verify"]).err.contains("较早版本"))
    }

    /// This release's own fixture, a `kepu backup` of a year with evidence and a door: restored, it is
    /// whole, and opens without migrating.
    @Test func thisReleasesFixtureRestoresWhole() throws {
        let w = Workspace()
        let fixture = repoRoot.appendingPathComponent("Tests/Fixtures/v\(AppDatabase.schemaVersion)-year-2023.tar").path
        #expect(
            FileManager.default.fileExists(atPath: fixture),
            "no fixture of schema v\(AppDatabase.schemaVersion): run Tests/Fixtures/make-schema-fixture.sh")
        let r = w.run(["restore", fixture])
        #expect(r.code == 0, "\(r.err)")
        #expect(w.run(["log", "--verify"]).code == 0)
        #expect(w.run(["evidence", "verify"]).code == 0)
        #expect(try AppDatabase.open(at: w.db).migrated == nil)
        let json = w.run(["reconcile", "--year", "2023", "--format", "json", "--as-of", "2023-12-31"])
        #expect(json.code == 0 && json.out.contains("\"indicators\""))
        #expect(try Self.counts(w.db)["door"] == 1)
    }

    /// Every fixture in Tests/Fixtures is one of the two kinds above; a release's schema without one fails.
    @Test func everySchemaSinceTheFirstPackageHasAFixture() throws {
        let names = try FileManager.default.contentsOfDirectory(
            atPath: repoRoot.appendingPathComponent("Tests/Fixtures").path)
        #expect(names.contains("v11-demo-2023.sqlite"))
        for v in 13...AppDatabase.schemaVersion {
            #expect(names.contains("v\(v)-year-2023.tar"), "schema v\(v) has no fixture")
        }
    }
}
