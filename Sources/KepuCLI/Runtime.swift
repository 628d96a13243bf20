import Foundation
import KepuCore

/// Where a command's output goes and what it knows of the world: swapped out by in-process tests.
public final class Runtime: @unchecked Sendable {
    public var environment: [String: String]
    public var stdoutIsTerminal: Bool
    public var stderrIsTerminal: Bool
    public var now: @Sendable () -> Date
    /// The command line as typed, for the audit trail.
    public var commandLine: String
    /// The folder relative paths are resolved against.
    public var currentDirectory: String
    /// One line of standard input (`--password-stdin`), and whether it is a terminal.
    public var readInput: () -> String? = { Swift.readLine(strippingNewline: true) }
    public var stdinIsTerminal = isatty(STDIN_FILENO) == 1
    /// Asks for a secret on the terminal without echoing it.
    public var readSecret: (String) -> String? = { prompt in getpass(prompt).map { String(cString: $0) } }

    private let lock = NSLock()
    private var writeOut: (String) -> Void
    private var writeErr: (String) -> Void

    public init(
        environment: [String: String], stdoutIsTerminal: Bool = false, stderrIsTerminal: Bool = false,
        now: @escaping @Sendable () -> Date = { Date() }, commandLine: String = "kepu",
        currentDirectory: String = FileManager.default.currentDirectoryPath,
        out: @escaping (String) -> Void, err: @escaping (String) -> Void
    ) {
        self.environment = environment
        self.stdoutIsTerminal = stdoutIsTerminal
        self.stderrIsTerminal = stderrIsTerminal
        self.now = now
        self.commandLine = commandLine
        self.currentDirectory = currentDirectory
        self.writeOut = out
        self.writeErr = err
    }

    /// The real process: stdout and stderr, the process environment, the clock.
    public static func process(arguments: [String]) -> Runtime {
        Runtime(
            environment: ProcessInfo.processInfo.environment,
            stdoutIsTerminal: isatty(STDOUT_FILENO) == 1, stderrIsTerminal: isatty(STDERR_FILENO) == 1,
            commandLine: (["kepu"] + arguments).map(shellQuoted).joined(separator: " "),
            out: { FileHandle.standardOutput.write(Data($0.utf8)) },
            err: { FileHandle.standardError.write(Data($0.utf8)) })
    }

    @TaskLocal public static var current = Runtime.process(arguments: [])

    public func out(_ s: String) {
        lock.lock()
        defer { lock.unlock() }
        writeOut(s.hasSuffix("\n") || s.isEmpty ? s : s + "\n")
    }

    public func err(_ s: String) {
        lock.lock()
        defer { lock.unlock() }
        writeErr(s.hasSuffix("\n") || s.isEmpty ? s : s + "\n")
    }

    /// Today, from `KEPU_TODAY` (a test hook) or the clock.
    public func today() throws -> CalendarDate {
        if let t = environment["KEPU_TODAY"], !t.isEmpty {
            return try CalendarDate.parse(t, field: .named("KEPU_TODAY"))
        }
        return CalendarDate.today(now())
    }

    /// The width text tables fit: `$COLUMNS` when set (at least 60), else 120.
    public var textWidth: Int {
        guard let c = environment["COLUMNS"].flatMap({ Int($0) }) else { return 120 }
        return max(60, c)
    }

    /// Resolves a user path against the current directory.
    public func path(_ p: String) -> String {
        if p.hasPrefix("/") { return p }
        if p.hasPrefix("~/"), let home = environment["HOME"] { return home + p.dropFirst(1) }
        return (currentDirectory as NSString).appendingPathComponent(p)
    }
}

func shellQuoted(_ s: String) -> String {
    let safe = s.unicodeScalars.allSatisfy {
        CharacterSet.alphanumerics.contains($0) || "-_./=:,@%+".unicodeScalars.contains($0)
    }
    return safe && !s.isEmpty ? s : "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'"
}

/// The current runtime's output, for brevity in commands.
var console: Runtime { Runtime.current }
