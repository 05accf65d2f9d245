"""What a jurisdiction profile file may say: the pydantic models of one `jurisdictions/*.yaml` file and the
resolved value types (format, check settings, submission) that merging them produces (library/profiles.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import Enum
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from poassembler.library.document_rules import DocumentCheck, DocumentCheckPatch
from poassembler.library.patterns import compile_pattern


PROFILE_ID = re.compile(r"\A[a-z0-9][a-z0-9-]*\Z")  # \Z: "cacd\n" is not an id
TEMPLATE_NAME = re.compile(r"\A[A-Za-z0-9][A-Za-z0-9_-]*\Z")
ROOT_PROFILE = "federal"


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


NonEmpty = Annotated[str, Field(min_length=1)]


class Citation(_Strict):
    """A rule, statute or case the profile relies on, with where it comes from."""

    cite: NonEmpty
    title: str = ""
    source: NonEmpty  # a public URL, or a reporter / docket citation a lawyer can open
    verified: bool
    note: str = ""
    with_clause: str = ""  # report it only in drafts that include this clause (e.g. hipaa_qpo)


class Period(_Strict):
    """A time period the order uses (days to challenge, to return material, …)."""

    value: int = Field(ge=0)
    unit: str = "days"
    source: NonEmpty
    verified: bool
    note: str = ""


class ClauseStatus(str, Enum):
    required = "required"
    optional = "optional"
    excluded = "excluded"


class FormatPatch(_Strict):
    """Format choices; any left out are inherited from the parent profile."""

    template: str | None = None
    font_name: str | None = None
    font_size_pt: float | None = Field(default=None, ge=8, le=16)
    font_size_source: Citation | None = None
    title: str | None = None
    short_title: str | None = None
    order_name: str | None = None  # how the order names itself in its text ("Stipulated Protective Order")
    case_number_label: str | None = None  # what precedes the case number in the caption and text ("Civil Action No.")
    proposed_order: bool | None = None
    caption_notes: list[str] | None = None
    judge_initials_in_caption: bool | None = None
    cosigner_signature: str | None = None  # how the filer shows another signatory's e-signature: "/s/ {name}"
    # how the filer shows a self-represented party's signature it holds on paper; unset: a blank line to sign
    self_represented_signature: str | None = None  # e.g. "/s/ {name} (original signature retained by attorney {filer})"
    service_agent_state: str | None = None  # Exhibit A names an agent for service in this state ("California")
    # a line naming the assigned judge at the top right of page 1 ("The Honorable {name}"); unset: none
    judge_line: str | None = None
    judge_line_source: Citation | None = None  # where the court's practice of that line can be seen
    # What the court's rule requires under counsel's signature beyond name, bar number, address, phone and
    # e-mail: "lead_attorney" (the party's lead attorney is so designated), "fax" (a facsimile number).
    # The rule itself is cited as `citations.signature_block`.
    signature_requires: list[Literal["lead_attorney", "fax"]] | None = None
    # The source-code tier's definition also reaches formulas, engineering specifications and schematics
    # that describe software or hardware designs in detail (the N.D. Cal. patent model's definition).
    source_code_includes_designs: bool | None = None
    # While a deposition transcript or inspected material awaits designation, the whole of it is held at the
    # top tier (the N.D. Cal. patent model). Unset: it is held CONFIDENTIAL, and at the top tier only where
    # the Designating Party identifies a category the good cause statement allows at that tier.
    interim_top_tier: bool | None = None
    # The case number at the lower right of every page, in the court's compact docket form ("17cv2366-BAS-KSC":
    # two-digit year, case type, four-digit number, judges' initials), e.g. S.D. Cal. CivLR 5.1.b.
    footer_case_number: bool | None = None
    footer_case_number_source: Citation | None = None
    # how the order names the paper that asks the Court to seal ("a Request to Seal Documents" under E.D. Cal.
    # L.R. 141); unset: "an application or motion"
    sealing_request_name: str | None = None
    # Exhibit A's submission to the Court's jurisdiction runs while the action is pending and afterwards only to
    # the extent the Court retains jurisdiction (a court that does not keep enforcement jurisdiction after the
    # case ends unless it orders so); unset/false: the submission continues after the action ends
    enforcement_after_end_retained_only: bool | None = None
    # false: the proposed order ends after its last paragraph with blank space, no date line, signature line or
    # judge's name (the court's judges sign and date orders electronically); the rule is `judge_signature_source`
    judge_signature_block: bool | None = None
    judge_signature_source: Citation | None = None

    @field_validator("template")
    @classmethod
    def _template_name(cls, value: str | None) -> str | None:
        if value is not None and not TEMPLATE_NAME.match(value):
            raise ValueError(
                f"'{value}' is not a template name: give the file name in templates/ without .docx, "
                "using letters, digits, '-' and '_' (never a path)"
            )
        return value


@dataclass(frozen=True)
class Format:
    template: str
    font_name: str
    font_size_pt: float
    font_size_source: Citation | None
    title: str
    short_title: str
    proposed_order: bool
    caption_notes: tuple[str, ...]
    judge_initials_in_caption: bool
    cosigner_signature: str = "/s/ {name}"
    service_agent_state: str = ""
    self_represented_signature: str = ""
    order_name: str = "Stipulated Protective Order"
    judge_line: str = ""
    judge_line_source: Citation | None = None
    case_number_label: str = "Case No."
    signature_requires: tuple[str, ...] = ()
    source_code_includes_designs: bool = False
    interim_top_tier: bool = False
    footer_case_number: bool = False
    footer_case_number_source: Citation | None = None
    sealing_request_name: str = "an application or motion"
    enforcement_after_end_retained_only: bool = False
    judge_signature_block: bool = True
    judge_signature_source: Citation | None = None

    @property
    def caption_title(self) -> str:
        """The title in the caption: "[PROPOSED]" leads it where the court's practice is a stipulation with a proposed order."""
        return f"[PROPOSED] {self.title}" if self.proposed_order else self.title


