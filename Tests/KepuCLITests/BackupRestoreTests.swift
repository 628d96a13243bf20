import Foundation
import GRDB
import Testing

@testable import KepuCLI
@testable import KepuCore
@testable import KepuFiles
@testable import KepuStore

/// `kepu backup FILE.tar` and `kepu restore`: a year with its evidence goes into one file and comes back
/// whole; a damaged archive is refused in a sentence, with nothing written.
@Suite struct BackupRestoreTests {
    /// A 2023 with events, attendance, a cost and two pieces of evidence, backed up.
    static func year() -> (Workspace, String) {
        let w = Workspace().seeded()
        w.ok("event add --title 全国科普日主场 --kind science-day --start 2023-09-16")
        w.ok("attendance add --event 1 --count 3200 --date 2023-09-16")
        w.ok("cost add --line commission --amount 3000 --event 1 --date 2023-09-16 --invoice A1")
        let photo = w.write("现场.jpg", "jpeg bytes of the photo")
        let sheet = w.write("签到表.csv", "姓名,手机\n张三,13800000001\n")
        w.ok("evidence add \(photo) --kind photo --event 1")
        w.ok("evidence add \(sheet) --kind signin --event 1")
        let archive = w.dir + "/备份/kepu-2023.tar"
        let r = w.run(["backup", archive])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("含数据库和 2 个佐证材料文件，完整性检查通过"), "\(r.err)")
        return (w, archive)
    }

    @Test func aYearComesBackWhole() throws {
        let (w, archive) = Self.year()
        let target = w.dir + "/恢复/kepu.sqlite"
        try FileManager.default.createDirectory(atPath: w.dir + "/恢复", withIntermediateDirectories: true)
        let r = w.run(["restore", archive, "--db", target])
        #expect(r.code == 0, "\(r.err)")
        #expect(r.err.contains("已恢复到 \(target)"))
        #expect(r.err.contains("2 个佐证材料文件校验无误"))
        // The same year, read back: export, audit chain, evidence.
        let original = w.run(["export", "--year", "2023"]).out
        let restored = w.run(["export", "--year", "2023", "--db", target]).out
        #expect(!original.isEmpty && original == restored)
        #expect(w.run(["log", "--verify", "--db", target]).code == 0)
        let verify = w.run(["evidence", "verify", "--db", target])
        #expect(verify.code == 0, "\(verify.err)")
        // Never over an existing database, nor beside a journal left where one was.
        let again = w.run(["restore", archive, "--db", target])
        #expect(again.code != 0)
        #expect(again.err.contains("\(target) 已存在；恢复从不覆盖已有的数据库及其文件"))
        let beside = w.dir + "/恢复/另一个.sqlite"
        _ = FileManager.default.createFile(atPath: beside + "-wal", contents: Data("left by a crash".utf8))
        #expect(w.run(["restore", archive, "--db", beside]).err.contains("\(beside)-wal 已存在"))
        #expect(!FileManager.default.fileExists(atPath: beside))
        // The backup is recorded for the 用户 page.
        let ledger = Ledger(
            database: try AppDatabase.open(at: w.db), context: AuditContext(operatorName: "t", command: "t"))
        let last = try #require(try ledger.archive.lastBackup())
        #expect(last.path == archive)
        #expect(last.evidence == 2)
    }

    /// One flipped byte in the database or in an evidence file, a part missing, or no archive at all:
    /// one sentence naming what is wrong, and no database, evidence folder or temporary folder left.
    @Test func aDamagedArchiveIsRefusedWithNothingWritten() throws {
        let (w, archive) = Self.year()
        let entries = try #require(Tar.entries(path: archive))
        let db = try #require(entries.first { $0.name == "kepu.sqlite" })
        let evidence = try #require(entries.first { $0.name.hasPrefix("evidence/") })
        func damaged(_ name: String, _ change: (inout Data) -> Void) throws -> String {
            var data = try Data(contentsOf: URL(fileURLWithPath: archive))
            change(&data)
            let path = w.dir + "/" + name
            try data.write(to: URL(fileURLWithPath: path))
            return path
        }
        let cases: [(String, (inout Data) -> Void, String)] = [
            ("db-byte.tar", { $0[Int(db.offset) + 4000] ^= 0x01 }, "kepu.sqlite 与备份时的校验码不符"),
            ("evidence-byte.tar", { $0[Int(evidence.offset) + 2] ^= 0x20 }, "\(evidence.name) 与备份时的校验码不符"),
            ("cut.tar", { $0 = $0.prefix(Int(db.offset) + 100) }, "不是 kepu 的备份文件，或文件不完整"),
            ("garbage.tar", { $0 = Data("not a backup at all".utf8) }, "不是 kepu 的备份文件，或文件不完整"),
        ]
        for (name, change, sentence) in cases {
            let path = try damaged(name, change)
            let target = w.dir + "/r-\(name).sqlite"
            let r = w.run(["restore", path, "--db", target])
            #expect(r.code != 0, "\(name)")
            #expect(r.err.contains("备份 \(name) 无法恢复：\(sentence)"), "\(name): \(r.err)")
            #expect(r.err.contains("；未写入任何内容"))
            #expect(!FileManager.default.fileExists(atPath: target))
            #expect(!FileManager.default.fileExists(atPath: target + ".evidence"))
        }
        // An evidence file left out of an archive whose manifest still lists it.
        let short = w.dir + "/missing.tar"
        let tar = try Tar.Writer(path: short)
        for e in entries where e.name != evidence.name {
            try tar.add(e.name, data: try Tar.read(e, from: archive))
        }
        try tar.finish()
        let r = w.run(["restore", short, "--db", w.dir + "/r-missing.sqlite"])
        #expect(r.err.contains("备份 missing.tar 无法恢复：缺少 \(evidence.name)；未写入任何内容"), "\(r.err)")
        #expect(!FileManager.default.fileExists(atPath: w.dir + "/r-missing.sqlite"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: w.dir).filter { $0.hasPrefix(".kepu-restoring") }
                .isEmpty)
    }

    /// A tar field is octal digits and nothing else; a restore takes only the parts kepu writes.
    @Test func anArchiveIsReadAsKepuWroteIt() {
        #expect(Tar.number(Array("00000001750\0".utf8)[...]) == 1000)
        #expect(Tar.number(Array("-0000000001\0".utf8)[...]) == nil)
        #expect(Tar.number(Array("+0000000001\0".utf8)[...]) == nil)
        #expect(Tar.number(Array("00000000089\0".utf8)[...]) == nil)
        let sha = String(repeating: "ab", count: 32)
        #expect(Restore.isKepuPart("kepu.sqlite"))
        #expect(Restore.isKepuPart("evidence/ab/\(sha)"))
        #expect(!Restore.isKepuPart("evidence/cd/\(sha)"))
        #expect(!Restore.isKepuPart("x/kepu.sqlite"))
        #expect(!Restore.isKepuPart("kepu.sqlite-journal"))
        #expect(!Restore.isKepuPart("evidence/ab/../../etc"))
    }

    /// The timer's rotation keeps the newest of each of 7 days, 4 weeks and 12 months.
    @Test func aRotationKeepsDaysWeeksAndMonths() {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "Asia/Shanghai")!
        let now = calendar.date(from: DateComponents(year: 2026, month: 12, day: 7, hour: 3))!
        // A backup every day at 03:00 for 400 days, and a second one today.
        var dates = (0..<400).map { calendar.date(byAdding: .day, value: -$0, to: now)! }
        dates.append(now.addingTimeInterval(-600))
        let keep = BackupRetention.keep(dates, now: now, calendar: calendar)
        // 7 days + up to 4 older weeks + up to 12 older months, some shared.
        #expect(keep.count >= 12 && keep.count <= 23)
        #expect(keep.contains(0))
        #expect(!keep.contains(400))  // the second of today is not the newest of its day
        #expect(keep.allSatisfy { dates[$0] > calendar.date(byAdding: .month, value: -12, to: now)! })
        let name = BackupRetention.name(now, calendar: calendar)
        #expect(name == "kepu-20261207-030000.tar")
        #expect(BackupRetention.date(ofName: name, calendar: calendar) == now)
        #expect(BackupRetention.date(ofName: "kepu.sqlite", calendar: calendar) == nil)
    }

    @Test func rotatingWritesADatedCopyAndSaysHowOldTheLastWas() throws {
        let (w, _) = Self.year()
        let folder = w.dir + "/backups"
        let first = w.run(["backup", "--rotate", folder])
        #expect(first.code == 0, "\(first.err)")
        #expect(first.err.contains("此前没有备份"))
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1 && files[0].hasPrefix("kepu-") && files[0].hasSuffix(".tar"))
        sleep(1)
        let second = w.run(["backup", "--rotate", folder, "--lang", "en"])
        #expect(second.err.contains("the newest before this one was 1 minute old"), "\(second.err)")
    }
}
