import ArgumentParser

struct BasicCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "basic",
        abstract: "登记年度基本支出，用于部门整体支出绩效自评 · Record the year's basic expenditure.",
        subcommands: [BasicSet.self])
}
