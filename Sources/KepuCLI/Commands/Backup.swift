import ArgumentParser
import Foundation
import KepuCore
import KepuStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "备份数据库和佐证材料（他人写入时也安全）· Back up the database and its evidence.",
        discussion: """
            写出一个 .tar 文件：数据库（用 SQLite 的备份接口，即使别人正在写入也一致，并做完整性检查）、全部佐证材料文件，以及它们的 SHA-256 清单。用 kepu restore 恢复。
            文件名以 .sqlite 结尾时只复制数据库（可直接用 --db 打开，不含佐证材料）。
            --rotate 文件夹：在该文件夹写入带日期的备份，保留最近 7 天每天一份、4 周每周一份、12 个月每月一份，删除其余的（定时备份用它）。

            Writes one .tar file: the database (SQLite's online backup, consistent while others write, checked with integrity_check), every evidence file, and a SHA-256 manifest of them. kepu restore puts it back. A FILE ending in .sqlite gets the database alone, to open with --db. --rotate DIR writes a dated backup in DIR and keeps 7 daily, 4 weekly and 12 monthly copies (the timer uses it).

            示例 · Example:
              kepu backup ~/备份/kepu-2023-12-31.tar
              kepu backup ~/副本/kepu.sqlite          # 只复制数据库 · the database alone
              kepu backup --rotate /var/lib/kepu/backups
            """)
    @Argument(help: "备份文件（.tar）· The new backup file.") var file: String?
    @Option(help: ArgumentHelp("在这个文件夹里轮换备份 · Rotate dated backups in this folder.", valueName: "dir"))
    var rotate: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        guard let rotate else {
            guard let file = file.nonBlank else { throw KepuError(.empty(field: .named("FILE"))) }
            let path = console.path(file)
            if [".sqlite", ".db"].contains(where: { path.lowercased().hasSuffix($0) }) {
                // The database alone, to open with --db.
                let r = try ledger.archive.copyDatabase(to: path)
                guard r.integrity == "ok" else { throw KepuError(.backupIntegrity(path: path, result: r.integrity)) }
                console.say(.backedUp(path: path, pages: r.pages))
                return
            }
            say(try ledger.archive.backup(to: path))
            return
        }
        let folder = console.path(rotate)
        let fm = FileManager.default
        let now = Date()
        let before = ((try? fm.contentsOfDirectory(atPath: folder)) ?? []).compactMap { name in
            BackupRetention.date(ofName: name).map { (name, $0) }
        }
        let previousAge = before.map(\.1).max().map { Int(now.timeIntervalSince($0)) }
        say(try ledger.archive.backup(to: folder + "/" + BackupRetention.name(now)))
        let all = before + [(BackupRetention.name(now), now)]
        let keep = BackupRetention.keep(all.map(\.1), now: now)
        var removed = 0
        for (i, (name, _)) in all.enumerated() where !keep.contains(i) {
            if (try? fm.removeItem(atPath: folder + "/" + name)) != nil { removed += 1 }
        }
        console.say(.backupsRotated(kept: all.count - removed, removed: removed, previousAge: previousAge))
    }

    func say(_ b: ArchiveService.Backup) {
        console.say(.backedUpArchive(path: b.path, bytes: b.bytes, evidence: b.evidence, missing: b.missing))
    }
}

struct RestoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "从备份恢复到一个新的数据库 · Restore a backup into a new database.",
        discussion: """
            先完整检查备份（每个文件对照清单的 SHA-256、数据库完整性、操作记录链条、每个佐证材料文件），全部无误才写入；只恢复到新的路径，不覆盖已有的数据库。

            The backup is checked whole first (every part against its manifest, the database's integrity, the audit chain, every evidence file); only then is anything written, and only to a new path: an existing database is never overwritten.

            示例 · Example:
              kepu restore kepu-20261207-030000.tar --db /var/lib/kepu/恢复/kepu.sqlite
            """)
    @Argument(help: "备份文件（.tar）· The backup.") var file: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let done = try Restore.run(
            archive: console.path(file), to: options.resolvedPath(), context: try auditContext())
        console.say(
            .restored(database: done.database, evidence: done.evidence, auditRows: done.auditRows, schema: done.schema))
    }
}
