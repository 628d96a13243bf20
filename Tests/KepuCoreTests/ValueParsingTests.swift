import Testing

@testable import KepuCore

@Suite struct MoneyTests {
    @Test(
        arguments: [
            ("2500", 250_000), ("2500元", 250_000), ("2,500.00", 250_000), ("¥2500", 250_000), ("￥2500", 250_000),
            ("1.25万", 1_250_000), ("1.25万元", 1_250_000), ("0.5元", 50), ("0.01", 1), ("55.62万", 55_620_000),
            ("3万", 3_000_000), ("12,345,678.9", 1_234_567_890), (" 2500 ", 250_000), ("0", 0), ("2500.000", 250_000),
            ("0.000001万", 1),
        ] as [(String, Int64)])
    func acceptsTheWrittenForms(_ text: String, _ fen: Int64) throws {
        #expect(try Money.parse(text).fen == fen)
    }

    @Test(arguments: ["1.2.3", "", "abc", "元", "2500块", "1,23", "12,34.5", "万", "¥", "1e3", "0x10", "2500 元 元"])
    func rejectsGarbageNamingTheAcceptedForms(_ text: String) {
        #expect(throws: KepuError(.invalid(field: .amount, value: text, form: .amount))) {
            try Money.parse(text, field: .amount)
        }
    }

    @Test func rejectsMoreThanFenPrecision() {
        #expect(throws: KepuError(.tooPrecise(field: .amount, value: "0.001"))) {
            try Money.parse("0.001", field: .amount)
        }
        #expect(throws: KepuError.self) { try Money.parse("1.0000001万") }
    }

    @Test func rejectsNegatives() {
        #expect(throws: KepuError(.negative(field: .amount, value: "-5", form: .amount))) {
            try Money.parse("-5", field: .amount)
        }
    }

    @Test func formatsInYuanAndWan() {
        let m = Money(fen: 2_990_000)
        #expect(m.plain == "29900.00")
        #expect(m.grouped == "29,900.00")
        #expect(m.wan == "2.99")
        #expect(Money(fen: 5).plain == "0.05")
        #expect(Money(fen: 55_620_000).wan == "55.62")
    }

    @Test func theExampleFromTheIssueReadsAsOneSentenceInEitherLanguage() {
        let e = KepuError(.invalid(field: .amount, value: "1.2.3", form: .amount))
        #expect(e.text(.en) == "Amount \"1.2.3\" is not an amount: write 2500, 2500元, 2,500.00, ¥2500, 1.25万 or 0.5元")
        #expect(e.text(.zh) == "金额 1.2.3 不是金额：可写 2500、2500元、2,500.00、¥2500、1.25万 或 0.5元")
        #expect(e.kind == .usage)
    }
}

@Suite struct CalendarDateTests {
    @Test(arguments: ["2023-09-16", "2023年9月16日", "2023/9/16", "2023-9-16", "2023/09/16 08:30"])
    func acceptsTheWrittenForms(_ text: String) throws {
        #expect(try CalendarDate.parse(text) == CalendarDate(year: 2023, month: 9, day: 16))
    }

    @Test(arguments: ["2023-02-29", "2023-13-01", "2023-04-31", "2023年2月30日"])
    func rejectsDatesNotOnTheCalendar(_ text: String) {
        #expect(throws: KepuError(.notRealDate(field: .date, value: text))) {
            try CalendarDate.parse(text, field: .date)
        }
    }

    @Test(arguments: ["", "16/09/2023", "2023-09", "yesterday", "23-9-16"])
    func rejectsOtherText(_ text: String) {
        #expect(throws: KepuError(.invalid(field: .date, value: text, form: .date))) {
            try CalendarDate.parse(text, field: .date)
        }
    }

    @Test func leapDaysAndDayNumbersRoundTrip() throws {
        #expect(try CalendarDate.parse("2024-02-29").description == "2024-02-29")
        let d = CalendarDate(year: 2023, month: 12, day: 31)!
        #expect(CalendarDate(dayNumber: d.dayNumber) == d)
        #expect(d.adding(days: 1) == CalendarDate(year: 2024, month: 1, day: 1))
        #expect(DateRange.year(2023).days == 365)
        #expect(DateRange.year(2023).monthOrdinal(of: d) == 12)
    }
}

