"""The drafting memo, `compare`, and `render --redline-against court-default`."""

from __future__ import annotations

from pathlib import Path

import yaml

from conftest import sample_data
from docx_text import full_text
from poassembler.library.answers import parse_answers
from poassembler.cli.main import main
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.review.word_redline import count_revisions, inserted_and_deleted_text


def run(args) -> int:
    try:
        main(args)
    except SystemExit as exc:
        return exc.code
    return 0


def write_answers(tmp_path: Path, data: dict, name: str = "answers.yaml") -> Path:
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def render_with_days(library, tmp_path, days: int, name: str) -> Path:
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"]["application_business_days"] = days
    draft = plan_draft(parse_answers(data), library)
    return render_draft(draft, library, tmp_path / name, force=False)


def test_compare_marks_a_changed_period_as_tracked_changes(library, tmp_path, capsys):
    old = render_with_days(library, tmp_path, 3, "three.docx")
    new = render_with_days(library, tmp_path, 7, "seven.docx")
    assert run(["compare", str(old), str(new), "-o", str(tmp_path / "redline.docx")]) == 0
    data = (tmp_path / "redline.docx").read_bytes()
    counts = count_revisions(data)
    assert counts.insertions >= 1 and counts.deletions >= 1
    inserted, deleted = inserted_and_deleted_text(data)
    assert "7" in "".join(inserted) and "3" in "".join(deleted)
    assert "insertion(s)" in capsys.readouterr().out


def test_compare_identical_documents_has_no_changes(library, tmp_path):
    old = render_with_days(library, tmp_path, 3, "a.docx")
    new = render_with_days(library, tmp_path, 3, "b.docx")
    assert run(["compare", str(old), str(new), "-o", str(tmp_path / "same.docx")]) == 0
    assert count_revisions((tmp_path / "same.docx").read_bytes()).total == 0


def test_compare_refuses_a_file_that_is_not_word(tmp_path, capsys):
    text = tmp_path / "notes.docx"
    text.write_text("not a word file")
    assert run(["compare", str(text), str(text), "-o", str(tmp_path / "r.docx")]) == 2
    assert "not a Word .docx file" in capsys.readouterr().err
    assert not (tmp_path / "r.docx").exists()


def test_render_redline_against_court_default(tmp_path):
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"]["application_business_days"] = 5
    answers = write_answers(tmp_path, data)
    out = tmp_path / "draft.docx"
    assert run(["render", str(answers), "-o", str(out), "--redline-against", "court-default"]) == 0
    redline = (tmp_path / "draft.redline.docx").read_bytes()
    inserted, deleted = inserted_and_deleted_text(redline)
    # The case's categories are additions to the baseline; its own period replaces the profile's 3 days.
    assert any("Forensic copy of Plaintiff's mobile phone" in t for t in inserted)
    assert "5" in "".join(inserted) and "3" in "".join(deleted)
    assert any("DRAFTER" in t for t in deleted)


def test_render_memo_explains_every_clause_and_what_to_verify(library, tmp_path, capsys):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["harm"] = "Disclosure could harm the company."
    answers = write_answers(tmp_path, data)
    out = tmp_path / "segal.docx"
    assert run(["render", str(answers), "-o", str(out), "--memo"]) == 0
    assert "segal.memo.md" in capsys.readouterr().out
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


def test_memo_refuses_to_overwrite_without_force(tmp_path, capsys):
    answers = write_answers(tmp_path, sample_data("claudomir-mad.yaml"))
    (tmp_path / "c.memo.md").write_text("earlier memo")
    assert run(["render", str(answers), "-o", str(tmp_path / "c.docx"), "--memo"]) == 4
    assert "c.memo.md already exists" in capsys.readouterr().err
    assert (tmp_path / "c.memo.md").read_text() == "earlier memo"
