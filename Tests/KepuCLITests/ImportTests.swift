import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuCore

/// GB18030 bytes of a UTF-8 string, through the system's iconv command (what Chinese Excel saves).
func gbk(_ text: String, in dir: String, name: String) throws -> String {
    let src = dir + "/" + name + ".utf8"
    try text.write(toFile: src, atomically: true, encoding: .utf8)
    let out = dir + "/" + name
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/iconv")
    p.arguments = ["-f", "UTF-8", "-t", "GB18030", src, "-o", out]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return out
}

func count(_ db: String, _ sql: String) throws -> Int {
    try DatabaseQueue(path: db).read { try Int.fetchOne($0, sql: sql) ?? 0 }
}

@Suite struct ImportTests {
    static func workspace() -> Workspace {
        let w = Workspace().seeded()
        _ = w.ok("event add --title 科普日 --kind science-day --start 2023-09-16")
        return w
    }

    @Test func aGBKSignInSheetWithChineseHeadersImports() throws {
        let w = Self.workspace()
        let file = try gbk(
            "序号,姓名,手机号,签到时间\n1,张三,13900000001,09:00\n2,\"李,四\",139-0000-0002,09:05\n3,张三,13900000001,14:00\n",
            in: w.dir, name: "签到表.csv")
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\n")
        #expect(r.err.contains("已导入 签到表.csv：3 行（GB18030）"))
        #expect(r.err.contains("提示：以下列 kepu 不使用，已忽略：序号"))
        let json = w.ok("reconcile --year 2023 --format json")
        #expect(json.contains("\"actual\": 3,"))
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE name = '李,四' AND phone = '13900000002'") == 1)
        // Unique participants count people (by phone) across sheets.
        let second = w.write("下午.csv", "name,phone\n王五,13900000003\n张三,13900000001\n")
        _ = w.ok("attendance import --event 1 \(second)")
        let card = try #require(
            try JSONSerialization.jsonObject(with: Data(w.ok("reconcile --format json").utf8)) as? [String: Any])
        #expect(
            (card["indicators"] as? [[String: Any]])?.first { $0["id"] as? String == "reach" }?["actual"] as? Int == 5)
    }

    @Test func aGBKCharacterSplitByTheReadChunkImportsWhole() throws {
        let w = Self.workspace()
        // 姓名 and the newline are 5 bytes in GBK; 32,765 rows of "a" put 张 across bytes 65,535–65,536,
        // the edge of the first 64 KiB chunk.
        let rows = String(repeating: "a\n", count: 32_765)
        let file = try gbk("姓名\n" + rows + "张三\n", in: w.dir, name: "边界.csv")
        let bytes = try #require(FileManager.default.contents(atPath: file))
        #expect(bytes[65_535] == 0xD5 && bytes[65_536] == 0xC5)  // 张 in GBK
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(try count(w.db, "SELECT count(*) FROM signin") == 32_766)
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE name = '张三'") == 1)
    }

    @Test func aUTF8FileWithABOMAndEnglishHeadersInAnyOrder() throws {
        let w = Self.workspace()
        let file = w.write("signin.csv", "\u{FEFF}time,Phone,NAME\r\n09:00,13900000001,Ann\r\n09:30,,Bob\r\n")
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.err.contains("2 行（UTF-8 with BOM）"))
        #expect(try count(w.db, "SELECT count(*) FROM signin WHERE name = 'Ann' AND time = '09:00'") == 1)
    }

    @Test func aBadRowInTheMiddleWritesNothingAndNamesItsLine() throws {
        let w = Self.workspace()
        let file = w.write("bad.csv", "姓名,手机\n张三,13900000001\n李四,12345abc\n王五,13900000003\n")
        let before = w.fingerprint()
        let r = w.run(["attendance", "import", "--event", "1", file])
        #expect(r.code == 1)
        #expect(
            r.err
                == "kepu：bad.csv 第 3 行：手机 12345abc 不是手机号或座机号：请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）；整个文件未导入\n"
        )
        #expect(
            w.run(["attendance", "import", "--event", "1", file, "--lang", "en"]).err
                == "kepu: bad.csv line 3: 手机 \"12345abc\" is not a phone number: write an 11-digit mobile such as 13800000001 or a landline with its area code such as 0731-28888888; nothing was imported\n"
        )
        #expect(w.fingerprint() == before)
        let missing = w.write("noname.csv", "手机,时间\n13900000001,09:00\n")
        #expect(
            w.run(["attendance", "import", "--event", "1", missing]).err
                == "kepu：noname.csv 没有“姓名”列：表头是 手机,时间；请把该列命名为 姓名、name 或 名字\n")
        #expect(
            w.run(["attendance", "import", "--event", "1", missing, "--lang", "en"]).err
                == "kepu: noname.csv has no 姓名 column: its header is 手机,时间; name the column 姓名 or name or 名字\n")
        let quote = w.write("quote.csv", "姓名\n\"张三\n")
        #expect(
            w.run(["attendance", "import", "--event", "1", quote]).err == "kepu：quote.csv 第 2 行的引号没有闭合（缺少配对的 \"）\n")
        #expect(
            w.run(["attendance", "import", "--event", "1", quote, "--lang", "en"]).err
                == "kepu: quote.csv line 2: a quoted field is not closed (a \" without its partner)\n")
        #expect(w.fingerprint() == before)
    }

    @Test func aDryRunChecksWithoutWriting() throws {
        let w = Self.workspace()
        let file = w.write("s.csv", "姓名\n张三\n李四\n")
        let before = w.fingerprint()
        let r = w.run(["attendance", "import", "--event", "1", file, "--dry-run"])
        #expect(r.code == 0)
        #expect(r.out.isEmpty)
        #expect(r.err == "试导入：s.csv 将作为活动 1 的签到导入 2 行（UTF-8）；未写入任何内容\n")
        #expect(
            w.run(["attendance", "import", "--event", "1", file, "--dry-run", "--lang", "en"]).err
                == "dry run: s.csv would import 2 rows (UTF-8) as sign-ins of event 1; nothing was written\n")
        #expect(w.fingerprint() == before)
    }

    @Test func aFileImportedBeforeIsRefusedWithItsDate() throws {
        let w = Self.workspace()
        let file = w.write("s.csv", "姓名\n张三\n")
        _ = w.ok("attendance import --event 1 \(file)")
        let copy = w.write("copy.csv", "姓名\n张三\n")
        let r = w.run(["attendance", "import", "--event", "1", copy])
        #expect(r.code == 1)
        #expect(r.err.hasPrefix("kepu：copy.csv 已于 "))
        #expect(r.err.hasSuffix(" 导入过（导入批次 1，s.csv 共 1 行）；本次未导入\n"))
        let en = w.run(["attendance", "import", "--event", "1", copy, "--lang", "en"])
        #expect(en.err.hasPrefix("kepu: copy.csv was already imported on "))
        #expect(en.err.hasSuffix("(import 1, 1 row from s.csv); nothing was imported\n"))
    }

    @Test func volunteersAndTheirSignUpsImport() throws {
        let w = Self.workspace()
        _ = w.ok("volunteer add --name 李华 --phone 13800000001 --org 甲队")
        let file = try gbk(
            "姓名,手机,队伍,活动,时长,角色\n李华,13800000001,甲队,1,8,讲解员\n王芳,13800000002,乙队,1,4.5,\n张伟,,乙队,,,\n",
            in: w.dir, name: "志愿者.csv")
        let r = w.run(["volunteer", "import", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("3 行（GB18030），新志愿者 2 人，已有 1 人，新志愿组织 1 个，报名 2 条"))
        #expect(try count(w.db, "SELECT count(*) FROM volunteer") == 3)
        #expect(try count(w.db, "SELECT sum(hours_centi) FROM signup") == 1250)
        let bad = w.write("v2.csv", "姓名,活动\n赵敏,99\n")
        #expect(
            w.run(["volunteer", "import", bad]).err == "kepu：v2.csv 第 2 行：活动 99：没有这个活动（见 kepu event list）；整个文件未导入\n")
        #expect(
            w.run(["volunteer", "import", bad, "--lang", "en"]).err
                == "kepu: v2.csv line 2: 活动 99: there is no such event (see kepu event list); nothing was imported\n")
    }

    @Test func theFinanceLedgerImportsAgainstPlanLines() throws {
        let w = Self.workspace()
        let file = w.write(
            "账.csv",
            "日期,摘要,金额,支出明细,发票号,活动\n2023/9/16,授课费,\"3,000.00\",活动委托费,001,1\n2023-09-20,展架,2400元,commission,002,\n")
        let r = w.run(["cost", "import", file])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("2 行（UTF-8），合计 5,400.00元"))
        #expect(w.ok("reconcile --format json").contains("\"spentFen\": 540000"))
        let bad = w.write("bad.csv", "日期,金额,支出明细\n2023-09-16,100,commission\n2023-09-17,1.2.3,commission\n")
        #expect(
            w.run(["cost", "import", bad]).err
                == "kepu：bad.csv 第 3 行：金额 1.2.3 不是金额：可写 2500、2500元、2,500.00、¥2500、1.25万 或 0.5元；整个文件未导入\n")
        #expect(
            w.run(["cost", "import", bad, "--lang", "en"]).err
                == "kepu: bad.csv line 3: 金额 \"1.2.3\" is not an amount: write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元; nothing was imported\n"
        )
        let outside = w.write("2024.csv", "日期,金额,支出明细\n2024-01-05,100,commission\n")
        #expect(w.run(["cost", "import", outside]).err.hasPrefix("kepu：2024.csv 第 2 行：没有计划覆盖 2024-01-05"))
        #expect(
            w.run(["cost", "import", outside, "--lang", "en"]).err.hasPrefix(
                "kepu: 2024.csv line 2: no plan covers 2024-01-05"))
    }
}

