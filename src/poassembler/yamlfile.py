"""Read YAML files safely (`yaml.safe_load` only), with file:line:column in every error."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from poassembler.errors import PoError

# libyaml's C parser when PyYAML was built with it (ten times faster); the same safe constructors either way.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def read_yaml(path: Path, error: type[PoError]) -> Any:
    """Parse one YAML file; malformed YAML or an unreadable file raises `error` naming the spot."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise error(f"{path}: no such file.") from None
    except IsADirectoryError:
        raise error(f"{path}: is a folder, not a YAML file.") from None
    except UnicodeDecodeError as exc:
        raise error(f"{path}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again.") from None
    except OSError as exc:
        raise error(f"{path}: cannot be read ({exc.strerror}).") from None
    try:
        return yaml.load(text, Loader=_SafeLoader)  # noqa: S506 — a safe loader (C or pure Python)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{path}:{mark.line + 1}:{mark.column + 1}" if mark else str(path)
        what = exc.problem or exc.context or "malformed YAML"
        raise error(
            f"{where}: {what}.",
            hint="Fix the YAML at that line (check indentation, colons and quotes) and try again.",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"{path}: malformed YAML ({exc}).") from None


def key_lines(path: Path) -> dict[tuple, int]:
    """Map each key path in a YAML mapping to its 1-based line, for pointing errors at a line."""
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_SafeLoader)
    except (OSError, yaml.YAMLError, UnicodeDecodeError):
        return {}
    lines: dict[tuple, int] = {}

    def walk(node: yaml.Node, at: tuple) -> None:
        lines.setdefault(at, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                walk(value, at + (key.value,))
                lines[at + (key.value,)] = key.start_mark.line + 1
        elif isinstance(node, yaml.SequenceNode):
            for index, item in enumerate(node.value):
                walk(item, at + (index,))

    if root is not None:
        walk(root, ())
    return lines
