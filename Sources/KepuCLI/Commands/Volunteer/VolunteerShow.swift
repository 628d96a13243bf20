import ArgumentParser
import KepuCore

struct VolunteerShow: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "show",
        abstract: "显示一位志愿者或一条报名记录及其修改记录 · Show a volunteer or a sign-up with its history.",
        discussion: """
            示例 · Example:
              kepu volunteer show 3
              kepu volunteer show --signup 8
            """)
    @Argument(help: "志愿者编号 · The volunteer id.") var id: String?
    @Option(help: ArgumentHelp("报名记录编号 · A sign-up id instead.", valueName: "id")) var signup: String?
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (kind, rid) = try volunteerOrSignup(id, signup)
        try showRecord(kind, rid, showPhones: showPhones, options: options)
    }
}

/// A volunteer id, or `--signup ID`: exactly one of them.
func volunteerOrSignup(_ id: String?, _ signup: String?) throws -> (RecordKind, Int64) {
    switch (id, signup) {
    case (let id?, nil):
        return (.volunteer, try recordID(id, field: .named(Language.current.t("志愿者编号", "volunteer id"))))
    case (nil, let s?): return (.signup, try recordID(s, field: .named("--signup")))
    default:
        throw KepuError(
            .commandLine(
                .other(
                    Language.current.t(
                        "请给出志愿者编号，或用 --signup 给出报名记录编号（二选一）",
                        "give a volunteer id, or a sign-up id with --signup (one of them)"))))
    }
}