class CheckPatch(_Strict):
    """Court facts the pre-flight check (`check.py`) needs; any left out are inherited.

    `clauses` names the clause that plays a role in this court (e.g. `dispute: challenge_cacd`, the
    court's own dispute procedure); `dispute_clauses` lists every clause that sets a dispute procedure;
    `authorities` maps a check rule id to the names of this profile's citations the finding cites.
    """

    clauses: dict[str, str | None] = Field(default_factory=dict)
    dispute_clauses: list[str] | None = None
    authorities: dict[str, list[str]] = Field(default_factory=dict)
    document: DocumentCheckPatch = Field(default_factory=DocumentCheckPatch)  # checking any order in Word


@dataclass(frozen=True)
class CheckSettings:
    """The merged `check:` sections of a profile chain."""

    clauses: dict[str, str] = field(default_factory=dict)  # role → clause id
    dispute_clauses: tuple[str, ...] = ()
    authorities: dict[str, tuple[str, ...]] = field(default_factory=dict)  # rule id → citation names
    document: DocumentCheck = field(default_factory=DocumentCheck)

    def clause(self, role: str) -> str | None:
        return self.clauses.get(role)


class ModelPeriod(_Strict):
    """A period the model sets, as a fact: which of our profile periods it corresponds to, and its value."""

    period: NonEmpty  # the profile's period name (`periods.<name>`) this model period corresponds to
    value: int = Field(ge=0)
    unit: str = "days"
    source: NonEmpty  # where a lawyer can see the model's value (the model, or an order quoting it)
    verified: bool
    note: str = ""


