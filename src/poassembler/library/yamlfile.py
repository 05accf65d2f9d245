"""Read YAML files safely (PyYAML's SafeLoader only), with file:line:column in every error.

The loader is `yaml.SafeLoader` plus one check: a key written twice in the same mapping is an error
(plain `safe_load` would silently keep the last one, losing what the user typed first). Files are parsed
by libyaml's C parser where PyYAML has it (ten times faster; the same safe constructors); a file it
rejects is parsed again by the pure-Python parser, whose messages (line, column, wording) users see.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from poassembler.errors import PoError


class _UniqueKeys:
    """Refuses a key written twice in the same mapping (mixed into a safe loader)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if key_node.value in first_line:
                raise yaml.constructor.ConstructorError(
                    None,
                    None,
                    f"the key '{key_node.value}' appears twice in the same mapping (first on line "
                    f"{first_line[key_node.value]}); keep one",
                    key_node.start_mark,
                )
            first_line[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)


class _SafeUniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """`yaml.SafeLoader` (no Python objects, ever) that refuses duplicate keys."""


class _FastSafeUniqueKeyLoader(_UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsed by libyaml when available."""


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


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
        return yaml.load(text, Loader=_FastSafeUniqueKeyLoader)  # noqa: S506 - a (C)SafeLoader subclass
    except yaml.YAMLError:
        pass  # parsed again below, for the pure-Python parser's message
    try:
        return yaml.load(text, Loader=_SafeUniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        raise error(
            f"{path}:{line}:{column}: the control character U+{exc.character:04X} cannot be stored in YAML "
            "(nor in Word); delete it (it often comes from text pasted out of a PDF)."
        ) from None
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
        root = yaml.compose(path.read_text(encoding="utf-8"), Loader=_FastSafeUniqueKeyLoader)
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


def line_of(lines: dict[tuple, int], key: tuple) -> int | None:
    """The line of `key`, or of its nearest enclosing key in `lines` (from `key_lines`); None if none."""
    for end in range(len(key), -1, -1):
        if key[:end] in lines:
            return lines[key[:end]]
    return None
