"""Check a Word template before anyone renders with it: tags, quotes, `{%p %}` paragraphs, names.

Every problem names the paragraph it is in (its text, shortened), because a Word user cannot see
XML line numbers.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

TAG = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
CURLY = "‘’“”"
STRAY = re.compile(r"\{\{|\{%|\{#|%\}|\}\}|#\}")


@dataclass(frozen=True)
class TemplateProblem:
    where: str  # "paragraph “…text…”" or "(whole template)"
    message: str


def _excerpt(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return "paragraph “" + (text if len(text) <= limit else text[: limit - 1] + "…") + "”"


def _paragraphs(document) -> Iterator[Any]:
    """Every paragraph: body, table cells (nested), headers and footers."""
    from docx.table import Table
    from docx.text.paragraph import Paragraph

    def walk(container) -> Iterator[Any]:
        for child in container.iter_inner_content():
            if isinstance(child, Paragraph):
                yield child
            elif isinstance(child, Table):
                for row in child.rows:
                    for cell in row.cells:
                        yield from walk(cell)

    yield from walk(document)
    for section in document.sections:
        for part in (section.header, section.footer, section.first_page_header, section.first_page_footer):
            if part.is_linked_to_previous:
                continue
            yield from walk(part)


def _run_spans(paragraph) -> list[tuple[int, int]]:
    spans, at = [], 0
    for run in paragraph.runs:
        if run.text:
            spans.append((at, at + len(run.text)))
            at += len(run.text)
    return spans


def paragraph_problems(paragraph) -> list[TemplateProblem]:
    """Tag problems inside one paragraph."""
    text = paragraph.text
    if not any(mark in text for mark in ("{", "}")):
        return []
    where = _excerpt(text)
    problems: list[TemplateProblem] = []
    # A tag only counts as split when the runs hold text the paragraph shows (hyperlinks etc. aside).
    spans = _run_spans(paragraph) if "".join(r.text for r in paragraph.runs) == text else []
    for match in TAG.finditer(text):
        tag = match.group()
        if spans and len({i for i, (a, b) in enumerate(spans) if a < match.end() and b > match.start()}) > 1:
            problems.append(TemplateProblem(where, f"the tag {tag} is split across several runs (Word formatting changes inside it): select the tag, clear its formatting or retype it in one go"))
        if any(q in tag for q in CURLY):
            problems.append(TemplateProblem(where, f"curly quotes inside the tag {tag}: use straight quotes ' or \" (turn off Word's AutoFormat “smart quotes” while editing tags)"))
        if tag.startswith("{%p") and text.strip() != tag.strip():
            problems.append(TemplateProblem(where, f"the paragraph tag {tag} shares its paragraph with other text: a {{%p … %}} tag removes its whole paragraph, so put it alone on its own line"))
    leftover = TAG.sub("", text)
    if STRAY.search(leftover):
        problems.append(TemplateProblem(where, "a tag is opened or closed without its partner in this paragraph ({{ … }}, {% … %}): a tag may not span paragraphs"))
    return problems


def _mutating_calls(tree) -> list[str]:
    """Method calls that change a list, dict or set (`answers.categories.clear()`): the render's
    immutable sandbox refuses them, so `validate` reports them first."""
    from jinja2 import nodes
    from jinja2.sandbox import _mutable_spec

    mutating = frozenset().union(*(names for _, names in _mutable_spec))
    return [call.node.attr for call in tree.find_all(nodes.Call)
            if isinstance(call.node, nodes.Getattr) and call.node.attr in mutating]


def lint_template(path: Path, roots: dict[str, Any]) -> list[TemplateProblem]:
    """Every problem in the Word template at `path`; `roots` are the names (and shapes) it may use."""
    import docx
    from docxtpl import DocxTemplate
    from jinja2 import TemplateSyntaxError

    from poassembler.authoring.placeholders import check_source
    from poassembler.pipeline.render import word_environment

    from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES, package_problems

    if path.stat().st_size > MAX_UNPACKED_BYTES:
        return [TemplateProblem("(whole template)", f"{path.stat().st_size / 2**20:,.0f} MB is far too large for a Word template")]
    if not zipfile.is_zipfile(path):
        return [TemplateProblem("(whole template)", "not a Word .docx file (not a zip package)")]
    unsafe = package_problems(path.read_bytes())
    if unsafe:
        return [TemplateProblem("(whole template)", message) for message in unsafe]
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # noqa: BLE001 - python-docx raises many kinds on a damaged package
        return [TemplateProblem("(whole template)", f"Word cannot open it ({type(exc).__name__}: {exc})")]
    paragraphs = list(_paragraphs(document))
    problems = [p for para in paragraphs for p in paragraph_problems(para)]

    template = DocxTemplate(str(path))
    template.init_docx()
    xml = template.patch_xml(template.xml_to_string(template.docx._element.body))
    for rel in template.docx.part.rels.values():
        if rel.reltype in (template.HEADER_URI, template.FOOTER_URI) and rel.target_part.blob:
            from docx.oxml import parse_xml

            xml += template.patch_xml(template.xml_to_string(parse_xml(rel.target_part.blob)))
    xml = re.sub(r"<w:p([ >])", r"\n<w:p\1", xml)  # one paragraph a line, as docxtpl renders
    env = word_environment()
    try:
        env.parse(xml)
    except TemplateSyntaxError as exc:
        lines = xml.splitlines()
        around = re.sub(r"<[^>]+>", "", lines[exc.lineno - 1]) if exc.lineno and exc.lineno <= len(lines) else ""
        problems.append(TemplateProblem(_excerpt(around) if around.strip() else "(whole template)", f"Jinja syntax error: {exc.message}"))
        return problems
    texts = [p.text for p in paragraphs]
    for call in _mutating_calls(env.parse(xml)):
        holder = next((t for t in texts if f".{call}(" in t), "")
        problems.append(TemplateProblem(_excerpt(holder) if holder else "(whole template)",
                                        f"`.{call}(…)` would change the draft's data; template tags may only show values"))
    for found in check_source(xml, roots, env).problems:
        head = found.expression.split(".")[0].split("[")[0]
        holder = next((t for t in texts if found.expression in t), None) or next((t for t in texts if head and head in t), "")
        problems.append(TemplateProblem(_excerpt(holder) if holder else "(whole template)", f"{found.expression}: {found.message}"))
    return problems
