"""One question of the interview, independent of any UI, and how one answer is validated.

`Question` is what `plan.build_plan` lays out from the plan file (questions/interview.yaml) for the
answers so far; the ask loop (`ask.py`) asks the needed ones that are unanswered or invalid.
`problem(question, value, …)` validates one answer through the same pydantic models as the answers
file (`parse_answers`), plus the checks the plan names (`CHECKS`: court, judge, case-number format,
tier labels). Nothing here imports questionary.
"""

from __future__ import annotations

import copy
import datetime as dt
from dataclasses import dataclass, field
from enum import Enum
from typing import TYPE_CHECKING, Any, Callable

from poassembler.library.answers import Answers, CategoryKind, Tier, field_path, parse_answers
from poassembler.errors import BadInput
from poassembler.library.keypaths import Key, get_in, has_in
from poassembler.interview.typed import as_sentence, parse_date
from poassembler.library.courts import court_problem, courts, match_court
from poassembler.library.profiles import ProfileLibrary, ResolvedProfile
from poassembler.pipeline.context import signing_judge

if TYPE_CHECKING:
    from poassembler.pipeline.facts import CaseFacts


class _Back:
    """What a prompter returns when the user asks to go back one question (Esc in the terminal)."""

    def __repr__(self) -> str:
        return "BACK"


BACK = _Back()


class Kind(str, Enum):
    text = "text"
    select = "select"
    confirm = "confirm"
    autocomplete = "autocomplete"  # type-ahead over the choices; free text allowed
    integer = "integer"
    date = "date"  # 11/20/2026, November 20, 2026, 2026-11-20, today
    group = "group"  # "add another …?" for a repeating list
    note = "note"  # something to tell the user at this point; stores nothing


@dataclass(frozen=True)
class Choice:
    title: str
    value: Any
    heading: bool = False  # a section title in a long list, not selectable


@dataclass(frozen=True)
class Group:
    """A repeating list in the answers: `list_key` holds the items, `roles` filters parties."""

    list_key: Key
    item: str  # "plaintiff", "counsel", "category"
    min_items: int = 0
    roles: tuple[str | None, ...] | None = None  # party roles that belong to this group
    new_item: dict = field(default_factory=dict)  # what a new item starts as ({"role": "plaintiff"})

    def make_item(self) -> dict:
        return copy.deepcopy(self.new_item)

    def indices(self, data: dict) -> list[int]:
        items = get_in(data, self.list_key) or []
        if not isinstance(items, list):
            return []
        if self.roles is None:
            return list(range(len(items)))
        return [i for i, item in enumerate(items) if isinstance(item, dict) and item.get("role") in self.roles]


Needed = Callable[[dict, "ResolvedProfile | None"], bool]
Check = Callable[[Any, "Context"], "str | None"]
Resolve = Callable[[Any, "Context"], "tuple[Any, str]"]  # typed answer → (value to store, note); ValueError


def always(data: dict, profile: ResolvedProfile | None) -> bool:
    return True


@dataclass(frozen=True)
class Question:
    """One question: where its answer goes, how it is asked, when it is needed."""

    key: Key  # path into the answers data (a group's key is an id: its list key + "+item")
    prompt: str
    kind: Kind
    section: str
    label: str = ""  # short name in the review screen
    choices: tuple[Choice, ...] = ()
    default: Any = None  # from the profile where it has one, else built in
    needed: Needed = always
    optional: bool = False  # a blank answer is allowed and stores `blank`
    blank: Any = ""
    lines: bool = False  # a list of lines, typed on one line separated by ";"
    depends_on: tuple[Key, ...] = ()  # cleared and asked again when one of these changes
    check: Check | None = None  # a check beyond the answers models (court, case-number format)
    help: str = ""
    group: Group | None = None
    speculative_check: bool = False  # warn about "may", "could", … (a category's harm)
    implied: bool = False  # the answers model has a default for it (see `Interview.next_pending`)
    resolve: Resolve | None = None  # turns what was typed into the stored value (a court name → its id)
    authority: str = ""  # " (CITE)" a warning about this answer cites (speculative harm)
    needed_when: str = "true"  # the plan file's condition (`needed` evaluates it with the enclosing lists')
    sentence: bool = False  # stored as a sentence (capital letter, full stop): it is printed in the order
    offer_to_save_me: bool = False  # after it, offer to save this lawyer's details as the user's own
    step: int = 0  # the plan section it belongs to: "Step 3 of 7: Defendants"
    steps: int = 0
    part: str = ""

    def text_of(self, value: Any) -> str:
        """How a stored value is shown as an editable default."""
        if value is None:
            return ""
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        if isinstance(value, dt.date):
            return value.isoformat()
        return str(value)

    def parse(self, raw: Any) -> Any:
        """A typed answer → the value stored in the answers data (ValueError says what is wrong)."""
        if self.kind in (Kind.select, Kind.confirm, Kind.group, Kind.note):
            return raw
        text = "" if raw is None else (self.text_of(raw) if isinstance(raw, list) else str(raw)).strip()
        if not text:
            if self.optional:
                return self.blank
            raise ValueError("an answer is required.")
        if self.kind == Kind.integer:
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"'{text}' is not a whole number.") from None
        if self.kind == Kind.date:
            return parse_date(text)
        if self.lines:
            return [line.strip() for line in text.split(";") if line.strip()]
        return as_sentence(text) if self.sentence else text

    def shown(self, value: Any) -> str:
        """The answer as the review screen shows it."""
        for choice in self.choices:
            if choice.value == value and not choice.heading:
                return choice.title
        if isinstance(value, bool):
            return "yes" if value else "no"
        if value is None or value == "" or value == []:
            return "(none)"
        return self.text_of(value)


