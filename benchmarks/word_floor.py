"""The benchmark's floor: a plain docxtpl template as big as one of our drafts, built from the draft itself.

Every paragraph of the rendered draft (body, tables, headers, footers) keeps its formatting, but its
text becomes one tag `{{ t[i] }}`; rendering that template with `t` = the draft's texts gives a document
with the same paragraphs and the same text, and docxtpl does nothing but substitute values.
"""

from __future__ import annotations

import io
from pathlib import Path

from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate


def _paragraphs(document):
    """Every paragraph: body (including table cells), then each section's headers and footers."""
    body = document.element.body
    yield from body.iter(qn("w:p"))
    seen = set()
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:  # (asking for _element would add an empty header to the document)
                continue
            element = part._element
            if id(element) in seen:
                continue
            seen.add(id(element))
            yield from element.iter(qn("w:p"))


def _text_runs(paragraph):
    return [r for r in paragraph.iter(qn("w:r")) if r.find(qn("w:t")) is not None]


def _run_text(run) -> str:
    parts = []
    for child in run:
        if child.tag == qn("w:t"):
            parts.append(child.text or "")
        elif child.tag == qn("w:tab"):
            parts.append("\t")
    return "".join(parts)


def build_floor_template(draft: Path, template_out: Path) -> list[str]:
    """Write the floor template for `draft`; return the texts to render it with (`t`)."""
    document = Document(str(draft))
    texts: list[str] = []
    for paragraph in _paragraphs(document):
        runs = _text_runs(paragraph)
        if not runs:
            continue
        text = "".join(_run_text(r) for r in runs)
        first = runs[0]
        for child in list(first):
            if child.tag in (qn("w:t"), qn("w:tab"), qn("w:br")):
                first.remove(child)
        tag = first.makeelement(qn("w:t"), {})
        tag.text = "{{ t[%d] }}" % len(texts)
        first.append(tag)
        for run in runs[1:]:
            run.getparent().remove(run)
        texts.append(text)
    document.save(str(template_out))
    return texts


def render_floor(template: Path, texts: list[str]) -> bytes:
    """Plain docxtpl, as its documentation shows it: open, render (autoescape, like ours), save."""
    doc = DocxTemplate(str(template))
    doc.render({"t": texts}, autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render_floor_cached(template_bytes: bytes, texts: list[str]) -> bytes:
    """The floor with the same once-per-process caching poassembler's renderer uses (for reference:
    ours / this is what the answers → clauses → context work costs on top of substituting text)."""
    from poassembler.pipeline.render import _ReusableTemplate, word_environment

    doc = _ReusableTemplate(io.BytesIO(template_bytes))
    doc.render({"t": texts}, jinja_env=word_environment(), autoescape=True)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def size_of(docx_bytes: bytes) -> tuple[int, int]:
    """(paragraphs, characters of text) of a .docx, counted the same way for ours and the floor's."""
    document = Document(io.BytesIO(docx_bytes))
    paragraphs = list(_paragraphs(document))
    return len(paragraphs), sum(len("".join(_run_text(r) for r in _text_runs(p))) for p in paragraphs)
