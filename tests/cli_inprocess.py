"""Run the CLI in this process (fast, and lets a test inject an OS failure), as a user would see it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from poassembler.cli.main import main


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def invoke(capsys: pytest.CaptureFixture, *args: str) -> Outcome:
    """`poassembler ARGS…` through the real entry point and its one error handler."""
    capsys.readouterr()
    try:
        main(list(args))
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    captured = capsys.readouterr()
    return Outcome(code, captured.out, captured.err)


def assert_clean(outcome: Outcome, code: int) -> None:
    """The documented exit code, one `error:` message, no traceback."""
    assert outcome.code == code, outcome.err
    assert "Traceback" not in outcome.err + outcome.out
    assert outcome.err.startswith("error: "), outcome.err
