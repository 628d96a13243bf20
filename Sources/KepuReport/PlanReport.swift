import KepuCore

/// `kepu plan show`: every figure and text of a plan, as a report.
public enum PlanReport {
    /// 附表2: 序号, 名称, 金额, 实施期绩效目标, 年度绩效目标, with the 合计 first.
    public static func summary(_ p: Plan, lang: Language) -> Report {
        let rows: [[Cell]] = p.fundSummary.map { r in
            let e: Emphasis = r.level == .project ? .none : .strong
            let name = r.level == .total ? lang.t("合  计", "Total") : r.name
            return [
                Cell(r.no, e), Cell(name, e),
                Cell(r.amount.wan, e, number: CellNumber(Double(r.amount.fen) / 1_000_000, .general)),
                Cell(r.implementationGoal ?? ""), Cell(r.annualGoal ?? ""),
            ]
        }
        let table = ReportTable(
            columns: [
                .init(lang.t("序号", "No.")), .init(lang.t("名  称", "Name")), .init(lang.t("金  额", "Amount"), .right),
                .init(lang.t("实施期绩效目标", "Goal for the term")), .init(lang.t("年度绩效目标", "Annual goal")),
            ], rows: rows)
        return Report(
            title: lang.t("\(p.year)年区级专项资金绩效目标汇总表", "\(p.year) summary of special-fund targets (附表2)"),
            subtitle: [lang.t("填报单位：\(p.unit)　金额单位：万元", "Unit: \(p.unit) · amounts in 万元")],
            sections: [Section(heading: nil, blocks: [.table(table)])])
    }

    /// 附表2 as JSON: `{"year","unit","rows":[{"no","name","amountFen","implementationGoal","annualGoal","level"}]}`.
    public static func summaryJSON(_ p: Plan) -> JSONValue {
        .object([
            "year": .int(p.year), "unit": .string(p.unit),
            "rows": .array(
                p.fundSummary.map { r in
                    .object([
                        "no": .string(r.no), "name": .string(r.name), "amountFen": .int(r.amount.fen),
                        "implementationGoal": .string(r.implementationGoal),
                        "annualGoal": .string(r.annualGoal), "level": .string(r.level.rawValue),
                        "project": .string(r.projectID),
                    ])
                }),
        ])
    }

    /// On the web (`surface`), without the codes of lines, indicators and projects, and the scoring
    /// settings and metric filters in words: codes are for plan files and the command line's flags.
    public static func build(_ p: Plan, lang: Language, source: String? = nil, surface: Surface = .commandLine)
        -> Report
    {
        let report = assemble(p, lang: lang, source: source, surface: surface)
        guard surface == .web else { return report }
        var out = report
        let code = lang.t("代号", "id")
        for (i, section) in out.sections.enumerated() {
            out.sections[i].blocks = section.blocks.map { block in
                guard case .table(let t) = block, t.columns.first?.header == code else { return block }
                return .table(
                    ReportTable(
                        caption: t.caption, columns: Array(t.columns.dropFirst()),
                        rows: t.rows.map { Array($0.dropFirst()) }, footer: t.footer.map { Array($0.dropFirst()) }))
            }
        }
        return out
    }

    public static func build(_ p: Plan, lang: Language, source: String? = nil) -> Report {
        assemble(p, lang: lang, source: source, surface: .commandLine)
    }

