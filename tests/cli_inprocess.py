"""The one way tests call the CLI: `poassembler(*args)` runs `poassembler ARGS…` through the real entry point
and its one error handler, in this process (fast, and a test can inject an OS failure), and returns what a
user would see. `in_a_process(*args)` is the same in a fresh Python process, for the few tests where the
process itself is the point (the console script, import cost, a traceback with --debug, PATH without
LibreOffice, worker processes)."""

from __future__ import annotations

import contextlib
import io
import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from poassembler.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
NO_USER_CONFIG = ROOT / "tests" / "fixtures" / "no-user-config"


@dataclass(frozen=True)
class Outcome:
    code: int
    out: str
    err: str


def _clean_env(env: dict | None) -> dict:
    """The environment a test runs in: no POASSEMBLER_LIBRARY, and not the tester's own config file."""
    clean = {k: v for k, v in os.environ.items() if k != "POASSEMBLER_LIBRARY"}
    clean["XDG_CONFIG_HOME"] = str(NO_USER_CONFIG)
    clean.update(env or {})
    return clean


@contextlib.contextmanager
def _environment(env: dict) -> Iterator[None]:
    saved = dict(os.environ)
    os.environ.clear()
    os.environ.update(env)
    try:
        yield
    finally:
        os.environ.clear()
        os.environ.update(saved)


def poassembler(*args: str | Path, cwd: Path | None = None, env: dict | None = None) -> Outcome:
    """`poassembler ARGS…` in this process: exit code, stdout, stderr."""
    out, err = io.StringIO(), io.StringIO()
    code = 0
    with contextlib.ExitStack() as stack:
        if cwd is not None:
            stack.enter_context(contextlib.chdir(cwd))
        stack.enter_context(_environment(_clean_env(env)))
        stack.enter_context(contextlib.redirect_stdout(out))
        stack.enter_context(contextlib.redirect_stderr(err))
        try:
            main([str(a) for a in args])
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    return Outcome(code, out.getvalue(), err.getvalue())


def in_a_process(*args: str | Path, cwd: Path | None = None, env: dict | None = None, python_args: tuple[str, ...] = (), timeout: float = 300) -> Outcome:
    """`python -m poassembler ARGS…` in a fresh process (this checkout's source first on the path)."""
    full_env = _clean_env(env)
    full_env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + full_env.get("PYTHONPATH", "")
    done = subprocess.run(
        [sys.executable, *python_args, "-m", "poassembler", *map(str, args)],
        capture_output=True, text=True, cwd=cwd, env=full_env, timeout=timeout,
    )
    return Outcome(done.returncode, done.stdout, done.stderr)


def invoke(_capsys, *args: str | Path) -> Outcome:
    """The former name, `invoke(capsys, *args)`: kept only so branches written before `poassembler()` still
    merge; new tests call `poassembler(*args)`."""
    return poassembler(*args)


def assert_clean(outcome: Outcome, code: int) -> None:
    """The documented exit code, one `error:` message, no traceback."""
    assert outcome.code == code, outcome.err
    assert "Traceback" not in outcome.err + outcome.out
    assert outcome.err.startswith("error: "), outcome.err
