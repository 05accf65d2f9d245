"""The one ask loop: ask what is needed and not yet (validly) answered, save after each answer, review.

Prompting sits behind `Prompter` (questionary in `prompter_questionary.py`, a script in tests), so
this module never touches a terminal. Every answer is written to the answers file at once (atomic),
so an interrupted interview resumes from that file with only the missing or invalid questions.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any, Callable, Protocol

import yaml

from poassembler.library.answers import Answers, answers_to_yaml_data, parse_answers
from poassembler.errors import BadInput
from poassembler.review.harm_language import speculative_terms
from poassembler.library.keypaths import Key, delete_in, get_in, has_in, set_in
from poassembler.library.profiles import ProfileLibrary, ResolvedProfile
from poassembler.interview.questions import Choice, Context, Kind, Question, answered, build_plan, cited, problem


class Prompter(Protocol):
    """Asks one question and returns the raw answer; tells the user something."""

    def ask(self, question: Question, default: Any) -> Any: ...

    def tell(self, message: str) -> None: ...


RENDER = ("render",)

REWRITE = Question(("+rewrite",), "Rewrite it now?", Kind.confirm, "", default=True)


def _review_question(choices: tuple[Choice, ...]) -> Question:
    return Question(("+review",), "Review your answers: pick one to change, or render the draft", Kind.select, "Review", choices=choices)


def save_answers_file(path: Path, data: dict[str, Any], header: str = "") -> None:
    """Write answers data as YAML, atomically, replacing the interview's own file."""
    from poassembler.pipeline.atomic import write_atomically

    text = header + yaml.safe_dump(data, sort_keys=False, allow_unicode=True, default_flow_style=False, width=100)
    write_atomically(path, text.encode("utf-8"), force=True)


