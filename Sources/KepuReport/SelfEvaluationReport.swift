import KepuCore

/// `kepu report`: the 项目支出绩效自评表 layout, with events, spending, volunteers and checks.
public enum SelfEvaluationReport {
    public static func build(
        plan: Plan, card: Scorecard, events: [EventSummary], evidence: [EvidenceItem] = [],
        findings: [LintFinding], lang: Language, surface: Surface = .commandLine
    ) -> Report {
        let e = card.evaluation
        let department = e.scope == .department
        let title =
            department
            ? lang.t("\(plan.year)年度部门整体支出绩效自评表", "\(plan.year) department expenditure performance self-evaluation")
            : lang.t("\(plan.year)年度项目支出绩效自评表", "\(plan.year) project expenditure performance self-evaluation")
        var subtitle = [
            department
                ? lang.t("部门（单位）名称：\(plan.unit)", "Department: \(plan.unit)")
                : lang.t(
                    "项目名称：\(plan.fund.name ?? "科普工作")　实施单位：\(plan.unit)",
                    "Project: \(plan.fund.name ?? "science popularization") · Unit: \(plan.unit)"),
            lang.t("评价截至：\(e.asOf)", "As of \(e.asOf)")
                + (e.final ? "" : lang.t("（年中，未到期末）", " (mid-year, before the period's end)")),
        ]
        if card.provisional {
            subtitle.append(
                lang.t("※ 有指标待人工评分，总分为暂定", "※ Some indicators await a manual score; the total is provisional"))
        }
        let b = card.budget
        let budget = ReportTable(
            columns: [
                .init(lang.t("年度资金", "Funds")), .init(lang.t("年初预算数", "Initial budget"), .right),
                .init(lang.t("全年预算数", "Annual budget"), .right), .init(lang.t("全年执行数", "Executed"), .right),
                .init(lang.t("分值", "Weight"), .right), .init(lang.t("执行率", "Rate"), .right),
                .init(lang.t("得分", "Score"), .right),
            ],
            rows: department ? departmentRows(plan, e.budget, b, lang) : budgetRows(plan, b, lang))
        let goals = ReportTable(
            columns: [.init(lang.t("预期目标", "Planned goal")), .init(lang.t("实际完成情况", "What was achieved"))],
            rows: [[Cell(plan.goals.annual ?? plan.goals.implementation ?? "—"), Cell(achieved(card, lang))]])

        var rows: [[Cell]] = []
        for row in card.rows {
            let r = row.result
            let i = r.indicator
            let unit = i.target.unit
            var actual = r.actual.map { Figures.value($0, unit: unit) } ?? "—"
            // 实际完成值 as the office words it, or a date target's completion date.
            if let d = r.actualDate { actual = d.description }
            if i.metric == .manual || i.target.isQualitative { actual = r.actualText ?? "—" }
            if let g = r.growth {
                actual = lang.t("志愿者\(g.volunteers)人、组织\(g.orgs)个", "\(g.volunteers) volunteers, \(g.orgs) orgs")
                if let p = g.previous {
                    actual += lang.t("（上年\(p.volunteers)人、\(p.orgs)个）", " (prev. \(p.volunteers), \(p.orgs))")
                }
            }
            if row.basis == .excluded { actual = lang.t("不适用", "n/a") }
            var score: Cell
            switch row.basis {
            case .excluded: score = Cell("—")
            case .pending: score = Cell(lang.t("待评分", "to score"), .warn)
            case .manual:
                score = Cell((row.score?.format(minPlaces: 2, maxPlaces: 2) ?? "") + lang.t("（人工）", " (manual)"))
                score.number = row.score.map { CellNumber(Double($0.raw) / 10_000, .decimal(places: 2)) }
            case .computed: score = row.score.map { .score($0) } ?? Cell("")
            }
            var noteText = [
                row.note?.reason, row.note?.measures.map { lang.t("改进措施：", "Measures: ") + $0 },
                row.note?.scoreWhy.map { lang.t("评分理由：", "Scoring: ") + $0 },
            ].compactMap { $0 }.joined(separator: "；")
            if row.needsNote {
                noteText =
                    r.farAbove
                    ? lang.t(
                        "⚠ 超过目标\(Figures.percent(r.percentOfTarget))，需填写偏差原因",
                        "⚠ \(Figures.percent(r.percentOfTarget)) of target: deviation note needed")
                    : lang.t("⚠ 未达标，需填写偏差原因", "⚠ missed: deviation note needed")
            }
            rows.append([
                Cell(lang.term(i.level1)), Cell(lang.term(i.level2)), Cell(i.name),
                Cell(i.targetWording ?? i.target.text),
                Cell(actual, r.status == .missed ? .bad : .none),
                row.basis == .excluded ? "—" : .weight(row.weight),
                score,
                Cell(noteText, row.needsNote ? .warn : .none),
            ])
        }
        let indicatorTable = ReportTable(
            columns: [
                // Shares of an A4 page: the words get room, the figures what they need.
                .init(lang.t("一级指标", "Level 1"), width: 8), .init(lang.t("二级指标", "Level 2"), width: 9),
                .init(lang.t("三级指标", "Indicator"), width: 14), .init(lang.t("年度指标值", "Target"), width: 14),
                .init(lang.t("实际完成值", "Actual"), .right, width: 14), .init(lang.t("分值", "Weight"), .right, width: 6),
                .init(lang.t("得分", "Score"), .right, width: 10),
                .init(lang.t("偏差原因分析及改进措施", "Deviation and measures"), width: 25),
            ],
            rows: rows,
            footer: [
                [
                    Cell(lang.t("总分", "Total")), "", "", "", "",
                    Cell("100", number: CellNumber(100, .integer(grouped: false))),
                    .score(
                        card.total,
                        text: card.total.format(minPlaces: 2, maxPlaces: 2)
                            + (card.provisional ? lang.t("（暂定）", " (provisional)") : ""), .strong),
                    Cell(lang.t("等级：", "Grade: ") + (lang == .zh ? card.grade.rawValue : card.grade.english)),
                ]
            ])

        let chart = Chart(
            title: lang.t("指标完成率（实际/目标）", "Percent of target"), kind: .bars,
            labels: card.rows.filter { $0.result.percentOfTarget != nil }.map { $0.result.indicator.name },
            series: [
                .init(
                    name: "%",
                    values: card.rows.compactMap { $0.result.percentOfTarget.map { Double($0.raw) / 10_000 } })
            ],
            good: card.rows.filter { $0.result.percentOfTarget != nil }.map {
                $0.result.status == .met || $0.result.status == .onTrack
            })
        var months = [Int](repeating: 0, count: 12)
        var money = [Double](repeating: 0, count: 12)
        for ev in events where !ev.voided {
            let m = plan.period.monthOrdinal(of: ev.start) - 1
            if (0..<12).contains(m) {
                months[m] += Int(ev.onsite + ev.online)
                money[m] += Double(ev.cost.fen) / 100
            }
        }
        let monthly = Chart(
            title: lang.t("分月人次与支出", "Attendance and spending by month"), kind: .columns,
            labels: (1...12).map { lang.t("\($0)月", "M\($0)") },
            series: [
                .init(name: lang.t("人次", "person-visits"), values: months.map(Double.init)),
                .init(name: lang.t("支出(元)", "spent (元)"), values: money),
            ])

        let reconcile = ReconcileReport.build(e, lang: lang, surface: surface)
        var goalBlocks: [Block] = [.table(goals)]
        if department {
            // 部门职责 and 年度重点工作, with what was done.
            goalBlocks.insert(.fields([(lang.t("部门职责", "Duties"), plan.department.duties ?? "—")]), at: 0)
            if !plan.keyWork.isEmpty {
                goalBlocks.append(
                    .table(
                        ReportTable(
                            caption: lang.t("年度重点工作", "Key work of the year"),
                            columns: [
                                .init(lang.t("事项", "Item")), .init(lang.t("责任科室", "Owner")),
                                .init(lang.t("工作目标", "Goal")), .init(lang.t("完成情况", "Done")),
                            ],
                            rows: plan.keyWork.map {
                                [Cell($0.item), Cell($0.owner ?? "—"), Cell($0.goal), Cell(achieved(card, lang))]
                            })))
            }
        }
        var sections = [
            Section(heading: lang.t("一、预算执行情况", "1. Budget execution"), blocks: [.table(budget)]),
            Section(heading: lang.t("二、年度总体目标", "2. Annual goal"), blocks: goalBlocks),
            Section(heading: lang.t("三、绩效指标", "3. Indicators"), blocks: [.table(indicatorTable), .chart(chart)]),
            Section(
                heading: lang.t("四、活动情况", "4. Events"),
                blocks: [.table(EventTables.list(events, lang: lang)), .chart(monthly)]),
        ]
        var spending = reconcile.sections[1]
        spending.heading = lang.t("五、支出明细", "5. Spending lines")
        sections.append(spending)
        if let v = card.rows.first(where: { $0.result.growth != nil })?.result.growth {
            var rows: [[Cell]] = [
                [
                    Cell(lang.t("志愿者（人）", "Volunteers")), Cell(String(v.volunteers)),
                    Cell(v.previous.map { String($0.volunteers) } ?? "—"),
                ],
                [
                    Cell(lang.t("志愿组织（个）", "Organizations")), Cell(String(v.orgs)),
                    Cell(v.previous.map { String($0.orgs) } ?? "—"),
                ],
            ]
            rows.append([
                Cell(lang.t("服务时长（小时）", "Hours served")),
                Cell(Figures.hours(card.evaluation.indicators.isEmpty ? 0 : hours(events))), Cell("—"),
            ])
            sections.append(
                Section(
                    heading: lang.t("六、志愿服务", "6. Volunteers"),
                    blocks: [
                        .table(
                            ReportTable(
                                columns: [
                                    .init(""), .init(lang.t("本年", "This year"), .right),
                                    .init(
                                        v.previous.map {
                                            lang.t(
                                                "\($0.year)年（\($0.source == .baseline ? "基数" : "数据库")）",
                                                "\($0.year) (\($0.source.rawValue))")
                                        } ?? lang.t("上年", "Previous year"), .right),
                                ],
                                rows: rows))
                    ]))
        }
        // Each top-level event with the files of it and its sub-activities; none is flagged.
        var top: [Int64: Int64] = [:]
        for ev in events { top[ev.id] = ev.parent.flatMap { top[$0] } ?? ev.id }
        let evidenceRows: [[Cell]] = events.filter { $0.depth == 0 && !$0.voided }.map { ev in
            let files = evidence.filter { $0.event.flatMap { top[$0] } == ev.id }
            let list = files.map { "\(lang.vocabulary($0.kind))：\($0.fileName)" }.joined(
                separator: "\n")
            return [
                Cell(ev.title), Cell(String(files.count), files.isEmpty ? .warn : .none),
                Cell(files.isEmpty ? lang.t("⚠ 缺少佐证材料", "⚠ no evidence") : list, files.isEmpty ? .warn : .none),
            ]
        }
        sections.append(
            Section(
                heading: lang.t("七、佐证材料", "7. Evidence"),
                blocks: [
                    .table(
                        ReportTable(
                            columns: [
                                .init(lang.t("活动", "Event")), .init(lang.t("材料份数", "Files"), .right),
                                .init(lang.t("材料", "Material")),
                            ],
                            rows: evidenceRows))
                ]))
        sections.append(
            Section(
                heading: lang.t("八、数据核查", "8. Data checks"),
                blocks: findings.isEmpty
                    ? [.paragraph(lang.t("未发现问题。", "No problems found."))]
                    : [
                        .table(checksTable(findings, plan: plan, lang: lang, surface: surface))
                    ]))
        return Report(title: title, subtitle: subtitle, sections: sections)
    }

