"""The one production path: every output of a draft or none, no clobbering, the same steps for every command."""

from __future__ import annotations

import errno
import multiprocessing
import os
import signal
import zipfile
from pathlib import Path

import pytest
import yaml

from cli_inprocess import assert_clean, poassembler
from conftest import SAMPLES, sample_data
from poassembler.errors import OutputProblem
from poassembler.pipeline.atomic import Staging, Terminated, terminate_on_signals
from poassembler.review.word_redline import inserted_and_deleted_text

SAMPLE = SAMPLES / "claudomir-mad.yaml"


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def _render_in_child(args: list[str]) -> tuple[int, str, str]:
    outcome = poassembler(*args)
    return outcome.code, outcome.out, outcome.err


def test_eight_concurrent_renders_to_one_path_write_it_once(tmp_path):
    out = tmp_path / "race.docx"
    args = ["render", str(SAMPLE), "-o", str(out), "--memo"]
    with multiprocessing.get_context("fork").Pool(8) as pool:
        results = pool.map(_render_in_child, [args] * 8)
    winners = [r for r in results if r[0] == 0]
    assert len(winners) == 1, [r[2] for r in results]
    assert sum(r[1].count(f"Wrote {out} ") for r in results) == 1
    assert all(r[0] == 4 and "already exists" in r[2] for r in results if r[0] != 0)
    assert files_in(tmp_path) == ["race.docx", "race.memo.docx", "race.memo.md"]  # no temp files, no backups


@pytest.mark.parametrize("existing", ["c.memo.md", "c.memo.docx", "c.redline.docx", "c.pdf"])
def test_an_existing_extra_output_stops_everything_before_any_work(existing, tmp_path, capsys):
    (tmp_path / existing).write_text("earlier file")
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "c.docx"), "--memo", "--redline-against", "court-default", "--pdf")
    assert_clean(outcome, 4)
    assert f"{existing} already exists" in outcome.err
    assert files_in(tmp_path) == [existing]  # no draft left behind: the rerun is not refused for it
    assert (tmp_path / existing).read_text() == "earlier file"


def test_disk_full_while_writing_the_memo_leaves_nothing(tmp_path, capsys, monkeypatch):
    real_open = os.open

    def open_failing_for_the_memo(path, flags, *args, **kwargs):
        if ".memo.docx" in str(path) and flags & os.O_CREAT:
            raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", open_failing_for_the_memo)
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "c.docx"), "--memo")
    monkeypatch.undo()
    assert_clean(outcome, 4)
    assert "No space left on device" in outcome.err
    assert files_in(tmp_path) == []


def test_a_failed_move_restores_every_replaced_file(tmp_path, monkeypatch):
    first, second = tmp_path / "a.docx", tmp_path / "a.memo.md"
    first.write_bytes(b"old draft")
    second.write_bytes(b"old memo")
    real_replace = os.replace

    def replace_failing_for_the_memo(src, dst):
        if str(dst) == str(second):
            raise OSError(errno.EIO, os.strerror(errno.EIO))
        return real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace_failing_for_the_memo)
    with pytest.raises(OutputProblem), Staging(force=True) as staging:
        staging.add(first, b"new draft")
        staging.add(second, b"new memo")
        staging.commit()
    monkeypatch.undo()
    assert first.read_bytes() == b"old draft" and second.read_bytes() == b"old memo"
    assert files_in(tmp_path) == ["a.docx", "a.memo.md"]


def test_a_file_that_appears_before_the_move_is_not_overwritten(tmp_path):
    draft, memo = tmp_path / "a.docx", tmp_path / "a.memo.md"
    with pytest.raises(OutputProblem, match="a.memo.md already exists"), Staging(force=False) as staging:
        staging.add(draft, b"new draft")
        staging.add(memo, b"new memo")
        memo.write_bytes(b"someone else's memo")  # appears while the draft is being made
        staging.commit()
    assert memo.read_bytes() == b"someone else's memo"
    assert files_in(tmp_path) == ["a.memo.md"]  # the draft that was moved first is taken back


def test_sigterm_during_a_write_leaves_no_temp_file(tmp_path):
    target = tmp_path / "a.docx"
    before = signal.getsignal(signal.SIGTERM)
    with pytest.raises(Terminated) as stopped, terminate_on_signals(), Staging(force=False) as staging:
        staging.add(target, b"new draft")
        os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here, in this thread
        staging.commit()
    assert stopped.value.exit_code == 128 + signal.SIGTERM
    assert files_in(tmp_path) == []
    assert signal.getsignal(signal.SIGTERM) == before  # the previous handler is back


def test_missing_library_folder_fails_a_batch_like_one_file(tmp_path, capsys):
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    for path in (a, b):
        path.write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    outcome = poassembler("--library", str(tmp_path / "nonexistent"), "render", str(a), str(b), "-o", str(tmp_path / "out"))
    assert_clean(outcome, 2)
    assert "library folder not found" in outcome.err
    assert not (tmp_path / "out").exists()


