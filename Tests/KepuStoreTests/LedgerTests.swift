import Foundation
import GRDB
import Testing

@testable import KepuCore
@testable import KepuStore

func seedPlanText() throws -> String {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    return try String(contentsOf: root.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
}

func day(_ s: String) -> CalendarDate { try! CalendarDate.parse(s) }

func memoryLedger() throws -> Ledger {
    let ledger = Ledger(
        database: try AppDatabase.inMemory(),
        context: AuditContext(
            operatorName: "tester", command: "test", now: { Date(timeIntervalSince1970: 1_700_000_000) }))
    _ = try ledger.plans.importPlan(text: try seedPlanText(), sourceName: "seed.yaml", replace: false)
    return ledger
}

func count(_ l: Ledger, _ sql: String) throws -> Int {
    try l.database.read { try Int.fetchOne($0, sql: sql) ?? 0 }
}

@Suite struct LedgerTests {
    @Test func aRecordedYearReadsBackExactly() throws {
        let l = try memoryLedger()
        let sd = try l.events.add(
            NewEvent(title: "全国科普日", kind: .scienceDay, start: day("2023-09-16"), end: day("2023-09-22")))
        let sub = try l.events.add(NewEvent(title: "进社区", kind: .other, start: day("2023-09-18"), parent: sd))
        _ = try l.attendance.add(NewAttendance(event: sd, count: 3200))
        _ = try l.attendance.add(NewAttendance(event: sub, count: 850))
        _ = try l.attendance.add(NewAttendance(event: sd, count: 6800, channel: .online, method: .estimate))
        _ = try l.money.addCost(
            NewCost(line: "commission", amount: try Money.parse("3000.01"), event: sd, invoice: "A1"))
        _ = try l.money.addCost(NewCost(line: "活动委托费", amount: try Money.parse("0.95万"), event: sub, invoice: "A1"))
        _ = try l.money.addPrintRun(
            NewPrintRun(title: "折页", ink: .color, copies: 2000, unitPrice: Money(fen: 100), event: sd))
        let v = try l.volunteers.add(NewVolunteer(name: "李华", phone: "13800000001", org: "队伍甲"))
        #expect(v.newOrganization == "队伍甲")
        _ = try l.volunteers.signup(NewSignup(volunteer: v.id, event: sub, hoursCenti: 950))
        _ = try l.surveys.add(NewSurvey(event: sd, responses: 100, satisfied: 99))
        _ = try l.surveys.addMeasurement(
            NewMeasurement(metric: "literacy-rate", value: Fixed(raw: 103_000), date: day("2023-11-30")))
        _ = try l.surveys.setBaseline(BaselineInput(year: 2022, volunteers: 0, orgs: 0))

        let (stored, f) = try l.evaluation.inputs(year: 2023, unit: nil, asOf: nil, today: day("2024-03-01"))
        #expect(stored.plan.year == 2023)
        #expect(f.asOf == day("2023-12-31"))
        #expect(f.majorEvents == 1)
        #expect(f.events == 1)
        #expect(f.attendance == 10850)
        #expect(f.attendanceByChannel[.online] == 6800)
        #expect(f.costsByLine["commission"] == Money(fen: 1_250_001))
        #expect(f.printByLine["printing"] == Money(yuan: 2000))
        #expect(f.volunteers == 1)
        #expect(f.volunteerOrgs == 1)
        #expect(f.volunteerHoursCenti == 950)
        #expect(f.surveySatisfied == 99)
        #expect(f.previousYear == .init(year: 2022, volunteers: 0, orgs: 0, source: .baseline))
        #expect(f.measurements["literacy-rate"]?.value == Fixed(raw: 103_000))
        #expect(f.lastActivity == day("2023-09-22"))
        let events = try l.events.list(in: DateRange.year(2023))
        #expect(events.map(\.id) == [sd, sub])
        #expect(events[1].depth == 1)
        #expect(events[0].cost == Money(fen: 500_001))
    }

    @Test func asOfDatesCutTheWindow() throws {
        let l = try memoryLedger()
        let tw = try l.events.add(NewEvent(title: "科技活动周", kind: .techWeek, start: day("2023-05-20")))
        let sd = try l.events.add(NewEvent(title: "科普日", kind: .scienceDay, start: day("2023-09-16")))
        _ = try l.attendance.add(NewAttendance(event: tw, count: 100))
        _ = try l.attendance.add(NewAttendance(event: sd, count: 200))
        _ = try l.money.addCost(NewCost(line: "commission", amount: Money(yuan: 10), date: day("2023-06-01")))
        let (_, june) = try l.evaluation.inputs(
            year: 2023, unit: nil, asOf: day("2023-06-30"), today: day("2023-06-30"))
        #expect(june.majorEvents == 1)
        #expect(june.attendance == 100)
        #expect(june.spending == Money(yuan: 10))
        let (_, before) = try l.evaluation.inputs(
            year: 2023, unit: nil, asOf: day("2022-12-31"), today: day("2023-01-01"))
        #expect(before.attendance == 0)
        let (_, after) = try l.evaluation.inputs(
            year: 2023, unit: nil, asOf: day("2024-06-30"), today: day("2024-06-30"))
        #expect(after.attendance == 300)
    }

    @Test func voidingAnEventVoidsWhatHangsOnItAndDeletesNothing() throws {
        let l = try memoryLedger()
        let sd = try l.events.add(NewEvent(title: "科普日", kind: .scienceDay, start: day("2023-09-16")))
        let sub = try l.events.add(NewEvent(title: "子活动", kind: .other, start: day("2023-09-17"), parent: sd))
        _ = try l.attendance.add(NewAttendance(event: sub, count: 500))
        _ = try l.money.addCost(NewCost(line: "commission", amount: Money(yuan: 100), event: sd))
        _ = try l.surveys.add(NewSurvey(event: sd, responses: 10, satisfied: 9))
        let v = try l.volunteers.add(NewVolunteer(name: "甲"))
        _ = try l.volunteers.signup(NewSignup(volunteer: v.id, event: sub))
        _ = try l.money.addPrintRun(
            NewPrintRun(title: "单页", ink: .mono, copies: 10, unitPrice: Money(fen: 50), event: sub))
        let s = try l.events.void(sd, reason: "重复录入")
        #expect(s == VoidCounts(events: 2, attendance: 1, costs: 1, printRuns: 1, surveys: 1, signups: 1))
        let (_, f) = try l.evaluation.inputs(year: 2023, unit: nil, asOf: nil, today: day("2024-01-01"))
        #expect(
            f.attendance == 0 && f.spending == .zero && f.events == 0 && f.volunteers == 0 && f.surveyResponses == 0)
        #expect(try count(l, "SELECT count(*) FROM event") == 2)
        #expect(try count(l, "SELECT count(*) FROM event WHERE void_reason = '重复录入'") == 2)
        let actions = try l.audit.log(limit: nil).map(\.action)
        #expect(actions.filter { $0 == .void }.count == s.total)
        #expect(actions.last == .add)
        #expect(
            throws: KepuError(
                .recordVoided(field: .event, kind: .event, id: sd, title: "科普日", on: l.context.timestamp))
        ) {
            try l.attendance.add(NewAttendance(event: sd, count: 1))
        }
        #expect {
            try l.database.write { try $0.execute(sql: "DELETE FROM event") }
        } throws: { e in
            guard case .databaseRefused(_, let detail) = (e as? KepuError)?.problem else { return false }
            return detail.contains("kepu never deletes event rows")
        }
    }

    @Test func unknownReferencesAreRefusedWithSentences() throws {
        let l = try memoryLedger()
        #expect(throws: KepuError(.noSuchRecord(field: .event, kind: .event, id: 99))) {
            try l.attendance.add(NewAttendance(event: 99, count: 1))
        }
        #expect(throws: KepuError(.noSuchRecord(field: .parent, kind: .event, id: 7))) {
            try l.events.add(NewEvent(title: "x", kind: .other, start: day("2023-03-01"), parent: 7))
        }
        #expect(
            throws: KepuError(
                .notALine(
                    field: .line, value: "training", year: 2023, unit: "株洲市石峰区科学技术协会",
                    lines: [
                        LineRef(id: "commission", name: "活动委托费"), LineRef(id: "printing", name: "资料排版复印"),
                    ]))
        ) {
            try l.money.addCost(NewCost(line: "training", amount: Money(yuan: 1), date: day("2023-03-01")))
        }
        #expect(
            throws: KepuError(
                .noPlanCovers(date: day("2024-03-01"), existing: ["株洲市石峰区科学技术协会 2023 (2023-01-01–2023-12-31)"]))
        ) {
            try l.money.addCost(NewCost(line: "commission", amount: Money(yuan: 1), date: day("2024-03-01")))
        }
        #expect(throws: KepuError(.noSuchRecord(field: .volunteer, kind: .volunteer, id: 5))) {
            try l.volunteers.signup(NewSignup(volunteer: 5, event: 1))
        }
        #expect(try count(l, "SELECT count(*) FROM audit") == 2)  // the unit and the plan only
    }

    @Test func theAuditTrailChainsAndDetectsTampering() throws {
        let l = try memoryLedger()
        for i in 1...3 {
            _ = try l.events.add(NewEvent(title: "活动\(i)", kind: .other, start: day("2023-03-0\(i)")))
        }
        #expect(try l.audit.verify() == AuditVerification(rows: 5, firstBroken: nil))
        let log = try l.audit.log(limit: 2)
        #expect(log.map(\.id) == [5, 4])
        #expect(log[0].after?.contains("活动3") == true)
        try l.database.write { db in
            try db.execute(sql: "DROP TRIGGER audit_no_update")
            try db.execute(sql: "UPDATE audit SET after = replace(after, '活动2', '活动X') WHERE id = 4")
        }
        let v = try l.audit.verify()
        #expect(v.firstBroken?.id == 4)
        #expect(v.firstBroken?.reason == .altered)
    }

    @Test func replacingAPlanKeepsTheLedgerAndTheOldPlan() throws {
        let l = try memoryLedger()
        _ = try l.money.addCost(NewCost(line: "commission", amount: Money(yuan: 100), date: day("2023-03-01")))
        #expect(throws: KepuError(.planAlreadyImported(plan: 1, unit: "株洲市石峰区科学技术协会", year: 2023))) {
            try l.plans.importPlan(text: try seedPlanText(), sourceName: "seed.yaml", replace: false)
        }
        let revised = try seedPlanText().replacingOccurrences(of: "target: 2万人次", with: "target: 2.2万人次")
        let r = try l.plans.importPlan(text: revised, sourceName: "revised.yaml", replace: true)
        #expect(r.replaced == 1)
        #expect(try l.plans.plan(year: 2023, unit: nil).plan.indicator("reach")?.target.value == Fixed(22000))
        #expect(try l.plans.list().count == 2)
        #expect(try count(l, "SELECT count(*) FROM cost") == 1)
    }

    @Test func aPlanWithErrorsIsNotImported() throws {
        let l = Ledger(database: try AppDatabase.inMemory(), context: AuditContext(operatorName: "t", command: "t"))
        let bad = try seedPlanText().replacingOccurrences(of: "amount: 2.5万", with: "amount: 2.4万")
        #expect {
            try l.plans.importPlan(text: bad, sourceName: "bad.yaml", replace: false)
        } throws: { e in
            guard case .planHasErrors("bad.yaml", _, let first) = (e as? KepuError)?.problem else { return false }
            return first.check == "lines-sum"
        }
        #expect(try count(l, "SELECT count(*) FROM plan") == 0)
        #expect(try count(l, "SELECT count(*) FROM audit") == 0)
    }
}

