"""The questionnaire as data: which questions a case needs, in order, independent of any UI.

`build_plan(data, profile, profiles)` lists every question the answers so far can lead to (each
with its `needed(answers_so_far, profile)` rule); the ask loop (`interview.py`) asks the needed ones
that are unanswered or invalid. `problem(question, value, …)` validates one answer through the same
pydantic models as the answers file (`parse_answers`), plus the court's case-number format.
Nothing here imports questionary.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Callable, Iterator

from poassembler.library.answers import (
    Burden,
    CaseType,
    CategoryKind,
    Government,
    Role,
    Tier,
    field_path,
    parse_answers,
)
from poassembler.errors import BadInput
from poassembler.library.keypaths import Key, get_in, has_in
from poassembler.library.profiles import ProfileKind, ProfileLibrary, ResolvedProfile


class Kind(str, Enum):
    text = "text"
    select = "select"
    confirm = "confirm"
    autocomplete = "autocomplete"  # type-ahead over the choices; free text allowed
    integer = "integer"
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
    new_item: Callable[[], dict] = dict

    def indices(self, data: dict) -> list[int]:
        items = get_in(data, self.list_key) or []
        if not isinstance(items, list):
            return []
        if self.roles is None:
            return list(range(len(items)))
        return [i for i, item in enumerate(items) if isinstance(item, dict) and item.get("role") in self.roles]


Needed = Callable[[dict, "ResolvedProfile | None"], bool]
Check = Callable[[Any, "Context"], "str | None"]


def cited(profile: ResolvedProfile | None, name: str) -> str:
    """" (CITE)" from the profile's citation `name`, flagged when unverified; "" when the profile lacks it."""
    if profile is None or name not in profile.citations:
        return ""
    citation = profile.citation(name)
    return f" ({citation.cite}{'' if citation.verified else '; verify before filing'})"


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

    def text_of(self, value: Any) -> str:
        """How a stored value is shown as an editable default."""
        if value is None:
            return ""
        if isinstance(value, list):
            return "; ".join(str(v) for v in value)
        return str(value)

    def parse(self, raw: Any) -> Any:
        """A typed answer → the value stored in the answers data (ValueError says what is wrong)."""
        if self.kind in (Kind.select, Kind.confirm, Kind.group, Kind.note):
            return raw
        text = "" if raw is None else (self.text_of(raw) if isinstance(raw, list) else str(raw)).strip()
        if not text:
            if self.optional:
                return self.blank
            raise ValueError("an answer is required")
        if self.kind == Kind.integer:
            try:
                return int(text)
            except ValueError:
                raise ValueError(f"'{text}' is not a whole number") from None
        if self.kind == Kind.autocomplete:
            return text.split(" — ")[0].strip().lower()
        if self.lines:
            return [line.strip() for line in text.split(";") if line.strip()]
        return text

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
    try:
        context.profiles.resolve_for(str(value), None)
    except BadInput as exc:
        return exc.message.removeprefix("court: ")
    return None


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


# ---------------------------------------------------------------- rules


def parties(data: dict) -> list[dict]:
    items = data.get("parties") or []
    return [p for p in items if isinstance(p, dict)]


def has_government_party(data: dict, profile: ResolvedProfile | None = None) -> bool:
    return any(p.get("government") for p in parties(data))


def has_federal_party(data: dict, profile: ResolvedProfile | None = None) -> bool:
    return any(p.get("government") == Government.federal.value for p in parties(data))


def has_health_category(data: dict, profile: ResolvedProfile | None = None) -> bool:
    kinds = {c.get("kind") for c in data.get("categories") or [] if isinstance(c, dict)}
    return bool(kinds & {CategoryKind.health.value, CategoryKind.mental_health.value})


def is_patent_or_software(data: dict, profile: ResolvedProfile | None = None) -> bool:
    return get_in(data, ("case", "type")) in (CaseType.patent.value, CaseType.software.value)


def _government_sharing_used(data: dict, profile: ResolvedProfile | None) -> bool:
    return has_government_party(data) and get_in(data, ("government_sharing", "burden")) != Burden.omit.value


# ---------------------------------------------------------------- the plan

CASE_TYPES = (
    Choice("General civil", CaseType.general.value),
    Choice("Commercial", CaseType.commercial.value),
    Choice("Employment", CaseType.employment.value),
    Choice("Civil rights", CaseType.civil_rights.value),
    Choice("Prisoner civil rights", CaseType.prisoner_civil_rights.value),
    Choice("Patent", CaseType.patent.value),
    Choice("Software / technology (source code)", CaseType.software.value),
    Choice("By or against the government", CaseType.government.value),
)

