import Foundation
import KepuCore

/// Runs a demo script: one kepu command per line, `@name = …` keeping the printed id for later `@name`.
enum DemoScript {
    /// Who the audit trail says made the sample's records.
    static let operatorName = "示例"

    static func run(_ script: String, name: String, db: String, runtime: Runtime) throws -> Int {
        var ids: [String: String] = [:]
        var steps = 0
        for (n, raw) in script.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            var binding: String?
            var command = line
            if line.hasPrefix("@"), let eq = line.firstIndex(of: "=") {
                binding = line[..<eq].trimmingCharacters(in: .whitespaces)
                command = String(line[line.index(after: eq)...])
            }
            var words = try split(command, line: n + 1, name: name)
            for (i, w) in words.enumerated() where w.hasPrefix("@") {
                guard let id = ids[w] else { throw KepuError(.demoUsedBeforeSet(script: name, line: n + 1, name: w)) }
                words[i] = id
            }
            var out = ""
            var err = ""
            var environment = runtime.environment
            environment["KEPU_USER"] = operatorName
            let sub = Runtime(
                environment: environment, now: runtime.now, commandLine: "kepu demo: " + command,
                currentDirectory: runtime.currentDirectory, out: { out += $0 }, err: { err += $0 })
            let code = KepuCommandLine.run(words + ["--db", db, "--lang", Language.current.rawValue], runtime: sub)
            guard code == 0 else {
                throw KepuError(
                    .demoStepFailed(
                        script: name, line: n + 1, detail: err.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            if let binding { ids[binding] = out.trimmingCharacters(in: .whitespacesAndNewlines) }
            steps += 1
        }
        return steps
    }

    /// Splits a line into words, honouring "double" and 'single' quotes.
    static func split(_ s: String, line: Int, name: String) throws -> [String] {
        var words: [String] = []
        var cur = ""
        var quote: Character?
        var inWord = false
        for c in s {
            if let q = quote {
                if c == q { quote = nil } else { cur.append(c) }
            } else if c == "\"" || c == "'" {
                quote = c
                inWord = true
            } else if c == " " || c == "\t" {
                if inWord {
                    words.append(cur)
                    cur = ""
                    inWord = false
                }
            } else {
                cur.append(c)
                inWord = true
            }
        }
        if quote != nil { throw KepuError(.demoUnclosedQuote(script: name, line: line)) }
        if inWord { words.append(cur) }
        return words
    }
}

/// The seeds compiled into kepu, for the benchmark's generator.
public enum EmbeddedSeedsAccess {
    public static var plan: String { EmbeddedSeeds.plan }
}
