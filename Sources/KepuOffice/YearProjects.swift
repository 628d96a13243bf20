import Foundation
import KepuCore
import KepuReport
import KepuStore

/// A year of several projects (支出方向) as the office reports it: each project's reconciliation and
/// self-evaluation in turn, then the department's; one project when it is named, and a one-project
/// year exactly as before.
public enum YearProjects {
    /// The evaluations `kepu reconcile` shows: one, or every project's then the department's.
    public struct Reconciled: Sendable {
        public var plan: Plan
        public var parts: [Evaluation]
        /// Every project then the department (a year with several and none named).
        public var several: Bool
    }

    public static func reconcile(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate,
        project: String?, scope: EvaluationScope
    ) throws -> Reconciled {
        let whole = try ledger.plans.plan(year: year, unit: unit).plan
        func one(_ p: String?, _ s: EvaluationScope) throws -> Evaluation {
            let (stored, facts) = try ledger.evaluation.inputs(
                year: whole.year, unit: whole.unit, asOf: asOf, today: today, project: p)
            return Reconciler.evaluate(stored.plan, facts, scope: s)
        }
        if project != nil || !whole.hasSeveralProjects {
            return Reconciled(plan: whole, parts: [try one(project, scope)], several: false)
        }
        let parts = try whole.projects.map { try one($0.id, .project) } + [try one(nil, .department)]
        return Reconciled(plan: whole, parts: parts, several: true)
    }

    /// The self-evaluations `kepu report` writes: one, or every project's then the department's.
    public static func evaluate(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate, lang: Language,
        scope: EvaluationScope, project: String?
    ) throws -> [SelfEvaluationDocuments.Evaluated] {
        let whole = try ledger.plans.plan(year: year, unit: unit).plan
        func one(_ p: String?, _ s: EvaluationScope) throws -> SelfEvaluationDocuments.Evaluated {
            try SelfEvaluationDocuments.evaluate(
                ledger: ledger, year: whole.year, unit: whole.unit, asOf: asOf, today: today, lang: lang, scope: s,
                project: p)
        }
        if project != nil || !whole.hasSeveralProjects { return [try one(project, scope)] }
        return try whole.projects.map { try one($0.id, .project) } + [try one(nil, .department)]
    }

    /// A heading for a part of several: 项目：name, or 部门整体.
    public static func heading(_ e: Evaluation, lang: Language) -> String {
        if e.scope == .department && e.project == nil { return lang.t("部门整体", "Department") }
        let name = e.project?.name ?? ""
        return lang.t("项目：\(name)", "Project: \(name)")
    }

    /// Several parts in one report: each part's sections under its heading.
    public static func combined(_ reports: [(Evaluation, Report)], lang: Language) -> Report {
        guard reports.count > 1, let first = reports.first else { return reports.first?.1 ?? Report(title: "") }
        var out = Report(title: first.1.title, subtitle: first.1.subtitle)
        for (e, r) in reports {
            let h = heading(e, lang: lang)
            if r.title != first.1.title { out.sections.append(Section(heading: h, blocks: [.paragraph(r.title)])) }
            for s in r.sections where !s.blocks.allSatisfy(\.isEmptyTable) {
                out.sections.append(Section(heading: s.heading.map { "\(h) · \($0)" } ?? h, blocks: s.blocks))
            }
        }
        return out
    }

    /// The reconciliation's JSON: §10's object, or `{"year","unit","projects":[…],"department":{…}}`.
    public static func json(_ r: Reconciled) -> JSONValue {
        guard r.several, let department = r.parts.last else {
            return .object(EvaluationJSON.object(r.parts[0]))
        }
        return .object([
            "year": .int(r.plan.year), "unit": .string(r.plan.unit),
            "projects": .array(r.parts.dropLast().map { .object(EvaluationJSON.object($0)) }),
            "department": .object(EvaluationJSON.object(department)),
        ])
    }

    /// The self-evaluations' JSON: one, or every project's and the department's.
    public static func json(_ parts: [SelfEvaluationDocuments.Evaluated], plan: Plan, lang: Language) -> JSONValue {
        let objects = parts.map { SelfEvaluationReport.json($0.card, findings: $0.findings, lang: lang) }
        guard parts.count > 1, let department = objects.last else { return objects[0] }
        return .object([
            "year": .int(plan.year), "unit": .string(plan.unit), "projects": .array(Array(objects.dropLast())),
            "department": department,
        ])
    }

    /// `kepu report --summary`: each project's score and grade, and the department's.
    public struct Summary: Sendable {
        public var plan: Plan
        public var projects: [(ref: ProjectRef, card: Scorecard)]
        public var department: Scorecard
    }

    public static func summary(
        ledger: Ledger, year: Int?, unit: String?, asOf: CalendarDate?, today: CalendarDate, lang: Language
    ) throws -> Summary {
        let whole = try ledger.plans.plan(year: year, unit: unit).plan
        var projects: [(ProjectRef, Scorecard)] = []
        for p in whole.projects {
            let e = try SelfEvaluationDocuments.evaluate(
                ledger: ledger, year: whole.year, unit: whole.unit, asOf: asOf, today: today, lang: lang,
                scope: .project, project: p.id)
            projects.append((p.ref, e.card))
        }
        let d = try SelfEvaluationDocuments.evaluate(
            ledger: ledger, year: whole.year, unit: whole.unit, asOf: asOf, today: today, lang: lang,
            scope: .department, project: whole.hasSeveralProjects ? nil : whole.projects.first?.id)
        return Summary(plan: whole, projects: projects, department: d.card)
    }

    public static func summaryJSON(_ s: Summary) -> JSONValue {
        func card(_ c: Scorecard) -> [String: JSONValue] {
            ["totalScore": .fixed(c.total), "grade": .string(c.grade.rawValue), "provisional": .bool(c.provisional)]
        }
        return .object([
            "year": .int(s.plan.year), "unit": .string(s.plan.unit),
            "projects": .array(
                s.projects.map { p in
                    var o = card(p.card)
                    o["id"] = .string(p.ref.id)
                    o["name"] = .string(p.ref.name)
                    return .object(o)
                }),
            "department": .object(card(s.department)),
        ])
    }

    public static func summaryReport(_ s: Summary, lang: Language) -> Report {
        let columns: [ReportTable.Column] = [
            .init(lang.t("项目", "Project")), .init(lang.t("总分", "Score"), .right), .init(lang.t("等级", "Grade")),
        ]
        func grade(_ c: Scorecard) -> String {
            let g = lang == .zh ? c.grade.rawValue : c.grade.english
            return c.provisional ? g + lang.t("（待人工评分）", " (provisional)") : g
        }
        var rows: [[Cell]] = s.projects.map { p in
            [Cell(p.ref.name), Cell.score(p.card.total), Cell(grade(p.card))]
        }
        rows.append([
            Cell(lang.t("部门整体", "Department"), .strong), Cell.score(s.department.total, .strong),
            Cell(grade(s.department), .strong),
        ])
        return Report(
            title: lang.t("\(s.plan.year)年绩效自评得分汇总", "\(s.plan.year) self-evaluation scores"),
            subtitle: [s.plan.unit],
            sections: [Section(heading: nil, blocks: [.table(ReportTable(columns: columns, rows: rows))])])
    }
}

extension Block {
    /// A table without rows (the department's indicators, when it has none of its own).
    var isEmptyTable: Bool {
        if case .table(let t) = self { return t.rows.isEmpty }
        return false
    }
}
