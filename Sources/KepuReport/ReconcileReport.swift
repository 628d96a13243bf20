import KepuCore

/// `kepu reconcile`: every indicator against its target, and the budget's execution, as a report.
public enum ReconcileReport {
    /// On the web (`surface`), spending lines by their names alone; on the command line with the code
    /// `--line` takes.
    public static func build(_ e: Evaluation, lang: Language, surface: Surface = .commandLine) -> Report {
        let lang = lang
        let mode = e.final ? lang.t("年终", "year-end") : lang.t("运行监控", "monitoring")
        let subtitle = [
            "\(e.unit) · \(lang.t("截至", "as of")) \(e.asOf) · \(mode) · \(lang.t("时间进度", "time elapsed")) \(Figures.rate(e.elapsedShare))"
        ]
        return Report(
            title: lang.t("\(e.year)年绩效目标完成情况", "\(e.year) targets against actuals"), subtitle: subtitle,
            sections: [indicatorSection(e, lang: lang), budgetSection(e, lang: lang, surface: surface)])
    }

    public static func indicatorSection(_ e: Evaluation, lang: Language) -> Section {
        var columns: [ReportTable.Column] = [
            .init(lang.t("一级指标", "Level 1")), .init(lang.t("二级指标", "Level 2")), .init(lang.t("三级指标", "Indicator")),
            .init(lang.t("指标值", "Target")), .init(lang.t("实际完成值", "Actual"), .right),
            .init(lang.t("偏差", "Variance"), .right),
            .init(lang.t("完成率", "% of target"), .right), .init(lang.t("状态", "Status")),
        ]
        if !e.final {
            columns += [.init(lang.t("序时进度值", "Expected now"), .right), .init(lang.t("完成目标可能性", "Likelihood"))]
        }
        let rows: [[Cell]] = e.indicators.map { r in
            let i = r.indicator
            let unit = i.target.unit
            let emphasis: Emphasis =
                switch r.status {
                case .met, .onTrack: .good
                case .missed, .behind: .bad
                case .noData, .inProgress, .needsScore, .partlyMet: .warn
                case .notApplicable: .none
                }
            var actual = Figures.value(r.actual, unit: unit)
            if let d = r.actualDate { actual = d.description }
            if i.metric == .manual || i.target.isQualitative { actual = r.actualText ?? "—" }
            if let g = r.growth {
                actual = lang.t("志愿者\(g.volunteers)人，组织\(g.orgs)个", "\(g.volunteers) volunteers, \(g.orgs) orgs")
                if let p = g.previous {
                    actual += lang.t(
                        "（\(p.year)年：\(p.volunteers)人，\(p.orgs)个）", " (\(p.year): \(p.volunteers), \(p.orgs))")
                }
            }
            var status = lang.status(r.status)
            if r.farAbove {
                status += lang.t(
                    " ⚑超过目标\(Figures.percent(r.percentOfTarget))", " ⚑\(Figures.percent(r.percentOfTarget))")
            }
            // Under a ceiling (≤), being below it is the aim: no shortfall is shown, only the headroom.
            let underCeiling = i.comparison == .atMost && (r.variance.map { $0 <= .zero } ?? false)
            let variance = underCeiling ? lang.t("未超上限", "within limit") : Figures.value(r.variance, unit: unit)
            var row: [Cell] = [
                Cell(lang.term(i.level1)), Cell(lang.term(i.level2)), Cell(i.name),
                Cell(TargetText.written(i)),
                Cell(r.indicator.metric == .none ? "—" : actual), Cell(variance, underCeiling ? .good : .none),
                Cell(Figures.percent(r.percentOfTarget, places: 2)), Cell(status, r.farAbove ? .warn : emphasis),
            ]
            if !e.final {
                row += [
                    Cell(r.expected.map { Figures.value($0, unit: unit, places: 2) } ?? ""),
                    Cell(lang.likelihood(r.likelihood)),
                ]
            }
            return row
        }
        return Section(
            heading: lang.t("绩效指标", "Indicators"), blocks: [.table(ReportTable(columns: columns, rows: rows))])
    }

    public static func budgetSection(_ e: Evaluation, lang: Language, surface: Surface = .commandLine) -> Section {
        let b = e.budget
        let lines = ReportTable(
            columns: [
                .init(lang.t("支出明细", "Line")), .init(lang.t("计划(元)", "Planned (元)"), .right),
                .init(lang.t("费用(元)", "Costs (元)"), .right), .init(lang.t("印刷(元)", "Print (元)"), .right),
                .init(lang.t("已支出(元)", "Spent (元)"), .right), .init(lang.t("执行率", "Rate"), .right),
            ],
            rows: b.lines.map { l in
                [
                    Cell(
                        !l.inPlan
                            ? lang.t("\(l.id)（计划中已无此项）", "\(l.id) (not in the plan)")
                            : surface == .web ? l.name : "\(l.name)（\(l.id)）",
                        l.inPlan ? .none : .warn),
                    Cell(l.planned.grouped), Cell(l.costs.grouped), Cell(l.print.grouped), Cell(l.spent.grouped),
                    Cell(Figures.rate(l.executionRate)),
                ]
            },
            footer: [
                [
                    Cell(lang.t("合计", "Total")), Cell(b.planned.grouped),
                    Cell(b.lines.reduce(Money.zero) { $0 + $1.costs }.grouped),
                    Cell(b.lines.reduce(Money.zero) { $0 + $1.print }.grouped), Cell(b.spent.grouped),
                    Cell(Figures.rate(b.executionRate)),
                ]
            ])
        var blocks: [Block] = [.table(lines)]
        if !b.printRuns.isEmpty {
            blocks.append(
                .table(
                    ReportTable(
                        caption: lang.t("印刷：计划与实际", "Print runs: planned and actual"),
                        columns: [
                            .init(lang.t("类型", "Ink")), .init(lang.t("单价(元)", "Unit price"), .right),
                            .init(lang.t("计划份数", "Planned copies"), .right),
                            .init(lang.t("实际份数", "Actual copies"), .right),
                            .init(lang.t("计划金额(元)", "Planned (元)"), .right),
                            .init(lang.t("实际金额(元)", "Actual (元)"), .right),
                        ],
                        rows: b.printRuns.map {
                            [
                                Cell(lang.ink($0.ink)), Cell($0.unitPrice.plain), Cell(String($0.plannedCopies)),
                                Cell(String($0.actualCopies), $0.actualCopies == $0.plannedCopies ? .none : .warn),
                                Cell($0.plannedCost.grouped), Cell($0.actualCost.grouped),
                            ]
                        })))
        }
        if !e.final {
            blocks.append(
                .paragraph(
                    lang.t(
                        "预算执行 \(Figures.rate(b.executionRate))，时间进度 \(Figures.rate(e.elapsedShare))，按序时进度应支出 \(b.expectedByNow.grouped)元。",
                        "Budget executed \(Figures.rate(b.executionRate)) with \(Figures.rate(e.elapsedShare)) of the period elapsed; a linear pace would have spent \(b.expectedByNow.grouped)元."
                    )))
        }
        return Section(heading: lang.t("预算执行", "Budget execution"), blocks: blocks)
    }
}
