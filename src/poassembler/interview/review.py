"""The review screen: every answer by section, warnings still open, and the changes a list allows
(add, remove, move up or down). Each answer can show the paragraph of the order it becomes."""

from __future__ import annotations

from typing import Any

from poassembler.interview.questions import BACK, Choice, Kind, Question, answered
from poassembler.library.keypaths import Key, get_in
from poassembler.review.harm_language import speculative_terms

Interview = Any  # poassembler.interview.ask.Interview (not imported: the ask loop imports this module)

RENDER = ("render",)
ITEMS = ("items",)
_WIDTH = 76  # review rows fit an 80-column terminal with the pointer


def _ask(interview: Interview, key: str, prompt: str, choices: list[Choice], default: Any = None, help: str = "") -> Any:
    question = Question((f"+{key}",), prompt, Kind.select, "Review", choices=tuple(choices), help=help)
    return interview.prompter.ask(question, default)


def speculative_warning(harm: Any, authority: str = "") -> str | None:
    """The warning about speculative words in a stated harm ("may", "could", …), or None; `authority` is the
    question's " (CITE)" (`Question.authority`: the court's own circuit where its profile has one)."""
    terms = speculative_terms(harm) if isinstance(harm, str) else []
    if not terms:
        return None
    words = ", ".join(f"'{t}'" for t in terms)
    return f"⚠ The harm says {words}: courts reject speculative harm{authority}. State what disclosure would do, as facts."


def speculative(interview: Interview) -> list[tuple[Question, list[str]]]:
    """Harms that still use speculative words (a warning the user chose not to act on)."""
    plan, profile = interview.plan()
    out = []
    for item in answered(plan, interview.data, profile):
        if item.question.speculative_check and isinstance(item.value, str):
            terms = speculative_terms(item.value)
            if terms:
                out.append((item.question, terms))
    return out


def show(interview: Interview, problems: list[str]) -> Any:
    """The review screen; returns the row picked (RENDER, ("edit", key), ("add", key), ITEMS)."""
    plan, profile = interview.plan()
    warned = speculative(interview)
    for line in problems:
        interview.prompter.tell(f"✗ {line}")
    for question, terms in warned:
        words = ", ".join(f"'{t}'" for t in terms)
        interview.prompter.tell(
            f"⚠ {question.section}: the harm still says {words}; courts reject speculative harm{question.authority}. "
            "Pick it below to rewrite it, or render with this warning."
        )
    choices: list[Choice] = []
    if not problems:
        note = f" (with {len(warned)} warning{'s' if len(warned) != 1 else ''})" if warned else ""
        choices.append(Choice(f"✔ Everything is right: render the draft{note}", RENDER))
    marked = {q.key for q, _ in warned}
    section = None
    for item in answered(plan, interview.data, profile):
        question = item.question
        if question.section != section:
            section = question.section
            choices.append(Choice(_fit(section), None, heading=True))
        mark = " ⚠" if question.key in marked else ""
        choices.append(Choice(_fit(f"{question.label}: {question.shown(item.value)}", mark), ("edit", question.key)))
    groups = [q for q in plan if q.kind == Kind.group and q.needed(interview.data, profile)]
    if groups:
        choices.append(Choice("Lists", None, heading=True))
        choices += [Choice(_fit(f"+ {q.label} ({q.section})"), ("add", q.key)) for q in groups]
        if _items(interview):
            choices.append(Choice("↕ Remove or move a party, lawyer or category", ITEMS))
    values = [c.value for c in choices if not c.heading]
    default = interview.last_edited if interview.last_edited in values else (RENDER if not problems else None)
    return _ask(interview, "review", "Review your answers: pick one to change, or render the draft", choices, default,
                help="Enter: change · PgDn/PgUp: next/previous section · Home/End: first/last row")


def _fit(text: str, mark: str = "") -> str:
    text = " ".join(text.split())
    room = _WIDTH - len(mark)
    return (text if len(text) <= room else text[: room - 1].rstrip() + "…") + mark


