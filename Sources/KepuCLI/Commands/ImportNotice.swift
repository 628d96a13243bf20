import KepuCore
import KepuStore

/// The confirmation of an import: the new id on stdout (not for a dry run), the summary on stderr.
func reportImport(_ r: ImportResult, kind: ImportKind, event: Int64? = nil) {
    if !r.ignoredColumns.isEmpty { console.say(.columnsIgnored(r.ignoredColumns)) }
    if !r.dryRun { console.out(String(r.attendanceID ?? r.importID ?? 0)) }
    console.say(.imported(r.summary(kind: kind, event: event)))
}
