import ArgumentParser

struct NoteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "note",
        abstract: "指标说明：偏差原因、改进措施、手工评分 · Explain an indicator.",
        subcommands: [NoteSet.self])
}