CATEGORY_KINDS = (
    Choice("Commercial (pricing, customers, contracts)", CategoryKind.commercial.value),
    Choice("Trade secret", CategoryKind.trade_secret.value),
    Choice("Financial", CategoryKind.financial.value),
    Choice("Personnel files", CategoryKind.personnel.value),
    Choice("Personal information (addresses, SSNs, …)", CategoryKind.personal.value),
    Choice("Health records", CategoryKind.health.value),
    Choice("Mental-health records", CategoryKind.mental_health.value),
    Choice("Law-enforcement material", CategoryKind.law_enforcement.value),
    Choice("Source code", CategoryKind.source_code.value),
    Choice("Other", CategoryKind.other.value),
)

GOVERNMENT = (
    Choice("No", None),
    Choice("Yes, federal", Government.federal.value),
    Choice("Yes, state", Government.state.value),
    Choice("Yes, local", Government.local.value),
)

BURDENS = (
    Choice("The party asking to share applies to the court and carries the burden", Burden.requesting_party.value),
    Choice("The government applies to the court and carries the burden", Burden.government.value),
    Choice("No government-sharing clause", Burden.omit.value),
)

OTHER_ROLES = (
    Choice("Non-party (produces information, e.g. by subpoena)", Role.non_party.value),
    Choice("Intervenor", Role.intervenor.value),
)

_BUSINESS_TIERS = {CategoryKind.commercial.value, CategoryKind.trade_secret.value, CategoryKind.financial.value, CategoryKind.source_code.value}


def court_choices(profiles: ProfileLibrary) -> tuple[Choice, ...]:
    """Every court with a profile, then every other federal district (drafted with the federal default)."""
    with_profile = [p for p in profiles.profiles.values() if p.kind == ProfileKind.district]
    out = [Choice(f"{p.id} — {p.name}", p.id) for p in sorted(with_profile, key=lambda p: p.id)]
    known = {p.id for p in with_profile}
    out += [
        Choice(f"{cid} — {name} (no profile yet: federal default)", cid)
        for cid, name in sorted(profiles.districts.items())
        if cid not in known
    ]
    return tuple(out)


def judge_choices(profiles: ProfileLibrary, court: str) -> tuple[Choice, ...]:
    judges = sorted(profiles.judges_of(court), key=lambda p: p.id)
    out = []
    for judge in judges:
        label = f"{judge.judge.name}, {judge.judge.title}" if judge.judge else judge.name
        out.append(Choice(label, judge.id.removeprefix(f"{court}-")))
    return tuple(out + [Choice("None of these / not yet assigned", None)])


def tier_choices(profile: ResolvedProfile, data: dict) -> tuple[Choice, ...]:
    labels = profile.tier_labels
    sets = [[Tier.confidential.value], [Tier.confidential.value, Tier.highly_confidential_aeo.value]]
    if is_patent_or_software(data):
        sets.append([Tier.confidential.value, Tier.highly_confidential_aeo.value, Tier.source_code.value])
    usable = [s for s in sets if all(t in labels for t in s)]
    return tuple(Choice(" + ".join(f"“{labels[t]}”" for t in s), s) for s in usable)


def _default_tiers(data: dict, choices: tuple[Choice, ...]) -> Any:
    kinds = {c.get("kind") for c in data.get("categories") or [] if isinstance(c, dict)}
    wanted = 3 if is_patent_or_software(data) else (2 if kinds & _BUSINESS_TIERS else 1)
    fitting = [c.value for c in choices if len(c.value) <= wanted]
    return fitting[-1] if fitting else (choices[0].value if choices else None)


def build_plan(data: dict, profile: ResolvedProfile | None, profiles: ProfileLibrary) -> list[Question]:
    """Every question the answers so far lead to, in asking order (needed or not: see `needed`)."""
    return list(_plan(data, profile, profiles))


