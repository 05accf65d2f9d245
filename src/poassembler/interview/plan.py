"""The interview plan: `questions/interview.yaml` read and checked (`load_plan`), then laid out against the
answers so far (`build_plan`) as the `Question` objects the terminal interview and the browser form ask.

`needed_when` conditions, prompts and titles use the clause condition language (`expressions.py`) over the
same names as a clause — `answers`, `facts` (`CaseFacts`), `profile`, `periods`, `citations`, `tiers` — so a
question about a clause is asked exactly when that clause can appear. Half-way answers become an `Answers`
object through `partial.py`. See docs/architecture.md "Interview plan".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from poassembler.errors import BadLibrary
from poassembler.interview.partial import model_in, partial_answers, partial_item
from poassembler.interview.questions import (
    CHECKS,
    RESOLVERS,
    Choice,
    Group,
    Kind,
    Question,
    category_tier_choices,
    court_choices,
    judge_choices, judge_on_file, magistrate_in_case_number, party_name_choices,
    tier_choices,
)
from poassembler.library.answers import Answers
from poassembler.library.files import read_library_file
from poassembler.library.keypaths import Key, get_in
from poassembler.library.load import data_root
from poassembler.library.profiles import ProfileLibrary, ResolvedProfile
from poassembler.pipeline.expressions import compile_condition, compile_text, run
from poassembler.pipeline.facts import CaseFacts

PLAN_FILE = Path("questions") / "interview.yaml"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, populate_by_name=True)


class ChoiceSpec(_Strict):
    title: str
    value: Any = None


class QuestionSpec(_Strict):
    """One question as written in the plan file."""

    key: str | None = None  # answers path ("case.number"); inside a block, relative to the list item
    id: str | None = None  # a note's name (notes store nothing)
    kind: Kind
    prompt: str
    label: str = ""
    help: str = ""
    choices: list[ChoiceSpec] = Field(default_factory=list)
    choices_from: Literal["courts", "judges", "tiers", "category_tiers", "party_names", "nonparty_names"] | None = None
    default: Any = None
    default_from: str | None = None  # an expression; `default` when it cannot be evaluated
    needed_when: str = "true"
    clause: str | None = None  # asked only when the court's profile lists this clause
    before_court: bool = False  # asked before the court is known (every other question needs its profile)
    optional: bool = False
    blank: Any = ""
    lines: bool = False
    depends_on: list[str] = Field(default_factory=list)
    check: Literal["court", "judge", "case_number", "tiers"] | None = None
    resolve: Literal["court"] | None = None  # what was typed → the stored value (a court's name → its id)
    implied: bool = False
    speculative_check: bool = False
    authority: list[str] = Field(default_factory=list)  # citation names for a warning; the first the profile has
    sentence: bool = False  # store the answer as a sentence (it is printed in the order)
    guess_from: str | None = None  # a field of the same item whose words suggest the default ("name")
    guesses: dict[str, list[str]] = Field(default_factory=dict)  # value → words; the first value whose word appears
    offer_to_save_me: bool = False  # after this answer, offer to save the lawyer's details as the user's own

    @model_validator(mode="after")
    def _key_or_note(self) -> "QuestionSpec":
        if (self.kind == Kind.note) != (self.key is None):
            raise ValueError("a note has an `id` and no `key`; every other question has a `key`")
        if self.kind == Kind.note and not self.id:
            raise ValueError("a note needs an `id`")
        return self


class ListSpec(_Strict):
    """A repeating list in the answers; each item is asked the questions of `block`."""

    list: str  # answers path of the list, relative inside a block ("counsel")
    block: str
    item: str  # names the "add another" question's key ("+plaintiff")
    as_: str | None = Field(default=None, alias="as")  # a name for the item that nested questions see
    roles: list[str | None] | None = None  # party lists: the roles that belong to this list
    new_item: dict[str, Any] = Field(default_factory=dict)
    min_items: int = 0
    needed_when: str = "true"
    item_title: str
    section_title: str
    label: str
    prompt: str
    first_prompt: str


Entry = Union[ListSpec, QuestionSpec]


class SectionSpec(_Strict):
    id: str
    title: str
    entries: list[Entry]


class InterviewPlan(_Strict):
    """The whole plan file: sections in asking order, and the question blocks lists refer to."""

    sections: list[SectionSpec]
    blocks: dict[str, list[Entry]] = Field(default_factory=dict)
    organisation_words: list[str] = Field(default_factory=list)  # `has_word(item.name, organisation_words)`

    @model_validator(mode="after")
    def _consistent(self) -> "InterviewPlan":
        for section in self.sections:
            _check_entries(self, section.entries, Answers, section.id)
        return self

    def questions(self) -> list[tuple[SectionSpec, QuestionSpec]]:
        """Every question spec at the top level of a section, with its section (lists left out)."""
        return [(s, e) for s in self.sections for e in s.entries if isinstance(e, QuestionSpec)]


def _check_entries(plan: InterviewPlan, entries: list[Entry], model: type[BaseModel], where: str) -> None:
    """Keys name fields of the answers model, blocks exist, conditions and text compile."""
    for entry in entries:
        path = entry.list if isinstance(entry, ListSpec) else entry.key
        here = f"{where}: {path or entry.id}"
        target = _field_model(model, path, here) if path else None
        compile_condition(entry.needed_when, f"{PLAN_FILE}: {here}: needed_when")
        if isinstance(entry, QuestionSpec):
            for name in ("prompt", "help"):
                compile_text(getattr(entry, name), f"{PLAN_FILE}: {here}: {name}")
            if entry.default_from:
                compile_condition(entry.default_from, f"{PLAN_FILE}: {here}: default_from")
            continue
        if entry.block not in plan.blocks:
            raise ValueError(f"{here}: no block '{entry.block}' under `blocks:`")
        if target is None:
            raise ValueError(f"{here}: '{entry.list}' is not a list of items in the answers")
        _check_entries(plan, plan.blocks[entry.block], target, f"{here} ({entry.block})")


def _field_model(model: type[BaseModel], path: str, where: str) -> type[BaseModel] | None:
    """The model of a list's items (None for a plain field); an unknown field is an error."""
    current: type[BaseModel] | None = model
    nested = None
    for part in path.split("."):
        if current is None or part not in current.model_fields:
            raise ValueError(f"{where}: '{path}' is not a field of the answers")
        nested, _ = model_in(current.model_fields[part].annotation)
        current = nested
    return nested


