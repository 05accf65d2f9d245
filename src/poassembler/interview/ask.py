"""The one ask loop: ask what is needed and not yet (validly) answered, save after each answer, go back.

Prompting sits behind `Prompter` (questionary in `prompter_questionary.py`, a script in tests), so
this module never touches a terminal. Every answer is saved at once (`answers_file.py`), so an
interrupted interview resumes from that file with only the missing or invalid questions. The review
screen and list editing are in `review.py`.
"""

from __future__ import annotations

import copy
from typing import Any, Callable, Protocol

from poassembler.errors import BadInput
from poassembler.interview import review
from poassembler.interview.answers_file import mappings, save_answers_file  # noqa: F401  (the web form imports it here)
from poassembler.interview.plan import InterviewPlan, build_plan, load_plan
from poassembler.interview.questions import BACK, Context, Kind, Question, answered, problem
from poassembler.library.answers import Answers, answers_to_yaml_data, field_path, parse_answers
from poassembler.library.keypaths import Key, delete_in, get_in, has_in, set_in
from poassembler.library.profiles import ProfileLibrary, ResolvedProfile


class Prompter(Protocol):
    """Asks one question and returns the raw answer (or `BACK`: go back one question); tells the user something."""

    def ask(self, question: Question, default: Any) -> Any: ...

    def tell(self, message: str) -> None: ...


REWRITE = Question(("+rewrite",), "Rewrite it now?", Kind.confirm, "", default=True)


