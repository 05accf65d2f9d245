"""Build the corpus of protective orders (.docx) that `check ORDER.docx` is measured on.

Each order is the text of `content.py` for its court, laid out the way a firm might (Word automatic
numbering, typed "1.", "Section 4.2", roman numerals, a table, a text box, footnotes, pleading paper,
tracked changes and comments, the line-broken shape of a PDF converted to Word), with the defects its
sidecar file (`orders/NAME.yaml`) lists planted by the edits below. Run `python tests/corpus/build.py OUT/`.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import docx
import yaml
from docx.shared import Pt
from poassembler.pipeline.context import JUDGE_PLACEHOLDER

sys.path.insert(0, str(Path(__file__).resolve().parent))
from content import COURTS, closing, exhibit, sections  # noqa: E402
from planted import EDITS, POST  # noqa: E402  (the defects, order by order)
from wordparts import _bold, _number, _numbering, _text_box_run  # noqa: E402

ORDERS = Path(__file__).resolve().parent / "orders"
ROMAN = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV", "XV"]


# --- layouts ------------------------------------------------------------------------------------------------

def _caption(document, spec, pleading=False):
    if pleading:
        header = document.sections[0].header.paragraphs[0]
        _text_box_run(header, [str(n) for n in range(1, 29)])
        for line in ("Alex Smith (SBN 111111)", "Smith & Partners LLP", "1 Market Street, Suite 100", "Attorneys for Plaintiff"):
            document.add_paragraph(line)
    for line in ("UNITED STATES DISTRICT COURT", spec["caption_court"]):
        document.add_paragraph(line).alignment = 1
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = "DANA ORTIZ,\nPlaintiff,\nv.\nHARBOR FREIGHT LINES, INC.,\nDefendant."
    table.cell(0, 1).text = f"Case No. {spec['case_number']}"
    table.cell(0, 1).add_paragraph(spec.get("title", "[PROPOSED] STIPULATED PROTECTIVE ORDER"))
    for note in spec.get("caption_notes", COURTS[spec["court"]].get("caption_notes", ())):
        table.cell(0, 1).add_paragraph(note)


def _ref(layout, number):
    return f"Section {ROMAN[number - 1]}" if layout == "roman" else f"Section {number}"


def lay_out(document, spec, secs):
    """Write the sections in the spec's layout; return the paragraph objects by (section, index) for later edits."""
    layout = spec["layout"]
    where = {}
    num_id = None
    if layout in ("auto", "textbox"):
        num_id = _numbering(document, [("decimal", "%1."), ("decimal", "%1.%2"), ("lowerLetter", "(%3)")])
    for s, (heading, paras) in enumerate(secs, 1):
        if layout in ("auto", "textbox"):
            head = document.add_paragraph(heading, style="Heading 1")
            _number(head, num_id, 0)
        elif layout == "typed" or layout == "pleading" or layout == "table":
            head = _bold(document.add_paragraph(), f"{s}.\t{heading}")
        elif layout == "section":
            head = _bold(document.add_paragraph(), f"Section {s}. {heading.title()}")
        elif layout == "roman":
            head = _bold(document.add_paragraph(), f"{ROMAN[s - 1]}. {heading}")
        where[(heading, None)] = head
        if layout == "table" and heading == spec.get("table_section"):
            intro, rows = paras[0], paras[1:]
            document.add_paragraph(f"{s}.1 {intro}")
            table = document.add_table(rows=len(rows) + 1, cols=2)
            table.cell(0, 0).text, table.cell(0, 1).text = "Category", "Specific harm of disclosure"
            for r, row in enumerate(rows, 1):
                category, _, harm = row.partition(". ")
                table.cell(r, 0).text, table.cell(r, 1).text = category, harm
                where[(heading, r)] = table.cell(r, 1).paragraphs[0]
            continue
        for p, text in enumerate(paras, 1):
            text = text.replace("Section 5", _ref(layout, 5))
            if layout in ("auto", "textbox"):
                para = document.add_paragraph(text)
                _number(para, num_id, 1)
            elif layout == "roman":
                para = document.add_paragraph(f"{chr(64 + p)}. {text}")
            else:
                para = document.add_paragraph(f"{s}.{p} {text}")
            where[(heading, p)] = para
    return where


def build_order(spec: dict, out: Path) -> Path:
    court = spec["court"]
    secs = sections(court)
    close, exh = closing(court), exhibit(court)
    for edit in EDITS.get(spec["name"], ()):
        edit(secs, close, exh)
    document = docx.Document()
    document.styles["Normal"].font.size = Pt(12)
    _caption(document, spec, pleading=spec["layout"] == "pleading")
    document.add_paragraph("The Parties, through their counsel, stipulate to the following order.")
    where = lay_out(document, spec, secs)
    for line in close:
        document.add_paragraph(line)
    document.add_page_break()
    for line in exh:
        document.add_paragraph(line)
    for post in POST.get(spec["name"], ()):
        post(document, where)
    path = out / f"{spec['name']}.docx"
    document.save(str(path))
    return path


def load_specs() -> list[dict]:
    specs = []
    for path in sorted(ORDERS.glob("*.yaml")):
        spec = yaml.safe_load(path.read_text(encoding="utf-8"))
        spec["name"] = path.stem
        specs.append(spec)
    return specs


def build_all(out: Path) -> list[tuple[dict, Path]]:
    from pdf_shape import build_pdf_shaped

    out.mkdir(parents=True, exist_ok=True)
    built = []
    for spec in load_specs():
        if spec["layout"] == "pdf":
            built.append((spec, build_pdf_shaped(spec, out)))
        elif spec["layout"] == "ours":
            built.append((spec, build_from_sample(spec, out)))
        else:
            built.append((spec, build_order(spec, out)))
    return built


def build_from_sample(spec: dict, out: Path) -> Path:
    """Render one of our samples with poassembler, then edit it as another firm might."""
    from poassembler.library.answers import load_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline.draft import plan_draft, render_draft

    library = load_library()
    root = Path(__file__).resolve().parents[2]
    rendered = out / f".{spec['name']}.rendered.docx"
    render_draft(plan_draft(load_answers(root / "samples" / spec["sample"]), library), library, rendered, force=True)
    document = docx.Document(str(rendered))
    for paragraph in document.paragraphs:
        if paragraph.text.startswith("I submit to the jurisdiction"):
            paragraph._p.getparent().remove(paragraph._p)
        elif paragraph.text.startswith("“Action”"):
            for run in paragraph.runs:
                run.text = run.text.replace("Eastern District of New York", "Southern District of New York")
        elif paragraph.text.startswith("I, the undersigned"):
            for run in paragraph.runs:  # the case number left as a blank to fill in
                run.text = re.sub(r"Case No\. [^,]+", "Case No. [CASE NUMBER]", run.text)
        for run in paragraph.runs:  # the firm fills in the judge's title where our draft left a placeholder
            run.text = run.text.replace(JUDGE_PLACEHOLDER, "United States Magistrate Judge")
    path = out / f"{spec['name']}.docx"
    document.save(str(path))
    rendered.unlink()
    return path


if __name__ == "__main__":
    for spec, path in build_all(Path(sys.argv[1] if len(sys.argv) > 1 else "corpus-out")):
        print(path)
