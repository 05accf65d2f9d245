"""A filed paper on the court's own paper: a paper rendered on the court's template (counsel block, caption,
line numbers, page numbers, footer), kept down to its caption so another paper's body can follow.

The motion that asks the court to enter the order is written on it, so both papers follow the profile's
`format.template` (e.g. S.D. Cal. CivLR 5.1: 28-line numbered paper, counsel at the top left).
"""

from __future__ import annotations

import io

TITLE_STYLE = "PO Title"
KEPT_AFTER_TITLE = ("PO Caption Note",)  # caption lines under the title ("DISCOVERY MATTER")
BODY_STYLE = "PO Body"


def court_paper(rendered_docx: bytes):
    """The rendered paper cut below its caption: a python-docx Document whose added paragraphs take the
    court paper's body style; None when the template has no title paragraph to cut at."""
    import docx
    from docx.oxml.ns import qn

    document = docx.Document(io.BytesIO(rendered_docx))
    body = document.element.body
    titles = [p for p in _all_paragraphs(document) if p.style is not None and p.style.name == TITLE_STYLE]
    if not titles:
        return None
    top = titles[0]._element
    while top.getparent() is not body:
        top = top.getparent()
    note_ids = {s.style_id for s in document.styles if s.name in KEPT_AFTER_TITLE}
    keeping = True
    for child in list(body)[list(body).index(top) + 1:]:
        if child.tag == qn("w:sectPr"):
            continue
        style = child.find(qn("w:pPr") + "/" + qn("w:pStyle"))
        if keeping and style is not None and style.get(qn("w:val")) in note_ids:
            continue
        keeping = False
        body.remove(child)
    if BODY_STYLE in [s.name for s in document.styles]:
        _use_body_style(document)
    return document


def _all_paragraphs(document):
    yield from document.paragraphs
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                yield from cell.paragraphs


def _use_body_style(document) -> None:
    """Paragraphs added from here on take the court paper's body style (double spacing on pleading paper)."""
    original = document.add_paragraph

    def add_paragraph(text: str = "", style=None):
        return original(text, style or BODY_STYLE)

    document.add_paragraph = add_paragraph
