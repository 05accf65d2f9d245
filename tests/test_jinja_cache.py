"""Compiled Jinja kept between runs (pipeline/jinja_cache.py): a later run renders the same draft from the
kept code; a damaged entry is compiled afresh; `off` keeps nothing; a folder that cannot be written is no error."""

from __future__ import annotations

import zipfile
from pathlib import Path

from cli_inprocess import ROOT, in_a_process

SAMPLE = ROOT / "samples" / "segal-cacd.yaml"


def _render(out: Path, cache: str | Path, home: Path | None = None):
    env = {"POASSEMBLER_CACHE": str(cache)}
    if home is not None:  # where a cache would land if `off` were taken for a folder or the default were used
        env |= {"HOME": str(home), "XDG_CACHE_HOME": str(home / ".cache")}
    return in_a_process("render", SAMPLE, "-o", out, "--force", env=env, cwd=home)


def _document_xml(path: Path) -> bytes:
    with zipfile.ZipFile(path) as package:
        return package.read("word/document.xml")


def _entries(cache: Path) -> list[Path]:
    return sorted(p for p in (cache / "jinja").rglob("*") if p.is_file())


def test_a_later_run_renders_the_same_draft_from_the_kept_code(tmp_path):
    first, second = _render(tmp_path / "first.docx", tmp_path / "cache"), None
    assert first.code == 0, first.err
    kinds = {p.suffix for p in _entries(tmp_path / "cache")}
    assert kinds == {".checked", ".condition", ".template"}  # clause text checked; conditions, clause text and the Word template compiled
    before = {p: p.stat().st_mtime_ns for p in _entries(tmp_path / "cache")}
    second = _render(tmp_path / "second.docx", tmp_path / "cache")
    assert second.code == 0, second.err
    assert (second.out.replace("second.docx", "first.docx"), second.err) == (first.out, first.err)
    assert _document_xml(tmp_path / "second.docx") == _document_xml(tmp_path / "first.docx")
    assert {p: p.stat().st_mtime_ns for p in _entries(tmp_path / "cache")} == before  # read, not written again
    assert all(p.stat().st_mode & 0o077 == 0 for p in before)  # the user's own


def test_damaged_entries_are_compiled_afresh(tmp_path):
    assert _render(tmp_path / "first.docx", tmp_path / "cache").code == 0
    damaged = {}
    for index, entry in enumerate(_entries(tmp_path / "cache")):
        damaged[entry] = [b"", b"\x00garbage", b"checked?"][index % 3]
        entry.write_bytes(damaged[entry])
    again = _render(tmp_path / "again.docx", tmp_path / "cache")
    assert again.code == 0, again.err
    assert _document_xml(tmp_path / "again.docx") == _document_xml(tmp_path / "first.docx")
    assert all(entry.read_bytes() != bad for entry, bad in damaged.items())  # each damaged entry was written anew


def test_off_keeps_nothing_and_an_unwritable_folder_is_no_error(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    off = _render(tmp_path / "off.docx", "off", home)
    assert off.code == 0, off.err
    assert not [p for p in home.rglob("*") if p.is_file()]  # no cache file anywhere: not in ./off, not in the default
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    unwritable = _render(tmp_path / "unwritable.docx", blocked)
    assert unwritable.code == 0, unwritable.err
    assert unwritable.err == off.err
    assert _document_xml(tmp_path / "unwritable.docx") == _document_xml(tmp_path / "off.docx")
    assert blocked.read_text() == "not a folder"
