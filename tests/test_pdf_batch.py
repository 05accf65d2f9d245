"""`render FOLDER --pdf`: the drafts' PDFs come from one LibreOffice run per group of drafts, and each
draft is still written with its PDF or not at all."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import SAMPLES
from cli_inprocess import in_a_process
from poassembler.pipeline.pdf import find_soffice

NAMES = ["janfeshan-edny", "claudomir-mad", "segal-cacd"]


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "matters"
    folder.mkdir()
    for name in NAMES:
        shutil.copy(SAMPLES / f"{name}.yaml", folder / f"{name}.yaml")
    return folder


def _pdf_text(path: Path) -> str:
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_each_draft_gets_its_own_pdf_and_an_existing_pdf_fails_only_its_draft(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "segal-cacd.pdf").write_bytes(b"old")
    result = in_a_process("render", _folder(tmp_path), "-o", out, "--pdf", "-j", "2")
    assert result.code == 4, result.err
    assert "segal-cacd.pdf already exists" in result.err
    assert not (out / "segal-cacd.docx").exists() and (out / "segal-cacd.pdf").read_bytes() == b"old"
    assert "EASTERN DISTRICT OF NEW YORK" in _pdf_text(out / "janfeshan-edny.pdf")
    assert "DISTRICT OF MASSACHUSETTS" in _pdf_text(out / "claudomir-mad.pdf")
    assert (out / "janfeshan-edny.docx").is_file() and (out / "claudomir-mad.docx").is_file()


def test_without_libreoffice_every_draft_is_written_with_a_warning(tmp_path):
    out = tmp_path / "out"
    result = in_a_process("render", _folder(tmp_path), "-o", out, "--pdf", "-j", "1", env={"PATH": str(tmp_path / "empty-bin")})
    assert result.code == 0, result.err
    assert sorted(p.name for p in out.iterdir()) == sorted(f"{name}.docx" for name in NAMES)
    assert result.err.count("LibreOffice") >= len(NAMES)
    assert "Traceback" not in result.err
