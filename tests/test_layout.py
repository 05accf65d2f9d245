"""The layout a newcomer reads as the pipeline: no import cycles, small modules, every module documented."""

from __future__ import annotations

import ast
from pathlib import Path

from conftest import ROOT

PACKAGE = ROOT / "src" / "poassembler"
MAX_LINES = 420  # "small modules (< ~400 lines)"
# Over the limit, each with the work that shrinks it (the list may only get shorter).
TOO_LONG_FOR_NOW = {
}


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(("poassembler", *path.relative_to(PACKAGE).with_suffix("").parts)).removesuffix(".__init__")
        found[name] = path
    return found


def imported(path: Path, known: dict[str, Path]) -> set[str]:
    """Every poassembler module `path` imports, at the top or inside a function."""
    out = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("poassembler"):
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                out.add(full if full in known else node.module)
        elif isinstance(node, ast.Import):
            out |= {a.name for a in node.names if a.name.startswith("poassembler")}
    return {m for m in out if m in known and m != "poassembler"}


def test_no_import_cycles():
    known = modules()
    graph = {name: imported(path, known) - {name} for name, path in known.items()}
    state: dict[str, int] = {}  # 1 on the path, 2 done
    cycles = []

    def visit(name: str, path: list[str]) -> None:
        state[name] = 1
        for other in sorted(graph[name]):
            if state.get(other) == 1:
                cycles.append(path[path.index(other):] + [other])
            elif other not in state:
                visit(other, path + [other])
        state[name] = 2

    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_no_module_over_the_limit():
    too_long = {}
    for path in PACKAGE.rglob("*.py"):
        relative = path.relative_to(PACKAGE).as_posix()
        lines = len(path.read_text(encoding="utf-8").splitlines())
        if lines > MAX_LINES and relative not in TOO_LONG_FOR_NOW:
            too_long[relative] = lines
    assert too_long == {}
    for relative in TOO_LONG_FOR_NOW:
        assert len((PACKAGE / relative).read_text(encoding="utf-8").splitlines()) > MAX_LINES, f"{relative} is short now: drop it from the list"


def test_architecture_doc_names_every_module():
    doc = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    missing = [
        path.relative_to(PACKAGE).as_posix() for path in PACKAGE.rglob("*.py")
        if path.name not in ("__init__.py", "__main__.py") and f"`{path.relative_to(PACKAGE).as_posix()}`" not in doc
    ]
    assert missing == []
