import GRDB
import KepuCore

/// The records of one project (支出方向) in a year with several: events by their top-level event's
/// project (NULL is the year's first project), costs and print runs by their line's project.
/// Measurements and volunteers are the unit's and are read whole.
struct ProjectScope: Sendable {
    let id: String
    /// The year's first project, which holds every event that names none.
    let isDefault: Bool
    let lines: [String]
    /// Every other project's lines: the first project also holds lines no project lists.
    let otherLines: [String]

    /// Nil when the plan has one project: nothing to narrow.
    init?(plan: Plan, project: Project) {
        guard plan.hasSeveralProjects else { return nil }
        id = project.id
        isDefault = plan.defaultProject?.id == project.id
        lines = project.lines.map(\.id)
        otherLines = plan.projects.filter { $0.id != project.id }.flatMap { $0.lines.map(\.id) }
    }

    /// For a top-level event row (column `project`).
    var events: SQL {
        isDefault ? "AND (project = \(id) OR project IS NULL)" : "AND project = \(id)"
    }

    /// For a cost, print run or adjustment row (column `line`).
    var lineFilter: SQL {
        isDefault ? "AND line NOT IN \(otherLines)" : "AND line IN \(lines)"
    }

    func owns(line: String) -> Bool { isDefault ? !otherLines.contains(line) : lines.contains(line) }

    /// A project budget's adjustment row (column `project`).
    func ownsAdjustment(project: String?) -> Bool { project == id || (project == nil && isDefault) }
}

extension PlanService {
    /// The project named by id or name, or the refusal listing the year's projects.
    func project(_ key: String, of plan: Plan, field: Field) throws -> Project {
        guard let p = plan.findProject(key) else {
            throw KepuError(
                .noSuchProject(field: field, value: key, year: plan.year, projects: plan.projects.map(\.ref)))
        }
        return p
    }

    /// The project an event is in: its top-level event's, else the year's first.
    func project(ofEvent id: Int64, _ db: Database, plan: Plan) throws -> Project? {
        let key = try String.fetchOne(
            db,
            sql: """
                WITH RECURSIVE up(id, parent_id, project) AS (
                  SELECT id, parent_id, project FROM event WHERE id = ?
                  UNION ALL SELECT e.id, e.parent_id, e.project FROM event e JOIN up ON e.id = up.parent_id)
                SELECT project FROM up WHERE parent_id IS NULL
                """, arguments: [id])
        return key.flatMap(plan.findProject) ?? plan.defaultProject
    }
}
