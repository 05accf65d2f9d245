"""Where court data lives (built in, or a firm's own folders) and loading it once."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from poassembler.library.files import check_inside_library
from poassembler.errors import BadLibrary
from poassembler.library.profiles import ProfileLibrary

if TYPE_CHECKING:  # clauses (and Jinja with them) are imported when a whole library is loaded
    from poassembler.library.clauses import ClauseLibrary

_PACKAGE = Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """The folder holding the built-in `jurisdictions/`, `clauses/` and `templates/`.

    A wheel carries them in `poassembler/_data/`; a source checkout (editable install) has them at
    the repository's top level, two folders above this package.
    """
    installed = _PACKAGE / "_data"
    if installed.is_dir():
        return installed
    return _PACKAGE.parent.parent


@dataclass(frozen=True)
class Library:
    """Profiles, clauses and Word templates, from the built-in data and any extra folders."""

    profiles: ProfileLibrary
    clauses: ClauseLibrary
    template_dirs: tuple[Path, ...]

    def template(self, name: str) -> Path:
        """The Word template by name; a later folder's file wins."""
        for folder in reversed(self.template_dirs):
            path = folder / f"{name}.docx"
            if path.is_file():
                check_inside_library(path)
                return path
        raise BadLibrary(f"no Word template '{name}.docx' in {', '.join(str(d) for d in self.template_dirs)}.")


def load_library(extra: list[Path] | None = None) -> Library:
    """The built-in library, overridden by id by each extra folder in turn.

    Loaded (read, validated, compiled) once per process for the same folders and files: a batch renders
    many drafts from one library. A file added, removed or changed on disk loads the library afresh.
    """
    roots = (data_root(), *(Path(root) for root in extra or []))
    key = (roots, tuple(root.resolve() for root in roots), _fingerprint(roots))
    if key not in _LOADED:
        _LOADED.clear()  # one library per process is the common case; never keep stale ones around
        with _collector_paused():  # everything built here is kept: collecting meanwhile would only walk it
            _LOADED[key] = _load(roots[0], list(roots[1:]))
    return _LOADED[key]


@contextmanager
def _collector_paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_LOADED: dict[tuple, Library] = {}


def _fingerprint(roots: tuple[Path, ...]) -> tuple:
    """Name, size and modification time of every data file: cheap to take, changes when any file does."""
    stamps = []
    for root in roots:
        for name in ("jurisdictions", "clauses"):
            folder = root / name
            if folder.is_dir():
                for path in sorted(folder.glob("*.yaml")):
                    try:
                        stat = path.stat()
                    except OSError:  # removed meanwhile: loading reports what is (not) there
                        continue
                    stamps.append((str(path), stat.st_size, stat.st_mtime_ns))
    return tuple(stamps)


def load_profiles(extra: list[Path] | None = None) -> ProfileLibrary:
    """Only the court profiles, for listings: no clause is read or compiled (the whole library's, if loaded)."""
    roots = (data_root(), *(Path(root) for root in extra or []))
    for key, library in _LOADED.items():
        if key[0] == roots:
            return library.profiles
    with _collector_paused():
        return ProfileLibrary.load(_folders(roots[0], list(roots[1:]), "jurisdictions"))


def _folders(builtin: Path, extras: list[Path], name: str) -> list[Path]:
    return [builtin / name] + [root / name for root in extras if (root / name).is_dir()]


def _load(builtin: Path, extras: list[Path]) -> Library:
    from poassembler.library.clauses import ClauseLibrary

    def folders(name: str) -> list[Path]:
        return _folders(builtin, extras, name)

    return Library(
        profiles=ProfileLibrary.load(folders("jurisdictions")),
        clauses=ClauseLibrary.load(folders("clauses")),
        template_dirs=tuple(folders("templates")),
    )


def origin_of(path: Path, extra: list[Path]) -> str:
    """"built-in" or the library folder a file comes from, for listings."""
    resolved = path.resolve()
    # The most specific folder holding the file wins: with `--library /` the built-in files are still
    # "built-in", not "/"; among equals, the later folder (it overrides the earlier ones).
    candidates = [(len(data_root().resolve().parts), 0, "built-in")] if resolved.is_relative_to(data_root().resolve()) else []
    for order, root in enumerate(extra, 1):
        if resolved.is_relative_to(root.resolve()):
            candidates.append((len(root.resolve().parts), order, str(root)))
    return max(candidates)[2] if candidates else "built-in"
