import Foundation

/// The official target tables as offices receive them (部门整体支出绩效目标表, 专项资金绩效目标汇总表 =
/// 附表2, 专项资金支出方向绩效目标表 / 项目支出绩效目标表 = 附表3), read into a plan.
///
/// A sheet is known by its title and its blocks by their labels, never by fixed cells: offices move
/// rows, merge cells differently, leave rows blank and write 万元 or 元. Metrics are inferred by
/// `PlanRules` and every inference is kept for review. Pure: the sheets come in as text grids.
public enum OfficialTables {
    /// One sheet's non-empty rows: the cells as text (merged cells blank but the first) and the row number.
    public struct Sheet: Sendable {
        public var file: String
        public var name: String
        public var rows: [(cells: [String], row: Int)]
        public init(file: String, name: String, rows: [(cells: [String], row: Int)]) {
            self.file = file
            self.name = name
            self.rows = rows
        }
    }

    public enum Kind: String, Sendable {
        case department, summary, direction
    }

    /// An indicator and what its metric was read as.
    public struct Inferred: Sendable, Hashable {
        public var project: String?
        public var indicator: Indicator
        public var rule: PlanRules.IndicatorRule?
    }

    public struct Result: Sendable {
        public var plan: Plan
        /// Which table each sheet was read as.
        public var tables: [(sheet: String, kind: Kind, title: String)]
        public var inferred: [Inferred]
        /// Cross-table checks and indicators no rule knew.
        public var findings: [LintFinding]
    }

    // MARK: Reading

    public static func read(_ sheets: [Sheet], rules: PlanRules = .standard, unit givenUnit: String? = nil) throws
        -> Result
    {
        var department: DepartmentTable?
        var summary: SummaryTable?
        var directions: [DirectionTable] = []
        var tables: [(String, Kind, String)] = []
        for sheet in sheets {
            guard let (kind, title, year) = recognise(sheet) else { continue }
            let grid = Grid(sheet: sheet)
            tables.append((sheet.name, kind, title))
            switch kind {
            case .department: department = try DepartmentTable(grid, year: year, rules: rules)
            case .summary: summary = SummaryTable(grid, year: year)
            case .direction: directions.append(try DirectionTable(grid, year: year, rules: rules))
            }
        }
        guard !tables.isEmpty else {
            throw KepuError(.noOfficialTable(files: Array(Set(sheets.map(\.file))).sorted()))
        }
        guard department != nil || !directions.isEmpty else {
            throw KepuError(.officialTablesNeedTargets)
        }
        for d in directions where d.indicators.isEmpty {
            throw KepuError(.officialTableWithoutIndicators(table: d.name))
        }
        if directions.isEmpty, department?.indicators.isEmpty == true {
            throw KepuError(.officialTableWithoutIndicators(table: "部门整体支出绩效目标表"))
        }
        var seen: Set<String> = []
        for d in directions {
            if !seen.insert(d.name).inserted { throw KepuError(.officialTableTwice(name: d.name)) }
        }
        let year = department?.year ?? directions.first?.year ?? summary?.year ?? 0
        guard year > 0 else { throw KepuError(.officialTablesNoYear) }
        guard let unit = givenUnit ?? department?.unit else { throw KepuError(.officialTablesNoUnit) }
        return assemble(
            unit: unit, year: year, department: department, summary: summary, directions: directions,
            rules: rules, tables: tables)
    }