    /// 数据核查: on the command line each check's name, its subject's code and the sentence with the
    /// command that fixes it; on the web the subject by its name, the sentence, and a link to the form.
    public static func checksTable(_ findings: [LintFinding], plan: Plan?, lang: Language, surface: Surface)
        -> ReportTable
    {
        guard surface == .web else {
            return ReportTable(
                columns: [
                    .init(lang.t("核查", "Check")), .init(lang.t("对象", "Subject")), .init(lang.t("发现", "Finding")),
                ],
                rows: findings.map {
                    [Cell($0.check), Cell(Catalogue.text($0.subject, lang)), Cell($0.text(lang), .warn)]
                })
        }
        return ReportTable(
            columns: [
                .init(lang.t("对象", "Subject")), .init(lang.t("发现", "Finding")), .init(lang.t("处理", "To do")),
            ],
            rows: findings.map { f in
                let ref: RecordRef? =
                    switch f.subject {
                    case .event(let id): RecordRef(.event, id)
                    case .cost(let id): RecordRef(.cost, id)
                    default: nil
                    }
                return [
                    Cell(Catalogue.text(f.subject, lang, plan: plan), ref: ref),
                    Cell(Catalogue.text(f.finding, lang, for: .web), .warn),
                    f.fix.map { Cell(Catalogue.text($0, lang), fix: $0) } ?? "",
                ]
            })
    }

