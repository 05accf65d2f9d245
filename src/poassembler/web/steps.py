"""The interview plan laid out as pages: one page per section of the plan file, each question on its
section's page, and each page's questions nested by the list item they belong to.

The pages are the plan's own sections (`questions/interview.yaml`: court and case, plaintiffs, …), so
a library that reorders or adds sections changes the form as it changes the terminal's steps. Within a
page, the questions of one party, one lawyer or one category sit together in an item with its move /
remove buttons, and a repeating list ends in its "add" button. Nothing here asks or validates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from poassembler.interview.plan import InterviewPlan
from poassembler.interview.questions import Kind, Question
from poassembler.library.keypaths import Key


@dataclass(frozen=True)
class Step:
    id: str  # the plan section's id ("court", "defendants", …), or "review"
    title: str
    number: int  # its place in the plan (1-based); the review page comes after the last


REVIEW = Step("review", "Review and download", 0)


class Steps:
    """The plan's sections as pages."""

    def __init__(self, plan: InterviewPlan):
        self.all = [Step(section.id, section.title, number) for number, section in enumerate(plan.sections, 1)]

    def get(self, step_id: str) -> Step | None:
        return REVIEW if step_id == REVIEW.id else next((s for s in self.all if s.id == step_id), None)

    @property
    def first(self) -> Step:
        return self.all[0]

    def of(self, question: Question) -> Step:
        """The page a question is asked on (its plan section)."""
        return self.all[min(max(question.step, 1), len(self.all)) - 1]

    def in_use(self, questions: list[Question]) -> list[Step]:
        """The pages that have a question now, in order, then the review."""
        used = {self.of(q) for q in questions}
        return [s for s in self.all if s in used] + [REVIEW]

    def nav(self, questions: list[Question]) -> list[tuple[Step, bool]]:
        """Every page of the plan, then the review, each with whether it has questions yet (a link) or not."""
        used = set(self.in_use(questions))
        return [(s, s in used) for s in self.all + [REVIEW]]

    def after(self, questions: list[Question], step: Step) -> Step:
        """The next page with questions, or the review."""
        return next((s for s in self.in_use(questions) if s.number > step.number), REVIEW)

    def questions_on(self, questions: list[Question], step: Step) -> list[Question]:
        return [q for q in questions if self.of(q) == step]


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