    static func assemble(_ p: Plan, lang: Language, source: String?, surface: Surface) -> Report {
        guard p.declaresProjects else { return buildOne(p, lang: lang, source: source, surface: surface) }
        // The department's own parts, then 附表2, then each project's 附表3 under its name.
        var department = p
        department.fund = Plan.Fund()
        department.lines = []
        var report = buildOne(department, lang: lang, source: source, surface: surface)
        report.sections.removeAll { s in
            s.heading == lang.t("支出明细及测算", "Spending lines")
                || (p.indicators.isEmpty && s.heading == lang.t("年度绩效指标", "Indicators"))
                || (p.indicators.isEmpty && s.heading == lang.t("评分设置", "Scoring"))
        }
        let summary = summary(p, lang: lang)
        report.sections.append(Section(heading: summary.title, blocks: summary.sections.flatMap(\.blocks)))
        for project in p.projects {
            var narrowed = p.narrowed(to: project)
            narrowed.department.duties = nil
            let one = buildOne(narrowed, lang: lang, source: nil, surface: surface)
            let own = [
                lang.t("目标", "Goals"), lang.t("支出明细及测算", "Spending lines"), lang.t("年度绩效指标", "Indicators"),
                lang.t("评分设置", "Scoring"),
            ]
            let head =
                surface == .web
                ? lang.t(
                    "项目：\(project.name)（\(project.amount.wan)万元）", "Project: \(project.name) (\(project.amount.wan)万元)")
                : lang.t(
                    "项目 \(project.id)：\(project.name)（\(project.amount.wan)万元）",
                    "Project \(project.id): \(project.name) (\(project.amount.wan)万元)")
            report.sections.append(Section(heading: head, blocks: []))
            for s in one.sections where s.heading.map(own.contains) ?? false {
                report.sections.append(Section(heading: "\(project.name) · \(s.heading ?? "")", blocks: s.blocks))
            }
        }
        return report
    }

