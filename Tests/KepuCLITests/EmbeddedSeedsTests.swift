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
        let plan2025 = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/plans/\(EmbeddedSeeds.sample2025.planName)"),
            encoding: .utf8)
        let demo2025 = try String(
            contentsOf: repoRoot.appendingPathComponent("Seeds/demo/\(EmbeddedSeeds.sample2025.demoName)"),
            encoding: .utf8)
        let statsDir = repoRoot.appendingPathComponent("Seeds/stats")
        let statsNames = try FileManager.default.contentsOfDirectory(atPath: statsDir.path)
            .filter { $0.hasSuffix(".yaml") }.sorted()
        let stats = try statsNames.map {
            ($0, try String(contentsOf: statsDir.appendingPathComponent($0), encoding: .utf8))
        }
        if ProcessInfo.processInfo.environment["UPDATE_SEEDS"] == "1" {
            let statsSource = stats.map { name, text in
                "        (name: \"\(name)\", text: #\"\"\"\n\(text)\"\"\"#),"
            }.joined(separator: "\n")
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

                    /// A sample 2025 with the 全国科普月 (`kepu demo --year 2025`).
                    static let sample2025 = (
                        planName: "\(EmbeddedSeeds.sample2025.planName)",
                        plan: #\"\"\"
                \(plan2025)\"\"\"#,
                        demoName: "\(EmbeddedSeeds.sample2025.demoName)",
                        demo: #\"\"\"
                \(demo2025)\"\"\"#
                    )

                    /// The editions of the statistics form (Seeds/stats/).
                    static let stats: [(name: String, text: String)] = [
                \(statsSource)
                    ]
                }

                """
            try source.write(
                to: repoRoot.appendingPathComponent("Sources/KepuCLI/EmbeddedSeeds.swift"), atomically: true,
                encoding: .utf8)
            return
        }
        #expect(EmbeddedSeeds.plan + "\n" == plan, "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
        #expect(EmbeddedSeeds.demo + "\n" == demo, "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
        #expect(
            EmbeddedSeeds.stats.map(\.name) == statsNames, "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
        #expect(
            EmbeddedSeeds.stats.map { $0.text + "\n" } == stats.map(\.1),
            "run UPDATE_SEEDS=1 swift test --filter EmbeddedSeedsTests")
    }
}
