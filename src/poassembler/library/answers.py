"""The case facts an order needs (`Answers`), and loading them from an answers file.

One validation path: the answers file and the interactive questionnaire both end in `parse_answers`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Callable

from pydantic import (
    BeforeValidator,
    Field,
    ValidationError,
    model_validator,
)

from poassembler.errors import BadInput, Problem, field_path
from poassembler.library.answer_fields import (  # noqa: F401  (re-exported: the answers' field types)
    Email,
    OptionalPhone,
    Phone,
    RequiredText,
    Strict,
    Text,
    _lines,
)
from poassembler.library.yamlfile import key_lines, line_of, read_yaml


class Role(str, Enum):
    plaintiff = "plaintiff"
    defendant = "defendant"
    non_party = "non_party"
    intervenor = "intervenor"


class SelfSignature(str, Enum):
    """How a self-represented party's hand signature reaches the court with an electronically filed paper."""

    scanned_page = "scanned_page"  # the page the party signed by hand is scanned and filed with the paper
    original_retained = "original_retained"  # the filer shows the court's notation and keeps the signed original


class Government(str, Enum):
    federal = "federal"
    state = "state"
    local = "local"


class CaseType(str, Enum):
    general = "general"
    patent = "patent"
    software = "software"
    commercial = "commercial"
    civil_rights = "civil_rights"
    employment = "employment"
    prisoner_civil_rights = "prisoner_civil_rights"
    government = "government"


class CategoryKind(str, Enum):
    commercial = "commercial"
    trade_secret = "trade_secret"
    financial = "financial"
    personnel = "personnel"
    personal = "personal"
    health = "health"
    mental_health = "mental_health"
    law_enforcement = "law_enforcement"
    source_code = "source_code"
    other = "other"


class Tier(str, Enum):
    confidential = "confidential"
    highly_confidential_aeo = "highly_confidential_aeo"
    source_code = "source_code"


class Burden(str, Enum):
    """Who applies to the court when a government party will not hold back shared material."""

    requesting_party = "requesting_party"
    government = "government"
    omit = "omit"


class CounselKind(str, Enum):
    """What kind of lawyer appears: the order's definitions and access lists follow from it."""

    outside = "outside"  # retained outside counsel
    government = "government"  # a government lawyer (AUSA, DOJ trial attorney, state AG, agency counsel)
    in_house = "in_house"  # an employee of the party it represents


class Counsel(Strict):
    name: RequiredText
    kind: CounselKind = CounselKind.outside
    title: Text = ""  # printed under the name, e.g. "Assistant United States Attorney"
    bar_number: Text = ""
    firm: Text = ""
    address: Annotated[list[Text], BeforeValidator(_lines)] = Field(min_length=1)
    phone: Phone
    fax: OptionalPhone = ""  # printed only where the court's rule asks for a fax number
    # The party's lead attorney, where the court's rule asks for one to be designated; unmarked, the first
    # counsel listed for a party is its lead attorney.
    lead_attorney: bool = False
    email: Email


class Declarant(Strict):
    """Who certifies the facts about a party's own material from personal knowledge (an officer, an employee,
    or counsel who knows them), where the court asks for a supporting certification."""

    name: RequiredText
    title: RequiredText  # e.g. "Vice President, Manufacturing Sciences"