def load_plan(folders: list[Path] | tuple[Path, ...] = ()) -> InterviewPlan:
    """The plan: the built-in `questions/interview.yaml`, replaced by the last library folder that has one."""
    paths = [data_root() / PLAN_FILE] + [Path(f) / PLAN_FILE for f in folders]
    chosen = [p for p in paths if p.is_file()]
    if not chosen:
        raise BadLibrary(f"no interview plan ({PLAN_FILE}) in {', '.join(str(p.parent.parent) for p in paths)}.")
    path = chosen[-1]
    stat = path.stat()
    return _load(path, stat.st_size, stat.st_mtime_ns)


@lru_cache(maxsize=4)
def _load(path: Path, size: int, mtime: int) -> InterviewPlan:
    return read_plan(path)


def read_plan(path: Path) -> InterviewPlan:
    """One plan file, checked (keys, blocks, conditions); BadLibrary naming the file otherwise."""
    try:
        return read_library_file(path, InterviewPlan, "an interview plan", "sections:, blocks:")
    except ValueError as exc:  # a check in `_consistent` that pydantic did not wrap
        raise BadLibrary(f"{path}: {exc}") from None


# ---------------------------------------------------------------- laying the plan out for the answers so far


@dataclass(frozen=True)
class _Binding:
    """Where a list item sits in the answers, and the names it gives the questions inside it."""

    names: tuple[tuple[str, Key, type[BaseModel]], ...] = ()  # name → item path, item model
    static: tuple[tuple[str, Any], ...] = ()  # n, title, who, section

    def scope(self, data: dict) -> dict[str, Any]:
        values = {name: partial_item(model, get_in(data, path)) for name, path, model in self.names}
        return {**values, **dict(self.static)}


@dataclass(frozen=True)
class _Condition:
    source: str
    where: str
    binding: _Binding


class Needed:
    """`needed(data, profile)`: every enclosing list's condition and the question's own hold, and the
    court's profile lists the clause the question is about."""

    def __init__(self, conditions: tuple[_Condition, ...], clause: str | None, choices: tuple[Choice, ...]):
        self.conditions = tuple(c for c in conditions if c.source.strip() != "true")  # most hold always
        self.clause = clause
        self.choices = choices

    def __call__(self, data: dict, profile: ResolvedProfile | None) -> bool:
        if self.clause and (profile is None or profile.status(self.clause) in (None, "excluded")):
            return False
        if not self.conditions:
            return True
        base = case_scope(data, profile)
        for condition in self.conditions:
            names = {**base, **condition.binding.scope(data), "choices": self.choices}
            if not run(condition.where, compile_condition(condition.source, condition.where), names):
                return False
        return True


