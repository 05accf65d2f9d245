"""A Word template prepared once per process, so that each draft builds only the parts that change.

docxtpl, per draft, re-opens the whole package with python-docx (parsing every part, ~360 KB of styles
among them), renders, and saves every part again. Everything but the body, headers and footers is the
same for every draft of one template and type size, so it is prepared once: docxtpl's XML clean-up and
the compiled Jinja template of each templated part, and a base package (styles set to the profile's
type size, core properties rendered, every other part as python-docx writes it). A draft renders the
templated parts exactly as `DocxTemplate.render` does (same clean-up, same table and id fixes, same
parser and serialiser) and appends them to a copy of the base package: every part's XML is the same,
byte for byte, as docxtpl's (tests/test_render_prepared.py compares them).

Templates using what this path does not reproduce (footnotes, tags in the core properties) are
rendered by plain docxtpl (`prepare` returns None).
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass
from typing import Any

from docx import Document
from docx.document import _Body
from docx.opc.constants import CONTENT_TYPE
from docx.opc.oxml import serialize_part_xml
from docx.oxml.ns import qn
from docx.oxml.parser import parse_xml
from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import Template, TemplateError

from poassembler.pipeline.word_pleading import counsel_table, fit_counsel_table, has_counsel_style, set_counsel_spacing

# The core properties docxtpl renders as templates (DocxTemplate.render_properties).
_CORE_PROPERTIES = ("author", "comments", "identifier", "language", "subject", "title")
_PARAGRAPH_BREAKS = re.compile(r"<w:p([ >])")
_LISTING_CHARACTERS = ("\t", "\a", "\n", "\f")  # what docxtpl's resolve_listing rewrites inside w:t


@dataclass(frozen=True)
class _TemplatedPart:
    """One part with tags: its zip member name, its cleaned-up source (for error context) and compiled template."""

    member: str
    source: str
    compiled: Template
    encoding: str = "utf-8"


@dataclass(frozen=True)
class RenderedParts:
    """One draft's templated parts, serialised; `counsel`: whether it has a counsel block (its style is then set)."""

    parts: dict[str, bytes]
    counsel: bool


class PreparedTemplate:
    """One Word template, prepared: `render` a draft's parts, then `package` them."""

    def __init__(self, template: DocxTemplate, data: bytes, environment, sized_styles: tuple[str, ...]):
        self._data = data
        self._environment = environment
        self._document = template.docx  # never rendered: its styles answer style lookups for the counsel block
        self._sized_styles = sized_styles
        self._counsel = has_counsel_style(self._document.styles)
        self._document_xml = serialize_part_xml(self._document.element)
        self.body = _compile(environment, template, self._document.part.partname.membername, template.get_xml())
        self.parts = tuple(
            _compile(environment, template, part.partname.membername, template.get_part_xml(part))
            for uri in (DocxTemplate.HEADER_URI, DocxTemplate.FOOTER_URI)
            for _, part in template.get_headers_footers(uri)
        )
        self._members = {self.body.member, *(p.member for p in self.parts)}
        self._bases: dict[tuple, bytes] = {}
        self._unpacked: dict[int, tuple[bytes, dict[str, bytes]]] = {}
        self._unstyled = template.docx  # the first base is made from it (style names and ids, all lookups need, stay)

    def render(self, context: dict[str, Any], font_size_pt: float) -> RenderedParts:
        """Render the body, headers and footers as `DocxTemplate.render` does; fit the counsel block, if any."""
        fixer = DocxTemplate(None)
        fixer.docx_ids_index = 1000
        tree = fixer.fix_tables(_render(self.body, context, fixer))
        fixer.fix_docpr_ids(tree)
        root = parse_xml(self._document_xml)
        root.replace(root.find(qn("w:body")), tree)
        del tree  # from here on the body's elements are python-docx's classes (found again through the root)
        table = None
        if self._counsel:
            table = counsel_table(_Body(root.find(qn("w:body")), self._document).tables)
            if table is not None:
                fit_counsel_table(table, font_size_pt)
        parts = {self.body.member: serialize_part_xml(root)}
        for part in self.parts:
            parts[part.member] = serialize_part_xml(parse_xml(_render(part, context, fixer).encode(part.encoding)))
        return RenderedParts(parts, table is not None)

    def package(self, rendered: RenderedParts, font_size_pt: float, font_name: str) -> bytes:
        """The .docx: the base package for this format, with the draft's parts added.

        Raises KeyError when the template lacks a style the format sets (as python-docx does).
        """
        base = self._base(font_size_pt, font_name, rendered.counsel)
        buffer = io.BytesIO(base)
        with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as package:
            for member, data in rendered.parts.items():
                package.writestr(member, data)
        out = buffer.getvalue()
        _LAST[:] = [out, {**self._base_parts(base), **rendered.parts}]
        return out

    def _base_parts(self, base: bytes) -> dict[str, bytes]:
        """Every part of a base package, uncompressed (read once per base)."""
        parts = self._unpacked.get(id(base))
        if parts is None or parts[0] is not base:
            with zipfile.ZipFile(io.BytesIO(base)) as archive:
                parts = self._unpacked[id(base)] = (base, {name: archive.read(name) for name in archive.namelist()})
        return parts[1]

    def _base(self, font_size_pt: float, font_name: str, counsel: bool) -> bytes:
        """Every part but the templated ones, as docxtpl + python-docx write them for this format (built once)."""
        key = (font_size_pt, font_name, counsel)
        base = self._bases.get(key)
        if base is None:
            document, self._unstyled = self._unstyled or Document(io.BytesIO(self._data)), None
            set_type(document.styles, self._sized_styles, font_size_pt, font_name)
            if counsel:
                set_counsel_spacing(document.styles, font_size_pt)
            core = document.core_properties
            for name in _CORE_PROPERTIES:  # docxtpl sets each one, rendered (prepare() made sure they hold no tags)
                setattr(core, name, self._environment.from_string(getattr(core, name)).render({}))
            saved = io.BytesIO()
            document.save(saved)
            out = io.BytesIO()
            with zipfile.ZipFile(saved) as source, zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as target:
                for info in source.infolist():
                    if info.filename not in self._members:
                        target.writestr(info, source.read(info))
            base = self._bases[key] = out.getvalue()
        return base