    static func assemble(
        unit: String, year: Int, department: DepartmentTable?, summary: SummaryTable?, directions: [DirectionTable],
        rules: PlanRules, tables: [(String, Kind, String)]
    ) -> Result {
        var findings: [LintFinding] = []
        var inferred: [Inferred] = []
        let projectTotal = directions.reduce(Money.zero) { $0 + $1.amount }
        let projectBudget = department?.project ?? projectTotal
        let basic = department?.basic ?? .zero
        let budget = Plan.Budget(
            total: department?.total ?? basic + projectBudget, basic: basic, project: projectBudget,
            general: department?.general, governmentFund: department?.governmentFund, other: department?.other)

        // Cross-table checks: 附表2 against itself, against each 附表3, and against the department.
        if let s = summary {
            let groups = s.rows.filter { $0.level == .fund }
            let sum = groups.reduce(Money.zero) { $0 + $1.amount }
            if let total = s.total, !groups.isEmpty, sum != total {
                findings.append(
                    LintFinding(
                        .warning, .table("附表2"),
                        .summaryTotal(rows: groups.map { NamedFigure($0.name, $0.amount) }, sum: sum, total: total)))
            }
            for d in directions {
                guard let row = s.row(named: d.name) else {
                    findings.append(LintFinding(.warning, .table(d.name), .summaryMissing(name: d.name)))
                    continue
                }
                if row.amount != d.amount {
                    findings.append(
                        LintFinding(
                            .warning, .table(d.name), .summaryAmount(name: d.name, summary: row.amount, table: d.amount)
                        ))
                }
                if let group = s.group(of: d.name), let parent = d.parent, group != parent {
                    findings.append(
                        LintFinding(
                            .warning, .table(d.name),
                            .fundNamedDifferently(project: d.name, summary: group, table: parent)))
                }
            }
            if let dept = department?.project, let total = s.total, dept != total {
                findings.append(
                    LintFinding(
                        .warning, .table("部门整体支出绩效目标表"),
                        .departmentProjectSpending(department: dept, summary: total)))
            }
        }

        var lineIDs: Set<String> = []
        var indicatorIDs: Set<String> = []
        func unique(_ base: String, _ prefix: String?, in used: inout Set<String>) -> String {
            // Each project's ids carry its own: p2-reach, whether or not another project has a reach.
            var id = prefix.map { "\($0)-\(base)" } ?? base
            var n = 2
            let stem = id
            while used.contains(id) {
                id = "\(stem)-\(n)"
                n += 1
            }
            used.insert(id)
            return id
        }
        func indicators(_ rows: [IndicatorRow], project: String?, prefix: String?) -> [Indicator] {
            rows.map { r in
                let reading = r.reading
                var ind = Indicator(
                    id: unique(reading.id, prefix, in: &indicatorIDs), level1: r.level1, level2: r.level2,
                    name: r.name, target: reading.target, comparison: reading.comparison, metric: reading.metric,
                    due: reading.due, standard: r.standard, targetWording: reading.wording)
                if reading.rule == nil && ind.metric == .manual {
                    findings.append(
                        LintFinding(.warning, .indicator(ind.id), .metricUnknown(indicator: r.name, target: r.target)))
                }
                if ind.target.kind == .qualitative { ind.comparison = .atLeast }
                inferred.append(Inferred(project: project, indicator: ind, rule: reading.rule))
                return ind
            }
        }
        func lines(_ d: DirectionTable, prefix: String?) -> [SpendingLine] {
            d.lines.enumerated().map { k, l in
                let base = rules.lineID(for: l.name) ?? "line\(k + 1)"
                return SpendingLine(
                    id: unique(base, prefix, in: &lineIDs), name: l.name, category: l.category, amount: l.amount,
                    basis: l.basis, runs: runs(l.basis))
            }
        }
        func fund(_ d: DirectionTable) -> Plan.Fund {
            Plan.Fund(name: d.name, parent: d.parent, category: summary?.group(of: d.name), term: d.term)
        }
        func goals(_ d: DirectionTable) -> Plan.Goals {
            let annualSummary = summary?.row(named: d.name)?.annualGoal
            return Plan.Goals(
                implementation: d.implementation ?? summary?.row(named: d.name)?.implementationGoal, annual: d.annual,
                annualSummary: annualSummary == d.annual ? nil : annualSummary)
        }

        var plan: Plan
        if directions.count <= 1 {
            let d = directions.first
            let rows = d?.indicators ?? department?.indicators ?? []
            let own = d.map { lines($0, prefix: nil) } ?? []
            let inds = indicators(rows, project: nil, prefix: nil)
            plan = Plan(
                unit: unit, year: year, period: DateRange.year(year), budget: budget,
                department: Plan.Department(duties: department?.duties), fund: d.map(fund) ?? Plan.Fund(),
                goals: d.map(goals) ?? Plan.Goals(), keyWork: department?.keyWork ?? [], lines: own, indicators: inds,
                scoring: ScoringSettings())
            plan.projects = [
                Project(
                    id: Project.soleID, name: d?.name ?? "项目支出", fund: plan.fund, amount: budget.project,
                    goals: plan.goals, lines: own, indicators: inds)
            ]
        } else {
            var projects: [Project] = []
            for (n, d) in directions.enumerated() {
                let id = "p\(n + 1)"
                let own = lines(d, prefix: id)
                let inds = indicators(d.indicators, project: id, prefix: id)
                projects.append(
                    Project(
                        id: id, name: d.name, fund: fund(d), amount: d.amount, goals: goals(d), lines: own,
                        indicators: inds))
            }
            let deptIndicators = indicators(department?.indicators ?? [], project: nil, prefix: "dept")
            plan = Plan(
                unit: unit, year: year, period: DateRange.year(year), budget: budget,
                department: Plan.Department(duties: department?.duties), fund: Plan.Fund(), goals: Plan.Goals(),
                keyWork: department?.keyWork ?? [], lines: projects.flatMap(\.lines), indicators: deptIndicators,
                scoring: ScoringSettings(), projects: projects, declaresProjects: true)
        }
        return Result(plan: plan, tables: tables, inferred: inferred, findings: findings)
    }

