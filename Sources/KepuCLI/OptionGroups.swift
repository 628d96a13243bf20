import ArgumentParser
import Foundation
import KepuCore
import KepuOffice
import KepuReport
import KepuStore

/// `--db PATH` and `--lang zh|en`, taken by every command that opens the database.
struct DatabaseOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "数据库文件 · The database file (default: $KEPU_DB, else ~/.local/share/kepu/kepu.sqlite).",
            valueName: "path"))
    var db: String?

    @OptionGroup var language: LanguageOption

    /// --db, else $KEPU_DB, else $XDG_DATA_HOME/kepu/kepu.sqlite, else ~/.local/share/kepu/kepu.sqlite.
    func resolvedPath() -> String {
        let env = console.environment
        if let db, !db.isEmpty { return console.path(db) }
        if let p = env["KEPU_DB"], !p.isEmpty { return console.path(p) }
        if let x = env["XDG_DATA_HOME"], !x.isEmpty { return console.path(x) + "/kepu/kepu.sqlite" }
        let home = env["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/kepu/kepu.sqlite"
    }

    /// Opens the existing database (never creates one) with an audit context for this command.
    func ledger() throws -> Ledger {
        let database = try AppDatabase.open(at: resolvedPath())
        if let m = database.migrated { console.say(.databaseMigrated(backup: m.backup, from: m.from, to: m.to)) }
        return Ledger(database: database, context: try auditContext())
    }
}

/// `--lang zh|en`: the language of everything the command says (default: $KEPU_LANG, else Chinese).
struct LanguageOption: ParsableArguments {
    @Option(
        name: .long, help: ArgumentHelp("语言 · Language: zh or en (default: $KEPU_LANG, else zh).", valueName: "lang"))
    /// Read (and checked) before parsing by `KepuCommandLine`, so that every message is in this language.
    var lang: String?
}

/// `--unit NAME`, for databases that several units share.
struct UnitOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "单位（多个单位共用数据库时）· The unit, when several share the database.",
            valueName: "name"))
    var unit: String?

    var value: String? { unit.nonBlank }
}

/// `--year Y`, optional: the latest plan when left out.
struct YearOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("计划年度（默认最新）· The plan's year (default: the latest).", valueName: "year"))
    var year: String?

    func value() throws -> Int? { try yearValue(year) }
}

/// `--scope project|department`: the project's self-evaluation or the whole department's.
struct ScopeOption: ParsableArguments {
    @Option(help: ArgumentHelp("评价范围 · project（项目支出）| department（部门整体支出）", valueName: "scope"))
    var scope: String = "project"

    func value() throws -> EvaluationScope {
        let t = scope.trimmingCharacters(in: .whitespaces).lowercased()
        switch t {
        case "project", "项目", "项目支出": return .project
        case "department", "部门", "部门整体", "部门整体支出": return .department
        default: throw KepuError(.invalid(field: .named("--scope"), value: scope, form: .scope))
        }
    }
}

/// `--project ID`: one 支出方向 of a year with several (its id or name).
struct ProjectOption: ParsableArguments {
    @Option(
        help: ArgumentHelp(
            "项目（支出方向）的编号或名称；一年有多个项目时使用 · The project (支出方向), by id or name.",
            valueName: "id"))
    var project: String?
}

/// `--format F` and `-o FILE`: a report's format, also taken from the file's extension.
struct OutputOptions: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "格式 · text | md | csv | json | html | xlsx (default: from -o, else text)",
            valueName: "format"))
    var format: String?

    @Option(
        name: .shortAndLong,
        help: ArgumentHelp(
            "写入文件而不是屏幕 · Write to this file instead of stdout.",
            valueName: "file"))
    var output: String?

    func resolvedFormat() throws -> ReportFormat { try outputFormat(format, output: output) }
}

/// The format a command writes: the extension of `-o FILE` decides when it has one (`费用.xlsx` is
/// a workbook, whatever the default), and `--format` beside it must agree; without `-o` or without
/// an extension, `--format`, else text.
func outputFormat(_ format: String?, output: String?) throws -> ReportFormat {
    try checkOutputExtension(output)
    let given = try format.map { try ReportFormat.parse($0) }
    if let output, let fromFile = ReportFormat.fromExtension(output) {
        if let given, given != fromFile {
            throw KepuError(
                .outputFormatDisagrees(format: format ?? "", path: output, fileFormat: fromFile.rawValue))
        }
        return fromFile
    }
    return given ?? .text
}

/// `-o` with an extension kepu does not write (`.docx`) is refused rather than written as text.
func checkOutputExtension(_ output: String?) throws {
    guard let output else { return }
    let ext = (output as NSString).pathExtension.lowercased()
    guard !ext.isEmpty, ReportFormat.fromExtension(output) == nil else { return }
    throw KepuError(
        .unknownOutputExtension(path: output, ext: ext, accepted: ["txt", "md", "csv", "json", "html", "xlsx"]))
}

/// `--sheet`: which sheet of an .xlsx workbook an import reads.
struct SheetOption: ParsableArguments {
    @Option(
        name: .customLong("sheet"),
        help: ArgumentHelp("工作表名（.xlsx，默认第一个）· The sheet of an .xlsx workbook (default: the first).", valueName: "name")
    )
    var value: String?
}

/// `--skip-invalid [--rejects FILE.xlsx]`: an import that leaves its bad rows out instead of refusing the
/// whole file, and writes them, with their reasons, to a workbook to correct and import later.
struct SkipInvalidOptions: ParsableArguments {
    @Flag(
        help: "跳过有错的行，导入其余各行（默认整个文件不导入）· Leave bad rows out and import the rest (default: all or nothing).")
    var skipInvalid = false
    @Option(
        help: ArgumentHelp(
            "把跳过的行连同原因写入这个 .xlsx，改正后可再导入 · Write the rows left out, with their reasons, to this .xlsx.",
            valueName: "file.xlsx"))
    var rejects: String?

    /// The rejects file checked before anything is read: only with --skip-invalid, and an .xlsx.
    func checked() throws -> Bool {
        if let rejects {
            guard skipInvalid else { throw KepuError(.rejectsNeedSkipInvalid) }
            guard rejects.lowercased().hasSuffix(".xlsx") else {
                throw KepuError(
                    .unknownOutputExtension(path: rejects, ext: (rejects as NSString).pathExtension, accepted: ["xlsx"])
                )
            }
        }
        return skipInvalid
    }

    /// After the import: the rows left out said, and written to --rejects.
    func report(_ r: ImportResult, file: String) throws {
        guard skipInvalid, r.leftOutCount > 0 else { return }
        if let rejects {
            try LeftOutWorkbook.write(
                header: r.fileHeader, rows: r.leftOut, lang: Language.current, to: console.path(rejects))
        }
        console.say(.importLeftOut(rows: r.leftOutCount, file: file, rejects: rejects))
    }
}
