import KepuCore
import KepuStore

/// The confirmation of an import: the new id on stdout (not for a dry run), the summary on stderr.
func reportImport(_ r: ImportResult, kind: ImportKind, event: Int64? = nil) {
    if !r.ignoredColumns.isEmpty { console.say(.columnsIgnored(r.ignoredColumns)) }
    if !r.dryRun { console.out(String(r.attendanceID ?? r.importID ?? 0)) }
    console.say(
        .imported(
            ImportSummary(
                kind: kind, file: r.file, encoding: r.encoding, rows: r.rows, dryRun: r.dryRun, importID: r.importID,
                event: event, attendanceID: r.attendanceID, volunteersCreated: r.volunteersCreated,
                volunteersMatched: r.volunteersMatched, organizationsCreated: r.organizationsCreated,
                signups: r.signups,
                total: r.total)))
}
