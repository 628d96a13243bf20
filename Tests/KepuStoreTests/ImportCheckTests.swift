import Foundation
import GRDB
import Testing

@testable import KepuCore
@testable import KepuStore

/// A preview checks a file in batches and keeps only what it shows.
@Suite struct ImportCheckTests {
    func sheet(rows: Int, longCell: Bool = false) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("kepu-check-\(UUID().uuidString).csv")
            .path
        var text = "姓名,手机,备注\n"
        for i in 0..<rows {
            let note = longCell ? String(repeating: "长", count: 5_000) : "备注"
            text += "访客\(i),1380\(String(format: "%07d", i)),\(note)\n"
        }
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    /// Between two batches the writer is free: another write (a door's sign-in) goes through while
    /// the preview is still reading. A write made while the writer is held would not return.
    @Test func aPreviewLeavesTheWriterFreeBetweenBatches() throws {
        let l = try memoryLedger()
        let event = try l.events.add(NewEvent(title: "科普讲座", kind: .other, start: day("2023-09-16")))
        let path = try sheet(rows: ImportService.checkBatch * 2 + 5)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var between: [Int] = []
        let result = try l.imports.signins(
            path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: true, preview: ImportPreview(),
            progress: { rows in
                between.append(rows)
                _ = try? l.attendance.add(NewAttendance(event: event, count: 1, note: "门口"))
            })
        #expect(between == [ImportService.checkBatch, ImportService.checkBatch * 2])
        #expect(result.rows == ImportService.checkBatch * 2 + 5)
        #expect(result.rowErrors.isEmpty)
        // The writes between batches were made; the preview wrote nothing.
        #expect(try l.attendance.list(RecordFilter()).map(\.count) == [1, 1])
        #expect(try count(l, "SELECT count(*) FROM import_file") == 0)
        #expect(try count(l, "SELECT count(*) FROM signin") == 0)
    }

    /// A preview keeps 20 rows, each cell cut to 200 characters, however long the file's cells.
    @Test func aPreviewKeepsTwentyRowsOfShortCells() throws {
        let l = try memoryLedger()
        let event = try l.events.add(NewEvent(title: "科普讲座", kind: .other, start: day("2023-09-16")))
        let path = try sheet(rows: 50, longCell: true)
        defer { try? FileManager.default.removeItem(atPath: path) }
        let result = try l.imports.signins(
            path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: true, preview: ImportPreview())
        #expect(result.sample.count == 20)
        #expect(result.sample.allSatisfy { $0.fields.allSatisfy { $0.count <= 201 } })
        #expect(result.sample[0].fields[2].hasSuffix("…"))
        #expect(result.rows == 50)
    }

    /// A dry run still stops at the first bad row, naming it, whichever batch it is in.
    @Test func aDryRunStopsAtTheFirstBadRowInAnyBatch() throws {
        let l = try memoryLedger()
        let event = try l.events.add(NewEvent(title: "科普讲座", kind: .other, start: day("2023-09-16")))
        let path = try sheet(rows: ImportService.checkBatch + 10)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var text = try String(contentsOfFile: path, encoding: .utf8)
        text += "坏行,12345,备注\n"
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try l.imports.signins(path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: true)
            Issue.record("the bad row was not refused")
        } catch let e as KepuError {
            guard case .importRow(_, let line, _) = e.problem else {
                Issue.record("refused with \(e.problem)")
                return
            }
            #expect(line == ImportService.checkBatch + 12)
        }
    }
}

/// A sign-in sheet imported in batches: every row checked first, then written a batch at a time with
/// the writer free between them; nothing counts until the last, and an import cut off midway is
/// taken up again whole.
@Suite struct BatchedImportTests {
    @Test func aSheetIsWrittenInBatchesAndCountsOnlyWhenWhole() throws {
        let l = try memoryLedger()
        let event = try l.events.add(NewEvent(title: "科普讲座", kind: .other, start: day("2023-09-16")))
        let rows = ImportService.checkBatch * 2 + 5
        let path = try ImportCheckTests().sheet(rows: rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var countedMeanwhile: [Int64] = []
        let result = try l.imports.signins(
            path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: false,
            progress: { _ in
                // Between batches the writer is free, and the entry counts nothing yet.
                countedMeanwhile.append(
                    (try? l.attendance.list(RecordFilter(event: event)).map(\.count).reduce(0, +)) ?? -1)
                _ = try? l.events.add(NewEvent(title: "另一场", kind: .other, start: day("2023-09-17")))
            })
        #expect(result.rows == rows)
        #expect(!countedMeanwhile.isEmpty)
        #expect(countedMeanwhile.allSatisfy { $0 == 0 })
        #expect(try l.attendance.list(RecordFilter(event: event)).map(\.count) == [Int64(rows)])
        #expect(try count(l, "SELECT count(*) FROM signin") == rows)
    }

    @Test func anImportCutOffMidwayCountsNothingAndIsTakenUpAgain() throws {
        let l = try memoryLedger()
        let event = try l.events.add(NewEvent(title: "科普讲座", kind: .other, start: day("2023-09-16")))
        let rows = ImportService.checkBatch * 2 + 5
        let path = try ImportCheckTests().sheet(rows: rows)
        defer { try? FileManager.default.removeItem(atPath: path) }
        var locked = false
        var calls = 0
        #expect(throws: KepuError.self) {
            try l.imports.signins(
                path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: false,
                progress: { _ in
                    // Two batches checked, then the first written: the year is locked while the sheet
                    // is being written.
                    calls += 1
                    if calls == 3 { locked = (try? l.years.lock(2023, reason: "年终封账")) != nil }
                })
        }
        #expect(locked)
        #expect(
            try l.attendance.list(RecordFilter(event: event, includeVoided: true)).map(\.count).allSatisfy { $0 == 0 })
        _ = try l.years.unlock(2023, reason: "补录")
        let again = try l.imports.signins(path: path, displayName: "签到表.csv", event: event, date: nil, dryRun: false)
        #expect(again.rows == rows)
        let live = try l.attendance.list(RecordFilter(event: event))
        #expect(live.map(\.count) == [Int64(rows)])
        #expect(try count(l, "SELECT count(*) FROM import_file") == 1)
    }
}
