"""Read a .docx the way a reader sees it: every paragraph in order, table cells, headers, footers."""

from __future__ import annotations

from pathlib import Path

import docx
from docx.document import Document
from docx.table import Table
from docx.text.paragraph import Paragraph


def _blocks(container) -> list[str]:
    out: list[str] = []
    for child in container.iter_inner_content():
        if isinstance(child, Paragraph):
            out.append(child.text)
        elif isinstance(child, Table):
            for row in child.rows:
                for cell in row.cells:
                    out += _blocks(cell)
    return out


def paragraphs(path: Path) -> list[str]:
    """Body paragraphs and table cells, in document order."""
    return _blocks(docx.Document(str(path)))


def full_text(path: Path) -> str:
    """Everything: body, tables, headers and footers, one paragraph a line."""
    document: Document = docx.Document(str(path))
    lines = _blocks(document)
    for section in document.sections:
        for part in (section.header, section.footer):
            lines += _blocks(part)
    return "\n".join(lines)


def styled(path: Path, style_prefix: str) -> list[str]:
    """Text of the body paragraphs whose style name starts with `style_prefix`."""
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style is not None and p.style.name.startswith(style_prefix)]
