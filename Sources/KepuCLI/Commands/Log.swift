import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

struct Log: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "log",
        abstract: "操作记录（最新在前）；--verify 核验哈希链 · Show the audit trail; --verify checks its hash chain.",
        discussion: """
            每次写入都追加一行（时间、操作员、命令、记录、修改前后），并与前一行一起计算哈希，绕过 kepu 的改动会被发现。时间按本机时区显示，手机号打码。

            Every write appends a row (time, operator from $KEPU_USER or the OS user, command, record, before and after), hashed with the one before it. Times show in this machine's zone; phones are masked.

            示例 · Example:
              kepu log --since 2023-09-01 --entity cost
              kepu log --entity event --id 3 --details
              kepu log --verify
            """)
    @Flag(help: "核验哈希链 · Recompute the hash chain and report the first broken row.") var verify = false
    @Option(help: ArgumentHelp("最多显示行数 · Show at most this many rows.", valueName: "n")) var limit: String?
    @Option(help: ArgumentHelp("从这天起 · From this day on.", valueName: "date")) var since: String?
    @Option(help: ArgumentHelp("到这天为止 · Up to and including this day.", valueName: "date")) var until: String?
    @Option(
        help: ArgumentHelp(
            "记录类型 · event | attendance | cost | print | survey | measure | volunteer | signup | plan | note",
            valueName: "kind"))
    var entity: String?
    @Option(help: ArgumentHelp("记录编号 · The record's id.", valueName: "id")) var id: String?
    @Option(help: ArgumentHelp("操作员 · Who wrote.", valueName: "name")) var `operator`: String?
    @Flag(help: "显示修改前后 · Show the before/after of each row.") var details = false
    @OptionGroup var options: DatabaseOptions

    /// `--entity` takes a command group's name, a table's, or the Chinese name.
    static func kind(_ text: String) throws -> RecordKind {
        let t = text.trimmingCharacters(in: .whitespaces).lowercased()
        let groups: [String: RecordKind] = [
            "print": .printRun, "measure": .measurement, "import": .importFile, "adjust": .budgetAdjustment,
        ]
        if let k = groups[t] ?? RecordKind(rawValue: t) { return k }
        if let k = RecordKind.allCases.first(where: { Catalogue.recordName($0, .zh) == text }) { return k }
        let choices = [
            "event", "attendance", "cost", "print", "survey", "measure", "volunteer", "signup", "plan", "note",
        ]
        throw KepuError(
            .invalid(
                field: .named("--entity"), value: text,
                form: .choice(
                    .recordKind,
                    choices.map {
                        Choice(
                            raw: $0,
                            chinese: Catalogue.recordName(groups[$0] ?? RecordKind(rawValue: $0) ?? .event, .zh))
                    })))
    }

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
        let filter = AuditService.Filter(
            since: try parsed(since) { try CalendarDate.parse($0, field: .named("--since")).start() },
            until: try parsed(until) { try CalendarDate.parse($0, field: .named("--until")).adding(days: 1).start() },
            entity: try parsed(entity, Self.kind), id: try parsed(id) { try recordID($0, field: .named("--id")) },
            operatorName: `operator`.nonBlank,
            limit: try parsed(limit) { Int(try Parse.positiveCount($0, field: .named("--limit"))) })
        console.out(
            TextRenderer(maxWidth: console.textWidth).render(
                RecordTables.auditTable(try ledger.audit.log(filter), details: details, lang: lang)))
    }
}