    /// Planned print runs from a basis that prices each term by ink: 彩色1元/份×2000份, 单色0.5元/份×6000份.
    static func runs(_ basis: String?) -> [PlannedRun] {
        guard let basis else { return [] }
        var out: [PlannedRun] = []
        let segments = basis.components(separatedBy: CharacterSet(charactersIn: "\n；;，,、"))
        for seg in segments {
            let terms = PlanLint.basisTerms(seg)
            guard !terms.isEmpty else { continue }
            let ink: Ink? =
                seg.contains("彩色") || seg.contains("彩印")
                ? .color
                : seg.contains("单色") || seg.contains("黑白") ? .mono : nil
            guard let ink else { return [] }
            out += terms.map { PlannedRun(ink: ink, unitPrice: $0.price, copies: $0.count) }
        }
        return out
    }

    // MARK: Recognising a sheet

    static let titles: [(String, Kind)] = [
        ("部门整体支出绩效目标表", .department), ("专项资金绩效目标汇总表", .summary),
        ("专项资金支出方向绩效目标表", .direction), ("项目支出绩效目标表", .direction),
        ("支出方向绩效目标表", .direction),
    ]

    /// The table a sheet holds, from a title in its first rows, and the year the title names.
    static func recognise(_ sheet: Sheet) -> (Kind, String, Int)? {
        for (cells, _) in sheet.rows.prefix(6) {
            for cell in cells {
                let t = PlanRules.squeeze(cell)
                if let (_, kind) = titles.first(where: { t.contains($0.0) }) {
                    let digits = t.prefix { $0.isASCIIDigit }
                    // A year as a plan file takes it: `0322年` names none.
                    let named = digits.count == 4 && t.dropFirst(4).hasPrefix("年") ? Int(digits) ?? 0 : 0
                    let year = Plan.years.contains(named) ? named : 0
                    return (kind, cell.trimmingCharacters(in: .whitespaces), year)
                }
            }
        }
        return nil
    }

    // MARK: Blocks by their labels

    /// The labels read for a value beside them (compared as `labelKey`s; the tables' `find` calls name
    /// no other). Offices split one over cells (`支出方向（子项）` | `名称`): a stem, then its tails.
    static let labels = [
        "部门名称", "部门职责概述", "支出方向（子项）名称", "支出方向（子项）", "项目名称", "所属专项名称", "所属专项", "项目金额",
        "项目实施期", "实施期绩效目标", "年度绩效目标",
    ]