class KnownDeparture(_Strict):
    """A way our clauses depart in substance from a model section, and when: stated once, explained to the court."""

    when: str = "true"  # condition over the case facts under which the draft departs this way
    change: NonEmpty  # what the draft does differently from the model, in words
    why: NonEmpty  # the reason the court is given
    source: str = ""  # where the model's own provision can be checked (the model, or an order quoting it)
    verified: bool = False
    # "wording": it only describes our own wording of the section (moot when the model's own words are kept,
    # `render --from-model`); "case": this case needs it, so the order departs even when built on the model
    scope: Literal["wording", "case"] = "case"
    # the clauses whose text makes this change (e.g. the sections the map adds): the explanation keys the row to the
    # draft sections that print them and lists the change once (those clauses get no "Added" row of their own);
    # with `--from-model` a change made only by added clauses keeps the model's own text of the section
    clauses: list[str] = Field(default_factory=list)


class ModelSection(_Strict):
    """One section of a court's model order, as facts about the model (number, heading, what it provides), never its text."""

    number: str = ""  # "1", "6", "Exhibit A"; "" where the number was not seen
    heading: NonEmpty
    clauses: list[str] = Field(default_factory=list)  # clause ids that carry this section, in the model's order
    added: list[str] = Field(default_factory=list)  # our clauses placed in this section that the model lacks
    verified: bool
    note: str = ""
    substance: list[str] = Field(default_factory=list)  # what the section provides, in our words (facts, not its text)
    periods: list[ModelPeriod] = Field(default_factory=list)  # the periods the section sets
    departures: list[KnownDeparture] = Field(default_factory=list)  # known substantive departures of our clauses
    parties_fill: bool = False  # the model leaves this section for the parties to write (e.g. a list of documents)
    # where the model gives this part no heading (e.g. an order appended after the signatures): the few words that
    # open it in the model, to split a copy there (`heading` then only describes the part; it is not the model's)
    opens_with: str = ""


class ModelOrder(_Strict):
    """A court's published model order: where it is, which version, and its sections mapped to our clauses."""

    title: NonEmpty
    url: NonEmpty  # where `models fetch` downloads it from
    version: str = ""  # version or date as the court states it
    source: NonEmpty  # a public page that says the model exists and what it requires
    verified: bool
    applies_when: str = "true"  # condition over the case facts (e.g. only patent cases)
    sections: list[ModelSection] = Field(default_factory=list)
    complete: bool = False  # True only when every section of the model is listed
    follow_order: bool = False  # the court expects the draft in the model's order and numbering
    redline_required: bool = False  # the court wants every departure shown as a redline against the model
    explanation_required: bool = False  # the court wants each departure explained
    # the court's judges want the proposed order built on the model's own text (their page or orders say so):
    # `render --package` then needs `--from-model MODEL.docx`; a plain render warns
    build_on_model: bool = False
    build_on_model_source: str = ""  # where a lawyer can read that requirement (required with build_on_model)
    build_on_model_verified: bool = False
    tiers: list[str] = Field(default_factory=list)  # the tiers the model provides, where known
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")  # recorded hash of the file at `url`
    note: str = ""

    @model_validator(mode="after")
    def _build_on_model_has_source(self) -> "ModelOrder":
        if self.build_on_model and not self.build_on_model_source.strip():
            raise ValueError("build_on_model: true needs build_on_model_source: the public page or order that requires it")
        return self


class SubmissionStep(_Strict):
    """One step of submitting the order (file, e-mail, serve), in our words, with its source."""

    step: NonEmpty
    source: NonEmpty
    verified: bool
    note: str = ""
    when: str = "true"  # condition over the case facts under which the step applies (same language as clauses)


