"""Loading the library and templates once per process must not hide a change on disk or a broken clause."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from conftest import ROOT, SAMPLES
from docx_text import full_text
from poassembler.library.answers import load_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.errors import BadLibrary
from poassembler.library.load import load_library
from cli_inprocess import poassembler

RELIEF = """\
id: further_relief
heading: "RIGHT TO FURTHER RELIEF"
order: 450
paragraphs:
  - text: "{text}"
"""


def write_clause(folder: Path, text: str) -> None:
    (folder / "clauses").mkdir(parents=True, exist_ok=True)
    (folder / "clauses" / "further_relief.yaml").write_text(RELIEF.format(text=text), encoding="utf-8")


def draft_text(library, tmp_path: Path, name: str) -> str:
    draft = plan_draft(load_answers(SAMPLES / "janfeshan-edny.yaml"), library)
    return full_text(render_draft(draft, library, tmp_path / f"{name}.docx", force=False))


def test_a_changed_clause_file_is_loaded_again(tmp_path):
    firm = tmp_path / "firm"
    write_clause(firm, "Relief as first written, for {{ answers.case.number }}.")
    first = load_library([firm])
    assert load_library([firm]) is first  # unchanged files: the same loaded library
    assert "Relief as first written, for 16-CV-6915 (ARR)(LB)" in draft_text(first, tmp_path, "one")
    write_clause(firm, "Relief as the firm rewrote it later, for {{ answers.case.number }}.")
    second = load_library([firm])
    assert second is not first
    text = draft_text(second, tmp_path, "two")
    assert "Relief as the firm rewrote it later" in text and "first written" not in text


def test_a_changed_word_template_is_read_again(tmp_path):
    firm = tmp_path / "firm"
    (firm / "templates").mkdir(parents=True)
    standard = firm / "templates" / "standard.docx"
    shutil.copy(ROOT / "templates" / "standard.docx", standard)
    library = load_library([firm])
    assert "Hemad Janfeshan" in draft_text(library, tmp_path, "one")
    standard.write_bytes(b"not a zip any more")  # a different size: the kept copy is stale
    draft = plan_draft(load_answers(SAMPLES / "janfeshan-edny.yaml"), library)
    with pytest.raises(BadLibrary, match="not a Word .docx file"):
        render_draft(draft, library, tmp_path / "two.docx", force=False)


def test_a_broken_clause_is_reported_when_the_library_loads_even_if_no_draft_uses_it(tmp_path):
    firm = tmp_path / "firm"
    (firm / "clauses").mkdir(parents=True)
    (firm / "clauses" / "unused_clause.yaml").write_text(
        'id: unused_clause\norder: 999\nparagraphs:\n  - text: "Fine."\n  - text: "Named {{ answers.court | shout }}."\n',
        encoding="utf-8",
    )
    result = poassembler("--library", firm, "render", SAMPLES / "segal-cacd.yaml", "-o", tmp_path / "x.docx")
    assert result.code == 3, result.err
    assert "unused_clause.yaml (paragraph 2): Jinja syntax error: No filter named 'shout'." in result.err
    assert "Traceback" not in result.err
    assert not (tmp_path / "x.docx").exists()