    /// Words that, alone in a cell, finish the label in the cell before them (or above them, when a
    /// Word cell's lines were pasted into rows): `支出方向（子项）` | `名称`, `项目` | `名` | `称`.
    static let labelTails: Set<String> = ["名称", "名", "称", "代码", "编码", "编号", "（子项）", "金额"]

    /// Every word a label is made of, alone in a cell: the labels, their stems with tails taken off
    /// (项目, 部门, 支出方向, 所属专项) and the tails. None is ever read as a value.
    static let labelWords: Set<String> = {
        var words = OfficialTables.labelTails
        var open = OfficialTables.labels
        while let label = open.popLast() {
            guard words.insert(label).inserted else { continue }
            for tail in OfficialTables.labelTails where label.count > tail.count && label.hasSuffix(tail) {
                open.append(String(label.dropLast(tail.count)))
            }
        }
        return words
    }()

    /// A cell as a label is compared: no spaces, and ASCII brackets as the template's full-width ones.
    static func labelKey(_ cell: String) -> String {
        String(PlanRules.squeeze(cell).map { (c: Character) -> Character in c == "(" ? "（" : c == ")" ? "）" : c })
    }

    /// A label as found: the rows it is written on (more than one when split down a column) and the
    /// column of its last part, after which its value starts.
    struct Label {
        var rows: ClosedRange<Int>
        var end: Int

        init(rows: ClosedRange<Int>, end: Int) {
            self.rows = rows
            self.end = end
        }

        /// A label whole in the one cell at (row index, column).
        init(_ at: (Int, Int)) { self.init(rows: at.0...at.0, end: at.1) }
    }

    struct Grid {
        let sheet: Sheet
        let rows: [[String]]
        let squeezed: [[String]]
        /// Each cell as a label is compared (`labelKey`).
        let keys: [[String]]
        /// Amounts in 万元 unless the table says 元.
        let wan: Bool

        init(sheet: Sheet) {
            self.sheet = sheet
            rows = sheet.rows.map { $0.cells.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } }
            squeezed = sheet.rows.map { $0.cells.map(PlanRules.squeeze) }
            keys = sheet.rows.map { $0.cells.map(OfficialTables.labelKey) }
            var wan = true
            outer: for row in squeezed {
                for c in row where c.contains("金额单位") || c.hasPrefix("金额：") || c.hasPrefix("金额:") {
                    wan = c.contains("万元")
                    break outer
                }
            }
            self.wan = wan
        }

        /// The first cell whose label matches, as (row index, column).
        func find(_ match: (String) -> Bool, from: Int = 0) -> (Int, Int)? {
            for r in from..<squeezed.count { if let c = squeezed[r].firstIndex(where: match) { return (r, c) } }
            return nil
        }

        /// The first label, in reading order, that reads as one of `names`: whole in a cell, or split
        /// over the cells after it (`项目` | `名称`) or below it (`项目` above `名称`).
        func find(_ names: String...) -> Label? {
            let wanted = Set(names.map(OfficialTables.labelKey))
            for r in keys.indices {
                // Only a cell that begins a name is joined with the tails after it, so a (hostile) row
                // of many tails is read once, not once for each of its cells.
                for c in keys[r].indices where begins(keys[r][c], wanted) {
                    if let found = readings(r, c).first(where: { wanted.contains($0.key) }) { return found.label }
                }
            }
            return nil
        }

        /// True when a cell's key is the start of one of the names (a whole name included).
        func begins(_ key: String, _ names: Set<String>) -> Bool {
            !key.isEmpty && names.contains { $0.hasPrefix(key) }
        }

