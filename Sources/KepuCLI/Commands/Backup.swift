import ArgumentParser
import KepuCore
import KepuStore

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "backup",
        abstract: "在线备份数据库（他人写入时也安全）· Make an online backup of the database.",
        discussion: """
            用 SQLite 的备份接口，即使别人正在写入，备份也是一致的；备份后做完整性检查。佐证材料文件夹不在备份内，请一并复制。

            Uses SQLite's backup API, so the copy is consistent even while another kepu writes; the copy is checked with PRAGMA integrity_check. The evidence folder is not included: copy it alongside.

            示例 · Example:
              kepu backup ~/备份/kepu-2023-12-31.sqlite
            """)
    @Argument(help: "备份文件 · The new backup file.") var file: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let path = console.path(file)
        let r = try options.ledger().archive.backup(to: path)
        guard r.integrity == "ok" else { throw KepuError(.backupIntegrity(path: path, result: r.integrity)) }
        console.say(.backedUp(path: path, pages: r.pages))
    }
}