class Party(Strict):
    name: RequiredText
    role: Role
    government: Government | None = None
    self_represented: bool = False
    counsel: list[Counsel] = Field(default_factory=list)
    # A self-represented party signs for itself and needs its own address and contact.
    address: Annotated[list[Text], BeforeValidator(_lines)] = Field(default_factory=list)
    phone: Phone | None = None
    email: Email | None = None
    inmate_number: Text = ""
    # a self-represented party's hand signature: its scanned page is filed, or the filer keeps the original and
    # the signature line carries the court's notation for that (format.self_represented_signature)
    signature: SelfSignature = SelfSignature.scanned_page
    incarcerated: bool = False  # held in a prison or jail: decides who may possess Protected Material
    natural_person: bool = False  # an individual, not an entity: may see material of the lowest tier
    capacity: Text = ""  # e.g. "individually and on behalf of all others similarly situated" (caption only)
    agency: Text = ""  # the agency an official sued in an official capacity acts for; it holds the records
    definite_article: bool = False  # "the California Department of …" in running text
    short_name: Text = ""  # e.g. "CDCR", used after the first mention
    declarant: Declarant | None = None  # signs the party's supporting certification; unset: its first counsel

    @property
    def text_name(self) -> str:
        """The name as running text uses it ("the California Department of …")."""
        return ("the " if self.definite_article else "") + self.name

    @model_validator(mode="after")
    def _represented_or_not(self) -> "Party":
        if self.self_represented and self.counsel:
            raise ValueError("a self-represented party has no counsel: remove `counsel` or set self_represented: false")
        if not self.self_represented and not self.counsel:
            raise ValueError("give at least one counsel, or set self_represented: true")
        if self.self_represented and not self.address:
            raise ValueError("a self-represented party needs an `address` for the signature block")
        return self


class Case(Strict):
    number: RequiredText
    short_title: Text = ""
    type: CaseType = CaseType.general
    patents: list[Text] = Field(default_factory=list)  # the patents in suit, e.g. "U.S. Patent No. 11,482,907"
    # The action has parties the answers do not list: the caption and title name the first party on each side
    # with "et al." (Fed. R. Civ. P. 10(a)). Unset: the answers list every party, and no "et al." appears.
    more_parties: bool = False

    @model_validator(mode="after")
    def _et_al(self) -> "Case":
        if not self.more_parties and re.search(r"\bet al\b", self.short_title, re.I):
            raise ValueError(
                "short_title says “et al.” but more_parties is not set, so the caption lists every party: drop "
                "“et al.” from the short title, or set more_parties: true if the action has parties not listed here"
            )
        return self


class Category(Strict):
    name: RequiredText
    kind: CategoryKind = CategoryKind.other
    description: RequiredText
    harm: RequiredText
    tier: Tier | None = None  # the highest tier this category needs; the good cause statement justifies it
    legal_basis: Text = ""  # a statute or regulation that keeps it confidential, cited as the drafter gives it
    no_possession_in_custody: bool = False  # the harm comes from a prisoner holding it: view under supervision only
    not_for_others_in_custody: bool = False  # the harm comes from other persons in custody seeing it
    withheld_from_house_counsel: bool = False  # the harm comes from the other party's own lawyers knowing it
    # the parties (names as in `parties`) whose material this is and who will produce it; a supporting
    # certification (D.N.J. L.Civ.R. 5.3(b)(2)) is made for each producing party about its own categories only
    produced_by: list[RequiredText] = Field(default_factory=list)
    # the producing party's legitimate interest in keeping it confidential, stated for this material (the
    # certification says it; unset: a general statement by the kind of material)
    interest: Text = ""


class GovernmentSharing(Strict):
    burden: Burden = Burden.requesting_party
    application_business_days: int | None = Field(default=None, ge=1, le=60)


class Options(Strict):
    fre_502d: bool = False
    prosecution_bar: bool = False
    source_code_tier: bool = False
    privacy_act_order: bool = False
    prosecution_bar_subject: Text = ""  # the field the prosecution bar covers, e.g. "streaming-video compression"
    prosecution_bar_reason: Text = ""  # why the material received is likely to bear on prosecution (good cause for the bar)
    export_control: bool = False  # material subject to U.S. export-control laws will be produced
    # House Counsel of a Party may ask to see the top tier (Designated House Counsel); unset: only in
    # commercial, patent and software cases, where the parties are businesses with in-house lawyers
    house_counsel_access: bool | None = None
    # material has been (or will be) produced before the Court enters the order: it gets the top tier until
    # the producer designates it under the order within the stated period
    pre_entry_productions: bool = False


