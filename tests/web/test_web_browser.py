"""`poassembler serve` end to end in real headless Chromium (Debian's, driven by Playwright; nothing downloaded).

One C.D. Cal. case typed in as a user would: the court (keyboard only), a wrong case number refused
beside its field, two defendants, three categories with a speculative harm warned about and rewritten,
one answer changed on the review page, the .docx downloaded and re-opened, then the server restarted
and the case resumed from its answers file. Set POASSEMBLER_WEB_SCREENSHOTS=docs/img to refresh the
README's screenshots.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from docx_text import full_text

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
if not Path(CHROMIUM).exists() and os.environ.get("CI"):
    raise RuntimeError("CI must run the browser test: .ci/run installs Debian's chromium, but it is missing")
pytestmark = pytest.mark.skipif(not Path(CHROMIUM).exists(), reason="Chromium is not installed here (.ci/run installs Debian's chromium)")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Server:
    """`poassembler serve ANSWERS --no-browser` as a user starts it, in its own process."""

    def __init__(self, answers: Path):
        self.answers = answers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen | None = None

    def start(self) -> Server:
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(p for p in [str(Path(__file__).resolve().parents[2] / "src"), os.environ.get("PYTHONPATH", "")] if p))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "poassembler", "serve", str(self.answers), "--no-browser", "--port", str(self.port)],
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=env,
        )
        self.banner = self.process.stdout.readline()  # "poassembler is serving the interview at http://…"
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"serve exited: {self.process.stdout.read()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.2).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("serve did not start listening in 30 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


@pytest.fixture
def browser():
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


def accessibility_problems(page) -> list[str]:
    """axe-core's WCAG 2 A/AA violations on the page as it is now (rule: how many elements)."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})
    return [f"{v['id']}: {v['help']} ({len(v['nodes'])}: {v['nodes'][0]['target']})" for v in results.response["violations"]]


def shot(page, name: str, full_page: bool = True) -> None:
    folder = os.environ.get("POASSEMBLER_WEB_SCREENSHOTS")
    if folder:
        page.screenshot(path=str(Path(folder) / f"web-{name}.png"), full_page=full_page)


def fill_party(page, index: int, name: str, lawyer: str, email: str) -> None:
    p = f"#q-parties-{index}"
    page.fill(f"{p}-name", name)
    page.select_option(f"{p}-government", label="No")
    if page.locator(f"{p}-self_represented-no").count():  # an organisation is not asked
        page.check(f"{p}-self_represented-no")
    page.fill(f"{p}-counsel-0-name", lawyer)
    page.fill(f"{p}-counsel-0-bar_number", "123456")
    page.fill(f"{p}-counsel-0-firm", f"{lawyer.split()[-1]} LLP")
    page.fill(f"{p}-counsel-0-address", "100 Main Street, Suite 200\nLos Angeles, CA 90012")
    page.fill(f"{p}-counsel-0-phone", "(213) 555-0100")
    page.fill(f"{p}-counsel-0-email", email)


def fill_category(page, index: int, name: str, kind: str, harm: str) -> None:
    p = f"#q-categories-{index}"
    page.fill(f"{p}-name", name)
    page.select_option(f"{p}-kind", label=kind)
    page.fill(f"{p}-description", f"The {name.lower()}, 2019 to 2024.")
    page.fill(f"{p}-harm", harm)


