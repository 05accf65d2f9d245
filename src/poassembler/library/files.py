"""Read one library file (profile or clause) into its pydantic model, every problem with file:line.

A library file must really be inside its library folder: a symbolic link that leads out of it (to
`/etc/shadow`, another user's files) is refused before it is read, so no outside file's content can
reach a message.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from poassembler.errors import BadLibrary, Problem, field_path
from poassembler.library.yamlfile import key_lines, line_of, read_yaml

Model = TypeVar("Model", bound=BaseModel)

_KINDS = ("jurisdictions", "clauses", "templates")


def check_inside_library(path: Path) -> None:
    """Refuse a file in `LIBRARY/jurisdictions|clauses|templates/` whose real location is outside LIBRARY."""
    if path.parent.name not in _KINDS:
        return  # a file named on the command line: the user chose it
    root = path.parent.parent
    try:
        inside = path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a symlink loop
        inside = False
    if not inside:
        raise BadLibrary(
            f"{path}: is a link to a file outside the library folder {root}; library files must be inside it.",
            hint="Copy the file into the library folder instead of linking to it.",
        )


def read_library_yaml(path: Path) -> Any:
    """The YAML data of a library file, after checking it is inside its library."""
    check_inside_library(path)
    return read_yaml(path, BadLibrary)


def read_library_file(path: Path, model: type[Model], what: str, fields_hint: str) -> Model:
    """Parse `path` as `model`; a wrong shape or field raises BadLibrary naming the file and line."""
    data = read_library_yaml(path)
    if not isinstance(data, dict):
        raise BadLibrary(f"{path}: {what} must be a mapping of fields ({fields_hint}).")
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        lines = key_lines(path)
        problems = []
        for error in exc.errors():
            loc = error["loc"]
            message = "required, but missing" if error["type"] == "missing" else error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "is not a field of " + what.removeprefix("a ").removeprefix("an ") + " (misspelt?)"
            problems.append(Problem(message, str(path), line_of(lines, loc) or 1, _short(field_path(loc)), BadLibrary.exit_code))
        raise BadLibrary(f"{path}: not a valid {what.removeprefix('a ')}.", problems) from None


def _short(text: str, limit: int = 60) -> str:
    """A field path for a message, shortened: an unknown key may be a whole line of a stray file."""
    return text if len(text) <= limit else text[: limit - 1] + "…"
