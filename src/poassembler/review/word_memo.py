"""The drafting memo as a Word document (python-docx), from the same `Memo` as the Markdown."""

from __future__ import annotations

import io

from poassembler.review.memo import Memo


def memo_docx(memo: Memo) -> bytes:
    """A plain, readable memo: title, case facts, one heading per section, entries as bold titles with bullets."""
    import docx
    from docx.shared import Pt

    document = docx.Document()
    normal = document.styles["Normal"]
    normal.font.name = "Times New Roman"
    normal.font.size = Pt(11)
    document.add_heading(memo.title, level=0)
    for label, value in memo.facts:
        paragraph = document.add_paragraph()
        paragraph.add_run(f"{label}: ").bold = True
        paragraph.add_run(value)
        paragraph.paragraph_format.space_after = Pt(0)
    for section in memo.sections:
        document.add_heading(section.heading, level=1)
        for text in section.paragraphs:
            document.add_paragraph(text)
        if section.table:
            add_table(document, section.table)
        for entry in section.entries:
            title = document.add_paragraph()
            title.add_run(entry.title).bold = True
            title.paragraph_format.keep_with_next = True
            title.paragraph_format.space_after = Pt(2)
            for line in entry.lines:
                document.add_paragraph(line, style="List Bullet")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def add_table(document, rows) -> None:
    """A Word table with a bold header row (the first row), in the document's "Table Grid" style."""
    table = document.add_table(rows=0, cols=len(rows[0]))
    table.style = document.styles["Table Grid"]
    for index, row in enumerate(rows if len(rows) > 1 else list(rows) + [("(none found)",) + ("",) * (len(rows[0]) - 1)]):
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
            if index == 0:
                for run in cell.paragraphs[0].runs:
                    run.bold = True
    if rows:
        from docx.oxml.ns import qn
        from docx.oxml import OxmlElement

        header = table.rows[0]._tr.get_or_add_trPr()
        repeat = OxmlElement("w:tblHeader")
        repeat.set(qn("w:val"), "true")
        header.append(repeat)
