import ArgumentParser
import KepuStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "新建空的 kepu 数据库（仅本人可读）· Create a new, empty kepu database (owner-only).",
        discussion: """
            示例 · Example:
              kepu init --db ~/科协/kepu.sqlite
            """)

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let path = options.resolvedPath()
        _ = try AppDatabase.create(at: path)
        console.say(.databaseCreated(path: path, next: "kepu plan import FILE --db \(shellQuoted(path))"))
    }
}
