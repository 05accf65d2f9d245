"""`poassembler serve` routes, in process: the steps, saving as you go, validation, review, downloads, security."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from docx_text import full_text
from web_fixtures import (
    BASE,
    TOKEN,
    Filler,
    client,
    error_texts,
    field_names,
    fill_cacd_case,
)

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.filterwarnings("ignore:Using `httpx` with `starlette.testclient`")


@pytest.fixture
def http(tmp_path, library):
    return client(tmp_path, library)


def saved(tmp_path: Path, name: str = "case.yaml") -> dict:
    return yaml.safe_load((tmp_path / name).read_text(encoding="utf-8"))


def test_home_lists_answers_files_and_opens_a_new_case(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "ortega.yaml")
    (tmp_path / "notes.yaml").write_text("shopping: [milk]\n", encoding="utf-8")
    home = http.get("/")
    assert 'href="/c/ortega.yaml/"' in home.text and "notes.yaml" not in home.text
    opened = http.post("/open", data={"csrf": TOKEN, "name": "new-case"}, follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/c/new-case.yaml/"
    assert http.get("/c/new-case.yaml/", follow_redirects=False).headers["location"] == "/c/new-case.yaml/step/court"
    bad = http.post("/open", data={"csrf": TOKEN, "name": "../etc/passwd"})
    assert bad.status_code == 400 and "Give a file name of letters" in bad.text


def test_the_court_step_asks_the_court_then_the_judge(http, tmp_path):
    filler = Filler(http, "case.yaml")
    page = filler.page("court")
    assert field_names(page) == ["court"]
    assert 'list="q-court-list"' in page and "Central District of California (C.D. Cal.) — cacd" in page
    assert '<label for="q-court">' in page
    response = filler.field("court", "court", "C.D. Cal.")  # the court's abbreviation, as lawyers write it
    assert response.headers["HX-Retarget"] == "#step-body"  # the step grew questions: redrawn whole
    assert field_names(response.text)[:2] == ["court", "judge"] and "Suzanne H. Segal" in response.text
    assert "Court: Central District of California (C.D. Cal.)." in response.text  # what it was taken as
    assert saved(tmp_path) == {"court": "cacd"}


def test_a_wrong_answer_is_refused_beside_its_field_and_not_saved(http, tmp_path):
    filler = Filler(http, "case.yaml")
    filler.post("court", {"court": "cacd", "judge": ("pick", "Segal")})
    response = filler.field("court", "case.number", "12345")
    assert response.status_code == 200 and "HX-Retarget" not in response.headers
    assert 'id="q-case-number-field"' in response.text and 'aria-invalid="true"' in response.text
    assert "does not look like a case number of the Central District of California" in response.text
    assert 'aria-describedby="q-case-number-msg"' in response.text
    assert 'id="announce" hx-swap-oob="innerHTML">Case number: ' in response.text  # said to screen readers
    assert "number" not in saved(tmp_path).get("case", {})
    assert 'value="12345"' in response.text  # what was typed stays, to correct it
    good = filler.field("court", "case.number", "2:24-cv-01234-ABC (SSx)")
    assert error_texts(good.text) == [] and saved(tmp_path)["case"]["number"] == "2:24-cv-01234-ABC (SSx)"


def test_the_unknown_court_is_refused_with_the_interviews_message(http, tmp_path):
    response = Filler(http, "case.yaml").field("court", "court", "zzz")
    assert error_texts(response.text) and "zzz" in error_texts(response.text)[0]
    assert not (tmp_path / "case.yaml").exists()


def test_speculative_harm_is_saved_with_the_warning_and_the_rewrite_offer(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    response = Filler(http, "case.yaml").field("categories", "categories.0.harm", "Competitors may perhaps use the tables.")
    assert "courts reject speculative harm" in response.text and "&#39;may&#39;, &#39;perhaps&#39;" in response.text
    assert 'href="#q-categories-0-harm" data-focus="q-categories-0-harm">Rewrite it now</a>' in response.text
    assert saved(tmp_path)["categories"][0]["harm"] == "Competitors may perhaps use the tables."


def test_changing_the_court_clears_the_judge(http, tmp_path):
    filler = Filler(http, "case.yaml")
    filler.post("court", {"court": "cacd", "judge": ("pick", "Segal")})
    assert saved(tmp_path)["judge"] == "segal"
    filler.field("court", "court", "nyed")
    assert saved(tmp_path)["court"] == "nyed" and "judge" not in saved(tmp_path)


def test_a_whole_cacd_case_then_review_and_download(http, tmp_path):
    filler = Filler(http, "case.yaml")
    fill_cacd_case(filler)
    data = saved(tmp_path)
    assert [p["name"] for p in data["parties"]] == ["Maria Ortega", "AT&T Corp. <West>", "Pacific Harbor Logistics, Inc."]
    assert [c["name"] for c in data["categories"]][1] == "Rate tables {{ 7*7 }}"
    assert data["parties"][0]["counsel"][0]["address"] == ["100 Main Street, Suite 200", "Los Angeles, CA 90012"]
    assert http.get("/c/case.yaml/", follow_redirects=False).headers["location"] == "/c/case.yaml/review"
    review = http.get("/c/case.yaml/review").text
    assert "AT&amp;T Corp. &lt;West&gt;" in review and "<West>" not in review
    assert "Rate tables {{ 7*7 }}" in review and "Rate tables 49" not in review
    assert "GOOD CAUSE STATEMENT" in review  # the draft's text, previewed
    assert 'href="/c/case.yaml/download/docx"' in review
    download = http.get("/c/case.yaml/download/docx")
    assert download.status_code == 200 and download.headers["content-disposition"] == 'attachment; filename="case.docx"'
    out = tmp_path / "downloaded.docx"
    out.write_bytes(download.content)
    text = full_text(out)
    assert "AT&T Corp. <West>" in text and "Rate tables {{ 7*7 }}" in text and "Pacific Harbor Logistics, Inc." in text
    answers = http.get("/c/case.yaml/download/answers.yaml")
    assert yaml.safe_load(answers.text) == data


def test_review_edits_one_answer_in_place_and_the_check_follows(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    editor = http.get("/c/case.yaml/edit", params={"key": "categories.0.harm"})
    assert 'id="q-categories-0-harm-row"' in editor.text and "autofocus" in editor.text
    refused = http.post("/c/case.yaml/edit", data={"csrf": TOKEN, "categories.0.harm": ""}, headers={"HX-Request": "true"})
    assert refused.status_code == 422 and "an answer is required" in refused.text
    done = http.post("/c/case.yaml/edit", data={"csrf": TOKEN, "categories.0.harm": "Rivals may undercut its quotes."},
                     headers={"HX-Request": "true"})
    assert done.status_code == 200 and done.headers["HX-Retarget"] == "#review-body"
    assert "Rivals may undercut its quotes." in done.text
    assert "speculative" in done.text.lower()  # the pre-flight check's finding, beside the answer
    assert saved(tmp_path)["categories"][0]["harm"] == "Rivals may undercut its quotes."


def test_lists_add_move_and_remove_items(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    filler = Filler(http, "case.yaml")
    names = lambda: [c["name"] for c in saved(tmp_path)["categories"]]
    first, second, third = names()
    filler.post("categories", {}, action="down:categories.+category@0")
    assert names() == [second, first, third]
    filler.post("categories", {}, action="up:categories.+category@2")
    assert names() == [second, third, first]
    page = filler.post("categories", {}, action="remove:categories.+category@1").text
    assert names() == [second, first] and "Category 3" not in page
    page = filler.post("categories", {}, action="add:categories.+category").text
    assert 'id="q-categories-2-name"' in page and 'name="categories.2.name"' in page


def test_resume_goes_to_the_first_unanswered_step(http, tmp_path):
    (tmp_path / "half.yaml").write_text("court: cacd\njudge: segal\ncase:\n  number: '2:24-cv-01234-ABC (SSx)'\n  type: general\n", encoding="utf-8")
    assert http.get("/c/half.yaml/", follow_redirects=False).headers["location"] == "/c/half.yaml/step/plaintiffs"
    page = http.get("/c/half.yaml/step/court").text
    assert 'value="2:24-cv-01234-ABC (SSx)"' in page


def test_downloads_wait_for_complete_answers(http, tmp_path):
    (tmp_path / "half.yaml").write_text("court: cacd\n", encoding="utf-8")
    response = http.get("/c/half.yaml/download/docx")
    assert response.status_code == 409 and "not complete" in response.text


def test_memo_and_redline_downloads(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    memo = http.get("/c/case.yaml/download/memo.md")
    assert memo.status_code == 200 and "GOOD CAUSE" in memo.text.upper()
    redline = http.get("/c/case.yaml/download/redline.docx")
    assert redline.status_code == 200 and redline.content[:2] == b"PK"


# ---------------------------------------------------------------- security


def test_other_hosts_are_refused(http):
    response = http.get("/", headers={"host": "attacker.example:8765"})
    assert response.status_code == 400 and "own local address" in response.text


def test_posts_need_the_token_and_our_origin(http, tmp_path):
    no_token = http.post("/c/case.yaml/field", data={"court": "cacd", "_step": "court"})
    assert no_token.status_code == 403
    wrong_origin = http.post("/c/case.yaml/field", data={"court": "cacd", "_step": "court"},
                             headers={"X-CSRF-Token": TOKEN, "Origin": "http://attacker.example"})
    assert wrong_origin.status_code == 403
    assert not (tmp_path / "case.yaml").exists()
    ok = http.post("/c/case.yaml/field", data={"court": "cacd", "_step": "court"}, headers={"X-CSRF-Token": TOKEN, "Origin": BASE})
    assert ok.status_code == 200 and saved(tmp_path) == {"court": "cacd"}


def test_pages_allow_only_their_own_scripts(http):
    response = http.get("/")
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert response.headers["x-frame-options"] == "DENY"
    assert "<script>" not in response.text  # no inline script: the policy would block it
    assert http.get("/static/htmx.min.js").status_code == 200


def test_case_names_cannot_leave_the_folder(http):
    assert http.get("/c/..%2Fsecret.yaml/").status_code == 404
    assert http.get("/c/secret.txt/").status_code == 404


def test_an_answers_file_changed_on_disk_is_read_again_not_overwritten(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    assert "Maria Ortega" in http.get("/c/case.yaml/review").text
    edited = (tmp_path / "case.yaml").read_text(encoding="utf-8").replace("Maria Ortega", "Maria Ortega-Ruiz")
    (tmp_path / "case.yaml").write_text(edited + "\n", encoding="utf-8")
    Filler(http, "case.yaml").field("court", "case.short_title", "Ortega-Ruiz v. Pacific Harbor")
    data = saved(tmp_path)
    assert data["parties"][0]["name"] == "Maria Ortega-Ruiz" and data["case"]["short_title"] == "Ortega-Ruiz v. Pacific Harbor"


def test_a_broken_answers_file_is_one_message_naming_the_line(http, tmp_path):
    (tmp_path / "broken.yaml").write_text("court: cacd\nparties: [\n", encoding="utf-8")
    response = http.get("/c/broken.yaml/")
    assert response.status_code == 400 and "broken.yaml" in response.text and "line" in response.text
    assert "Traceback" not in response.text


def test_without_libreoffice_the_pdf_download_says_how_to_get_one(http, tmp_path, monkeypatch):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    assert "download/pdf" not in http.get("/c/case.yaml/review").text
    response = http.get("/c/case.yaml/download/pdf")
    assert response.status_code == 409 and "LibreOffice" in response.text


def test_a_health_category_shows_the_hipaa_note_on_its_step(http, tmp_path):
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")  # its third category is health records
    page = http.get("/c/case.yaml/step/categories").text
    assert "HIPAA" in page and 'class="note"' in page


def test_each_step_shows_the_drafts_text_once_the_answers_are_complete(http, tmp_path):
    (tmp_path / "half.yaml").write_text("court: cacd\n", encoding="utf-8")
    assert "appears here once every required answer is given" in http.get("/c/half.yaml/step/court").text
    shutil.copy(ROOT / "samples" / "segal-cacd.yaml", tmp_path / "case.yaml")
    page = http.get("/c/case.yaml/step/categories").text
    assert 'hx-get="/c/case.yaml/preview" hx-trigger="saved from:body"' in page and "GOOD CAUSE STATEMENT" in page
    Filler(http, "case.yaml").field("categories", "categories.0.name", "Rate tables & <margins>")
    assert "Rate tables &amp; &lt;margins&gt;" in http.get("/c/case.yaml/preview").text
