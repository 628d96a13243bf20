import KepuCore

/// `kepu stats`: the statistics form filled in from the ledger, in the survey's own row names.
public enum StatsReport {
    public static func build(_ sheet: StatsSheet, lang: Language, explain: Bool = false) -> Report {
        var sections: [Section] = []
        var order: [String] = []
        for r in sheet.rows where !order.contains(r.row.section) { order.append(r.row.section) }
        for name in order {
            let rows = sheet.rows.filter { $0.row.section == name }
            var last: String?
            let cells = rows.map { r -> [Cell] in
                // The item is written once for its measures, as on the printed form.
                let item = r.row.item == last ? "" : r.row.item
                last = r.row.item
                return [
                    Cell(item), Cell(r.row.measure), Cell(r.row.unit),
                    Cell(r.text, r.value == nil ? .warn : .none),
                ]
            }
            sections.append(
                Section(
                    heading: name,
                    blocks: [
                        .table(
                            ReportTable(
                                columns: [
                                    .init(lang.t("项目", "Item")), .init(lang.t("指标", "Measure")),
                                    .init(lang.t("计量单位", "Unit"), .center), .init(lang.t("数值", "Figure"), .right),
                                ], rows: cells))
                    ]))
        }
        if explain { sections.append(sourcesSection(sheet, lang: lang)) }
        sections.append(
            Section(
                heading: nil,
                blocks: [
                    .paragraph(
                        lang.t(
                            "按自然年统计：年内开始的活动及其子活动、年内的支出和印刷、年内活动的志愿者报名。次数按最小一级活动计（有子活动的，按各子活动计）；“-”表示台账不记录此项。",
                            "Counted by calendar year: events that started in it with their sub-activities, the costs and print runs dated in it, the volunteers signed up for its events. Counts are of the smallest activities (an event with sub-activities counts as its sub-activities); \"-\" is a figure the ledger does not keep."
                        ))
                ]))
        return Report(title: title(sheet, lang), subtitle: subtitle(sheet, lang), sections: sections)
    }

    /// One flat table, a row per figure, for CSV.
    public static func table(_ sheet: StatsSheet, lang: Language) -> ReportTable {
        ReportTable(
            columns: [
                .init(lang.t("类别", "Section")), .init(lang.t("项目", "Item")), .init(lang.t("指标", "Measure")),
                .init(lang.t("计量单位", "Unit")), .init(lang.t("数值", "Figure"), .right),
            ],
            rows: sheet.rows.map {
                [Cell($0.row.section), Cell($0.row.item), Cell($0.row.measure), Cell($0.row.unit), Cell($0.text)]
            })
    }

    /// CSV: the flat table, then with `explain` the sources as a second table after a blank line.
    public static func csv(_ sheet: StatsSheet, lang: Language, explain: Bool) -> String {
        var out = CSVRenderer().render(table(sheet, lang: lang))
        if explain, case .table(let t) = sourcesSection(sheet, lang: lang).blocks[0] {
            out += "\r\n" + CSVRenderer().render(t).dropFirst()
        }
        return out
    }

    public static func title(_ sheet: StatsSheet, _ lang: Language) -> String {
        lang.t("\(sheet.year)年度科普统计", "Science popularization statistics \(sheet.year)")
    }

    static func subtitle(_ sheet: StatsSheet, _ lang: Language) -> [String] {
        [
            lang.t("填报单位：", "Reporting unit: ") + sheet.unit,
            lang.t("表式：", "Form: ") + sheet.edition.title
                + lang.t("（\(sheet.edition.name)版）", " (edition \(sheet.edition.name))"),
        ]
    }

    static func sourcesSection(_ sheet: StatsSheet, lang: Language) -> Section {
        var rows: [[Cell]] = []
        for r in sheet.rows {
            let name = "\(r.row.item) \(r.row.measure)"
            if r.sources.isEmpty {
                rows.append([
                    Cell(name), Cell(r.text),
                    Cell(r.value == nil ? lang.t("台账不记录", "not kept") : lang.t("无记录", "no records")), "",
                ])
                continue
            }
            for (i, s) in r.sources.enumerated() {
                rows.append([
                    Cell(i == 0 ? name : ""), Cell(i == 0 ? r.text : ""), Cell(reference(s, lang)), Cell(s.value),
                ])
            }
        }
        return Section(
            heading: lang.t("数据来源", "Where each figure comes from"),
            blocks: [
                .table(
                    ReportTable(
                        columns: [
                            .init(lang.t("指标", "Figure")), .init(lang.t("数值", "Value"), .right),
                            .init(lang.t("记录", "Record")), .init(lang.t("计入", "Counted"), .right),
                        ], rows: rows))
            ])
    }

    /// `活动 12 科普进校园`, `计划 项目支出`.
    static func reference(_ s: StatsSheet.Source, _ lang: Language) -> String {
        let kind: String =
            switch s.kind {
            case .event: lang.t("活动", "event")
            case .cost: lang.t("支出", "cost")
            case .print: lang.t("印刷", "print run")
            case .volunteer: lang.t("志愿者", "volunteer")
            case .plan: lang.t("计划", "plan")
            }
        return [kind, s.id.map(String.init), s.label].compactMap { $0 }.joined(separator: " ")
    }

    /// The JSON contract: `{"year", "unit", "edition", "rows": [{section, item, measure, unit, value}]}`,
    /// `value` null where the figure does not exist; with `explain`, each row's `sources`.
    public static func json(_ sheet: StatsSheet, explain: Bool = false) -> JSONValue {
        .object([
            "year": .number(String(sheet.year)), "unit": .string(sheet.unit), "edition": .string(sheet.edition.name),
            "title": .string(sheet.edition.title),
            "rows": .array(
                sheet.rows.map { r in
                    var o: [String: JSONValue] = [
                        "section": .string(r.row.section), "item": .string(r.row.item),
                        "measure": .string(r.row.measure), "unit": .string(r.row.unit),
                        "value": r.value == nil ? .null : .number(r.text),
                    ]
                    if explain {
                        o["sources"] = .array(
                            r.sources.map {
                                var s: [String: JSONValue] = [
                                    "kind": .string($0.kind.rawValue), "label": .string($0.label),
                                    "value": .string($0.value),
                                ]
                                if let id = $0.id { s["id"] = .number(String(id)) }
                                return .object(s)
                            })
                    }
                    return .object(o)
                }),
        ])
    }
}
