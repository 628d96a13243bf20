#!/usr/bin/python3
"""Makes the workbooks the import tests read, with writers independent of kepu.

Run from anywhere with Debian's python3-openpyxl: `/usr/bin/python3 Tests/Fixtures/make.py`.
The files are committed; run this again only to change them. Every workbook is written with a
fixed creation time, so that running it twice gives the same contents.
"""
import csv
import datetime
import os
import zipfile

import openpyxl
from openpyxl.styles import Alignment, Font

HERE = os.path.dirname(os.path.abspath(__file__))
FIXED = datetime.datetime(2023, 12, 1, 9, 0, 0)


def save(wb, name):
    wb.properties.created = FIXED
    wb.properties.modified = FIXED
    wb.save(os.path.join(HERE, name))


def signin_with_title():
    """A sign-in sheet as clerks keep it: a merged title, a blank row, numeric phones, times."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "签到表"
    ws["A1"] = "2023年全国科普日主场活动签到表"
    ws.merge_cells("A1:E1")
    ws["A1"].font = Font(name="宋体", size=16, bold=True)
    ws["A1"].alignment = Alignment(horizontal="center")
    # Row 2 is left blank.
    ws.append([])
    ws.append(["序号", "姓名", None, "手机号码", "签到时间"])
    rows = [
        (1, "张三", 13800000001, datetime.datetime(2023, 9, 16, 9, 5)),
        (2, "李四", 13800000002, datetime.datetime(2023, 9, 16, 9, 12)),
        (3, "王五", 13800000003, datetime.datetime(2023, 9, 16, 9, 30)),
        (4, "赵六", None, datetime.datetime(2023, 9, 16, 10, 0)),
        (5, "钱七", "13800000005", None),
    ]
    for i, (n, name, phone, t) in enumerate(rows, start=4):
        ws.cell(row=i, column=1, value=n)
        ws.cell(row=i, column=2, value=name)
        ws.cell(row=i, column=4, value=phone)
        ws.cell(row=i, column=5, value=t)
        if t is not None:
            ws.cell(row=i, column=5).number_format = "yyyy-mm-dd hh:mm"
    # Excel shows this phone as 1.38E+10; the stored number is whole.
    ws["D6"].number_format = "0.00E+00"
    # Trailing rows that hold only formatting.
    for r in range(9, 12):
        ws.cell(row=r, column=2).font = Font(bold=True)
    save(wb, "signin-title.xlsx")


def signin_second_sheet():
    """The sheet to read is the second one, chosen with --sheet."""
    wb = openpyxl.Workbook()
    notes = wb.active
    notes.title = "说明"
    notes["A1"] = "本工作簿第二张表是签到名单"
    ws = wb.create_sheet("签到")
    ws.append(["姓名", "手机"])
    ws.append(["周八", 13900000008])
    ws.append(["吴九", 13900000009])
    save(wb, "signin-two-sheets.xlsx")


def signin_bad_row():
    """Excel row 6 holds a phone number that is one digit short."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(["科技活动周签到"])
    ws.append(["姓名", "手机"])
    ws.append(["甲", 13700000001])
    ws.append(["乙", 13700000002])
    ws.append(["丙", 13700000003])
    ws.append(["丁", 1370000000])
    ws.append(["戊", 13700000005])
    save(wb, "signin-bad-row.xlsx")


def costs():
    """The finance office's ledger: serial dates, amounts as numbers, a title row."""
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "明细账"
    ws["A1"] = "2023年科普经费支出明细账"
    ws.merge_cells("A1:E1")
    ws.append(["日期", "摘要", "支出明细", "金额", "发票号"])
    data = [
        (datetime.date(2023, 9, 10), "科普日展板制作", "资料排版复印", 1280.5, "No.00012"),
        (datetime.date(2023, 9, 16), "科普日场地布置", "活动委托费", 3000, "No.00013"),
        (datetime.date(2023, 5, 22), "科技周讲座专家劳务", "活动委托费", 1234.56, None),
    ]
    for d, item, line, amount, invoice in data:
        ws.append([d, item, line, amount, invoice])
    for r in range(3, 6):
        ws.cell(row=r, column=1).number_format = "yyyy/m/d"
        ws.cell(row=r, column=4).number_format = "#,##0.00"
    save(wb, "costs.xlsx")