@Suite struct InputParsingTests {
    @Test func countsAreNonNegativeWholeNumbers() throws {
        #expect(try Parse.count("1,200", field: .count) == 1200)
        #expect(try Parse.count("1.2万", field: .count) == 12000)
        #expect(throws: KepuError(.negative(field: .count, value: "-3", form: .count))) {
            try Parse.count("-3", field: .count)
        }
        #expect(throws: KepuError(.invalid(field: .count, value: "2.5", form: .wholeNumber))) {
            try Parse.count("2.5", field: .count)
        }
        #expect(throws: KepuError(.atLeastOne(field: .record(.copies), value: "0"))) {
            try Parse.positiveCount("0", field: .record(.copies))
        }
    }

    @Test func hoursAreKeptExactlyInHundredths() throws {
        #expect(try Parse.hours("9.5", field: .record(.hours)) == 950)
        #expect(try Parse.hours("2.25", field: .record(.hours)) == 225)
        #expect(try Parse.hours("3小时", field: .record(.hours)) == 300)
        #expect(throws: KepuError(.invalid(field: .record(.hours), value: "2.255", form: .hours))) {
            try Parse.hours("2.255", field: .record(.hours))
        }
        #expect(throws: KepuError(.negative(field: .record(.hours), value: "-1", form: .hours))) {
            try Parse.hours("-1", field: .record(.hours))
        }
    }

    @Test func percentages() throws {
        #expect(try Parse.percent("98%", field: .named("x")) == Fixed(98))
        #expect(try Parse.percent("98.5%", field: .named("x")) == Fixed(raw: 985_000))
        #expect(throws: KepuError(.invalid(field: .named("x"), value: "101%", form: .percent))) {
            try Parse.percent("101%", field: .named("x"))
        }
        #expect(throws: KepuError(.invalid(field: .named("x"), value: "abc", form: .percent))) {
            try Parse.percent("abc", field: .named("x"))
        }
    }

    @Test func vocabulariesAcceptTheirSpellingsAndChineseLabels() throws {
        #expect(try EventKind.parse("science-day", field: .record(.kind)) == .scienceDay)
        #expect(try EventKind.parse("科技活动周", field: .record(.kind)) == .techWeek)
        #expect(try EventKind.parse("科普日", field: .record(.kind)) == .scienceDay)
        #expect(try EventKind.parse("科技周", field: .record(.kind)) == .techWeek)
        #expect(try Ink.parse("黑白", field: .record(.ink)) == .mono)
        #expect(try Channel.parse("网络", field: .record(.channel)) == .online)
        #expect(try Channel.parse("现场", field: .record(.channel)) == .onsite)
        #expect(try CountMethod.parse("计数", field: .record(.method)) == .headcount)
        #expect(try CountMethod.parse("估算", field: .record(.method)) == .estimate)
        #expect(throws: KepuError(.invalid(field: .record(.kind), value: "party", form: EventKind.form))) {
            try EventKind.parse("party", field: .record(.kind))
        }
        let kind = KepuError(.invalid(field: .record(.kind), value: "科普节", form: EventKind.form))
        #expect(
            kind.text(.zh) == "类型 科普节 不是活动类型：可用 全国科普日(science-day)、科技活动周(tech-week)、全国科普月(science-month)、其他(other)")
        #expect(kind.text(.en) == "Kind \"科普节\" is not an event kind: use science-day|tech-week|science-month|other")
        #expect(throws: KepuError(.invalid(field: .record(.ink), value: "red", form: Ink.form))) {
            try Ink.parse("red", field: .record(.ink))
        }
    }

    @Test func phonesAreMaskedInReports() {
        #expect(maskPhone("13800000001") == "138****0001")
    }

    @Test func fixedRatiosRoundOnceByANamedRule() {
        #expect(Fixed.ratio(2, 3, places: 2) == Fixed(raw: 6700))
        #expect(Fixed.ratio(2, 3, places: 2, rule: .truncate) == Fixed(raw: 6600))
        #expect(Fixed.ratio(1, 0) == nil)
        #expect(Fixed(raw: 125_000).rounded(places: 0) == Fixed(raw: 130_000))
        #expect(Fixed(raw: 125_000).rounded(places: 0, rule: .truncate) == Fixed(raw: 120_000))
        #expect(Fixed(raw: 9_962_000).description == "996.2")
    }
}