def _plan(data: dict, profile: ResolvedProfile | None, profiles: ProfileLibrary) -> Iterator[Question]:
    court_section = "Court and case"
    yield Question(
        ("court",), "Court (type to search, e.g. cacd, nyed)", Kind.autocomplete, court_section, "Court",
        choices=court_choices(profiles), check=_check_court,
        help="The district court's id as PACER spells it.",
    )
    court = data.get("court")
    court_ok = isinstance(court, str) and _check_court(court, Context(data, None, profiles)) is None
    if court_ok:
        judges = judge_choices(profiles, court)
        yield Question(
            ("judge",), "Assigned judge (where the court has a judge profile)", Kind.select, court_section, "Judge",
            choices=judges, needed=lambda d, p: len(judges) > 1, depends_on=(("court",),), check=_check_judge, implied=True,
    )
    if profile is None:
        return
    example = f" — e.g. {profile.case_number_example}" if profile.case_number_example else ""
    yield Question(("division",), "Division (blank if none)", Kind.text, court_section, "Division", optional=True, implied=True)
    yield Question(
        ("case", "number"), f"Case number{example}", Kind.text, court_section, "Case number", check=_check_case_number,
    )
    yield Question(
        ("case", "short_title"), "Short title for the footer (blank: built from the party names)", Kind.text,
        court_section, "Short title", optional=True, implied=True,
    )
    yield Question(("case", "type"), "Kind of case", Kind.select, court_section, "Kind of case", choices=CASE_TYPES, default=CaseType.general.value, implied=True)

    yield from _party_group(data, "plaintiff", "Plaintiffs", (Role.plaintiff.value,), 1)
    yield from _party_group(data, "defendant", "Defendants", (Role.defendant.value,), 1)
    yield from _party_group(data, "other", "Other parties", None, 0)
    yield from _categories(data, profile)

    section = "Protection"
    tiers = tier_choices(profile, data)
    yield Question(
        ("tiers",), "Protection tiers", Kind.select, section, "Tiers", choices=tiers,
        default=_default_tiers(data, tiers), check=_check_tiers,
        help="The labels are this court's profile's.", implied=True,
    )
    yield Question(
        ("government_sharing", "burden"), "A government party may want to share material with other agencies. Who must apply to the court?",
        Kind.select, section, "Government sharing", choices=BURDENS, default=Burden.requesting_party.value,
        needed=has_government_party,
    )
    period = profile.periods.get("gov_sharing_application_business_days")
    yield Question(
        ("government_sharing", "application_business_days"), "Business days to apply before sharing", Kind.integer, section,
        "Days to apply", default=period.value.value if period else 3, needed=_government_sharing_used,
        help=f"{profile.id} profile default" if period else "", implied=True,
    )
    yield Question(
        ("options", "privacy_act_order"), "Will records covered by the Privacy Act be produced (order under 5 U.S.C. § 552a(b)(11))?",
        Kind.confirm, section, "Privacy Act order", default=False, needed=has_federal_party, implied=True,
    )
    years = profile.periods.get("prosecution_bar_years")
    bar_help = f" ({years.value.value} {years.value.unit} in the {profile.id} profile)" if years else ""
    yield Question(
        ("options", "prosecution_bar"), f"Add a patent prosecution bar{bar_help}?", Kind.confirm, section,
        "Prosecution bar", default=False, needed=is_patent_or_software, implied=True,
    )
    yield Question(
        ("options", "source_code_tier"), "Add source-code review procedures (a source-code computer, printing limits)?",
        Kind.confirm, section, "Source-code procedures", default=False, needed=is_patent_or_software, implied=True,
    )
    yield Question(
        ("options", "fre_502d"), "Include a Fed. R. Evid. 502(d) order (production does not waive privilege)?",
        Kind.confirm, section, "FRE 502(d) order", default=False, implied=True,
    )
    yield Question(
        ("dates", "stipulated"), "Date of the stipulation, YYYY-MM-DD (blank: leave the date lines blank)", Kind.text,
        "Dates", "Stipulated on", optional=True, blank=None, implied=True,
    )


def _party_group(data: dict, item: str, section: str, roles: tuple[str, ...] | None, minimum: int) -> Iterator[Question]:
    if roles is None:  # "other parties": everyone who is neither plaintiff nor defendant
        roles = (None, Role.non_party.value, Role.intervenor.value)
    new_role = roles[0]
    group = Group(("parties",), item, minimum, roles, new_item=(lambda: {"role": new_role}) if new_role else dict)
    indices = group.indices(data)
    for number, index in enumerate(indices, 1):
        yield from _party(data, index, f"{section[:-1]} {number}", other=item == "other")
    noun = "non-party or intervenor" if item == "other" else item
    prompt = f"Add another {noun}?" if indices else f"Add a {noun} (e.g. a non-party that will produce records)?"
    yield Question(("parties", f"+{item}"), prompt, Kind.group, section, f"Add another {noun}", group=group)


