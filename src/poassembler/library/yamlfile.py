"""Read YAML files safely (PyYAML's SafeLoader only), with file:line:column in every error.

The loader is `yaml.SafeLoader` plus checks made before anything is built from the file:

- only a regular file of at most `MAX_FILE_BYTES` is read (never a device such as /dev/zero or a pipe);
- nesting deeper than `MAX_DEPTH` levels is refused (libyaml's builder recurses, and crashes, on
  tens of thousands of `[`), and so are aliases that expand to more than `MAX_EXPANDED_VALUES`
  values ("billion laughs") or that refer to the collection they are in (a cycle); these are counted
  on libyaml's event stream, which does not recurse;
- a key written twice in the same mapping is an error (plain `safe_load` would silently keep the last
  one, losing what the user typed first);
- an impossible date (`2024-02-30`) or an integer too long to convert is an error at its line.

Files are parsed by libyaml's C parser where PyYAML has it (ten times faster; the same safe
constructors); a file it rejects is parsed again by the pure-Python parser, whose messages (line,
column, wording) users see.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import ConstructorError, SafeConstructor

from poassembler.errors import PoError

MAX_FILE_BYTES = 20 * 1024 * 1024
"""An answers file or library file larger than this is refused (real ones are under 100 KB)."""

MAX_DEPTH = 64
"""Nesting levels of mappings and lists (real files use fewer than 10)."""

MAX_EXPANDED_VALUES = 1_000_000
"""Values a file may hold once its aliases (`*name`) are written out."""


class _UniqueKeys:
    """Refuses a key written twice in the same mapping (mixed into a safe loader)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict:
        if not isinstance(node, yaml.MappingNode):
            return super().construct_mapping(node, deep=deep)  # PyYAML's "expected a mapping node" error
        first_line: dict[Any, int] = {}
        for key_node, _ in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag == "tag:yaml.org,2002:merge":
                continue
            if key_node.value in first_line:
                raise ConstructorError(
                    None,
                    None,
                    f"the key '{key_node.value}' appears twice in the same mapping (first on line "
                    f"{first_line[key_node.value]}); keep one",
                    key_node.start_mark,
                )
            first_line[key_node.value] = key_node.start_mark.line + 1
        return super().construct_mapping(node, deep=deep)

    def construct_object(self, node: yaml.Node, deep: bool = False) -> Any:
        """PyYAML's constructors raise plain Python errors on some odd values (`!!int ""`, `!!float x`):
        each becomes a YAML error at the value's line, like every other."""
        try:
            return super().construct_object(node, deep=deep)
        except yaml.YAMLError:
            raise
        except _PYTHON_ERRORS as exc:
            raise ConstructorError(None, None, f"cannot read this value ({type(exc).__name__}: {exc})", node.start_mark) from None


def _construct_int(loader: SafeConstructor, node: yaml.ScalarNode) -> int:
    try:
        return SafeConstructor.construct_yaml_int(loader, node)
    except ValueError:
        digits = sum(c.isdigit() for c in node.value)
        raise ConstructorError(
            None, None, f"a number of {digits:,} digits is too long to read; if it is text, put it in quotes", node.start_mark
        ) from None


def _construct_timestamp(loader: SafeConstructor, node: yaml.ScalarNode) -> Any:
    try:
        return SafeConstructor.construct_yaml_timestamp(loader, node)
    except (ValueError, OverflowError) as exc:
        raise ConstructorError(
            None, None, f"'{node.value}' is not a real date ({exc}); write an existing date as YYYY-MM-DD", node.start_mark
        ) from None


_PYTHON_ERRORS = (ValueError, TypeError, IndexError, KeyError, AttributeError, OverflowError)


class _SafeUniqueKeyLoader(_UniqueKeys, yaml.SafeLoader):
    """`yaml.SafeLoader` (no Python objects, ever) that refuses duplicate keys."""


