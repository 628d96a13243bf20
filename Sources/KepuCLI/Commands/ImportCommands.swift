import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

/// Progress on stderr when it is a terminal, nothing otherwise.
func progressPrinter(_ what: String) -> ((Int) -> Void)? {
    guard console.stderrIsTerminal else { return nil }
    return { n in console.err("\r\(what): \(n) rows…") }
}

func reportImport(_ r: ImportResult, what: String) {
    if !r.ignoredColumns.isEmpty {
        console.err("note: columns not used by kepu were ignored: \(r.ignoredColumns.joined(separator: ", "))")
    }
    var parts = ["\(r.rows) rows (\(r.encoding))"]
    if r.volunteersCreated + r.volunteersMatched > 0 {
        parts.append("\(r.volunteersCreated) new volunteers, \(r.volunteersMatched) already known")
    }
    if r.organizationsCreated > 0 { parts.append("\(r.organizationsCreated) new organizations") }
    if r.signups > 0 { parts.append("\(r.signups) sign-ups") }
    if r.total > .zero { parts.append("\(r.total) in total") }
    if r.dryRun {
        console.err("dry run: \(r.file) would import \(parts.joined(separator: ", ")) as \(what); nothing was written")
    } else {
        console.out(String(r.attendanceID ?? r.importID ?? 0))
        console.err("imported \(r.file): \(parts.joined(separator: ", ")) as \(what)"
            + (r.importID.map { " (import \($0))" } ?? ""))
    }
}

struct AttendanceImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import a sign-in sheet (CSV) as one attendance entry backed by its rows.",
        discussion: """
            Columns are found by header: 姓名/name (required), 手机/phone, 时间/time, in any order. UTF-8 (with or without BOM) and GBK/GB18030 from Excel are detected. A bad row fails the whole import with its line number; a file imported before is refused. Prints the new attendance id.

            Example:
              kepu attendance import --event 7 科普日主场签到表.csv --dry-run
              kepu attendance import --event 7 科普日主场签到表.csv
            """)
    @Option(help: "The event id.") var event: String
    @Argument(help: "The sign-in sheet (CSV).") var file: String
    @Option(help: "The day of the sheet (default: the event's first day).") var date: String?
    @Flag(help: "Check the file and report what would be imported, writing nothing.") var dryRun = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let eid = try recordID(event, field: "--event")
        let day = try parsed(date) { try CalendarDate.parse($0, field: "--date") }
        let r = try options.ledger().importSignins(path: console.path(file), displayName: (file as NSString).lastPathComponent,
                                                   event: eid, date: day, dryRun: dryRun, progress: progressPrinter("sign-ins"))
        reportImport(r, what: "sign-ins of event \(eid)" + (r.attendanceID.map { " (attendance \($0), \(r.rows)人次)" } ?? ""))
    }
}

struct VolunteerImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import volunteers (CSV); a row that names an event is also a sign-up.",
        discussion: """
            Columns: 姓名/name (required), 手机/phone, 队伍/org, 活动/event (an event id), 时长/hours, 日期/date, 角色/role, 平台编号/platform. Volunteers are matched by phone, else by name and organization; new organizations are created. All rows or none.

            Example:
              kepu volunteer import 2023志愿者名单.csv --dry-run
              kepu volunteer import 2023志愿者名单.csv
            """)
    @Argument(help: "The volunteer list (CSV).") var file: String
    @Flag(help: "Check the file and report what would be imported, writing nothing.") var dryRun = false
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let r = try options.ledger().importVolunteers(path: console.path(file), displayName: (file as NSString).lastPathComponent,
                                                      dryRun: dryRun, progress: progressPrinter("volunteers"))
        reportImport(r, what: "volunteers")
    }
}

struct CostImport: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import", abstract: "Import the finance office's ledger (CSV): each row a cost against a plan line.",
        discussion: """
            Columns: 日期/date, 金额/amount, 支出明细/line (all required), 活动/event, 发票号/invoice, 摘要/summary, 收款方/payee. Each row is charged to the line of the plan covering its date.

            Example:
              kepu cost import 2023科普经费明细账.csv --dry-run
              kepu cost import 2023科普经费明细账.csv
            """)
    @Argument(help: "The ledger (CSV).") var file: String
    @Flag(help: "Check the file and report what would be imported, writing nothing.") var dryRun = false
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let r = try options.ledger().importCosts(path: console.path(file), displayName: (file as NSString).lastPathComponent,
                                                 unit: unit.nonBlank, dryRun: dryRun, progress: progressPrinter("costs"))
        reportImport(r, what: "costs")
    }
}

