"""The command line as a user runs it: real processes, exit codes, messages, files on disk."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import SAMPLES
from docx_text import full_text
from cli_inprocess import assert_clean, poassembler






def test_render_writes_a_docx(tmp_path):
    out = tmp_path / "janfeshan.docx"
    result = poassembler("render", str(SAMPLES / "janfeshan-edny.yaml"), "-o", str(out))
    assert result.code == 0, result.err
    assert "Wrote" in result.out
    assert "Hemad Janfeshan" in full_text(out)


def test_render_refuses_to_overwrite_without_force(tmp_path):
    out = tmp_path / "draft.docx"
    out.write_bytes(b"the user's own file")
    result = poassembler("render", str(SAMPLES / "segal-cacd.yaml"), "-o", str(out))
    assert_clean(result, 4)
    assert "already exists" in result.err and "--force" in result.err
    assert out.read_bytes() == b"the user's own file"
    forced = poassembler("render", str(SAMPLES / "segal-cacd.yaml"), "-o", str(out), "--force")
    assert forced.code == 0, forced.err
    assert "Maria Ortega" in full_text(out)


def test_default_output_name_is_the_answers_name(tmp_path):
    shutil.copy(SAMPLES / "claudomir-mad.yaml", tmp_path / "claudomir.yaml")
    result = poassembler("render", "claudomir.yaml", cwd=tmp_path)
    assert result.code == 0, result.err
    assert (tmp_path / "claudomir.docx").is_file()
    assert not list(tmp_path.glob("*.tmp"))


def test_bad_answers_exit_2_with_field_paths(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((SAMPLES / "segal-cacd.yaml").read_text().replace("abrennan@example.com", "abrennan-at-example"))
    result = poassembler("render", str(bad), "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 2)
    assert "parties[0].counsel[0].email" in result.err
    assert not (tmp_path / "x.docx").exists()


def test_missing_answers_file(tmp_path):
    result = poassembler("render", str(tmp_path / "nope.yaml"), "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 2)
    assert "no such file" in result.err


def test_unknown_court_suggests(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text((SAMPLES / "janfeshan-edny.yaml").read_text().replace("court: nyed", "court: nyd"))
    result = poassembler("render", str(bad), "-o", str(tmp_path / "x.docx"))
    assert_clean(result, 2)
    assert "did you mean 'nyed'" in result.err


def test_unwritable_output_folder_exits_4(tmp_path):
    result = poassembler("render", str(SAMPLES / "segal-cacd.yaml"), "-o", str(tmp_path / "no" / "such" / "x.docx"))
    assert_clean(result, 4)
    assert "no such folder" in result.err


def test_jurisdictions_list_one_line_each():
    result = poassembler("jurisdictions", "list")
    assert result.code == 0, result.err
    lines = result.out.splitlines()
    ids = [line.split()[0] for line in lines]
    for court in ("federal", "cacd", "cacd-segal", "nyed", "mad", "caed", "casd"):
        assert court in ids
    assert len(ids) == len(set(ids))


def test_jurisdictions_show_lists_sources_and_verification():
    result = poassembler("jurisdictions", "show", "cacd", "--judge", "segal")
    assert result.code == 0, result.err
    out = result.out
    assert "federal → cacd → cacd-segal" in out
    assert "79-5" in out and "source:" in out
    assert "required" in out and "excluded" in out
    assert "VERIFY BEFORE FILING" in out


def test_jurisdictions_show_unknown_suggests():
    result = poassembler("jurisdictions", "show", "nyd")
    assert_clean(result, 2)
    assert "did you mean 'nyed'" in result.err


@pytest.mark.parametrize("command", [[], ["render"], ["jurisdictions"], ["jurisdictions", "list"], ["jurisdictions", "show"]])
def test_help_for_every_command(command):
    result = poassembler(*command, "--help")
    assert result.code == 0
    assert "Usage:" in result.out


def test_console_script_matches_python_m(tmp_path):
    """README's install puts a `poassembler` script beside the interpreter; it runs the same CLI."""
    exe = Path(sys.executable).parent / "poassembler"
    assert exe.is_file(), f"no console script at {exe}: install with README's command"
    direct = subprocess.run([exe, "jurisdictions", "list"], capture_output=True, text=True)
    assert direct.stdout == poassembler("jurisdictions", "list").out