    /// 年度资金总额 and its sources, as the official table lays them out. The project budget comes
    /// from the general public budget when the plan says all funds do (the seed: 55.62 of 55.62万).
    /// The department's budget block: 资金总额, then by income type and by expenditure type, planned against
    /// executed.
    static func departmentRows(_ plan: Plan, _ e: BudgetExecution, _ b: Scorecard.BudgetScore, _ lang: Language)
        -> [[Cell]]
    {
        let over = (b.rate ?? .zero) > Fixed(1)
        let rate = rateCell(b.rate, suffix: over ? lang.t(" ⚠超支", " ⚠ over") : "", over ? .warn : .none)
        var rows: [[Cell]] = [
            [
                Cell(lang.t("年度资金总额（元）", "Total funds (元)")), .money(b.initial), .money(b.annual),
                .money(b.executed), .weight(b.weight), rate, .score(b.score),
            ]
        ]
        let allGeneral = plan.budget.general.map { $0 >= plan.budget.total } ?? false
        let sources: [(String, String, Money?)] = [
            ("按收入性质分：一般公共预算拨款", "by source: general budget", plan.budget.general),
            ("政府性基金拨款", "government funds", plan.budget.governmentFund),
            ("其他资金", "other funds", plan.budget.other),
        ]
        for (i, (zh, en, planned)) in sources.enumerated() {
            let executed: Cell = i == 0 && allGeneral ? .money(b.executed) : "—"
            rows.append([Cell(lang.t(zh, en)), planned.map { .money($0) } ?? "—", "—", executed, "—", "—", "—"])
        }
        for line in e.lines {
            let label = line.id == "basic" ? lang.t("按支出性质分：基本支出", "by type: basic") : lang.t("项目支出", "project")
            rows.append([
                Cell(label), .money(line.planned), .money(line.adjusted ?? line.planned), .money(line.spent), "—",
                rateCell(line.executionRate), "—",
            ])
        }
        return rows
    }

