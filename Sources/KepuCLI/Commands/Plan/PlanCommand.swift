import ArgumentParser

struct PlanCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "plan",
        abstract: "导入、检查、查看年度绩效目标表 · Import, check and show the year's targets (绩效目标表).",
        subcommands: [
            PlanImport.self, PlanShow.self, PlanList.self, PlanLintCommand.self, PlanAdjust.self, PlanNew.self,
        ])
}
