"""Word rendering: the only module that imports docxtpl and python-docx.

The draft is rendered in memory; `atomic.write_atomically` puts it on disk.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

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


def word_environment() -> SandboxedEnvironment:
    """Autoescape on (a party named "AT&T Corp. <West>" must survive); a missing name is an error."""
    from poassembler.expressions import environment

    env = SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)
    # Clause text copied into a template (template export) uses the clause filters (join_and, …).
    env.filters.update({name: f for name, f in environment().filters.items() if name not in env.filters})
    return env


def render_docx(template_path: Path, context: RenderContext, fmt: Format, extra: dict | None = None) -> bytes:
    """Render the Word template with the context (and `extra` names, see template_names.py); return the .docx bytes."""
    if not template_path.is_file():
        raise BadLibrary(f"{template_path}: Word template not found.", hint="Check `format.template` in the profile.")
    if not zipfile.is_zipfile(template_path):
        raise BadLibrary(f"{template_path}: not a Word .docx file (not a zip package).")
    try:
        template = DocxTemplate(str(template_path))
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
