import ArgumentParser
import KepuCore

struct EvidenceVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "重新计算每份佐证材料的哈希，报告缺失或被改动的（退出码 2）· Rehash every evidence file.",
        discussion: "示例 · Example:\n  kepu evidence verify")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let (checked, problems) = try options.ledger().evidence.verify()
        for p in problems {
            console.out(
                Catalogue.text(
                    .evidenceProblem(id: p.item.id, file: p.item.fileName, missing: p.problem == .missing), lang))
        }
        guard problems.isEmpty else {
            console.say(.evidenceBroken(problems: problems.count, checked: checked))
            throw CheckFailed(code: 2)
        }
        console.out(Catalogue.text(.evidenceIntact(count: checked), lang))
    }
}
