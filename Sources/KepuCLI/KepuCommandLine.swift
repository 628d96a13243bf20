import ArgumentParser
import Foundation
import KepuCore

/// Runs kepu: parse, run one command, map failures to one sentence on stderr and an exit code.
public enum KepuCommandLine {
    /// The process entry point.
    public static func main() -> Never {
        let args = Array(CommandLine.arguments.dropFirst())
        let code = run(args, runtime: .process(arguments: args))
        exit(code)
    }

    /// Runs one command line against a runtime; returns the exit code (0, 1, 2 or 64).
    public static func run(_ arguments: [String], runtime: Runtime) -> Int32 {
        let lang = language(arguments, environment: runtime.environment)
        return Runtime.$current.withValue(runtime) {
            Language.$current.withValue(lang) { execute(arguments, runtime: runtime, lang: lang) }
        }
    }

    static func execute(_ arguments: [String], runtime: Runtime, lang: Language) -> Int32 {
        do {
            if let problem = CommandSuggestion.check(arguments) { throw KepuError(problem) }
            try checkLanguage(arguments)
            var command = try Kepu.parseAsRoot(arguments)
            try command.run()
            return 0
        } catch let e as KepuError {
            runtime.err(lang.t("kepu：", "kepu: ") + e.text(lang, names: .options))
            return e.kind == .usage ? 64 : 1
        } catch let e as CheckFailed {
            return e.code
        } catch {
            let code = Kepu.exitCode(for: error)
            let message = Kepu.fullMessage(for: error)
            if code == .success {
                if !message.isEmpty { runtime.out(message) }
            } else if lang == .zh, let issue = CommandLineIssue.from(message) {
                runtime.err("kepu：" + Catalogue.text(.commandLine(issue), .zh) + usage(message))
            } else if !message.isEmpty {
                runtime.err(message)
            }
            return code.rawValue
        }
    }

    /// The language of this run: `--lang`, else `KEPU_LANG`, else Chinese, found before parsing so that
    /// the parser's own refusals are worded in it too.
    static func language(_ arguments: [String], environment: [String: String]) -> Language {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count, let l = try? Language.parse(arguments[i + 1]) { return l }
            if a.hasPrefix("--lang="), let l = try? Language.parse(String(a.dropFirst(7))) { return l }
        }
        return Language.from(environment: environment)
    }

    /// A `--lang` value that is neither zh nor en is refused before anything runs.
    static func checkLanguage(_ arguments: [String]) throws {
        for (i, a) in arguments.enumerated() {
            if a == "--lang", i + 1 < arguments.count { _ = try Language.parse(arguments[i + 1]) }
            if a.hasPrefix("--lang=") { _ = try Language.parse(String(a.dropFirst(7))) }
        }
    }

    /// The usage lines of an argument-parser message, under a Chinese heading.
    static func usage(_ message: String) -> String {
        guard let r = message.range(of: "Usage: ") else { return "" }
        let line = message[r.upperBound...].split(separator: "\n").first.map(String.init) ?? ""
        return "\n用法：" + line + "\n（kepu 命令 --help 查看说明）"
    }
}

extension CommandLineIssue {
    /// Recognizes the argument parser's common refusals, to word them in Chinese.
    static func from(_ message: String) -> CommandLineIssue? {
        let first = message.split(separator: "\n").first.map(String.init) ?? message
        func quoted(after prefix: String) -> String? {
            guard let r = first.range(of: prefix) else { return nil }
            let rest = first[r.upperBound...]
            guard let end = rest.firstIndex(of: "'") else { return String(rest) }
            return String(rest[..<end])
        }
        if let v = quoted(after: "Missing expected argument '") { return .missing(v) }
        if let v = quoted(after: "Unknown option '") {
            if let s = quoted(after: "Did you mean '") { return .unknownOptionSuggesting(v, suggestion: s) }
            return .unknownOption(v)
        }
        if let v = quoted(after: "Unexpected argument '") { return .unexpected(v) }
        if let v = quoted(after: "Missing value for '") { return .missingValue(v) }
        return nil
    }
}

/// A quiet non-zero exit whose findings were already printed (`kepu check` → 2).
struct CheckFailed: Error {
    var code: Int32
}

/// Suggests the command a mistyped one was meant to be: `kepu evnet list` → `kepu event list`.
enum CommandSuggestion {
    static func check(_ arguments: [String]) -> Problem? {
        var path: [String] = []
        var command: any ParsableCommand.Type = Kepu.self
        for (i, word) in arguments.enumerated() {
            let subs = command.configuration.subcommands
            guard !subs.isEmpty, !word.hasPrefix("-") else { return nil }
            if word == "help" { return nil }
            if let next = subs.first(where: { $0.configuration.commandName ?? "" == word || name($0) == word }) {
                path.append(word)
                command = next
                continue
            }
            let names = subs.map(name)
            let best = names.map { ($0, distance($0, word)) }.min { $0.1 < $1.1 }
            guard let best, best.1 <= max(2, word.count / 3) else {
                return .unknownCommand(typed: word, suggestion: nil)
            }
            let rest = arguments[(i + 1)...].prefix { !$0.hasPrefix("-") }
            return .unknownCommand(typed: word, suggestion: (["kepu"] + path + [best.0] + rest).joined(separator: " "))
        }
        return nil
    }

    static func name(_ c: any ParsableCommand.Type) -> String {
        c.configuration.commandName ?? String(describing: c).lowercased()
    }

    /// Levenshtein distance.
    static func distance(_ a: String, _ b: String) -> Int {
        let a = Array(a)
        let b = Array(b)
        guard !a.isEmpty else { return b.count }
        guard !b.isEmpty else { return a.count }
        var prev = Array(0...b.count)
        for i in 1...a.count {
            var cur = [i] + Array(repeating: 0, count: b.count)
            for j in 1...b.count {
                cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            prev = cur
        }
        return prev[b.count]
    }
}