class Interview:
    """Asks until the answers are complete and the user accepts them on the review screen."""

    def __init__(self, profiles: ProfileLibrary, prompter: Prompter, data: dict | None = None,
                 save: Callable[[dict], None] | None = None):
        self.profiles = profiles
        self.prompter = prompter
        self.data: dict = copy.deepcopy(data) if data else {}
        self.save = save or (lambda data: None)
        self.closed: dict[Key, bool] = {}  # "add another?" answered no (True) / reopened (False) this session
        self.previous: dict[Key, Any] = {}  # answers cleared because what they depend on changed
        self.told: set[str] = set()
        self.initial = copy.deepcopy(self.data)  # the answers file as it was loaded

    # ------------------------------------------------------------ the profile the answers point to

    def profile(self) -> ResolvedProfile | None:
        court, judge = self.data.get("court"), self.data.get("judge")
        if not isinstance(court, str):
            return None
        for attempt in ((court, judge), (court, None)):
            try:
                profile = self.profiles.resolve_for(*attempt)
            except BadInput:
                continue
            for warning in profile.warnings:
                self._tell_once(f"Note: {warning}")
            return profile
        return None

    def context(self) -> Context:
        return Context(self.data, self.profile(), self.profiles)

    def plan(self) -> tuple[list[Question], ResolvedProfile | None]:
        profile = self.profile()
        return build_plan(self.data, profile, self.profiles), profile

    # ------------------------------------------------------------ the loop

    def run(self) -> Answers:
        """Ask, review, edit, until the user chooses to render; returns the validated answers."""
        while True:
            self.ask_pending()
            answers, problems = self.completed()
            choice = self.review(problems)
            if choice == RENDER and answers is not None:
                return answers
            self.edit(choice)

    def ask_pending(self) -> None:
        """Ask every needed question that is unanswered or invalid, in order."""
        while (question := self.next_pending()) is not None:
            if question.kind == Kind.note:
                self._tell_once(question.prompt)
            elif question.kind == Kind.group:
                self.grow(question)
            else:
                self.answer(question)

    def next_pending(self) -> Question | None:
        plan, profile = self.plan()
        context = Context(self.data, profile, self.profiles)
        later_answered = self._later_answered(plan, self.data)
        later_in_file = self._later_answered(plan, self.initial)
        for position, question in enumerate(plan):
            if not question.needed(self.data, profile):
                continue
            if question.kind == Kind.note:
                if question.prompt not in self.told:
                    return question
            elif question.kind == Kind.group:
                if not self.group_closed(question, later_answered[position]):
                    return question
            elif not has_in(self.data, question.key):
                if not self._left_at_default(question, later_in_file[position]):
                    return question
            elif problem(question, get_in(self.data, question.key), context):
                return question
        return None

    def _left_at_default(self, question: Question, later_in_file: bool) -> bool:
        """A field the answers model defaults, left out of a loaded file that answers later questions,
        was left at its default on purpose (e.g. no `government:` on a private party): not asked."""
        return (
            question.implied
            and later_in_file
            and not has_in(self.initial, question.key)
            and all(has_in(self.initial, key) for key in question.depends_on)
            and question.key not in self.previous
        )

    @staticmethod
    def _later_answered(plan: list[Question], data: dict) -> list[bool]:
        """For each position in the plan: is any question after it answered in `data`?"""
        flags, seen = [False] * len(plan), False
        for position in range(len(plan) - 1, -1, -1):
            flags[position] = seen
            question = plan[position]
            seen = seen or (question.kind not in (Kind.group, Kind.note) and has_in(data, question.key))
        return flags

    def group_closed(self, question: Question, later_answered: bool) -> bool:
        """A list is complete when it has its minimum and the user said "no more" — in this session,
        or (on resume) by having answered a question that comes after it."""
        group = question.group
        assert group is not None
        if len(group.indices(self.data)) < group.min_items:
            return False
        if question.key in self.closed:
            return self.closed[question.key]
        return later_answered

    def grow(self, question: Question) -> None:
        group = question.group
        assert group is not None
        if len(group.indices(self.data)) >= group.min_items and not self.prompter.ask(question, False):
            self.closed[question.key] = True
            return
        self.add_item(question)

    def add_item(self, question: Question) -> None:
        """Append a new item to the group's list (a party gets its role) and save."""
        group = question.group
        assert group is not None
        items = get_in(self.data, group.list_key)
        if not isinstance(items, list):
            items = []
            set_in(self.data, group.list_key, items)
        items.append(group.new_item())
        self.save(self.data)

    def answer(self, question: Question, default: Any = None) -> Any:
        """Ask until the answer is valid, warn about speculative harm, store and save it."""
        if default is None:
            default = self.default_for(question)
        while True:
            raw = self.prompter.ask(question, default)
            try:
                value = question.parse(raw)
            except ValueError as exc:
                self.prompter.tell(_again(str(exc)))
                default = raw
                continue
            wrong = problem(question, value, self.context())
            if wrong:
                self.prompter.tell(_again(wrong))
                default = raw
                continue
            if question.speculative_check and self._rewrite_speculative(value):
                default = value
                continue
            break
        self.store(question, value)
        return value

    def store(self, question: Question, value: Any) -> None:
        """Keep a validated answer; answers that depend on a changed one are cleared (asked again). Saves."""
        before = get_in(self.data, question.key) if has_in(self.data, question.key) else None
        changed = has_in(self.data, question.key) and before != value
        set_in(self.data, question.key, value)
        if changed:
            plan, _ = self.plan()
            for dependent in plan:
                if dependent.key != question.key and question.key in dependent.depends_on and has_in(self.data, dependent.key):
                    self.previous[dependent.key] = get_in(self.data, dependent.key)
                    delete_in(self.data, dependent.key)
        self.save(self.data)

    def _rewrite_speculative(self, text: str) -> bool:
        warning = speculative_warning(text, self.profile())
        if not warning:
            return False
        self.prompter.tell(warning)
        return bool(self.prompter.ask(REWRITE, True))

    def default_for(self, question: Question) -> Any:
        """The current answer (even an invalid one, to edit), else the answer before a change, else the default."""
        if has_in(self.data, question.key):
            return get_in(self.data, question.key)
        if question.key in self.previous:
            return self.previous[question.key]
        return question.default

    # ------------------------------------------------------------ completing and reviewing

    def pruned(self) -> dict:
        """The answers without those the case no longer needs (e.g. a prosecution bar after the case type changed)."""
        plan, profile = self.plan()
        data = copy.deepcopy(self.data)
        for question in reversed(plan):
            if question.kind == Kind.note or question.needed(self.data, profile):
                continue
            delete_in(data, question.group.list_key if question.group else question.key)
        return data

    def completed(self) -> tuple[Answers | None, list[str]]:
        """The validated answers, or the problems left (shown on the review screen)."""
        from poassembler.pipeline.draft import check_against_profile

        try:
            answers = parse_answers(self.pruned(), "answers")
            check_against_profile(answers, self.profiles.resolve_for(answers.court, answers.judge))
        except BadInput as exc:
            return None, exc.problems or [exc.message]
        return answers, []

    def review(self, problems: list[str]) -> Any:
        plan, profile = self.plan()
        choices: list[Choice] = []
        if not problems:
            choices.append(Choice("✔ Everything is right: render the draft", RENDER))
        section = None
        for item in answered(plan, self.data, profile):
            if item.question.section != section:
                section = item.question.section
                choices.append(Choice(section, None, heading=True))
            choices.append(Choice(f"{item.question.label}: {item.question.shown(item.value)}", ("edit", item.question.key)))
        groups = [q for q in plan if q.kind == Kind.group and q.needed(self.data, profile)]
        if groups:
            choices.append(Choice("Add to a list", None, heading=True))
            choices += [Choice(f"+ {q.label} ({q.section})", ("add", q.key)) for q in groups]
        for line in problems:
            self.prompter.tell(f"✗ {line}")
        return self.prompter.ask(_review_question(tuple(choices)), RENDER if not problems else None)

    def edit(self, choice: Any) -> None:
        """Change one answer (and clear the answers that depend on it), or add an item to a list."""
        action, key = choice
        plan, _ = self.plan()
        question = next(q for q in plan if q.key == key)
        if action == "add":
            self.closed[key] = False
            self.add_item(question)
            return
        self.answer(question, get_in(self.data, key))

    def _tell_once(self, message: str) -> None:
        if message not in self.told:
            self.told.add(message)
            self.prompter.tell(message)


def speculative_warning(harm: str, profile: ResolvedProfile | None) -> str | None:
    """The warning about speculative words in a stated harm ("may", "could", …), or None."""
    terms = speculative_terms(harm) if isinstance(harm, str) else []
    if not terms:
        return None
    words = ", ".join(f"'{t}'" for t in terms)
    return (
        f"⚠ The harm says {words}: courts reject speculative harm{cited(profile, 'good_cause_specificity')}. "
        "State what disclosure would do, as facts."
    )


def _again(problem_text: str) -> str:
    end = "" if problem_text.endswith((".", "?", "!", ")")) else "."
    return f"✗ {problem_text}{end} Please answer again."


def completed_yaml_data(answers: Answers) -> dict[str, Any]:
    """What the finished interview writes: the same shape `poassembler render` reads."""
    return answers_to_yaml_data(answers)
