"""Read one library file (profile or clause) into its pydantic model, every problem with file:line."""

from __future__ import annotations

from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, ValidationError

from poassembler.errors import BadLibrary, Problem, field_path
from poassembler.library.yamlfile import key_lines, line_of, read_yaml

Model = TypeVar("Model", bound=BaseModel)


def read_library_file(path: Path, model: type[Model], what: str, fields_hint: str) -> Model:
    """Parse `path` as `model`; a wrong shape or field raises BadLibrary naming the file and line."""
    data = read_yaml(path, BadLibrary)
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
            problems.append(Problem(message, str(path), line_of(lines, loc) or 1, field_path(loc), BadLibrary.exit_code))
        raise BadLibrary(f"{path}: not a valid {what.removeprefix('a ')}.", problems) from None
