"""The corpus order converted from a PDF: one Word paragraph per printed line, pleading line numbers at the
start of each line, and the court's ECF header on every page, as PDF-to-Word conversion leaves them."""

from __future__ import annotations

import textwrap
from pathlib import Path

import docx

from content import closing, exhibit, sections


def _lines(spec: dict) -> list[str]:
    court = spec["court"]
    out = ["UNITED STATES DISTRICT COURT", spec["caption_court"], f"Case No. {spec['case_number']}",
           "[PROPOSED] STIPULATED PROTECTIVE ORDER"]
    for s, (heading, paras) in enumerate(sections(court), 1):
        out.append(f"{s}. {heading}")
        for p, text in enumerate(paras, 1):
            text = text.replace("“Action”: the case captioned above.", "“Action”: [PARTY NAME] v. Harbor Freight Lines, the case captioned above.")
            text = text.replace("Section 5", "Section 16")
            out += textwrap.wrap(f"{s}.{p} {text}", 72)
    for line in closing(court):
        out.append(line)
    for line in exhibit(court):
        line = line.replace("Eastern District of New York in this case", "Southern District of New York in this case")
        out += textwrap.wrap(line, 72)
    return out


def build_pdf_shaped(spec: dict, out: Path) -> Path:
    document = docx.Document()
    lines = _lines(spec)
    pages = (len(lines) + 27) // 28
    for i, line in enumerate(lines):
        if i % 28 == 0:
            document.add_paragraph(f"Case 1:16-cv-06915-ARR-LB Document 31 Filed 11/02/26 Page {i // 28 + 1} of {pages} PageID #: {400 + i // 28}")
        document.add_paragraph(f"{i % 28 + 1} {line}")
    path = out / f"{spec['name']}.docx"
    document.save(str(path))
    return path
