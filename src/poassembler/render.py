"""Word rendering: the only module that imports docxtpl and python-docx.

The draft is rendered in memory, written to a temporary file in the target folder and renamed into
place, so a failed or interrupted render leaves the old file or the new one, never half of one.
"""

from __future__ import annotations

import io
import os
import tempfile
import zipfile
from pathlib import Path

from docx.shared import Pt
from docxtpl import DocxTemplate
from jinja2 import StrictUndefined, TemplateError, UndefinedError
from jinja2.sandbox import SandboxedEnvironment

from poassembler.context import RenderContext
from poassembler.errors import BadLibrary, OutputProblem
from poassembler.profiles import Format

# Paragraph styles whose font size follows the profile (the template owns face, spacing and numbering).
_SIZED_STYLES = ("Normal",)


def word_environment() -> SandboxedEnvironment:
    """Autoescape on (a party named "AT&T Corp. <West>" must survive); a missing name is an error."""
    return SandboxedEnvironment(autoescape=True, undefined=StrictUndefined)


def render_docx(template_path: Path, context: RenderContext, fmt: Format) -> bytes:
    """Render the Word template with the context; return the .docx bytes."""
    if not template_path.is_file():
        raise BadLibrary(f"{template_path}: Word template not found.", hint="Check `format.template` in the profile.")
    if not zipfile.is_zipfile(template_path):
        raise BadLibrary(f"{template_path}: not a Word .docx file (not a zip package).")
    try:
        template = DocxTemplate(str(template_path))
        template.render(context.as_template_data(), jinja_env=word_environment(), autoescape=True)
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


def write_atomically(target: Path, data: bytes, force: bool) -> None:
    """Write `data` to `target` through a temp file + rename; refuse to overwrite without `force`."""
    folder = target.parent if str(target.parent) else Path(".")
    if target.exists() and not force:
        raise OutputProblem(f"{target} already exists.", hint="Choose another name with -o, or add --force to replace it.")
    if target.is_dir():
        raise OutputProblem(f"{target} is a folder; give a file name ending in .docx.")
    if not folder.is_dir():
        raise OutputProblem(f"{folder}: no such folder.", hint="Create the folder first, or choose another -o path.")
    tmp_name = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, target)
        tmp_name = None
    except PermissionError:
        raise OutputProblem(f"{target}: permission denied.", hint="Choose a folder you can write to.") from None
    except OSError as exc:
        raise OutputProblem(f"{target}: could not be written ({exc.strerror or exc}).", hint="Check free disk space and the folder, then try again.") from None
    finally:
        if tmp_name and os.path.exists(tmp_name):
            os.unlink(tmp_name)
