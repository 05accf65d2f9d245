"""Word rendering with docxtpl. Word-file code lives only here and in the `word_*.py` modules.

The draft is rendered in memory; `atomic.write_atomically` puts it on disk. Each Word template is read,
cleaned up for Jinja (docxtpl's `patch_xml`), compiled and prepared once per process (word_prepared.py):
a draft renders only its body, headers and footers and adds them to the package prepared for its type
size. Plain docxtpl (`plain_docxtpl=True`) gives the same XML and stays the reference.
"""

from __future__ import annotations

import io
import re
import zipfile
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any

from docxtpl import DocxTemplate
from jinja2 import FunctionLoader, StrictUndefined, TemplateError, TemplateNotFound, UndefinedError
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError
from markupsafe import Markup, escape

from poassembler.pipeline import jinja_cache
from poassembler.pipeline.context import RenderContext
from poassembler.errors import BadLibrary
from poassembler.library.profiles import Format
from poassembler.library.textpolicy import xml_illegal_character
from poassembler.pipeline.word_package import MAX_UNPACKED_BYTES, package_problems
from poassembler.pipeline.word_pleading import fit_counsel_block
from poassembler.pipeline.word_prepared import PreparedTemplate, prepare, set_type

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
        if compiled is None:  # what `super().from_string(source)` does, with the code kept between runs
            code = jinja_cache.cached_code("template", self, source, lambda: self.compile(source))
            compiled = self.template_class.from_code(self, code, self.make_globals(None), None)
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


def render_docx(
    template_path: Path, context: RenderContext, fmt: Format, extra: dict | None = None, plain_docxtpl: bool = False
) -> bytes:
    """Render the Word template with the context (and `extra` names, see template_names.py); return the .docx bytes.

    `plain_docxtpl`: render as `DocxTemplate.render` + save do, re-opening the template (the reference
    the prepared path matches part by part; slower).

    Anything wrong with the template (not a .docx, corrupt, a bad tag, a name the draft does not
    provide, something the sandbox refuses) is a `BadLibrary` naming the template.
    """
    data = {**(extra or {}), **context.as_template_data()}
    with _template_errors(template_path):
        prepared = None if plain_docxtpl else _prepared(template_path)
        if prepared is None:  # a template only plain docxtpl renders faithfully (word_prepared.prepare)
            template = _open_template(template_path)
            template.render(data, jinja_env=word_environment(), autoescape=True)
        else:
            rendered = prepared.render(data, fmt.font_size_pt)
    try:
        if prepared is not None:
            out = prepared.package(rendered, fmt.font_size_pt, fmt.font_name)
        else:
            _apply_format(template, fmt)
    except KeyError as exc:
        raise BadLibrary(f"{template_path}: the template has no {exc} paragraph style.", hint="Start from templates/standard.docx.") from None
    if prepared is None:
        buffer = io.BytesIO()
        template.save(buffer)
        out = buffer.getvalue()
    if fmt.footer_case_number:
        from poassembler.pipeline.word_footer import add_footer_case_number

        out = add_footer_case_number(out, context.case.number)
    _check_complete(template_path, out, context)
    return out


@contextmanager
def _template_errors(template_path: Path):
    """Every error from opening or rendering the template, as one `BadLibrary` naming it."""
    try:
        yield
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


def _prepared(template_path: Path) -> PreparedTemplate | None:
    """The template prepared once per process (word_prepared.py); None: render it with plain docxtpl.

    Errors name the template as the caller gave it; the cache knows it by resolved path, date and size."""
    key = _template_key(template_path)
    if key not in _PREPARED:
        template = _open_template(template_path)
        if len(_PREPARED) >= 8:
            _PREPARED.clear()
        _PREPARED[key] = prepare(template, _read_template(*key), word_environment(), _SIZED_STYLES)
    return _PREPARED[key]


_PREPARED: dict[tuple[Path, int, int], PreparedTemplate | None] = {}


def _template_key(template_path: Path) -> tuple[Path, int, int]:
    """(resolved path, modification time, size): a changed template file is read and prepared again."""
    try:
        stat = template_path.stat() if template_path.is_file() else None
    except OSError:
        stat = None
    if stat is None:
        raise BadLibrary(f"{template_path}: Word template not found.", hint="Check `format.template` in the profile.")
    return template_path.resolve(), stat.st_mtime_ns, stat.st_size


def _open_template(template_path: Path) -> DocxTemplate:
    """Open the .docx (its bytes read once per process); a missing, renamed, truncated or damaged file is a `BadLibrary`."""
    key = _template_key(template_path)
    hint = "Re-save it from Word as a .docx (Word Document), or use one of the built-in templates."
    if key[2] > MAX_UNPACKED_BYTES:
        raise BadLibrary(f"{template_path}: {key[2] / 2**20:,.0f} MB is far too large for a Word template.", hint=hint)
    data = _read_template(*key)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadLibrary(f"{template_path}: not a Word .docx file (not a zip package; damaged or renamed?).", hint=hint)
    problems = _package_problems(*key)
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


def _check_complete(template_path: Path, docx: bytes, context: RenderContext) -> None:
    """Raise BadLibrary unless every section heading, signature and Exhibit A title the template shows
    is in the rendered document (each kind in its order; the template decides where each kind goes)."""
    from lxml import etree

    shown = _shown_names(*_template_key(template_path))
    groups = [[t for t in _LANDMARKS[name](context) if t] for name in _LANDMARKS if name in shown]
    if not any(groups):
        return
    try:  # lxml's default parser refuses (never truncates) a text node past libxml2's limit
        root = etree.fromstring(zipfile.ZipFile(io.BytesIO(docx)).read("word/document.xml"))
        body = "".join("".join(root.itertext()).split())  # spaces and line breaks aside
    except (etree.XMLSyntaxError, KeyError, zipfile.BadZipFile):
        body = ""
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


@lru_cache(maxsize=_CACHE_SIZE)
def _shown_names(template_path: Path, mtime_ns: int, size: int) -> frozenset[str]:
    """Which of the landmark names the template's body mentions."""
    with zipfile.ZipFile(io.BytesIO(_read_template(template_path, mtime_ns, size))) as archive:
        xml = archive.read("word/document.xml").decode("utf-8", "replace")
    return frozenset(name for name in _LANDMARKS if re.search(rf"\b{name}\b", xml))


def _apply_format(template: DocxTemplate, fmt: Format) -> None:
    set_type(template.docx.styles, _SIZED_STYLES, fmt.font_size_pt, fmt.font_name)
    fit_counsel_block(template.docx, fmt.font_size_pt)