@Suite struct TargetTests {
    @Test(arguments: [
        ("2次", "2", "次"), ("2万人次", "20000", "人次"), ("3万元", "30000", "元"), ("98%", "98", "%"),
        ("12个月", "12", "个月"), ("10%", "10", "%"), ("5场", "5", "场"), ("120小时", "120", "小时"), ("3人", "3", "人"),
        ("8篇", "8", "篇"), ("1.5元/人次", "1.5", "元/人次"),
    ])
    func normalizesFiguresAsPeopleWriteThem(_ text: String, _ value: String, _ unit: String) throws {
        let t = try Target.parse(text)
        #expect(t.value?.description == value)
        #expect(t.unit == unit)
    }

    @Test func growthAndNone() throws {
        #expect(try Target.parse("增加").kind == .growth)
        #expect(try Target.parse("志愿者和志愿组织增加").kind == .growth)
        #expect(try Target.parse("无").kind == .none)
    }

    @Test func impliedComparisons() throws {
        #expect(try Target.parse("≥98%").impliedComparison == .atLeast)
        #expect(try Target.parse("10%以上").impliedComparison == .atLeast)
        #expect(try Target.parse("3万元以内").impliedComparison == .atMost)
    }

    @Test func rejectsUnknownUnitsAndMissingFigures() {
        #expect(
            throws: KepuError(.targetUnknownUnit(field: .target, value: "2只", unit: "只", known: Target.knownUnits))
        ) {
            try Target.parse("2只")
        }
        #expect((try? Target.parse("很多"))?.kind == .qualitative)
        #expect(throws: KepuError(.targetWithoutUnit(field: .target, value: "20"))) { try Target.parse("20") }
    }
}

@Suite struct CSVParserTests {
    func parse(_ text: String, chunk: Int = 3) throws -> [([String], Int)] {
        var p = CSVParser()
        var out: [([String], Int)] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count {
            try p.feed(Array(bytes[i..<min(i + chunk, bytes.count)])) { out.append(($0, $1)) }
            i += chunk
        }
        try p.finish { out.append(($0, $1)) }
        return out
    }

    @Test func quotedFieldsLineBreaksAndLineNumbersAcrossChunks() throws {
        for chunk in [1, 2, 3, 7, 1000] {
            let rows = try parse("姓名,备注\r\n张三,\"说 \"\"你好\"\",\n再见\"\r\n\r\n李四,\n王五,x", chunk: chunk)
            #expect(
                rows.map(\.0) == [["姓名", "备注"], ["张三", "说 \"你好\",\n再见"], ["李四", ""], ["王五", "x"]], "chunk \(chunk)")
            #expect(rows.map(\.1) == [1, 2, 5, 6], "chunk \(chunk)")
        }
    }

    @Test func invalidUTF8IsAnErrorNotAReplacement() {
        var p = CSVParser()
        #expect(throws: KepuError(.csvNotUTF8(line: 1))) {
            try p.feed([0x41, 0xC0, 0x80, 0x0A]) { _, _ in }
        }
        #expect(CSVParser.isValidUTF8(Array("科普 ok 😀".utf8)))
        #expect(!CSVParser.isValidUTF8([0xED, 0xA0, 0x80]))  // a surrogate
        #expect(!CSVParser.isValidUTF8([0xE4, 0xB8]))  // cut short
        #expect(!CSVParser.isValidUTF8([0xF4, 0x90, 0x80, 0x80]))  // above U+10FFFF
    }

    @Test func cellsAreTrimmedOfSpacesAndIdeographicSpaces() {
        #expect(CSVColumns.trim("  张三\u{3000}") == "张三")
        #expect(CSVColumns.trim("一") == "一")
        #expect(CSVColumns.trim("\t13800000001 ") == "13800000001")
        #expect(CSVColumns.trim("\u{00A0}x") == "x")
    }
}

