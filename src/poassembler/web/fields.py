"""Form values ⇄ answers: one plan question as an HTML field, and a posted string back to its answer.

The conversion ends in `Question.parse` (the terminal's own), and validation is `questions.problem`
in `session.py`: nothing here decides whether an answer is right.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from poassembler.interview.questions import Kind, Question
from poassembler.library.keypaths import Key

LONG_TEXT = ("description", "harm")  # free text that reads better in a text area


def encode_key(key: Key) -> str:
    """("parties", 0, "name") → "parties.0.name" (a form field's name)."""
    return ".".join(str(part) for part in key)


def decode_key(text: str) -> Key:
    return tuple(int(part) if part.isdigit() else part for part in text.split("."))


def dom_id(key: Key) -> str:
    """An HTML id for the question at `key` ("q-parties-0-name")."""
    return "q-" + re.sub(r"[^A-Za-z0-9_]", "-", encode_key(key).replace("+", "add_"))


def value_from_form(question: Question, posted: str | None) -> Any:
    """The posted string → the answer to store (ValueError says what is wrong, as at the terminal)."""
    if question.kind == Kind.select:
        index = posted if posted is not None else ""
        if not index.isdigit() or int(index) >= len(question.choices) or question.choices[int(index)].heading:
            raise ValueError("choose one of the options")
        return question.parse(question.choices[int(index)].value)
    if question.kind == Kind.confirm:
        if posted not in ("yes", "no"):
            raise ValueError("answer yes or no")
        return question.parse(posted == "yes")
    text = posted or ""
    if question.lines:  # one line per line in the text area (the terminal types them separated by ";")
        lines = [line.strip() for line in text.splitlines() if line.strip()]
        return lines if lines else question.parse("")
    return question.parse(text)


def form_text(question: Question, value: Any) -> str:
    """A stored (or default) value as the text an input shows."""
    if value is None:
        return ""
    if question.lines and isinstance(value, list):
        return "\n".join(str(line) for line in value)
    if question.kind == Kind.autocomplete:
        for choice in question.choices:
            if choice.value == value:
                return choice.title
    return question.text_of(value)


@dataclass
class Option:
    value: str
    title: str
    selected: bool
    disabled: bool = False


@dataclass
class FieldView:
    """What the template needs to draw one question."""

    question: Question
    name: str
    id: str
    widget: str  # text | textarea | select | radio | datalist | number
    text: str = ""
    options: list[Option] = field(default_factory=list)
    error: str | None = None
    warning: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def label(self) -> str:
        return self.question.prompt

    @property
    def help(self) -> str:
        extra = "One line per line." if self.question.lines else ""
        return " ".join(part for part in (self.question.help, extra) if part)

    @property
    def described_by(self) -> str:
        ids = [f"{self.id}-help"] if self.help else []
        return " ".join(ids + [f"{self.id}-msg"])


def field_view(question: Question, value: Any, typed: str | None = None, error: str | None = None, warning: str | None = None) -> FieldView:
    """The field for `question` showing `value` (or, after a rejected answer, the `typed` text)."""
    name, ident = encode_key(question.key), dom_id(question.key)
    view = FieldView(question, name, ident, _widget(question), error=error, warning=warning)
    if question.kind == Kind.select:
        selected = typed if typed is not None else next(
            (str(i) for i, c in enumerate(question.choices) if c.value == value and not c.heading), None
        )
        view.options = [Option(str(i), c.title, str(i) == selected, c.heading) for i, c in enumerate(question.choices)]
    elif question.kind == Kind.confirm:
        chosen = typed if typed is not None else ("yes" if value is True else "no" if value is False else None)
        view.options = [Option("yes", "Yes", chosen == "yes"), Option("no", "No", chosen == "no")]
    else:
        view.text = typed if typed is not None else form_text(question, value)
        if question.kind == Kind.autocomplete:
            view.options = [Option(c.title, c.title, False) for c in question.choices if not c.heading]
    return view


def _widget(question: Question) -> str:
    if question.kind == Kind.select:
        return "select"
    if question.kind == Kind.confirm:
        return "radio"
    if question.kind == Kind.autocomplete:
        return "datalist"
    if question.lines or question.key[-1] in LONG_TEXT:
        return "textarea"
    return "number" if question.kind == Kind.integer else "text"
