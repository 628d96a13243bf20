import KepuCore

/// `kepu reconcile`: every indicator against its target, and the budget's execution, as a report.
public enum ReconcileReport {
    public static func build(_ e: Evaluation, lang: Language) -> Report {
        let L = lang
        let mode = e.final ? L.t("年终", "year-end") : L.t("运行监控", "monitoring")
        let subtitle = [
            "\(e.unit) · \(L.t("截至", "as of")) \(e.asOf) · \(mode) · \(L.t("时间进度", "time elapsed")) \(Figures.rate(e.elapsedShare))",
        ]
        return Report(title: L.t("\(e.year)年绩效目标完成情况", "\(e.year) targets against actuals"), subtitle: subtitle,
                      sections: [indicatorSection(e, lang: L), budgetSection(e, lang: L)])
    }

    static func indicatorSection(_ e: Evaluation, lang L: Language) -> Section {
        var columns: [ReportTable.Column] = [
            .init(L.t("一级指标", "Level 1")), .init(L.t("二级指标", "Level 2")), .init(L.t("三级指标", "Indicator")),
            .init(L.t("指标值", "Target")), .init(L.t("实际完成值", "Actual"), .right), .init(L.t("偏差", "Variance"), .right),
            .init(L.t("完成率", "% of target"), .right), .init(L.t("状态", "Status")),
        ]
        if !e.final {
            columns += [.init(L.t("序时进度值", "Expected now"), .right), .init(L.t("完成目标可能性", "Likelihood"))]
        }
        let rows: [[Cell]] = e.indicators.map { r in
            let i = r.indicator
            let unit = i.target.unit
            let emphasis: Emphasis = switch r.status {
            case .met, .onTrack: .good
            case .missed, .behind: .bad
            case .noData, .inProgress: .warn
            case .notApplicable: .none
            }
            var actual = Figures.value(r.actual, unit: unit)
            if let g = r.growth {
                actual = L.t("志愿者\(g.volunteers)人，组织\(g.orgs)个", "\(g.volunteers) volunteers, \(g.orgs) orgs")
                if let p = g.previous {
                    actual += L.t("（\(p.year)年：\(p.volunteers)人，\(p.orgs)个）", " (\(p.year): \(p.volunteers), \(p.orgs))")
                }
            }
            var status = L.status(r.status)
            if r.farAbove { status += L.t(" ⚑超130%", " ⚑≥130%") }
            var row: [Cell] = [
                Cell(L.term(i.level1)), Cell(L.term(i.level2)), Cell(i.name),
                Cell((i.target.kind == .growth || i.metric == .none ? "" : i.comparison.symbol) + i.target.text),
                Cell(r.indicator.metric == .none ? "—" : actual), Cell(Figures.value(r.variance, unit: unit)),
                Cell(Figures.percent(r.percentOfTarget)), Cell(status, r.farAbove ? .warn : emphasis),
            ]
            if !e.final {
                row += [Cell(r.expected.map { Figures.value($0, unit: unit) } ?? ""), Cell(L.likelihood(r.likelihood))]
            }
            return row
        }
        return Section(heading: L.t("绩效指标", "Indicators"), blocks: [.table(ReportTable(columns: columns, rows: rows))])
    }

    static func budgetSection(_ e: Evaluation, lang L: Language) -> Section {
        let b = e.budget
        let lines = ReportTable(
            columns: [.init(L.t("支出明细", "Line")), .init(L.t("计划(元)", "Planned (元)"), .right),
                      .init(L.t("费用(元)", "Costs (元)"), .right), .init(L.t("印刷(元)", "Print (元)"), .right),
                      .init(L.t("已支出(元)", "Spent (元)"), .right), .init(L.t("执行率", "Rate"), .right)],
            rows: b.lines.map { l in
                [Cell(l.inPlan ? "\(l.name)（\(l.id)）" : L.t("\(l.id)（计划中已无此项）", "\(l.id) (not in the plan)"), l.inPlan ? .none : .warn),
                 Cell(l.planned.grouped), Cell(l.costs.grouped), Cell(l.print.grouped), Cell(l.spent.grouped),
                 Cell(Figures.rate(l.executionRate))]
            },
            footer: [[Cell(L.t("合计", "Total")), Cell(b.planned.grouped), Cell(b.lines.reduce(Money.zero) { $0 + $1.costs }.grouped),
                      Cell(b.lines.reduce(Money.zero) { $0 + $1.print }.grouped), Cell(b.spent.grouped),
                      Cell(Figures.rate(b.executionRate))]])
        var blocks: [Block] = [.table(lines)]
        if !b.printRuns.isEmpty {
            blocks.append(.table(ReportTable(
                caption: L.t("印刷：计划与实际", "Print runs: planned and actual"),
                columns: [.init(L.t("类型", "Ink")), .init(L.t("单价(元)", "Unit price"), .right),
                          .init(L.t("计划份数", "Planned copies"), .right), .init(L.t("实际份数", "Actual copies"), .right),
                          .init(L.t("计划金额(元)", "Planned (元)"), .right), .init(L.t("实际金额(元)", "Actual (元)"), .right)],
                rows: b.printRuns.map {
                    [Cell(L.ink($0.ink)), Cell($0.unitPrice.plain), Cell(String($0.plannedCopies)),
                     Cell(String($0.actualCopies), $0.actualCopies == $0.plannedCopies ? .none : .warn),
                     Cell($0.plannedCost.grouped), Cell($0.actualCost.grouped)]
                })))
        }
        if !e.final {
            blocks.append(.paragraph(L.t(
                "预算执行 \(Figures.rate(b.executionRate))，时间进度 \(Figures.rate(e.elapsedShare))，按序时进度应支出 \(b.expectedByNow.grouped)元。",
                "Budget executed \(Figures.rate(b.executionRate)) with \(Figures.rate(e.elapsedShare)) of the period elapsed; a linear pace would have spent \(b.expectedByNow.grouped)元.")))
        }
        return Section(heading: L.t("预算执行", "Budget execution"), blocks: blocks)
    }
}
