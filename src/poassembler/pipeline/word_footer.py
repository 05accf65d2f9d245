"""The case number at the lower right of every page (profile `format.footer_case_number`), in the compact
docket form some courts ask for: two-digit year, case type, four-digit number, then the judges' initials
("3:17-cv-02366-BAS-KSC" → "17cv2366-BAS-KSC"; S.D. Cal. CivLR 5.1.b as amended in 2015)."""

from __future__ import annotations

import io
import re

_NUMBER = re.compile(r"^\s*(?:\d+:)?(\d{2})-([a-z]{2})-0*(\d+)(.*?)\s*$", re.I)
FOOTER_STYLE = "PO Footer"


def compact_case_number(number: str) -> str:
    """"3:17-cv-02366-BAS-KSC" → "17cv2366-BAS-KSC"; a number of another shape is kept as written."""
    found = _NUMBER.match(number)
    if not found:
        return number.strip()
    year, kind, serial, rest = found.groups()
    return f"{year}{kind.lower()}{serial.zfill(4)}{rest}"


def add_footer_case_number(docx_bytes: bytes, number: str) -> bytes:
    """Each footer of the document gains a right-aligned last line with the compact case number."""
    import docx
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    document = docx.Document(io.BytesIO(docx_bytes))
    text = compact_case_number(number)
    style = FOOTER_STYLE if FOOTER_STYLE in [s.name for s in document.styles] else None
    done = set()
    for section in document.sections:
        for footer in (section.footer, section.first_page_footer, section.even_page_footer):
            if footer.is_linked_to_previous or id(footer._element) in done:
                continue
            done.add(id(footer._element))
            paragraph = footer.add_paragraph(text, style)
            paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()
