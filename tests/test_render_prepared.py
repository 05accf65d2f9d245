"""The prepared renderer (word_prepared.py) writes the same Word XML as plain docxtpl, part by part."""

from __future__ import annotations

import dataclasses
import io
import zipfile
from pathlib import Path

import pytest

from poassembler.library.answers import load_answers
from poassembler.library.load import load_library
from poassembler.pipeline.draft import plan_draft
from poassembler.pipeline.render import render_docx
from poassembler.pipeline.template_names import template_extras

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))


def _parts(docx: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        assert package.testzip() is None
        return {name: package.read(name) for name in package.namelist()}


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.stem)
@pytest.mark.parametrize("template", ["standard", "pleading"])
def test_same_parts_as_plain_docxtpl(sample: Path, template: str) -> None:
    library = load_library()
    draft = plan_draft(load_answers(sample), library)
    path = library.template(template)
    fmt = draft.profile.format
    prepared = render_docx(path, draft.context, fmt, template_extras(draft))
    again = render_docx(path, draft.context, fmt, template_extras(draft))  # from the prepared package, a second time
    plain = render_docx(path, draft.context, fmt, template_extras(draft), plain_docxtpl=True)
    ours, reference = _parts(prepared), _parts(plain)
    assert sorted(ours) == sorted(reference)
    for name in reference:
        assert ours[name] == reference[name], name
    assert _parts(again) == ours


def test_larger_type_changes_styles_like_docxtpl() -> None:
    library = load_library()
    draft = plan_draft(load_answers(SAMPLES[0]), library)
    fmt = dataclasses.replace(draft.profile.format, font_size_pt=14.0, font_name="Courier New")
    path = library.template("pleading")
    ours = _parts(render_docx(path, draft.context, fmt, template_extras(draft)))
    reference = _parts(render_docx(path, draft.context, fmt, template_extras(draft), plain_docxtpl=True))
    assert ours == reference
    assert b'w:ascii="Courier New"' in ours["word/styles.xml"]
