#!/usr/bin/env python3
"""The real-browser test of kepu's web app: Debian's Chromium driven by Selenium.

    python3 Tests/Browser/test_web.py [path/to/kepu]

It loads the demo year into a temporary database, adds a user, starts `kepu serve` on a free port,
and then, in a 1366×768 window, signs in (a wrong password first), reads the dashboard, adds an
event through the form and sees it listed, and signs out. On every page it
asserts that the browser logged no error and that there is no horizontal scrollbar, and it saves a
screenshot of each page under .build/browser/. Exit 0 when everything holds.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

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
    """Waits up to 10 s for a page to show what a click led to."""
    WebDriverWait(driver, 10).until(lambda d: condition(d), message=what)


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
        check_page(driver, "2-dashboard")

        driver.find_element(By.LINK_TEXT, "活动").click()
        wait_for(driver, lambda d: d.current_url == base + "/events", "the events page")
        driver.find_element(By.CSS_SELECTOR, "details.add summary").click()
        driver.find_element(By.NAME, "title").send_keys("浏览器测试科普讲座")
        set_date(driver, "start", "2023-10-08")
        driver.find_element(By.NAME, "venue").send_keys("区科协会议室")
        driver.find_element(By.CSS_SELECTOR, "form.record button").click()
        wait_for(driver, lambda d: "已添加活动" in d.page_source, "the event added")
        assert "浏览器测试科普讲座" in driver.find_element(By.TAG_NAME, "body").text
        check_page(driver, "3-events")

        driver.find_element(By.CSS_SELECTOR, "header form button").click()
        wait_for(driver, lambda d: d.current_url == base + "/login", "the sign-in page after signing out")
        driver.get(base + "/")
        assert driver.current_url == base + "/login", "still signed in after signing out"
        check_page(driver, "4-signed-out")
    finally:
        if driver:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    print("browser test passed; screenshots in", SHOTS)


if __name__ == "__main__":
    main()