@Suite(.serialized) struct ImportProcessTests {
    @Test func anImportKilledMidwayCountsNothingAndCanBeRedone() throws {
        let w = ImportTests.workspace()
        let path = w.dir + "/big.csv"
        var text = "姓名,手机,时间\n"
        text.reserveCapacity(12_000_000)
        for i in 0..<300_000 { text += "参与者\(i),139\(String(format: "%08d", i)),09:00\n" }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        let p = Process()
        p.executableURL = URL(fileURLWithPath: try kepuBinary())
        p.arguments = ["attendance", "import", "--event", "1", path, "--db", w.db]
        p.environment = w.env
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        // Wait until the import has written into the WAL, then kill it without warning.
        let deadline = Date().addingTimeInterval(60)
        while Date() < deadline, p.isRunning {
            let size = (try? FileManager.default.attributesOfItem(atPath: w.db + "-wal")[.size] as? Int) ?? 0
            if size > 2_000_000 { break }
            usleep(20_000)
        }
        let killedMidway = p.isRunning
        kill(p.processIdentifier, SIGKILL)
        p.waitUntilExit()
        #expect(killedMidway, "the import finished before it could be killed; make the file larger")
        // The sheet is written in batches (the writer free between them), and its entry counts
        // nothing until the last: cut off midway, it has counted nothing, and its import is unfinished.
        let q = try DatabaseQueue(path: w.db)
        #expect(try q.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT coalesce(sum(count), 0) FROM attendance") } == 0)
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT coalesce(max(rows), 0) FROM import_file") } == 0)
        try q.close()
        // The same file again takes the unfinished import up: whole this time, the leftover voided.
        let again = try runProcess(["attendance", "import", "--event", "1", path, "--db", w.db], env: w.env)
        #expect(again.code == 0, "\(again.err)")
        #expect(try count(w.db, "SELECT sum(count) FROM attendance WHERE voided_at IS NULL") == 300_000)
        #expect(try count(w.db, "SELECT count(*) FROM import_file") == 1)
        #expect(try count(w.db, "SELECT count(*) FROM attendance WHERE voided_at IS NOT NULL") <= 1)
    }

