"""Reading and writing plain answers data by key path: ("parties", 2, "counsel", 0, "email")."""

from __future__ import annotations

from typing import Any

Key = tuple[str | int, ...]

_MISSING = object()


def get_in(data: Any, key: Key, default: Any = None) -> Any:
    """The value at `key`, or `default` when any step of the path is absent."""
    node = data
    for part in key:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return default
    return node


def has_in(data: Any, key: Key) -> bool:
    """Whether `key` is present (a present `null` counts: it is an answer, e.g. "no judge")."""
    return get_in(data, key, _MISSING) is not _MISSING


def set_in(data: dict, key: Key, value: Any) -> None:
    """Set the value at `key`, creating mappings on the way (list items must already exist)."""
    node: Any = data
    for part in key[:-1]:
        if isinstance(node, dict) and not isinstance(node.get(part), (dict, list)):
            node[part] = {}
        node = node[part]
    node[key[-1]] = value


def delete_in(data: dict, key: Key) -> None:
    """Remove the value at `key`; mappings left empty on the way are removed too."""
    if not has_in(data, key):
        return
    parent = get_in(data, key[:-1]) if len(key) > 1 else data
    if isinstance(parent, dict):
        del parent[key[-1]]
    if len(key) > 1 and isinstance(parent, dict) and not parent and isinstance(key[-2], str):
        delete_in(data, key[:-1])