    static func buildOne(_ p: Plan, lang: Language, source: String? = nil, surface: Surface = .commandLine) -> Report {
        let lang = lang
        let web = surface == .web
        var header: [(String, String)] = [
            (lang.t("部门名称", "Unit"), p.unit), (lang.t("年度", "Year"), String(p.year)),
            (lang.t("实施期", "Period"), p.period.description),
        ]
        if let term = p.fund.term { header.append((lang.t("项目实施期", "Project term"), term)) }
        if let s = source { header.append((lang.t("来源", "Source"), s)) }
        var sections = [Section(heading: nil, blocks: [.fields(header)])]

        var budget: [(String, String)] = [
            (lang.t("资金总额", "Total budget"), p.budget.total.wan + "万元"),
            (lang.t("基本支出", "Basic expenditure"), p.budget.basic.wan + "万元"),
            (lang.t("项目支出", "Project expenditure"), p.budget.project.wan + "万元"),
        ]
        if let g = p.budget.general { budget.append((lang.t("一般公共预算拨款", "General public budget"), g.wan + "万元")) }
        if let g = p.budget.governmentFund { budget.append((lang.t("政府性基金拨款", "Government funds"), g.wan + "万元")) }
        if let g = p.budget.other { budget.append((lang.t("其他资金", "Other funds"), g.wan + "万元")) }
        sections.append(Section(heading: lang.t("年度预算", "Budget"), blocks: [.fields(budget)]))

        var texts: [(String, String)] = []
        if let d = p.department.duties { texts.append((lang.t("部门职责概述", "Duties"), d)) }
        if let n = p.fund.name { texts.append((lang.t("支出方向（子项）", "Spending direction"), n)) }
        if let n = p.fund.parent { texts.append((lang.t("所属专项", "Special fund"), n)) }
        if let n = p.fund.category { texts.append((lang.t("专项类别", "Fund category"), n)) }
        if let g = p.goals.implementation { texts.append((lang.t("实施期绩效目标", "Goal for the term"), g)) }
        if let g = p.goals.annual { texts.append((lang.t("年度绩效目标", "Annual goal"), g)) }
        if let g = p.goals.annualSummary { texts.append((lang.t("年度绩效目标（汇总表）", "Annual goal (summary table)"), g)) }
        if !texts.isEmpty { sections.append(Section(heading: lang.t("目标", "Goals"), blocks: [.fields(texts)])) }

        if !p.keyWork.isEmpty {
            sections.append(
                Section(
                    heading: lang.t("年度重点工作计划", "Key work"),
                    blocks: [
                        .table(
                            ReportTable(
                                columns: [
                                    .init(lang.t("事项", "Item")), .init(lang.t("责任单位/科室", "Owner")),
                                    .init(lang.t("工作目标", "Goal")),
                                ],
                                rows: p.keyWork.map { [Cell($0.item), Cell($0.owner ?? ""), Cell($0.goal)] }))
                    ]))
        }

        var lineRows: [[Cell]] = []
        for l in p.lines {
            lineRows.append([
                Cell(l.id), Cell(l.category ?? ""), Cell(l.name), Cell(l.amount.wan + "万"), Cell(l.basis ?? ""),
            ])
            for r in l.runs {
                lineRows.append([
                    "", "", Cell("  " + lang.ink(r.ink) + lang.t("印刷", " print")),
                    Cell(r.cost.wan + "万"), Cell("\(r.unitPrice.plain)元/份 × \(r.copies)份"),
                ])
            }
        }
        sections.append(
            Section(
                heading: lang.t("支出明细及测算", "Spending lines"),
                blocks: [
                    .table(
                        ReportTable(
                            columns: [
                                .init(lang.t("代号", "id")), .init(lang.t("支出内容", "Category")),
                                .init(lang.t("支出明细", "Line")),
                                .init(lang.t("金额", "Amount"), .right), .init(lang.t("测算依据", "Basis")),
                            ],
                            rows: lineRows,
                            footer: [
                                [
                                    "", "", Cell(lang.t("合计", "Total")),
                                    Cell(p.lines.reduce(Money.zero) { $0 + $1.amount }.wan + "万"), "",
                                ]
                            ]))
                ]))

        sections.append(
            Section(
                heading: lang.t("年度绩效指标", "Indicators"),
                blocks: [
                    .table(
                        ReportTable(
                            columns: [
                                .init(lang.t("代号", "id")), .init(lang.t("一级指标", "Level 1")),
                                .init(lang.t("二级指标", "Level 2")),
                                .init(lang.t("三级指标", "Indicator")), .init(lang.t("指标值", "Target")),
                                .init(lang.t("比较", "Op")),
                                .init(lang.t("取数口径", "Metric")), .init(lang.t("绩效标准", "Standard")),
                                .init(lang.t("期限", "Due")),
                                .init(lang.t("分值", "Weight"), .right),
                            ],
                            rows: p.indicators.map { i in
                                [
                                    Cell(i.id), Cell(lang.term(i.level1)), Cell(lang.term(i.level2)), Cell(i.name),
                                    Cell(i.targetWording.map { "\(i.target.text)（\($0)）" } ?? i.target.text),
                                    Cell(TargetText.comparison(i)),
                                    Cell(
                                        Catalogue.metricName(i.metric, lang)
                                            + (web ? filterWords(i.filter, p, lang) : filterText(i.filter))),
                                    Cell(i.standard ?? ""),
                                    Cell(i.due?.description ?? ""),
                                    Cell(i.weight?.description ?? ""),
                                ]
                            }))
                ]))

        let s = p.scoring
        sections.append(
            Section(
                heading: lang.t("评分设置", "Scoring"),
                blocks: [
                    .fields([
                        (lang.t("预算执行分值", "Budget weight"), s.budgetWeight.description),
                        (
                            lang.t("一级指标分值", "Level weights"),
                            s.levelWeights.map { "\(lang.term($0.level)) \($0.weight)" }.joined(separator: "，")
                        ),
                        // In words on the web; as a plan file writes them on the command line.
                        (lang.t("反向指标", "Reverse (≤) scoring"), web ? lang.reverse(s.reverse) : s.reverse.rawValue),
                        (lang.t("舍入", "Rounding"), web ? lang.rounding(s.rounding) : s.rounding.rawValue),
                    ])
                ]))
        return Report(title: lang.t("\(p.year)年绩效目标表", "\(p.year) performance targets"), sections: sections)
    }

    /// A metric's filter in words: `（线下、资料排版复印）`.
    static func filterWords(_ f: MetricFilter, _ p: Plan, _ lang: Language) -> String {
        let words = [
            f.channel.map { lang.vocabulary($0) }, f.line.map { p.line(named: $0)?.name ?? $0 },
            f.ink.map { lang.ink($0) },
        ].compactMap { $0 }
        guard !words.isEmpty else { return "" }
        return lang.t("（\(words.joined(separator: "、"))）", " (\(words.joined(separator: ", ")))")
    }

    static func filterText(_ f: MetricFilter) -> String {
        [f.channel.map { "channel=\($0.rawValue)" }, f.line.map { "line=\($0)" }, f.ink.map { "ink=\($0.rawValue)" }]
            .compactMap { $0 }.map { " (\($0))" }.joined()
    }
}