def case_scope(data: dict, profile: ResolvedProfile | None) -> dict[str, Any]:
    """The names conditions and prompts see, for the answers so far (the same as a clause's)."""
    key = (id(profile), repr(data))
    if _SCOPE_CACHE.get("key") != key:
        answers = partial_answers(data)
        periods = {n: e.value for n, e in profile.periods.items()} if profile else {}
        citations = {n: e.value for n, e in profile.citations.items()} if profile else {}
        _SCOPE_CACHE.clear()
        _SCOPE_CACHE.update(key=key, scope={
            "answers": answers,
            "facts": CaseFacts.of(answers),
            "profile": profile,
            "periods": periods,
            "citations": citations,
            "tiers": dict(profile.tier_labels) if profile else {},
            "cited": lambda name: cited(profile, name),
            "has_word": has_word,
            "judge_on_file": judge_on_file(profile, answers),
            "magistrate_in_case_number": magistrate_in_case_number(profile, answers),
        })
    return _SCOPE_CACHE["scope"]


_SCOPE_CACHE: dict[str, Any] = {}


def cited(profile: ResolvedProfile | None, name: str) -> str:
    """" (CITE)" from the profile's citation `name`, flagged when unverified; "" when the profile lacks it."""
    if profile is None or name not in profile.citations:
        return ""
    citation = profile.citation(name)
    return f" ({citation.cite}{'' if citation.verified else '; verify before filing'})"


def build_plan(data: dict, profile: ResolvedProfile | None, profiles: ProfileLibrary,
               plan: InterviewPlan | None = None, me: dict | None = None) -> list[Question]:
    """Every question the answers so far lead to, in asking order (needed or not: see `Question.needed`).

    `me`: the user's saved details as a lawyer (`me.py`), offered as defaults."""
    layout = _Layout(plan or load_plan(), data, profile, profiles, me)
    for number, section in enumerate(layout.plan.sections, 1):
        layout.step = (number, len(layout.plan.sections), section.title)
        layout.entries(section.entries, (), section.title, Answers, (), layout.root)
    return layout.out


