import ArgumentParser

struct BaselineCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "baseline",
        abstract: "登记往年基数（数据库中没有该年数据时）· Record a previous year's figures.",
        subcommands: [BaselineSet.self])
}
