"""Many drafts' PDFs from one LibreOffice start per job (pdf.write_pdfs_beside)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import SAMPLES
from poassembler.pipeline.pdf import NoLibreOffice, find_soffice, write_pdfs_beside


def _drafts(tmp_path, names):
    out = tmp_path / "drafts"
    files = [str(SAMPLES / f"{name}.yaml") for name in names]
    result = subprocess.run([sys.executable, "-m", "poassembler", "render", *files, "-o", str(out), "-j", "1"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    return [out / f"{name}.docx" for name in names]


@pytest.mark.skipif(find_soffice() is None, reason="LibreOffice (soffice) is not installed")
def test_two_drafts_in_one_start_and_an_existing_pdf_kept(tmp_path):
    first, second, third = _drafts(tmp_path, ["janfeshan-edny", "claudomir-mad", "segal-cacd"])
    third.with_suffix(".pdf").write_bytes(b"old")
    result = write_pdfs_beside([(d, d.with_suffix(".pdf")) for d in (first, second, third)], force=False, jobs=2)
    assert result[first] is None and result[second] is None
    assert first.with_suffix(".pdf").read_bytes().startswith(b"%PDF")
    text = subprocess.run(["pdftotext", str(second.with_suffix(".pdf")), "-"], capture_output=True, text=True, check=True).stdout
    assert "DISTRICT OF MASSACHUSETTS" in text
    assert "already exists" in result[third] and third.with_suffix(".pdf").read_bytes() == b"old"


def test_without_libreoffice_nothing_is_converted(tmp_path, monkeypatch):
    draft = tmp_path / "draft.docx"
    draft.write_bytes(b"not converted")
    monkeypatch.setenv("PATH", str(tmp_path / "empty-bin"))
    with pytest.raises(NoLibreOffice):
        write_pdfs_beside([(draft, draft.with_suffix(".pdf"))], force=False)
    assert not draft.with_suffix(".pdf").exists()
