import ArgumentParser
import KepuCore

struct EvidenceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "把文件复制到数据库旁的佐证材料文件夹并登记 · Copy a file into the evidence folder and record it.",
        discussion: """
            示例 · Example:
              kepu evidence add 科普日主场签到表.pdf --kind 签到表 --event 7
              kepu evidence add 发票43020901.jpg --kind 发票 --cost 12
            """)
    @Argument(help: "文件 · The file.") var file: String
    @Option(
        help: ArgumentHelp(
            "类型 · 签到表(signin) 照片(photo) 发票(invoice) 合同(contract) 新闻报道(news) 问卷(survey) 其他(other)",
            valueName: "kind"))
    var kind: String
    @Option(help: ArgumentHelp("支撑的活动 · The event it supports.", valueName: "id")) var event: String?
    @Option(help: ArgumentHelp("支撑的费用 · The cost it supports.", valueName: "id")) var cost: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let k = try EvidenceKind.parse(kind, field: .named("--kind"))
        let eid = try parsed(event) { try recordID($0, field: .named("--event")) }
        let cid = try parsed(cost) { try recordID($0, field: .named("--cost")) }
        if eid == nil && cid == nil { throw KepuError(.evidenceNeedsRecord) }
        let name = displayName(file)
        let r = try options.ledger().evidence.add(
            file: console.path(file), displayName: name, kind: k, event: eid, cost: cid)
        console.added(
            r.id,
            .evidenceAdded(
                id: r.id, file: name, kind: k, size: r.size, sha: r.sha256,
                alreadyStored: r.alreadyStored))
    }
}
