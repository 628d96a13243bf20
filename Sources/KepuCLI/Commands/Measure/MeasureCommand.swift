import ArgumentParser

struct MeasureCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "measure",
        abstract: "登记外部测量值（如全区公民科学素质比例）· Record external figures.",
        subcommands: [
            MeasureAdd.self, MeasureList.self, ShowRecord<MeasureGroup>.self, MeasureEdit.self,
            VoidRecord<MeasureGroup>.self, RestoreRecord<MeasureGroup>.self,
        ])
}
