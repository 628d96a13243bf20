import Foundation
import Testing

@testable import KepuCore
@testable import KepuReport

/// The first code a clerk would read in a text: an identifier (`half-up`, `no-data`, `major-events`), a
/// spending line's code (`commission`, `printing`) or a machine time (`2023-09-16T08:30:00Z`); nil when
/// there is none. In English, words that carry a hyphen (`sign-in`, `person-visits`) are words.
private func codeIn(_ text: String, _ lang: Language) -> String? {
    var s = text
    if lang == .en {
        s = s.lowercased()
        for w in ["sign-ins", "sign-in", "sign-ups", "sign-up", "person-visits", "self-evaluation", "mid-year"] {
            s = s.replacingOccurrences(of: w, with: " ")
        }
    }
    for pattern in [
        #"[a-z]+[-_][a-z]+"#, #"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}"#, #"\d{2}:\d{2}(:\d{2})?Z"#,
        #"(?<![A-Za-z])(commission|printing)(?![A-Za-z])"#,
    ] {
        if let r = s.range(of: pattern, options: .regularExpression) { return String(s[r]) }
    }
    return nil
}

/// The seed's plan, read from Seeds/ in the source tree.
private func seed() throws -> Plan {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    let text = try String(
        contentsOf: root.appendingPathComponent("Seeds/plans/2023-shifeng-kexie.yaml"), encoding: .utf8)
    return try PlanFile.parse(text).plan
}

/// Every text of a report a person reads: title, subtitles, headings, fields, headers and cells.
private func texts(_ r: Report) -> [String] {
    var out = [r.title] + r.subtitle
    for s in r.sections {
        if let h = s.heading { out.append(h) }
        for b in s.blocks {
            switch b {
            case .table(let t):
                out += [t.caption].compactMap { $0 } + t.columns.map(\.header)
                out += (t.rows + t.footer).flatMap { $0.map(\.text) }
            case .fields(let f): out += f.flatMap { [$0.0, $0.1] }
            case .paragraph(let p): out.append(p)
            case .chart(let c): out += [c.title] + c.labels
            }
        }
    }
    return out
}

