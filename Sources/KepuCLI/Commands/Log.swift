import ArgumentParser
import KepuCore
import KepuReport
import KepuStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "操作记录（最新在前）；--verify 核验哈希链 · Show the audit trail; --verify checks its hash chain.",
        discussion: """
            每次写入都追加一行（时间、操作员、命令、记录、修改前后），并与前一行一起计算哈希，绕过 kepu 的改动会被发现。

            Every write appends a row (time, operator from $KEPU_USER or the OS user, command, record, before and after), hashed with the one before it, so an edit behind kepu's back shows.

            示例 · Example:
              kepu log --limit 20
              kepu log --verify
            """)
    @Flag(help: "核验哈希链 · Recompute the hash chain and report the first broken row.") var verify = false
    @Option(help: ArgumentHelp("最多显示行数 · Show at most this many rows.", valueName: "n")) var limit: String?
    @Flag(help: "显示修改前后 · Show the before/after of each row.") var details = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let ledger = try options.ledger()
        let lang = Language.current
        if verify {
            let v = try ledger.audit.verify()
            if let broken = v.firstBroken {
                console.err(Catalogue.text(.auditBroken(row: broken.id, reason: broken.reason), lang))
                throw CheckFailed(code: 2)
            }
            console.out(Catalogue.text(.auditIntact(rows: v.rows), lang))
            return
        }
        let n = try parsed(limit) { Int(try Parse.positiveCount($0, field: "--limit")) }
        var rows: [[Cell]] = []
        for e in try ledger.audit.log(limit: n) {
            let what: String
            switch e.action {
            case .add: what = lang.t("新增", "add")
            case .void: what = lang.t("作废", "void")
            case .restore: what = lang.t("恢复", "restore")
            case .change: what = lang.t("修改", "change")
            }
            let record = RecordKind(rawValue: e.entity).map { Catalogue.recordName($0, lang) } ?? e.entity
            rows.append([
                Cell(String(e.id)), Cell(e.at), Cell(e.operatorName),
                Cell(record + (e.entityID.map { " \($0)" } ?? "")), Cell(what), Cell(e.command),
            ])
            if details {
                if let b = e.before { rows.append(["", "", "", "", Cell(lang.t("修改前", "before")), Cell(b)]) }
                if let a = e.after { rows.append(["", "", "", "", Cell(lang.t("修改后", "after")), Cell(a)]) }
            }
        }
        console.out(
            TextRenderer().render(
                ReportTable(
                    columns: [
                        .init("#", .right), .init(lang.t("时间（UTC）", "time (UTC)")), .init(lang.t("操作员", "operator")),
                        .init(lang.t("记录", "record")), .init(lang.t("操作", "what")), .init(lang.t("命令", "command")),
                    ],
                    rows: rows)))
    }
}