def act(interview: Interview, choice: Any) -> None:
    """Do what the review row picked asks: change an answer, add to a list, remove or move an item."""
    if choice is BACK or choice is None or choice == RENDER:
        return
    if choice == ITEMS:
        _edit_items(interview)
        return
    action, key = choice
    question = interview.find(key)
    if question is None:
        return
    if action == "add":
        interview.add_item(question)
        interview.history.append(question.key)  # going back from the new item's first question undoes the add
        interview.last_edited = None
        return
    _show_paragraph(interview, get_in(interview.data, key))
    interview.answer(question, get_in(interview.data, key))
    interview.last_edited = choice


def _show_paragraph(interview: Interview, value: Any) -> None:
    """"In the order: …" — the paragraph this answer becomes (e.g. a category in the good cause statement)."""
    if interview.preview is None or not isinstance(value, str) or len(value) < 4:
        return
    for paragraph in interview.preview(interview.pruned()):
        if value in paragraph:
            interview.prompter.tell(f"In the order: “{paragraph}”")
            return


def _items(interview: Interview) -> list[tuple[Question, int, str]]:
    """Every item of every list, parties and categories before lawyers: (its list question, its index, its title)."""
    plan, profile = interview.plan()
    out: list[tuple[Question, int, str]] = []
    for question in plan:
        if question.group is None or not question.needed(interview.data, profile):
            continue
        depth = len(question.group.list_key)
        for index in question.group.indices(interview.data):
            first = next((q for q in plan if q.key[:depth + 1] == question.group.list_key + (index,)), None)
            out.append((question, index, first.section if first else f"{question.group.item} {index + 1}"))
    return sorted(out, key=lambda item: len(item[0].key))  # stable: plan order within each depth


def _edit_items(interview: Interview) -> None:
    items = _items(interview)
    choices = [Choice(_fit(title), position) for position, (_, _, title) in enumerate(items)]
    picked = _ask(interview, "item", "Which one?", choices + [Choice("Cancel", None)], default=0)
    if picked is None or picked is BACK:
        return
    question, index, title = items[picked]
    group = question.group
    assert group is not None
    indices = group.indices(interview.data)
    position = indices.index(index)
    actions = [Choice(f"Remove {title}", "remove")]
    if position > 0:
        actions.append(Choice("Move up", "up"))
    if position < len(indices) - 1:
        actions.append(Choice("Move down", "down"))
    action = _ask(interview, "item-action", _fit(f"What to do with {title}?"), actions + [Choice("Cancel", None)])  # on Cancel
    if action == "remove":
        if len(indices) <= group.min_items:
            interview.prompter.tell(f"At least {group.min_items} {group.item} is needed: you will be asked for another.")
        interview.remove_item(group.list_key, index)
    elif action in ("up", "down"):
        other = indices[position - 1] if action == "up" else indices[position + 1]
        _swap(interview, group.list_key, index, other)


def _swap(interview: Interview, list_key: Key, first: int, second: int) -> None:
    items = get_in(interview.data, list_key)
    items[first], items[second] = items[second], items[first]
    interview.save(interview.data)


# ---------------------------------------------------------------- what the order says, and what to verify


def order_paragraphs(data: dict, library: Any) -> list[str]:
    """The order's paragraphs for these answers ([] while they do not validate yet)."""
    from poassembler.errors import BadInput
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft

    try:
        draft = plan_draft(parse_answers(data), library)
    except BadInput:
        return []
    return [p.text for section in draft.context.sections for p in section.paragraphs]


def closing_message(draft: Any, answers_path: Any) -> str:
    """After the draft is written: in plain words, what to verify before filing, and where to see it again."""
    lines = []
    unverified = draft.profile.unverified()
    if unverified:
        shown = "; ".join(f"{entry.cite if kind == 'citation' else f'{name} ({entry.value} {entry.unit})'}"
                          for kind, name, entry in unverified[:4])
        more = f"; and {len(unverified) - 4} more" if len(unverified) > 4 else ""
        lines.append(f"• {len(unverified)} rule(s) or period(s) this court's file has not confirmed against the official "
                     f"source: {shown}{more}. Check each against the current rule before filing.")
    for category in draft.answers.categories:
        terms = speculative_terms(category.harm)
        if terms:
            words = ", ".join(f"'{t}'" for t in terms)
            lines.append(f"• The harm for “{category.name}” still says {words}: courts reject speculative harm; "
                         "state what disclosure would do.")
    if not lines:
        return ""
    return "\n".join(["Before filing:", *lines, f"`poassembler check {answers_path}` lists these again, with their sources."])
