import KepuCore


/// Tables of events for `event list`, `event show` and the report.
public enum EventTables {
    public static func list(_ events: [EventSummary], lang: Language) -> ReportTable {
        let L = lang
        var rows: [[Cell]] = []
        for e in events {
            let indent = String(repeating: "  ", count: e.depth) + (e.depth > 0 ? "└ " : "")
            rows.append([
                Cell(String(e.id)), Cell(indent + e.title + (e.voided ? L.t("（已作废）", " (void)") : ""), e.voided ? .warn : .none),
                Cell(L.kind(e.kind) + (e.major && e.depth == 0 ? "★" : "")),
                Cell(e.start == e.end ? e.start.description : "\(e.start)–\(e.end)"), Cell(e.venue ?? ""),
                Cell(String(e.onsite)), Cell(String(e.online)), Cell(e.cost.grouped),
                Cell(e.surveyResponses > 0 ? Figures.percent(Fixed.ratio(e.surveySatisfied * 100, e.surveyResponses, places: 2)) : "—"),
                Cell(String(e.volunteers)), Cell(e.hoursCenti > 0 ? Figures.hours(e.hoursCenti) : "—"),
            ])
        }
        let live = events.filter { !$0.voided }
        return ReportTable(
            columns: [.init("id", .right), .init(L.t("活动", "Event")), .init(L.t("类型", "Kind")), .init(L.t("日期", "Dates")),
                      .init(L.t("地点", "Venue")), .init(L.t("线下人次", "Onsite"), .right), .init(L.t("线上人次", "Online"), .right),
                      .init(L.t("费用(元)", "Cost (元)"), .right), .init(L.t("满意度", "Satisfied"), .right),
                      .init(L.t("志愿者", "Volunteers"), .right), .init(L.t("服务时长", "Hours"), .right)],
            rows: rows,
            footer: [["", Cell(L.t("合计", "Total")), Cell(L.t("★ 大型活动 \(live.filter { $0.major && $0.depth == 0 }.count) 次", "★ major: \(live.filter { $0.major && $0.depth == 0 }.count)")), "", "",
                      Cell(String(live.reduce(0) { $0 + $1.onsite })), Cell(String(live.reduce(0) { $0 + $1.online })),
                      Cell(live.reduce(Money.zero) { $0 + $1.cost }.grouped), "", "",
                      Cell(Figures.hours(live.reduce(0) { $0 + $1.hoursCenti }))]])
    }

    public static func detail(_ d: EventDetail, maskPhones: Bool) -> Report {
        let e = d.summary
        var fields: [(String, String)] = [
            ("id", String(e.id)), ("标题", e.title), ("类型", e.kind.chinese + (e.major ? "（大型活动）" : "")),
            ("日期", e.start == e.end ? e.start.description : "\(e.start)–\(e.end)"), ("地点", e.venue ?? "—"),
            ("单位", e.unit),
        ]
        if let p = e.parent { fields.append(("所属活动", "event \(p)")) }
        if e.voided { fields.append(("状态", "已作废：\(d.voidReason ?? "")")) }
        var sections = [Section(heading: nil, blocks: [.fields(fields)])]
        func add(_ heading: String, _ t: RecordTable, phoneColumn: String? = nil) {
            guard !t.rows.isEmpty else { return }
            let phoneIndex = phoneColumn.flatMap { t.columns.firstIndex(of: $0) }
            let rows = t.rows.map { row in
                row.enumerated().map { (i, v) -> Cell in
                    let text = v ?? ""
                    return Cell(i == phoneIndex && maskPhones && !text.isEmpty ? maskPhone(text) : text)
                }
            }
            sections.append(Section(heading: heading, blocks: [.table(ReportTable(
                columns: t.columns.map { .init($0) }, rows: rows))]))
        }
        add("人次", d.attendance)
        add("费用", d.costs)
        add("印刷", d.printRuns)
        add("满意度调查", d.surveys)
        add("志愿者", d.signups, phoneColumn: "phone")
        add("佐证材料", d.evidence)
        if !d.children.isEmpty {
            sections.append(Section(heading: "子活动", blocks: [.table(list(d.children, lang: .zh))]))
        }
        return Report(title: "活动 \(e.id)：\(e.title)", sections: sections)
    }
}