    static func budgetRows(_ plan: Plan, _ b: Scorecard.BudgetScore, _ lang: Language) -> [[Cell]] {
        // Spending above the budget is marked, as kepu check marks it.
        let over = (b.rate ?? .zero) > Fixed(1)
        let rate = rateCell(b.rate, suffix: over ? lang.t(" ⚠超支", " ⚠ over") : "", over ? .warn : .none)
        let total: [Cell] = [
            Cell(lang.t("年度资金总额（元）", "Total funds (元)")), .money(b.initial), .money(b.annual), .money(b.executed),
            .weight(b.weight), rate, .score(b.score),
        ]
        let allGeneral = plan.budget.general.map { $0 >= plan.budget.total } ?? false
        let fiscal: [Cell] =
            allGeneral
            ? [
                Cell(lang.t("其中：当年财政拨款", "of which: this year's appropriation")), .money(b.initial),
                .money(b.annual), .money(b.executed), "—", rate, "—",
            ]
            : [Cell(lang.t("其中：当年财政拨款", "of which: this year's appropriation")), "—", "—", "—", "—", "—", "—"]
        return [
            total, fiscal,
            [Cell(lang.t("上年结转资金", "carried over")), "—", "—", "—", "—", "—", "—"],
            [Cell(lang.t("其他资金", "other funds")), "—", "—", "—", "—", "—", "—"],
        ]
    }

