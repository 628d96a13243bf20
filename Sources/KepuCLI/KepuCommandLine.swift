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
        Runtime.$current.withValue(runtime) {
            do {
                var command = try Kepu.parseAsRoot(arguments)
                try command.run()
                return 0
            } catch let e as KepuError {
                runtime.err("kepu: \(e.message)")
                return e.kind == .usage ? 64 : 1
            } catch let e as CheckFailed {
                return e.code
            } catch {
                let code = Kepu.exitCode(for: error)
                let message = Kepu.fullMessage(for: error)
                if code == .success {
                    if !message.isEmpty { runtime.out(message) }
                } else if !message.isEmpty {
                    runtime.err(message)
                }
                return code.rawValue
            }
        }
    }
}

/// A quiet non-zero exit whose findings were already printed (`kepu check` → 2).
struct CheckFailed: Error {
    var code: Int32
}
