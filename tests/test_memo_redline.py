"""The drafting memo, `compare`, and `render --redline-against court-default`."""

from __future__ import annotations

import re

from pathlib import Path

import yaml

from cli_inprocess import poassembler
from conftest import sample_data
from docx_text import full_text
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.review.word_redline import count_revisions, inserted_and_deleted_text


def write_answers(tmp_path: Path, data: dict, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def render_with_days(library, tmp_path, days: int, name: str) -> Path:
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"]["application_business_days"] = days
    draft = plan_draft(parse_answers(data), library)
    return render_draft(draft, library, tmp_path / name, force=False)


def test_compare_marks_a_changed_period_as_tracked_changes(library, tmp_path):
    old = render_with_days(library, tmp_path, 3, "three.docx")
    new = render_with_days(library, tmp_path, 7, "seven.docx")
    result = poassembler("compare", old, new, "-o", tmp_path / "redline.docx")
    assert result.code == 0
    data = (tmp_path / "redline.docx").read_bytes()
    counts = count_revisions(data)
    assert counts.insertions >= 1 and counts.deletions >= 1
    inserted, deleted = inserted_and_deleted_text(data)
    assert "7" in "".join(inserted) and "3" in "".join(deleted)
    assert "insertion(s)" in result.out


def test_compare_identical_documents_has_no_changes(library, tmp_path):
    old = render_with_days(library, tmp_path, 3, "a.docx")
    new = render_with_days(library, tmp_path, 3, "b.docx")
    assert poassembler("compare", old, new, "-o", tmp_path / "same.docx").code == 0
    assert count_revisions((tmp_path / "same.docx").read_bytes()).total == 0


def test_compare_refuses_a_file_that_is_not_word(tmp_path):
    text = tmp_path / "notes.docx"
    text.write_text("not a word file")
    result = poassembler("compare", text, text, "-o", tmp_path / "r.docx")
    assert result.code == 2 and "not a Word .docx file" in result.err
    assert not (tmp_path / "r.docx").exists()


def test_render_redline_against_court_default(tmp_path):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"]["application_business_days"] = 5
    answers = write_answers(tmp_path, data)
    out = tmp_path / "draft.docx"
    assert poassembler("render", answers, "-o", out, "--redline-against", "court-default").code == 0
    redline = (tmp_path / "draft.redline.docx").read_bytes()
    inserted, deleted = inserted_and_deleted_text(redline)
    # The case's categories are additions to the baseline; its own period replaces the profile's 3 days.
    assert any("Forensic copy of Plaintiff's mobile phone" in t for t in inserted)
    inserted_here, deleted_here = changes_in_paragraph(redline, "business days after receiving the written rejection")
    # the period, and the section number of the cross-reference (the baseline has fewer sections)
    assert inserted_here[0] == "5" and deleted_here[0] == "3"
    assert all(re.fullmatch(r"\d+\.1", t) for t in inserted_here[1:] + deleted_here[1:])
    assert any("DRAFTER" in t for t in deleted)


def changes_in_paragraph(document: bytes, phrase: str) -> tuple[list[str], list[str]]:
    """The insertions and deletions inside the one paragraph whose text contains `phrase`."""
    import io
    import zipfile

    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    root = etree.fromstring(zipfile.ZipFile(io.BytesIO(document)).read("word/document.xml"))
    found = [p for p in root.iter(f"{w}p") if phrase in "".join(t.text or "" for t in p.iter(f"{w}t"))]
    assert len(found) == 1, f"{len(found)} paragraphs contain {phrase!r}"
    inserted = ["".join(t.text or "" for t in e.iter(f"{w}t")) for e in found[0].iter(f"{w}ins")]
    deleted = ["".join(t.text or "" for t in e.iter(f"{w}delText")) for e in found[0].iter(f"{w}del")]
    return inserted, deleted


def test_render_memo_explains_every_clause_and_what_to_verify(library, tmp_path):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["harm"] = "Disclosure could harm the company."
    answers = write_answers(tmp_path, data)
    out = tmp_path / "segal.docx"
    result = poassembler("render", answers, "-o", out, "--memo")
    assert result.code == 0 and "segal.memo.md" in result.out
    memo = (tmp_path / "segal.memo.md").read_text(encoding="utf-8")
    draft = plan_draft(parse_answers(data), library)
    for clause in draft.selection.included():
        assert f"({clause.id.replace('_', chr(92) + '_')})" in memo, clause.id
    for decision in draft.selection.decisions:
        if not decision.included:
            assert decision.reason in memo.replace("\\", "")
    assert "Why it is here: required by the cacd profile" in memo
    assert "ERROR — answers: categories[0].harm" in memo
    assert "Citations and periods to verify before filing" in memo
    for _kind, _name, entry in draft.profile.unverified():
        if hasattr(entry, "cite"):
            assert entry.cite.replace("_", "\\_").replace("*", "\\*") in memo
    word = full_text(tmp_path / "segal.memo.docx")
    assert "Clauses left out" in word and "GOOD CAUSE STATEMENT (good_cause_statement)" in word
    assert "ERROR — answers: categories[0].harm" in word


def test_memo_refuses_to_overwrite_without_force(tmp_path):
    answers = write_answers(tmp_path, sample_data("claudomir-mad.yaml"))
    (tmp_path / "c.memo.md").write_text("earlier memo")
    result = poassembler("render", answers, "-o", tmp_path / "c.docx", "--memo")
    assert result.code == 4 and "c.memo.md already exists" in result.err
    assert not (tmp_path / "c.docx").exists()  # nothing written: the rerun is not refused for a stray draft
    assert (tmp_path / "c.memo.md").read_text() == "earlier memo"
