"""Word rendering with docxtpl. Word-file code lives only here and in the `word_*.py` modules.

The draft is rendered in memory; `atomic.write_atomically` puts it on disk. Each Word template is read,
cleaned up for Jinja (docxtpl's `patch_xml`) and compiled once per process; every draft after the first
only renders the compiled template into a fresh copy of the document.
"""

from __future__ import annotations

import io
import re
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import FunctionLoader, StrictUndefined, TemplateError, TemplateNotFound, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from poassembler.pipeline.context import RenderContext
from poassembler.errors import BadLibrary
from poassembler.library.profiles import Format
from poassembler.library.textpolicy import xml_illegal_character
from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES, package_problems
from poassembler.pipeline.word_pleading import fit_counsel_block

# Paragraph styles whose font size follows the profile (the template owns face, spacing and numbering).
_SIZED_STYLES = ("Normal",)


# docxtpl turns "{_{", "}_}", "{_%" and "%_}" in the rendered XML into "{{", "}}", "{%" and "%}"
# (its escape for literal tags in templates). An "_" next to a brace, or at either end of a value
# (where it could meet a brace in the template or the next value), is written as the character
# reference "&#95;", which Word reads back as "_": the user's text survives exactly.
_DOCXTPL_UNDERSCORE = re.compile(r"(?:(?<=\{)|^)_|_(?=\}|$)")


def word_value(value: Any) -> Markup:
    """How every `{{ … }}` value reaches the Word XML: escaped, and safe from docxtpl's tag rewriting."""
    text = str(escape(value))
    bad = xml_illegal_character(text)
    if bad:
        raise BadLibrary(
            f"a value in the draft contains the control character U+{ord(bad):04X}, which Word cannot store: "
            f"{text[:80]!r}.",
            hint="Remove it from the profile or clause that supplies this text.",
        )
    return Markup(_DOCXTPL_UNDERSCORE.sub("&#95;", text))


def _no_includes(name: str) -> None:
    """Templates cannot include, import or extend other files: nothing outside the template is read."""
    return None


# How many compiled sources (document parts of the templates in use) and template files to keep per process.
_CACHE_SIZE = 64


class WordEnvironment(ImmutableSandboxedEnvironment):
    """Sandboxed like clause text: no Python internals, and no changing the answers or the profile (a tag
    such as `answers.categories.clear()` is refused). Autoescape on (a party named "AT&T Corp. <West>"
    must survive); a missing name is an error; values pass through `word_value`; `{% include %}` /
    `{% extends %}` find nothing.

    docxtpl compiles each document part with `from_string` on every render; the same template gives the
    same source, so the compiled template is kept and reused.
    """

    def __init__(self) -> None:
        from poassembler.pipeline.expressions import environment

        super().__init__(autoescape=True, undefined=StrictUndefined, finalize=word_value, loader=FunctionLoader(_no_includes))
        # Clause text copied into a template (template export) uses the clause filters (join_and, …).
        self.filters.update({name: f for name, f in environment().filters.items() if name not in self.filters})
        self._compiled: dict[str, Any] = {}

    def from_string(self, source, globals=None, template_class=None):  # noqa: A002 — Jinja's signature
        if globals is not None or template_class is not None or not isinstance(source, str):
            return super().from_string(source, globals, template_class)
        compiled = self._compiled.get(source)
        if compiled is None:
            compiled = super().from_string(source)
            if len(self._compiled) >= _CACHE_SIZE:
                self._compiled.clear()
            self._compiled[source] = compiled
        return compiled


@lru_cache(maxsize=1)
def word_environment() -> WordEnvironment:
    """The one environment for Word templates in this process (it holds the compiled templates)."""
    return WordEnvironment()


class _ReusableTemplate(DocxTemplate):
    """A DocxTemplate whose XML clean-up (a pure function of the part's XML) is done once per template."""

    _patched: dict[str, str] = {}

    def patch_xml(self, src_xml: str) -> str:
        patched = self._patched.get(src_xml)
        if patched is None:
            patched = super().patch_xml(src_xml)
            if len(self._patched) >= _CACHE_SIZE:
                self._patched.clear()
            self._patched[src_xml] = patched
        return patched


