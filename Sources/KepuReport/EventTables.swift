import KepuCore

/// Tables of events for `event list`, `event show` and the report.
public enum EventTables {
    /// `showForm` adds the activity's form (科普讲座 …) after its kind, as `event list` shows it.
    /// The events' table; its footer shows `totals` (the whole list's, when `events` is one page of it),
    /// else the sums of `events`.
    public static func list(
        _ events: [EventSummary], totals: EventTotals? = nil, lang: Language, showForm: Bool = false
    ) -> ReportTable {
        let lang = lang
        var rows: [[Cell]] = []
        for e in events {
            let indent = String(repeating: "  ", count: e.depth) + (e.depth > 0 ? "└ " : "")
            rows.append([
                Cell.id(.event, e.id),
                Cell(
                    indent + e.title + (e.voided ? lang.t("（已作废）", " (void)") : ""), e.voided ? .warn : .none,
                    ref: RecordRef(.event, e.id)),
                Cell(lang.kind(e.kind) + (e.major && e.depth == 0 ? "★" : "")),
                Cell(e.start == e.end ? e.start.description : "\(e.start)–\(e.end)"), Cell(e.venue ?? ""),
                Cell(String(e.onsite)), Cell(String(e.online)), Cell(e.cost.grouped),
                Cell(
                    e.surveyResponses > 0
                        ? Figures.percent(Fixed.ratio(e.surveySatisfied * 100, e.surveyResponses, places: 2)) : "—"),
                Cell(String(e.volunteers)), Cell(e.hoursCenti > 0 ? Figures.hours(e.hoursCenti) : "—"),
            ])
        }
        let sums = totals ?? EventTotals(of: events)
        var table = ReportTable(
            columns: [
                .init(lang.t("编号", "id"), .right), .init(lang.t("活动", "Event")), .init(lang.t("类型", "Kind")),
                .init(lang.t("日期", "Dates")),
                .init(lang.t("地点", "Venue")), .init(lang.t("线下人次", "Onsite"), .right),
                .init(lang.t("线上人次", "Online"), .right),
                .init(lang.t("费用(元)", "Cost (元)"), .right), .init(lang.t("满意度", "Satisfied"), .right),
                .init(lang.t("志愿者", "Volunteers"), .right), .init(lang.t("服务时长", "Hours"), .right),
            ],
            rows: rows,
            footer: [
                [
                    "", Cell(lang.t("合计", "Total")),
                    Cell(
                        lang.t(
                            "★ 大型活动 \(sums.major) 次",
                            "★ major: \(sums.major)")), "", "",
                    Cell(String(sums.onsite)), Cell(String(sums.online)),
                    Cell(sums.cost.grouped), "", "",
                    Cell(Figures.hours(sums.hoursCenti)),
                ]
            ])
        if showForm {
            table.columns.insert(.init(lang.t("形式", "Form")), at: 3)
            for i in table.rows.indices { table.rows[i].insert(Cell(lang.vocabulary(events[i].form)), at: 3) }
            for i in table.footer.indices { table.footer[i].insert("", at: 3) }
        }
        return table
    }