/// Values as Chinese offices type them (issue "Correct anything, find anything").
@Suite struct TypedFormsTests {
    @Test(
        arguments: [
            ("１２５０", 125_000), ("１２５０．５０元", 125_050), ("2千", 200_000), ("1.2千元", 120_000), ("RMB 1250", 125_000),
            ("人民币1250元", 125_000), ("1250.00元", 125_000), ("壹仟贰佰伍拾元整", 125_000), ("贰万伍仟元", 2_500_000),
            ("叁佰元伍角", 30_050), ("壹拾元零伍分", 1_005), ("玖角", 90), ("人民币壹佰元整", 10_000),
        ] as [(String, Int64)])
    func amountsAsTyped(_ text: String, _ fen: Int64) throws {
        #expect(try Money.parse(text).fen == fen)
    }

    @Test(arguments: ["1,2500元", "2千5", "0.000001千", "壹仟贰佰伍拾元柒", "伍角叁"])
    func amountsThatMixFormsAreRefused(_ text: String) {
        #expect(throws: KepuError.self) { try Money.parse(text, field: .amount) }
    }

    @Test(
        arguments: [
            "2023.9.16", "2023.09.16", "20230916", "2023/09/16", "2023-9-16", "2023年9月16日", "2023年09月16号",
            "２０２３－０９－１６", "2023.09.16 08:30",
        ])
    func datesAsTyped(_ text: String) throws {
        #expect(try CalendarDate.parse(text) == CalendarDate(year: 2023, month: 9, day: 16))
    }