class Interview:
    """Asks until the answers are complete and the user accepts them on the review screen.

    `preview(data)` (optional) gives the paragraphs of the order the answers produce, so the review
    screen can show what an answer becomes in the order.
    """

    def __init__(self, profiles: ProfileLibrary, prompter: Prompter, data: dict | None = None,
                 save: Callable[[dict], None] | None = None, plan: InterviewPlan | None = None,
                 preview: Callable[[dict], list[str]] | None = None, me: dict | None = None,
                 save_me: Callable[[dict], Any] | None = None):
        self.profiles = profiles
        self.questions = plan or load_plan()
        self.prompter = prompter
        self.data: dict = copy.deepcopy(data) if data else {}
        self.save = save or (lambda data: None)
        self.preview = preview
        self.me = me  # the user's saved details as a lawyer (`me.py`)
        self.save_me = save_me  # saves them; None: never offered
        self.closed: dict[Key, bool] = {}  # "add another?" answered no (True) / reopened (False) this session
        self.previous: dict[Key, Any] = {}  # answers cleared because what they depend on changed
        self.told: set[str] = set()
        self.initial = copy.deepcopy(self.data)  # the answers file as it was loaded
        self.from_file = {id(node) for node in mappings(self.data)}  # mappings that came from the file
        self.history: list[Key] = []  # questions answered this session, in order: where "back" goes
        self.revisit: Key | None = None  # a question to ask again (going back), answered or not
        self.added: dict[Key, int] = {}  # list question → the item its last "yes" added (undone by going back and "no")
        self.step_told = 0
        self.last_edited: Any = None  # the review row changed last: the review screen opens on it
        self._laid_out: tuple[Any, list[Question]] = (None, [])

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
        """The questions for the answers as they are now (laid out again only when they changed)."""
        profile = self.profile()
        key = (repr(self.data), id(profile), repr(self.me))
        if self._laid_out[0] != key:
            self._laid_out = (key, build_plan(self.data, profile, self.profiles, self.questions, self.me))
        return list(self._laid_out[1]), profile

    def find(self, key: Key) -> Question | None:
        plan, _ = self.plan()
        return next((q for q in plan if q.key == key), None)

    # ------------------------------------------------------------ the loop

    def run(self) -> Answers:
        """Ask, review, edit, until the user chooses to render; returns the validated answers."""
        self.welcome()
        while True:
            self.ask_pending()
            answers, problems = self.completed()
            choice = review.show(self, problems)
            if choice == review.RENDER and answers is not None:
                return answers
            review.act(self, choice)

    def welcome(self) -> None:
        """On resume: how much is answered and what comes next, so the first question has its context."""
        if not self.initial:
            return
        plan, profile = self.plan()
        count = len(answered(plan, self.data, profile))
        following, notes = self.next_pending(), []
        while following is not None and following.kind == Kind.note:  # notes are told, not asked: name what follows
            notes.append(following.prompt)
            self.told.add(following.prompt)
            following = self.next_pending()
        self.told.difference_update(notes)
        if following is None:
            where = "every question is answered; the review screen follows"
        else:
            where = f"next: {following.section} — {following.label or following.prompt}"
        self.prompter.tell(f"Welcome back: {count} answers saved; {where}.")

    def ask_pending(self) -> None:
        """Ask every needed question that is unanswered or invalid, in order; BACK goes back one."""
        while (question := self.next_pending()) is not None:
            self._heading(question)
            if question.kind == Kind.note:
                self._tell_once(question.prompt)
                continue
            revisiting = question.key == self.revisit
            self.revisit = None
            result = self.grow(question, revisiting) if question.kind == Kind.group else self.answer(question)
            if result is BACK:
                self.back(question)
            elif result is not None or question.kind != Kind.group:
                self.history.append(question.key)

    def _heading(self, question: Question) -> None:
        if question.step and question.step != self.step_told:
            self.step_told = question.step
            self.prompter.tell(f"── Step {question.step} of {question.steps}: {question.part} ──")

    def next_pending(self) -> Question | None:
        plan, profile = self.plan()
        if self.revisit is not None:
            again = next((q for q in plan if q.key == self.revisit and q.needed(self.data, profile)), None)
            if again is not None:
                return again
            self.revisit = None
        context = Context(self.data, profile, self.profiles)
        wrong_fields = self._wrong_fields()
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
            elif self._may_be_wrong(question, wrong_fields) and problem(question, get_in(self.data, question.key), context):
                return question
        return None

    def _wrong_fields(self) -> set[str]:
        """The fields the answers so far get wrong, from one validation of the whole (not one per question)."""
        try:
            parse_answers(self.data)
        except BadInput as exc:
            return {found.field or "" for found in exc.problems}
        return set()

    @staticmethod
    def _may_be_wrong(question: Question, wrong_fields: set[str]) -> bool:
        where = field_path(question.key)
        return question.check is not None or any(f == where or f.startswith((where + ".", where + "[")) for f in wrong_fields)

    def _left_at_default(self, question: Question, later_in_file: bool) -> bool:
        """A field the answers model defaults, left out of a loaded file that answers later questions,
        was left at its default on purpose (e.g. no `government:` on a private party): not asked."""
        return (
            question.implied
            and later_in_file
            and self._holder_from_file(question.key)
            and all(has_in(self.initial, key) for key in question.depends_on)
            and question.key not in self.previous
        )

    def _holder_from_file(self, key: Key) -> bool:
        """Whether the mapping that would hold `key` came from the loaded file (not an item added since,
        wherever a move has put it)."""
        node: Any = self.data
        for part in key[:-1]:
            try:
                node = node[part]
            except (KeyError, IndexError, TypeError):
                break
        return isinstance(node, dict) and id(node) in self.from_file

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

    def grow(self, question: Question, revisiting: bool = False) -> Any:
        """"Add another …?": yes adds an item, no closes the list. Asked again by going back, no
        removes the item the earlier yes added. Returns the answer, BACK, or None when not asked."""
        group = question.group
        assert group is not None
        added = self.added.get(question.key) if revisiting else None
        if len(group.indices(self.data)) < group.min_items and not revisiting:
            self.add_item(question)  # the first plaintiff, the first lawyer: no need to ask
            return None
        reply = self.prompter.ask(question, added is not None)
        if reply is BACK:
            return BACK
        if not reply:
            if added is not None:
                self.remove_item(group.list_key, added)
            self.closed[question.key] = True
        elif added is None:
            self.add_item(question)
        return reply

    def add_item(self, question: Question) -> None:
        group = question.group
        assert group is not None
        items = get_in(self.data, group.list_key)
        if not isinstance(items, list):
            items = []
            set_in(self.data, group.list_key, items)
        items.append(group.make_item())
        self.added[question.key] = len(items) - 1
        self.closed[question.key] = False
        self.save(self.data)

    def remove_item(self, list_key: Key, index: int) -> None:
        """Remove one party, lawyer or category, and forget this session's answers inside it."""
        items = get_in(self.data, list_key)
        if not isinstance(items, list) or not 0 <= index < len(items):
            return
        del items[index]
        depth = len(list_key)
        self.history = [k for k in self.history if not (k[:depth] == list_key and len(k) > depth and isinstance(k[depth], int))]
        self.added = {k: i for k, i in self.added.items() if k[:depth] != list_key or i < index}
        self.save(self.data)

    def answer(self, question: Question, default: Any = None) -> Any:
        """Ask until the answer is valid, warn about speculative harm, store and save it (BACK: nothing stored)."""
        if default is None:
            default = self.default_for(question)
        while True:
            raw = self.prompter.ask(question, default)
            if raw is BACK:
                return BACK
            try:
                value = question.parse(raw)
                note = ""
                if question.resolve:
                    value, note = question.resolve(value, self.context())
            except ValueError as exc:
                self.prompter.tell(_again(str(exc)))
                default = raw
                continue
            wrong = problem(question, value, self.context())
            if wrong:
                self.prompter.tell(_again(wrong))
                default = raw
                continue
            if question.speculative_check and self._rewrite_speculative(value, question.authority):
                default = value
                continue
            break
        if note:
            self.prompter.tell(note)
        self.store(question, value)
        if question.offer_to_save_me:
            self._offer_to_save_me(question.key[:-1])
        return value

    def _offer_to_save_me(self, lawyer_key: Key) -> None:
        """Once a session, when no details are saved yet: keep this lawyer's details as the user's own."""
        lawyer = get_in(self.data, lawyer_key)
        if self.save_me is None or self.me is not None or "+me" in self.told or not isinstance(lawyer, dict):
            return
        self.told.add("+me")
        offer = Question(("+me",), f"Are you {lawyer.get('name')}? Save these details to fill them in next time?", Kind.confirm, "",
                         default=False)
        if self.prompter.ask(offer, False) is True:
            self.me = dict(lawyer)
            self.prompter.tell(f"Saved in {self.save_me(self.me)}.")

    def store(self, question: Question, value: Any) -> None:
        """Set an answer and save; answers that depend on it are cleared (and asked again) when it changed."""
        changed = not has_in(self.data, question.key) or get_in(self.data, question.key) != value
        plan = self.plan()[0] if changed else []  # before the change: its dependents as they are now
        set_in(self.data, question.key, value)
        if changed:
            for dependent in plan:
                if question.key in dependent.depends_on and dependent.key != question.key and has_in(self.data, dependent.key):
                    self.previous[dependent.key] = get_in(self.data, dependent.key)
                    delete_in(self.data, dependent.key)
        self.save(self.data)

    def back(self, current: Question) -> None:
        """Go back one question: the one answered before this in this session; on resume, from the first
        question of an item, that list's "add …?" question (where no removes the half-made item)."""
        while self.history:
            key = self.history.pop()
            if key != current.key and self.find(key) is not None:
                self.revisit = key
                return
        owner = self._list_question_of(current)
        if owner is not None:
            self.revisit = owner
            return
        self.prompter.tell("This is the first question of this session; change earlier answers on the review screen at the end.")

    def _list_question_of(self, question: Question) -> Key | None:
        """The "add …?" question of the optional list item `question` belongs to (recorded as its last yes)."""
        plan, _ = self.plan()
        for candidate in plan:
            group = candidate.group
            if group is None:
                continue
            depth = len(group.list_key)
            key = question.key
            if key[:depth] == group.list_key and len(key) > depth and isinstance(key[depth], int):
                indices = group.indices(self.data)
                if key[depth] in indices and indices.index(key[depth]) >= group.min_items:
                    self.added[candidate.key] = key[depth]
                    return candidate.key
        return None

    def _rewrite_speculative(self, text: str, authority: str) -> bool:
        warning = review.speculative_warning(text, authority)
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

    # ------------------------------------------------------------ completing

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

    def _tell_once(self, message: str) -> None:
        if message not in self.told:
            self.told.add(message)
            self.prompter.tell(message)


def _again(problem_text: str) -> str:
    end = "" if problem_text.endswith((".", "?", "!")) else "."
    return f"✗ {problem_text}{end} Please answer again."


def completed_yaml_data(answers: Answers) -> dict[str, Any]:
    """The finished answers as plain data: the same shape `poassembler render` reads."""
    return answers_to_yaml_data(answers)
