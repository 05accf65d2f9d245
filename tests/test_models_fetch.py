"""`poassembler models fetch COURT`: download from the profile's URL into a cache, checked against a
recorded SHA-256. The court's server is a local one on 127.0.0.1 (or a file:// URL) serving a stand-in
model file this test writes itself: no outside network."""

from __future__ import annotations

import functools
import hashlib
import http.server
import socket
import threading
from pathlib import Path

import pytest

from cli_inprocess import assert_clean, invoke
from conftest import ROOT

STAND_IN = b"%PDF-1.4\n% stand-in model order written by the poassembler tests, not a court's file\n"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # keep the server's request log out of the CLI's stderr
        pass


@pytest.fixture
def server(tmp_path):
    """A local HTTP server for tmp_path/site; yields its base URL."""
    site = tmp_path / "site"
    site.mkdir()
    handler = functools.partial(_QuietHandler, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield site, f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def library_with_url(tmp_path: Path, url: str, sha256: str | None = None) -> Path:
    """A library folder whose wawd profile (a copy of the built-in one) points its model at `url`."""
    text = (ROOT / "jurisdictions" / "wawd.yaml").read_text(encoding="utf-8")
    old = '  url: "https://www.wawd.uscourts.gov/sites/wawd/files/ModelStipulatedProtectiveOrder.pdf"\n'
    assert old in text
    new = f'  url: "{url}"\n' + (f'  sha256: "{sha256}"\n' if sha256 else "")
    folder = tmp_path / "lib"
    (folder / "jurisdictions").mkdir(parents=True, exist_ok=True)
    (folder / "jurisdictions" / "wawd.yaml").write_text(text.replace(old, new), encoding="utf-8")
    return folder


def fetch(capsys, library: Path, cache: Path, *extra: str):
    return invoke(capsys, "--library", str(library), "models", "fetch", "wawd", "--cache-dir", str(cache), *extra)


def test_first_fetch_records_the_hash_and_later_ones_check_it(capsys, tmp_path, server):
    site, base = server
    (site / "Model Order.pdf").write_bytes(STAND_IN)
    library, cache = library_with_url(tmp_path, f"{base}/Model%20Order.pdf"), tmp_path / "cache"
    digest = hashlib.sha256(STAND_IN).hexdigest()

    first = fetch(capsys, library, cache)
    assert first.code == 0, first.err
    copy = cache / "models" / "wawd" / "Model_Order.pdf"
    assert copy.read_bytes() == STAND_IN
    assert f"add `sha256: {digest}`" in first.out
    assert (cache / "models" / "wawd" / "Model_Order.pdf.sha256").read_text().split()[0] == digest

    again = fetch(capsys, library, cache)
    assert again.code == 0 and "unchanged" in again.out

    (site / "Model Order.pdf").write_bytes(STAND_IN + b"% revised\n")
    changed = fetch(capsys, library, cache)
    assert_clean(changed, 3)
    assert "has changed" in changed.err and digest in changed.err
    assert copy.read_bytes() == STAND_IN  # the changed file never replaces the checked copy


def test_a_hash_recorded_in_the_profile_wins(capsys, tmp_path, server):
    site, base = server
    (site / "model.pdf").write_bytes(STAND_IN)
    good = library_with_url(tmp_path, f"{base}/model.pdf", hashlib.sha256(STAND_IN).hexdigest())
    result = fetch(capsys, good, tmp_path / "cache")
    assert result.code == 0 and "matches the SHA-256 recorded in the profile" in result.out

    stale = library_with_url(tmp_path, f"{base}/model.pdf", "0" * 64)
    result = fetch(capsys, stale, tmp_path / "cache2")
    assert_clean(result, 3)
    assert "the court profile records " + "0" * 64 in result.err
    assert not (tmp_path / "cache2" / "models" / "wawd" / "model.pdf").exists()


def test_offline_or_moved_gives_one_clear_message(capsys, tmp_path, server):
    site, base = server
    result = fetch(capsys, library_with_url(tmp_path, f"{base}/gone.pdf"), tmp_path / "cache")
    assert_clean(result, 4)
    assert "404" in result.err and "moved" in result.err

    with socket.socket() as probe:  # a port nothing listens on: what a machine without the network sees
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = fetch(capsys, library_with_url(tmp_path, f"http://127.0.0.1:{port}/model.pdf"), tmp_path / "cache", "--timeout", "2")
    assert_clean(result, 4)
    assert "could not download the model" in result.err and "offline" in result.err


def test_file_urls_work_too(capsys, tmp_path):
    source = tmp_path / "model.pdf"
    source.write_bytes(STAND_IN)
    result = fetch(capsys, library_with_url(tmp_path, source.as_uri()), tmp_path / "cache")
    assert result.code == 0, result.err
    assert (tmp_path / "cache" / "models" / "wawd" / "model.pdf").read_bytes() == STAND_IN


def test_models_list_and_show(capsys):
    listed = invoke(capsys, "models", "list")
    assert listed.code == 0
    assert "ilnd" in listed.out and "redline required" in listed.out and "wawd" in listed.out
    shown = invoke(capsys, "models", "show", "wawd")
    assert "§ 6 CHALLENGING CONFIDENTIALITY DESIGNATIONS → challenge_wawd" in shown.out
    assert "not the whole model" not in shown.out  # every section of the W.D. Wash. model is listed
    none = invoke(capsys, "models", "fetch", "nysd")
    assert_clean(none, 2)
    assert "names no model order" in none.err