def render_docx(template_path: Path, context: RenderContext, fmt: Format, extra: dict | None = None) -> bytes:
    """Render the Word template with the context (and `extra` names, see template_names.py); return the .docx bytes.

    Anything wrong with the template (not a .docx, corrupt, a bad tag, a name the draft does not
    provide, something the sandbox refuses) is a `BadLibrary` naming the template.
    """
    template = _open_template(template_path)
    try:
        template.render({**(extra or {}), **context.as_template_data()}, jinja_env=word_environment(), autoescape=True)
    except SecurityError as exc:
        raise BadLibrary(
            f"{template_path}: a tag was refused by the sandbox ({str(exc).rstrip('.')}).",
            hint="Template tags may only show the draft's values (see docs/architecture.md, Render context).",
        ) from None
    except UndefinedError as exc:
        raise BadLibrary(f"{template_path}: the template uses a name the draft does not provide ({exc.message}).") from None
    except TemplateNotFound as exc:
        raise BadLibrary(f"{template_path}: a Word template cannot include, import or extend files (it asked for '{exc.name}').") from None
    except TemplateError as exc:
        around = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())[:200]
        raise BadLibrary(
            f"{template_path}: template error: {exc}.",
            problems=[f"near: {around}"] if around else None,
            hint="Open the template in Word and check the tag (straight quotes, one run per tag).",
        ) from None
    except BadLibrary:
        raise
    except Exception as exc:  # lxml, zip and python-docx errors from a damaged part or a tag that breaks the XML
        raise BadLibrary(f"{template_path}: not a usable Word template ({type(exc).__name__}: {exc}).") from None
    _check_complete(template_path, template, context)
    try:
        _apply_format(template, fmt)
    except KeyError as exc:
        raise BadLibrary(f"{template_path}: the template has no {exc} paragraph style.", hint="Start from templates/standard.docx.") from None
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _open_template(template_path: Path) -> DocxTemplate:
    """Open the .docx (its bytes read once per process); a missing, renamed, truncated or damaged file is a `BadLibrary`."""
    try:
        stat = template_path.stat() if template_path.is_file() else None
    except OSError:
        stat = None
    if stat is None:
        raise BadLibrary(f"{template_path}: Word template not found.", hint="Check `format.template` in the profile.")
    hint = "Re-save it from Word as a .docx (Word Document), or use one of the built-in templates."
    if stat.st_size > MAX_UNPACKED_BYTES:
        raise BadLibrary(f"{template_path}: {stat.st_size / 2**20:,.0f} MB is far too large for a Word template.", hint=hint)
    data = _read_template(template_path.resolve(), stat.st_mtime_ns, stat.st_size)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadLibrary(f"{template_path}: not a Word .docx file (not a zip package; damaged or renamed?).", hint=hint)
    problems = _package_problems(template_path.resolve(), stat.st_mtime_ns, stat.st_size)
    if problems:
        raise BadLibrary(f"{template_path}: not a safe Word template.", problems, hint=hint)
    template = _ReusableTemplate(io.BytesIO(data))
    try:
        template.init_docx()
    except Exception as exc:  # python-docx: PackageNotFoundError, KeyError (missing part), ValueError (not Word), lxml errors
        raise BadLibrary(f"{template_path}: not a usable Word .docx file ({type(exc).__name__}: {exc}).", hint=hint) from None
    return template


@lru_cache(maxsize=_CACHE_SIZE)
def _read_template(template_path: Path, mtime_ns: int, size: int) -> bytes:
    """The template file's bytes; the modification time and size in the key read a changed file again."""
    return template_path.read_bytes()


@lru_cache(maxsize=_CACHE_SIZE)
def _package_problems(template_path: Path, mtime_ns: int, size: int) -> tuple[str, ...]:
    """What word_package.py refuses in this template file (checked once per file version)."""
    return tuple(package_problems(_read_template(template_path, mtime_ns, size)))


# Parts of the draft whose text must all be in the rendered body when the template shows them: a last
# check that nothing was cut off (docxtpl re-reads the rendered XML with lxml's `recover=True`, which
# silently drops everything after a text node larger than libxml2's limit).
_LANDMARKS = {
    "sections": lambda c: [s.heading for s in c.sections],
    "signatures": lambda c: [b.name for b in c.signatures],
    "exhibit": lambda c: [c.exhibit.title],
}


def _check_complete(template_path: Path, template: DocxTemplate, context: RenderContext) -> None:
    """Raise BadLibrary unless every section heading, signature and Exhibit A title the template shows
    is in the rendered body (each kind in its order; the template decides where each kind goes)."""
    shown = _shown_names(template_path.resolve(), *_stamp(template_path))
    groups = [[t for t in _LANDMARKS[name](context) if t] for name in _LANDMARKS if name in shown]
    if not any(groups):
        return
    body = "".join("".join(template.docx._element.body.itertext()).split())  # spaces and line breaks aside
    for texts in groups:
        at = 0
        for text in texts:
            found = body.find("".join(text.split()), at)
            if found < 0:
                raise BadLibrary(
                    f"{template_path}: the rendered draft is incomplete: “{text[:80]}” is missing, so it and what "
                    "follows were cut off or left out. Nothing was written.",
                    hint="Check very long text in the answers or the clauses; if the template should show every "
                    "section, report this with the answers file.",
                )
            at = found


def _stamp(path: Path) -> tuple[int, int]:
    stat = path.stat()
    return stat.st_mtime_ns, stat.st_size


@lru_cache(maxsize=_CACHE_SIZE)
def _shown_names(template_path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    """Which of the landmark names the template's body mentions."""
    with zipfile.ZipFile(io.BytesIO(_read_template(template_path, mtime_ns, size))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8", "replace")
    return frozenset(name for name in _LANDMARKS if re.search(rf"\b{name}\b", xml))


def _apply_format(template: DocxTemplate, fmt: Format) -> None:
    styles = template.docx.styles
    for name in _SIZED_STYLES:
        style = styles[name]
        style.font.size = Pt(fmt.font_size_pt)
        style.font.name = fmt.font_name
    fit_counsel_block(template.docx, fmt.font_size_pt)