def set_type(styles, sized_styles, font_size_pt: float, font_name: str) -> None:
    """The court's type: size and face of the body styles, and the document default run size.

    The default (styles.xml w:docDefaults) is what any style not based on Normal inherits; styles that
    set their own size (footers, deliberately smaller text) keep it. Both render paths call this.
    Raises KeyError when the template lacks a style the format sets (as python-docx does).
    """
    for name in sized_styles:
        style = styles[name]
        style.font.size = Pt(font_size_pt)
        style.font.name = font_name
    half_points = str(round(font_size_pt * 2))
    defaults = styles.element.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = styles.element.makeelement(qn("w:docDefaults"), {})
        styles.element.insert(0, defaults)
    run = _child(_child(defaults, "w:rPrDefault", first=True), "w:rPr")
    run.get_or_add_sz().set(qn("w:val"), half_points)  # python-docx's CT_RPr keeps the schema's child order
    complex_size = run.find(qn("w:szCs"))
    if complex_size is not None:
        complex_size.set(qn("w:val"), half_points)


def _child(parent, tag: str, first: bool = False):
    """`parent`'s `tag` child, added (first, or last) when it has none."""
    child = parent.find(qn(tag))
    if child is None:
        child = parent.makeelement(qn(tag), {})
        parent.insert(0, child) if first else parent.append(child)
    return child


_LAST: list = []  # [the last package made in this process, its parts uncompressed]


def parts_of(docx: bytes) -> dict[str, bytes] | None:
    """The parts of `docx`, uncompressed, when it is the package this process made last (so the document check
    reads them without unzipping the draft again); else None."""
    last = _LAST[:]
    return last[1] if last and last[0] is docx else None


def prepare(template: DocxTemplate, data: bytes, environment, sized_styles: tuple[str, ...]) -> PreparedTemplate | None:
    """`template` (opened from `data`, not rendered) prepared, or None when only plain docxtpl renders it
    faithfully (footnotes, tags in the core properties)."""
    document = template.docx
    if any(part.content_type == CONTENT_TYPE.WML_FOOTNOTES for part in document.part.package.iter_parts()):
        return None
    core = document.core_properties
    if any(mark in (getattr(core, name) or "") for name in _CORE_PROPERTIES for mark in ("{", "%}", "#}")):
        return None
    return PreparedTemplate(template, data, environment, sized_styles)


def _compile(environment, template: DocxTemplate, member: str, xml: str) -> _TemplatedPart:
    """docxtpl's clean-up and compile step for one part (`render_xml_part`, done once)."""
    encoding = template.get_headers_footers_encoding(xml)
    source = _PARAGRAPH_BREAKS.sub(r"\n<w:p\1", template.patch_xml(xml))
    try:
        compiled = environment.from_string(source)
    except TemplateError as exc:
        _add_context(exc, source)
        raise
    return _TemplatedPart(member, source, compiled, encoding)


def _render(part: _TemplatedPart, context: dict[str, Any], fixer: DocxTemplate) -> str:
    """`DocxTemplate.render_xml_part` with a compiled template (its resolve_listing only when there is something to resolve)."""
    try:
        xml = part.compiled.render(context)
    except TemplateError as exc:
        _add_context(exc, part.source)
        raise
    xml = xml.replace("\n<w:p ", "<w:p ").replace("\n<w:p>", "<w:p>")  # docxtpl's re.sub(r"\n<w:p([ >])", r"<w:p\1")
    xml = xml.replace("{_{", "{{").replace("}_}", "}}").replace("{_%", "{%").replace("%_}", "%}")
    if any(c in xml for c in _LISTING_CHARACTERS):
        xml = fixer.resolve_listing(xml)
    return xml


def _add_context(exc: TemplateError, source: str) -> None:
    """The lines around the error, without their XML tags (as docxtpl reports them)."""
    if getattr(exc, "lineno", None) is not None:
        line = max(exc.lineno - 4, 0)
        exc.docx_context = [re.sub(r"<[^>]+>", "", x) for x in source.splitlines()[line: line + 7]]
