"""Where court data lives (built in, or a firm's own folders) and loading it once."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from poassembler.clauses import ClauseLibrary
from poassembler.errors import BadLibrary
from poassembler.profiles import ProfileLibrary

_PACKAGE = Path(__file__).resolve().parent


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
                return path
        raise BadLibrary(f"no Word template '{name}.docx' in {', '.join(str(d) for d in self.template_dirs)}.")


def load_library(extra: list[Path] | None = None) -> Library:
    """The built-in library, overridden by id by each extra folder in turn."""
    builtin, extras = data_root(), list(extra or [])

    def folders(name: str) -> list[Path]:
        return [builtin / name] + [root / name for root in extras if (root / name).is_dir()]

    return Library(
        profiles=ProfileLibrary.load(folders("jurisdictions")),
        clauses=ClauseLibrary.load(folders("clauses")),
        template_dirs=tuple(folders("templates")),
    )


def origin_of(path: Path, extra: list[Path]) -> str:
    """"built-in" or the library folder a file comes from, for listings."""
    resolved = path.resolve()
    for root in reversed(extra):
        if resolved.is_relative_to(root.resolve()):
            return str(root)
    return "built-in"
