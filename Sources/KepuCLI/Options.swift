import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

/// `--db PATH`, taken by every command after its name.
struct DatabaseOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The database file (default: $KEPU_DB, else ~/.local/share/kepu/kepu.sqlite).",
                                            valueName: "path"))
    var db: String?

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
        return Ledger(database: database, context: auditContext())
    }
}

func auditContext() -> AuditContext {
    let rt = console
    return AuditContext(operatorName: AuditContext.operatorName(environment: rt.environment), command: rt.commandLine,
                        now: rt.now)
}

/// Parses an optional option value with a core parser.
func parsed<T>(_ value: String?, _ parse: (String) throws -> T) throws -> T? {
    guard let value else { return nil }
    return try parse(value)
}

/// A record id from the command line: a positive integer.
func recordID(_ text: String, field: String) throws -> Int64 {
    guard let v = Int64(text.trimmingCharacters(in: .whitespaces)), v > 0 else {
        throw KepuError.invalid(field, text, isNot: "a record id", accepted: "ids are whole numbers such as 12 (see the list commands)")
    }
    return v
}

/// Prints a new record's id alone on stdout and a one-line confirmation on stderr.
func reportAdded(_ id: Int64, _ confirmation: String) {
    console.out(String(id))
    console.err(confirmation)
}

/// `--year`: a year such as 2023.
func yearValue(_ text: String?) throws -> Int? {
    try parsed(text) { t in
        guard let y = Int(t), (1900...9999).contains(y) else {
            throw KepuError.invalid("--year", t, isNot: "a year", accepted: "write a year such as 2023")
        }
        return y
    }
}

extension Optional where Wrapped == String {
    /// nil for a missing or blank option.
    var nonBlank: String? {
        guard let s = self?.trimmingCharacters(in: .whitespaces), !s.isEmpty else { return nil }
        return s
    }
}

/// Writes a command's output to `-o FILE`, saying so on stderr, or prints it.
func emit(_ text: String, to output: String?, what: String) throws {
    guard let output else {
        console.out(text)
        return
    }
    let path = console.path(output)
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw KepuError("cannot write \(what) to \(output): \(error.localizedDescription)")
    }
    console.err("wrote \(what) to \(path)")
}

/// Prints a listing in a report format (JSON is kept for the reports, whose keys are a contract).
func printList(_ table: ReportTable, title: String, format: ReportFormat) throws {
    switch format {
    case .text: console.out(TextRenderer(color: console.stdoutIsTerminal).render(table))
    case .csv: console.out(CSVRenderer().render(table))
    case .md: console.out(MarkdownRenderer().render(table))
    case .html: console.out(HTMLRenderer().render(Report(title: title, sections: [Section(heading: nil, blocks: [.table(table)])])))
    case .json:
        throw KepuError.invalid("--format", "json", isNot: "a listing format", accepted: "use text, md, csv or html (kepu export --format json has everything)")
    }
}
