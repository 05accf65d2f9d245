"""`poassembler serve` at the command line: its refusals are one message and exit 2, never a traceback."""

from __future__ import annotations

import socket

from cli_inprocess import assert_clean, invoke


def test_a_taken_port_is_refused_with_a_hint(capsys, tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        outcome = invoke(capsys, "serve", str(tmp_path / "case.yaml"), "--no-browser", "--port", str(port))
    assert_clean(outcome, 2)
    assert f"--port {port}: cannot listen on 127.0.0.1:{port}" in outcome.err and "choose another with --port" in outcome.err


def test_an_answers_file_name_the_form_cannot_address_is_refused(capsys, tmp_path):
    outcome = invoke(capsys, "serve", str(tmp_path / "my case.yaml"), "--no-browser")
    assert_clean(outcome, 2)
    assert "letters, digits" in outcome.err
    outcome = invoke(capsys, "serve", str(tmp_path / "case.docx"), "--no-browser")
    assert_clean(outcome, 2)


def test_answers_and_dir_together_are_refused(capsys, tmp_path):
    outcome = invoke(capsys, "serve", str(tmp_path / "case.yaml"), "--dir", str(tmp_path), "--no-browser")
    assert_clean(outcome, 2)
    assert "either ANSWERS or --dir" in outcome.err


def test_help_names_the_loopback_default(capsys):
    outcome = invoke(capsys, "serve", "--help")
    assert outcome.code == 0
    assert "--no-browser" in outcome.out and "127.0.0.1" in outcome.out


def test_listening_on_every_address_is_refused(capsys, tmp_path):
    outcome = invoke(capsys, "serve", "--dir", str(tmp_path), "--host", "0.0.0.0", "--no-browser")
    assert_clean(outcome, 2)
    assert "the one address browsers will use" in outcome.err
