"""One case answered in the browser: its answers file, driven through the terminal's `Interview`.

The plan, the profile, what is still needed, the validation and the completed answers all come from
`interview/` (`Interview`, `problem`); this module only applies one posted answer at a time and
saves the file after every change, so closing the tab or stopping the server loses nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from poassembler.interview.answers_file import AnswersFile
from poassembler.interview.ask import Interview
from poassembler.interview.plan import InterviewPlan
from poassembler.interview.questions import Kind, Question, problem
from poassembler.interview.review import speculative_warning
from poassembler.library.keypaths import Key, get_in, has_in
from poassembler.library.profiles import ProfileLibrary
from poassembler.web.steps import Steps


class _NoPrompts:
    """The browser asks; the `Interview` here only plans and stores. Notes it tells are kept for the page."""

    def __init__(self) -> None:
        self.notes: list[str] = []

    def ask(self, question: Question, default: Any) -> Any:  # pragma: no cover - never called by the web
        raise RuntimeError("the web form does not prompt")

    def tell(self, message: str) -> None:
        self.notes.append(message)


@dataclass(frozen=True)
class Outcome:
    """What became of one posted answer."""

    key: Key
    error: str | None = None
    warning: str | None = None
    typed: str | None = None  # shown back in the field when the answer was refused
    note: str | None = None  # what the answer was taken as ("C.D. Cal." → the Central District of California)


def header(path: Path) -> str:
    return (
        "# Answers from `poassembler serve` (saved after every answer).\n"
        f"# Resume: poassembler serve {path.name}\n"
        f"# Render: poassembler render {path.name} -o {path.stem}.docx\n"
    )


def read_answers_data(path: Path) -> dict:
    """The answers so far in `path` ({} when it does not exist yet)."""
    return AnswersFile(path).load() if path.exists() else {}


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        info = path.stat()
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


class CaseSession:
    """The interview over one answers file; every change is written to the file at once."""

    def __init__(self, path: Path, profiles: ProfileLibrary, plan: InterviewPlan | None = None, me: dict | None = None):
        self.path = path
        self.profiles = profiles
        self.questions = plan
        self.me = me
        self.stamp: tuple[int, int] | None = None
        self.refresh()

    def refresh(self) -> None:
        """Re-read the answers file when something else changed it (an editor, another tab's server)."""
        stamp = _stamp(self.path)
        if stamp is not None and stamp == self.stamp:
            return
        self.file = AnswersFile(self.path, header(self.path))  # a hand-written file keeps its comments and order
        data = self.file.load() if self.path.exists() else {}
        self.prompts = _NoPrompts()
        self.interview = Interview(self.profiles, self.prompts, data, self._save, self.questions, me=self.me)
        self.stamp = stamp

    def _save(self, data: dict) -> None:
        self.file.save(data)
        self.stamp = _stamp(self.path)

    @property
    def steps(self) -> Steps:
        return Steps(self.interview.questions)

    @property
    def data(self) -> dict:
        return self.interview.data

    def plan(self) -> list[Question]:
        return self.interview.plan()[0]

    def needed(self) -> list[Question]:
        plan, profile = self.interview.plan()
        return [q for q in plan if q.needed(self.data, profile)]

    def question(self, key: Key) -> Question | None:
        return next((q for q in self.needed() if q.key == key), None)

    def current(self, question: Question) -> Any:
        """The stored answer, else the answer before a change cleared it, else the default."""
        return self.interview.default_for(question)

    def problem_of(self, question: Question) -> str | None:
        """What is wrong with the stored answer (None when it is right or not given yet)."""
        if question.kind in (Kind.group, Kind.note) or not has_in(self.data, question.key):
            return None
        return problem(question, get_in(self.data, question.key), self.interview.context())

    def warning_of(self, question: Question) -> str | None:
        """The speculative-harm warning for the stored answer, where the question asks for one."""
        if not question.speculative_check:
            return None
        return speculative_warning(get_in(self.data, question.key), question.authority)

    def first_question_of(self, prefix: Key) -> Question | None:
        """The first question asked about the list item at `prefix` (to put the cursor in)."""
        return next((q for q in self.needed() if q.key[: len(prefix)] == prefix and q.kind not in (Kind.group, Kind.note)), None)

    def resume_question(self) -> Question | None:
        """Where to go on: the first needed question without a (valid) answer, or None when all are answered.

        The terminal's `next_pending`, with notes treated as shown and lists as closed once they have
        their minimum (the page shows their "add" buttons; nobody is asked "add another?").
        """
        closed, told = dict(self.interview.closed), set(self.interview.told)
        try:
            for question in self.needed():
                if question.kind == Kind.group:
                    self.interview.closed[question.key] = True
                elif question.kind == Kind.note:
                    self.interview.told.add(question.prompt)
            return self.interview.next_pending()
        finally:
            self.interview.closed, self.interview.told = closed, told

    def notes(self) -> list[str]:
        """The court profile's warnings (e.g. no profile yet: the federal default), as the terminal tells them."""
        profile = self.interview.profile()
        return [f"Note: {warning}" for warning in profile.warnings] if profile else []

    # ------------------------------------------------------------ changes

    def submit(self, question: Question, value: Any, typed: str | None = None) -> Outcome:
        """One parsed answer, as the terminal's `Interview.answer` takes it: resolved (a court's name → its
        id), validated by `problem`, stored by `Interview.store` (which clears what depends on it), saved."""
        note = ""
        try:
            if question.resolve:
                value, note = question.resolve(value, self.interview.context())
        except ValueError as exc:
            return Outcome(question.key, error=str(exc), typed=typed)
        wrong = problem(question, value, self.interview.context())
        if wrong:
            return Outcome(question.key, error=wrong, typed=typed)
        self.interview.store(question, value)
        warning = speculative_warning(value, question.authority) if question.speculative_check else None
        return Outcome(question.key, warning=warning, note=note or None)

    def refuse(self, question: Question, message: str, typed: str | None) -> Outcome:
        return Outcome(question.key, error=message, typed=typed)

    def add_item(self, group_question: Question) -> None:
        self.interview.add_item(group_question)

    def remove_item(self, group_question: Question, index: int) -> None:
        group = group_question.group
        assert group is not None
        if index in group.indices(self.data):
            self.interview.remove_item(group.list_key, index)

    def move_item(self, group_question: Question, index: int, step: int) -> int | None:
        """Swap item `index` with its neighbour in the same list (parties: the same role); its new index."""
        group = group_question.group
        assert group is not None
        indices = group.indices(self.data)
        if index not in indices:
            return None
        position = indices.index(index) + step
        if not 0 <= position < len(indices):
            return index
        items = get_in(self.data, group.list_key)
        other = indices[position]
        items[index], items[other] = items[other], items[index]
        self._save(self.data)
        return other
