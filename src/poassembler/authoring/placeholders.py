"""Check Jinja placeholders against the data they will meet: `answers.case.numbr` is caught before a draft.

A *shape* describes what a name holds: a pydantic model or dataclass (its fields), a list (its item
shape), a mapping with known keys (`periods`, `citations`, `tiers`), a plain value type (str, int, an
enum…) or `ANY` (not checked further). `check_source` parses Jinja text, follows every
`a.b.c` / `a["b"]` chain from a known root name and reports the first link that does not exist.
The same walker checks clause text (roots: answers, facts, profile, periods, citations, tiers, item)
and Word templates (roots: the RenderContext fields plus the extra names of `template_names`).
"""

from __future__ import annotations

import re

import dataclasses
import difflib
import enum
import types
import typing
from dataclasses import dataclass, field
from typing import Any

from jinja2 import Environment, TemplateSyntaxError, nodes
from pydantic import BaseModel


class _Any:
    def __repr__(self) -> str:
        return "ANY"


ANY: Any = _Any()


@dataclass(frozen=True)
class Keyed:
    """A mapping whose keys are known (e.g. the period names defined in the profiles)."""

    what: str  # "period", "citation", "tier": for messages
    keys: frozenset[str]
    value: Any  # the shape of each value


@dataclass(frozen=True)
class ListOf:
    item: Any


@dataclass(frozen=True)
class ExpressionProblem:
    """One placeholder that does not exist; `expression` is the chain as written."""

    expression: str
    message: str


@dataclass
class Report:
    """Problems found, and which period / citation / tier names the text uses (for per-court checks)."""

    problems: list[ExpressionProblem] = field(default_factory=list)
    used: dict[str, set[str]] = field(default_factory=dict)  # "period" → {"final_disposition_days", …}


# Names Jinja itself provides inside templates.
_JINJA_GLOBALS = {"range", "dict", "lipsum", "cycler", "joiner", "namespace", "loop", "true", "false", "none", "True", "False", "None"}


def _hints(cls: type) -> dict[str, Any]:
    try:
        return typing.get_type_hints(cls, include_extras=False)
    except Exception:  # noqa: BLE001 - a forward reference we cannot resolve: check names only
        return {f.name: ANY for f in dataclasses.fields(cls)}


def shape_of_type(tp: Any) -> Any:
    """The shape of a Python type annotation."""
    if tp is Any or tp is None:
        return ANY
    origin = typing.get_origin(tp)
    if origin is typing.Annotated:
        return shape_of_type(typing.get_args(tp)[0])
    if origin in (typing.Union, types.UnionType):
        args = [a for a in typing.get_args(tp) if a is not type(None)]
        return shape_of_type(args[0]) if len(args) == 1 else ANY
    if origin in (list, tuple, set, frozenset) or tp in (list, tuple):
        args = [a for a in typing.get_args(tp) if a is not Ellipsis]
        return ListOf(shape_of_type(args[0]) if args else ANY)
    if origin is dict:
        args = typing.get_args(tp)
        return Keyed("key", frozenset(), shape_of_type(args[1]) if len(args) == 2 else ANY)
    return tp if isinstance(tp, type) else ANY


def attribute(shape: Any, name: str) -> tuple[Any, str | None]:
    """(shape of `shape.name`, None) or (ANY, why it does not exist)."""
    if shape is ANY:
        return ANY, None
    if isinstance(shape, Keyed):
        if not shape.keys:  # a dict with free keys
            return shape.value, None
        if name in shape.keys:
            return shape.value, None
        return ANY, f"no {shape.what} '{name}'{_did_you_mean(name, shape.keys)}"
    if isinstance(shape, ListOf):
        return (ANY, None) if hasattr(list, name) else (ANY, f"'{name}' of a list: a list has items, not fields (use a `repeat:` or a for loop)")
    if isinstance(shape, type) and issubclass(shape, BaseModel):
        fields = shape.model_fields
        if name in fields:
            return shape_of_type(_hints(shape).get(name, fields[name].annotation)), None
        if hasattr(shape, name) and not name.startswith("_"):
            return ANY, None  # a method or property
        return ANY, f"{shape.__name__} has no field '{name}'{_did_you_mean(name, fields)}"
    if isinstance(shape, type) and dataclasses.is_dataclass(shape):
        hints = _hints(shape)
        names = [f.name for f in dataclasses.fields(shape)]
        if name in names:
            return shape_of_type(hints.get(name, Any)), None
        if hasattr(shape, name) and not name.startswith("_"):
            return ANY, None
        return ANY, f"{shape.__name__} has no field '{name}'{_did_you_mean(name, names)}"
    if isinstance(shape, type) and issubclass(shape, enum.Enum):
        return (ANY, None) if name in ("value", "name") or hasattr(shape, name) else (ANY, f"a {shape.__name__} choice has no '{name}' (use .value)")
    if isinstance(shape, type):
        return (ANY, None) if hasattr(shape, name) else (ANY, f"a {shape.__name__} value has no '{name}'")
    return ANY, None