    @Test func aBackupTakenDuringWritesIsWhole() throws {
        let w = ImportTests.workspace()
        let binary = try kepuBinary()
        let writer = Process()
        writer.executableURL = URL(fileURLWithPath: "/bin/sh")
        // The writer keeps adding attendance until told to stop (at most 2000 times).
        let stop = w.dir + "/stop"
        writer.arguments = [
            "-c",
            "i=0; while [ $i -lt 2000 ] && [ ! -e \"\(stop)\" ]; do \"\(binary)\" attendance add --event 1 --count 1"
                + " --db \"\(w.db)\" >/dev/null 2>&1; i=$((i+1)); done",
        ]
        writer.environment = w.env
        try writer.run()
        var before = 0
        for _ in 0..<200 where before < 3 {
            usleep(50_000)
            before = (try? count(w.db, "SELECT count(*) FROM attendance")) ?? 0
        }
        let r = try runProcess(["backup", w.dir + "/backup.sqlite", "--db", w.db], env: w.env)
        // Proof that the writes overlapped the backup: they had begun before it and still ran after it.
        let stillWriting = writer.isRunning
        _ = FileManager.default.createFile(atPath: stop, contents: nil)
        writer.waitUntilExit()
        #expect(before >= 3)
        #expect(stillWriting)
        let inBackup = try count(w.dir + "/backup.sqlite", "SELECT count(*) FROM attendance")
        #expect(inBackup >= before)
        #expect(try count(w.db, "SELECT count(*) FROM attendance") > inBackup)
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("完整性检查通过"))
        let q = try DatabaseQueue(path: w.dir + "/backup.sqlite")
        #expect(try q.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        #expect(try q.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM event") } == 1)
        #expect(try runProcess(["log", "--verify", "--db", w.dir + "/backup.sqlite"], env: w.env).code == 0)
        let mode = try FileManager.default.attributesOfItem(atPath: w.dir + "/backup.sqlite")[.posixPermissions] as? Int
        #expect(mode == 0o600)
    }
}