    public static func detail(_ d: EventDetail, maskPhones: Bool, lang: Language, names: RecordNames = .none) -> Report
    {
        let e = d.summary
        var fields: [(String, String)] = [
            (lang.t("编号", "id"), String(e.id)), (lang.t("标题", "Title"), e.title),
            (lang.t("类型", "Kind"), lang.kind(e.kind) + (e.major ? lang.t("（大型活动）", " (major)") : "")),
            (lang.t("形式", "Form"), lang.vocabulary(e.form)),
            (lang.t("日期", "Dates"), e.start == e.end ? e.start.description : "\(e.start)–\(e.end)"),
            (lang.t("地点", "Venue"), e.venue ?? "—"), (lang.t("单位", "Unit"), e.unit),
        ]
        if let p = e.parent {
            // By its title where the caller names events (the web), else by its number.
            let campaign = names.events[p].map { "\(p) \($0)" } ?? lang.t("活动 \(p)", "event \(p)")
            // Its figures count under its campaign: the campaign is the one event in the year's count.
            fields.append(
                (
                    lang.t("所属活动", "Part of"),
                    campaign
                        + lang.t(
                            "（本子活动的人次、费用计入该活动，不单独计为一次活动）",
                            " (its figures count under that event, not as an event of their own)")
                ))
        }
        if e.voided { fields.append((lang.t("状态", "Status"), lang.t("已作废：", "void: ") + (d.voidReason ?? ""))) }
        var sections = [Section(heading: nil, blocks: [.fields(fields)])]
        func void(_ v: VoidState?) -> Cell { v.map { Cell(lang.t("已作废：", "void: ") + $0.reason, .warn) } ?? "" }
        // Each row names its record: the web offers to correct it and to void or restore it.
        func add(_ heading: String, _ columns: [ReportTable.Column], _ rows: [[Cell]], _ records: [RowRecord]) {
            guard !rows.isEmpty else { return }
            sections.append(
                Section(
                    heading: heading,
                    blocks: [.table(ReportTable(columns: columns, rows: rows, rowRecords: records))]))
        }
        let id = ReportTable.Column(lang.t("编号", "id"), .right)
        let date = ReportTable.Column(lang.t("日期", "Date"))
        let state = ReportTable.Column(lang.t("状态", "Status"))
        add(
            lang.t("人次", "Attendance"),
            [
                id, date, ReportTable.Column(lang.t("人次", "Count"), .right),
                ReportTable.Column(lang.t("渠道", "Channel")),
                ReportTable.Column(lang.t("统计方式", "Method")),
                ReportTable.Column(lang.t("备注", "Note")), state,
            ],
            d.attendance.map {
                [
                    Cell.id(.attendance, $0.id), Cell($0.date.description), Cell(String($0.count)),
                    Cell(lang.vocabulary($0.channel)),
                    Cell(lang.vocabulary($0.method)), Cell($0.note ?? ""), void($0.voided),
                ]
            }, d.attendance.map { RowRecord(.attendance, $0.id, voided: $0.voided != nil) })
        add(
            lang.t("费用", "Costs"),
            [
                id, date, ReportTable.Column(lang.t("支出明细", "Line")), ReportTable.Column(lang.t("摘要", "Item")),
                ReportTable.Column(lang.t("金额(元)", "Amount (元)"), .right),
                ReportTable.Column(lang.t("发票号", "Invoice")), ReportTable.Column(lang.t("收款方", "Payee")), state,
            ],
            d.costs.map {
                [
                    Cell.id(.cost, $0.id), Cell($0.date.description), names.line($0.line), Cell($0.item ?? ""),
                    Cell($0.amount.grouped),
                    Cell($0.invoice ?? ""), Cell($0.payee ?? ""), void($0.voided),
                ]
            }, d.costs.map { RowRecord(.cost, $0.id, voided: $0.voided != nil) })
        add(
            lang.t("印刷", "Print runs"),
            [
                id, date, ReportTable.Column(lang.t("品名", "Title")), ReportTable.Column(lang.t("类型", "Ink")),
                ReportTable.Column(lang.t("份数", "Copies"), .right),
                ReportTable.Column(lang.t("单价(元)", "Unit price (元)"), .right),
                ReportTable.Column(lang.t("金额(元)", "Cost (元)"), .right), state,
            ],
            d.printRuns.map {
                [
                    Cell.id(.printRun, $0.id), Cell($0.date.description), Cell($0.title), Cell(lang.ink($0.ink)),
                    Cell(String($0.copies)),
                    Cell($0.unitPrice.plain), Cell($0.cost.grouped), void($0.voided),
                ]
            }, d.printRuns.map { RowRecord(.printRun, $0.id, voided: $0.voided != nil) })
        add(
            lang.t("满意度调查", "Surveys"),
            [
                id, date, ReportTable.Column(lang.t("回收份数", "Responses"), .right),
                ReportTable.Column(lang.t("满意份数", "Satisfied"), .right), state,
            ],
            d.surveys.map {
                [
                    Cell.id(.survey, $0.id), Cell($0.date.description), Cell(String($0.responses)),
                    Cell(String($0.satisfied)),
                    void($0.voided),
                ]
            }, d.surveys.map { RowRecord(.survey, $0.id, voided: $0.voided != nil) })
        add(
            lang.t("志愿者", "Volunteers"),
            [
                id, date, ReportTable.Column(lang.t("志愿者", "Volunteer")), ReportTable.Column(lang.t("姓名", "Name")),
                ReportTable.Column(lang.t("手机", "Phone")),
                ReportTable.Column(lang.t("志愿组织", "Organization")),
                ReportTable.Column(lang.t("时长(小时)", "Hours"), .right),
                ReportTable.Column(lang.t("岗位", "Role")), state,
            ],
            d.signups.map {
                [
                    Cell.id(.signup, $0.id), Cell($0.date.description), Cell.id(.volunteer, $0.volunteer),
                    Cell($0.name),
                    Cell($0.phone.map { maskPhones ? maskPhone($0) : $0 } ?? ""), Cell($0.org ?? ""),
                    Cell($0.hoursCenti.map(Figures.hours) ?? ""), Cell($0.role ?? ""), void($0.voided),
                ]
            }, d.signups.map { RowRecord(.signup, $0.id, voided: $0.voided != nil) })
        // A file's checksum is no column anyone reads: it stays folded under the file's name.
        add(
            lang.t("佐证材料", "Evidence"),
            [
                id, ReportTable.Column(lang.t("类型", "Kind")), ReportTable.Column(lang.t("文件", "File")),
                ReportTable.Column(lang.t("大小", "Size"), .right), state,
            ],
            d.evidence.map {
                [
                    Cell.id(.evidence, $0.id), Cell(lang.vocabulary($0.kind)),
                    Cell($0.fileName, folded: Folded(label: lang.t("文件校验码", "file checksum"), text: $0.sha256)),
                    Cell(Figures.fileSize($0.size)), void($0.voided),
                ]
            }, d.evidence.map { RowRecord(.evidence, $0.id, voided: $0.voided != nil) })
        if !d.children.isEmpty {
            // The campaign's total is the list's for its group: itself and its sub-activities, one
            // definition (EventTotals) wherever a campaign is summed.
            var children = list(d.children, totals: EventTotals(of: [e] + d.children), lang: lang)
            children.rowRecords = d.children.map { RowRecord(.event, $0.id, voided: $0.voided) }
            sections.append(Section(heading: lang.t("子活动", "Sub-activities"), blocks: [.table(children)]))
        }
        return Report(title: lang.t("活动 \(e.id)：\(e.title)", "Event \(e.id): \(e.title)"), sections: sections)
    }
}
