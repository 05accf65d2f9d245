"""Every sample through a real word processor: LibreOffice turns the .docx into a PDF, and we read the
PDF back with poppler (`pdftotext`) the way a clerk would look at the pages.

All drafts are converted in ONE LibreOffice run (module fixture). Skipped only when LibreOffice is
not installed; CI installs it (`.ci/run`).
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import SAMPLES, sample_data
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import Draft, plan_draft, render_draft
from poassembler.pipeline.pdf import convert_to_pdf, find_soffice

pytestmark = pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")

SAMPLE_NAMES = sorted(p.stem for p in SAMPLES.glob("*.yaml"))
LONG_COUNSEL = "segal-cacd-long-counsel"
NO_INITIALS = "segal-cacd-no-initials"
PT_PER_HEIGHT = 1 / 1.3  # poppler's word box is 1.3 × the type size (ascent .95, descent .35)


@dataclass
class Word:
    x0: float
    y0: float
    x1: float
    y1: float
    text: str

    @property
    def size(self) -> float:
        return (self.y1 - self.y0) * PT_PER_HEIGHT

    @property
    def baseline(self) -> float:
        return self.y1 - 0.35 * self.size


@dataclass
class Converted:
    draft: Draft
    pdf: Path
    pages: list[str]  # `pdftotext -layout`, one string per page
    words: list[list[Word]]  # `pdftotext -bbox`, per page

    @property
    def pleading(self) -> bool:
        return self.draft.profile.format.template == "pleading"

    def body_text(self) -> str:
        """All pages as one line of text, pleading line numbers removed (they interleave wrapped lines)."""
        lines = [ln for page in self.pages for ln in page.splitlines()]
        if self.pleading:
            lines = [re.sub(r"^\s*\d{1,2}(\s|$)", " ", ln) for ln in lines]
        return " ".join(" ".join(lines).split())


def _long_counsel_data() -> dict:
    data = sample_data("segal-cacd.yaml")
    counsel = data["parties"][0]["counsel"][0]
    counsel["firm"] = "Example, Sample, Whitman, Harbor & Partners Trial Lawyers LLP"
    counsel["address"] = ["Pacific Gateway Tower", "100 Main Street, Suite 2000", "Attn: Litigation Docketing Department",
                          "Los Angeles, CA 90012-4100"]
    data["parties"][0]["name"] = "Maria Ortega, individually and on behalf of all others similarly situated"
    return data


def _no_initials_data() -> dict:
    data = sample_data("segal-cacd.yaml")
    data["case"]["number"] = "2:16-cv-04512-ABC"
    return data


def _words(pdf: Path) -> list[list[Word]]:
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    pages: list[list[Word]] = []
    for line in html.splitlines():
        if "<page " in line:
            pages.append([])
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            pages[-1].append(Word(*map(float, m.groups()[:4]), m.group(5)))
    return pages


@pytest.fixture(scope="module")
def converted(library, tmp_path_factory) -> dict[str, Converted]:
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext (poppler-utils) is missing while LibreOffice is installed: install poppler-utils")
    folder = tmp_path_factory.mktemp("pdf")
    inputs = {name: sample_data(f"{name}.yaml") for name in SAMPLE_NAMES}
    inputs[LONG_COUNSEL] = _long_counsel_data()
    inputs[NO_INITIALS] = _no_initials_data()
    drafts = {name: plan_draft(parse_answers(data), library) for name, data in inputs.items()}
    docx_files = [render_draft(d, library, folder / f"{name}.docx", force=False) for name, d in drafts.items()]
    pdfs = convert_to_pdf(docx_files, folder)  # one LibreOffice run for every draft
    out = {}
    for (name, draft), pdf in zip(drafts.items(), pdfs):
        text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
        out[name] = Converted(draft, pdf, text.split("\f")[:-1], _words(pdf))
    return out


def _right_half(page_words: list[Word]) -> str:
    """Page text right of the middle, line by line (the caption's number, title and notes on page 1)."""
    right = sorted((w for w in page_words if w.x0 > 300), key=lambda w: (round(w.baseline), w.x0))
    return " ".join(w.text for w in right)


def _line_numbers(page_words: list[Word]) -> dict[int, float]:
    """Numbers in the left margin (left of the double rule at 1.36 in), by number → baseline."""
    return {int(w.text): w.baseline for w in page_words if w.x1 < 1.3 * 72 and w.text.isdigit()}


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_pdf_has_caption_headings_signatures_and_no_leftovers(name, converted):
    c = converted[name]
    ctx = c.draft.context
    text = c.body_text()
    assert 5 <= len(c.pages) <= 30, f"{len(c.pages)} pages"
    for bad in ("[MISSING", "{{", "}}", "{%", "%}"):
        assert bad not in text, bad
    for line in ctx.court.caption_lines:
        assert line in text
    assert ctx.case.number_line in text
    right_column = _right_half(c.words[0])
    assert ctx.document.title in right_column
    for note in ctx.document.caption_notes:
        assert note in right_column
    for section in ctx.sections:
        assert section.heading in text, section.heading
    for party in c.draft.answers.parties:
        assert party.name in text
    for sig in ctx.signatures:
        assert sig.signature in text and sig.name in text and sig.role_line in text
    assert "IT IS SO ORDERED" in text
    assert ctx.order.date_line in text and ctx.order.judge_title in text
    short_title = ctx.document.short_title.upper()
    for number, page in enumerate(c.pages, 1):
        assert short_title in " ".join(page.split()).upper(), f"page {number}: footer title"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_exhibit_a_starts_a_new_page_with_its_title_and_blanks(name, converted):
    c = converted[name]
    exhibit = c.draft.context.exhibit
    page = next(p for p in c.pages if exhibit.title in p)
    first_line = next(ln for ln in page.splitlines() if re.sub(r"^\s*\d{1,2}(\s|$)", "", ln).strip())
    assert "EXHIBIT A" in first_line
    assert exhibit.blanks, "the exhibit clause gives no blanks to fill in"
    # Exhibit A may run onto a second page where the fonts run wide: its blanks are read to the end.
    start = next(i for i, p in enumerate(c.pages) if exhibit.title in p)
    exhibit_text = "\n".join(c.pages[start:])
    for label in exhibit.blanks:
        # The blank may wrap to the next (numbered) line where the fonts run wide.
        assert re.search(rf"{re.escape(label)}:\s+(\d{{1,2}}\s+)?_{{10,}}", exhibit_text), label


@pytest.mark.parametrize("name", [n for n in SAMPLE_NAMES] + [LONG_COUNSEL])
def test_pleading_pages_number_28_lines_and_text_sits_on_them(name, converted):
    c = converted[name]
    if not c.pleading:
        pytest.skip(f"{c.draft.profile.id} files on ordinary paper")
    for number, words in enumerate(c.words, 1):
        numbers = _line_numbers(words)
        assert sorted(numbers) == list(range(1, 29)), f"page {number}: line numbers {sorted(numbers)}"
        grid = [numbers[n] for n in range(1, 29)]
        if number == 1:
            continue  # the single-spaced counsel block sits between the numbers by design
        body = [w for w in words if w.x0 > 1.45 * 72 and w.baseline < grid[-1] + 6]
        off = [(w.text, round(w.baseline - min(grid, key=lambda g: abs(g - w.baseline)), 1)) for w in body
               if min(abs(w.baseline - g) for g in grid) > 1.0]
        assert not off, f"page {number}: text off the numbered lines {off[:5]}"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_type_size_comes_from_the_profile(name, converted):
    c = converted[name]
    body = [w for page in c.words[1:] for w in page if w.x0 > 1.45 * 72 and w.text.isalpha() and len(w.text) > 3]
    sizes = sorted(round(w.size, 1) for w in body)
    median = sizes[len(sizes) // 2]
    assert median == pytest.approx(c.draft.profile.format.font_size_pt, abs=0.3)


def test_counsel_block_grows_instead_of_cutting_off(converted):
    c = converted[LONG_COUNSEL]
    filer = c.draft.context.filer
    page1 = " ".join(" ".join(re.sub(r"^\s*\d{1,2}(\s|$)", " ", ln) for ln in c.pages[0].splitlines()).split())
    for line in [filer.name, filer.bar_line, filer.phone, filer.email, *filer.address_lines]:
        assert line in page1, line
    assert filer.firm.split()[0] in page1 and "Partners Trial Lawyers LLP" in page1
    numbers = _line_numbers(c.words[0])
    court = next(w for w in c.words[0] if w.text == "UNITED")
    line = min(numbers, key=lambda n: abs(numbers[n] - court.baseline))
    assert line >= 9, "the longer block pushes the court title below line 8"
    assert abs(numbers[line] - court.baseline) <= 1.0, "and the court title still sits on a numbered line"


def test_cacd_magistrate_caption_order_block_and_attestation(converted):
    c = converted["segal-cacd"]
    text = c.body_text()
    right_column = _right_half(c.words[0])
    assert "[PROPOSED] STIPULATED PROTECTIVE ORDER" in right_column
    assert "DISCOVERY MATTER" in right_column
    assert right_column.count("(SSx)") == 1, "initials typed in the case number are not doubled"
    assert "L.R. 5-4.3.4" in text and "concur" in text
    assert "Suzanne H. Segal United States Magistrate Judge" in text


def test_judge_initials_follow_the_case_number_when_the_answers_leave_them_out(converted):
    right_column = _right_half(converted[NO_INITIALS].words[0])
    assert "Case No. 2:16-cv-04512-ABC (SSx)" in right_column


def test_caed_title_keeps_its_rule_reference_and_is_proposed(converted):
    right_column = _right_half(converted["bosley-caed"].words[0])
    assert "[PROPOSED] STIPULATED PROTECTIVE ORDER PURSUANT TO CIVIL LOCAL RULE 141.1" in right_column
