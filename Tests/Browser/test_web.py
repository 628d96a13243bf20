#!/usr/bin/env python3
"""The real-browser test of kepu's web app: Debian's Chromium driven by Selenium.

    python3 Tests/Browser/test_web.py [path/to/kepu]

It loads the demo year into a temporary database, adds a user, starts `kepu serve` on a free port,
and then, in a 1366×768 window: signs in (a wrong password first); adds an event, its attendance and
a cost through the forms; sees the dashboard count the attendance; voids the cost after the
confirmation step; imports a GBK sign-in sheet through the preview; downloads the self-evaluation
workbook; opens every other page; and signs out. On every page it
asserts that the browser logged no error and that there is no horizontal scrollbar, and it saves a
screenshot of each page under .build/browser/. Exit 0 when everything holds.
"""
import base64
import datetime
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoSuchElementException, StaleElementReferenceException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
KEPU = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, ".build", "debug", "kepu")
SHOTS = os.path.join(ROOT, ".build", "browser")
USER, PASSWORD = "测试员", "browser test 1"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def kepu(*args, stdin=None, env=None):
    r = subprocess.run([KEPU, *args], input=stdin, capture_output=True, text=True, env=env)
    if r.returncode != 0:
        raise SystemExit(f"kepu {' '.join(args)} failed: {r.stderr}")
    return r.stdout


def wait_for(driver, condition, what):
    """Waits up to 10 s for a page to show what a click led to. An element read while the next page
    replaces the old one goes stale; that is a moment of loading, so the wait asks again."""
    WebDriverWait(driver, 10, ignored_exceptions=(StaleElementReferenceException, NoSuchElementException)).until(
        lambda d: condition(d), message=what)


def reach(driver):
    """The person-visits the dashboard shows for 扩大受众群众."""
    row = driver.find_element(By.XPATH, "//tr[td[text()='扩大受众群众']]")
    actual = row.find_elements(By.TAG_NAME, "td")[4].text
    return int(actual.replace(",", "").replace("人次", ""))


def set_date(driver, name, value, form="form.record"):
    """A date field's value, as the browser's date picker would set it."""
    field = driver.find_element(By.CSS_SELECTOR, f"{form} input[name={name}]")
    driver.execute_script("arguments[0].value = arguments[1]", field, value)


def check_page(driver, name):
    """No console error, no horizontal scrollbar; a screenshot for people to look at."""
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors, f"{name}: console errors {errors}"
    scroll = driver.execute_script("return document.documentElement.scrollWidth")
    client = driver.execute_script("return document.documentElement.clientWidth")
    assert scroll <= client, f"{name}: horizontal scrollbar ({scroll} > {client})"
    driver.save_screenshot(os.path.join(SHOTS, f"{name}.png"))
    print(f"ok  {name}")


