import ArgumentParser
import KepuCore
import KepuReport

struct YearCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "year",
        abstract: "封账：自评报送后锁定年度 · Lock a year once its self-evaluation is handed in.",
        subcommands: [YearLock.self, YearUnlock.self, YearStatus.self])
}

struct YearLock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lock",
        abstract: "封账：此后日期在该年的记录都不能再改 · Lock a year against every write dated in it.",
        discussion: """
            封账后，日期在该年度的活动、人次、费用、印刷品、问卷、志愿服务、说明和评分都不能再新增、修改、作废或恢复，命令行和网页都一样。一个数据库里的所有单位一起封账。

            Once locked, nothing dated in the year can be added, edited, voided or restored, on the command line or the web. A lock covers every unit in the database.

            示例 · Example:
              kepu year lock 2023 --reason 已报送财政局
            """)
    @Argument(help: ArgumentHelp("年度 · The year.", valueName: "year")) var year: String
    @Option(help: ArgumentHelp("原因 · Why, e.g. 已报送财政局.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year) ?? 0
        let why = try Parse.text(reason, field: .named("--reason"))
        let id = try options.ledger().years.lock(y, reason: why)
        console.added(id, .yearLocked(year: y, reason: why))
    }
}

struct YearUnlock: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unlock",
        abstract: "解除封账（须写明原因，留有记录）· Lift a year's lock, with a reason.",
        discussion: """
            示例 · Example:
              kepu year unlock 2023 --reason 财政局退回，更正科普日人次
            """)
    @Argument(help: ArgumentHelp("年度 · The year.", valueName: "year")) var year: String
    @Option(help: ArgumentHelp("原因 · Why.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let y = try yearValue(year) ?? 0
        let why = try Parse.text(reason, field: .named("--reason"))
        let id = try options.ledger().years.unlock(y, reason: why)
        console.added(id, .yearUnlocked(year: y, reason: why))
    }
}

struct YearStatus: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "列出封账记录 · List the locks, in force and lifted.",
        discussion: "示例 · Example:\n  kepu year status")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let lang = Language.current
        let locks = try options.ledger().years.status()
        guard !locks.isEmpty else {
            console.say(.noYearLocks)
            return
        }
        let t = ReportTable(
            columns: [
                .init(lang.t("年度", "Year"), .right), .init(lang.t("状态", "Status")),
                .init(lang.t("封账日期", "Locked on")), .init(lang.t("原因", "Reason")),
                .init(lang.t("操作人", "By")), .init(lang.t("解除", "Unlocked")),
            ],
            rows: locks.map { l in
                [
                    Cell(String(l.year)),
                    l.inForce ? Cell(lang.t("已封账", "locked"), .strong) : Cell(lang.t("已解除", "unlocked")),
                    Cell(l.lockedOn.description), Cell(l.reason), Cell(l.lockedBy),
                    Cell(
                        l.unlockedAt.map {
                            "\(RecordTables.localTime($0)) \(l.unlockedBy ?? "")：\(l.unlockReason ?? "")"
                        } ?? "—"),
                ]
            })
        console.out(TextRenderer(maxWidth: console.textWidth).render(t))
    }
}