@Suite struct AppDatabaseTests {
    func tempDir() -> String {
        let d = NSTemporaryDirectory() + "kepu-store-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true)
        return d
    }

    @Test func createMakesAnOwnerOnlyWALFileAndRefusesToOverwrite() throws {
        let path = tempDir() + "/k.sqlite"
        let db = try AppDatabase.create(at: path)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        #expect(throws: KepuError(.databaseExists(path: path))) {
            try AppDatabase.create(at: path)
        }
    }

    @Test func openRefusesWhatIsNotAKepuDatabase() throws {
        let dir = tempDir()
        #expect(throws: KepuError(.noDatabase(path: dir + "/none.sqlite"))) {
            try AppDatabase.open(at: dir + "/none.sqlite")
        }
        #expect(!FileManager.default.fileExists(atPath: dir + "/none.sqlite"))
        let text = dir + "/notes.txt"
        try "这不是数据库，只是一段文字。This is not a database at all.".write(toFile: text, atomically: true, encoding: .utf8)
        #expect(throws: KepuError(.notSQLite(path: text))) { try AppDatabase.open(at: text) }
        let other = dir + "/other.sqlite"
        let q = try DatabaseQueue(path: other)
        try q.write { try $0.execute(sql: "CREATE TABLE t(x)") }
        try q.close()
        #expect(throws: KepuError(.foreignSQLite(path: other, tables: 1))) {
            try AppDatabase.open(at: other)
        }
    }

    @Test func openRefusesADatabaseFromANewerKepu() throws {
        let path = tempDir() + "/k.sqlite"
        _ = try AppDatabase.create(at: path)
        let q = try DatabaseQueue(path: path)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99 from the future')") }
        try q.close()
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        #expect(throws: KepuError(.newerKepu(path: path, database: 99, kepu: AppDatabase.schemaVersion))) {
            try AppDatabase.open(at: path)
        }
        // Never opened for writing: not a byte changed, no copy made.
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: (path as NSString).deletingLastPathComponent)
                .filter { $0.hasSuffix(".bak") }.isEmpty)
    }

    /// An earlier kepu's file is copied next to itself, whole, before it is migrated.
    @Test func anEarlierFileIsCopiedBeforeItIsMigrated() throws {
        let path = tempDir() + "/k.sqlite"
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        try FileManager.default.copyItem(
            atPath: root.appendingPathComponent("Fixtures/v11-demo-2023.sqlite").path, toPath: path)
        let db = try AppDatabase.open(at: path)
        let migrated = try #require(db.migrated)
        #expect(migrated.from == 11)
        #expect(migrated.to == AppDatabase.schemaVersion)
        #expect(migrated.backup.hasPrefix(path + ".v11-") && migrated.backup.hasSuffix(".bak"))
        let copy = try DatabaseQueue(path: migrated.backup)
        #expect(try copy.read { try AppDatabase.version($0) } == 11)
        #expect(try copy.read { try String.fetchOne($0, sql: "PRAGMA integrity_check") } == "ok")
        try copy.close()
        // Opened again: nothing to migrate, no copy.
        #expect(try AppDatabase.open(at: path).migrated == nil)
    }

    @Test func openReportsADamagedFile() throws {
        let path = tempDir() + "/k.sqlite"
        let db = try AppDatabase.create(at: path)
        try db.writer.close()
        var data = try Data(contentsOf: URL(fileURLWithPath: path))
        // Keep the header, wreck the schema page.
        for i in 100..<min(data.count, 4096) { data[i] = 0xA5 }
        try data.write(to: URL(fileURLWithPath: path))
        #expect {
            try AppDatabase.open(at: path)
        } throws: { e in
            switch (e as? KepuError)?.problem {
            case .damaged(path)?, .sqliteNotADatabase(path)?: return true
            default: return false
            }
        }
    }
}

