"""The one Jinja environment for clause text and clause conditions: sandboxed, strict, no autoescape.

Clause text is rendered to plain strings here; escaping for Word happens once, in `render.py`.
Answers are passed in as values only, so text a user typed is never itself evaluated.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, Callable

from jinja2 import (
    FunctionLoader,
    StrictUndefined,
    TemplateError,
    TemplateNotFound,
    TemplateSyntaxError,
    Undefined,
    UndefinedError,
    nodes,
)
from jinja2.environment import TemplateExpression
from jinja2.parser import Parser
from jinja2.sandbox import ImmutableSandboxedEnvironment, SecurityError

from poassembler.errors import BadLibrary
from poassembler.pipeline import jinja_cache


def _no_includes(name: str) -> None:
    """Clause text cannot include, import or extend files: `{% include %}` finds nothing."""
    return None


class ClauseEnvironment(ImmutableSandboxedEnvironment):
    """Sandboxed (no `__class__`/`__globals__` tricks, no imports, no file access, no changing the answers'
    lists or dicts) and strict (a missing name is an error, never a blank)."""

    def __init__(self) -> None:
        super().__init__(
            undefined=StrictUndefined,
            autoescape=False,
            trim_blocks=True,
            lstrip_blocks=True,
            loader=FunctionLoader(_no_includes),
        )
        self.filters["join_and"] = join_and
        self.filters["sentence_start"] = sentence_start


def join_and(items: Any) -> str:
    """["A"] → "A"; ["A", "B"] → "A and B"; ["A", "B", "C"] → "A, B, and C"."""
    names = [str(i) for i in items]
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + ", and " + names[-1]


def sentence_start(text: str) -> str:
    """Upper-case only the first letter, for a citation that opens a sentence ("the Court's …" → "The Court's …")."""
    text = str(text)
    return text[:1].upper() + text[1:]


@lru_cache(maxsize=1)
def environment() -> ClauseEnvironment:
    return ClauseEnvironment()


class PlainText:
    """Clause text without any Jinja tag: rendering it gives it back unchanged, so it is not compiled."""

    __slots__ = ("source",)

    def __init__(self, source: str) -> None:
        self.source = source

    def render(self, *args: Any, **kwargs: Any) -> str:
        return self.source


class JinjaText:
    """Clause text with Jinja tags: checked when the library loads, compiled the first time a draft uses it.

    (A draft uses about half of the library's paragraphs; compiling is most of the cost of loading it.)
    """

    __slots__ = ("source", "where", "_template")

    def __init__(self, source: str, where: str) -> None:
        self.source = source
        self.where = where
        self._template = None

    def render(self, *args: Any, **kwargs: Any) -> str:
        if self._template is None:
            try:
                self._template = _compiled_text(self.source)
            except TemplateSyntaxError as exc:  # compile-time checks `_check` does not make
                raise _syntax_error(self.where, exc) from None
        return self._template.render(*args, **kwargs)


_JINJA_TAGS = ("{{", "{%", "{#")


def compile_text(source: str, where: str) -> PlainText | JinjaText:
    """Clause text, ready to render; syntax errors are found now and name the clause file and paragraph."""
    if not any(tag in source for tag in _JINJA_TAGS):
        return PlainText(source)
    if not jinja_cache.checked(environment(), source):  # checked by an earlier run: the same verdict
        try:
            _check(source)
        except TemplateSyntaxError as exc:
            raise _syntax_error(where, exc) from None
        jinja_cache.remember_checked(environment(), source)
    return JinjaText(source, where)


def _check(source: str) -> None:
    """What compiling would find, without compiling: the syntax, and filters and tests that do not exist."""
    env = environment()
    tree = env.parse(source)
    for node in tree.find_all((nodes.Filter, nodes.Test)):
        kind, known = ("filter", env.filters) if isinstance(node, nodes.Filter) else ("test", env.tests)
        if node.name not in known:
            raise TemplateSyntaxError(f"No {kind} named {node.name!r}.", node.lineno)


def _syntax_error(where: str, exc: TemplateSyntaxError) -> BadLibrary:
    return BadLibrary(f"{where}: Jinja syntax error: {(exc.message or '').rstrip('.')}.", hint="Fix the clause text; tags are {{ name }} and {% if … %}.")


def compile_condition(source: str, where: str) -> Callable[..., Any]:
    """Compile a condition once per distinct expression (most clauses share `true`, `facts.uses_aeo`, …)."""
    try:
        return _compiled_condition(source.strip())
    except TemplateSyntaxError as exc:
        raise BadLibrary(f"{where}: condition `{source}` is not a valid expression: {exc.message}.") from None


# Compiled templates and expressions are stateless: one per distinct source serves every clause and draft
# (and their code, kept by jinja_cache, every later run).
@lru_cache(maxsize=None)
def _compiled_text(source: str):
    env = environment()
    code = jinja_cache.cached_code("template", env, source, lambda: env.compile(source))
    return env.template_class.from_code(env, code, env.make_globals(None), None)  # what `env.from_string` does


@lru_cache(maxsize=None)
def _compiled_condition(source: str) -> Callable[..., Any]:
    env = environment()
    code = jinja_cache.cached_code("condition", env, source, lambda: _condition_code(env, source))
    return TemplateExpression(env.template_class.from_code(env, code, env.make_globals(None), None), undefined_to_none=False)


def _condition_code(env: ClauseEnvironment, source: str):
    """The code `env.compile_expression(source)` compiles: the expression assigned to `result`."""
    parser = Parser(env, source, state="variable")
    expression = parser.parse_expression()
    if not parser.stream.eos:
        raise TemplateSyntaxError("chunk after expression", parser.stream.current.lineno, None, None)
    expression.set_environment(env)
    return env.compile(nodes.Template([nodes.Assign(nodes.Name("result", "store"), expression, lineno=1)], lineno=1))


def run(where: str, call: Callable[..., Any], scope: dict[str, Any]) -> Any:
    """Evaluate compiled text or a condition; a reference to a missing field is a library error."""
    try:
        result = call(**scope)
        if isinstance(result, Undefined):  # a condition naming a missing field: fail here, not when tested
            result._fail_with_undefined_error()
        return result
    except BadLibrary:  # already says which clause and what is wrong (e.g. text compiled on first use)
        raise
    except SecurityError as exc:
        raise BadLibrary(
            f"{where}: refused by the sandbox ({str(exc).rstrip('.')}).",
            hint="Clause text may only show values; it cannot reach into Python or change the answers.",
        ) from None
    except TemplateNotFound as exc:
        raise BadLibrary(f"{where}: clause text cannot include, import or extend files (it asked for '{exc.name}').") from None
    except UndefinedError as exc:
        raise BadLibrary(f"{where}: refers to a field that does not exist ({exc.message}).", hint="Check the clause's placeholders against docs/architecture.md.") from None
    except TemplateError as exc:
        raise BadLibrary(f"{where}: {type(exc).__name__}: {exc}.") from None
    except Exception as exc:  # e.g. 1/0, "a" + 1, a huge range(): the clause is wrong, whatever the answers
        raise BadLibrary(f"{where}: could not be evaluated ({type(exc).__name__}: {exc}).") from None