def item_of(shape: Any) -> Any:
    """The shape of one element when iterating or indexing with a number."""
    if isinstance(shape, ListOf):
        return shape.item
    if isinstance(shape, Keyed):
        return ANY  # iterating a mapping gives its keys
    return ANY


def _did_you_mean(name: str, choices) -> str:
    close = difflib.get_close_matches(name, list(choices), n=1, cutoff=0.6)
    return f" (did you mean '{close[0]}'?)" if close else ""


class _Walker:
    def __init__(self, roots: dict[str, Any], strict_names: bool):
        self.scopes: list[dict[str, Any]] = [dict(roots)]
        self.strict_names = strict_names
        self.report = Report()

    def lookup(self, name: str) -> tuple[bool, Any]:
        for scope in reversed(self.scopes):
            if name in scope:
                return True, scope[name]
        return False, ANY

    def chain(self, node: nodes.Node) -> tuple[Any, str]:
        """Resolve a Name/Getattr/Getitem chain: (shape, text). Problems are recorded once."""
        if isinstance(node, nodes.Name):
            found, shape = self.lookup(node.name)
            if not found and self.strict_names and node.name not in _JINJA_GLOBALS:
                known = [n for s in self.scopes for n in s]
                self.report.problems.append(ExpressionProblem(node.name, f"unknown name '{node.name}'{_did_you_mean(node.name, known)}"))
            return shape, node.name
        if isinstance(node, nodes.Getattr):
            return self._step(node.node, node.attr, f".{node.attr}")
        if isinstance(node, nodes.Getitem):
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, str):
                return self._step(node.node, node.arg.value, f"[{node.arg.value!r}]")
            base, text = self.chain(node.node)
            self.visit(node.arg)
            if isinstance(node.arg, nodes.Const) and isinstance(node.arg.value, int):
                return item_of(base), f"{text}[{node.arg.value}]"
            return ANY, f"{text}[…]"
        self.visit(node)
        return ANY, "…"

    def _step(self, base_node: nodes.Node, name: str, suffix: str) -> tuple[Any, str]:
        base, text = self.chain(base_node)
        if base is ANY:
            return ANY, text + suffix
        shape, why = attribute(base, name)
        if isinstance(base, Keyed) and why is None and base.keys:
            self.report.used.setdefault(base.what, set()).add(name)
        if why:
            self.report.problems.append(ExpressionProblem(text + suffix, why))
            return ANY, text + suffix
        return shape, text + suffix

    def bind(self, target: nodes.Node, shape: Any) -> dict[str, Any]:
        if isinstance(target, nodes.Name):
            return {target.name: shape}
        if isinstance(target, nodes.Tuple):
            out: dict[str, Any] = {}
            for item in target.items:
                out.update(self.bind(item, ANY))
            return out
        return {}

    def visit(self, node: nodes.Node) -> None:
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            if isinstance(node, nodes.Name) and node.ctx != "load":
                return
            self.chain(node)
            return
        if isinstance(node, nodes.For):
            if isinstance(node.iter, (nodes.Name, nodes.Getattr, nodes.Getitem)):
                iter_shape = self.chain(node.iter)[0]
            else:
                self.visit(node.iter)
                iter_shape = ANY
            self.scopes.append({**self.bind(node.target, item_of(iter_shape)), "loop": ANY})
            for child in node.body + node.else_:
                self.visit(child)
            if node.test is not None:
                self.visit(node.test)
            self.scopes.pop()
            return
        if isinstance(node, nodes.Assign):
            self.visit(node.node)
            self.scopes[-1].update(self.bind(node.target, ANY))
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            self.scopes.append({a.name: ANY for a in node.args} | {"caller": ANY, "varargs": ANY, "kwargs": ANY})
            for child in node.body:
                self.visit(child)
            self.scopes.pop()
            return
        for child in node.iter_child_nodes():
            self.visit(child)