@dataclass(frozen=True)
class Context:
    """What a check may look at: the answers so far, the court's profile, all profiles."""

    data: dict
    profile: ResolvedProfile | None
    profiles: ProfileLibrary


# ---------------------------------------------------------------- validation, one path


def problem(question: Question, value: Any, context: Context) -> str | None:
    """What is wrong with `value` as the answer to `question`, or None.

    The answer is put into a copy of the answers so far and validated by `parse_answers`, the path
    every answers file takes; only problems at this question's field are reported here.
    """
    if question.kind in (Kind.group, Kind.note):
        return None
    candidate = copy.deepcopy(context.data)
    _put(candidate, question.key, value)
    where = field_path(question.key)
    try:
        parse_answers(candidate)
    except BadInput as exc:
        for found in exc.problems:
            path, message = found.field or "", found.message
            if path == where or path.startswith((where + ".", where + "[")):
                return message if path == where else f"{path.removeprefix(where).lstrip('.')}: {message}"
    if question.check:
        return question.check(value, context)
    return None


def _put(data: dict, key: Key, value: Any) -> None:
    node: Any = data
    for part, following in zip(key[:-1], key[1:]):
        if isinstance(node, dict) and not isinstance(node.get(part), (dict, list)):
            node[part] = [] if isinstance(following, int) else {}
        if isinstance(node, list):
            while len(node) <= part:
                node.append({})
        node = node[part]
    node[key[-1]] = value


def _check_court(value: Any, context: Context) -> str | None:
    if str(value) in context.profiles.profiles or str(value) in context.profiles.districts:
        return None
    return court_problem(str(value), context.profiles)


def _resolve_court(value: Any, context: Context) -> tuple[Any, str]:
    """A typed court ("C.D. Cal", "Central District of California", "cacd", a near miss) → its id, and a note
    saying which court was taken when it was not typed as its id."""
    match = match_court(str(value), context.profiles)
    if match.court is None:
        raise ValueError(court_problem(str(value), context.profiles))
    court = match.court
    if str(value).strip().lower() == court.id:
        return court.id, ""
    return court.id, f"Court: {court.name}{f' ({court.abbreviation})' if court.abbreviation else ''}."


def _check_judge(value: Any, context: Context) -> str | None:
    try:
        context.profiles.resolve_for(str(context.data.get("court")), value)
    except BadInput as exc:
        return exc.message.removeprefix("judge: ")
    return None


def _check_case_number(value: Any, context: Context) -> str | None:
    from poassembler.pipeline.draft import case_number_problem

    return case_number_problem(str(value), context.profile) if context.profile else None


def _check_tiers(value: Any, context: Context) -> str | None:
    if not context.profile:
        return None
    missing = [t for t in value or [] if t not in context.profile.tier_labels]
    return f"the {context.profile.id} profile has no label for {', '.join(missing)}" if missing else None


# ---------------------------------------------------------------- checks and choices the plan file names

CHECKS: dict[str, Check] = {
    "court": _check_court,
    "judge": _check_judge,
    "case_number": _check_case_number,
    "tiers": _check_tiers,
}


RESOLVERS: dict[str, Resolve] = {"court": _resolve_court}


def court_choices(profiles: ProfileLibrary) -> tuple[Choice, ...]:
    """Every district court, by name: "Central District of California (C.D. Cal.) — cacd"."""
    return tuple(Choice(court.title, court.id) for court in courts(profiles))