def volunteers():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "志愿者"
    ws.append(["姓名", "手机", "队伍", "活动", "时长", "日期"])
    ws.append(["孙一", 13600000001, "石峰区科普志愿服务队", None, None, None])
    ws.append(["孙二", 13600000002, "石峰区科普志愿服务队", None, None, None])
    save(wb, "volunteers.xlsx")


WJX_HEAD = ["序号", "提交答卷时间", "所用时间", "来源", "来源详情", "来自IP"]


def wjx_rows():
    """Ten answers to a 问卷星 survey, the 按选项文本 download."""
    answers = [
        ("非常满意", "9", "学生"),
        ("满意", "10", "家长"),
        ("比较满意", "8", "学生"),
        ("一般", "6", "居民"),
        ("非常满意", "10", "居民"),
        ("不满意", "3", "学生"),
        ("(跳过)", "(跳过)", "家长"),
        ("满意", "9", "居民"),
        ("非常满意", "7", "学生"),
        ("-3", "-3", "居民"),
    ]
    rows = []
    for i, (sat, score, who) in enumerate(answers, start=1):
        t = datetime.datetime(2023, 9, 16, 10, 0) + datetime.timedelta(minutes=7 * i)
        rows.append([i, t.strftime("%Y/%m/%d %H:%M:%S"), f"{60 + i}秒", "手机提交", "直接访问",
                     f"113.246.{i}.8(湖南-株洲)", who, sat, score])
    return rows


WJX_QUESTIONS = ["1、您的身份", "2、您对本次科普活动的总体满意度", "3、您愿意向朋友推荐本活动的可能性（0-10分）"]


def wjx():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Sheet1"
    ws.append(WJX_HEAD + WJX_QUESTIONS)
    for r in wjx_rows():
        ws.append(r)
    save(wb, "wjx-survey.xlsx")
    # The same download as CSV, saved as GBK the way 问卷星 offers it to Excel users.
    with open(os.path.join(HERE, "wjx-survey.csv"), "w", encoding="gb18030", newline="") as f:
        w = csv.writer(f)
        w.writerow(WJX_HEAD + WJX_QUESTIONS)
        for r in wjx_rows():
            w.writerow(r)
    # Two questions about satisfaction: which one is meant must be said.
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(WJX_HEAD + ["1、您对讲座内容的满意度", "2、您对场地安排的满意度"])
    ws.append([1, "2023/9/16 10:01:00", "50秒", "微信", "朋友圈", "1.1.1.1(湖南-株洲)", "满意", "非常满意"])
    save(wb, "wjx-two-questions.xlsx")


