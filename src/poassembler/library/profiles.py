"""Jurisdiction profiles: load, validate, and resolve along `extends:` (federal → district → judge).

Court facts live in `jurisdictions/*.yaml`; this module only knows how to read and merge them.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from poassembler.errors import BadInput, BadLibrary
from poassembler.library.document_rules import DocumentCheck, DocumentCheckPatch, merge_document_checks
from poassembler.library.files import read_library_file, read_library_yaml
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
    proposed_order: bool | None = None
    caption_notes: list[str] | None = None
    judge_initials_in_caption: bool | None = None
    cosigner_signature: str | None = None  # how the filer shows another signatory's e-signature: "/s/ {name}"
    # how the filer shows a self-represented party's signature it holds on paper; unset: a blank line to sign
    self_represented_signature: str | None = None  # e.g. "/s/ {name} (original signature retained by attorney {filer})"
    service_agent_state: str | None = None  # Exhibit A names an agent for service in this state ("California")

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


class ModelSection(_Strict):
    """One section of a court's model order, as a fact about the model (its number and heading), never its text."""

    number: str = ""  # "1", "6", "Exhibit A"; "" where the number was not seen
    heading: NonEmpty
    clauses: list[str] = Field(default_factory=list)  # clause ids that carry this section, in the model's order
    added: list[str] = Field(default_factory=list)  # our clauses placed in this section that the model lacks
    verified: bool
    note: str = ""


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
    tiers: list[str] = Field(default_factory=list)  # the tiers the model provides, where known
    sha256: str | None = Field(default=None, pattern=r"^[0-9a-f]{64}$")  # recorded hash of the file at `url`
    note: str = ""


class SubmissionStep(_Strict):
    """One step of submitting the order (file, e-mail, serve), in our words, with its source."""

    step: NonEmpty
    source: NonEmpty
    verified: bool
    note: str = ""


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


@dataclass(frozen=True)
class Sourced:
    """A merged entry together with the id of the profile that set it."""

    value: Any
    origin: str


@dataclass(frozen=True)
class ResolvedProfile:
    """A profile with its whole `extends:` chain merged: what a draft for this court uses."""

    id: str
    chain: tuple[str, ...]  # root first: ("federal", "cacd", "cacd-segal")
    kind: ProfileKind
    name: str
    caption_lines: tuple[str, ...]
    circuit: int | None
    case_number_pattern: str | None
    case_number_example: str | None
    judge: JudgeInfo | None
    citations: dict[str, Sourced]
    periods: dict[str, Sourced]
    tier_labels: dict[str, str]
    clauses: dict[str, Sourced]  # clause id → Sourced(ClauseStatus, origin)
    format: Format
    notes: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    check: CheckSettings = field(default_factory=CheckSettings)
    judges: tuple[JudgeInfo, ...] = ()
    model_order: ModelOrder | None = None  # the nearest profile in the chain that names one
    submission: Submission | None = None

    def citation(self, name: str) -> Citation:
        return self.citations[name].value

    def period(self, name: str) -> Period:
        return self.periods[name].value

    def status(self, clause_id: str) -> ClauseStatus | None:
        entry = self.clauses.get(clause_id)
        return entry.value if entry else None

    def unverified(self, included: frozenset[str] | set[str] | None = None) -> list[tuple[str, str, Citation | Period]]:
        """Every citation and period not verified: ("citation"|"period", name, entry).

        With `included` (a draft's clause ids), a citation tied to a clause (`with_clause`) the draft
        lacks is left out: no HIPAA note in a draft without the HIPAA clause."""
        out: list[tuple[str, str, Citation | Period]] = []
        out += [("citation", n, s.value) for n, s in self.citations.items() if not s.value.verified
                and not (included is not None and s.value.with_clause and s.value.with_clause not in included)]
        out += [("period", n, s.value) for n, s in self.periods.items() if not s.value.verified]
        if self.format.font_size_source and not self.format.font_size_source.verified:
            out.append(("citation", "font size", self.format.font_size_source))
        return out