        /// The labels a cell can start, the longest first: the cell joined with the tails after it in
        /// its row (blank, merged cells passed over); when none follows, joined with the tails below it
        /// in the next rows, and then the cell alone.
        func readings(_ r: Int, _ c: Int) -> [(key: String, label: Label)] {
            var key = keys[r][c]
            var end = c
            for j in keys[r].indices.dropFirst(c + 1) where !keys[r][j].isEmpty {
                guard OfficialTables.labelTails.contains(keys[r][j]) else { break }
                key += keys[r][j]
                end = j
            }
            guard end == c else { return [(key: key, label: Label(rows: r...r, end: end))] }
            let alone = (key: key, label: Label(rows: r...r, end: c))
            var last = r
            while let below = tail(below: last, column: c) {
                key += below
                last += 1
            }
            return last == r ? [alone] : [(key: key, label: Label(rows: r...last, end: c)), alone]
        }

        /// The label tail in a column on the sheet row right after the given one, if there is one.
        func tail(below r: Int, column c: Int) -> String? {
            guard r + 1 < keys.count, sheet.rows[r + 1].row == sheet.rows[r].row + 1,
                let key = keys[r + 1].dropFirst(c).first, OfficialTables.labelTails.contains(key)
            else { return nil }
            return key
        }

        /// The text to the right of a label: the next non-empty cell on its row (on each of its rows
        /// in turn, for a label split down a column). A label word is never the value: a blank value
        /// followed by the next label reads as none.
        func text(rightOf label: Label?) -> String? {
            guard let label else { return nil }
            for r in label.rows {
                for c in rows[r].indices.dropFirst(label.end + 1) where !rows[r][c].isEmpty {
                    if OfficialTables.labelWords.contains(keys[r][c]) { break }
                    return rows[r][c]
                }
            }
            return nil
        }

        /// The amount to the right of a label: the next figure before any other text, nil when blank.
        func amount(rightOf label: Label?) -> Money? {
            guard let label else { return nil }
            for r in label.rows {
                if let cell = rows[r].dropFirst(label.end + 1).first(where: { !$0.isEmpty }) { return money(cell) }
            }
            return nil
        }

        /// A figure in the table's unit; `55.62` reads 55.62万 in a 万元 table.
        func money(_ text: String) -> Money? {
            var t = PlanRules.squeeze(text)
            if let colon = t.lastIndex(where: { $0 == "：" || $0 == ":" }) { t = String(t[t.index(after: colon)...]) }
            guard !t.isEmpty else { return nil }
            if t.hasSuffix("万元") || t.hasSuffix("万") || t.hasSuffix("元") { return try? Money.parse(t) }
            guard Fixed.parse(t.replacingOccurrences(of: ",", with: "")) != nil else { return nil }
            return try? Money.parse(t + (wan ? "万" : "元"))
        }

        /// The rows of a block under a header row, until a row holding one of the stop labels.
        func block(header: Int, stop: [String]) -> [Int] {
            var out: [Int] = []
            for r in (header + 1)..<squeezed.count {
                if squeezed[r].contains(where: { cell in stop.contains { cell.hasPrefix($0) } }) { break }
                out.append(r)
            }
            return out
        }