struct EvidenceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "evidence", abstract: "Keep the evidence (佐证材料) behind the figures: sign-in sheets, photos, invoices.",
        subcommands: [EvidenceAdd.self, EvidenceList.self, EvidenceVerify.self])
}

struct EvidenceAdd: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add", abstract: "Copy a file into the evidence folder beside the database (by SHA-256) and record it.",
        discussion: """
            Example:
              kepu evidence add 科普日主场签到表.pdf --kind signin --event 7
              kepu evidence add 发票43020901.jpg --kind invoice --cost 12
            """)
    @Argument(help: "The file.") var file: String
    @Option(help: "signin | photo | invoice | contract | news | survey | other") var kind: String
    @Option(help: "The event it supports.") var event: String?
    @Option(help: "The cost it supports.") var cost: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let k = try EvidenceKind.parse(kind, field: "--kind")
        let eid = try parsed(event) { try recordID($0, field: "--event") }
        let cid = try parsed(cost) { try recordID($0, field: "--cost") }
        if eid == nil && cid == nil {
            throw KepuError("evidence add needs --event or --cost: evidence supports a record", kind: .usage)
        }
        let name = (file as NSString).lastPathComponent
        let r = try options.ledger().addEvidence(file: console.path(file), displayName: name, kind: k, event: eid, cost: cid)
        reportAdded(r.id, "added evidence \(r.id): \(name) (\(k.rawValue), \(r.size) bytes, sha256 \(r.sha256.prefix(12))…)"
            + (r.alreadyStored ? "; the same content was already stored" : ""))
    }
}

struct EvidenceList: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "list", abstract: "List the stored evidence.", discussion: "Example:\n  kepu evidence list")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let items = try options.ledger().evidence()
        if items.isEmpty {
            console.err("no evidence yet; add some with: kepu evidence add FILE --kind signin --event ID")
            return
        }
        console.out(TextRenderer().render(ReportTable(
            columns: [.init("id", .right), .init("file"), .init("kind"), .init("event", .right), .init("cost", .right),
                      .init("bytes", .right), .init("sha256"), .init("added")],
            rows: items.map {
                [Cell(String($0.id)), Cell($0.fileName), Cell($0.kind.rawValue), Cell($0.event.map(String.init) ?? ""),
                 Cell($0.cost.map(String.init) ?? ""), Cell(String($0.size)), Cell(String($0.sha256.prefix(16)) + "…"),
                 Cell(String($0.addedAt.prefix(10)))]
            })))
    }
}

struct EvidenceVerify: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify", abstract: "Rehash every evidence file; report missing or altered ones (exit 2).",
        discussion: "Example:\n  kepu evidence verify")
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let (checked, problems) = try options.ledger().verifyEvidence()
        for p in problems { console.out("evidence \(p.item.id) (\(p.item.fileName)): \(p.problem)") }
        if problems.isEmpty {
            console.out("all \(checked) evidence file\(checked == 1 ? "" : "s") present and unaltered")
        } else {
            console.err("\(problems.count) of \(checked) evidence files missing or altered")
            throw CheckFailed(code: 2)
        }
    }
}

struct Backup: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Make an online backup of the database (safe while others write).",
        discussion: """
            Uses SQLite's backup API, so the copy is consistent even while another kepu writes; the copy is checked with PRAGMA integrity_check. The evidence folder is not included: copy it alongside.

            Example:
              kepu backup ~/备份/kepu-2023-12-31.sqlite
            """)
    @Argument(help: "The new backup file.") var file: String
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        let path = console.path(file)
        let r = try options.ledger().backup(to: path)
        guard r.integrity == "ok" else { throw KepuError("the backup \(path) failed its integrity check: \(r.integrity)") }
        console.err("backed up to \(path) (\(r.pages) pages, integrity ok)")
    }
}

struct Export: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Dump a year's plan and whole ledger as JSON, for the archive.",
        discussion: """
            Example:
              kepu export --year 2023 --format json -o 2023-kepu-archive.json
            """)
    @Option(help: "The plan's year.") var year: String
    @Option(help: "json") var format: String = "json"
    @Option(name: .shortAndLong, help: "Write to this file instead of stdout.") var output: String?
    @Option(help: "The unit, when several share the database.") var unit: String?
    @OptionGroup var options: DatabaseOptions

    func run() throws {
        guard format.lowercased() == "json" else {
            throw KepuError.invalid("--format", format, isNot: "an export format", accepted: "use json")
        }
        let y = try yearValue(year)
        let json = try options.ledger().export(year: y, unit: unit.nonBlank).render(indent: 1)
        try emit(json, to: output, what: "the \(y!) export")
    }
}