class SubmissionPatch(_Strict):
    """How the order reaches the court; any field left out is inherited from the parent profile."""

    vehicle: str | None = None  # "stipulation", "stipulated motion", "joint motion", "motion"
    vehicle_title: str | None = None  # title of the paper that asks for entry (when it is not the order itself)
    vehicle_source: Citation | None = None
    proposed_order_word: bool | None = None  # a Word copy of the proposed order goes to chambers
    mailbox: str | None = None  # e.g. "Proposed_Order_<Judge>@ilnd.uscourts.gov"
    subject_line: str | None = None
    steps: list[SubmissionStep] | None = None
    # Who signs what: "order" (a stipulated order the parties sign) or "motion" (the parties sign only the motion
    # that asks for entry; the order is the Court's paper: no counsel block, party signatures or attestation on it)
    parties_sign: Literal["order", "motion"] | None = None
    order_attached: bool | None = None  # the proposed order is an exhibit to the motion; false: it goes to chambers only
    # further numbered paragraphs of the motion, in our words (e.g. the conferral statement a local rule asks for)
    motion_statements: list[str] | None = None
    # The court's rule asks for an attorney's affidavit or certification supporting the proposed order (nature
    # of the materials, the interests that warrant confidentiality, the injury without the order): the package
    # then holds one, built from the answers' categories, for counsel to complete and sign. `cite` names the rule.
    supporting_certification: Citation | None = None
    # the motion must say when and how counsel conferred (answers `conferral:`), e.g. N.D. Ill. LR 37.2
    conferral_required: bool | None = None
    # what the motion calls the attached proposed order, where the court dockets it under its own name
    # ("Text of Proposed Order"); unset: it is lettered with the other exhibits ("Exhibit A")
    order_attachment: str | None = None
    # the motion ends with a certificate of conference under this rule (`cite`): counsel conferred and the
    # motion is joint; the date and manner come from the answers' `conferral:` where given
    conference_certificate: Citation | None = None


@dataclass(frozen=True)
class Submission:
    vehicle: str
    vehicle_title: str
    vehicle_source: Citation | None
    proposed_order_word: bool
    mailbox: str
    subject_line: str
    steps: tuple[SubmissionStep, ...]
    parties_sign: str = "order"
    order_attached: bool = True
    motion_statements: tuple[str, ...] = ()
    supporting_certification: Citation | None = None
    conferral_required: bool = False
    order_attachment: str = ""
    conference_certificate: Citation | None = None


class JudgeInfo(_Strict):
    name: NonEmpty
    title: NonEmpty
    initials: str = ""
    source: str = ""  # where the name and initials can be checked (a public order or the court's page)
    place: str = ""  # where this judge signs orders ("Brooklyn, New York"), only as the source shows it


class ProfileKind(str, Enum):
    federal = "federal"
    district = "district"
    judge = "judge"


class ProfileFile(_Strict):
    """One jurisdiction profile file as written (before `extends:` is resolved)."""

    id: NonEmpty
    extends: str | None = None
    kind: ProfileKind
    name: NonEmpty
    caption_lines: list[str] | None = None
    circuit: int | None = None
    case_number_pattern: str | None = None
    case_number_example: str | None = None
    judge: JudgeInfo | None = None
    judges: list[JudgeInfo] = Field(default_factory=list)  # the court's judges, found by case-number initials
    citations: dict[str, Citation | None] = Field(default_factory=dict)
    periods: dict[str, Period | None] = Field(default_factory=dict)
    tier_labels: dict[str, str] = Field(default_factory=dict)
    clauses: dict[str, ClauseStatus] = Field(default_factory=dict)
    format: FormatPatch = Field(default_factory=FormatPatch)
    check: CheckPatch = Field(default_factory=CheckPatch)
    model_order: ModelOrder | None = None
    submission: SubmissionPatch = Field(default_factory=SubmissionPatch)
    notes: list[str] = Field(default_factory=list)

    @field_validator("id", "extends")
    @classmethod
    def _safe_id(cls, value: str | None) -> str | None:
        if value is not None and not PROFILE_ID.match(value):
            raise ValueError(
                f"'{value}' is not a profile id: use lower-case letters, digits and hyphens "
                "(a profile names another by id, never by path)"
            )
        return value

    @field_validator("case_number_pattern")
    @classmethod
    def _regex(cls, value: str | None) -> str | None:
        if value is not None:
            compile_pattern(value)  # ValueError: not a pattern RE2 can run (see patterns.py)
        return value