def judge_choices(profiles: ProfileLibrary, court: str) -> tuple[Choice, ...]:
    judges = sorted(profiles.judges_of(court), key=lambda p: p.id)
    out = []
    for judge in judges:
        label = f"{judge.judge.name}, {judge.judge.title}" if judge.judge else judge.name
        out.append(Choice(label, judge.id.removeprefix(f"{court}-")))
    return tuple(out + [Choice("None of these / not yet assigned", None)])


_BUSINESS_KINDS = {CategoryKind.commercial, CategoryKind.trade_secret, CategoryKind.financial, CategoryKind.source_code}
_TIER_SETS = (
    (Tier.confidential,),
    (Tier.confidential, Tier.highly_confidential_aeo),
    (Tier.confidential, Tier.highly_confidential_aeo, Tier.source_code),
)


_COUNT = ("One tier", "Two tiers", "Three tiers")
_RANK = {Tier.confidential: 1, Tier.highly_confidential_aeo: 2, Tier.source_code: 3}


def tier_choices(profile: ResolvedProfile, facts: CaseFacts, answers: Answers) -> tuple[tuple[Choice, ...], Any]:
    """The tier sets this court labels (the source-code tier only in patent and software cases), and a default:
    as many tiers as the categories say they need; without that, two where a category is business
    information, three in patent and software cases."""
    labels = profile.tier_labels
    sets = _TIER_SETS if facts.is_patent_or_software else _TIER_SETS[:2]
    usable = [[t.value for t in s] for s in sets if all(t.value in labels for t in s)]
    choices = tuple(
        Choice(f"{_COUNT[len(s) - 1]}: {'adds ' if len(s) > 1 else ''}“{labels[s[-1]]}”", s) for s in usable
    )
    needs = [_RANK[c.tier] for c in answers.categories if getattr(c, "tier", None) in _RANK]
    kinds = {c.kind for c in answers.categories}
    wanted = max(needs) if needs else (3 if facts.is_patent_or_software else (2 if kinds & _BUSINESS_KINDS else 1))
    fitting = [c.value for c in choices if len(c.value) <= wanted]
    return choices, (fitting[-1] if fitting else (choices[0].value if choices else None))


def party_name_choices(data: dict, non_parties_only: bool) -> tuple[tuple[Choice, ...], Any]:
    """The parties named so far (or only the non-parties), the first as the default."""
    parties = [p for p in data.get("parties") or () if isinstance(p, dict)]
    if non_parties_only:
        parties = [p for p in parties if p.get("role") == "non_party"]
    names = [p["name"] for p in parties if isinstance(p.get("name"), str) and p["name"].strip()]
    return tuple(Choice(n, n) for n in names), (names[0] if names else None)


def judge_on_file(profile: ResolvedProfile | None, answers: Answers) -> Any:
    """The judge the draft names without being told (judge profile, or case-number initials in the
    court's judge list) — the draft's own lookup, with any judge the answers name set aside — or None."""
    if profile is None:
        return None
    return signing_judge(profile, answers.model_copy(update={"judge_name": "", "judge_title": ""}))


def magistrate_in_case_number(profile: ResolvedProfile | None, answers: Answers) -> bool:
    """The case number's initials name a magistrate judge the draft would have sign (no judge named in the
    answers, no judge profile): then whether the case is referred to that judge decides who signs."""
    if profile is None or profile.judge is not None:
        return False
    judge = signing_judge(profile, answers.model_copy(update={"judge_name": "", "judge_title": "",
                                                              "magistrate_judge_referral": None}))
    return judge is not None and bool(judge.name) and "magistrate" in judge.title.casefold()


def category_tier_choices(profile: ResolvedProfile, facts: CaseFacts) -> tuple[Choice, ...]:
    """Who may see one category, in plain words, by the tier that allows it (the court's labels)."""
    labels = profile.tier_labels
    out = [Choice(f"“{labels[Tier.confidential.value]}” is enough", Tier.confidential.value)]
    if Tier.highly_confidential_aeo.value in labels:
        out.append(Choice(f"“{labels[Tier.highly_confidential_aeo.value]}” (not the other side's staff)", Tier.highly_confidential_aeo.value))
    if facts.is_patent_or_software and Tier.source_code.value in labels:
        out.append(Choice(f"“{labels[Tier.source_code.value]}” (secured computer only)", Tier.source_code.value))
    return tuple(out)


@dataclass
class Answered:
    """A question with its current answer, for the review screen."""

    question: Question
    value: Any = field(default=None)


def answered(plan: list[Question], data: dict, profile: ResolvedProfile | None) -> list[Answered]:
    """The needed questions that have an answer, in plan order."""
    return [
        Answered(q, get_in(data, q.key))
        for q in plan
        if q.kind not in (Kind.group, Kind.note) and q.needed(data, profile) and has_in(data, q.key)
    ]
