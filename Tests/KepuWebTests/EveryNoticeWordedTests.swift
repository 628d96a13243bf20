import Foundation
import KepuCore
import Testing

/// Every `Notice` a clerk can meet, in both languages, as the web words it: no code (`science-day`,
/// `commission`, `major-events`), no machine time (`2023-09-16T08:00`), no command (`kepu event add`,
/// `--line`).
///
/// The samples are in two lists, and the lists are checked differently:
/// - `webNotices`: the notices a page of `Sources/KepuWeb` shows (a `.case` of them is written there).
///   A clerk reads them in a browser, where there is no command to type and no code to pass, so each is
///   held to every check: no identifier, no machine time, no command-line hint, and none of the spending
///   lines' codes or vocabularies' stored spellings the sample passed.
/// - `commandLineOnly`: the notices only `kepu` in a terminal says (a database created, a progress line, a
///   lint summary, a backup's or a restore's path, the addresses and the setup link `kepu serve` prints,
///   the `user`/`year`/`plan` commands' confirmations, and `eventVoided`, which nothing says any more).
///   There a command is the way forward and a code is what the person typed, so these are checked only
///   for machine times and for identifiers the catalogue itself writes outside its command hints.
/// A notice moves to `webNotices` when a page starts to show it.
@Suite struct EveryNoticeWordedTests {
    static let september16 = CalendarDate(year: 2023, month: 9, day: 16)!
    static let september22 = CalendarDate(year: 2023, month: 9, day: 22)!
    static let may20 = CalendarDate(year: 2023, month: 5, day: 20)!
    static let december31 = CalendarDate(year: 2023, month: 12, day: 31)!

    /// 问卷星's satisfaction question, counted by its words.
    static let wordsTally = WjxSurvey.tally(
        question: WjxSurvey.Question(number: 9, title: "您对本次活动的总体评价", column: 14),
        rule: .words(WjxSurvey.satisfiedWords),
        answers: ["非常满意", "满意", "比较满意", "一般", "满意", "（跳过）"],
        submitted: Array(repeating: "2023/9/16 10:07:00", count: 6))

    /// The same kind of question, counted by a 0–10 score.
    static let scoreTally = WjxSurvey.tally(
        question: WjxSurvey.Question(number: 12, title: "您愿意向朋友推荐本次活动吗（0-10分）", column: 17),
        rule: .score(minimum: 8, maximum: 10),
        answers: ["10", "9", "8分", "6", "10"],
        submitted: Array(repeating: "2023/5/20 16:45:12", count: 5))

    /// A spending line's label as the store gives it: by its name in the plan.
    static let commissionCost = RecordLabel.cost(line: "活动委托费", amount: Money(fen: 320_000))

    /// The indicators by their names in the plan, as the pages pass them (a `noteSet` carries the id).
    static let indicatorNames = ["major-events": "两次大型活动", "literacy": "提高全区人民科学文化素质"]

