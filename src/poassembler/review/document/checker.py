"""Check any protective order in Word against the court's profile: read it, outline it, run the rules."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from poassembler.library.profiles import ProfileLibrary, ResolvedProfile
from poassembler.review.check import Severity
from poassembler.review.document import rules_court, rules_drafting
from poassembler.review.document.outline import build_outline
from poassembler.review.document.reader import DocumentText, read_document
from poassembler.review.document.reading import DocumentFinding, Reading

RULES = rules_court.RULES + rules_drafting.RULES


@dataclass(frozen=True)
class DocumentReport:
    document: DocumentText
    profile_id: str
    findings: tuple[DocumentFinding, ...]

    @property
    def reading_note(self) -> str:
        """How tracked changes were read ("" when the document has none)."""
        notes = []
        if self.document.from_pdf:
            notes.append("the document has one paragraph per printed line (converted from PDF): lines were joined into paragraphs.")
        n = self.document.tracked_changes
        if n and self.document.view == "accepted":
            notes.append(f"{n} tracked change(s): read as if all were accepted (--as-is reads them rejected).")
        elif n:
            notes.append(f"{n} tracked change(s): read as if all were rejected (the document as it was before them).")
        return " ".join(notes)

    @property
    def errors(self) -> int:
        return sum(f.severity == Severity.error for f in self.findings)


def check_document(source: Path | bytes, profile: ResolvedProfile, profiles: ProfileLibrary | None = None,
                   as_is: bool = False, parts: dict[str, bytes] | None = None) -> DocumentReport:
    """Every finding for the order at `source` (a path, or a rendered draft's bytes) in the court of `profile`,
    errors first, each once. `render` runs it on what it wrote (`parts`: its parts, uncompressed, if at hand)."""
    document = read_document(source, as_is=as_is, parts=parts)
    return check_text(document, profile, profiles)


def check_text(document: DocumentText, profile: ResolvedProfile, profiles: ProfileLibrary | None = None) -> DocumentReport:
    reading = Reading(document, build_outline(document.blocks), profile, _other_courts(profiles, profile))
    findings: list[DocumentFinding] = []
    seen: set[tuple] = set()
    for rule in RULES:
        for finding in rule(reading):
            key = (finding.rule, finding.location.block, finding.problem)
            if key in seen:
                continue
            seen.add(key)
            findings.append(finding)
    order = list(Severity)
    findings.sort(key=lambda f: (order.index(f.severity), -1 if f.location.block is None else f.location.block))
    return DocumentReport(document, profile.id, tuple(findings))


_COURTS: dict[int, tuple[ProfileLibrary, dict]] = {}  # per library (loaded once per process): every court's name and rules


def _other_courts(profiles: ProfileLibrary | None, profile: ResolvedProfile) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Every court the library knows but this one: its name and (for courts with a profile) its own rule numbers."""
    if profiles is None:
        return {}
    cached = _COURTS.get(id(profiles))
    if cached is None or cached[0] is not profiles:
        courts: dict[str, tuple[str, tuple[str, ...]]] = {cid: (name, ()) for cid, name in profiles.districts.items()}
        for pid, file in profiles.profiles.items():
            if file.kind.value == "district":
                resolved = profiles.resolve(pid)
                courts[pid] = (resolved.name, resolved.check.document.rule_numbers)
        cached = _COURTS[id(profiles)] = (profiles, courts)
    out = dict(cached[1])
    out.pop(profile.id, None)
    own_district = profile.chain[1] if len(profile.chain) > 1 else profile.id
    out.pop(own_district, None)
    return out


def check_rendered(docx: bytes, profile: ResolvedProfile, profiles: ProfileLibrary, reported=(),
                   parts: dict[str, bytes] | None = None) -> list[DocumentFinding]:
    """The document check of a draft `render` has just made (its bytes; `parts`: the same parts uncompressed,
    as the render built them), without the rules the answers check already reported on (`reported`: its
    findings), so nothing is shown twice."""
    seen = {f.rule for f in reported}
    return [f for f in check_document(docx, profile, profiles, parts=parts).findings if f.rule not in seen]