    @Test func phonesAsTyped() throws {
        #expect(try NewVolunteer.phone("13800000001") == "13800000001")
        #expect(try NewVolunteer.phone("138 0000 0001") == "13800000001")
        #expect(try NewVolunteer.phone("138-0000-0001") == "13800000001")
        #expect(try NewVolunteer.phone("+86 138 0000 0001") == "13800000001")
        let fullWidth = String(
            String.UnicodeScalarView("13800000001".unicodeScalars.map { Unicode.Scalar($0.value + 0xFEE0)! }))
        #expect(try NewVolunteer.phone(fullWidth) == "13800000001")
        #expect(try NewVolunteer.phone("0731-28888888") == "0731-28888888")
        #expect(try NewVolunteer.phone("073128888888") == "0731-28888888")
        #expect(try NewVolunteer.phone("010-12345678") == "010-12345678")
        for bad in ["12345", "12800000001", "1380000000", "0731-123", "abc", "138000000011"] {
            #expect(throws: KepuError(.invalid(field: .phone, value: bad, form: .phone))) {
                try NewVolunteer.phone(bad)
            }
        }
        let e = KepuError(.invalid(field: .phone, value: "12345", form: .phone))
        #expect(e.text(.zh) == "手机 12345 不是手机号或座机号：请写 11 位手机号（如 13800000001）或带区号的座机号（如 0731-28888888）")
    }

    @Test func countsAndFiguresInFullWidth() throws {
        #expect(try Parse.count("３２００", field: .count) == 3200)
        #expect(try Parse.percent("９８．５％", field: .named("x")) == Fixed(raw: 985_000))
        #expect(try Parse.hours("９．５", field: .record(.hours)) == 950)
    }

    /// A digit followed by a combining mark is not a digit: a sentence, not a crash (issue "fuzzed").
    @Test(arguments: ["2\u{33C}0", "1\u{744}", "2500\u{301}元", "1\u{33C}.5万"])
    func combiningMarksAreRefusedNotCrashed(_ text: String) {
        #expect(throws: KepuError.self) { try Money.parse(text, field: .amount) }
        #expect(throws: KepuError.self) { try Parse.count(text, field: .count) }
        #expect(throws: KepuError.self) { try Parse.hours(text, field: .record(.hours)) }
        #expect(throws: KepuError.self) { try Parse.figure(text, field: .record(.value)) }
        #expect(throws: KepuError.self) { try Target.parse(text) }
    }

    /// Found by the money fuzzer: capital numerals whose units multiply past Int64 are refused.
    @Test(arguments: ["萬千亿亿五角分叁", "壹亿亿亿元", "玖仟亿亿元整", "伍亿亿角"])
    func capitalNumeralsThatOverflowAreRefused(_ text: String) {
        #expect(throws: KepuError.self) { try Money.parse(text, field: .amount) }
    }

    @Test func oversizeFiguresAreRefusedInASentence() {
        #expect(throws: KepuError(.tooLarge(field: .amount, value: "99999999999999999999元", form: .amount))) {
            try Money.parse("99999999999999999999元", field: .amount)
        }
        #expect(throws: KepuError.self) { try Parse.figure("1e400", field: .record(.value)) }
        #expect(throws: KepuError(.tooLarge(field: .count, value: "99999999999999999999", form: .count))) {
            try Parse.count("99999999999999999999", field: .count)
        }
    }

    /// Found by `Fuzz/run target`: a figure in 亿 too large to scale overflowed Int64 and trapped.
    @Test func aTargetInYiTooLargeIsRefused() throws {
        #expect(throws: KepuError(.invalid(field: .target, value: "20250924亿", form: .target))) {
            try Target.parse("20250924亿")
        }
        #expect(try Target.parse("1.5亿元").kind == .numeric(value: Fixed(150_000_000), unit: "元"))
    }

    /// Found by `Fuzz/run count`: with 万 a count passed the 12-digit ceiling that the same number written
    /// out is held to, so it did not parse back from its own digits.
    @Test func aCountInWanHasTheSameCeiling() throws {
        #expect(throws: KepuError(.tooLarge(field: .count, value: "11800180011万", form: .count))) {
            try Parse.count("11800180011万", field: .count)
        }
        #expect(try Parse.count("99999999.9999万", field: .count) == Parse.maxCount)
        #expect(try Parse.count(String(Parse.maxCount), field: .count) == Parse.maxCount)
    }
}

/// Qualitative and date targets (issue "Plans as offices really write them").
@Suite struct TargetFormsTests {
    @Test(arguments: ["及时", "达成预期指标", "有所提高", "创业能力提升", "群众满意"])
    func wordsAreQualitative(_ text: String) throws {
        #expect(try Target.parse(text).kind == .qualitative)
    }

    @Test(
        arguments: [
            ("2022年底之前", "2022-12-31"), ("2022年12月31日前", "2022-12-31"), ("2022年12月底前", "2022-12-31"),
            ("12月底前", "2022-12-31"), ("12月底前完成", "2022-12-31"), ("≤2022-12-31", "2022-12-31"),
            ("2023年12月31日前", "2023-12-31"), ("2022年6月底前", "2022-06-30"),
        ])
    func datesParseWithAtMost(_ text: String, _ date: String) throws {
        let t = try Target.parse(text, year: 2022)
        #expect(t.date == (try CalendarDate.parse(date)))
        #expect(t.impliedComparison == .atMost)
    }
}
