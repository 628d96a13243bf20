import ArgumentParser
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

/// A command group whose records can be listed, shown, voided and restored.
protocol RecordGroup {
    static var kind: RecordKind { get }
    /// The group's command name: `cost`.
    static var group: String { get }
}

enum EventGroup: RecordGroup {
    static var kind: RecordKind { .event }
    static var group: String { "event" }
}

enum AttendanceGroup: RecordGroup {
    static var kind: RecordKind { .attendance }
    static var group: String { "attendance" }
}

enum CostGroup: RecordGroup {
    static var kind: RecordKind { .cost }
    static var group: String { "cost" }
}

enum PrintGroup: RecordGroup {
    static var kind: RecordKind { .printRun }
    static var group: String { "print" }
}

enum SurveyGroup: RecordGroup {
    static var kind: RecordKind { .survey }
    static var group: String { "survey" }
}

enum MeasureGroup: RecordGroup {
    static var kind: RecordKind { .measurement }
    static var group: String { "measure" }
}

enum EvidenceGroup: RecordGroup {
    static var kind: RecordKind { .evidence }
    static var group: String { "evidence" }
}

/// `--year`, `--event`, `--all`, `--format`, `-o`: what every record list takes.
struct ListOptions: ParsableArguments {
    @Option(help: ArgumentHelp("只列该年度计划期（或自然年）内的记录 · Only records of this year.", valueName: "year"))
    var year: String?
    @Option(
        help: ArgumentHelp(
            "只列该活动（含子活动）的记录 · Only records of this event and its sub-activities.",
            valueName: "id"))
    var event: String?
    @Flag(help: "包括已作废的记录 · Include voided records, marked as voided.") var all = false
    @Option(
        help: ArgumentHelp(
            "格式 · text | md | csv | json | html | xlsx (default: from -o, else text; xlsx needs -o)",
            valueName: "format"))
    var format: String?
    @Option(name: .shortAndLong, help: ArgumentHelp("写入文件 · Write to this file instead of stdout.", valueName: "file"))
    var output: String?

    func filter(_ ledger: Ledger, unit: String?) throws -> RecordFilter {
        let y = try yearValue(year)
        var range: DateRange?
        if let y { range = (try? ledger.plans.plan(year: y, unit: unit).plan.period) ?? DateRange.year(y) }
        return RecordFilter(
            range: range, event: try parsed(event) { try recordID($0, field: .named("--event")) }, unit: unit,
            includeVoided: all)
    }

    /// What a list names in place of codes and numbers: in a workbook, lines and events by their names (a
    /// workbook is read by people); in every other format, none (the codes and numbers the options take).
    func workbookNames(_ ledger: Ledger, events: [Int64?]) throws -> RecordNames {
        guard (try? outputFormat(format, output: output)) == .xlsx else { return .none }
        return try WorkbookNames.of(ledger, events: Set(events.compactMap { $0 }))
    }

    /// Prints (or writes) a list in the chosen format; JSON is an array of objects.
    func emitList(_ table: ReportTable, json items: [RecordItem], kind: RecordKind) throws {
        let fmt = try outputFormat(format, output: output)
        let lang = Language.current
        guard !items.isEmpty else {
            console.say(.noRecords(kind))
            return
        }
        let title = Catalogue.recordName(kind, lang) + (year.map { lang.t("（\($0)年）", " (\($0))") } ?? "")
        let text: String
        switch fmt {
        case .xlsx:
            try emitWorkbook(to: output, what: .list) { path in
                try XLSXRenderer.write(
                    [XLSXRenderer.Sheet(name: Catalogue.recordName(kind, lang), title: title, table: table)], to: path,
                    title: title)
            }
            return
        case .text:
            text = TextRenderer(color: output == nil && console.stdoutIsTerminal, maxWidth: console.textWidth).render(
                table)
        case .md: text = MarkdownRenderer().render(table)
        case .csv: text = CSVRenderer().render(table)
        case .json: text = RecordTables.json(items)
        case .html:
            text = HTMLRenderer(lang: lang).render(
                Report(title: title, sections: [Section(heading: nil, blocks: [.table(table)])]))
        }
        try emit(text, to: output, what: .list)
    }
}