    /// An execution rate: `98.50%`, a percentage in a workbook.
    static func rateCell(_ r: Fixed?, suffix: String = "", _ emphasis: Emphasis = .none) -> Cell {
        Cell(
            Figures.rate(r) + suffix, emphasis,
            number: r.map { CellNumber(Double($0.raw) / 10_000, .percent(places: 2)) })
    }

    static func hours(_ events: [EventSummary]) -> Int64 {
        events.filter { !$0.voided }.reduce(0) { $0 + $1.hoursCenti }
    }

    /// 实际完成情况, drafted from the facts.
    static func achieved(_ card: Scorecard, _ lang: Language) -> String {
        let get = { (id: Metric) in card.rows.first { $0.result.indicator.metric == id }?.result.actual }
        var parts: [String] = []
        if let m = get(.majorEvents) { parts.append(lang.t("开展大型活动\(m)次", "\(m) major events")) }
        if let a = get(.attendance) { parts.append(lang.t("受众\(a)人次", "\(a) person-visits")) }
        parts.append(
            lang.t(
                "支出\(card.budget.executed.grouped)元，预算执行率\(Figures.rate(card.budget.rate))",
                "spent \(card.budget.executed.grouped)元 (\(Figures.rate(card.budget.rate)) of budget)"))
        if let s = get(.satisfaction) {
            parts.append(
                lang.t(
                    "满意度\(s.format(minPlaces: 0, maxPlaces: 2))%",
                    "satisfaction \(s.format(minPlaces: 0, maxPlaces: 2))%"))
        }
        if let g = card.rows.first(where: { $0.result.growth != nil })?.result.growth {
            parts.append(
                lang.t("志愿者\(g.volunteers)人、志愿组织\(g.orgs)个", "\(g.volunteers) volunteers in \(g.orgs) organizations"))
        }
        return parts.joined(separator: lang.t("，", "; ")) + lang.t("。", ".")
    }

    /// The JSON of `kepu report --format json`: the reconcile object plus weights, scores and the total.
    public static func json(_ card: Scorecard, findings: [LintFinding], lang: Language = .zh) -> JSONValue {
        var o = EvaluationJSON.object(card.evaluation)
        o["indicators"] = .array(
            card.rows.map { row in
                var i = EvaluationJSON.indicator(row.result)
                i["weight"] = .fixed(row.basis == .excluded ? Fixed.zero : row.weight)
                i["score"] = .fixed(row.score)
                i["scoreBasis"] = .string(row.basis.rawValue)
                i["band"] = .string(row.band?.rawValue)
                i["needsNote"] = .bool(row.needsNote)
                if let n = row.note {
                    i["note"] = .object([
                        "reason": .string(n.reason), "measures": .string(n.measures), "scoreWhy": .string(n.scoreWhy),
                    ])
                }
                return .object(i)
            })
        o["budgetScore"] = .fixed(card.budget.score)
        o["budgetWeight"] = .fixed(card.budget.weight)
        o["totalScore"] = .fixed(card.total)
        o["grade"] = .string(card.grade.rawValue)
        o["provisional"] = .bool(card.provisional)
        o["findings"] = .array(
            findings.map {
                .object([
                    "check": .string($0.check), "subject": .string($0.subject.code), "message": .string($0.text(lang)),
                ])
            })
        return .object(o)
    }
}
