"""A posted form applied to one case: each field through the interview's validation, list actions,
and what the step's page needs to know afterwards (what is missing, whether it changed shape)."""

from __future__ import annotations

from typing import Any

from poassembler.interview.questions import Kind, Question
from poassembler.library.keypaths import has_in
from poassembler.web import steps
from poassembler.web.fields import (
    FieldView,
    decode_key,
    dom_id,
    field_view,
    value_from_form,
)
from poassembler.web.session import CaseSession, Outcome


def submit(session: CaseSession, question: Question, posted_value: Any) -> Outcome:
    typed = None if posted_value is None else str(posted_value)
    try:
        value = value_from_form(question, typed)
    except ValueError as exc:
        return session.refuse(question, str(exc), typed)
    return session.submit(question, value, typed)


def view(session: CaseSession, question: Question, outcome: Outcome | None) -> FieldView:
    """The field as the page shows it now: what was typed and refused, or the stored answer with its warning."""
    if outcome is not None and outcome.error:
        return field_view(question, session.current(question), outcome.typed, error=outcome.error)
    warning = outcome.warning if outcome else None
    if warning is None and question.speculative_check and has_in(session.data, question.key):
        warning = session.warning_of(question)
    view = field_view(question, session.current(question), error=session.problem_of(question), warning=warning)
    if outcome is not None and outcome.note:
        view.notes.append(outcome.note)
    return view


def act(session: CaseSession, action: str, target: str) -> str | None:
    """Add / remove / move an item of a list; returns the id of the element to focus afterwards."""
    if action not in ("add", "remove", "up", "down"):
        return None
    key_text, _, index_text = target.rpartition("@") if "@" in target else (target, "", "")
    group = session.question(decode_key(key_text))
    if group is None or group.group is None:
        return None
    if action == "add":
        session.add_item(group)
        items = group.group.indices(session.data)
        first = session.first_question_of(group.group.list_key + (items[-1],)) if items else None
        return dom_id(first.key) if first else None
    index = int(index_text) if index_text.isdigit() else -1
    if action == "remove":
        session.remove_item(group, index)
        return dom_id(group.key)
    moved = session.move_item(group, index, -1 if action == "up" else 1)
    return f"{dom_id(group.group.list_key + (moved,))}-{action}" if moved is not None else None


def missing(session: CaseSession, step: steps.Step) -> list[Question]:
    mine = session.steps.questions_on(session.needed(), step)
    return [
        q for q in mine if q.kind not in (Kind.group, Kind.note) and (not has_in(session.data, q.key) or session.problem_of(q))
    ] + [
        q for q in mine if q.kind == Kind.group and q.group and len(q.group.indices(session.data)) < q.group.min_items
    ]


def fill_minimums(session: CaseSession, step: steps.Step) -> None:
    """A list below its minimum gets its items at once, as at the terminal (a first plaintiff, a first lawyer)."""
    for _ in range(100):
        short = [q for q in missing(session, step) if q.kind == Kind.group]
        if not short:
            return
        session.add_item(short[0])


def shape(session: CaseSession, step: steps.Step) -> tuple:
    """Which questions the step's page holds, to know when to redraw it whole. Only a change of questions
    counts (a court, a yes/no, a kind), not a name in a legend: a redraw must not race the user's typing."""
    return tuple(q.key for q in session.steps.questions_on(session.needed(), step))


def announcement(question: Question, outcome: Outcome) -> str:
    label = question.label or question.prompt
    if outcome.error:
        return f"{label}: {outcome.error}"
    return f"{label}: saved. {outcome.warning}" if outcome.warning else f"{label}: saved."