@dataclass
class ProfileLibrary:
    """All profiles found in one or more folders; a later folder overrides an earlier one by id."""

    profiles: dict[str, ProfileFile] = field(default_factory=dict)
    paths: dict[str, Path] = field(default_factory=dict)
    districts: dict[str, str] = field(default_factory=dict)  # every federal district id → caption name
    abbreviations: dict[str, str] = field(default_factory=dict)  # district id → Bluebook abbreviation ("C.D. Cal.")
    _resolved: dict[tuple[str, str | None], ResolvedProfile] = field(default_factory=dict, init=False, repr=False, compare=False)

    @classmethod
    def load(cls, folders: list[Path]) -> "ProfileLibrary":
        library = cls()
        for folder in folders:
            if not folder.is_dir():
                raise BadLibrary(f"{folder}: no such jurisdictions folder.")
            districts = folder / "_districts.yaml"
            if districts.is_file():
                for cid, (name, abbreviation) in read_district_entries(districts).items():
                    library.districts[cid] = name
                    if abbreviation:
                        library.abbreviations[cid] = abbreviation
            for path in sorted(folder.glob("*.yaml")):
                if path.name.startswith("_"):
                    continue
                profile = _read_profile(path)
                library.profiles[profile.id] = profile
                library.paths[profile.id] = path
        return library

    def ids(self) -> list[str]:
        return sorted(self.profiles)

    def judges_of(self, court: str) -> list[ProfileFile]:
        """Judge profiles that extend the district `court` directly."""
        return [p for p in self.profiles.values() if p.kind == ProfileKind.judge and p.extends == court]

    def resolve(self, profile_id: str) -> ResolvedProfile:
        """Merge a profile with everything it extends; unknown ids get a suggestion."""
        if profile_id not in self.profiles:
            raise BadInput(f"no profile '{profile_id}'{_suggest(profile_id, self.ids())}", hint="Run `poassembler jurisdictions list` to see every court and judge.")
        chain = self._chain_ids(profile_id)
        return _merge([self.profiles[i] for i in chain])

    def resolve_for(self, court: str, judge: str | None) -> ResolvedProfile:
        """The profile a draft for this court (and judge) uses; resolved once per library and court.

        A real federal district without a profile falls back to `federal` with a visible warning;
        a judge without a profile falls back to the district's; a near-miss id is an error with a
        suggestion, because it is almost always a typo. The result is shared: never modify it.
        """
        key = (court, judge)
        if key not in self._resolved:
            self._resolved[key] = self._resolve_for(court, judge)
        return self._resolved[key]

    def _resolve_for(self, court: str, judge: str | None) -> ResolvedProfile:
        warnings: list[str] = []
        if court not in self.profiles:
            if court in self.districts and ROOT_PROFILE in self.profiles:
                base = self.resolve(ROOT_PROFILE)
                warnings.append(
                    f"no profile for '{court}' ({self.districts[court]}): drafting with the federal "
                    "default (FRCP only). Check that court's local rules before filing."
                )
                caption = ("UNITED STATES DISTRICT COURT", self.districts[court].upper())
                return _replace(base, id=court, name=self.districts[court], caption_lines=caption, warnings=tuple(warnings))
            districts = sorted(set(self.ids()) | set(self.districts))
            raise BadInput(
                f"court: no profile '{court}'{_suggest(court, districts, set(self.profiles))}",
                hint="Use the court id as PACER spells it (cacd, nyed, mad, …); `poassembler jurisdictions list` shows the profiles.",
            )
        if not judge:
            return self.resolve(court)
        judge_key = judge.strip().lower()
        candidates = {p.id.removeprefix(f"{court}-"): p.id for p in self.judges_of(court)}
        if judge_key in candidates or f"{court}-{judge_key}" in self.profiles:
            return self.resolve(candidates.get(judge_key, f"{court}-{judge_key}"))
        close = difflib.get_close_matches(judge_key, list(candidates), n=1, cutoff=0.75)
        if close:
            raise BadInput(f"judge: no judge profile '{judge}' for {court}; did you mean '{close[0]}'?")
        resolved = self.resolve(court)
        known = f" (judge profiles for {court}: {', '.join(sorted(candidates))})" if candidates else ""
        warnings.append(
            f"no profile for judge '{judge}' in {court}{known}: using the district profile. "
            "Check the judge's standing orders before filing."
        )
        return _replace(resolved, warnings=resolved.warnings + tuple(warnings))

    def _chain_ids(self, profile_id: str) -> list[str]:
        chain: list[str] = []
        current: str | None = profile_id
        while current is not None:
            if current in chain:
                loop = " → ".join(chain + [current])
                raise BadLibrary(f"{self.paths.get(profile_id, profile_id)}: `extends:` goes round in a circle ({loop}).")
            if current not in self.profiles:
                child = chain[-1] if chain else profile_id
                raise BadLibrary(
                    f"{self.paths.get(child, child)}: extends '{current}', which is not a profile{_suggest(current, self.ids())}"
                )
            chain.append(current)
            current = self.profiles[current].extends
        chain.reverse()
        if chain[0] != ROOT_PROFILE and ROOT_PROFILE in self.profiles:
            raise BadLibrary(f"{self.paths.get(chain[0], chain[0])}: every profile must lead back to '{ROOT_PROFILE}' through `extends:`.")
        return chain


