"""Nothing lost: a failed or interrupted render leaves the old file (or none), never a truncated one,
and no temp files; nothing is overwritten without --force; the answers file is never rewritten.

Disk-full, permission and Ctrl-C failures are injected at the os level, only for the duration of
one render, because the tests run as root (chmod does not stop root) and cannot fill a real disk.
"""

from __future__ import annotations

import errno
import hashlib
import os
import shutil
import stat
from pathlib import Path

import pytest

from cli_inprocess import assert_clean, poassembler
from conftest import SAMPLES
from docx_text import full_text

SAMPLE = SAMPLES / "segal-cacd.yaml"
OLD = b"the user's previous draft, which must survive"


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp") or p.name.startswith("."))


def _fdopen_that_fails(error: BaseException):
    """os.fdopen whose handle writes half the bytes, then raises `error` (as a full disk does)."""
    real = os.fdopen

    def fdopen(fd, mode="r", *args, **kwargs):
        handle = real(fd, mode, *args, **kwargs)
        if "w" not in mode:
            return handle
        write = handle.write

        def half_then_fail(data):
            write(data[: len(data) // 2])
            handle.flush()
            raise error

        handle.write = half_then_fail
        return handle

    return fdopen


def test_disk_full_keeps_the_old_file_and_leaves_no_temp(tmp_path, capsys, monkeypatch):
    out = tmp_path / "draft.docx"
    out.write_bytes(OLD)
    monkeypatch.setattr(os, "fdopen", _fdopen_that_fails(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    outcome = poassembler("render", str(SAMPLE), "-o", str(out), "--force")
    monkeypatch.undo()
    assert_clean(outcome, 4)
    assert "No space left on device" in outcome.err and "free disk space" in outcome.err
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_disk_full_on_a_new_file_leaves_nothing(tmp_path, capsys, monkeypatch):
    out = tmp_path / "draft.docx"
    monkeypatch.setattr(os, "fdopen", _fdopen_that_fails(OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))))
    outcome = poassembler("render", str(SAMPLE), "-o", str(out))
    monkeypatch.undo()
    assert_clean(outcome, 4)
    assert list(tmp_path.iterdir()) == []


def test_ctrl_c_during_the_write_keeps_the_old_file(tmp_path, capsys, monkeypatch):
    out = tmp_path / "draft.docx"
    out.write_bytes(OLD)
    monkeypatch.setattr(os, "fdopen", _fdopen_that_fails(KeyboardInterrupt()))
    outcome = poassembler("render", str(SAMPLE), "-o", str(out), "--force")
    monkeypatch.undo()
    assert outcome.code == 130
    assert "Interrupted." in outcome.err and "Traceback" not in outcome.err
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_permission_denied_is_exit_4(tmp_path, capsys, monkeypatch):
    real_open = os.open

    def refuse_temp_files(path, flags, *args, **kwargs):
        if str(path).endswith(".tmp"):
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refuse_temp_files)
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "draft.docx"))
    monkeypatch.undo()
    assert_clean(outcome, 4)
    assert "permission denied" in outcome.err and "folder you can write to" in outcome.err
    assert list(tmp_path.iterdir()) == []


def test_failed_render_keeps_the_old_file(tmp_path, capsys):
    out = tmp_path / "draft.docx"
    out.write_bytes(OLD)
    bad = tmp_path / "bad.yaml"
    bad.write_text(SAMPLE.read_text(encoding="utf-8").replace("court: cacd", "court: cadc"), encoding="utf-8")
    outcome = poassembler("render", str(bad), "-o", str(out), "--force")
    assert_clean(outcome, 2)
    assert out.read_bytes() == OLD
    assert leftovers(tmp_path) == []


def test_existing_file_needs_force(tmp_path, capsys):
    out = tmp_path / "draft.docx"
    out.write_bytes(OLD)
    outcome = poassembler("render", str(SAMPLE), "-o", str(out))
    assert_clean(outcome, 4)
    assert "already exists" in outcome.err and "--force" in outcome.err
    assert out.read_bytes() == OLD
    forced = poassembler("render", str(SAMPLE), "-o", str(out), "--force")
    assert forced.code == 0, forced.err
    assert "Maria Ortega" in full_text(out)
    assert leftovers(tmp_path) == []


def test_render_never_rewrites_the_answers_file(tmp_path, capsys):
    answers = tmp_path / "case.yaml"
    shutil.copy(SAMPLE, answers)
    before = (hashlib.sha256(answers.read_bytes()).hexdigest(), answers.stat().st_mtime_ns)
    for args in ([], ["--force"]):
        poassembler("render", str(answers), "-o", str(tmp_path / "draft.docx"), *args)
    assert (hashlib.sha256(answers.read_bytes()).hexdigest(), answers.stat().st_mtime_ns) == before


def test_output_cannot_be_the_answers_file(tmp_path, capsys):
    answers = tmp_path / "case.docx"  # an answers file with an unlucky name
    shutil.copy(SAMPLE, answers)
    outcome = poassembler("render", str(answers), "-o", str(answers), "--force")
    assert_clean(outcome, 2)
    assert "that is the answers file" in outcome.err
    assert answers.read_bytes() == SAMPLE.read_bytes()


def test_new_draft_gets_ordinary_permissions(tmp_path, capsys):
    old_umask = os.umask(0o022)
    try:
        outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "draft.docx"))
    finally:
        os.umask(old_umask)
    assert outcome.code == 0, outcome.err
    assert stat.S_IMODE((tmp_path / "draft.docx").stat().st_mode) == 0o644  # not a temp file's 0600


def test_replaced_draft_keeps_its_permissions(tmp_path, capsys):
    out = tmp_path / "draft.docx"
    out.write_bytes(OLD)
    out.chmod(0o640)
    outcome = poassembler("render", str(SAMPLE), "-o", str(out), "--force")
    assert outcome.code == 0, outcome.err
    assert stat.S_IMODE(out.stat().st_mode) == 0o640


@pytest.mark.parametrize("name", ["draft.docx", "My Draft (v2) – Núñez.docx"])
def test_successful_render_leaves_only_the_draft(name, tmp_path, capsys):
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / name))
    assert outcome.code == 0, outcome.err
    assert [p.name for p in tmp_path.iterdir()] == [name]