/// `kepu GROUP show ID`: one record and its history.
struct ShowRecord<G: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let name = Catalogue.recordName(G.kind, .zh)
        return CommandConfiguration(
            commandName: "show",
            abstract: "显示一条\(name)记录及其修改记录 · Show one \(Catalogue.recordName(G.kind, .en)) with its history.",
            discussion: "示例 · Example:\n  kepu \(G.group) show 12")
    }
    @Argument(help: "编号 · The record's id.") var id: String
    @Flag(help: "显示完整手机号 · Show phone numbers unmasked.") var showPhones = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        try showRecord(G.kind, rid, showPhones: showPhones, options: options)
    }
}

func showRecord(_ kind: RecordKind, _ id: Int64, showPhones: Bool, options: DatabaseOptions) throws {
    let ledger = try options.ledger()
    let item = try ledger.corrections.item(kind, id)
    let history = try ledger.audit.history(kind, id)
    let report = RecordTables.detail(item, history: history, maskPhones: !showPhones, lang: Language.current)
    console.out(TextRenderer(color: console.stdoutIsTerminal, maxWidth: console.textWidth).render(report))
}

/// `kepu GROUP void ID --reason R`.
struct VoidRecord<G: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let name = Catalogue.recordName(G.kind, .zh)
        let along = G.kind == .event ? "（连同子活动和其下全部记录）" : ""
        return CommandConfiguration(
            commandName: "void",
            abstract: "作废一条\(name)记录\(along)，保留原因 · Void a \(Catalogue.recordName(G.kind, .en)) with a reason.",
            discussion: """
                不删除任何内容：记录留在台账和操作记录中，标为作废；kepu \(G.group) restore 可以撤销。
                Nothing is deleted; kepu \(G.group) restore undoes it.

                示例 · Example:
                  kepu \(G.group) void 12 --reason 重复录入
                """)
    }
    @Argument(help: "编号 · The record's id.") var id: String
    @Option(help: ArgumentHelp("作废原因（记入操作记录）· Why it is voided.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        try voidRecord(G.kind, rid, reason: reason, options: options)
    }
}

func voidRecord(_ kind: RecordKind, _ id: Int64, reason: String, options: DatabaseOptions) throws {
    let why = try Parse.text(reason, field: .named("--reason"))
    let r = try options.ledger().corrections.void(kind, id, reason: why)
    console.say(.recordVoided(id: r.id, label: r.label, also: r.also, reason: why))
}

/// `kepu GROUP restore ID --reason R`.
struct RestoreRecord<G: RecordGroup>: ParsableCommand {
    static var configuration: CommandConfiguration {
        let name = Catalogue.recordName(G.kind, .zh)
        return CommandConfiguration(
            commandName: "restore",
            abstract: "撤销对一条\(name)记录的作废 · Undo the void of a \(Catalogue.recordName(G.kind, .en)).",
            discussion: """
                只恢复那一次作废所作废的记录；此前单独作废的记录仍然作废。会破坏规则的恢复（如所属活动已作废）会被拒绝并说明原因。
                Restores exactly what that void voided; a restore that would break a rule is refused with the reason.

                示例 · Example:
                  kepu \(G.group) restore 12 --reason 误作废
                """)
    }
    @Argument(help: "编号 · The record's id.") var id: String
    @Option(help: ArgumentHelp("恢复原因（记入操作记录）· Why it is restored.", valueName: "reason")) var reason: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let rid = try recordID(id, field: .named(Language.current.t("编号", "id")))
        try restoreRecord(G.kind, rid, reason: reason, options: options)
    }
}

func restoreRecord(_ kind: RecordKind, _ id: Int64, reason: String, options: DatabaseOptions) throws {
    let why = try Parse.text(reason, field: .named("--reason"))
    let r = try options.ledger().corrections.restore(kind, id, reason: why)
    console.say(.recordRestored(id: r.id, label: r.label, also: r.also, reason: why))
}

/// The confirmation of an edit; the reason is required so that the audit row's command line carries it.
func reportEdit(_ r: EditOutcome) {
    console.say(.recordEdited(id: r.id, label: r.label, changes: r.changes))
}

/// `--reason`, required by every edit.
struct ReasonOption: ParsableArguments {
    @Option(help: ArgumentHelp("修改原因（记入操作记录）· Why it is changed.", valueName: "reason")) var reason: String

    func validated() throws -> String { try Parse.text(reason, field: .named("--reason")) }
}