def _suggest(word: str, choices: list[str], preferred: set[str] | frozenset = frozenset()) -> str:
    """"; did you mean 'nyed' or 'nysd'?" — closest first, ids in `preferred` first among equals."""
    scored = [(difflib.SequenceMatcher(None, word, c).ratio(), c) for c in choices]
    close = [c for r, c in sorted(scored, key=lambda rc: (-rc[0], rc[1] not in preferred, rc[1])) if r >= 0.6][:3]
    return "; did you mean " + " or ".join(f"'{c}'" for c in close) + "?" if close else "."


def _read_profile(path: Path) -> ProfileFile:
    profile = read_library_file(path, ProfileFile, "a jurisdiction profile", "id:, name:, …")
    if profile.id != path.stem:
        raise BadLibrary(f"{path}: id '{profile.id}' must match the file name '{path.stem}'.")
    return profile


def _read_districts(path: Path) -> dict[str, str]:
    """Court id → name from `_districts.yaml`."""
    return {cid: name for cid, (name, _) in read_district_entries(path).items()}


def read_district_entries(path: Path) -> dict[str, tuple[str, str]]:
    """Court id → (name, Bluebook abbreviation or "") from `_districts.yaml`."""
    data = read_library_yaml(path) or {}
    if not isinstance(data, dict):
        raise BadLibrary(f"{path}: expected a mapping of court id → court name.")
    out: dict[str, tuple[str, str]] = {}
    for cid, entry in data.items():
        if isinstance(entry, str):
            out[str(cid)] = (entry, "")
        elif isinstance(entry, dict) and isinstance(entry.get("name"), str) and isinstance(entry.get("bluebook", ""), str) \
                and set(entry) <= {"name", "bluebook"}:
            out[str(cid)] = (entry["name"], entry.get("bluebook", ""))
        else:
            raise BadLibrary(f"{path}: {cid}: expected the court's name, or {{name: ..., bluebook: ...}}.")
    return out


def _merge_map(layers: list[ProfileFile], attr: str) -> dict[str, Sourced]:
    merged: dict[str, Sourced] = {}
    for layer in layers:
        for key, value in getattr(layer, attr).items():
            if value is None:  # `name: null` in a child removes the parent's entry
                merged.pop(key, None)
            else:
                merged[key] = Sourced(value, layer.id)
    return merged