def door_steps(driver, base, work, env, db):
    """扫码签到: open the door of today's event on its page, print the poster to PDF (one A4 page whose
    code decodes to the link), then a phone at 360×640 signs in, answers, signs in again, and finds
    the door closed."""
    today = datetime.date.today().isoformat()
    # 设置: the address phones reach, kept by the office; this test's server is on this computer, so the
    # event page and the poster say that no phone could open the link (on the screen, not in print).
    driver.get(f"{base}/settings")
    check_page(driver, "16a-settings")
    address = driver.find_element(By.NAME, "address")
    address.clear()
    address.send_keys(base)
    driver.find_element(By.CSS_SELECTOR, "#address form button").click()
    wait_for(driver, lambda d: "已设置手机访问地址" in d.page_source, "the address set")
    event_id = kepu("event", "add", "--title", "社区科普大篷车", "--kind", "other", "--start", today,
                    "--venue", "石峰公园东门", "--db", db, env=dict(env, KEPU_TODAY=today)).strip()
    driver.get(f"{base}/events/{event_id}")
    assert "手机扫码打不开" in driver.page_source, "no warning that phones cannot open a link on this computer"
    form = driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/door#door']")
    for name, value in (("from", f"{today}T00:00"), ("until", f"{today}T23:59")):
        field = form.find_element(By.NAME, name)
        driver.execute_script("arguments[0].value = arguments[1]", field, value)
    form.find_element(By.TAG_NAME, "button").click()
    wait_for(driver, lambda d: d.current_url.split("#")[0].endswith(f"/events/{event_id}/poster"), "the poster")
    link = driver.find_element(By.CSS_SELECTOR, ".url").text
    assert link.startswith(base + "/d/"), link
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True, "printBackground": True})["data"])
    poster = os.path.join(SHOTS, "poster.pdf")
    with open(poster, "wb") as f:
        f.write(pdf)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert pages == 1, f"the poster prints on {pages} pages"
    if shutil.which("pdftoppm") and shutil.which("zbarimg"):
        subprocess.run(["pdftoppm", "-png", "-r", "100", "-singlefile", poster, os.path.join(SHOTS, "poster")],
                       check=True)
        decoded = subprocess.run(["zbarimg", "--raw", "-q", os.path.join(SHOTS, "poster.png")],
                                 capture_output=True, text=True).stdout.strip()
        assert decoded == link, f"the poster's code reads {decoded!r}, not {link!r}"
    print("ok  poster (one A4 page, its code decodes to the link)")
    driver.get(f"{base}/events/{event_id}")
    driver.get_log("browser")
    check_page(driver, "16-event-door")

    options = Options()
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--lang=zh-CN"):
        options.add_argument(a)
    options.binary_location = "/usr/bin/chromium"
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    options.add_experimental_option("mobileEmulation", {
        "deviceMetrics": {"width": 360, "height": 640, "pixelRatio": 2.0},
        "userAgent": "Mozilla/5.0 (Linux; Android 13) AppleWebKit/537.36 (KHTML, like Gecko) Mobile Safari/537.36"})
    phone = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        phone.get(link)
        assert "您对本次活动满意吗？" in phone.page_source
        assert not phone.find_elements(By.TAG_NAME, "nav"), "the phone page shows the office's menu"
        check_page(phone, "phone-1-form")
        phone.find_element(By.NAME, "name").send_keys("王小明")
        phone.find_element(By.NAME, "phone").send_keys("13912345678")
        phone.find_element(By.NAME, "org").send_keys("石峰区第一小学")
        phone.find_element(By.CSS_SELECTOR, "button.a5").click()
        wait_for(phone, lambda d: "签到成功，您是今天第 1 位签到者" in d.page_source, "the sign-in counted")
        check_page(phone, "phone-2-signed-in")
        phone.get(link)
        phone.find_element(By.NAME, "name").send_keys("王小明")
        phone.find_element(By.NAME, "phone").send_keys("139 1234 5678")
        phone.find_element(By.CSS_SELECTOR, "button.plain").click()
        wait_for(phone, lambda d: "您今天已签到" in d.page_source, "the second sign-in not counted")
        check_page(phone, "phone-3-already")
        driver.get(f"{base}/events/{event_id}")
        assert "今天已签到 1 人" in driver.page_source
        driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/door/close'] button").click()
        wait_for(driver, lambda d: "已关闭活动" in d.page_source, "the door closed")
        phone.get(link)
        assert "签到已结束" in phone.page_source
        phone.get_log("browser")  # the 410 of a closed door is expected, not a page error
        check_page(phone, "phone-4-closed")
        live_door(driver, phone, base, event_id, today)
    finally:
        phone.quit()


