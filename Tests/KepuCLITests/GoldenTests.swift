import Foundation
import Testing

@testable import KepuCLI

/// Whole-file comparisons of every report format on a fixed scenario (the demo year with two notes).
/// Re-record with `UPDATE_GOLDEN=1 swift test --filter GoldenTests`.
@Suite(.serialized) struct GoldenTests {
    static let golden = repoRoot.appendingPathComponent("Tests/KepuCLITests/Golden")

    static func scenario() -> Workspace {
        let w = ReconcileCommandTests.demo()
        _ = w.ok("note set --year 2023 --indicator reach --reason 9月一场户外活动因雨取消，受众略少于目标 --measures 下年度增加线上直播场次")
        _ = w.ok("note set --year 2023 --indicator literacy --score 13 --why 2023年抽样调查9.62%，按进度可在2025年达到10%")
        return w
    }

    func compare(_ name: String, _ actual: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let url = Self.golden.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["UPDATE_GOLDEN"] == "1" {
            try Data(actual.utf8).write(to: url)
            return
        }
        // Compared as bytes: String(contentsOf:) would drop the CSV's byte-order mark.
        let expected = try #require(
            FileManager.default.contents(atPath: url.path).map { String(decoding: $0, as: UTF8.self) },
            "no golden file \(name): record it with UPDATE_GOLDEN=1 swift test --filter GoldenTests",
            sourceLocation: sourceLocation)
        guard Data(expected.utf8) != Data(actual.utf8) else { return }
        let e = expected.components(separatedBy: "\n")
        let a = actual.components(separatedBy: "\n")
        let i = Array(zip(e, a)).firstIndex { $0.0 != $0.1 } ?? min(e.count, a.count)
        Issue.record(
            """
            \(name) differs from its golden file at line \(i + 1) (re-record with UPDATE_GOLDEN=1 if the change is intended):
            - \(i < e.count ? e[i] : "<end of file>")
            + \(i < a.count ? a[i] : "<end of file>")
            """, sourceLocation: sourceLocation)
    }

    /// A command's stdout; a failing command fails the test, so a golden is never re-recorded from an error.
    func output(_ w: Workspace, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let r = w.run(line)
        #expect(r.code == 0, "\(line): \(r.err)", sourceLocation: sourceLocation)
        return r.code == 0 ? r.out : "<\(line) failed: \(r.err)>"
    }

    @Test func reportInEveryFormat() throws {
        let w = Self.scenario()
        for (format, file) in [
            ("text", "report.zh.txt"), ("md", "report.zh.md"), ("csv", "report.zh.csv"),
            ("json", "report.zh.json"), ("html", "report.zh.html"),
        ] {
            try compare(file, output(w, "report --year 2023 --format \(format)"))
        }
        try compare("report.en.txt", output(w, "report --year 2023 --lang en"))
        _ = output(w, "basic set --year 2023 --spent 52.10万")
        _ = output(w, "report --year 2023 --scope department -o department.xlsx")
        try compare("report.department.zh.xlsx.txt", xlsxDump(w.dir + "/department.xlsx"))
        try compare("reconcile.zh.txt", output(w, "reconcile --year 2023 --as-of 2023-12-31"))
        try compare("reconcile.monitoring.zh.txt", output(w, "reconcile --year 2023 --as-of 2023-06-30"))
        try compare("reconcile.zh.json", output(w, "reconcile --year 2023 --as-of 2023-12-31 --format json"))
        try compare(
            "plan-show.zh.txt",
            output(w, "plan show --year 2023").replacingOccurrences(
                of: #"导入于 \d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ"#, with: "导入于 <time>", options: .regularExpression))
    }

    @Test func statsInEveryFormat() throws {
        let w = ReconcileCommandTests.demo()
        for (format, file) in [
            ("text", "stats.zh.txt"), ("md", "stats.zh.md"), ("csv", "stats.zh.csv"), ("json", "stats.zh.json"),
            ("html", "stats.zh.html"),
        ] {
            try compare(file, output(w, "stats --year 2023 --format \(format)"))
        }
        try compare("stats.en.txt", output(w, "stats --year 2023 --lang en"))
        try compare("stats.explain.zh.txt", output(w, "stats --year 2023 --explain"))
        try compare("stats.explain.zh.csv", output(w, "stats --year 2023 --explain --format csv"))
        try compare("stats.explain.zh.json", output(w, "stats --year 2023 --explain --format json"))
        _ = output(w, "stats --year 2023 -o stats.xlsx")
        try compare("stats.zh.xlsx.txt", xlsxDump(w.dir + "/stats.xlsx"))
    }
}
