"""The benchmark's floors: a plain docxtpl template as big as one of our drafts, built from the draft itself.

Every paragraph of the rendered draft (body, tables, headers, footers) keeps its formatting, but its
text becomes one tag `{{ t[i] }}`; rendering that template with `t` = the draft's texts gives a document
with the same paragraphs and the same text, and docxtpl does nothing but substitute values.

  DocxtplFloor   docxtpl at its best for many drafts: template bytes read and Jinja compiled once
  open_and_save  python-docx opening and saving the draft, no templating at all
  ZipLimit       the physical limit: XML split once at the tags, text filled in, changed parts zipped
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

from docx import Document
from docx.oxml.ns import qn
from docxtpl import DocxTemplate
from jinja2 import Environment


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


class _CompiledOnce(Environment):
    """Plain Jinja (autoescape, no sandbox) keeping each compiled part: a docxtpl user's best for many drafts."""

    def __init__(self) -> None:
        super().__init__(autoescape=True)
        self._compiled: dict[str, object] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = self._compiled[source] = super().from_string(source, globals, template_class)
        return compiled


class _PatchedOnce(DocxTemplate):
    """docxtpl's XML clean-up (a pure function of the part's XML) done once per part."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            patched = self._patched[src_xml] = super().patch_xml(src_xml)
        return patched


class DocxtplFloor:
    """The honest floor: plain docxtpl with the template's bytes loaded and its Jinja compiled once.

    Per draft it does what docxtpl must: open the package from the bytes (python-docx), render, save.
    """

    def __init__(self, template: Path):
        self.data = template.read_bytes()
        self.environment = _CompiledOnce()

    def render(self, texts: list[str]) -> bytes:
        doc = _PatchedOnce(io.BytesIO(self.data))
        doc.render({"t": texts}, jinja_env=self.environment, autoescape=True)
        buffer = io.BytesIO()
        doc.save(buffer)
        return buffer.getvalue()


def open_and_save(docx_bytes: bytes) -> bytes:
    """python-docx alone: open a .docx and save it again, no templating."""
    buffer = io.BytesIO()
    Document(io.BytesIO(docx_bytes)).save(buffer)
    return buffer.getvalue()


class ZipLimit:
    """The physical limit: the templated parts' XML split once at the tags, each draft's escaped text
    joined in, and only those parts deflated and added to a zip of the unchanged parts."""

    _TAG = re.compile(r"\{\{ t\[(\d+)\] \}\}")

    def __init__(self, template: Path, texts: list[str]):
        rendered = DocxtplFloor(template).render(["\ue000%d\ue000" % i for i in range(len(texts))])
        self.pieces: dict[str, list] = {}
        base = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(rendered)) as source, zipfile.ZipFile(base, "w", zipfile.ZIP_DEFLATED) as target:
            for info in source.infolist():
                data = source.read(info)
                if "\ue000".encode() in data:
                    parts = re.split("\ue000(\\d+)\ue000", data.decode("utf-8"))
                    self.pieces[info.filename] = [p if k % 2 == 0 else int(p) for k, p in enumerate(parts)]
                else:
                    target.writestr(info, data)
        self.base = base.getvalue()

    def render(self, texts: list[str]) -> bytes:
        buffer = io.BytesIO(self.base)
        with zipfile.ZipFile(buffer, "a", zipfile.ZIP_DEFLATED) as package:
            for name, pieces in self.pieces.items():
                xml = "".join(p if isinstance(p, str) else escape(texts[p]) for p in pieces)
                package.writestr(name, xml.encode("utf-8"))
        return buffer.getvalue()


def size_of(docx_bytes: bytes) -> tuple[int, int]:
    """(paragraphs, characters of text) of a .docx, counted the same way for ours and the floor's."""
    document = Document(io.BytesIO(docx_bytes))
    paragraphs = list(_paragraphs(document))
    return len(paragraphs), sum(len("".join(_run_text(r) for r in _text_runs(p))) for p in paragraphs)
