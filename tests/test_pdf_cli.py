"""`poassembler render --pdf`: a PDF beside the .docx; without LibreOffice a warning, the .docx and exit 0."""

from __future__ import annotations

import os
import subprocess

import pytest

from conftest import SAMPLES
from poassembler.pipeline.pdf import find_soffice
from cli_inprocess import poassembler

SAMPLE = str(SAMPLES / "janfeshan-edny.yaml")




def test_without_libreoffice_the_docx_is_written_with_a_warning_and_exit_0(tmp_path):
    env = {**os.environ, "PATH": str(tmp_path / "empty-bin")}  # no soffice (python is run by full path)
    out = tmp_path / "draft.docx"
    result = poassembler("render", SAMPLE, "-o", str(out), "--pdf", env=env)
    assert result.code == 0, result.err
    assert out.is_file() and not out.with_suffix(".pdf").exists()
    assert "LibreOffice" in result.err and "apt-get install -y libreoffice-writer-nogui" in result.err
    assert "Traceback" not in result.err


def test_an_existing_pdf_is_not_replaced_without_force(tmp_path):
    out = tmp_path / "draft.docx"
    out.with_suffix(".pdf").write_bytes(b"old")
    result = poassembler("render", SAMPLE, "-o", str(out), "--pdf")
    assert result.code == 4
    assert "draft.pdf already exists" in result.err
    assert not out.exists(), "nothing is written when the PDF cannot be"
    assert out.with_suffix(".pdf").read_bytes() == b"old"


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_render_pdf_writes_a_pdf_beside_the_docx(tmp_path):
    out = tmp_path / "draft.docx"
    result = poassembler("render", SAMPLE, "-o", str(out), "--pdf")
    assert result.code == 0, result.err
    pdf = out.with_suffix(".pdf")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert f"Wrote {pdf}" in result.out
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True, check=True).stdout
    assert "EASTERN DISTRICT OF NEW YORK" in text