class Subpoena(Strict):
    """A subpoena for records the order covers (E.D. Cal., Bosley: identify it, or attach it)."""

    recipient: RequiredText  # the party name of the non-party served
    served_by: RequiredText  # the party name that issued it
    served_on: dt.date | None = None
    description: RequiredText  # what it asks for
    exhibit: Text = ""  # e.g. "Exhibit B" when a copy is attached
    subject_position: Text = ""  # the position of the person whose records are sought
    necessity: Text = ""  # why the records are necessary to the claims and defenses (the facts the Court's finding rests on)
    release_condition: Text = ""  # what the recipient requires before releasing them, e.g. "will not release them without an order …"


class OrderRelation(str, Enum):
    supplements = "supplements"  # both orders apply; the earlier one prevails where they differ
    carves_out = "carves_out"  # material the earlier order governs stays under it alone, outside this Order
    replaces = "replaces"  # this Order takes the earlier order's place (the reason is stated)


class PriorOrder(Strict):
    """A protective or sealing order the Court has already entered in this action: the new order names it and
    says how the two relate (a stipulation must not quietly displace an order the Court made)."""

    ecf: RequiredText  # how the docket identifies it, e.g. "ECF No. 212" or "ruling on Doc. Nos. 647 and 684"
    date: dt.date
    covers: RequiredText  # what it governs, completing "which governs …"
    relation: OrderRelation = OrderRelation.supplements
    reason: Text = ""  # why this Order replaces it (required with relation: replaces)

    @model_validator(mode="after")
    def _reason(self) -> "PriorOrder":
        if self.relation == OrderRelation.replaces and not self.reason:
            raise ValueError("give reason: why this Order replaces the earlier order (the Court must be told)")
        return self

    @property
    def on(self) -> str:
        """The date as running text ("April 7, 2021")."""
        return f"{self.date:%B} {self.date.day}, {self.date.year}"


class Dates(Strict):
    stipulated: dt.date | None = None


class ConferralManner(str, Enum):
    in_person = "in_person"
    telephone = "telephone"
    video = "video"


class Conferral(Strict):
    """When and how counsel conferred about the proposed order, and who took part: the statement a court's
    rule asks a motion to make (N.D. Ill. LR 37.2: "with specificity when and how")."""

    date: dt.date
    manner: ConferralManner
    participants: RequiredText  # who took part, e.g. "Thomas R. Abernathy (for Pellworth) and Nadia S. Haddad (for Ridgeway)"

    @property
    def how(self) -> str:
        """The manner as running text: "in person", "by telephone", "by video conference"."""
        return {"in_person": "in person", "telephone": "by telephone", "video": "by video conference"}[self.manner.value]

    @property
    def on(self) -> str:
        """The date as running text ("November 18, 2026")."""
        return f"{self.date:%B} {self.date.day}, {self.date.year}"