def live_door(driver, phone, base, event_id, today):
    """现场屏幕模式: the clerk opens a live door and its screen; the screen's code, read by zbarimg from
    a screenshot, signs a phone in; the same link without its code, or the poster's, does not."""
    driver.get(f"{base}/events/{event_id}")
    form = driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/door#door']")
    for name, value in (("from", f"{today}T00:00"), ("until", f"{today}T23:59")):
        driver.execute_script("arguments[0].value = arguments[1]", form.find_element(By.NAME, name), value)
    form.find_element(By.NAME, "expected").send_keys("300")
    form.find_element(By.NAME, "live").click()
    form.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    wait_for(driver, lambda d: "现场屏幕模式" in d.page_source and "打开现场签到屏" in d.page_source, "the live door")
    driver.get(f"{base}/events/{event_id}#door")
    check_page(driver, "16b-event-live-door")
    driver.get(f"{base}/events/{event_id}/door/screen")
    assert "二维码每 30 秒更新一次" in driver.page_source
    check_page(driver, "16c-live-screen")
    shot = os.path.join(SHOTS, "16c-live-screen.png")
    if shutil.which("zbarimg"):
        decoded = subprocess.run(["zbarimg", "--raw", "-q", shot], capture_output=True, text=True).stdout.strip()
        assert decoded.startswith(base + "/d/") and "?c=" in decoded, f"the screen's code reads {decoded!r}"
        print("ok  the live screen's code decodes to the link with its code")
        # Without the code, a phone is sent to the screen.
        phone.get(decoded.split("?")[0])
        assert "请扫描活动现场屏幕上的二维码签到" in phone.page_source
        phone.get_log("browser")  # its 403 is the answer, not a page error
        check_page(phone, "phone-5-needs-the-screen")
        phone.get(decoded)
        phone.find_element(By.NAME, "name").send_keys("李现场")
        phone.find_element(By.NAME, "phone").send_keys("13712345678")
        phone.find_element(By.CSS_SELECTOR, "button.a4").click()
        wait_for(phone, lambda d: "签到成功" in d.page_source, "the live sign-in counted")
        check_page(phone, "phone-6-live-signed-in")
        driver.get(f"{base}/events/{event_id}#door")
        assert "签到时间分布（每 10 分钟）" in driver.page_source
        check_page(driver, "16d-event-door-visits")


def in_view(driver, element):
    """Whether an element is within the window, as the page opened."""
    return driver.execute_script(
        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= window.innerHeight;",
        element)


CODE = re.compile(r"[a-z]+[-_][a-z]+|\d{4}-\d{2}-\d{2}T\d|\bcommission\b|\bprinting\b")


def workbook_words(path):
    """Every cell of every sheet of a workbook kepu wrote, checked for a code or a machine time."""
    try:
        import openpyxl
    except ImportError:
        print(f"skip {os.path.basename(path)}: openpyxl is not installed")
        return
    book = openpyxl.load_workbook(path, read_only=True)
    cells = 0
    for sheet in book.worksheets:
        for row in sheet.iter_rows(values_only=True):
            for value in row:
                if isinstance(value, str):
                    cells += 1
                    found = CODE.search(value)
                    assert not found, f"{os.path.basename(path)} [{sheet.title}] shows {found.group(0)!r}: {value!r}"
    print(f"ok  {os.path.basename(path)}: {len(book.worksheets)} sheets, {cells} cells in words")


