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


if __name__ == "__main__":
    signin_with_title()
    signin_second_sheet()
    signin_bad_row()
    costs()
    volunteers()
    wjx()
    inline_strings()
