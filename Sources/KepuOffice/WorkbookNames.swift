import KepuCore
import KepuReport
import KepuStore

/// What a workbook shows in place of codes and bare numbers, whichever front end writes it: spending lines
/// by their names in the plans (the newest year's first), a measurement by the indicator it is read for,
/// events by their numbers and titles (`12 科普讲座`). A workbook is read by people; the command line's
/// other listings keep the codes and numbers its options take.
public enum WorkbookNames {
    public static func of(_ ledger: Ledger, events: Set<Int64>) throws -> RecordNames {
        var names = RecordNames(events: try ledger.events.titles(events))
        let years = Set(try ledger.plans.list().filter { $0.replacedAt == nil }.map(\.year))
        for year in years.sorted(by: >) {
            // A year whose plan cannot be read (several units, none current) names nothing: its codes stay.
            guard let plan = try? ledger.plans.plan(year: year, unit: nil).plan else { continue }
            for l in plan.lines where names.lines[l.id] == nil { names.lines[l.id] = l.name }
            for i in plan.allIndicators {
                if case .measurement(let name) = i.metric, names.measurements[name] == nil {
                    names.measurements[name] = i.name
                }
            }
        }
        return names
    }
}
