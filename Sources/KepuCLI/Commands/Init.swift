import ArgumentParser
import KepuStore

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new, empty kepu database (readable by its owner only).",
        discussion: """
            Example:
              kepu init --db ~/科协/kepu.sqlite
            """)

    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let path = options.resolvedPath()
        _ = try AppDatabase.create(at: path)
        console.err("created the kepu database \(path); next: kepu plan import FILE --db \(shellQuoted(path))")
    }
}
