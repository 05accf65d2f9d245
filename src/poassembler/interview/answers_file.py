"""The interview's answers file, saved after every answer (atomically).

A file the interview starts is plain YAML under a short header. A file the user wrote by hand and resumes
keeps its comments, key order and quoting: it is read a second time with ruamel.yaml's round-trip loader
and only the values that changed are replaced (new answers are added after the keys already there).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq

from poassembler.errors import BadInput
from poassembler.library.yamlfile import read_yaml


class AnswersFile:
    def __init__(self, path: Path, header: str = ""):
        self.path = path
        self.header = header
        self.document: CommentedMap | None = None  # the hand-written file as loaded, comments and all

    def load(self) -> dict:
        """The answers in the file (validated YAML, a mapping), remembering its layout for saving."""
        data = read_yaml(self.path, BadInput) or {}
        if not isinstance(data, dict):
            raise BadInput(f"{self.path}: expected a mapping of fields (court:, case:, parties: …).")
        document = _round_trip().load(self.path.read_text(encoding="utf-8"))
        self.document = document if isinstance(document, CommentedMap) else None
        return data

    def save(self, data: dict[str, Any]) -> None:
        """Write `data`: into the hand-written layout when there is one, else as plain YAML under the header."""
        from poassembler.pipeline.atomic import write_atomically

        if self.document is None:
            text = self.header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
        else:
            _merge(self.document, data)
            out = io.StringIO()
            _round_trip().dump(self.document, out)
            text = out.getvalue()
        write_atomically(self.path, text.encode("utf-8"), force=True)


def _round_trip() -> YAML:
    loader = YAML(typ="rt")
    loader.preserve_quotes = True
    loader.width = 4096  # never re-wrap a line the user wrote
    loader.indent(mapping=2, sequence=4, offset=2)
    return loader


def _merge(node: Any, value: Any) -> Any:
    """`value` written into `node` in place: equal values keep their formatting, removed keys go,
    new keys are appended; returns what to store in place of `node`."""
    if isinstance(node, CommentedMap) and isinstance(value, dict):
        for key in [k for k in node if k not in value]:
            del node[key]
        for key, item in value.items():
            node[key] = _merge(node[key], item) if key in node else item
        return node
    if isinstance(node, CommentedSeq) and isinstance(value, list):
        del node[len(value):]
        for index, item in enumerate(value):
            if index < len(node):
                node[index] = _merge(node[index], item)
            else:
                node.append(item)
        return node
    if type(value) is not bool and not isinstance(node, bool) and node == value:
        return node  # the same answer: keep its quotes and style
    return value


def save_answers_file(path: Path, data: dict[str, Any], header: str = "") -> None:
    """Write answers data to a file of the interview's own (plain YAML under `header`), atomically."""
    AnswersFile(path, header).save(data)


def mappings(node: Any) -> list[dict]:
    """Every mapping in answers data, outermost first."""
    if isinstance(node, dict):
        return [node] + [m for value in node.values() for m in mappings(value)]
    if isinstance(node, list):
        return [m for value in node for m in mappings(value)]
    return []
