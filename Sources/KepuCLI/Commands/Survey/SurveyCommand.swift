import ArgumentParser

struct SurveyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "survey",
        abstract: "登记满意度调查结果 · Record satisfaction survey tallies.",
        subcommands: [
            SurveyAdd.self, SurveyImport.self, SurveyList.self, ShowRecord<SurveyGroup>.self, SurveyEdit.self,
            VoidRecord<SurveyGroup>.self, RestoreRecord<SurveyGroup>.self,
        ])
}
