import ArgumentParser
import Foundation
import KepuCore
import KepuReport
import KepuStore

/// The audit context of this command: operator, command line, clock and `KEPU_TODAY`.
func auditContext() throws -> AuditContext {
    let rt = console
    let day = try rt.today()
    let fixed = rt.environment["KEPU_TODAY"].map { !$0.isEmpty } ?? false
    let today: (@Sendable () -> CalendarDate)? = fixed ? { @Sendable in day } : nil
    return AuditContext(
        operatorName: AuditContext.operatorName(environment: rt.environment), command: rt.commandLine,
        now: rt.now, today: today)
}

/// Parses an optional option value with a core parser.
func parsed<T>(_ value: String?, _ parse: (String) throws -> T) throws -> T? {
    guard let value else { return nil }
    return try parse(value)
}

/// A record id from the command line: a positive integer.
func recordID(_ text: String, field: Field) throws -> Int64 {
    guard let v = Int64(text.trimmingCharacters(in: .whitespaces)), v > 0 else {
        throw KepuError(.invalid(field: field, value: text, form: .recordID))
    }
    return v
}

/// `--year`: a year such as 2023.
func yearValue(_ text: String?, field: Field = .year) throws -> Int? {
    try parsed(text) { t in
        guard let y = Int(t.trimmingCharacters(in: .whitespaces)), Plan.years.contains(y) else {
            throw KepuError(.invalid(field: field, value: t, form: .year))
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

extension Runtime {
    /// Prints a notice on stderr in the command's language.
    func say(_ n: Notice) { err(Catalogue.text(n, Language.current, names: .options)) }

    /// Prints a new record's id alone on stdout and its confirmation on stderr.
    func added(_ id: Int64, _ n: Notice) {
        out(String(id))
        say(n)
    }
}

/// The file name a user gave, for messages.
func displayName(_ path: String) -> String { (path as NSString).lastPathComponent }

/// Progress on stderr when it is a terminal, nothing otherwise.
func progressPrinter(_ what: ImportKind) -> ((Int) -> Void)? {
    guard console.stderrIsTerminal else { return nil }
    return { n in console.err(Catalogue.text(Notice.importProgress(what: what, rows: n), Language.current)) }
}

/// Writes a command's output to `-o FILE`, saying so on stderr, or prints it.
func emit(_ text: String, to output: String?, what: Notice.Output) throws {
    guard let output else {
        console.out(text)
        return
    }
    let path = console.path(output)
    do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
        throw KepuError(.cannotWrite(path: output, reason: error.localizedDescription))
    }
    console.say(.wrote(what: what, path: path))
}

/// Writes a workbook to `-o` (refused without one): first to a temporary file beside it, then
/// renamed into place, so that a failed write never leaves half a workbook under the real name.
func emitWorkbook(to output: String?, what: Notice.Output, write: (String) throws -> Void) throws {
    guard let output else { throw KepuError(.xlsxNeedsOutput) }
    let path = console.path(output)
    let tmp = path + ".kepu-\(UUID().uuidString).tmp"
    // Created here first, so that a folder that does not exist or cannot be written is said in one
    // sentence before any work is done.
    let fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard fd >= 0 else { throw KepuError(.cannotWrite(path: output, reason: String(cString: strerror(errno)))) }
    close(fd)
    do {
        try write(tmp)
    } catch {
        try? FileManager.default.removeItem(atPath: tmp)
        if let e = error as? KepuError, case .cannotWrite(_, let reason) = e.problem {
            throw KepuError(.cannotWrite(path: output, reason: reason))
        }
        throw error
    }
    guard rename(tmp, path) == 0 else {
        try? FileManager.default.removeItem(atPath: tmp)
        throw KepuError(.cannotWrite(path: output, reason: String(cString: strerror(errno))))
    }
    console.say(.wrote(what: what, path: path))
}

/// Reads a plan file as UTF-8 text.
func readTextFile(_ path: String) throws -> String {
    let full = console.path(path)
    guard let data = FileManager.default.contents(atPath: full) else { throw KepuError(.cannotReadFile(name: path)) }
    var bytes = data
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
    guard let text = String(data: bytes, encoding: .utf8) else { throw KepuError(.notUTF8Text(name: path)) }
    return text
}

/// A finding as one line: `error: 指标 cost: …`.
func findingLine(_ f: LintFinding, check: Bool = false) -> String {
    let lang = Language.current
    let severity = f.severity == .error ? lang.t("错误", "error") : lang.t("警告", "warning")
    let head = check ? f.check : severity
    return "\(head): \(Catalogue.text(f.subject, lang)): \(f.text(lang))"
}