        func cell(_ r: Int, _ c: Int?) -> String {
            guard let c, c < rows[r].count else { return "" }
            return rows[r][c]
        }
    }

    struct IndicatorRow {
        var level1: String
        var level2: String
        var name: String
        var target: String
        var standard: String?
        var reading: PlanRules.Reading
    }

    /// 年度绩效指标: a header with 一级/二级/三级指标 and 指标值, rows below with merged levels carried down.
    static func indicatorRows(_ g: Grid, year: Int, rules: PlanRules, table: String) throws -> [IndicatorRow] {
        guard let (h, _) = g.find({ $0 == "一级指标" }) else { return [] }
        let head = g.squeezed[h]
        let c1 = head.firstIndex(of: "一级指标")
        let c2 = head.firstIndex(of: "二级指标")
        let c3 = head.firstIndex(of: "三级指标")
        guard let ct = head.firstIndex(where: { $0.hasPrefix("指标值") }) else {
            throw KepuError(.indicatorTableWithoutTarget(table: table))
        }
        let cs = head.firstIndex(where: { $0.hasPrefix("绩效标准") })
        var out: [IndicatorRow] = []
        var level1 = ""
        var level2 = ""
        for r in g.block(header: h, stop: ["支出明细", "单位负责人", "填表人", "附表"]) {
            let name = g.cell(r, c3)
            let target = g.cell(r, ct)
            let l1 = PlanRules.squeeze(g.cell(r, c1))
            let l2 = PlanRules.squeeze(g.cell(r, c2))
            if !l1.isEmpty { level1 = l1 }
            if !l2.isEmpty { level2 = l2 }
            guard !name.isEmpty || !target.isEmpty else { continue }
            if target.isEmpty {
                throw KepuError(
                    .indicatorWithoutTarget(
                        table: table, indicator: name, sheet: g.sheet.name, row: g.sheet.rows[r].row))
            }
            let lv1 = l1.isEmpty ? rules.level1(for: level2, carried: level1) : l1
            for (label, value) in [("一级指标", lv1), ("二级指标", level2)] where value.isEmpty {
                throw KepuError(
                    .indicatorWithoutLevel(
                        table: table, indicator: name.isEmpty ? target : name, level: label, sheet: g.sheet.name,
                        row: g.sheet.rows[r].row))
            }
            let reading = rules.read(level1: lv1, level2: level2, name: name, target: target, year: year)
            out.append(
                IndicatorRow(
                    level1: lv1, level2: level2, name: name.isEmpty ? level2 : name, target: target,
                    standard: cs.map { g.cell(r, $0) }.flatMap { $0.isEmpty ? nil : $0 }, reading: reading))
        }
        return out
    }

    struct DepartmentTable {
        var year: Int
        var unit: String?
        var total, basic, project: Money?
        var general, governmentFund, other: Money?
        var duties: String?
        var keyWork: [Plan.KeyWork] = []
        var indicators: [IndicatorRow]

        init(_ g: Grid, year: Int, rules: PlanRules) throws {
            self.year = year
            unit = g.text(rightOf: g.find("部门名称"))
            total = g.find { $0.hasPrefix("资金总额") }.flatMap { at in
                g.money(g.rows[at.0][at.1]) ?? g.amount(rightOf: Label(at))
            }
            func figure(_ label: String) -> Money? {
                guard let at = g.find({ $0.hasSuffix(label) }) else { return nil }
                return g.amount(rightOf: Label(at)) ?? .zero
            }
            general = figure("一般公共预算拨款")
            governmentFund = figure("政府性基金拨款")
            other = figure("其他资金")
            basic = figure("基本支出")
            project = figure("项目支出")
            duties = g.text(rightOf: g.find("部门职责概述"))
            if let (h, _) = g.find({ $0 == "事项" }) {
                let head = g.squeezed[h]
                let ci = head.firstIndex(of: "事项")
                let co = head.firstIndex { $0.contains("责任") }
                let cg = head.firstIndex { $0.contains("工作目标") }
                for r in g.block(header: h, stop: ["年度绩效指标", "一级指标"]) {
                    let goal = g.cell(r, cg)
                    guard !goal.isEmpty else { continue }
                    let owner = g.cell(r, co)
                    // The template numbers its rows 事项1, 事项2 …; a row left unnumbered gets its number.
                    let item = g.cell(r, ci)
                    keyWork.append(
                        Plan.KeyWork(
                            item: item.isEmpty ? "事项\(keyWork.count + 1)" : item, owner: owner.isEmpty ? nil : owner,
                            goal: goal))
                }
            }
            indicators = try OfficialTables.indicatorRows(g, year: year, rules: rules, table: "部门整体支出绩效目标表")
        }
    }

    struct SummaryTable {
        enum Level { case fund, project }
        struct Row {
            var level: Level
            var name: String
            var amount: Money
            var group: String?
            var implementationGoal: String?
            var annualGoal: String?
        }
        var year: Int
        var total: Money?
        var rows: [Row] = []

        init(_ g: Grid, year: Int) {
            self.year = year
            guard let (h, _) = g.find({ $0 == "序号" }) else { return }
            let head = g.squeezed[h]
            let cn = head.firstIndex(of: "序号")
            let cname = head.firstIndex { $0.hasPrefix("名称") }
            let camount = head.firstIndex { $0.hasPrefix("金额") }
            let cimpl = head.firstIndex { $0.contains("实施期绩效目标") }
            let cannual = head.firstIndex { $0.contains("年度绩效目标") }
            var group: String?
            for r in g.block(header: h, stop: ["单位负责人", "填表人"]) {
                let no = PlanRules.squeeze(g.cell(r, cn))
                let name = g.cell(r, cname)
                let amount = g.money(g.cell(r, camount))
                if PlanRules.squeeze(name) == "合计" {
                    total = amount
                    continue
                }
                guard let amount, !name.isEmpty else { continue }
                let text = { (c: Int?) -> String? in
                    let t = g.cell(r, c)
                    return t.isEmpty ? nil : t
                }
                if let first = no.first, "一二三四五六七八九十".contains(first) {
                    group = name
                    rows.append(Row(level: .fund, name: name, amount: amount))
                } else if no.first?.isASCIIDigit == true {
                    rows.append(
                        Row(
                            level: .project, name: name, amount: amount, group: group,
                            implementationGoal: text(cimpl), annualGoal: text(cannual)))
                }
            }
        }

        func row(named name: String) -> Row? {
            rows.first { $0.level == .project && PlanRules.squeeze($0.name) == PlanRules.squeeze(name) }
        }
        func group(of name: String) -> String? { row(named: name)?.group }
    }

    struct DirectionTable {
        struct Line {
            var category: String?
            var name: String
            var amount: Money
            var basis: String?
        }
        var year: Int
        var name: String
        var parent: String?
        var amount: Money
        var term, implementation, annual: String?
        var indicators: [IndicatorRow]
        var lines: [Line] = []

        init(_ g: Grid, year: Int, rules: PlanRules) throws {
            self.year = year
            // 支出方向（子项） or 项目名称, whole or split over cells (`支出方向（子项）` | `名称` | 业务性专项).
            let named =
                g.text(rightOf: g.find("支出方向（子项）名称", "支出方向（子项）")) ?? g.text(rightOf: g.find("项目名称"))
                ?? g.sheet.name
            name = named
            parent = g.text(rightOf: g.find("所属专项名称", "所属专项"))
            term = g.text(rightOf: g.find("项目实施期"))
            implementation = g.text(rightOf: g.find("实施期绩效目标"))
            annual = g.text(rightOf: g.find("年度绩效目标"))
            indicators = try OfficialTables.indicatorRows(g, year: year, rules: rules, table: named)
            if let (h, _) = g.find({ $0 == "支出明细" }) {
                let head = g.squeezed[h]
                let cname = head.firstIndex(of: "支出明细")
                let ccat = head.firstIndex { $0.contains("支出内容") }
                let camount = head.firstIndex(of: "金额")
                let cbasis = head.firstIndex { $0.contains("测算依据") }
                for r in g.block(header: h, stop: ["合计", "单位负责人", "填表人"]) {
                    let lineName = g.cell(r, cname)
                    guard !lineName.isEmpty, let amount = g.money(g.cell(r, camount)) else { continue }
                    let cat = g.cell(r, ccat)
                    // A basis written on several lines of its cell reads as one line: 彩色…；单色….
                    let basis = g.cell(r, cbasis).split(whereSeparator: \.isNewline)
                        .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                        .reduce("") { a, b in a.isEmpty ? b : "；;，,。".contains(a.last!) ? a + b : a + "；" + b }
                    lines.append(
                        Line(
                            category: cat.isEmpty ? nil : cat, name: lineName, amount: amount,
                            basis: basis.isEmpty ? nil : basis))
                }
            }
            amount =
                g.amount(rightOf: g.find("项目金额")) ?? g.amount(rightOf: g.find { $0.hasPrefix("资金总额") }.map(Label.init))
                ?? lines.reduce(Money.zero) { $0 + $1.amount }
        }
    }
}