def _answers(tmp_path: Path, data: dict) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def _restyle(docx: Path, old: str, new: str) -> None:
    """Edit the template's own text, as a firm restyling its house template would."""
    with zipfile.ZipFile(docx) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    xml = parts["word/document.xml"].decode("utf-8")
    assert old in xml
    parts["word/document.xml"] = xml.replace(old, new).encode("utf-8")
    with zipfile.ZipFile(docx, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_redline_honours_the_template_option(tmp_path, capsys):
    house = tmp_path / "house.docx"
    assert poassembler("template", "export", "--court", "nyed", "-o", str(house)).code == 0
    _restyle(house, ">PURPOSES AND LIMITATIONS<", ">PURPOSES AND LIMITS OF THE HOUSE ORDER<")
    data = sample_data("janfeshan-edny.yaml")
    data["government_sharing"]["application_business_days"] = 5
    out = tmp_path / "draft.docx"
    outcome = poassembler("render", str(_answers(tmp_path, data)), "-o", str(out), "--template", str(house), "--redline-against", "court-default")
    assert outcome.code == 0, outcome.err
    inserted, deleted = inserted_and_deleted_text((tmp_path / "draft.redline.docx").read_bytes())
    assert any("Forensic copy of Plaintiff's mobile phone" in t for t in inserted)
    # The baseline is drawn in the same house template, so the template's own text is no change.
    assert not any("HOUSE ORDER" in t for t in inserted) and not any("LIMITATIONS" in t for t in deleted)


def test_redline_honours_a_profile_exported_house_template(tmp_path, capsys):
    library = tmp_path / "firm"
    (library / "templates").mkdir(parents=True)
    (library / "jurisdictions").mkdir()
    assert poassembler("template", "export", "--court", "mad", "-o", str(library / "templates" / "mad-house.docx")).code == 0
    (library / "jurisdictions" / "mad.yaml").write_text(
        (Path(__file__).resolve().parent.parent / "jurisdictions" / "mad.yaml").read_text(encoding="utf-8")
        + "\n", encoding="utf-8")
    profile = yaml.safe_load((library / "jurisdictions" / "mad.yaml").read_text(encoding="utf-8"))
    profile.setdefault("format", {})["template"] = "mad-house"
    (library / "jurisdictions" / "mad.yaml").write_text(yaml.safe_dump(profile, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "c.docx"
    outcome = poassembler("--library", str(library), "render", str(SAMPLE), "-o", str(out), "--redline-against", "court-default")
    assert outcome.code == 0, outcome.err
    assert files_in(tmp_path) == ["c.docx", "c.redline.docx", "firm"]


def test_interview_runs_the_same_pre_flight_check_as_render(tmp_path, capsys, monkeypatch):
    """A resumed interview whose answers are complete goes straight to review → render, through `produce`."""
    import sys


    class AcceptDefaultsThenRender:
        told: list[str] = []

        def ask(self, question, default):
            if "Review" in question.prompt:
                return next(c.value for c in question.choices if "render the draft" in c.title)
            return default

        def tell(self, message):
            self.told.append(message)

    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["harm"] = "Disclosure could harm the company."  # the check calls this an error
    answers = _answers(tmp_path, data)
    monkeypatch.setattr(sys.stdin, "isatty", lambda: True)
    monkeypatch.setattr("poassembler.interview.prompter_questionary.QuestionaryPrompter", AcceptDefaultsThenRender)
    outcome = poassembler("interview", "-o", str(tmp_path / "draft.docx"), "--answers", str(answers))
    assert outcome.code == 0, outcome.err
    assert f"Wrote {tmp_path / 'draft.docx'}" in outcome.out
    assert "check error: answers: categories[0].harm" in outcome.err
    assert "Run `poassembler check`" in outcome.err


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_a_signal_while_the_draft_is_staged_leaves_nothing(signum, tmp_path):
    """A real `poassembler render --pdf` stopped while LibreOffice runs (a stand-in that sleeps): the staged
    draft's temp file is removed, LibreOffice is ended, the exit code is 128 + the signal."""
    import subprocess
    import sys
    import time

    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()
    soffice = bin_dir / "soffice"
    soffice.write_text("#!/bin/sh\nexec sleep 60\n")
    soffice.chmod(0o755)
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    env = {**os.environ, "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}"}
    env["PYTHONPATH"] = str(Path(__file__).resolve().parent.parent / "src") + os.pathsep + env.get("PYTHONPATH", "")
    process = subprocess.Popen([sys.executable, "-m", "poassembler", "render", str(SAMPLE), "-o", str(out_dir / "c.docx"), "--pdf"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    deadline = time.monotonic() + 60
    while not any(p.name.startswith(".c.docx.") for p in out_dir.iterdir()):
        assert process.poll() is None, process.communicate()
        assert time.monotonic() < deadline, "the draft was never staged"
        time.sleep(0.05)
    process.send_signal(signum)
    _out, err = process.communicate(timeout=30)
    assert process.returncode == 128 + signum, err
    assert "Traceback" not in err and "Interrupted." in err
    assert files_in(out_dir) == []
