import ArgumentParser

struct AttendanceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attendance",
        abstract: "登记人次：现场计数、线上观看、签到表 · Record attendance (人次).",
        subcommands: [
            AttendanceAdd.self, AttendanceImport.self, AttendanceList.self, ShowRecord<AttendanceGroup>.self,
            AttendanceEdit.self, VoidRecord<AttendanceGroup>.self, RestoreRecord<AttendanceGroup>.self,
        ])
}
