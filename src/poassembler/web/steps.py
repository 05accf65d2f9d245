"""The interview plan laid out as pages: which step a question is on, and each step as nested items.

A step is a set of top-level answer keys (court and judge first, then the case, the parties, …);
within a step, the questions of one party, one lawyer or one category sit together in an item with
its move / remove buttons, and a repeating list ends in its "add" button. Nothing here asks or
validates: the questions and their order are the plan's.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from poassembler.interview.questions import Kind, Question
from poassembler.library.keypaths import Key


@dataclass(frozen=True)
class Step:
    id: str
    title: str
    tops: tuple[str, ...]  # the top-level answer keys whose questions are asked on this page


STEPS = (
    Step("court", "Court and judge", ("court", "judge")),
    Step("case", "Case", ("division", "case")),
    Step("parties", "Parties and counsel", ("parties",)),
    Step("categories", "What to protect", ("categories",)),
    Step("protection", "Protection and options", ("tiers", "government_sharing", "options")),
    Step("dates", "Dates", ("dates",)),
)
MORE = Step("more", "More questions", ())  # any question the plan adds that no step names
REVIEW = Step("review", "Review and download", ())
BY_ID = {step.id: step for step in STEPS + (MORE, REVIEW)}


def steps_of(questions: list[Question]) -> dict[Key, Step]:
    """Each question's step; a question outside every step's keys (a note) stays with the one before it."""
    out: dict[Key, Step] = {}
    previous = STEPS[0]
    for question in questions:
        top = question.key[0]
        step = next((s for s in STEPS if top in s.tops), None)
        if step is None:
            step = previous if str(top).startswith("+") else MORE
        out[question.key] = previous = step
    return out


def steps_in_use(questions: list[Question]) -> list[Step]:
    """The steps that have at least one question now, in order, then the review."""
    used = set(steps_of(questions).values())
    return [s for s in STEPS + (MORE,) if s in used] + [REVIEW]


def next_step(questions: list[Question], after: Step) -> Step:
    steps = steps_in_use(questions)
    position = steps.index(after) if after in steps else -1
    return steps[position + 1] if position + 1 < len(steps) else REVIEW


# ---------------------------------------------------------------- a step's questions as nested items


@dataclass
class Item:
    """One party, lawyer or category: its questions, and where it sits in its list."""

    legend: str
    group: Question  # the list's "add another" question
    index: int  # position in the answers list
    position: int  # position among the group's items (parties: among the same role)
    count: int
    children: list[Node] = field(default_factory=list)

    @property
    def noun(self) -> str:
        return self.group.group.item if self.group.group else "item"

    @property
    def removable(self) -> bool:
        return self.group.group is not None and self.count > self.group.group.min_items


@dataclass
class Add:
    group: Question


@dataclass
class Note:
    text: str


Node = Question | Item | Add | Note


def layout(questions: list[Question], data: dict) -> list[Node]:
    """The step's questions (needed, in plan order) nested by the list item each belongs to."""
    items: dict[Key, tuple[Question, int, int, int]] = {}
    for question in questions:
        if question.kind == Kind.group and question.group:
            indices = question.group.indices(data)
            for position, index in enumerate(indices):
                items[question.group.list_key + (index,)] = (question, index, position, len(indices))
    root: list[Node] = []
    stack: list[tuple[Key, Item]] = []
    for question in questions:
        chain = [prefix for prefix in items if question.key[: len(prefix)] == prefix and len(question.key) > len(prefix)]
        chain.sort(key=len)
        while stack and stack[-1][0] not in chain:
            stack.pop()
        for prefix in chain:
            if all(prefix != open_prefix for open_prefix, _ in stack):
                group, index, position, count = items[prefix]
                item = Item(question.section, group, index, position, count)
                (stack[-1][1].children if stack else root).append(item)
                stack.append((prefix, item))
        container = stack[-1][1].children if stack else root
        if question.kind == Kind.group:
            container.append(Add(question))
        elif question.kind == Kind.note:
            container.append(Note(question.prompt))
        else:
            container.append(question)
    return root