@Suite struct PreviousYearTests {
    @Test func growthComparesWithThePreviousYearInTheDatabaseBeforeABaseline() throws {
        let l = try memoryLedger()
        _ = try l.surveys.setBaseline(BaselineInput(year: 2022, volunteers: 50, orgs: 5))
        let last = try l.events.add(NewEvent(title: "2022年科普日", kind: .scienceDay, start: day("2022-09-17")))
        let a = try l.volunteers.add(NewVolunteer(name: "甲", org: "一队"))
        _ = try l.volunteers.signup(NewSignup(volunteer: a.id, event: last))
        let now = try l.events.add(NewEvent(title: "2023年科普日", kind: .scienceDay, start: day("2023-09-16")))
        let b = try l.volunteers.add(NewVolunteer(name: "乙", org: "二队"))
        _ = try l.volunteers.signup(NewSignup(volunteer: a.id, event: now))
        _ = try l.volunteers.signup(NewSignup(volunteer: b.id, event: now))
        let (stored, f) = try l.evaluation.inputs(year: 2023, unit: nil, asOf: nil, today: day("2024-01-10"))
        // The database has 2022 sign-ups, so they win over the baseline.
        #expect(f.previousYear == .init(year: 2022, volunteers: 1, orgs: 1, source: .database))
        let e = Reconciler.evaluate(stored.plan, f)
        #expect(e.indicators.first { $0.indicator.id == "volunteers" }?.status == .met)
    }
}