class _Layout:
    def __init__(self, plan: InterviewPlan, data: dict, profile: ResolvedProfile | None, profiles: ProfileLibrary,
                 me: dict | None = None):
        self.plan, self.data, self.profile, self.profiles = plan, data, profile, profiles
        self.out: list[Question] = []
        self.scope = case_scope(data, profile)  # the same for every question of this layout
        self.step: tuple[int, int, str] = (0, 0, "")
        self.root = _Binding(static=(("organisation_words", tuple(plan.organisation_words)), ("me", me)))

    def text(self, source: str, where: str, binding: _Binding) -> str:
        names = {**self.scope, **binding.scope(self.data)}
        return " ".join(run(where, _compiled_text(source, where).render, names).split())

    def entries(self, entries: list[Entry], prefix: Key, section: str, model: type[BaseModel],
                conditions: tuple[_Condition, ...], binding: _Binding, preset: frozenset = frozenset()) -> None:
        for entry in entries:
            if self.profile is None and not (isinstance(entry, QuestionSpec) and entry.before_court):
                continue
            if isinstance(entry, QuestionSpec) and entry.key in preset:  # set by the list (a plaintiff's role)
                continue
            if isinstance(entry, ListSpec):
                self.list(entry, prefix, section, model, conditions, binding)
            else:
                self.question(entry, prefix, section, conditions, binding)

    def question(self, spec: QuestionSpec, prefix: Key, section: str, conditions: tuple[_Condition, ...],
                 binding: _Binding) -> None:
        key = prefix + _key(spec.key) if spec.key else ("+notes", spec.id or "")
        where = f"{PLAN_FILE}: {'.'.join(str(k) for k in key)}"
        choices, default = tuple(Choice(c.title, c.value) for c in spec.choices), spec.default
        if spec.choices_from:
            source = self.choices_from(spec.choices_from)
            if source is None:
                return
            choices, source_default = source
            default = source_default if source_default is not None else default
        if spec.default_from:
            names = {**self.scope, **binding.scope(self.data)}
            try:
                default = compile_condition(spec.default_from, where)(**names)
            except Exception:  # e.g. a period this court's profile does not have: the plan's own default
                pass
        if spec.guess_from:
            default = _guess(get_in(self.data, prefix + _key(spec.guess_from)), spec.guesses, default)
        own = _Condition(spec.needed_when, f"{where}: needed_when", binding)
        self.out.append(Question(
            key, self.text(spec.prompt, f"{where}: prompt", binding), spec.kind, section, spec.label,
            choices=choices, default=default, needed=Needed(conditions + (own,), spec.clause, choices),
            optional=spec.optional, blank=spec.blank, lines=spec.lines,
            depends_on=tuple(_key(d) for d in spec.depends_on), check=CHECKS.get(spec.check or ""),
            resolve=RESOLVERS.get(spec.resolve or ""),
            help=self.text(spec.help, f"{where}: help", binding), speculative_check=spec.speculative_check,
            implied=spec.implied, needed_when=spec.needed_when,
            authority=next((c for c in (cited(self.profile, n) for n in spec.authority) if c), ""),
            sentence=spec.sentence, step=self.step[0], steps=self.step[1], part=self.step[2],
            offer_to_save_me=spec.offer_to_save_me,
        ))

    def choices_from(self, name: str) -> tuple[tuple[Choice, ...], Any] | None:
        if name == "courts":
            return court_choices(self.profiles), None
        if name == "judges":
            court = self.data.get("court")
            if not isinstance(court, str) or CHECKS["court"](court, _context(self.data, None, self.profiles)):
                return None
            return judge_choices(self.profiles, court), None
        if name in ("party_names", "nonparty_names"):
            return party_name_choices(self.data, name == "nonparty_names")
        if self.profile is None:
            return None
        scope = self.scope
        if name == "category_tiers":
            return category_tier_choices(self.profile, scope["facts"]), None
        return tier_choices(self.profile, scope["facts"], scope["answers"])

    def list(self, spec: ListSpec, prefix: Key, section: str, model: type[BaseModel],
             conditions: tuple[_Condition, ...], binding: _Binding) -> None:
        list_key = prefix + _key(spec.list)
        where = f"{PLAN_FILE}: {'.'.join(str(k) for k in list_key)}"
        item_model = _field_model(model, spec.list, where) or BaseModel
        conditions = conditions + (_Condition(spec.needed_when, f"{where}: needed_when", binding),)
        group = Group(list_key, spec.item, spec.min_items, tuple(spec.roles) if spec.roles is not None else None,
                      new_item=dict(spec.new_item))
        indices = group.indices(self.data)
        for number, index in enumerate(indices, 1):
            path = list_key + (index,)
            names = binding.names + tuple((n, path, item_model) for n in ("item", spec.as_) if n)
            outer = dict(binding.static, n=number, section=section, group=spec.item)
            title = self.text(spec.item_title, f"{where}: item_title", _Binding(names, tuple(outer.items())))
            name = get_in(self.data, path + ("name",))
            who = name if isinstance(name, str) and name.strip() else title.lower()
            own = dict(outer, title=title, who=who)
            item_section = self.text(spec.section_title, f"{where}: section_title", _Binding(names, tuple(own.items())))
            inner = _Binding(names, tuple(dict(own, section=item_section).items()))
            self.entries(self.plan.blocks[spec.block], path, item_section, item_model, conditions, inner,
                         frozenset(spec.new_item))
        prompt = spec.prompt if indices else spec.first_prompt
        self.out.append(Question(
            list_key + (f"+{spec.item}",), self.text(prompt, f"{where}: prompt", binding), Kind.group, section,
            spec.label, needed=Needed(conditions, None, ()), group=group, needed_when=spec.needed_when,
            step=self.step[0], steps=self.step[1], part=self.step[2],
        ))


def _words(text: str) -> str:
    return " " + " ".join(re.findall(r"[a-z0-9]+", text.lower())) + " "


def has_word(text: Any, words: Any) -> bool:
    """Whether `text` contains one of `words` as whole words, in any case ("Acme, Inc." has "Inc")."""
    if not isinstance(text, str) or not text:
        return False
    typed = _words(text)
    return any(_words(str(w)) in typed for w in words or () if _words(str(w)).strip())


def _guess(text: Any, guesses: dict[str, list[str]], default: Any) -> Any:
    """The first value one of whose words appears in `text`; else `default`."""
    for value, markers in guesses.items():
        if has_word(text, markers):
            return value
    return default


@lru_cache(maxsize=None)
def _compiled_text(source: str, where: str):
    return compile_text(source, where)


def _key(path: str) -> Key:
    return tuple(path.split("."))


def _context(data: dict, profile: ResolvedProfile | None, profiles: ProfileLibrary):
    from poassembler.interview.questions import Context

    return Context(data, profile, profiles)
