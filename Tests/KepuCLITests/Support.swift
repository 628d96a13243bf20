import Crypto
import Foundation
import KepuStore
import Testing

@testable import KepuCLI

/// The repository root, from this file's path.
let repoRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()

struct RunResult {
    var code: Int32
    var out: String
    var err: String
}

/// A temporary folder with a database path in it, removed at the end of the process's tests.
final class Workspace {
    let dir: String
    var db: String { dir + "/kepu.sqlite" }
    var env: [String: String]
    /// Lines the next commands read from standard input (`--password-stdin`).
    var stdin: [String] = []
    /// The commands' clock, when a test needs the time of day fixed (a door's window); else the real one.
    var clock: (@Sendable () -> Date)?

    init() {
        dir = NSTemporaryDirectory() + "kepu-cli-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        env = ["HOME": dir, "KEPU_USER": "测试员", "KEPU_TODAY": "2024-01-15"]
    }

    deinit { try? FileManager.default.removeItem(atPath: dir) }

    /// Runs kepu in-process with captured output; `--db` is added unless given.
    @discardableResult
    func run(_ args: [String], db: Bool = true) -> RunResult {
        var out = ""
        var err = ""
        let all = db && !args.contains("--db") ? args + ["--db", self.db] : args
        let runtime = Runtime(
            environment: env, now: clock ?? { Date() }, commandLine: "kepu " + args.joined(separator: " "),
            currentDirectory: dir, out: { out += $0 }, err: { err += $0 })
        runtime.stdinIsTerminal = false
        runtime.readInput = { [self] in self.stdin.isEmpty ? nil : self.stdin.removeFirst() }
        let code = KepuCommandLine.run(all, runtime: runtime)
        return RunResult(code: code, out: out, err: err)
    }

    func run(_ line: String) -> RunResult { run(try! DemoScript.split(line, line: 1, name: "test")) }

    /// Runs and returns stdout, failing the test when the command fails.
    @discardableResult
    func ok(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let r = run(line)
        #expect(r.code == 0, "\(line): \(r.err)", sourceLocation: sourceLocation)
        return r.out.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Runs a command that must be refused, in Chinese and then in English: one sentence each, the exit
    /// code, and nothing written.
    func refuses(
        _ args: [String], code: Int32 = 1, zh: String, en: String, db: Bool = true,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let before = fingerprint()
        let r = run(args, db: db)
        #expect(r.code == code, "\(args)", sourceLocation: sourceLocation)
        #expect(r.err == zh + "\n", sourceLocation: sourceLocation)
        let e = run(args + ["--lang", "en"], db: db)
        #expect(e.code == code, "\(args) --lang en", sourceLocation: sourceLocation)
        #expect(e.err == en + "\n", sourceLocation: sourceLocation)
        #expect(fingerprint() == before, "\(args) changed the database", sourceLocation: sourceLocation)
    }

    func refuses(
        _ line: String, code: Int32 = 1, zh: String, en: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        refuses(
            try! DemoScript.split(line, line: 1, name: "test"), code: code, zh: zh, en: en,
            sourceLocation: sourceLocation)
    }

    /// The workspace's database through the library, as a front end other than the CLI would open it.
    func ledger() throws -> Ledger {
        Ledger(database: try AppDatabase.open(at: db), context: AuditContext(operatorName: "测试员", command: "test"))
    }

    /// A fresh database with the seed plan imported.
    func seeded() -> Workspace {
        #expect(run(["init"]).code == 0)
        let r = run(["plan", "import", repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml").path])
        #expect(r.code == 0, "\(r.err)")
        return self
    }

    /// The database file's bytes and its WAL's, hashed: equal before and after means nothing was written.
    func fingerprint() -> String {
        var h = SHA256()
        for suffix in ["", "-wal"] {
            if let d = FileManager.default.contents(atPath: db + suffix) { h.update(data: d) }
        }
        return h.finalize().map { String(format: "%02x", $0) }.joined()
    }

    func write(_ name: String, _ text: String) -> String {
        let p = dir + "/" + name
        try! text.write(toFile: p, atomically: true, encoding: .utf8)
        return p
    }
}

/// The built `kepu` binary beside the test bundle.
func kepuBinary() throws -> String {
    var dir = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    for _ in 0..<4 {
        let candidate = dir.appendingPathComponent("kepu").path
        if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        dir = dir.deletingLastPathComponent()
    }
    let fallback = repoRoot.appendingPathComponent(".build/debug/kepu").path
    return try #require(FileManager.default.isExecutableFile(atPath: fallback) ? fallback : nil, "build kepu first")
}

/// Shells that each add `count` events, one `kepu event add` process after another, racing each
/// other (and whatever else writes); a shell stops at the first failure, its stderr in `err<N>`.
func eventWriters(_ w: Workspace, shells: Int, count: Int, title: String) throws -> [Process] {
    let binary = try kepuBinary()
    var procs: [Process] = []
    for p in 0..<shells {
        let proc = Process()
        proc.executableURL = URL(fileURLWithPath: "/bin/sh")
        proc.arguments = [
            "-c",
            """
            i=0; while [ $i -lt \(count) ]; do
              "\(binary)" event add --title "\(title)\(p)-$i" --kind other --start 2023-03-01 --db "\(w.db)" >/dev/null 2>>"\(w.dir)/err\(p)" || exit 1
              i=$((i+1)); done
            """,
        ]
        proc.environment = w.env
        try proc.run()
        procs.append(proc)
    }
    return procs
}

/// Runs the real binary as a separate process.
func runProcess(_ args: [String], env: [String: String], stdin: String? = nil) throws -> RunResult {
    let p = Process()
    p.executableURL = URL(fileURLWithPath: try kepuBinary())
    p.arguments = args
    p.environment = env
    let out = Pipe()
    let err = Pipe()
    p.standardOutput = out
    p.standardError = err
    let input = Pipe()
    p.standardInput = input
    try p.run()
    if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
    try? input.fileHandleForWriting.close()
    let o = out.fileHandleForReading.readDataToEndOfFile()
    let e = err.fileHandleForReading.readDataToEndOfFile()
    p.waitUntilExit()
    return RunResult(
        code: p.terminationStatus, out: String(decoding: o, as: UTF8.self), err: String(decoding: e, as: UTF8.self))
}
