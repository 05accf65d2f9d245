"""Jurisdiction profiles: load, validate, and resolve along `extends:` (federal → district → judge).

Court facts live in `jurisdictions/*.yaml`; this module only knows how to read and merge them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from poassembler.errors import BadInput, BadLibrary
from poassembler.library.document_rules import merge_document_checks
from poassembler.library.files import read_library_file, read_library_yaml
from poassembler.library.profile_file import (  # re-exported: the profile's types are read through this module
    PROFILE_ID,
    TEMPLATE_NAME,
    ROOT_PROFILE,
    Citation,
    Period,
    ClauseStatus,
    FormatPatch,
    Format,
    CheckPatch,
    CheckSettings,
    KnownDeparture,
    ModelPeriod,
    ModelSection,
    ModelOrder,
    SubmissionStep,
    SubmissionPatch,
    Submission,
    JudgeInfo,
    ProfileKind,
    ProfileFile,
)

__all__ = [
    "PROFILE_ID",
    "TEMPLATE_NAME",
    "ROOT_PROFILE",
    "Citation",
    "Period",
    "ClauseStatus",
    "FormatPatch",
    "Format",
    "CheckPatch",
    "CheckSettings",
    "KnownDeparture",
    "ModelPeriod",
    "ModelSection",
    "ModelOrder",
    "SubmissionStep",
    "SubmissionPatch",
    "Submission",
    "JudgeInfo",
    "ProfileKind",
    "ProfileFile",
    "Sourced",
    "ResolvedProfile",
    "ProfileLibrary",
    "read_district_entries",
    "last_non_judge",
]


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
        for name, label in _FORMAT_SOURCES.items():  # the format's own sources (font size, judge line, …)
            if getattr(self.format, name) is not None and not getattr(self.format, name).verified:
                out.append(("citation", label, getattr(self.format, name)))
        certificate = self.submission.conference_certificate if self.submission is not None else None
        if certificate is not None and not certificate.verified:
            out.append(("citation", "certificate of conference", certificate))
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
        import difflib

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
    import difflib

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
    "case_number_label": "Case No.",
    "proposed_order": False,
    "caption_notes": [],
    "judge_initials_in_caption": False,
    "cosigner_signature": "/s/ {name}",
    "self_represented_signature": "",
    "service_agent_state": "",
    "judge_line": "",
    "judge_line_source": None,
    "signature_requires": [],
    "source_code_includes_designs": False,
    "interim_top_tier": False,
    "footer_case_number": False,
    "footer_case_number_source": None,
    "sealing_request_name": "an application or motion",
    "enforcement_after_end_retained_only": False,
    "judge_signature_block": True,
    "judge_signature_source": None,
}


_FORMAT_SOURCES = {"font_size_source": "font size", "judge_line_source": "judge line",  # field → label
                   "footer_case_number_source": "footer case number", "judge_signature_source": "no judge's signature block"}


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
        for name in _FORMAT_SOURCES:  # citations kept as models (model_dump would make them dicts)
            if getattr(layer.format, name) is not None:
                fmt[name] = getattr(layer.format, name)
    fmt["short_title"] = fmt["short_title"] or fmt["title"].title()
    fmt["caption_notes"] = tuple(fmt["caption_notes"])
    fmt["signature_requires"] = tuple(fmt["signature_requires"])
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
    "supporting_certification": None,
    "conferral_required": False,
    "order_attachment": "",
    "conference_certificate": None,
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