def check_source(
    source: str,
    roots: dict[str, Any],
    environment: Environment,
    *,
    expression: bool = False,
    strict_names: bool = True,
) -> Report:
    """Parse `source` (template text, or one expression when `expression`) and check every chain.

    A syntax error is reported as a problem (expression "").
    """
    try:
        if expression:
            tree: nodes.Node = environment.parse("{{ (" + source + ") }}")
        else:
            tree = environment.parse(source)
    except TemplateSyntaxError as exc:
        walker = _Walker(roots, strict_names)
        walker.report.problems.append(ExpressionProblem("", f"Jinja syntax error: {exc.message}"))
        return walker.report
    walker = _Walker(roots, strict_names)
    walker.visit(tree)
    return walker.report


def expression_shape(source: str, roots: dict[str, Any], environment: Environment) -> Any:
    """The shape an expression evaluates to (e.g. a `repeat:` list), ANY when unknown."""
    try:
        tree = environment.parse("{{ (" + source + ") }}")
    except TemplateSyntaxError:
        return ANY
    output = tree.body[0]
    if isinstance(output, nodes.Output) and len(output.nodes) == 1:
        node = output.nodes[0]
        if isinstance(node, (nodes.Name, nodes.Getattr, nodes.Getitem)):
            return _Walker(roots, strict_names=False).chain(node)[0]
    return ANY


# ----------------------------------------------------------------------------------------------
# Clauses


@dataclass(frozen=True)
class KnownNames:
    """Names the profiles define: what `periods.X`, `citations.X` and `tiers.X` may use."""

    periods: frozenset[str]
    citations: frozenset[str]
    tiers: frozenset[str]

    @classmethod
    def of_profiles(cls, profiles) -> "KnownNames":
        """Every name any profile in the library defines (a clause may only be used where it is set)."""
        from poassembler.library.answers import Tier

        periods, citations, tiers = set(), set(), {t.value for t in Tier}
        for profile in profiles:
            periods |= {k for k, v in profile.periods.items() if v is not None}
            citations |= {k for k, v in profile.citations.items() if v is not None}
            tiers |= set(profile.tier_labels)
        return cls(frozenset(periods), frozenset(citations), frozenset(tiers))


def clause_roots(known: KnownNames) -> dict[str, Any]:
    """The names clause text and conditions see (`scope.ClauseScope.names`), as shapes."""
    from poassembler.library.answers import Answers
    from poassembler.pipeline.facts import CaseFacts
    from poassembler.library.profiles import Citation, Period, ResolvedProfile

    return {
        "answers": Answers,
        "facts": CaseFacts,
        "profile": ResolvedProfile,
        "periods": Keyed("period", known.periods, Period),
        "citations": Keyed("citation", known.citations, Citation),
        "tiers": Keyed("tier", known.tiers, str),
    }


@dataclass(frozen=True)
class Located:
    """A placeholder problem in a file: `key` is the YAML key path (for the line number)."""

    key: tuple
    field: str
    problem: ExpressionProblem


@dataclass
class ClauseReport:
    problems: list[Located] = field(default_factory=list)
    used: dict[str, set[str]] = field(default_factory=dict)


def check_clause(spec, known: KnownNames) -> ClauseReport:
    """Check every condition, `repeat:` and paragraph text of one clause (a `ClauseSpec`)."""
    from poassembler.pipeline.expressions import environment

    env = environment()
    roots = clause_roots(known)
    out = ClauseReport()

    def take(report: Report, key: tuple, label: str) -> None:
        out.problems += [Located(key, label, p) for p in report.problems]
        for what, names in report.used.items():
            out.used.setdefault(what, set()).update(names)

    for name in ("applies_when", "chosen_when"):
        take(check_source(getattr(spec, name), roots, env, expression=True), (name,), name)
    for index, para in enumerate(spec.paragraphs):
        at = ("paragraphs", index)
        label = f"paragraphs[{index}]"
        scope = dict(roots)
        if para.when:
            take(check_source(para.when, roots, env, expression=True), at + ("when",), label + ".when")
        if para.repeat:
            take(check_source(para.repeat, roots, env, expression=True), at + ("repeat",), label + ".repeat")
            scope["item"] = item_of(expression_shape(para.repeat, roots, env))
        take(check_source(" ".join(para.text.split()), scope, env), at + ("text",), label + ".text")
    # A period or citation the clause tests for (`'name' in periods`, `'name' in citations`) is optional:
    # a profile without it is not an error.
    sources = [spec.applies_when, spec.chosen_when] + [t for p in spec.paragraphs for t in (p.when or "", p.text)]
    for what, plural in (("period", "periods"), ("citation", "citations")):
        guarded = {m for source in sources for m in _guard(plural).findall(source)}
        if what in out.used:
            out.used[what] -= guarded
    return out


def _guard(plural: str) -> re.Pattern:
    return re.compile(r"""['"](\w+)['"]\s+(?:not\s+)?in\s+""" + plural + r"\b")
