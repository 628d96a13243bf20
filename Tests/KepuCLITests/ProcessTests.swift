import Foundation
import GRDB
import Testing

@testable import KepuCLI

/// The built binary, run as real processes with --db in a temporary folder.
@Suite(.serialized) struct ProcessTests {
    @Test func twoProcessesWritingAtOnceBothSucceed() throws {
        let w = Workspace().seeded()
        let perProcess = 25
        let procs = try eventWriters(w, shells: 2, count: perProcess, title: "并发")
        for p in procs { p.waitUntilExit() }
        #expect(
            procs.map(\.terminationStatus) == [0, 0],
            "\((try? String(contentsOfFile: w.dir + "/err0", encoding: .utf8)) ?? "")")
        let q = try DatabaseQueue(path: w.db)
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") } == 2 * perProcess)
        #expect(
            try runProcess(["log", "--verify", "--db", w.db], env: w.env).out.contains("已核验 \(2 + 2 * perProcess) 行"))
    }

    @Test func tamperingWithTheAuditTrailIsDetected() throws {
        let w = Workspace().seeded()
        _ = w.ok("event add --title 科普日 --kind science-day --start 2023-09-16")
        _ = w.ok("attendance add --event 1 --count 3200")
        #expect(try runProcess(["log", "--verify", "--db", w.db], env: w.env).code == 0)
        let q = try DatabaseQueue(path: w.db)
        try q.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET after = replace(after, '3200', '9200') WHERE entity = 'attendance'")
        }
        try q.close()
        let r = try runProcess(["log", "--verify", "--db", w.db], env: w.env)
        #expect(r.code == 2)
        #expect(r.err == "kepu：操作记录在第 4 行断开：它的内容与哈希不符；从第 4 行起的记录不可信\n")
        let en = try runProcess(["log", "--verify", "--db", w.db, "--lang", "en"], env: w.env)
        #expect(
            en.err
                == "kepu: the audit trail is broken at row 4: its contents do not match its hash; rows from 4 on cannot be trusted\n"
        )
    }

    @Test func addPrintsTheIdForScriptsAndTheDefaultDatabaseComesFromTheEnvironment() throws {
        let w = Workspace()
        var env = w.env
        env["KEPU_DB"] = w.dir + "/env.sqlite"
        #expect(try runProcess(["init"], env: env).code == 0)
        #expect(FileManager.default.fileExists(atPath: w.dir + "/env.sqlite"))
        let plan = repoRoot.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml").path
        #expect(try runProcess(["plan", "import", plan], env: env).out == "1\n")
        let r = try runProcess(
            ["event", "add", "--title", "科普日", "--kind", "science-day", "--start", "2023-09-16"], env: env)
        #expect(r.out == "1\n")
        #expect(r.err == "已添加活动 1：科普日（全国科普日，2023-09-16）\n")
        env["KEPU_DB"] = nil
        env["XDG_DATA_HOME"] = w.dir + "/xdg"
        #expect(try runProcess(["init"], env: env).code == 0)
        #expect(FileManager.default.fileExists(atPath: w.dir + "/xdg/kepu/kepu.sqlite"))
    }

    @Test func theDemoRunsFromAnyFolder() throws {
        let w = Workspace()
        let r = try runProcess(["demo", "--db", w.dir + "/demo.sqlite"], env: w.env)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out.contains("2023年绩效目标完成情况"))
        #expect(r.out.contains("19830人次"))
        // The report goes beside the database named, not into the current folder.
        #expect(FileManager.default.fileExists(atPath: w.dir + "/kepu-report-2023.html"))
        // The sample's records are made by the demo user, whoever runs it.
        let log = try runProcess(["log", "--db", w.dir + "/demo.sqlite", "--operator", "示例"], env: w.env)
        #expect(log.out.contains("新增活动 1（2023年石峰区科技活动周）"))
        #expect(
            try runProcess(["log", "--db", w.dir + "/demo.sqlite", "--operator", "root"], env: w.env).out
                .contains("活动") == false)
    }
}