def _party(data: dict, i: int, title: str, other: bool) -> Iterator[Question]:
    party = ("parties", i)
    name = get_in(data, party + ("name",)) or ""
    section = f"{title}: {name}" if name else title
    who = name or title.lower()
    self_rep = lambda d, p: bool(get_in(d, party + ("self_represented",)))  # noqa: E731
    represented = lambda d, p: not get_in(d, party + ("self_represented",))  # noqa: E731
    yield Question(party + ("name",), f"{title}: full name", Kind.text, section, "Name")
    if other:
        yield Question(party + ("role",), f"What is {who}?", Kind.select, section, "Role", choices=OTHER_ROLES, default=Role.non_party.value)
    yield Question(party + ("government",), f"Is {who} a government agency or officer?", Kind.select, section, "Government", choices=GOVERNMENT, blank=None, implied=True)
    yield Question(party + ("self_represented",), f"Is {who} self-represented (no lawyer)?", Kind.confirm, section, "Self-represented", default=False, implied=True)
    yield Question(party + ("address",), f"{who}'s mailing address (lines separated by ';')", Kind.text, section, "Address", lines=True, needed=self_rep)
    yield Question(party + ("phone",), f"{who}'s phone (blank if none)", Kind.text, section, "Phone", optional=True, blank=None, needed=self_rep, implied=True)
    yield Question(party + ("email",), f"{who}'s e-mail (blank if none)", Kind.text, section, "E-mail", optional=True, blank=None, needed=self_rep, implied=True)
    prisoner = lambda d, p: self_rep(d, p) and get_in(d, ("case", "type")) == CaseType.prisoner_civil_rights.value  # noqa: E731
    yield Question(party + ("inmate_number",), f"{who}'s inmate number (blank if none)", Kind.text, section, "Inmate number", optional=True, needed=prisoner, implied=True)
    group = Group(party + ("counsel",), "counsel", 1)
    for j in group.indices(data):
        yield from _counsel(party + ("counsel", j), f"{section} — counsel {j + 1}", who, j + 1, represented)
    yield Question(party + ("counsel", "+counsel"), f"Add another lawyer for {who}?", Kind.group, section, "Add another lawyer", group=group, needed=represented)


def _counsel(key: Key, section: str, who: str, number: int, needed: Needed) -> Iterator[Question]:
    lawyer = f"Counsel {number} for {who}"
    yield Question(key + ("name",), f"{lawyer}: name", Kind.text, section, "Name", needed=needed)
    yield Question(key + ("bar_number",), f"{lawyer}: bar number (blank if none)", Kind.text, section, "Bar number", optional=True, needed=needed, implied=True)
    yield Question(key + ("firm",), f"{lawyer}: firm (blank if none)", Kind.text, section, "Firm", optional=True, needed=needed, implied=True)
    yield Question(key + ("address",), f"{lawyer}: address (lines separated by ';')", Kind.text, section, "Address", lines=True, needed=needed)
    yield Question(key + ("phone",), f"{lawyer}: phone", Kind.text, section, "Phone", needed=needed)
    yield Question(key + ("email",), f"{lawyer}: e-mail", Kind.text, section, "E-mail", needed=needed)


def _categories(data: dict, profile: ResolvedProfile) -> Iterator[Question]:
    group = Group(("categories",), "category", 1)
    for number, i in enumerate(group.indices(data), 1):
        key = ("categories", i)
        name = get_in(data, key + ("name",)) or ""
        section = f"Category {number}: {name}" if name else f"Category {number}"
        yield Question(key + ("name",), f"Category {number} of protected information: a short name", Kind.text, section, "Name")
        yield Question(key + ("kind",), "What kind of information is it?", Kind.select, section, "Kind", choices=CATEGORY_KINDS, default=CategoryKind.other.value)
        yield Question(key + ("description",), "Describe it (what documents, whose, which years)", Kind.text, section, "Description")
        yield Question(
            key + ("harm",), "The specific harm its disclosure would cause (facts, not 'may' or 'could')", Kind.text, section,
            "Harm", speculative_check=True,
        )
    yield Question(("categories", "+category"), "Add another category of protected information?", Kind.group, "Categories", "Add another category", group=group)
    yield Question(
        ("+notes", "hipaa"),
        "Health records are a category: the order will include HIPAA qualified-protective-order terms"
        + cited(profile, "hipaa_qpo") + ".",
        Kind.note, "Categories", needed=has_health_category,
    )


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