def test_a_whole_cacd_case_in_chromium(browser, tmp_path):
    from playwright.sync_api import expect

    expect.set_options(timeout=15_000)  # a loaded CI machine answers slower than 5 s at times
    answers = tmp_path / "ortega.yaml"
    server = Server(answers).start()
    assert f"{server.url}/c/ortega.yaml/" in server.banner
    try:
        page = browser.new_context(accept_downloads=True, viewport={"width": 1100, "height": 900}).new_page()
        page.goto(server.url + "/c/ortega.yaml/")
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/court")
        page.wait_for_load_state("load")

        # The court step, keyboard only: the cursor starts in the court field; type-ahead lists the courts.
        expect(page.locator("#q-court")).to_be_focused()
        assert page.locator("#q-court-list option[value^='Central District of California']").count() == 1
        page.keyboard.type("C.D. Cal.")
        page.keyboard.press("Tab")
        judge = page.locator("#q-judge")
        expect(judge).to_be_visible()  # the judge and the case questions follow the court
        expect(page.locator("#q-court")).to_have_value("Central District of California (C.D. Cal.) — cacd")
        judge.select_option(value=page.locator("#q-judge option", has_text="Segal").get_attribute("value"))
        expect(page.locator("#announce")).to_contain_text("Judge: saved.")

        # A wrong case number is refused beside its field, and said to screen readers.
        page.fill("#q-case-number", "12345")
        page.keyboard.press("Tab")
        expect(page.locator("#q-case-number-msg")).to_contain_text("does not look like a case number of the Central District of California")
        expect(page.locator("#q-case-number")).to_have_attribute("aria-invalid", "true")
        assert accessibility_problems(page) == []
        expect(page.locator("#announce")).to_contain_text("Case number:")
        page.fill("#q-case-number", "2:24-cv-01234-ABC (SSx)")
        page.keyboard.press("Tab")
        expect(page.locator("#q-case-number-msg")).to_be_empty()
        page.fill("#q-division", "Western Division")
        page.select_option("#q-case-type", label="Commercial")
        shot(page, "court")
        assert accessibility_problems(page) == []
        page.get_by_role("button", name="Save and continue").click()

        # Parties: the first plaintiff and defendant are there; a second defendant is added from the keyboard.
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/plaintiffs")
        page.wait_for_load_state("load")
        fill_party(page, 0, "Maria Ortega", "Jane Q. Example", "jexample@example.com")
        page.get_by_role("button", name="Save and continue").click()
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/defendants")
        page.wait_for_load_state("load")
        fill_party(page, 1, "AT&T Corp. <West>", "Robert L. Sample", "rsample@example.com")
        page.focus("#q-parties-add_defendant")
        page.keyboard.press("Enter")
        expect(page.locator("#q-parties-2-name")).to_be_focused()
        page.wait_for_load_state("load")
        page.keyboard.type("Pacific Harbor Logistics, Inc.")
        fill_party(page, 2, "Pacific Harbor Logistics, Inc.", "Ann B. Other", "aother@example.com")
        page.get_by_role("button", name="Save and continue").click()
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/other_parties")
        page.wait_for_load_state("load")
        page.get_by_role("button", name="Save and continue").click()

        # Three categories; a speculative harm draws the warning and the offer to rewrite it.
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/categories")
        page.wait_for_load_state("load")
        for _ in range(2):
            page.get_by_role("button", name="+ Add another category").click()
            page.wait_for_load_state("load")
        fill_category(page, 0, "Customer pricing", "Commercial (pricing, customers, contracts)", "Competing brokers would undercut its quotes by the exact margin.")
        fill_category(page, 1, "Rate tables {{ 7*7 }}", "Trade secret", "Rivals may copy the tables.")
        page.keyboard.press("Tab")
        warning = page.locator("#q-categories-1-harm-msg .warning")
        expect(warning).to_contain_text("courts reject speculative harm")
        fill_category(page, 2, "Dispatcher personnel files", "Personnel files", "Co-workers would learn each dispatcher's discipline and pay.")
        page.focus("#q-categories-2-harm")
        page.keyboard.press("Tab")
        shot(page, "category")
        assert accessibility_problems(page) == []
        page.get_by_role("link", name="Rewrite it now").click()
        expect(page.locator("#q-categories-1-harm")).to_be_focused()
        page.keyboard.type("Rivals would copy the tables and bid below them on every lane.")
        page.keyboard.press("Tab")
        expect(warning).to_have_count(0)
        page.get_by_role("button", name="Save and continue").click()

        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/protection")

        page.wait_for_load_state("load")
        page.get_by_role("button", name="Save and continue").click()
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/dates")
        page.wait_for_load_state("load")
        page.get_by_role("button", name="Save and continue").click()

        # The review page: exact text, one answer edited in place, the draft's text follows.
        expect(page).to_have_url(server.url + "/c/ortega.yaml/review")
        page.wait_for_load_state("load")
        expect(page.locator("#review-body")).to_contain_text("AT&T Corp. <West>")
        expect(page.locator("#review-body")).to_contain_text("Rate tables {{ 7*7 }}")
        row = page.locator("#q-categories-0-name-row")
        row.get_by_role("link", name="Edit").click()
        page.fill("#q-categories-0-name", "Customer pricing and margins")
        page.get_by_role("button", name="Save").click()
        expect(page.locator("#q-categories-0-name-row")).to_contain_text("Customer pricing and margins")
        expect(page.locator(".preview")).to_contain_text("Customer pricing and margins")
        page.evaluate("window.scrollTo(0, 0)")
        shot(page, "review", full_page=False)
        assert accessibility_problems(page) == []

        with page.expect_download() as download:
            page.get_by_role("link", name="The draft order (.docx)").click()
        docx = tmp_path / "downloaded.docx"
        download.value.save_as(docx)
        text = full_text(docx)
        for expected in ("AT&T Corp. <West>", "Rate tables {{ 7*7 }}", "Customer pricing and margins", "Pacific Harbor Logistics, Inc.", "GOOD CAUSE STATEMENT"):
            assert expected in text
        assert "Rate tables 49" not in text
    finally:
        server.stop()

    data = yaml.safe_load(answers.read_text(encoding="utf-8"))
    assert [p["name"] for p in data["parties"]] == ["Maria Ortega", "AT&T Corp. <West>", "Pacific Harbor Logistics, Inc."]
    assert len(data["categories"]) == 3

    # Resume: a new server on the same answers file goes straight to the review page with every answer.
    server = Server(answers).start()
    try:
        page = browser.new_page()
        page.goto(server.url + "/")
        page.get_by_role("link", name="ortega.yaml").click()
        expect(page).to_have_url(server.url + "/c/ortega.yaml/review")
        page.wait_for_load_state("load")
        expect(page.locator("#q-categories-0-name-row")).to_contain_text("Customer pricing and margins")
        expect(page.locator("#q-parties-1-name-row")).to_contain_text("AT&T Corp. <West>")
        # On a step, the draft's text follows each saved answer.
        page.get_by_role("navigation", name="Steps").get_by_role("link", name="Categories").click()
        expect(page).to_have_url(server.url + "/c/ortega.yaml/step/categories")
        page.wait_for_load_state("load")
        page.fill("#q-categories-2-name", "Dispatcher files & <pay>")
        page.keyboard.press("Tab")
        expect(page.locator("#step-preview details")).to_have_attribute("open", "")
        expect(page.locator("#step-preview")).to_contain_text("Dispatcher files & <pay>")
    finally:
        server.stop()