class Answers(Strict):
    """Everything the drafter tells poassembler about one case."""

    court: RequiredText
    judge: Text | None = None
    judge_name: Text = ""  # the assigned judge by name, where no judge profile exists
    judge_title: Text = ""  # e.g. "United States Magistrate Judge"; alone: the kind of judge, name left blank
    order_place: Text = ""  # where the judge signs, printed on the order's date line, e.g. "Brooklyn, New York"
    # The district judge has referred the case to the magistrate judge for general pretrial management (28 U.S.C.
    # § 636(b)(1)(A)), or the parties consented to the magistrate judge: the magistrate judge signs. false: no
    # referral, the district judge signs. Unset: the magistrate judge whose initials the case number carries.
    magistrate_judge_referral: bool | None = None
    division: Text = ""
    case: Case
    parties: list[Party] = Field(min_length=2)
    categories: list[Category] = Field(default_factory=list)
    tiers: list[Tier] = Field(default_factory=lambda: [Tier.confidential])
    government_sharing: GovernmentSharing | None = None
    subpoenas: list[Subpoena] = Field(default_factory=list)
    prior_orders: list[PriorOrder] = Field(default_factory=list)  # protective or sealing orders already entered
    options: Options = Field(default_factory=Options)
    dates: Dates = Field(default_factory=Dates)
    conferral: Conferral | None = None  # asked where the court's rule wants the motion to say when and how counsel conferred

    @model_validator(mode="after")
    def _sides(self) -> "Answers":
        if self.judge_name and not self.judge_title:
            raise ValueError("give judge_title with judge_name (e.g. \"United States Magistrate Judge\")")
        roles = {p.role for p in self.parties}
        missing = [r.value for r in (Role.plaintiff, Role.defendant) if r not in roles]
        if missing:
            raise ValueError(f"the parties need at least one {' and one '.join(missing)}")
        if not self.tiers:
            raise ValueError("choose at least one protection tier (e.g. confidential)")
        if len(set(self.tiers)) != len(self.tiers):
            raise ValueError("each tier may be listed once")
        for category in self.categories:
            if category.tier is not None and category.tier not in self.tiers:
                raise ValueError(
                    f"category '{category.name}' needs tier '{category.tier.value}', which is not in `tiers`: add it there"
                )
        names = {p.name for p in self.parties}
        for category in self.categories:
            for who in category.produced_by:
                if who not in names:
                    raise ValueError(f"category '{category.name}': produced_by '{who}' is not the name of a party in `parties`")
        for subpoena in self.subpoenas:
            for who in (subpoena.recipient, subpoena.served_by):
                if who not in names:
                    raise ValueError(f"subpoena: '{who}' is not the name of a party in `parties`")
        return self

    def parties_with(self, role: Role) -> list[Party]:
        return [p for p in self.parties if p.role == role]


def _messages(exc: ValidationError, lines: dict[tuple, int] | None = None) -> list[Problem]:
    problems = []
    for error in exc.errors():
        loc = tuple(p for p in error["loc"] if not (isinstance(p, str) and p.startswith("function-")))
        message = error["msg"].removeprefix("Value error, ")
        if error["type"] == "missing":
            message = "required, but missing"
        elif error["type"] == "extra_forbidden":
            message = "is not a field poassembler knows (misspelt?)"
        elif error["type"] == "enum":
            message = f"must be one of: {error['ctx']['expected']}"
        elif error["type"] == "string_type" and isinstance(error["input"], (bool, int, float)):
            message = (
                f"must be text, but YAML read {error['input']!r}; put the value in quotes "
                "(e.g. \"0123456\") so it is kept exactly as typed"
            )
        problems.append(Problem(message, line=line_of(lines or {}, loc), field=field_path(loc)))
    return problems


def parse_answers(
    data: Any, source: str = "answers", lines: dict[tuple, int] | Callable[[], dict[tuple, int]] | None = None
) -> Answers:
    """Validate raw answers (from a file or from prompts); every problem is listed at once.

    `lines` maps field paths to file lines (or is a function giving that map, called only on an error).
    """
    if data is None:
        raise BadInput(f"{source}: the answers are empty.", hint="Start from a file in samples/ and fill in the case.")
    if not isinstance(data, dict):
        raise BadInput(f"{source}: expected a mapping of fields (court:, case:, parties: …), found {type(data).__name__}.")
    try:
        return Answers.model_validate(data)
    except ValidationError as exc:
        problems = _messages(exc, lines() if callable(lines) else lines)
        raise BadInput(
            f"{source}: {len(problems)} problem{'s' if len(problems) != 1 else ''} in the answers.",
            problems,
            hint="Correct these fields and run the command again (see samples/ for complete examples).",
        ) from None


def load_answers(path: Path) -> Answers:
    """Read and validate an answers file."""
    data = read_yaml(path, BadInput)
    return parse_answers(data, str(path), lambda: key_lines(path))


def answers_to_yaml_data(answers: Answers) -> dict[str, Any]:
    """Plain data for writing an answers file back out (enums as their values, dates as dates)."""
    return answers.model_dump(mode="json", exclude_none=True)