def inline_strings():
    """A workbook written by hand the way streaming writers do: inline and rich strings, a prefixed
    namespace, cells without references, a formula's cached text, and 1904-based dates."""
    ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    files = {
        "[Content_Types].xml": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
            '<Default Extension="xml" ContentType="application/xml"/>'
            '<Override PartName="/xl/workbook.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
            '<Override PartName="/xl/worksheets/data.xml" '
            'ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
            '</Types>'),
        "_rels/.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'officeDocument" Target="xl/workbook.xml"/></Relationships>'),
        "xl/workbook.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><x:workbook xmlns:x="{ns}" xmlns:rr="{rel}">'
            '<x:workbookPr date1904="1"/>'
            '<x:sheets><x:sheet name="名单" sheetId="7" rr:id="rIdA"/></x:sheets></x:workbook>'),
        "xl/_rels/workbook.xml.rels": (
            '<?xml version="1.0" encoding="UTF-8"?>'
            '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
            '<Relationship Id="rIdA" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'worksheet" Target="/xl/worksheets/data.xml"/>'
            '<Relationship Id="rIdS" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
            'styles" Target="styles.xml"/></Relationships>'),
        "xl/styles.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="{ns}">'
            '<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
            '</numFmts><cellStyleXfs count="1"><xf numFmtId="0"/></cellStyleXfs>'
            '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="164" applyNumberFormat="1"/></cellXfs>'
            '</styleSheet>'),
        "xl/worksheets/data.xml": (
            f'<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="{ns}"><x:sheetData>'
            '<x:row><x:c t="inlineStr"><x:is><x:t>姓名</x:t></x:is></x:c>'
            '<x:c t="inlineStr"><x:is><x:t>手机</x:t></x:is></x:c>'
            '<x:c t="inlineStr"><x:is><x:t>日期</x:t></x:is></x:c></x:row>'
            '<x:row><x:c t="inlineStr"><x:is><x:r><x:t>欧阳</x:t></x:r><x:r><x:t xml:space="preserve">修 </x:t>'
            '</x:r><x:rPh><x:t>オウヨウ</x:t></x:rPh></x:is></x:c>'
            '<x:c><x:v>1.3500000001E10</x:v></x:c><x:c s="1"><x:v>43723</x:v></x:c></x:row>'
            '<x:row r="5"><x:c r="A5" t="str"><x:f>"司马"&amp;"光"</x:f><x:v>司马光</x:v></x:c>'
            '<x:c r="C5" t="b"><x:v>1</x:v></x:c></x:row>'
            '</x:sheetData></x:worksheet>'),
    }
    path = os.path.join(HERE, "inline-strings.xlsx")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for name, text in files.items():
            info = zipfile.ZipInfo(name, date_time=(2023, 12, 1, 9, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(info, text.encode("utf-8"))


# The official target tables (绩效目标表), laid out as the seed lays them out: a title, 金额单位,
# labels in column A, merged 一级/二级 cells, blank rows, the template's leftover rows in 附表2.

def put(ws, row, cells, merges=()):
    for i, v in enumerate(cells):
        if v is not None and v != "":
            ws.cell(row=row, column=i + 1, value=v)
    for m in merges:
        ws.merge_cells(m)


def department_sheet(ws, year, unit, money, total, general, basic, project, duties, key_work, indicators, unit_label="金额：万元"):
    ws.title = "部门整体支出绩效目标表"
    put(ws, 1, [f"{year}年部门整体支出绩效目标表"], ["A1:F1"])
    put(ws, 2, ["填报单位：（盖章）", None, None, None, None, unit_label])
    # Row 3 left blank, as offices do.
    put(ws, 4, ["部门名称", unit], ["B4:F4"])
    put(ws, 5, [f"年度预算申请\n（{money}）", f"资金总额：{total}"], ["A5:A8", "B5:F5"])
    put(ws, 6, [None, "按收入性质分", None, "按支出性质分"], ["B6:C6", "D6:E6"])
    put(ws, 7, [None, "其中：一般公共预算拨款", general, "其中：基本支出", basic])
    put(ws, 8, [None, "     政府性基金拨款", None, "      项目支出", project])
    put(ws, 9, [None, "         其他资金"])
    put(ws, 10, ["部门职责概述", duties], ["B10:F10"])
    r = 11
    put(ws, r, ["年度重点       工作计划", "事项", "责任单位/科室", "工作目标"], [f"A{r}:A{r + len(key_work)}", f"D{r}:F{r}"])
    for k in key_work:
        r += 1
        put(ws, r, [None] + list(k), [f"D{r}:F{r}"])
    r += 1
    first = r
    put(ws, r, ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位"])
    level_start = None
    for ind in indicators:
        r += 1
        level1, level2, name, target = ind[:4]
        put(ws, r, [None, level1, level2, name, target])
    put(ws, first, [], [f"A{first}:A{r}"])
    merge_levels(ws, first + 1, r, column=2)
    put(ws, r + 2, ["单位负责人签字："])
    put(ws, r + 4, ["填表人：                                    联系电话：                     "])


def merge_levels(ws, first, last, column):
    """Merges each run of a blank 一级指标 under the cell above it, as the tables do."""
    col = openpyxl.utils.get_column_letter(column)
    start = first
    for r in range(first + 1, last + 2):
        if r > last or ws.cell(row=r, column=column).value not in (None, ""):
            if r - 1 > start:
                ws.merge_cells(f"{col}{start}:{col}{r - 1}")
            start = r


def summary_sheet(ws, year, unit_label, rows, title_sheet="附表2"):
    ws.title = title_sheet
    put(ws, 1, ["附表2"])
    put(ws, 2, [f"{year}年区级专项资金绩效目标汇总表"], ["A2:E2"])
    put(ws, 3, ["填报单位：（盖章）", None, None, None, unit_label])
    put(ws, 4, ["序号", "名  称", "金  额", "实施期绩效目标", "年度绩效目标"])
    r = 4
    for row in rows:
        r += 1
        put(ws, r, list(row))
    put(ws, r + 2, ["单位负责人签字："])


def direction_sheet(ws, sheet_name, title, unit_label, name, parent, amount, parent_amount, term, implementation, annual, indicators, lines, total):
    ws.title = sheet_name
    put(ws, 1, ["附表3"])
    put(ws, 2, [title], ["A2:F2"])
    put(ws, 3, ["填报单位：（盖章）", None, None, None, None, "          " + unit_label])
    put(ws, 4, ["支出方向      （子项）", name, "所属专项", "名称", parent], ["C4:C5", "E4:F4"])
    put(ws, 5, ["项目金额", amount, None, "金额", parent_amount], ["E5:F5"])
    put(ws, 6, ["项目实施期", term], ["B6:F6"])
    put(ws, 7, ["实施期绩效目标", implementation], ["B7:F7"])
    put(ws, 8, ["年度绩效目标", annual], ["B8:F8"])
    r = 9
    first = r
    put(ws, r, ["年度绩效指标", "一级指标", "二级指标", "三级指标", "指标值及单位", "绩效标准"])
    for ind in indicators:
        r += 1
        put(ws, r, [None] + list(ind))
    put(ws, first, [], [f"A{first}:A{r}"])
    merge_levels(ws, first + 1, r, column=2)
    # A blank row between the blocks.
    r += 2
    first = r
    put(ws, r, ["支出明细及测算 说明", "支出内容简介", "支出明细", "金额", "支出测算依据及过程说明"], [f"E{r}:F{r}"])
    for line in lines:
        r += 1
        put(ws, r, [None] + list(line), [f"E{r}:F{r}"])
        ws.cell(row=r, column=5).alignment = Alignment(wrap_text=True)
    r += 1
    put(ws, r, [None, None, "合  计", total])
    put(ws, first, [], [f"A{first}:A{r}"])
    put(ws, r + 2, ["单位负责人签字："])


SEED_INDICATORS = [
    ("产出指标", "数量指标", "两次大型活动", "2次", "活动开展"),
    ("", "质量指标", "扩大受众群众", "2万人次", "参与人数增加"),
    ("", "时效指标", "2023年1月-12月", "12个月", "12底前完成"),
    ("", "成本指标", "0.08元/人", "3万元", "整体有所提高"),
    ("效益指标", "经济效益指标", "没有直接经济效益", "无", "无"),
    ("", "社会效益指标", "提高全区人民科学文化素质", "力争到2025年全区公民具备基本科学素质比例达到10%以上", "公众科学素养得到提高"),
    ("", "生态效益指标", "对生态无影响", "无", "无"),
    ("", "可持续影响  指标", "全民投入科普志愿服务", "志愿者和志愿组织数量增加", "志愿者和志愿组织持续增加"),
    # The seed leaves 一级指标 blank here: the merged 效益指标 above runs on, and 满意度指标 is in 二级.
    ("", "社会公众及服务对象满意度指标", "力争全民参与，人人满意", "98%", "持续增加"),
]

SEED_DUTIES = "区政府主管科普工作的正科级群团组织，参与制定全区科普工作总体规划和年度计划；开展学术交流，组织开展青少年科技教育活动；表彰、宣传优秀科技工作者；发挥党和政府联系科技工作者的桥梁、纽带作用；负责科普队伍建设及科技信息化融合发展；指导科普协会工作。"


def seed_department(ws):
    department_sheet(
        ws, 2023, "株洲市石峰区科学技术协会", "万元", "55.62", 55.62, 52.62, 3, SEED_DUTIES,
        [("事项1", "办公室", "全国科普日、科技活动周活动的开展")],
        [(a, b, c, d) for a, b, c, d, _ in SEED_INDICATORS[:7]]
        + [("", "可持续影响指标", "全民投入科普志愿服务", "志愿者和志愿组织增加"),
           ("", "社会公众及服务对象满意度指标", "力争全民参与，人人满意", "98%")])


def seed_summary(ws):
    summary_sheet(ws, 2023, "金额单位：万元", [
        ("", "合  计", 3),
        ("一", "业务性专项", 3),
        ("1", "业务性专项", 3, "两次大型活动，科普宣传，科技工作者表彰，科技信息化融合发展", "推荐科技成果，举荐科技人才，全民素质得到提高"),
        ("2", "支出方向（子项）2"),
        ("", "……"),
        ("二", "B专项"),
        ("1", "支出方向（子项）1"),
        ("2", "支出方向（子项）2"),
        ("", "……"),
        ("三", "C专项"),
        ("1", "支出方向（子项）1"),
        ("2", "支出方向（子项）2"),
        ("", "……"),
        ("", "……"),
    ])


def seed_direction(ws):
    direction_sheet(
        ws, "附表3", "2023年区级专项资金支出方向绩效目标表", "金额单位：万元", "业务性专项", "A专项", 3, 3,
        "2023年1月－2023年12月", "两次大型活动，科普宣传，科技工作者表彰，科技信息化融合发展",
        "推荐科技成果，举荐科技人才，发展基层科协组织，全民素质得到提高", SEED_INDICATORS,
        [("科普活动", "活动委托费", 2.5, "活动1次/1.25万元×2次（授课费、人员工资、车辆、展架、条幅等）"),
         ("科普宣传资料", "资料排版复印", 0.5, "彩色1元/份×2000份=0.2万元\n单色0.5元/份×6000份=0.3万元")], 3)


def seed_plan():
    """The seed's three tables in one workbook, and each in a file of its own."""
    wb = openpyxl.Workbook()
    seed_department(wb.active)
    seed_summary(wb.create_sheet())
    seed_direction(wb.create_sheet())
    save(wb, "plan-seed-2023.xlsx")
    for name, make in [("plan-seed-2023-部门整体.xlsx", seed_department), ("plan-seed-2023-附表2.xlsx", seed_summary),
                       ("plan-seed-2023-附表3.xlsx", seed_direction)]:
        wb = openpyxl.Workbook()
        make(wb.active)
        save(wb, name)


def other_unit_plan():
    """Another unit's year in 元: two 专项, three 支出方向, and a 附表2 whose 合计 is wrong (110000, not 100000)."""
    wb = openpyxl.Workbook()
    department_sheet(
        wb.active, 2024, "湘江区科学技术协会", "元", "800000", 800000, 700000, 100000, "负责全区科普工作。",
        [("事项1", "学会部", "全国科普日、青少年科技创新大赛"), ("事项2", "信息部", "科普e站建设")],
        [("产出指标", "数量指标", "开展科普活动", "10次"), ("", "质量指标", "受众", "5万人次"),
         ("效益指标", "社会效益指标", "提高公民科学素质", "力争到2025年比例达到15%"),
         ("满意度指标", "满意度指标", "群众满意", "95%")], unit_label="金额单位：元")
    summary_sheet(wb.create_sheet(), 2024, "金额单位：元", [
        ("", "合  计", 110000),
        ("一", "科普活动专项", 70000),
        ("1", "科普日活动经费", 30000, "办好全国科普日", "全国科普日参与3万人次"),
        ("2", "青少年科技创新大赛", 40000, "办好大赛", "参赛作品200件"),
        ("二", "科普信息化专项", 30000),
        ("1", "科普e站", 30000, "建成科普e站", "e站开放12个月"),
    ])
    direction_sheet(
        wb.create_sheet(), "科普日", "2024年区级专项资金支出方向绩效目标表", "金额单位：元", "科普日活动经费", "科普活动专项",
        30000, 70000, "2024年1月－2024年12月", "办好全国科普日", "全国科普日参与3万人次",
        [("产出指标", "数量指标", "举办全国科普日主场活动", "1次", "按时举办"),
         ("", "质量指标", "参与群众", "3万人次", "人数达标"),
         ("", "成本指标", "活动经费", "3万元", "不超预算"),
         ("满意度指标", "满意度指标", "群众满意度", "95%", "满意"),
         ("效益指标", "社会效益指标", "科学氛围更加浓厚", "明显提升", "群众认可")],
        [("科普活动", "场地布置", 20000, "展板100块×200元=20000元"),
         ("宣传", "宣传资料印刷", 10000, "彩色2元/份×5000份=10000元")], 30000)
    direction_sheet(
        wb.create_sheet(), "创新大赛", "2024年项目支出绩效目标表", "金额单位：元", "青少年科技创新大赛", "科普活动专项",
        40000, 70000, "2024年1月－2024年12月", "办好大赛", "参赛作品200件",
        [("产出指标", "数量指标", "举办比赛", "1次", "按时举办"),
         ("", "质量指标", "参赛学生", "800人次", "人数达标"),
         ("", "时效指标", "年内完成", "12个月", "按时完成"),
         ("", "成本指标", "大赛经费", "4万元", "不超预算"),
         ("满意度指标", "满意度指标", "师生满意度", "90%", "满意")],
        [("奖励", "获奖奖金", 25000, "一等奖5名×3000元+二等奖10名×1000元=25000元"),
         ("评审", "专家评审费", 15000, "专家10人×1500元=15000元")], 40000)
    direction_sheet(
        wb.create_sheet(), "科普e站", "2024年区级专项资金支出方向绩效目标表", "金额单位：元", "科普e站", "科普信息化专项",
        30000, 30000, "2024年1月－2024年12月", "建成科普e站", "e站开放12个月",
        [("产出指标", "数量指标", "e站活动", "12次", "每月一次"),
         ("", "成本指标", "运维经费", "3万元", "不超预算"),
         ("效益指标", "可持续影响指标", "志愿者队伍", "志愿者人数增加", "持续增加"),
         ("满意度指标", "满意度指标", "用户满意度", "90%", "满意")],
        [("运维", "设备运维", 30000, "12个月×2500元=30000元")], 30000)
    save(wb, "plan-other-2024.xlsx")


def bad_plans():
    """Tables kepu must refuse: an indicator block without 指标值, and two 附表3 of the same name."""
    wb = openpyxl.Workbook()
    ws = wb.active
    seed_direction(ws)
    ws["E9"] = "目标"
    save(wb, "plan-no-target-column.xlsx")
    wb = openpyxl.Workbook()
    seed_direction(wb.active)
    seed_direction(wb.create_sheet())
    wb.worksheets[1].title = "附表3（2）"
    save(wb, "plan-twice.xlsx")


if __name__ == "__main__":
    signin_with_title()
    signin_second_sheet()
    signin_bad_row()
    costs()
    volunteers()
    wjx()
    inline_strings()
    seed_plan()
    other_unit_plan()
    bad_plans()
