import ArgumentParser

struct CostCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cost",
        abstract: "按计划的支出明细登记费用 · Record costs against the plan's spending lines.",
        subcommands: [
            CostAdd.self, CostImport.self, CostList.self, ShowRecord<CostGroup>.self, CostEdit.self,
            VoidRecord<CostGroup>.self, RestoreRecord<CostGroup>.self,
        ])
}