class _FastSafeUniqueKeyLoader(_UniqueKeys, getattr(yaml, "CSafeLoader", yaml.SafeLoader)):
    """The same, parsed by libyaml when available."""


for _loader in (_SafeUniqueKeyLoader, _FastSafeUniqueKeyLoader):
    _loader.add_constructor("tag:yaml.org,2002:int", _construct_int)
    _loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)


def _line_column(text: str, position: int) -> tuple[int, int]:
    before = text[:position]
    return before.count("\n") + 1, position - (before.rfind("\n") + 1) + 1


def shown_path(path: Path, limit: int = 300) -> str:
    """A path for a message; an absurdly long one (past `limit` characters) is shortened, keeping its end."""
    text = str(path)
    return text if len(text) <= limit else "…" + text[-(limit - 1):]


def read_file_bytes(path: Path, error: type[PoError], what: str, limit: int) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; a device (/dev/zero), pipe, folder, missing,
    unreadable or larger file raises `error` with a message naming it."""
    shown = shown_path(path)
    try:
        # O_NONBLOCK: opening a named pipe must not wait for a writer; it has no effect on regular files.
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except FileNotFoundError:
        raise error(f"{shown}: no such file.") from None
    except IsADirectoryError:
        raise error(f"{shown}: is a folder, not a {what}.") from None
    except OSError as exc:
        if exc.errno == errno.ENAMETOOLONG:
            raise error(f"{shown}: the path or a name in it is too long for this system ({len(str(path)):,} characters).",
                        hint="Use a shorter file or folder name.") from None
        raise error(f"{shown}: cannot be read ({exc.strerror or exc}).") from None
    info = os.fstat(fd)
    problem = None
    if stat.S_ISDIR(info.st_mode):
        problem = f"{shown}: is a folder, not a {what}."
    elif not stat.S_ISREG(info.st_mode):
        problem = f"{shown}: is not a regular file (a device, pipe or socket); give a {what}."
    elif info.st_size > limit:
        problem = f"{shown}: is {info.st_size / 2**20:,.0f} MB; a {what} may be at most {limit // 2**20} MB."
    if problem:
        os.close(fd)
        raise error(problem)
    with os.fdopen(fd, "rb") as handle:
        try:
            data = handle.read(limit + 1)
        except OSError as exc:
            raise error(f"{shown}: cannot be read ({exc.strerror or exc}).") from None
    if len(data) > limit:
        raise error(f"{shown}: is larger than {limit // 2**20} MB, the most a {what} may be.")
    return data


def read_text(path: Path, error: type[PoError], what: str = "YAML file", limit: int = MAX_FILE_BYTES) -> str:
    """The UTF-8 text of a regular file of at most `limit` bytes; anything else raises `error`."""
    data = read_file_bytes(path, error, what, limit)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise error(f"{shown_path(path)}: not UTF-8 text (byte {exc.start}); save it as UTF-8 and try again.") from None


def _where(path: Path, mark: Any) -> str:
    return f"{shown_path(path)}:{mark.line + 1}:{mark.column + 1}" if mark else shown_path(path)


def check_shape(text: str, path: Path, error: type[PoError]) -> None:
    """Refuse nesting deeper than MAX_DEPTH, alias cycles and aliases expanding past MAX_EXPANDED_VALUES.

    Walks libyaml's event stream (no recursion, nothing built); malformed YAML is left to the loader.
    """
    if len(text) < MAX_DEPTH and "&" not in text:
        return  # too short to nest that deep, and no anchor to expand
    sizes: dict[str, int] = {}  # anchor → values it holds, aliases expanded
    open_anchors: list[str | None] = []
    counts: list[int] = [0]
    total = 0
    try:
        for event in yaml.parse(text, Loader=_FastSafeUniqueKeyLoader):
            if isinstance(event, yaml.CollectionStartEvent):
                if len(open_anchors) >= MAX_DEPTH:
                    raise error(
                        f"{_where(path, event.start_mark)}: the YAML nests more than {MAX_DEPTH} levels deep here; "
                        "no answers file or library file needs that many.",
                        hint="Check for unclosed or repeated [ and { brackets.",
                    )
                open_anchors.append(event.anchor)
                counts.append(1)
                total += 1
            elif isinstance(event, yaml.CollectionEndEvent):
                size = counts.pop()
                anchor = open_anchors.pop()
                if anchor is not None:
                    sizes[anchor] = size
                counts[-1] += size
            elif isinstance(event, yaml.AliasEvent):
                if event.anchor in open_anchors:
                    raise error(
                        f"{_where(path, event.start_mark)}: the alias *{event.anchor} refers to the collection it is "
                        f"inside (&{event.anchor}), which would never end.",
                        hint="Write the values out instead of the alias.",
                    )
                counts[-1] += sizes.get(event.anchor, 1)
                total += sizes.get(event.anchor, 1)
            elif isinstance(event, yaml.ScalarEvent):
                if event.anchor is not None:
                    sizes[event.anchor] = 1
                counts[-1] += 1
                total += 1
            else:
                continue
            if total > MAX_EXPANDED_VALUES:
                raise error(
                    f"{_where(path, event.start_mark)}: the aliases (*name) in this file expand to more than "
                    f"{MAX_EXPANDED_VALUES:,} values.",
                    hint="Write the values out, or use each alias for a small part (e.g. one counsel).",
                )
    except yaml.YAMLError:
        return  # malformed: the loader reports it with its line and column


def read_yaml(path: Path, error: type[PoError]) -> Any:
    """Parse one YAML file; malformed YAML, an unreadable or hostile file raises `error` naming the spot."""
    text = read_text(path, error)
    check_shape(text, path, error)
    try:
        return yaml.load(text, Loader=_FastSafeUniqueKeyLoader)  # noqa: S506 - a (C)SafeLoader subclass
    except (yaml.YAMLError, *_PYTHON_ERRORS):
        pass  # parsed again below, for the pure-Python parser's message
    try:
        return yaml.load(text, Loader=_SafeUniqueKeyLoader)  # noqa: S506 - a SafeLoader subclass
    except yaml.reader.ReaderError as exc:
        line, column = _line_column(text, exc.position)
        raise error(
            f"{shown_path(path)}:{line}:{column}: the control character U+{exc.character:04X} cannot be stored in YAML "
            "(nor in Word); delete it (it often comes from text pasted out of a PDF)."
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        what = exc.problem or exc.context or "malformed YAML"
        raise error(
            f"{_where(path, mark)}: {what}.",
            hint="Fix the YAML at that line (check indentation, colons and quotes) and try again.",
        ) from None
    except yaml.YAMLError as exc:
        raise error(f"{shown_path(path)}: malformed YAML ({exc}).") from None
    except _PYTHON_ERRORS as exc:  # a constructor's own error on an odd value, outside construct_object
        raise error(f"{shown_path(path)}: cannot be read as YAML ({type(exc).__name__}: {exc}).",
                    hint="Check tags such as !!set or !!omap and the values under them.") from None


def key_lines(path: Path) -> dict[tuple, int]:
    """Map each key path in a YAML mapping to its 1-based line, for pointing errors at a line.

    Each node is visited once: an alias points at the lines of its anchor, never expanded again.
    """
    try:
        text = read_text(path, PoError)
        check_shape(text, path, PoError)
        root = yaml.compose(text, Loader=_FastSafeUniqueKeyLoader)
    except (PoError, yaml.YAMLError):
        return {}
    lines: dict[tuple, int] = {}
    seen: set[int] = set()

    def walk(node: yaml.Node, at: tuple) -> None:
        lines.setdefault(at, node.start_mark.line + 1)
        if id(node) in seen:
            return
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if not isinstance(key, yaml.ScalarNode):
                    continue
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