@Suite struct EvidenceTests {
    @Test func addListVerifyAndDetectTampering() throws {
        let w = ImportTests.workspace()
        let photo = w.write("主场照片.jpg", "pretend JPEG bytes")
        let r = w.run(["evidence", "add", photo, "--kind", "photo", "--event", "1"])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.out == "1\n")
        let sheet = w.write("签到表.pdf", "pretend PDF")
        _ = w.ok("evidence add \(sheet) --kind signin --event 1")
        #expect(w.ok("evidence list").contains("主场照片.jpg"))
        #expect(w.ok("evidence verify") == "全部 2 份佐证材料都在，且未被改动")
        #expect(w.ok("evidence verify --lang en") == "all 2 evidence files present and unaltered")
        let stored = w.db + ".evidence"
        let files = try FileManager.default.subpathsOfDirectory(atPath: stored).filter { $0.count > 64 }
        #expect(files.count == 2)
        try "altered".write(toFile: stored + "/" + files[0], atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: stored + "/" + files[1])
        let v = w.run("evidence verify")
        #expect(v.code == 2)
        #expect(v.out.contains("已被改动：内容与 SHA-256 不符"))
        #expect(v.out.contains("佐证材料文件夹中找不到"))
        #expect(v.err == "2 份佐证材料中有 2 份缺失或被改动\n")
        let en = w.run("evidence verify --lang en")
        #expect(en.out.contains("altered: its content no longer matches its SHA-256"))
        #expect(en.out.contains("missing from the evidence folder"))
        #expect(
            w.run("evidence add \(photo) --kind photo").err == "kepu：evidence add 需要 --event 或 --cost：佐证材料要对应一条记录\n")
        #expect(
            w.run("evidence add \(photo) --kind photo --lang en").err
                == "kepu: evidence add needs --event or --cost: evidence supports a record\n")
        #expect(w.run("evidence add \(photo) --kind selfie --event 1").code == 64)
    }

    @Test func evidenceIsVoidedAndRestoredButNotWhileItsCostIsVoided() throws {
        let w = ImportTests.workspace()
        let cost = w.ok("cost add --line commission --amount 100 --event 1 --invoice 9")
        let e = w.ok("evidence add \(w.write("发票.pdf", "y")) --kind invoice --cost \(cost)")
        #expect(w.run("evidence void \(e) --reason 传错了").err == "已作废佐证材料 \(e)（发票.pdf）：传错了\n")
        #expect(!w.ok("evidence list").contains("发票.pdf"))
        w.ok("cost void \(cost) --reason 重复录入")
        w.refuses(
            "evidence restore \(e) --reason 发票没错", code: 1,
            zh: "kepu：佐证材料 \(e) 不能恢复：它的费用 \(cost) 已作废，请先恢复费用 \(cost)",
            en: "kepu: evidence \(e) cannot be restored: its cost \(cost) is voided; restore cost \(cost) first")
        w.ok("cost restore \(cost) --reason 不是重复")
        w.ok("evidence restore \(e) --reason 发票没错")
        #expect(w.ok("evidence list").contains("发票.pdf"))
    }

    @Test func checkFlagsCampaignsAndCostsWithoutEvidence() throws {
        let w = ImportTests.workspace()
        _ = w.ok("attendance add --event 1 --count 100")
        let cost = w.ok("cost add --line commission --amount 100 --event 1 --invoice 9")
        var out = w.run("check --lang en").out
        #expect(out.contains("evidence-campaign: event 1: campaign 科普日 has no evidence"))
        #expect(out.contains("evidence-cost: cost \(cost): 100.00元 (invoice 9) has no invoice or contract on file"))
        _ = w.ok("evidence add \(w.write("p.jpg", "x")) --kind photo --event 1")
        _ = w.ok("evidence add \(w.write("i.pdf", "y")) --kind invoice --cost \(cost)")
        out = w.run("check --lang en").out
        #expect(!out.contains("evidence-"))
    }

    @Test func exportDumpsTheYear() throws {
        let w = ReconcileCommandTests.demo()
        let r = w.run("export --year 2023 --format json")
        let o = try #require(try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any])
        #expect((o["events"] as? [Any])?.count == 11)
        #expect((o["costs"] as? [Any])?.count == 10)
        #expect((o["volunteers"] as? [Any])?.count == 10)
        #expect(((o["plan"] as? [String: Any])?["source"] as? String)?.contains("株洲市石峰区科学技术协会") == true)
        #expect(w.run("export --year 2023 --format xml").code == 64)
    }
}
