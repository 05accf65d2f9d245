#!/usr/bin/env python3
"""Render the templates with a stand-in context and check the result (a developer aid, not a test).

    python tools/preview_template.py                 # both templates -> /tmp/po_preview/*.docx
    python tools/preview_template.py --pdf           # also convert with LibreOffice and check the PDF
    python tools/preview_template.py --pdf --png     # ... and rasterise the pages for a look

The context mimics the RenderContext contract of docs/architecture.md with SimpleNamespace objects:
several sections with level 0/2/3 paragraphs, 2 plaintiffs, 3 defendants (one "AT&T Corp. <West>"),
3 signature blocks (one self-represented). Rendering uses a sandboxed, autoescaping Jinja environment.
With --pdf the pleading is checked line by line: numbers 1-28 on every page and every body text line
on a numbered line (or exactly half way between two, for the single-spaced counsel block).
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace as NS

import jinja2.sandbox
from docx import Document
from docxtpl import DocxTemplate

REPO = Path(__file__).resolve().parent.parent
OUT = Path("/tmp/po_preview")
NASTY = "AT&T Corp. <West>"

LOREM = ("The Parties shall meet and confer in good faith, and any Designating Party bears the burden of "
         "persuasion in any such challenge proceeding; frivolous challenges, and those made for an improper "
         "purpose (e.g., to harass or impose unnecessary expenses and burdens on other parties) may expose the "
         "Challenging Party to sanctions.")


def para(text: str, level: int = 0) -> NS:
    return NS(text=text, level=level)


def sig(firm, name, bar, addr, phone, email, role, date="Dated: November 20, 2026") -> NS:
    return NS(firm=firm, signature=f"/s/ {name}", name=name, bar_line=bar, address_lines=addr, phone=phone,
              email=email, role_line=role, date_line=date)


def context() -> dict:
    filer = sig("Example & Partners LLP", "Jane Q. Example", "State Bar No. 123456",
                ["100 Main Street, Suite 200", "Los Angeles, CA 90012"], "Telephone: (213) 555-0100",
                "jexample@example.com", "Attorneys for Plaintiffs Maria Ortega and Luis Ortega")
    sections = [
        NS(heading="PURPOSES AND LIMITATIONS", paragraphs=[
            para("Discovery in this action is likely to involve production of confidential, proprietary, or "
                 "private information for which special protection from public disclosure may be warranted. "
                 + LOREM, 0),
            para("Good Cause Statement. " + LOREM, 2),
            para("Acknowledgment of Procedure for Filing Under Seal. " + LOREM, 2),
        ]),
        NS(heading="DEFINITIONS", paragraphs=[
            para("Action: Ortega v. Pacific Harbor Logistics, Inc., et al.", 2),
            para("Challenging Party: a Party or Non-Party that challenges the designation.", 2),
            para("\"CONFIDENTIAL\" Information or Items: information that qualifies under Rule 26(c).", 2),
            para("customer pricing and margin data;", 3),
            para("personnel files of non-party employees;", 3),
            para("Counsel: Outside Counsel of Record and House Counsel (as well as their support staff).", 2),
        ]),
        NS(heading="CHALLENGING CONFIDENTIALITY DESIGNATIONS", paragraphs=[
            para("Timing of Challenges. " + LOREM, 2),
            para("Meet and Confer. " + LOREM, 2),
            para("the challenge is made in writing;", 3),
            para("the writing identifies each document by production number;", 3),
            para("Judicial Intervention. " + LOREM + " " + LOREM, 2),
        ]),
        NS(heading="FINAL DISPOSITION", paragraphs=[para(LOREM + " " + LOREM, 0), para(LOREM, 2)]),
    ]
    return {
        "court": NS(caption_lines=["UNITED STATES DISTRICT COURT", "CENTRAL DISTRICT OF CALIFORNIA",
                                   "WESTERN DIVISION"]),
        "case": NS(number_line="Case No. 2:24-cv-01234-ABC (SSx)"),
        "caption": NS(plaintiffs=["MARIA ORTEGA, an individual;", "LUIS ORTEGA, an individual,"],
                      defendants=["PACIFIC HARBOR LOGISTICS, INC., a Delaware corporation;",
                                  NASTY + ";", "DOES 1 through 10, inclusive,"],
                      plaintiff_label="Plaintiffs,", defendant_label="Defendants."),
        "document": NS(title="[PROPOSED] STIPULATED PROTECTIVE ORDER", caption_notes=["DISCOVERY MATTER"],
                       short_title="STIPULATED PROTECTIVE ORDER"),
        "filer": filer,
        "preamble": [para("IT IS HEREBY STIPULATED by and between the Parties, through their counsel of "
                          "record, that the Court enter the following Stipulated Protective Order. " + LOREM)],
        "sections": sections,
        "signatures": [
            filer,
            sig("Harbor Defense Group LLP", "Robert Roe", "State Bar No. 654321",
                ["500 Ocean Blvd.", "Long Beach, CA 90802"], "Telephone: (562) 555-0199", "rroe@example.com",
                "Attorneys for Defendant Pacific Harbor Logistics, Inc."),
            sig("", "Sam Selfrep", "", ["12 Elm Street", "Pasadena, CA 91101"], "(626) 555-0123",
                "", "Defendant " + NASTY + ", pro se"),
        ],
        "attestation": [para("Pursuant to L.R. 5-4.3.4(a)(2)(i), the filer attests that all other signatories "
                             "listed, and on whose behalf this filing is submitted, concur in the filing's "
                             "content and have authorized the filing.")],
        "order": NS(paragraphs=[para("FOR GOOD CAUSE SHOWN, IT IS SO ORDERED.")], date_line="DATED: ____________",
                    judge_name="Hon. Suzanne H. Segal", judge_title="United States Magistrate Judge"),
        "exhibit": NS(title="EXHIBIT A: ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND",
                      paragraphs=[para("I, _____________ [print or type full name], declare under penalty of "
                                       "perjury that I have read in its entirety and understand the Stipulated "
                                       "Protective Order. " + LOREM)],
                      blanks=["Printed name", "Address", "Signature", "Date"],
                      attachments=[NS(label="EXHIBIT B", description="Subpoena served on " + NASTY + " (copy attached)")]),
    }


def minimal(ctx: dict) -> dict:
    """Edge cases: no filer, no caption notes, no attestation, one party a side, level 3 right after a
    heading, a signature with nothing optional."""
    ctx = dict(ctx)
    ctx["filer"] = None
    ctx["document"] = NS(title="STIPULATED PROTECTIVE ORDER", caption_notes=[], short_title="PROTECTIVE ORDER")
    ctx["caption"] = NS(plaintiffs=["MARIA ORTEGA,"], defendants=[NASTY + ","],
                        plaintiff_label="Plaintiff,", defendant_label="Defendant.")
    ctx["attestation"] = []
    ctx["sections"] = [NS(heading="SCOPE", paragraphs=[para("first lettered item;", 3), para("second;", 3),
                                                        para("A numbered paragraph.", 2)])] + ctx["sections"]
    ctx["signatures"] = [sig("", "Pat Doe", "", [], "", "", "", date="")]
    ctx["order"] = NS(paragraphs=[para("IT IS SO ORDERED.")], date_line="Dated:", judge_name="",
                      judge_title="United States District Judge")
    return ctx


def render(name: str, *, variant: str = "full", font_pt: int | None = None) -> Path:
    tpl = DocxTemplate(REPO / "templates" / f"{name}.docx")
    if font_pt:   # what the renderer does for a profile's format.font_size_pt: edit Normal only
        from docx.shared import Pt
        tpl.init_docx()
        tpl.docx.styles["Normal"].font.size = Pt(font_pt)
    env = jinja2.sandbox.SandboxedEnvironment(autoescape=True, undefined=jinja2.StrictUndefined)
    missing = tpl.get_undeclared_template_variables(jinja_env=env)
    known = {"court", "case", "caption", "document", "filer", "preamble", "sections", "signatures",
             "attestation", "order", "exhibit"}
    assert missing <= known, f"template uses undeclared names {missing - known}"
    ctx = context() if variant == "full" else minimal(context())
    tpl.render(ctx, jinja_env=env, autoescape=True)
    OUT.mkdir(exist_ok=True)
    suffix = ("" if variant == "full" else f"-{variant}") + (f"-{font_pt}pt" if font_pt else "")
    path = OUT / f"{name}{suffix}.docx"
    tpl.save(path)
    return path


def check_docx(path: Path, variant: str = "full") -> list[str]:
    doc = Document(path)
    texts = [p.text for p in doc.paragraphs]
    for t in doc.tables:
        for c in t._cells:
            texts += [p.text for p in c.paragraphs]
    full = "\n".join(texts)
    problems = []
    needles = [NASTY, "MARIA ORTEGA", "Case No. 2:24-cv-01234-ABC (SSx)", "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND",
               "Signature: ___"]
    if variant == "full":
        needles += ["DOES 1 through 10", "[PROPOSED] STIPULATED PROTECTIVE ORDER", "DISCOVERY MATTER",
                    "/s/ Sam Selfrep", "Hon. Suzanne H. Segal"]
    for needle in needles:
        if needle not in full:
            problems.append(f"missing text {needle!r}")
    for bad in ["{%", "{{", "%}", "}}", "&amp;", "&lt;"]:
        if bad in full:
            problems.append(f"left-over {bad!r}")
    styles = {p.style.name for p in doc.paragraphs}
    for st in ["PO Heading 1", "PO Level 2", "PO Level 3", "PO Body", "PO Signature", "PO Exhibit Title"]:
        if st not in styles:
            problems.append(f"style {st} unused")
    if "PO Template Tag" in styles:
        problems.append("a tag paragraph survived rendering")
    empties = [i for i, p in enumerate(doc.paragraphs) if p.style.name == "PO Signature" and not p.text]
    if empties:
        problems.append(f"empty signature lines at {empties}")
    if doc.core_properties.title != "Stipulated Protective Order":
        problems.append("core title")
    if doc.paragraphs and "pleading" in path.name:
        if doc.sections[0].header.paragraphs[0]._p.xpath(".//w:txbxContent") == []:
            problems.append("no line-number text box")
    return problems


def to_pdf(path: Path) -> Path:
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUT), str(path)],
                   check=True, capture_output=True, timeout=180)
    return path.with_suffix(".pdf")


def words(pdf: Path):
    """(page, xMin, yMin, xMax, yMax, word) from pdftotext -bbox."""
    html = subprocess.run(["pdftotext", "-bbox", str(pdf), "-"], check=True, capture_output=True,
                          text=True).stdout
    page = 0
    out = []
    for line in html.splitlines():
        if "<page " in line:
            page += 1
        m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m:
            out.append((page, *map(float, m.groups()[:4]), m.group(5)))
    return out


def check_pleading_pdf(pdf: Path, tol: float = 1.0) -> list[str]:
    problems = []
    ws = words(pdf)
    pages = max(w[0] for w in ws)
    for pg in range(1, pages + 1):
        on_page = [w for w in ws if w[0] == pg]
        nums = {}
        for _, x0, y0, x1, y1, t in on_page:
            if x1 < 1.3 * 72 and t.isdigit():       # left margin, before the double rule
                nums[int(t)] = y1
        if sorted(nums) != list(range(1, 29)):
            problems.append(f"page {pg}: line numbers {sorted(nums)}")
            continue
        pitches = {round(nums[n + 1] - nums[n], 2) for n in range(1, 28)}
        if max(pitches) - min(pitches) > 0.2:
            problems.append(f"page {pg}: uneven number pitch {pitches}")
        grid = sorted(nums.values())
        body = [w for w in on_page if w[1] > 1.45 * 72 and w[4] < grid[-1] + 12]
        off = []
        for _, x0, y0, x1, y1, t in body:
            d = min(abs(y1 - g) for g in grid)
            dh = min(abs(y1 - g - 12) for g in grid)             # counsel block: half lines
            if d > tol and not (pg == 1 and y1 < grid[6] + 6 and dh <= tol):
                off.append((t, round(y1, 1), round(d, 1)))
        if off:
            problems.append(f"page {pg}: {len(off)} words off the grid, e.g. {off[:5]}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pdf", action="store_true")
    ap.add_argument("--png", action="store_true")
    ap.add_argument("--variant", choices=["full", "minimal"], default="full")
    ap.add_argument("--font-pt", type=int, help="set the Normal style size first (e.g. 14 for C.D. Cal.)")
    ap.add_argument("names", nargs="*", default=["standard", "pleading"])
    args = ap.parse_args()
    failed = False
    for name in args.names:
        path = render(name, variant=args.variant, font_pt=args.font_pt)
        problems = check_docx(path, args.variant)
        print(f"{path}: {'OK' if not problems else problems}")
        failed |= bool(problems)
        if args.pdf:
            pdf = to_pdf(path)
            text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout
            pages = text.count("\f")
            found = [lbl for lbl in ("1.", "1.1", "(a)", "2.3", "3.3", "4.1") if re.search(rf"(^|\s){re.escape(lbl)}\s", text)]
            print(f"  {pdf}: {pages} pages; numbering labels seen: {found}; AT&T ok: {NASTY in text}")
            if name == "pleading":
                pp = check_pleading_pdf(pdf)
                print("  pleading grid:", "OK" if not pp else "\n    ".join([""] + pp))
                failed |= bool(pp)
            if args.png:
                pngdir = OUT / f"{path.stem}_png"
                shutil.rmtree(pngdir, ignore_errors=True)
                pngdir.mkdir()
                subprocess.run(["pdftoppm", "-png", "-r", "60", str(pdf), str(pngdir / "page")], check=True)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