def clerk_year_steps(driver, base, work, event_id, downloads):
    """A sheet with two bad rows imported in part (its bad rows downloaded), a correction from a row's
    修改 action, and every sheet of the downloaded workbooks read for codes."""
    sheet = os.path.join(work, "签到表-有错.csv")
    with open(sheet, "w", encoding="gbk") as f:
        f.write("姓名,手机\n赵一,13800000011\n钱二,123\n孙三,13800000013\n李四,abc\n周五,13800000015\n")
    driver.get(base + "/imports")
    Select(driver.find_element(By.NAME, "event")).select_by_value(event_id)
    driver.find_element(By.NAME, "file").send_keys(sheet)
    driver.find_element(By.CSS_SELECTOR, "form.record button").click()
    wait_for(driver, lambda d: "导入其余 3 行" in d.page_source, "the offer to import the rest")
    driver.get_log("browser")  # the preview of a sheet with bad rows answers 422
    check_page(driver, "25-import-bad-rows")
    driver.find_element(By.PARTIAL_LINK_TEXT, "下载有错的行").click()
    left = None
    for _ in range(100):
        found = [n for n in os.listdir(downloads) if n.endswith(".xlsx") and "未导入" in n]
        if found and os.path.getsize(os.path.join(downloads, found[0])) > 0:
            left = os.path.join(downloads, found[0])
            break
        time.sleep(0.1)
    assert left, f"no workbook of the bad rows in {os.listdir(downloads)}"
    workbook_words(left)
    driver.find_element(By.XPATH, "//button[contains(., '导入其余 3 行')]").click()
    wait_for(driver, lambda d: "有 2 行有错，未导入" in d.page_source, "the rest imported")
    check_page(driver, "26-imported-in-part")

    # A correction from a row's 修改.
    driver.get(f"{base}/events/{event_id}")
    driver.find_element(By.LINK_TEXT, "修改").click()
    wait_for(driver, lambda d: "/records/" in d.current_url, "the record's page")
    form = driver.find_element(By.CSS_SELECTOR, "form[action$='/edit#correct'], form[action$='/edit']")
    form.find_element(By.NAME, "reason").send_keys("核对签到表后更正")
    note = form.find_elements(By.NAME, "note")
    if note:
        note[0].clear()
        note[0].send_keys("已核对")
    form.find_element(By.TAG_NAME, "button").click()
    wait_for(driver, lambda d: "已修改" in d.page_source, "the correction saved")
    check_page(driver, "27-corrected-from-a-row")

    for name in os.listdir(downloads):
        if name.endswith(".xlsx"):
            workbook_words(os.path.join(downloads, name))


