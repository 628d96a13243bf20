import ArgumentParser
import KepuCore

struct VolunteerVoid: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "void",
        abstract: "作废志愿者（连同其报名记录）或一条报名记录 · Void a volunteer and their sign-ups, or one sign-up.",
        discussion: """
            示例 · Example:
              kepu volunteer void 3 --reason 重复登记
              kepu volunteer void --signup 8 --reason 当天未到岗
            """)
    @Argument(help: "志愿者编号 · The volunteer id.") var id: String?
    @Option(help: ArgumentHelp("报名记录编号 · A sign-up id instead.", valueName: "id")) var signup: String?
    @Option(help: ArgumentHelp("作废原因 · Why it is voided.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (kind, rid) = try volunteerOrSignup(id, signup)
        try voidRecord(kind, rid, reason: reason, options: options)
    }
}

struct VolunteerRestore: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "撤销对志愿者或报名记录的作废 · Undo the void of a volunteer or a sign-up.",
        discussion: """
            示例 · Example:
              kepu volunteer restore 3 --reason 误作废
              kepu volunteer restore --signup 8 --reason 补交签到表
            """)
    @Argument(help: "志愿者编号 · The volunteer id.") var id: String?
    @Option(help: ArgumentHelp("报名记录编号 · A sign-up id instead.", valueName: "id")) var signup: String?
    @Option(help: ArgumentHelp("恢复原因 · Why it is restored.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (kind, rid) = try volunteerOrSignup(id, signup)
        try restoreRecord(kind, rid, reason: reason, options: options)
    }
}
