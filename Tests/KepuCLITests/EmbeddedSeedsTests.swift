import Foundation
import Testing

@testable import KepuCLI

/// The demo's seeds are compiled in; this keeps them equal to Seeds/ (UPDATE_SEEDS=1 regenerates them).
@Suite struct EmbeddedSeedsTests {
    @Test func embeddedSeedsMatchTheSeedsFolder() throws {
        let plan = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/\(EmbeddedSeeds.planName)"), encoding: .utf8)
        let demo = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/demo/\(EmbeddedSeeds.demoName)"), encoding: .utf8)
        if ProcessInfo.processInfo.environment["UPDATE_SEEDS"] == "1" {
            let source = """
                // Generated from Seeds/ by `UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests`; do not edit.
                // The demo must work from any folder, so the seeds are compiled into the binary.

                enum EmbeddedSeeds {
                    static let planName = "\(EmbeddedSeeds.planName)"
                    static let demoName = "\(EmbeddedSeeds.demoName)"

                    static let plan = #\"\"\"
                \(plan)\"\"\"#

                    static let demo = #\"\"\"
                \(demo)\"\"\"#
                }

                """
            try source.write(
                to: repoRoot.appendingPathComponent("Sources/KepuCLI/EmbeddedSeeds.swift"), atomically: true,
                encoding: .utf8)
            return
        }
        #expect(EmbeddedSeeds.plan + "\n" == plan, "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
        #expect(EmbeddedSeeds.demo + "\n" == demo, "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
    }
}