def office_steps(driver, base, work, event_id):
    """A bad value on an event's page (the sentence in view, the value kept); a volunteer's sign-up picked
    from the list; evidence uploaded for an event chosen by title, then opened; 操作记录's page 2; 自评
    printed to PDF without a form or a button."""
    driver.get(f"{base}/events/{event_id}")
    form = driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/attendance#attendance']")
    form.find_element(By.NAME, "count").send_keys("五百")
    form.find_element(By.TAG_NAME, "button").click()
    wait_for(driver, lambda d: d.find_elements(By.ID, "attendance-error"), "the bad count said")
    error = driver.find_element(By.ID, "attendance-error")
    assert "五百" in error.text and in_view(driver, error), f"the sentence is out of view: {error.text}"
    kept = driver.find_element(By.CSS_SELECTOR, "#attendance input[name=count]").get_attribute("value")
    assert kept == "五百", f"the typed count was lost: {kept!r}"
    driver.get_log("browser")  # the 422 of a refused form is expected, not a page error
    check_page(driver, "19-event-bad-value")

    driver.get(base + "/volunteers")
    option = driver.find_element(By.CSS_SELECTOR, "#volunteer-list option").get_attribute("value")
    field = driver.find_element(By.NAME, "volunteer")
    field.send_keys(option.split(" ")[1][:1])  # the browser offers the list as a name is typed
    driver.execute_script("arguments[0].value = arguments[1]", field, option)  # … and the clerk picks one
    Select(driver.find_element(By.CSS_SELECTOR, "#signup select[name=event]")).select_by_value(event_id)
    driver.find_element(By.CSS_SELECTOR, "#signup input[name=hours]").send_keys("2")
    driver.find_element(By.CSS_SELECTOR, "#signup button").click()
    wait_for(driver, lambda d: "已登记" in d.find_element(By.TAG_NAME, "body").text, "the sign-up recorded")
    check_page(driver, "20-volunteer-signup")

    photo = os.path.join(work, "现场照片.png")
    with open(photo, "wb") as f:
        f.write(base64.b64decode(
            "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="))
    driver.get(f"{base}/evidence")
    Select(driver.find_element(By.CSS_SELECTOR, "#upload select[name=event]")).select_by_value(event_id)
    driver.find_element(By.CSS_SELECTOR, "#upload input[name=file]").send_keys(photo)
    driver.find_element(By.CSS_SELECTOR, "#upload button").click()
    wait_for(driver, lambda d: "现场照片.png" in d.page_source, "the evidence listed")
    check_page(driver, "21-evidence")
    href = driver.find_element(By.LINK_TEXT, "现场照片.png").get_attribute("href")
    driver.get(href)
    kind = driver.execute_script("return document.contentType")
    assert kind == "image/png", f"the photo opens as {kind}"
    print("ok  evidence opened in the browser")

    survey = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "wjx-survey.xlsx")
    driver.get(base + "/imports")
    Select(driver.find_element(By.CSS_SELECTOR, "#import select[name=kind]")).select_by_value("survey")
    Select(driver.find_element(By.CSS_SELECTOR, "#import select[name=event]")).select_by_value(event_id)
    driver.find_element(By.CSS_SELECTOR, "#import input[name=file]").send_keys(os.path.abspath(survey))
    driver.find_element(By.CSS_SELECTOR, "#import button").click()
    wait_for(driver, lambda d: "8份有效，满意6份" in d.page_source, "the 问卷星 preview")
    check_page(driver, "23-survey-preview")
    driver.find_element(By.CSS_SELECTOR, "form.confirm button").click()
    wait_for(driver, lambda d: "的满意度调查" in d.page_source, "the 问卷星 download imported")
    print("ok  问卷星 download imported for the event")

    driver.get(base + "/audit")
    driver.find_element(By.CSS_SELECTOR, "nav.pager a[rel=next]").click()
    wait_for(driver, lambda d: "第 2/" in d.find_element(By.TAG_NAME, "body").text, "the audit trail's page 2")
    body = driver.find_element(By.TAG_NAME, "body").text
    assert "新增活动" in body and "kepu demo" not in body, "the audit trail is not in words"
    check_page(driver, "22-audit-page-2")

    driver.get(base + "/self-evaluation")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})["data"])
    printed = os.path.join(SHOTS, "self-evaluation.pdf")
    with open(printed, "wb") as f:
        f.write(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", printed, "-"], capture_output=True, text=True).stdout
        assert "项目支出绩效自评表" in text, "the printed self-evaluation lacks its table"
        for word in ("下载：", "保存", "封账，原因", "退出", "概览"):
            assert word not in text, f"the printed self-evaluation shows {word!r}"
    if shutil.which("pdftoppm"):
        subprocess.run(["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "2", printed,
                        os.path.join(SHOTS, "self-evaluation-print")], check=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    print(f"ok  自评 printed on {pages} A4 pages, no form or button")

    # The printable page: 打印 and 返回 on the screen, neither on paper.
    driver.get(base + "/self-evaluation/download?year=2023&format=html")
    driver.find_element(By.ID, "print")
    driver.find_element(By.LINK_TEXT, "返回自评")
    check_page(driver, "24-printable")
    pdf = base64.b64decode(driver.execute_cdp_cmd("Page.printToPDF", {
        "paperWidth": 8.27, "paperHeight": 11.69, "preferCSSPageSize": True})["data"])
    printable = os.path.join(SHOTS, "printable.pdf")
    with open(printable, "wb") as f:
        f.write(pdf)
    if shutil.which("pdftotext"):
        text = subprocess.run(["pdftotext", "-layout", printable, "-"], capture_output=True, text=True).stdout
        assert "返回自评" not in text, "the printed page shows its 返回 link"
    driver.find_element(By.LINK_TEXT, "返回自评").click()
    wait_for(driver, lambda d: "/self-evaluation?year=2023" in d.current_url, "back to the self-evaluation")
    print("ok  the printable page has 打印 and 返回, on the screen only")


# What a person must never read on a page: a command, a flag, a code of the demo plan or of a check.
COMMAND = re.compile(r"kepu [a-z]|(?<![\w-])--[a-z]")
CODES = re.compile(r"(?<![\w/-])(commission|printing|major-events|evidence-campaign|evidence-cost|deviation-note"
                   r"|tech-week|science-day|literacy-rate)(?![\w-])")


def crawl(driver, base, lang):
    """Every page reachable from the dashboard, signed in as admin: in the app's frame (the menu), no
    command or code as text, no horizontal scrollbar, no console error."""
    driver.get(f"{base}/lang?to={lang}")
    seen, queue, count = set(), ["/"], 0
    skip = ("/lang", "/logout", "/static", "/d/", "/v/", "/self-evaluation/download", "/evidence/")
    while queue:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        driver.get(base + path)
        count += 1
        body = driver.find_element(By.TAG_NAME, "body").text
        assert driver.find_elements(By.CSS_SELECTOR, "header nav"), f"{lang} {path}: no menu"
        for pattern in (COMMAND, CODES):
            m = pattern.search(body)
            assert not m, f"{lang} {path}: {m.group(0)!r} in {body[max(0, m.start() - 40):m.end() + 40]!r}"
        errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
        assert not errors, f"{lang} {path}: console errors {errors}"
        scroll = driver.execute_script("return document.documentElement.scrollWidth")
        client = driver.execute_script("return document.documentElement.clientWidth")
        assert scroll <= client, f"{lang} {path}: horizontal scrollbar ({scroll} > {client})"
        for a in driver.find_elements(By.CSS_SELECTOR, "a[href]"):
            href = a.get_attribute("href")
            if not href.startswith(base + "/"):
                continue
            p = href[len(base):].split("#")[0]
            # The poster and the live screen are pages of their own, for the door; live_door looks at them.
            if p.startswith(skip) or p.endswith(("/poster", "/door/screen")) or p in seen or "page=" in p:
                continue
            queue.append(p)
    print(f"ok  crawl ({lang}): {count} pages, every one in the frame, no command, code or scrollbar")
    driver.get(f"{base}/lang?to=zh")


def plan_steps(driver, base):
    """计划: another year's official workbook uploaded, one inferred metric changed, imported, and its
    targets on 概览."""
    from selenium.webdriver.support.ui import Select
    workbook = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "Fixtures", "plan-other-2024.xlsx")
    driver.find_element(By.LINK_TEXT, "计划").click()
    wait_for(driver, lambda d: "导入财政下发的绩效目标表" in d.page_source, "the plan page")
    check_page(driver, "16-plan")
    driver.find_element(By.NAME, "file").send_keys(os.path.abspath(workbook))
    driver.find_element(By.CSS_SELECTOR, "#upload form button").click()
    wait_for(driver, lambda d: "每项指标的取数口径" in d.page_source, "the plan's preview")
    assert "不等于合计 11万" in driver.find_element(By.TAG_NAME, "body").text, "the summary's wrong total is not said"
    check_page(driver, "17-plan-preview")
    metric = Select(driver.find_element(By.NAME, "metric.p2-events"))
    assert metric.first_selected_option.get_attribute("value") == "events"
    metric.select_by_value("major-events")
    driver.find_element(By.CSS_SELECTOR, "button[value=import]").click()
    wait_for(driver, lambda d: "已导入计划" in d.page_source, "the plan imported")
    driver.get(base + "/?year=2024&project=p2")
    body = driver.find_element(By.TAG_NAME, "body").text
    for text in ("举办比赛", "参赛学生", "师生满意度"):
        assert text in body, f"the 2024 overview lacks {text}"
    check_page(driver, "18-dashboard-2024")


def main():
    os.makedirs(SHOTS, exist_ok=True)
    work = tempfile.mkdtemp(prefix="kepu-browser-")
    db = os.path.join(work, "kepu.sqlite")
    env = dict(os.environ, KEPU_DB=db, KEPU_USER="浏览器测试")
    kepu("demo", "--db", db, env=env)
    kepu("user", "add", USER, "--role", "admin", "--password-stdin", stdin=PASSWORD + "\n", env=env)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([KEPU, "serve", "--listen", f"127.0.0.1:{port}", "--db", db], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    driver = None
    try:
        for _ in range(100):
            try:
                if urllib.request.urlopen(base + "/healthz", timeout=1).read() == b"ok":
                    break
            except OSError:
                time.sleep(0.1)
        else:
            raise SystemExit("kepu serve did not start")
        options = Options()
        for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1366,768", "--lang=zh-CN"):
            options.add_argument(a)
        options.binary_location = "/usr/bin/chromium"
        options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
        downloads = os.path.join(work, "downloads")
        os.makedirs(downloads)
        options.add_experimental_option("prefs", {"download.default_directory": downloads,
                                                  "download.prompt_for_download": False})
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)

        driver.get(base + "/")
        assert driver.current_url == base + "/login", driver.current_url
        check_page(driver, "1-login")

        driver.find_element(By.NAME, "username").send_keys(USER)
        driver.find_element(By.NAME, "password").send_keys("wrong password")
        driver.find_element(By.CSS_SELECTOR, "form.login button").click()
        wait_for(driver, lambda d: "用户名或密码不对" in d.page_source, "the wrong password is said")
        driver.get_log("browser")  # the 401 of a wrong password is expected, not a page error
        driver.find_element(By.NAME, "password").send_keys(PASSWORD)
        driver.find_element(By.CSS_SELECTOR, "form.login button").click()
        wait_for(driver, lambda d: d.current_url == base + "/", "the dashboard after signing in")
        body = driver.find_element(By.TAG_NAME, "body").text
        for text in ("概览", "两次大型活动", "扩大受众群众", USER):
            assert text in body, f"dashboard lacks {text}"
        visits_before = reach(driver)
        check_page(driver, "2-dashboard")

        # An event, through the form on 活动.
        driver.find_element(By.LINK_TEXT, "活动").click()
        wait_for(driver, lambda d: d.current_url == base + "/events", "the events page")
        check_page(driver, "3-events")
        driver.find_element(By.CSS_SELECTOR, "details.add summary").click()
        driver.find_element(By.NAME, "title").send_keys("浏览器测试科普讲座")
        set_date(driver, "start", "2023-10-08")
        driver.find_element(By.NAME, "venue").send_keys("区科协会议室")
        driver.find_element(By.CSS_SELECTOR, "form.record button").click()
        wait_for(driver, lambda d: "已添加活动" in d.page_source, "the event added")
        # (A form's address ends in its #id, which the page it leads to keeps.)
        event_url = driver.current_url.split("#")[0]
        event_id = event_url.rsplit("/", 1)[1]
        assert "浏览器测试科普讲座" in driver.find_element(By.TAG_NAME, "h1").text

        # Its attendance and a cost, through the forms on its page.
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/attendance#attendance']")
        form.find_element(By.NAME, "count").send_keys("500")
        form.find_element(By.TAG_NAME, "button").click()
        wait_for(driver, lambda d: "已登记人次" in d.page_source, "the attendance recorded")
        form = driver.find_element(By.CSS_SELECTOR, f"form[action='/events/{event_id}/costs#cost']")
        form.find_element(By.NAME, "amount").send_keys("300")
        form.find_element(By.NAME, "item").send_keys("茶歇")
        form.find_element(By.TAG_NAME, "button").click()
        wait_for(driver, lambda d: "已登记费用" in d.page_source, "the cost recorded")
        check_page(driver, "4-event")

        # The dashboard counts the 500 person-visits.
        driver.find_element(By.LINK_TEXT, "概览").click()
        wait_for(driver, lambda d: d.current_url == base + "/", "the dashboard")
        # The session that wrote sees its writes at once (read-your-writes), however long the
        # dashboard takes to compute.
        assert reach(driver) == visits_before + 500, f"dashboard: {visits_before} then {reach(driver)}"

        # The cost voided, after the confirmation step.
        driver.get(event_url)
        driver.find_element(By.XPATH, "//h2[text()='费用']/following-sibling::table//td/a").click()
        wait_for(driver, lambda d: "/records/cost/" in d.current_url, "the cost's page")
        check_page(driver, "5-cost")
        form = driver.find_element(By.CSS_SELECTOR, "form[action$='/void']")
        form.find_element(By.NAME, "reason").send_keys("重复录入")
        form.find_element(By.TAG_NAME, "button").click()
        wait_for(driver, lambda d: "确认作废" in d.page_source, "the confirmation")
        check_page(driver, "6-confirm-void")
        driver.find_element(By.CSS_SELECTOR, "form.confirm button").click()
        wait_for(driver, lambda d: "已作废费用" in d.page_source, "the cost voided")

        # A sign-in sheet, imported through the preview.
        sheet = os.path.join(work, "签到表.csv")
        with open(sheet, "w", encoding="gbk") as f:
            f.write("科普讲座签到表\n姓名,手机,签到时间\n张三,13800000001,09:05\n李四,13800000002,09:12\n王五,,09:30\n")
        driver.find_element(By.LINK_TEXT, "导入").click()
        wait_for(driver, lambda d: d.current_url == base + "/imports", "the import page")
        check_page(driver, "7-import")
        Select(driver.find_element(By.NAME, "event")).select_by_value(event_id)
        driver.find_element(By.NAME, "file").send_keys(sheet)
        driver.find_element(By.CSS_SELECTOR, "form.record button").click()
        wait_for(driver, lambda d: "确认导入 3 行" in d.page_source, "the preview")
        assert "张三" in driver.find_element(By.TAG_NAME, "body").text
        check_page(driver, "8-import-preview")
        driver.find_element(By.CSS_SELECTOR, "form.confirm button").click()
        wait_for(driver, lambda d: f"活动 {event_id} 的签到" in d.page_source, "the sheet imported")

        # The self-evaluation, previewed and downloaded as a workbook.
        driver.find_element(By.LINK_TEXT, "自评").click()
        wait_for(driver, lambda d: "绩效自评" in d.find_element(By.TAG_NAME, "h1").text, "the self-evaluation")
        check_page(driver, "9-self-evaluation")
        driver.find_element(By.LINK_TEXT, "Excel 工作簿").click()
        wanted = os.path.join(downloads, "2023绩效自评.xlsx")
        for _ in range(100):
            if os.path.exists(wanted) and os.path.getsize(wanted) > 0:
                break
            time.sleep(0.1)
        else:
            raise AssertionError(f"no download in {downloads}: {os.listdir(downloads)}")
        with open(wanted, "rb") as f:
            assert f.read(2) == b"PK", "the download is not a workbook"

        for name, path in (("10-budget", "/budget"), ("11-volunteers", "/volunteers"), ("12-evidence", "/evidence"),
                           ("13-audit", "/audit"), ("14-users", "/users")):
            driver.get(base + path)
            check_page(driver, name)

        office_steps(driver, base, work, event_id)
        clerk_year_steps(driver, base, work, event_id, downloads)
        door_steps(driver, base, work, env, db)
        plan_steps(driver, base)
        for lang in ("zh", "en"):
            crawl(driver, base, lang)

        driver.find_element(By.CSS_SELECTOR, "header form button").click()
        wait_for(driver, lambda d: d.current_url == base + "/login", "the sign-in page after signing out")
        driver.get(base + "/")
        assert driver.current_url == base + "/login", "still signed in after signing out"
        check_page(driver, "15-signed-out")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print("browser test passed; screenshots in", SHOTS)


if __name__ == "__main__":
    main()
