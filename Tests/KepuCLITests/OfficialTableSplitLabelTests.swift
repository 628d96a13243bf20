import KepuCore
import Testing

/// Issue 32, row 5: a label split over cells (`支出方向（子项）` | `名称` | 业务性专项) is one label, and its value
/// is the next cell that is no label word: the project is 业务性专项, never 名称. Each split the tables read
/// a value beside (附表3's 支出方向（子项）/项目名称 and 所属专项, the department table's 部门名称) across
/// two or three cells and down a column; the labels whole in a cell still read. 附表2 has no such label:
/// its 名称 heads a column, read as before.
@Suite struct OfficialTableSplitLabelTests {
    func sheet(_ name: String, _ rows: [[String]]) -> OfficialTables.Sheet {
        OfficialTables.Sheet(file: "t.xlsx", name: name, rows: rows.enumerated().map { ($1, $0 + 1) })
    }

    /// A 附表3 (sheet 附表3) with the label rows given, then its amount and one indicator.
    func direction(_ labels: [[String]]) -> OfficialTables.Sheet {
        sheet(
            "附表3",
            [["2024年项目支出绩效目标表"], ["金额单位：元"]] + labels + [
                ["项目金额", "1000"], ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"],
                ["", "产出指标", "数量指标", "举办活动", "2次"],
            ])
    }

    /// A department table with the label rows given, then its duties and one indicator.
    func department(_ labels: [[String]]) -> OfficialTables.Sheet {
        sheet(
            "部门整体支出绩效目标表",
            [["2024年部门整体支出绩效目标表"], ["金额：万元"]] + labels + [
                ["部门职责概述", "普及科学知识"], ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"],
                ["", "产出指标", "数量指标", "举办活动", "2次"],
            ])
    }

    /// The project's name and its 所属专项, as read from a 附表3 with these label rows.
    func fund(_ labels: [[String]]) throws -> [String?] {
        try fund(direction(labels))
    }

    func fund(_ table: OfficialTables.Sheet) throws -> [String?] {
        let plan = try OfficialTables.read([table], unit: "某区科协").plan
        #expect(plan.projects.map(\.name) == [plan.fund.name ?? ""])
        return [plan.fund.name, plan.fund.parent]
    }

    /// The name's label whole, or split over two or three cells (merged cells blank between), and the
    /// 所属专项's label whole or split, on the row as the template lays them out.
    @Test(arguments: [
        // The row of the issue: 支出方向（子项） | 名称 | 业务性专项.
        ["支出方向（子项）", "名称", "业务性专项", "所属专项", "名称", "A专项"],
        ["支出方向(子项)", "名称", "业务性专项", "所属专项", "名称", "A专项"],
        // The seed's row: the name's label whole.
        ["支出方向      （子项）", "业务性专项", "所属专项", "名称", "A专项"],
        ["支出方向（子项）名称", "业务性专项", "所属专项名称", "A专项"],
        // Three cells.
        ["支出方向", "（子项）", "名称", "业务性专项", "所属专项", "名称", "A专项"],
        // Merged cells, blank but the first, between the parts and before the value.
        ["支出方向（子项）", "", "名称", "", "业务性专项", "所属专项", "", "名称", "", "A专项"],
        ["项目", "名称", "业务性专项", "所属专项", "名称", "A专项"],
        ["项目名称", "业务性专项", "所属专项", "名称", "A专项"],
        ["项目名称", "业务性专项", "所属专项", "A专项"],
        ["项目", "名", "称", "业务性专项", "所属专项", "名称", "A专项"],
        ["项目名", "称", "业务性专项", "所属专项名称", "A专项"],
    ])
    func aLabelSplitAcrossCellsIsOneLabel(_ row: [String]) throws {
        #expect(try fund([row]) == ["业务性专项", "A专项"])
    }

    /// A label split down a column, as Excel pastes a Word cell of two lines into two rows: its value
    /// beside its first part (the rest of the row merged) or beside its last.
    @Test(arguments: [
        [["支出方向", "业务性专项", "所属专项", "名称", "A专项"], ["（子项）"]],
        [["支出方向（子项）", "业务性专项", "所属专项", "名称", "A专项"], ["名称"]],
        [["项目", "业务性专项", "所属专项", "名称", "A专项"], ["名称"]],
        [["项目", "", "所属专项", "名称", "A专项"], ["名称", "业务性专项"]],
        [["支出方向（子项）", "业务性专项", "所属专项", "A专项"], ["", "", "名称"]],
    ])
    func aLabelSplitDownAColumnIsOneLabel(_ rows: [[String]]) throws {
        #expect(try fund(rows) == ["业务性专项", "A专项"])
    }

    /// Parts on sheet rows that are not next to each other (a row left blank between) are not joined.
    @Test func partsOnRowsApartAreNotJoined() throws {
        let next = direction([["项目", "业务性专项"], ["名称"]])
        #expect(try fund(next) == ["业务性专项", nil])
        let apart = OfficialTables.Sheet(
            file: next.file, name: next.name, rows: next.rows.map { ($0.cells, $0.row < 4 ? $0.row : $0.row + 1) })
        #expect(try fund(apart) == ["附表3", nil])
    }

    /// A label word is never a value: a blank name followed by the next label reads as no name (the
    /// sheet's name is used, as before), and 所属专项 | 金额 is the 专项's amount, not its name.
    @Test func aLabelWordIsNeverAValue() throws {
        #expect(try fund([["支出方向（子项）", "", "所属专项", "名称", "A专项"]]) == ["附表3", "A专项"])
        #expect(try fund([["支出方向（子项）", "名称", "", "所属专项", "名称", "A专项"]]) == ["附表3", "A专项"])
        #expect(try fund([["支出方向（子项）", "业务性专项", "所属专项", "金额", "3000"]]) == ["业务性专项", nil])
    }

    /// The department's name, its label whole or split across or down; the duties still read beside theirs.
    @Test(arguments: [
        [["部门名称", "某区科协"]], [["部门", "名称", "某区科协"]], [["部门", "名", "称", "某区科协"]],
        [["部门", "", "名称", "某区科协"]], [["部门", "某区科协"], ["名称"]],
    ])
    func theDepartmentsNameSplitIsOneLabel(_ rows: [[String]]) throws {
        let plan = try OfficialTables.read([department(rows)]).plan
        #expect(plan.unit == "某区科协")
        #expect(plan.department.duties == "普及科学知识")
    }

    /// Read by its split label, the project is the one 附表2 names: it is found there, in its 专项.
    @Test func theSummaryFindsTheProjectReadFromASplitLabel() throws {
        let summary = sheet(
            "附表2",
            [
                ["2024年区级专项资金绩效目标汇总表"], ["金额单位：元"], ["序号", "名  称", "金  额", "实施期绩效目标", "年度绩效目标"],
                ["", "合  计", "1000"], ["一", "科普活动专项", "1000"], ["1", "业务性专项", "1000"],
            ])
        let read = try OfficialTables.read(
            [summary, direction([["支出方向（子项）", "名称", "业务性专项", "所属专项", "名称", "科普活动专项"]])],
            unit: "某区科协")
        #expect(read.plan.projects.map(\.name) == ["业务性专项"])
        #expect(read.plan.fund == Plan.Fund(name: "业务性专项", parent: "科普活动专项", category: "科普活动专项"))
        let crossTable = read.findings.filter {
            switch $0.finding {
            case .summaryMissing, .summaryAmount, .fundNamedDifferently, .summaryTotal: true
            default: false
            }
        }
        #expect(crossTable.isEmpty, "\(crossTable)")
    }
}