_FORMAT_DEFAULTS = {
    "template": "standard",
    "font_name": "Times New Roman",
    "font_size_pt": 12.0,
    "font_size_source": None,
    "title": "STIPULATED PROTECTIVE ORDER",
    "short_title": None,
    "order_name": "Stipulated Protective Order",
    "proposed_order": False,
    "caption_notes": [],
    "judge_initials_in_caption": False,
    "cosigner_signature": "/s/ {name}",
    "self_represented_signature": "",
    "service_agent_state": "",
}


def _merge(layers: list[ProfileFile]) -> ResolvedProfile:
    top = layers[-1]

    def last(attr: str) -> Any:
        for layer in reversed(layers):
            value = getattr(layer, attr)
            if value is not None:
                return value
        return None

    fmt = dict(_FORMAT_DEFAULTS)
    for layer in layers:
        fmt.update({k: v for k, v in layer.format.model_dump(exclude_none=True).items()})
        if layer.format.font_size_source is not None:
            fmt["font_size_source"] = layer.format.font_size_source
    fmt["short_title"] = fmt["short_title"] or fmt["title"].title()
    fmt["caption_notes"] = tuple(fmt["caption_notes"])
    tier_labels: dict[str, str] = {}
    for layer in layers:
        tier_labels.update(layer.tier_labels)
    return ResolvedProfile(
        id=top.id,
        chain=tuple(layer.id for layer in layers),
        kind=top.kind,
        name=top.name if top.kind != ProfileKind.judge else last_non_judge(layers).name,
        caption_lines=tuple(last("caption_lines") or ()),
        circuit=last("circuit"),
        case_number_pattern=last("case_number_pattern"),
        case_number_example=last("case_number_example"),
        judge=last("judge"),
        citations=_merge_map(layers, "citations"),
        periods=_merge_map(layers, "periods"),
        tier_labels=tier_labels,
        clauses=_merge_map(layers, "clauses"),
        format=Format(**fmt),
        notes=tuple(n for layer in layers for n in layer.notes),
        check=_merge_check(layers),
        judges=tuple(j for layer in layers for j in layer.judges),
        model_order=last("model_order"),
        submission=_merge_submission(layers),
    )


_SUBMISSION_DEFAULTS = {
    "vehicle": "stipulation",
    "vehicle_title": "",
    "vehicle_source": None,
    "proposed_order_word": False,
    "mailbox": "",
    "subject_line": "",
    "steps": (),
    "parties_sign": "order",
    "order_attached": True,
    "motion_statements": (),
}


def _merge_submission(layers: list[ProfileFile]) -> Submission:
    """Field by field, the nearest profile that sets a field wins."""
    merged = dict(_SUBMISSION_DEFAULTS)
    for layer in layers:
        for name in layer.submission.model_fields_set:
            value = getattr(layer.submission, name)
            if value is not None:
                merged[name] = tuple(value) if name in ("steps", "motion_statements") else value
    return Submission(**merged)


def _merge_check(layers: list[ProfileFile]) -> CheckSettings:
    """Child entries replace the parent's per key; `role: null` removes a role."""
    roles: dict[str, str] = {}
    authorities: dict[str, tuple[str, ...]] = {}
    dispute: tuple[str, ...] = ()
    for layer in layers:
        for role, clause_id in layer.check.clauses.items():
            if clause_id is None:
                roles.pop(role, None)
            else:
                roles[role] = clause_id
        authorities.update({rule: tuple(names) for rule, names in layer.check.authorities.items()})
        if layer.check.dispute_clauses is not None:
            dispute = tuple(layer.check.dispute_clauses)
    document = merge_document_checks([layer.check.document for layer in layers])
    return CheckSettings(clauses=roles, dispute_clauses=dispute, authorities=authorities, document=document)


def last_non_judge(layers: list[ProfileFile]) -> ProfileFile:
    return next(layer for layer in reversed(layers) if layer.kind != ProfileKind.judge)


def _replace(profile: ResolvedProfile, **changes: Any) -> ResolvedProfile:
    from dataclasses import replace

    return replace(profile, **changes)
