"""Word rendering: the only module that imports docxtpl and python-docx.

The draft is rendered in memory; `atomic.write_atomically` puts it on disk. Each Word template is read,
cleaned up for Jinja (docxtpl's `patch_xml`) and compiled once per process; every draft after the first
only renders the compiled template into a fresh copy of the document.
"""

from __future__ import annotations

import io
import zipfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from poassembler.context import RenderContext
from poassembler.errors import BadLibrary
from poassembler.profiles import Format
from poassembler.word_pleading import fit_counsel_block

# Paragraph styles whose font size follows the profile (the template owns face, spacing and numbering).
_SIZED_STYLES = ("Normal",)


# How many compiled sources (document parts of the templates in use) and template files to keep per process.
_CACHE_SIZE = 64


class WordEnvironment(SandboxedEnvironment):
    """Autoescape on (a party named "AT&T Corp. <West>" must survive); a missing name is an error.

    docxtpl compiles each document part with `from_string` on every render; the same template gives the
    same source, so the compiled template is kept and reused.
    """

    def __init__(self) -> None:
        from poassembler.expressions import environment

        super().__init__(autoescape=True, undefined=StrictUndefined)
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


def _template_bytes(template_path: Path) -> bytes:
    """The template file's bytes, read once per process (again if the file changes)."""
    try:
        stat = template_path.stat()
    except OSError:
        stat = None
    if stat is None or not template_path.is_file():
        raise BadLibrary(f"{template_path}: Word template not found.", hint="Check `format.template` in the profile.")
    data = _read_template(template_path.resolve(), stat.st_mtime_ns, stat.st_size)
    if not zipfile.is_zipfile(io.BytesIO(data)):
        raise BadLibrary(f"{template_path}: not a Word .docx file (not a zip package).")
    return data


@lru_cache(maxsize=_CACHE_SIZE)
def _read_template(template_path: Path, mtime_ns: int, size: int) -> bytes:
    return template_path.read_bytes()


def render_docx(template_path: Path, context: RenderContext, fmt: Format, extra: dict | None = None) -> bytes:
    """Render the Word template with the context (and `extra` names, see template_names.py); return the .docx bytes."""
    data = _template_bytes(template_path)
    try:
        template = _ReusableTemplate(io.BytesIO(data))
        template.render({**(extra or {}), **context.as_template_data()}, jinja_env=word_environment(), autoescape=True)
    except UndefinedError as exc:
        raise BadLibrary(f"{template_path}: the template uses a name the draft does not provide ({exc.message}).") from None
    except TemplateError as exc:
        around = " ".join(" ".join(getattr(exc, "docx_context", []) or []).split())[:200]
        raise BadLibrary(
            f"{template_path}: template error: {exc}.",
            problems=[f"near: {around}"] if around else None,
            hint="Open the template in Word and check the tag (straight quotes, one run per tag).",
        ) from None
    except (KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise BadLibrary(f"{template_path}: not a usable Word template ({exc}).") from None
    _apply_format(template, fmt)
    buffer = io.BytesIO()
    template.save(buffer)
    return buffer.getvalue()


def _apply_format(template: DocxTemplate, fmt: Format) -> None:
    styles = template.docx.styles
    for name in _SIZED_STYLES:
        style = styles[name]
        style.font.size = Pt(fmt.font_size_pt)
        style.font.name = fmt.font_name
    fit_counsel_block(template.docx, fmt.font_size_pt)
