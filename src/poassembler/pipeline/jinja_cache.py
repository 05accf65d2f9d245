"""Compiled Jinja kept between runs, as Python keeps compiled modules in __pycache__.

Parsing and compiling clause text, conditions and Word templates is most of the Jinja time of a fresh
process (a cold `render` spends about 70 ms on it). Here the Python code Jinja generates for a source is
stored under a hash of the source and of everything the code depends on (Python's, Jinja's and this
package's versions, the environment's class and settings, its filters and tests), and a source that
passed the load-time syntax check is remembered as such; the next process loads the code instead.

The folder is ROOT/jinja, ROOT being $POASSEMBLER_CACHE, else $XDG_CACHE_HOME/poassembler, else
~/.cache/poassembler (the model-order copies' root); `POASSEMBLER_CACHE=off` keeps nothing. Files are
written whole (temporary file, then rename) and readable by the user only. A missing, unreadable or
damaged entry is compiled afresh; a folder that cannot be written keeps nothing and is no error. An
entry never changes what a template does: the same source and settings compile to the same code.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import sys
from pathlib import Path
from types import CodeType
from typing import Any, Callable

CACHE_ENV = "POASSEMBLER_CACHE"

_SETTINGS = ("autoescape", "trim_blocks", "lstrip_blocks", "keep_trailing_newline", "newline_sequence",
             "block_start_string", "block_end_string", "variable_start_string", "variable_end_string",
             "comment_start_string", "comment_end_string", "line_statement_prefix", "line_comment_prefix",
             "optimized", "is_async")
_CHECKED = b"checked"  # the content of a "passed the syntax check" entry


def folder() -> Path | None:
    """Where entries live, or None when caching is off."""
    root = os.environ.get(CACHE_ENV)
    if root == "off":
        return None
    if not root:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
        root = str(Path(base) / "poassembler")
    return Path(root) / "jinja"


def environment_key(environment: Any) -> str:
    """What the code Jinja generates in `environment` depends on, besides the source."""
    import jinja2

    from poassembler import __version__

    settings = [repr(getattr(environment, name, None)) for name in _SETTINGS]
    # the generated code passes a filter, test or finalize function the context it asks for (`@pass_context`)
    functions = [f"{kind}:{name}:{_passes(function)}" for kind, table in (("filter", environment.filters), ("test", environment.tests))
                 for name, function in sorted(table.items())]
    return "\n".join([sys.version, jinja2.__version__, __version__, type(environment).__qualname__, *settings,
                      f"finalize:{environment.finalize is not None}:{_passes(environment.finalize)}", *functions])


def _passes(function: Any) -> str:
    return repr(getattr(function, "jinja_pass_arg", None))


def cached_code(kind: str, environment: Any, source: str, compile_source: Callable[[], CodeType]) -> CodeType:
    """The compiled code of `source` (`kind`: what the source is, e.g. "template", "condition"), from the
    cache when it holds it, else from `compile_source()` (its errors propagate), then stored."""
    path = _entry(kind, environment, source)
    data = _read(path)
    if data:
        try:
            code = marshal.loads(data)
            if isinstance(code, CodeType):
                return code
        except (EOFError, ValueError, TypeError):
            pass  # damaged: compiled afresh below
    code = compile_source()
    _write(path, marshal.dumps(code))
    return code


def checked(environment: Any, source: str) -> bool:
    """Whether `source` passed the load-time syntax check before (with the same settings and versions)."""
    return _read(_entry("checked", environment, source)) == _CHECKED


def remember_checked(environment: Any, source: str) -> None:
    _write(_entry("checked", environment, source), _CHECKED)


_KEYS: dict[int, tuple[Any, str]] = {}  # environment → its key (environments live as long as the process)


def _entry(kind: str, environment: Any, source: str) -> Path | None:
    where = folder()
    if where is None:
        return None
    known = _KEYS.get(id(environment))
    if known is None or known[0] is not environment:
        known = _KEYS[id(environment)] = (environment, environment_key(environment))
    digest = hashlib.sha256(f"{kind}\n{known[1]}\n".encode() + source.encode("utf-8", "surrogatepass")).hexdigest()
    return where / digest[:2] / f"{digest[2:]}.{kind}"


def _read(path: Path | None) -> bytes | None:
    if path is None:
        return None
    try:
        with open(path, "rb") as handle:
            return handle.read()
    except OSError:
        return None


def _write(path: Path | None, data: bytes) -> None:
    if path is None:
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.{os.urandom(4).hex()}")
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(descriptor, "wb") as handle:
            handle.write(data)
        os.replace(temporary, path)
    except OSError:  # read-only, full, or not ours: keep nothing
        try:
            os.unlink(temporary)
        except OSError:
            pass
