import Foundation
import KepuFiles

/// `kepu-bench --only xlsx`: a million rows of six columns written by kepu's own writer, against the
/// C library kepu used before (libxlsxwriter, compiled here from a few lines of C when its header is
/// installed by hand: `apt-get install libxlsxwriter-dev`). Each writer runs as a child process, so
/// that its peak resident memory is its own.
enum XlsxBench {
    /// The row `i` of the benchmark's list: name, phone, time, school, count, amount.
    static func row(_ i: Int) -> (String, Double, String, String, Double, Double) {
        (
            "参与者\(i)", Double(13_900_000_000 + i), "2023-09-16 09:\(String(format: "%02d", i % 60))",
            "石峰区第\(i % 50)小学", Double(i % 7 + 1), Double(i % 100_000) / 100
        )
    }

    /// `kepu-bench --write-xlsx6 ROWS PATH`.
    static func writeKepu(_ rows: Int, to path: String) throws {
        let book = try XlsxWriter(path: path, title: "签到表")
        let sheet = book.addSheet("签到表")
        let plain = XlsxStyle(border: false)
        let money = XlsxStyle(border: false, numberFormat: "#,##0.00")
        for (c, h) in ["姓名", "手机", "时间", "单位", "人次", "金额"].enumerated() { sheet.text(0, c, h, plain) }
        for i in 0..<rows {
            let r = row(i)
            sheet.text(i + 1, 0, r.0, plain)
            sheet.number(i + 1, 1, r.1, plain)
            sheet.text(i + 1, 2, r.2, plain)
            sheet.text(i + 1, 3, r.3, plain)
            sheet.number(i + 1, 4, r.4, plain)
            sheet.number(i + 1, 5, r.5, money)
        }
        try book.close()
    }

    /// The same rows through libxlsxwriter; `argv[3]` chooses its constant-memory mode.
    static let cSource = #"""
        #include <stdio.h>
        #include <stdlib.h>
        #include <string.h>
        #include <xlsxwriter.h>
        int main(int argc, char **argv) {
            int rows = atoi(argv[1]);
            lxw_workbook_options o = {0};
            o.constant_memory = argc > 3 && strcmp(argv[3], "constant") == 0;
            lxw_workbook *wb = workbook_new_opt(argv[2], &o);
            lxw_worksheet *ws = workbook_add_worksheet(wb, "签到表");
            lxw_format *plain = workbook_add_format(wb);
            lxw_format *money = workbook_add_format(wb);
            format_set_num_format(money, "#,##0.00");
            const char *h[] = {"姓名", "手机", "时间", "单位", "人次", "金额"};
            for (int c = 0; c < 6; c++) worksheet_write_string(ws, 0, c, h[c], plain);
            char buf[64];
            for (int i = 0; i < rows; i++) {
                snprintf(buf, sizeof buf, "参与者%d", i);
                worksheet_write_string(ws, i + 1, 0, buf, plain);
                worksheet_write_number(ws, i + 1, 1, 13900000000.0 + i, plain);
                snprintf(buf, sizeof buf, "2023-09-16 09:%02d", i % 60);
                worksheet_write_string(ws, i + 1, 2, buf, plain);
                snprintf(buf, sizeof buf, "石峰区第%d小学", i % 50);
                worksheet_write_string(ws, i + 1, 3, buf, plain);
                worksheet_write_number(ws, i + 1, 4, i % 7 + 1, plain);
                worksheet_write_number(ws, i + 1, 5, (i % 100000) / 100.0, money);
            }
            return workbook_close(wb) == LXW_NO_ERROR ? 0 : 1;
        }
        """#

    static func run(dir: String, runs: Int) throws {
        say("\n.xlsx writing: rows × 6 columns (medians of \(runs) runs; peak RSS of each writer's process)")
        var lxw: String?
        if FileManager.default.fileExists(atPath: "/usr/include/xlsxwriter.h") {
            let src = dir + "/lxw_rows.c"
            try cSource.write(toFile: src, atomically: true, encoding: .utf8)
            let bin = dir + "/lxw_rows"
            let m = spawn(["/usr/bin/cc", "-O2", "-o", bin, src, "-lxlsxwriter"])
            lxw = m.status == 0 ? bin : nil
        }
        if lxw == nil { say("  (libxlsxwriter-dev not installed: kepu's writer alone)") }
        let me = CommandLine.arguments[0]
        for rows in [100_000, 1_000_000] {
            var lines: [(String, Double, Int, Int)] = []
            func measure(_ name: String, _ argv: [String], _ path: String) {
                var times: [Double] = []
                var peak = 0
                for _ in 0..<runs {
                    try? FileManager.default.removeItem(atPath: path)
                    let m = spawn(argv)
                    if m.status != 0 { say("  ! \(name) exited \(m.status)") }
                    times.append(m.seconds)
                    peak = max(peak, m.maxRSSKiB)
                }
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
                lines.append((name, median(times), peak, size))
            }
            let kepuPath = dir + "/kepu-\(rows).xlsx"
            measure("kepu XlsxWriter", [me, "--write-xlsx6", String(rows), kepuPath], kepuPath)
            if let lxw {
                let p = dir + "/lxw-\(rows).xlsx"
                measure("libxlsxwriter", [lxw, String(rows), p], p)
                let pc = dir + "/lxwc-\(rows).xlsx"
                measure("libxlsxwriter constant_memory", [lxw, String(rows), pc, "constant"], pc)
            }
            say("  \(rows) rows:")
            let base = lines[0]
            for l in lines {
                let ratio = l.1 / max(base.1, 1e-9)
                let sizeRatio = Double(l.3) / Double(max(base.3, 1))
                say(
                    "    \(l.0.padding(toLength: 30, withPad: " ", startingAt: 0)) \(f(l.1, 2)) s (×\(f(ratio, 2)) of kepu)  peak \(l.2 / 1024) MiB  file \(l.3 / 1024) KiB (×\(f(sizeRatio, 2)))"
                )
            }
        }
        say("  goals: kepu's peak < 64 MiB at both sizes; kepu's time ≤ 1.5× libxlsxwriter's; its file ≤ 1.1× as large")
    }
}
