import ArgumentParser

struct PrintCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "print",
        abstract: "登记印刷资料（份数 × 单价）· Record printed material (copies × unit price).",
        subcommands: [
            PrintAdd.self, PrintList.self, ShowRecord<PrintGroup>.self, PrintEdit.self, VoidRecord<PrintGroup>.self,
            RestoreRecord<PrintGroup>.self,
        ])
}
