import ArgumentParser

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence",
        abstract: "保存佐证材料：签到表、照片、发票 · Keep the evidence (佐证材料) behind the figures.",
        subcommands: [
            EvidenceAdd.self, EvidenceList.self, EvidenceVerify.self, VoidRecord<EvidenceGroup>.self,
            RestoreRecord<EvidenceGroup>.self,
        ])
}