/// What a clerk reads carries no code, flag, id or machine time (issue 32): the scoring settings and the
/// statuses in words, notices and refusals by names, a file's checksum folded away, and the row actions
/// only on the web.
@Suite struct ClerkWordsTests {
    @Test(arguments: ScoringSettings.Reverse.allCases)
    func theScoringSettingsReadInWordsOnTheWeb(_ reverse: ScoringSettings.Reverse) throws {
        for rounding in Fixed.Rounding.allCases {
            var plan = try seed()
            plan.scoring.reverse = reverse
            plan.scoring.rounding = rounding
            plan.indicators[1].filter = MetricFilter(channel: .onsite, line: "printing", ink: .color)
            for lang in Language.allCases {
                let web = texts(PlanReport.build(plan, lang: lang, source: "2023.yaml", surface: .web))
                #expect(web.contains(lang.reverse(reverse)), "\(lang) \(reverse)")
                #expect(web.contains(lang.rounding(rounding)), "\(lang) \(rounding)")
                #expect(!web.contains(reverse.rawValue) && !web.contains(rounding.rawValue))
                for t in web { #expect(codeIn(t, lang) == nil, "\(lang): \(t)") }
                // A metric's filter in words: the channel, the line by its name, the ink.
                let filter = lang.t("（线下、资料排版复印、彩色）", " (onsite, 资料排版复印, color)")
                #expect(web.contains { $0.hasSuffix(filter) }, "\(lang)")
                // The command line shows them as a plan file writes them.
                let cli = texts(PlanReport.build(plan, lang: lang, source: "2023.yaml"))
                #expect(cli.contains(reverse.rawValue) && cli.contains(rounding.rawValue))
            }
        }
        // Every value has words of its own, in both languages.
        for lang in Language.allCases {
            #expect(Set(ScoringSettings.Reverse.allCases.map { lang.reverse($0) }).count == 2)
            #expect(Set(Fixed.Rounding.allCases.map { lang.rounding($0) }).count == 2)
        }
        #expect(Language.zh.reverse(.ratio).hasPrefix("按比例扣分"))
        #expect(Language.zh.rounding(.halfUp) == "四舍五入")
    }

    @Test func statusesReadAsWordsInEnglish() {
        for s in Status.allCases {
            #expect(codeIn(Language.en.status(s), .en) == nil, "\(s)")
            #expect(!Language.en.status(s).contains("-"), "\(s)")
        }
        #expect(Language.en.status(.noData) == "no data")
        #expect(Language.en.status(.inProgress) == "in progress")
        #expect(Language.zh.status(.inProgress) == "进行中")
    }

    @Test func noticesNameALineByItsNameAndKeepTheDigestForTheCommandLine() {
        let sha = "91d285e2" + String(repeating: "0", count: 56)
        let notices: [Notice] = [
            .costAdded(id: 12, amount: Money(fen: 250_000), line: "commission", lineName: "活动委托费", year: 2023),
            .printRunAdded(
                id: 3, copies: 2000, unitPrice: Money(fen: 100), cost: Money(fen: 200_000), line: "printing",
                lineName: "资料排版复印"),
            .evidenceAdded(id: 5, file: "签到表.jpg", kind: .signin, size: 2048, sha: sha, alreadyStored: false),
        ]
        for lang in Language.allCases {
            for n in notices {
                let web = Catalogue.text(n, lang, for: .web)
                #expect(codeIn(web, lang) == nil, "\(web)")
                #expect(!web.contains("91d285e2") && !web.lowercased().contains("sha"), "\(web)")
                // A page that words a notice without naming the web (the 经费 page's print run) reads the same.
                #expect(Catalogue.text(n, lang) == web)
            }
        }
        #expect(Catalogue.text(notices[0], .zh, for: .web) == "已登记费用 12：2,500.00元，列支 2023 年计划的 活动委托费")
        #expect(Catalogue.text(notices[0], .en, for: .web) == "added cost 12: 2,500.00元 to 活动委托费 of the 2023 plan")
        #expect(Catalogue.text(notices[1], .zh, for: .web).hasSuffix("= 2,000.00元，列支 资料排版复印"))
        #expect(Catalogue.text(notices[2], .zh, for: .web) == "已添加佐证材料 5：签到表.jpg（签到表，2.0 KB）")
        #expect(Catalogue.text(notices[2], .en, for: .web) == "added evidence 5: 签到表.jpg (sign-in sheet, 2.0 KB)")
        // The command line keeps what its options take: the line's code, the kind's spelling, the digest.
        #expect(Catalogue.text(notices[0], .zh, names: .labels).hasSuffix("活动委托费（commission）"))
        #expect(Catalogue.text(notices[1], .en, for: .commandLine).hasSuffix("to line printing (资料排版复印)"))
        #expect(Catalogue.text(notices[2], .zh, names: .labels).contains("sha256 91d285e2"))
        #expect(Catalogue.text(notices[2], .en, names: .labels).contains("(signin, 2048 bytes, sha256 91d285e2"))
    }

    @Test func anIndicatorIsNamedOnTheWebWhereItsNameIsKnown() {
        let names = ["volunteers": "全民投入科普志愿服务", "major-events": "两次大型活动"]
        #expect(
            Catalogue.text(Notice.noteSet(indicator: "major-events", year: 2023), .zh, for: .web, indicators: names)
                == "已保存 2023 年指标“两次大型活动”的说明")
        let over = Problem.scoreOverWeight(score: Fixed(20), id: "volunteers", weight: Fixed(15))
        #expect(Catalogue.text(over, .zh, for: .web, indicators: names).contains("超过了“全民投入科普志愿服务”的分值 15"))
        let refusals: [Problem] = [
            over, .indicatorNotScored(id: "volunteers"),
            .notAnIndicator(field: .indicator, value: "x", year: 2023, ids: ["volunteers", "major-events"]),
        ]
        for lang in Language.allCases {
            #expect(
                codeIn(
                    Catalogue.text(
                        Notice.noteSet(indicator: "major-events", year: 2023), lang, for: .web, indicators: names),
                    lang) == nil)
            for p in refusals {
                let t = Catalogue.text(p, lang, for: .web, indicators: names)
                #expect(codeIn(t, lang) == nil, "\(t)")
                #expect(!t.contains("volunteers") && !t.contains("major-events"), "\(t)")
            }
        }
    }

    @Test func aRefusalOnTheWebListsNamesNotCodes() {
        let kind = Problem.invalid(field: .record(.kind), value: "科普节", form: EventKind.form)
        #expect(Catalogue.text(kind, .zh, for: .web) == "类型 科普节 不是活动类型：可用 全国科普日、科技活动周、全国科普月、其他")
        #expect(
            Catalogue.text(kind, .en, for: .web)
                == "Kind \"科普节\" is not an event kind: use Science Day, S&T Week, Science Month or other")
        // The command line lists what its option takes.
        #expect(Catalogue.text(kind, .zh).contains("全国科普日(science-day)"))
        for form in [Ink.form, Channel.form, CountMethod.form, EvidenceKind.form, EventForm.form, EventKind.form] {
            for lang in Language.allCases {
                let t = Catalogue.text(Problem.invalid(field: .named("x"), value: "y", form: form), lang, for: .web)
                #expect(codeIn(t, lang) == nil, "\(t)")
            }
        }
        let line = Problem.notALine(
            field: .record(.line), value: "x", year: 2023, unit: "石峰区科协",
            lines: [LineRef(id: "commission", name: "活动委托费"), LineRef(id: "printing", name: "资料排版复印")])
        #expect(Catalogue.text(line, .zh, for: .web) == "支出明细 x 不是 石峰区科协 2023 年计划的支出明细：可用 活动委托费、资料排版复印")
        #expect(codeIn(Catalogue.text(line, .en, for: .web), .en) == nil)
        // A row of an import names the row's values the same way.
        let row = Catalogue.text(Problem.importRow(file: "签到.xlsx", line: 3, problem: kind), .zh, for: .web)
        #expect(row.contains("第 3 行：类型 科普节 不是活动类型：可用 全国科普日、科技活动周、全国科普月、其他"), "\(row)")
        #expect(codeIn(row, .zh) == nil, "\(row)")
    }

    /// The row actions are one mechanism: rows name their records, and only the web's HTML, which is
    /// given the actions, draws them as a last column; no other format has it.
    @Test func rowActionsAreAColumnOfTheWebsHTMLOnly() {
        let t = ReportTable(
            columns: [.init("编号", .right), .init("金额(元)", .right)],
            rows: [[Cell.id(.cost, 1), Cell("2,500.00")], [Cell.id(.cost, 2), Cell("800.00")]],
            footer: [["", Cell("3,300.00")]],
            rowRecords: [RowRecord(.cost, 1, voided: false), RowRecord(.cost, 2, voided: true)])
        let report = Report(title: "费用", sections: [Section(heading: nil, blocks: [.table(t)])])
        let web = HTMLRenderer(
            lang: .zh,
            rowActions: { r in
                r.voided
                    ? [RowAction("恢复", href: "/r/\(r.ref.id)#restore")]
                    : [
                        RowAction("修改", href: "/r/\(r.ref.id)#correct"),
                        RowAction("作废", href: "/r/\(r.ref.id)#void", danger: true),
                    ]
            }
        ).fragment(report)
        #expect(web.contains("<th class=\"noprint\">操作</th></tr></thead>"))
        #expect(
            web.contains(
                "<td class=\"actions noprint\"><a href=\"/r/1#correct\">修改</a> <a href=\"/r/1#void\" class=\"danger\">作废</a></td></tr>"
            ))
        #expect(web.contains("<td class=\"actions noprint\"><a href=\"/r/2#restore\">恢复</a></td></tr>"))
        #expect(web.contains("<td class=\"noprint\"></td></tr></tfoot>"))
        // The command line's HTML, text, Markdown and CSV: no actions column.
        for out in [
            HTMLRenderer(lang: .zh).render(report), TextRenderer().render(report), MarkdownRenderer().render(report),
            CSVRenderer().render(report),
        ] {
            #expect(out.contains("2,500.00"))
            #expect(!out.contains("操作") && !out.contains("修改") && !out.contains("作废") && !out.contains("#void"))
        }
    }

    @Test func aChecksumIsFoldedInHTMLAndShownNowhereElse() {
        let sha = String(repeating: "ab", count: 32)
        let t = ReportTable(
            columns: [.init("文件")], rows: [[Cell("签到表.jpg", folded: Folded(label: "文件校验码", text: sha))]])
        let report = Report(title: "佐证材料", sections: [Section(heading: nil, blocks: [.table(t)])])
        #expect(
            HTMLRenderer().fragment(report).contains(
                "<td>签到表.jpg<details class=\"folded\"><summary>文件校验码</summary>\(sha)</details></td>"))
        for out in [TextRenderer().render(report), MarkdownRenderer().render(report), CSVRenderer().render(report)] {
            #expect(out.contains("签到表.jpg") && !out.contains(sha) && !out.contains("文件校验码"))
        }
    }
}