    /// One sample of each notice a page shows.
    static let webNotices: [Notice] = [
        .planImported(
            id: 3, unit: "石峰区科协", year: 2023, indicators: 10, lines: 4, project: Money(fen: 3_000_000),
            replaces: 2),
        .lineOverPlan(name: "活动委托费", spent: Money(fen: 2_680_000), planned: Money(fen: 2_500_000)),
        .importLeftOut(rows: 3, file: "签到表.xlsx", rejects: nil),
        .publicAddressSet(url: "http://192.168.1.20:8080", reach: .officeNetwork),
        .eventAdded(id: 12, title: "全国科普日主场活动", kind: .scienceDay, start: september16, end: september22, parent: nil),
        .attendanceAdded(id: 31, count: 3200, channel: .onsite, event: 12),
        .costAdded(id: 8, amount: Money(fen: 320_000), line: "commission", lineName: "活动委托费", year: 2023),
        .printRunAdded(
            id: 5, copies: 2000, unitPrice: Money(fen: 150), cost: Money(fen: 300_000), line: "printing",
            lineName: "资料排版复印"),
        .surveyAdded(id: 4, satisfied: 188, responses: 192, event: 12),
        .volunteerAdded(id: 21, name: "张三", org: "石峰区科普志愿服务队", newOrganization: "石峰区科普志愿服务队"),
        .signupAdded(
            SignupAdded(
                id: 13, volunteer: 21, volunteerName: "张三", event: 12, eventTitle: "全国科普日主场活动", hoursCenti: 350)),
        .callRejected(call: 7, name: "李四", reason: "名额已满"),
        .heldAccepted(event: 12, title: "全国科普日主场活动", counted: 46),
        .visitsVoided(event: 12, title: "全国科普日主场活动", counted: 40, held: 6, answers: 38),
        .noteSet(indicator: "major-events", year: 2023),
        .columnsIgnored(["序号", "来源详情", "备注"]),
        .imported(
            ImportSummary(
                kind: .signins, file: "签到表.xlsx", encoding: "xlsx · Sheet1", rows: 186, dryRun: false, importID: 9,
                event: 12, attendanceID: 32, volunteersCreated: 0, volunteersMatched: 0, organizationsCreated: 0,
                signups: 0, total: .zero)),
        .surveyImported(
            SurveyImportSummary(
                file: "问卷星导出.xlsx", format: "xlsx · Sheet1", event: 12, surveyID: 6, dryRun: false,
                tally: wordsTally, date: september16)),
        .evidenceAdded(
            id: 17, file: "签到表.jpg", kind: .signin, size: 1_245_184,
            sha: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08", alreadyStored: false),
        .evidenceProblem(id: 17, file: "签到表.jpg", missing: true),
        .evidenceIntact(count: 42),
        .auditIntact(rows: 1204),
        .auditBroken(row: 318, reason: .missingRows(from: 318, to: 320)),
        .recordVoided(id: 8, label: commissionCost, also: VoidCounts(evidence: 1), reason: "重复录入"),
        .recordRestored(
            id: 12, label: .event(title: "全国科普日主场活动"), also: VoidCounts(events: 2, attendance: 3, costs: 1),
            reason: "误作废，已核实活动如期举办"),
        .recordEdited(
            id: 8, label: commissionCost,
            changes: [
                FieldChange(
                    field: .line, before: .line("commission", name: "活动委托费"),
                    after: .line("printing", name: "资料排版复印")),
                FieldChange(field: .amount, before: .money(Money(fen: 320_000)), after: .money(Money(fen: 300_000))),
                FieldChange(field: .event, before: .event(12, title: "全国科普日主场活动"), after: .event(nil, title: nil)),
                FieldChange(field: .date, before: .date(september16), after: .date(september22)),
                FieldChange(field: .invoice, before: .text(nil), after: .text("43020231")),
            ]),
        .duplicateAttendance(event: 12, date: september16, channel: .onsite, count: 3200, existing: 31),
        .yearLocked(year: 2023, reason: "年度自评已报送"),
        .yearUnlocked(year: 2023, reason: "补录 12 月的发票"),
        .userAdded(name: "王芳", role: .clerk),
        .userDisabled(name: "王芳"),
        .doorOpened(
            event: 12, from: "2023-09-16T08:00", until: "2023-09-16T17:30", survey: true, volunteers: 20, replaced: 3),
        .doorClosed(event: 12),
        .ownPasswordChanged(othersEnded: 2),
        .passwordReset(name: "王芳", keptThisSession: false),
    ]

    /// The same notices down their other branches: other kinds, channels, labels and values, a dry run, no
    /// optional part. Held to the same checks.
    static let webVariants: [Notice] = [
        .planImported(
            id: 4, unit: "石峰区科协", year: 2025, indicators: 18, lines: 7, project: Money(fen: 5_200_000),
            replaces: nil, projects: 2),
        .importLeftOut(rows: 1, file: "志愿者名单.csv", rejects: nil),
        .publicAddressSet(url: nil, reach: nil),
        .publicAddressSet(url: "http://127.0.0.1:8080", reach: .thisComputer),
        .publicAddressSet(url: "https://kexie.example.cn", reach: .everyone),
        .eventAdded(id: 2, title: "科技活动周", kind: .techWeek, start: may20, end: nil, parent: nil),
        .eventAdded(id: 13, title: "科普讲座进社区", kind: .other, start: september16, end: september16, parent: 12),
        .attendanceAdded(id: 33, count: 12_000, channel: .online, event: 12),
        .volunteerAdded(id: 22, name: "李四", org: nil, newOrganization: nil),
        .signupAdded(
            SignupAdded(id: 14, volunteer: 22, volunteerName: "李四", event: 2, eventTitle: "科技活动周", hoursCenti: nil)),
        .imported(
            ImportSummary(
                kind: .volunteers, file: "志愿者名单.csv", encoding: "GB18030", rows: 58, dryRun: true, importID: nil,
                event: 12, attendanceID: nil, volunteersCreated: 51, volunteersMatched: 7, organizationsCreated: 2,
                signups: 58, total: .zero)),
        .imported(
            ImportSummary(
                kind: .costs, file: "费用明细.csv", encoding: "UTF-8 with BOM", rows: 14, dryRun: false, importID: 10,
                event: nil, attendanceID: nil, volunteersCreated: 0, volunteersMatched: 0, organizationsCreated: 0,
                signups: 0, total: Money(fen: 2_480_000))),
        .surveyImported(
            SurveyImportSummary(
                file: "科技活动周问卷.csv", format: "UTF-8", event: 2, surveyID: nil, dryRun: true, tally: scoreTally,
                date: may20)),
        .evidenceAdded(
            id: 18, file: "现场照片.jpg", kind: .photo, size: 3_481_600,
            sha: "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae", alreadyStored: true),
        .evidenceAdded(
            id: 19, file: "委托协议.pdf", kind: .contract, size: 524,
            sha: "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", alreadyStored: false),
        .evidenceProblem(id: 18, file: "现场照片.jpg", missing: false),
        .evidenceIntact(count: 1),
        .auditBroken(row: 57, reason: .unlinked),
        .auditBroken(row: 58, reason: .altered),
        .recordVoided(
            id: 31, label: .attendance(count: 3200, channel: .onsite, event: 12), also: VoidCounts(),
            reason: "与签到导入重复"),
        .recordVoided(id: 5, label: .printRun(title: "科普宣传册", copies: 2000), also: VoidCounts(), reason: "印刷取消"),
        .recordVoided(
            id: 4, label: .survey(responses: 192, satisfied: 188, event: 12), also: VoidCounts(), reason: "问卷重复导入"),
        // The store labels a measurement by its indicator's name (`CorrectionService.state`), and a page shows
        // that label when it voids, restores or corrects one.
        .recordVoided(
            id: 2, label: .measurement(metric: "提高全区人民科学文化素质", value: Fixed(raw: 103_000)), also: VoidCounts(),
            reason: "数值录错"),
        .recordVoided(
            id: 21, label: .volunteer(name: "张三"), also: VoidCounts(signups: 3), reason: "本人申请退出"),
        .recordVoided(id: 13, label: .signup(name: "张三", event: 12), also: VoidCounts(), reason: "当天未到岗"),
        .recordRestored(id: 17, label: .evidence(file: "签到表.jpg"), also: VoidCounts(), reason: "误作废"),
        .recordEdited(
            id: 12, label: .event(title: "全国科普日主场活动"),
            changes: [
                FieldChange(field: .kind, before: .eventKind(.scienceDay), after: .eventKind(.techWeek)),
                FieldChange(field: .form, before: .eventForm(.lecture), after: .eventForm(.openDay)),
                FieldChange(field: .major, before: .flag(false), after: .flag(true)),
                FieldChange(field: .start, before: .date(september16), after: .date(may20)),
                FieldChange(field: .venue, before: .text("区科技馆"), after: .text("区图书馆")),
            ]),
        .recordEdited(
            id: 31, label: .attendance(count: 3200, channel: .onsite, event: 12),
            changes: [
                FieldChange(field: .count, before: .count(3200), after: .count(3250)),
                FieldChange(field: .channel, before: .channel(.onsite), after: .channel(.online)),
                FieldChange(field: .method, before: .method(.headcount), after: .method(.signin)),
            ]),
        .recordEdited(
            id: 5, label: .printRun(title: "科普宣传册", copies: 2000),
            changes: [
                FieldChange(field: .ink, before: .ink(.mono), after: .ink(.color)),
                FieldChange(field: .unitPrice, before: .money(Money(fen: 150)), after: .money(Money(fen: 120))),
            ]),
        .recordEdited(
            id: 2, label: .measurement(metric: "提高全区人民科学文化素质", value: Fixed(raw: 103_000)),
            changes: [
                FieldChange(field: .value, before: .figure(Fixed(raw: 103_000)), after: .figure(Fixed(raw: 108_000))),
                FieldChange(field: .source, before: .text(nil), after: .text("2023年公民科学素质抽样调查")),
            ]),
        .recordEdited(
            id: 21, label: .volunteer(name: "张三"),
            changes: [
                FieldChange(field: .phone, before: .phone("138****0001"), after: .phone("139****0002")),
                FieldChange(field: .org, before: .text(nil), after: .text("石峰区科普志愿服务队")),
            ]),
        .recordEdited(
            id: 13, label: .signup(name: "张三", event: 12),
            changes: [FieldChange(field: .hours, before: .hours(350), after: .hours(400))]),
        .duplicateAttendance(event: 2, date: may20, channel: .online, count: 12_000, existing: 33),
        .userAdded(name: "赵审核", role: .reviewer),
        .userAdded(name: "刘管理", role: .admin),
        .doorOpened(
            event: 2, from: "2023-05-20T09:00", until: "2023-05-20T12:00", survey: false, volunteers: nil,
            replaced: nil),
        .ownPasswordChanged(othersEnded: 0),
        .passwordReset(name: "李干事", keptThisSession: true),
    ]

    /// One sample of each notice only the command line says.
    static let commandLineOnly: [Notice] = [
        .databaseCreated(
            path: "/home/kexie/科协/kepu.sqlite", next: "kepu plan import FILE --db /home/kexie/科协/kepu.sqlite"),
        .lintSummary(file: "2023年绩效目标表.xlsx", errors: 1, warnings: 2),
        .servingAddresses(["http://192.168.1.20:8080", "http://10.0.0.8:8080"]),
        .eventVoided(
            id: 12,
            summary: VoidCounts(
                events: 2, attendance: 3, costs: 1, printRuns: 1, surveys: 1, signups: 4, evidence: 5),
            reason: "活动因天气取消"),
        .measurementAdded(id: 2, metric: "literacy-rate", value: Fixed(raw: 103_000), date: december31),
        .baselineSet(year: 2023, volunteers: 320, orgs: 6),
        .databaseMigrated(backup: "/home/kexie/科协/kepu.sqlite.v3-20240301-083000.bak", from: 3, to: 4),
        .importProgress(what: .signins, rows: 5000),
        .noEvidence,
        .evidenceBroken(problems: 2, checked: 42),
        .backedUp(path: "/home/kexie/备份/kepu.sqlite", pages: 1536),
        .backedUpArchive(path: "/home/kexie/备份/kepu-2023-12-31.tar", bytes: 48_234_496, evidence: 42, missing: 1),
        .backupsRotated(kept: 23, removed: 1, previousAge: 86_400),
        .restored(database: "/home/kexie/恢复/kepu.sqlite", evidence: 42, auditRows: 1204, schema: 4),
        .wrote(what: .report(format: "xlsx"), path: "2023年度绩效自评报告.xlsx"),
        .noEvents(year: 2023),
        .noVolunteers,
        .findings(count: 3),
        .demoLoaded(unit: "石峰区科协", year: 2023, steps: 40, path: "/home/kexie/演示/kepu.sqlite"),
        .demoExplore(command: "kepu event list --db /home/kexie/演示/kepu.sqlite"),
        .noRecords(.printRun),
        .budgetAdjusted(
            year: 2023, budget: Money(fen: 3_200_000), line: "commission", lineAmount: Money(fen: 2_700_000),
            reason: "年中追加预算"),
        .planDrafted(year: 2024, from: 2023, indicators: 10, lines: 4),
        .basicSet(year: 2023, spent: Money(fen: 186_000_000)),
        .noYearLocks,
        .passwordChanged(name: "王芳"),
        .userEnabled(name: "王芳"),
        .tokenRevokedNotice(name: "王芳", id: 3),
        .userUnlocked(name: "王芳", failures: 5),
        .noTokens(name: "王芳"),
        .tokenIssued(name: "王芳"),
        .noUsers,
        .serving(address: "127.0.0.1:8080", database: "/home/kexie/科协/kepu.sqlite"),
        .servingOpenNetwork(address: "0.0.0.0:8080"),
        .servingDemo(database: "/home/kexie/演示/kepu.sqlite", user: "admin", password: "k7mq2xt9prwa"),
        .setupLink(url: "http://127.0.0.1:8080/setup/Zq4pV9xT2mKc", minutes: 60),
    ]

    /// The command line's notices down their other branches.
    static let commandLineVariants: [Notice] = [
        .importProgress(what: .volunteers, rows: 1),
        .importProgress(what: .costs, rows: 120),
        .backupsRotated(kept: 1, removed: 0, previousAge: nil),
        .wrote(what: .stats(format: "xlsx"), path: "2023年科普统计表.xlsx"),
        .wrote(what: .reconciliation(format: "csv"), path: "对账.csv"),
        .wrote(what: .export(year: 2023), path: "2023年导出.json"),
        .wrote(what: .list, path: "活动列表.xlsx"),
        .wrote(what: .demoReport, path: "/home/kexie/演示/自评报告.html"),
        .wrote(what: .planDraft(year: 2024), path: "2024年计划草稿.yaml"),
        .wrote(what: .poster, path: "签到海报.html"),
        .noEvents(year: nil),
        .budgetAdjusted(year: 2023, budget: Money(fen: 2_800_000), line: nil, lineAmount: nil, reason: "压减预算"),
        .baselineSet(year: 2024, volunteers: nil, orgs: 7),
    ]

    // MARK: What a clerk should not read

    /// The spending lines' codes the samples pass: the web names a line by its name in the plan.
    static let lineCodes = ["commission", "printing"]

    /// The other codes the samples pass: an indicator's id and a measurement's metric.
    static let otherCodes = ["major-events", "literacy-rate"]

    /// What the command line's samples carry because the person typed it (`--metric literacy-rate`).
    static let typedOnTheCommandLine = ["literacy-rate"]

    /// The stored spellings of the vocabularies' values the samples pass, each with its English word.
    static func spellings<V: Vocabulary>(_ values: [V]) -> [(code: String, english: String)] {
        values.map { (code: $0.rawValue, english: $0.english) }
    }

    static var spelled: [(code: String, english: String)] {
        var all = spellings([EventKind.scienceDay, EventKind.techWeek, EventKind.other])
        all += spellings([EventForm.lecture, EventForm.openDay])
        all += spellings([Channel.onsite, Channel.online])
        all += spellings([CountMethod.headcount, CountMethod.signin])
        all += spellings([Ink.mono, Ink.color])
        all += spellings([EvidenceKind.signin, EvidenceKind.photo, EvidenceKind.contract])
        for role in UserRole.allCases {
            all.append((code: role.rawValue, english: role.rawValue))
        }
        return all
    }

    /// In Chinese no stored spelling is a word; in English one is when it is its value's English word
    /// (`onsite`, `photo`, `clerk`), and `science-day` or `signin` is not.
    static func codes(_ lang: Language) -> [String] {
        let vocabulary = spelled.filter { lang == .zh || $0.code != $0.english }.map { $0.code }
        return lineCodes + otherCodes + vocabulary
    }

    /// The words the catalogue writes with a hyphen in English, which are words, not identifiers.
    static let hyphenatedWords = [
        "person-visits", "self-evaluation", "sign-ins", "sign-ups", "signed-in", "sign-in", "sign-up", "mid-year",
        "one-time", "as-of", "e-mail",
    ]

    static let identifier = #"[a-z]+[-_][a-z]+"#
    static let machineTimes = [#"\d{4}-\d{2}-\d{2}T\d"#, #"\d{2}Z\b"#]

    /// kepu's commands. The hint is `kepu` and a command, not `kepu` and any word: the English of
    /// `columnsIgnored` says "columns not used by kepu were ignored".
    static let command =
        #"kepu (init|plan|event|attendance|cost|print|volunteer|survey|measure|baseline|basic|note|"#
        + #"reconcile|report|stats|check|evidence|backup|export|restore|log|year|user|settings|serve|demo)\b"#
    static let option = #"--[A-Za-z]"#

    static func first(_ pattern: String, in text: String) -> String? {
        text.range(of: pattern, options: .regularExpression).map { String(text[$0]) }
    }

    /// The sentence as the identifier check reads it: in English lower-cased, without the hyphenated words.
    static func plain(_ sentence: String, _ lang: Language) -> String {
        guard lang == .en else { return sentence }
        var s = sentence.lowercased()
        for word in hyphenatedWords {
            s = s.replacingOccurrences(of: word, with: " ")
        }
        return s
    }

    /// The first thing in a web sentence a clerk should not read, or nil.
    static func codeOnTheWeb(in sentence: String, _ lang: Language) -> String? {
        for pattern in machineTimes {
            if let found = first(pattern, in: sentence) { return found }
        }
        let s = plain(sentence, lang)
        let words = codes(lang).map { #"(?<![A-Za-z])"# + $0 + #"(?![A-Za-z])"# }
        for pattern in [identifier, command, option] + words {
            if let found = first(pattern, in: s) { return found }
        }
        return nil
    }

    /// The first machine time in a command line's sentence, or identifier outside its command hints and what
    /// the person typed, or nil.
    static func codeOnTheCommandLine(in sentence: String, _ lang: Language) -> String? {
        for pattern in machineTimes {
            if let found = first(pattern, in: sentence) { return found }
        }
        var s = sentence.replacingOccurrences(of: command + #"[^；;）)]*"#, with: " ", options: .regularExpression)
        s = s.replacingOccurrences(of: #"--[A-Za-z][A-Za-z-]*"#, with: " ", options: .regularExpression)
        for typed in typedOnTheCommandLine {
            s = s.replacingOccurrences(of: typed, with: " ")
        }
        return first(identifier, in: plain(s, lang))
    }

    /// `recordEdited`, `noEvidence`: the case a sample is of.
    static func caseName(_ n: Notice) -> String {
        String(String(describing: n).prefix(while: { $0 != "(" }))
    }

    // MARK: Tests

    @Test func theWebWordsEveryNoticeWithoutACodeACommandOrAMachineTime() {
        for n in Self.webNotices + Self.webVariants {
            for lang in Language.allCases {
                let sentence = Catalogue.text(n, lang, for: .web, indicators: Self.indicatorNames)
                #expect(!sentence.isEmpty, "\(n)")
                #expect(Self.codeOnTheWeb(in: sentence, lang) == nil, "\(n) [\(lang.rawValue)]: \(sentence)")
            }
        }
    }

    @Test func theCommandLinesOwnNoticesCarryNoMachineTimeAndNoStrayIdentifier() {
        for n in Self.commandLineOnly + Self.commandLineVariants {
            for lang in Language.allCases {
                let sentence = Catalogue.text(n, lang, for: .commandLine)
                #expect(!sentence.isEmpty, "\(n)")
                #expect(Self.codeOnTheCommandLine(in: sentence, lang) == nil, "\(n) [\(lang.rawValue)]: \(sentence)")
            }
        }
    }

    /// Every case has one sample. Counted by hand: `Sources/KepuCore/Messages/Notice.swift` has 71 `case`
    /// lines in `Notice` (its `Output` aside). When a case is added, add a sample of it to `webNotices` or
    /// `commandLineOnly` (and to the variants if it words some branches differently), and raise the number.
    @Test func everyCaseHasASample() throws {
        let samples = Self.webNotices + Self.commandLineOnly
        #expect(samples.count == 71)
        let names = Set(samples.map(Self.caseName))
        #expect(names.count == samples.count, "a case has two samples")
        // The variants are further branches of the cases sampled in their own list.
        let web = Set(Self.webNotices.map(Self.caseName))
        for n in Self.webVariants {
            #expect(web.contains(Self.caseName(n)), "\(n)")
        }
        let commandLine = Set(Self.commandLineOnly.map(Self.caseName))
        for n in Self.commandLineVariants {
            #expect(commandLine.contains(Self.caseName(n)), "\(n)")
        }
        // And the cases the source declares are the cases sampled.
        let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/KepuCore/Messages/Notice.swift")
        let source = try String(contentsOf: file, encoding: .utf8)
        let notice = source.components(separatedBy: "public enum Output").first ?? ""
        var declared: [String] = []
        for line in notice.components(separatedBy: "\n") where line.hasPrefix("    case ") {
            declared.append(String(line.dropFirst(9).prefix(while: { $0.isLetter || $0.isNumber })))
        }
        #expect(declared.count == 71)
        #expect(Set(declared) == names)
    }

    /// The store labels a measurement by what the plan says it measures, never by its metric code.
    @Test func aMeasurementIsLabelledByItsIndicatorsName() throws {
        let (ledger, _) = try webLedger()
        let id = try ledger.surveys.addMeasurement(
            NewMeasurement(
                metric: "literacy-rate", value: Fixed(raw: 98_000), date: CalendarDate(year: 2023, month: 12, day: 1)!,
                source: "抽样调查"))
        let voided = try ledger.corrections.void(.measurement, id, reason: "录错")
        #expect(voided.label == .measurement(metric: "提高全区人民科学文化素质", value: Fixed(raw: 98_000)))
    }

}
