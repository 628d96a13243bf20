extension Catalogue {
    static func wan(_ m: Money) -> String { m.wan + "万" }

    /// A finding of the checks in either language, each case's Chinese beside its English.
    public static func text(_ f: Finding, _ lang: Language) -> String {
        let zh = lang == .zh
        switch f {
        case .unknownKey(let key, let line, let known):
            if zh {
                return "不认识的键 \(key)\(line.map { "（第 \($0) 行）" } ?? "")已忽略；可用的键：\(known.joined(separator: "、"))"
            }
            return
                "unknown key \"\(key)\"\(line.map { " (line \($0))" } ?? "") is ignored; known keys: \(known.joined(separator: ", "))"
        case .budgetSum(let basic, let project, let total):
            if zh {
                return "基本支出 \(wan(basic)) + 项目支出 \(wan(project)) = \(wan(basic + project))，不等于资金总额 \(wan(total))"
            }
            return
                "basic \(wan(basic)) + project \(wan(project)) = \(wan(basic + project)), not the total \(wan(total))"
        case .budgetSources(let sum, let total):
            if zh {
                return "各项资金来源合计 \(wan(sum))，不等于资金总额 \(wan(total))"
            }
            return "the sources of funds add up to \(wan(sum)), not the total \(wan(total))"
        case .periodYear(let period, let year):
            if zh {
                return "实施期 \(period) 与计划年度 \(year) 不相交"
            }
            return "the period \(period) does not touch the plan's year \(year)"
        case .linesSum(let lines, let sum, let project):
            if zh {
                let terms = lines.map { "\(wan($0.value))（\($0.name)）" }.joined(separator: " + ")
                return "\(terms) = \(wan(sum))，不等于项目预算 \(wan(project))"
            }
            let terms = lines.map { "\(wan($0.value)) (\($0.name))" }.joined(separator: " + ")
            return "\(terms) = \(wan(sum)), not the project budget \(wan(project))"
        case .linesMissing(let project):
            if zh {
                return "项目预算为 \(wan(project))，但没有列出支出明细；费用需要列支到明细"
            }
            return "the project budget is \(wan(project)) but no spending lines are listed; costs need a line"
        case .duplicateProjectID(let id):
            if zh {
                return "编号 \(id) 被多个项目使用"
            }
            return "the id \"\(id)\" is used by more than one project"
        case .lineInTwoProjects(let line, let projects):
            if zh {
                return "支出明细编号 \(line) 同时出现在项目 \(projects.joined(separator: "、")) 中；同一年的明细编号不能重复"
            }
            return
                "the line id \"\(line)\" is used in the projects \(projects.joined(separator: " and ")); a line id must be unique in the year"
        case .projectsSum(let projects, let sum, let project):
            if zh {
                let terms = projects.map { "\(wan($0.value))（\($0.name)）" }.joined(separator: " + ")
                return "\(terms) = \(wan(sum))，不等于部门的项目支出 \(wan(project))"
            }
            let terms = projects.map { "\(wan($0.value)) (\($0.name))" }.joined(separator: " + ")
            return "\(terms) = \(wan(sum)), not the department's project expenditure \(wan(project))"
        case .summaryTotal(let rows, let sum, let total):
            if zh {
                let terms = rows.map { "\(wan($0.value))（\($0.name)）" }.joined(separator: " + ")
                return "附表2：\(terms) = \(wan(sum))，不等于合计 \(wan(total))"
            }
            let terms = rows.map { "\(wan($0.value)) (\($0.name))" }.joined(separator: " + ")
            return "the summary table (附表2): \(terms) = \(wan(sum)), not its total \(wan(total))"
        case .summaryAmount(let name, let summary, let table):
            if zh {
                return "\(name) 在附表2中为 \(wan(summary))，在其附表3中为 \(wan(table))"
            }
            return "\(name) is \(wan(summary)) in the summary table (附表2) but \(wan(table)) in its own table (附表3)"
        case .summaryMissing(let name):
            if zh {
                return "\(name) 有附表3，但附表2中没有这一行"
            }
            return "\(name) has its own table (附表3) but no row in the summary table (附表2)"
        case .fundNamedDifferently(let project, let summary, let table):
            if zh {
                return "\(project) 的所属专项在附表2中写作“\(summary)”，在附表3中写作“\(table)”"
            }
            return
                "\(project) belongs to \"\(summary)\" in the summary table (附表2) but to \"\(table)\" in its own table (附表3)"
        case .departmentProjectSpending(let department, let summary):
            if zh {
                return "部门整体支出绩效目标表的项目支出为 \(wan(department))，附表2合计为 \(wan(summary))"
            }
            return
                "the department table's project expenditure is \(wan(department)), but the summary table (附表2) totals \(wan(summary))"
        case .metricUnknown(let indicator, let target):
            if zh {
                return "\(indicator)：指标值“\(target)”没有对应的规则，按人工评分（manual）处理"
            }
            return "\(indicator): the target \"\(target)\" matches no rule, so it is scored by hand (manual)"
        case .duplicateLineID(let id):
            if zh {
                return "编号 \(id) 被多条支出明细使用"
            }
            return "the id \"\(id)\" is used by more than one line"
        case .runsSum(let runs, let total, let amount):
            if zh {
                let terms = runs.map { "\($0.count)份 × \($0.price.plain)元" }.joined(separator: " + ")
                return "计划印刷 \(terms) = \(total.plain)元，不等于该明细金额 \(amount.plain)元"
            }
            let terms = runs.map { "\($0.count)份 × \($0.price.plain)元" }.joined(separator: " + ")
            return "planned runs \(terms) = \(total.plain)元, not the line's amount \(amount.plain)元"
        case .runWithoutCopies(let ink):
            if zh {
                return "一项\(ink.chinese)印刷计划的份数为 0"
            }
            return "a planned \(ink.rawValue) run has 0 copies"
        case .basisArithmetic(let t, let stated):
            if zh {
                return "测算依据写的是 \(t.price.plain)元 × \(t.count) = \(stated.wan)万元，但乘积是 \((t.price * t.count).wan)万元"
            }
            return
                "the basis says \(t.price.plain)元 × \(t.count) = \(stated.wan)万元, but the product is \((t.price * t.count).wan)万元"
        case .basisAmount(let terms, let total, let amount):
            if zh {
                let shown = terms.map { "\($0.price.plain)元 × \($0.count)" }.joined(separator: " + ")
                return "测算依据算得 \(shown) = \(total.wan)万元，不等于该明细金额 \(amount.wan)万元"
            }
            let shown = terms.map { "\($0.price.plain)元 × \($0.count)" }.joined(separator: " + ")
            return "the basis computes \(shown) = \(total.wan)万元, not the line's amount \(amount.wan)万元"
        case .basisRuns:
            if zh {
                return "测算依据与计划印刷列出的单价 × 份数不一致"
            }
            return "the basis and the planned runs list different price × copies terms"
        case .duplicateIndicatorID(let id):
            if zh {
                return "编号 \(id) 被多个指标使用"
            }
            return "the id \"\(id)\" is used by more than one indicator"
        case .noneMetricWithTarget(let target):
            if zh {
                return "度量 none 不计分，但指标值“\(target)”不是 无"
            }
            return "metric none is not scored, but the target \"\(target)\" is not 无"
        case .noneTargetWithMetric(let metric):
            if zh {
                return "指标值为 无（不适用），度量却是 \(metric)；请用度量 none"
            }
            return "the target is 无 (not applicable) but the metric is \(metric); use metric none"
        case .growthMetricNeedsIncrease:
            if zh {
                return "度量 volunteer-growth 与上一年比较；指标值请写 增加"
            }
            return "metric volunteer-growth compares with the previous year; write the target as 增加"
        case .increaseNeedsGrowthMetric(let metric):
            if zh {
                return "指标值 增加 需要度量 volunteer-growth，而不是 \(metric)"
            }
            return "the target 增加 (growth) needs metric volunteer-growth, not \(metric)"
        case .unitMismatch(let target, let unit, let metric, let accepted):
            if zh {
                return "指标值“\(target)”的单位是 \(unit)，但度量 \(metric) 的单位是 \(accepted.joined(separator: "/"))"
            }
            return
                "the target \"\(target)\" is in \(unit), but metric \(metric) counts in \(accepted.joined(separator: "/"))"
        case .satisfactionOver100:
            if zh {
                return "满意度指标值超过 100%，不可能达成"
            }
            return "a satisfaction target above 100% cannot be met"
        case .qualitativeNeedsManual(let target, let metric):
            if zh {
                return "指标值“\(target)”是文字而不是数值，应由人工评分，度量请用 manual，而不是 \(metric)"
            }
            return
                "the target \"\(target)\" is words, not a figure: it is scored by hand with metric manual, not \(metric)"
        case .dateNeedsCompletionDate(let target, let metric):
            if zh {
                return "指标值“\(target)”与度量 \(metric) 不匹配：日期类指标值请用度量 completion-date"
            }
            return
                "the target \"\(target)\" and metric \(metric) do not go together: a date target takes metric completion-date"
        case .unknownLine(let line, let lines):
            if zh {
                return "\(line) 不是本计划的支出明细（现有：\(lines.joined(separator: "、"))）"
            }
            return "line \"\(line)\" is not a line of this plan (lines: \(lines.joined(separator: ", ")))"
        case .dueBeforePeriod(let due, let start):
            if zh {
                return "截止日 \(due) 早于实施期开始（\(start)）"
            }
            return "due \(due) is before the period starts (\(start))"
        case .weightsSum(let budget, let levels, let total):
            if zh {
                let terms = levels.map { "\($0.name) \($0.value)" }.joined(separator: " + ")
                return "预算执行 \(budget) + \(terms) = \(total)，不等于 100"
            }
            let terms = levels.map { "\($0.name) \($0.value)" }.joined(separator: " + ")
            return "budget \(budget) + \(terms) = \(total), not 100"
        case .levelWithoutWeight(let level, let levels):
            if zh {
                return "一级指标“\(level)”在 scoring.levelWeights 中没有分值（现有：\(levels.joined(separator: "、"))）"
            }
            return "level \"\(level)\" has no weight in scoring.levelWeights (\(levels.joined(separator: ", ")))"
        case .levelWithoutIndicators(let level, let weight):
            if zh {
                return "一级指标 \(level) 有 \(weight) 分，但没有计分的指标"
            }
            return "level \(level) carries \(weight) points but has no scored indicator"
        case .levelWeightsMismatch(let level, let weights, let sum, let levelWeight):
            if zh {
                return "\(level) 的指标分值 \(weightTerms(weights)) = \(sum)，不等于该级的 \(levelWeight) 分"
            }
            return "the weights of \(level) add up to \(weightTerms(weights)) = \(sum), not the level's \(levelWeight)"
        case .levelWeightsExhausted(let level, let weights, let sum, let levelWeight):
            if zh {
                return "\(level) 中明确给出的分值 \(weightTerms(weights)) = \(sum)，已用完该级的 \(levelWeight) 分，其余指标没有分值"
            }
            return
                "the explicit weights of \(level), \(weightTerms(weights)) = \(sum), leave nothing of \(levelWeight) for its other indicators"
        case .costPerPerson(let rate, let money, let people, let implied, let product, let population):
            if zh {
                var s =
                    "指标名称写的是 \(rate)元/人，但 \(money)元 ÷ \(people)人次 = \(implied.format(minPlaces: 0, maxPlaces: 4))元/人次，"
                    + "\(rate)元/人 × \(people)人次 = \(product)元 ≠ \(money)元"
                if let d = population {
                    s += "；\(rate)元/人 只有约 \(d)人 时才与 \(money)元 相符（那是人口数，不是服务的 \(people)人次）"
                }
                return s
            }
            var s =
                "its name says \(rate)元/人, but \(money)元 ÷ \(people)人次 = \(implied.format(minPlaces: 0, maxPlaces: 4))元/人次"
                + " and \(rate)元/人 × \(people)人次 = \(product)元 ≠ \(money)元"
            if let d = population {
                s += "; \(rate)元/人 fits \(money)元 only with about \(d)人 (a population, not the \(people)人次 reached)"
            }
            return s
        case .campaignWithoutAttendance(let title):
            if zh {
                return "\(title)未登记参与人次"
            }
            return "campaign \(title) has no attendance recorded"
        case .surveyOverAttendance(let title, let responses, let attendance):
            if zh {
                return "\(title)回收问卷\(responses)份，多于参与人次\(attendance)"
            }
            return "\(title) has \(responses) survey responses but only \(attendance)人次 of attendance"
        case .printRunsDiffer(let ink, let price, let printed, let planned):
            if zh {
                return "\(ink.chinese)\(price.plain)元/份：实际印刷\(printed)份，计划\(planned)份"
            }
            return "\(ink.rawValue) runs at \(price.plain)元: \(printed) copies printed, \(planned) planned"
        case .lineOverPlan(let name, let spent, let planned):
            if zh {
                return "\(name)已支出\(spent.grouped)元，超出计划\(planned.grouped)元\((spent - planned).grouped)元"
            }
            return "spent \(spent.grouped)元 against \(planned.grouped)元 planned (over by \((spent - planned).grouped)元)"
        case .deviationNoteMissing(let name, let id, let year, let farAbove):
            if zh {
                let what = farAbove.map { "完成率达\($0.format(minPlaces: 0, maxPlaces: 2))%" } ?? "未达到目标"
                return "\(name)\(what)，尚未填写偏差原因：kepu note set --year \(year) --indicator \(id) --reason …"
            }
            let what =
                farAbove.map { "reached \($0.format(minPlaces: 0, maxPlaces: 2))% of its target" }
                ?? "missed its target"
            return
                "\(name) \(what) and has no deviation note; add one: kepu note set --year \(year) --indicator \(id) --reason …"
        case .staleMeasurement(let name, let date, let start):
            if zh {
                return "最新的\(name)测量值日期为\(date)，早于本期开始（\(start)）"
            }
            return "the latest \(name) measurement is from \(date), before the period starts (\(start))"
        case .eventOutsidePeriod(let title, let start, let end, let period):
            if zh {
                return "\(title)（\(start)–\(end)）超出本期\(period)"
            }
            return "\(title) runs \(start)–\(end), outside the period \(period)"
        case .costOutsidePeriod(let event, let amount, let date, let period):
            if zh {
                return "活动\(event)的费用\(amount.grouped)元记账日期为\(date)，不在本期\(period)内，计入其他年度"
            }
            return
                "\(amount.grouped)元 for event \(event) is dated \(date), outside the period \(period), so it counts in another year"
        case .campaignWithoutEvidence(let title, let event):
            if zh {
                return "\(title)缺少佐证材料（签到表、照片、新闻报道）：kepu evidence add 文件 --event \(event)"
            }
            return
                "campaign \(title) has no evidence (sign-in sheets, photos, news); add it with kepu evidence add FILE --event \(event)"
        case .costWithoutEvidence(let cost, let amount, let invoice):
            if zh {
                return
                    "\(amount.grouped)元\(invoice.map { "（发票号\($0)）" } ?? "")未附发票或合同：kepu evidence add 文件 --kind invoice --cost \(cost)"
            }
            return
                "\(amount.grouped)元\(invoice.map { " (invoice \($0))" } ?? "") has no invoice or contract on file; add it with kepu evidence add FILE --kind invoice --cost \(cost)"
        }
    }

    static func weightTerms(_ w: [NamedFigure<Fixed>]) -> String {
        w.map { "\($0.value) (\($0.name))" }.joined(separator: " + ")
    }

}
