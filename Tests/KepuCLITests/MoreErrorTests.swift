import Foundation
import Testing
@testable import KepuCLI

/// The errors of the year-end, import, evidence and backup commands: one sentence, nothing written.
@Suite struct MoreErrorTests {
    @Test func importsOfMissingOrEmptyFiles() {
        let w = ImportTests.workspace()
        let before = w.fingerprint()
        #expect(w.run("attendance import --event 1 none.csv").err == "kepu: cannot read none.csv: no such file, or it is not readable\n")
        let empty = w.write("empty.csv", "")
        #expect(w.run(["attendance", "import", "--event", "1", empty]).err == "kepu: empty.csv is empty: a header row is expected\n")
        let header = w.write("header.csv", "姓名,手机\n")
        #expect(w.run(["volunteer", "import", header]).err == "kepu: header.csv has a header but no rows; nothing was imported\n")
        let sheet = w.write("s.csv", "姓名\n张三\n")
        #expect(w.run(["attendance", "import", "--event", "9", sheet]).err == "kepu: --event 9: event 9 does not exist (see kepu event list)\n")
        #expect(w.fingerprint() == before)
    }

    @Test func reportAndBackupRefusals() {
        let w = ImportTests.workspace()
        #expect(w.run("report --format pdf").err == "kepu: --format \"pdf\" is not a report format: use text, md, csv, json or html\n")
        #expect(w.run("report --lang fr").err == "kepu: --lang \"fr\" is not a report language: use zh or en\n")
        let existing = w.write("exists.sqlite", "x")
        #expect(w.run(["backup", existing]).err == "kepu: \(existing) already exists; kepu backup never overwrites a file\n")
        #expect(w.run(["evidence", "add", "nope.jpg", "--kind", "photo", "--event", "1"]).err
            == "kepu: cannot read nope.jpg: no such file, or it is not readable\n")
        #expect(w.run(["evidence", "add", w.write("p.jpg", "x"), "--kind", "photo", "--event", "5"]).err
            == "kepu: --event 5: event 5 does not exist (see kepu event list)\n")
    }

    @Test func theReportListsTheEvidenceOfEachEvent() {
        let w = ImportTests.workspace()
        _ = w.ok("event add --title 主场 --kind other --start 2023-09-16 --parent 1")
        _ = w.ok("evidence add \(w.write("签到表.pdf", "a")) --kind signin --event 2")
        let text = w.ok("report --year 2023")
        #expect(text.contains("签到表：签到表.pdf"))
        #expect(w.ok("report --year 2023 --lang en").contains("signin：签到表.pdf"))
    }
}
