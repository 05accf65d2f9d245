"""Section numbers and cross-references: the one place that numbers a draft.

Word numbers the body headings 1, 2, 3 … in the order of `RenderContext.sections` and the numbered
paragraphs (level 2) of section N as N.1, N.2 …; body text (level 0) and lettered paragraphs (level 3)
do not count. Clause text refers to another clause as `[[section:clause_id]]` ("Section 15") or to one
of its paragraphs as `[[section:clause_id.K]]` ("Section 12.1": the K-th paragraph as the clause file
writes it, wherever this draft puts it). References are resolved here, on the context as it will be
rendered — after any regrouping under a court's model order — so each names the section that carries
the clause.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

_SECTION_REF = re.compile(r"\[\[section:([a-z0-9_]+)(?:\.(\d+))?\]\]")

# A reference to a clause this draft does not include.
UNRESOLVED = "this Order"

# Reference names a court profile maps to its own clause (`check.clauses`): `[[section:categories]]` names the
# clause that lists the categories of protected information, whichever the court uses.
REFERENCE_ROLES = ("categories",)


@dataclass(frozen=True)
class Numbering:
    """Clause id → section number; (clause id, paragraph as written) → "N.M"."""

    sections: dict[str, int]
    paragraphs: dict[tuple[str, int], str]

    def reference(self, clause_id: str, paragraph: int | None = None) -> str:
        """"Section 15", "Section 12.1", or "this Order" for a clause the draft lacks."""
        number = self.sections.get(clause_id)
        if number is None:
            return UNRESOLVED
        if paragraph is not None:
            return f"Section {self.paragraphs.get((clause_id, paragraph), number)}"
        # a clause that shares its section with others (a model order's regrouping) is named by its first paragraph
        return f"Section {self.paragraphs.get((clause_id, 0), number)}"

    def resolve(self, text: str) -> str:
        """Every `[[section:…]]` token in `text` replaced by the reference it stands for."""
        if "[[section:" not in text:
            return text
        return _SECTION_REF.sub(lambda m: self.reference(m.group(1), int(m.group(2)) if m.group(2) else None), text)


def number_sections(sections, roles: dict[str, str] | None = None) -> Numbering:
    """The numbers Word gives `sections` (`context.SectionView`s, in document order); `roles` (reference name →
    clause id, from the profile) lets `[[section:categories]]` name the court's own clause."""
    numbers: dict[str, int] = {}
    paragraphs: dict[tuple[str, int], str] = {}
    leading = {section.clause_id for section in sections}  # clauses that head a section of their own
    for index, section in enumerate(sections, start=1):
        for clause_id in (section.clause_id, *section.clause_ids):
            numbers.setdefault(clause_id, index)
        numbered = 0
        for para in section.paragraphs:
            if para.clause_id:
                numbers.setdefault(para.clause_id, index)
            if para.level == 2:
                numbered += 1
                if para.clause_id and para.written:
                    paragraphs.setdefault((para.clause_id, para.written), f"{index}.{numbered}")
    for clause_id, number in list(numbers.items()):
        # `challenge` names whichever dispute clause the court uses (`challenge_generic`, `challenge_cacd`, …)
        if clause_id.startswith("challenge_"):
            numbers.setdefault("challenge", number)
        # `sealing` names whichever sealing clause the court uses (`filing_under_seal_generic`, `_njd`, …): its
        # section, or its first paragraph where it shares a section with other clauses
        if clause_id.startswith("filing_under_seal_"):
            numbers.setdefault("sealing", number)
            if clause_id not in leading and (clause_id, 1) in paragraphs:
                paragraphs.setdefault(("sealing", 0), paragraphs[(clause_id, 1)])
    for role, clause_id in (roles or {}).items():
        if clause_id in numbers:
            numbers.setdefault(role, numbers[clause_id])
    return Numbering(numbers, paragraphs)


def reference_roles(profile) -> dict[str, str]:
    """The profile's reference names (`REFERENCE_ROLES`) → its clause ids."""
    return {role: cid for role in REFERENCE_ROLES if (cid := profile.check.clause(role))}


def one_clause_a_section(clause_ids: list[str], roles: dict[str, str] | None = None) -> Numbering:
    """The numbering of a body laid out one clause a section (an exported template's layout)."""
    from poassembler.pipeline.context import SectionView

    return number_sections([SectionView(clause_id=cid, heading="", paragraphs=[]) for cid in clause_ids], roles)


def resolve_references(context, roles: dict[str, str] | None = None):
    """The render context (`context.RenderContext`) with every `[[section:…]]` token resolved against its
    final body numbering (`roles`: see `number_sections`)."""
    numbering = number_sections(context.sections, roles)

    def paras(views):
        return [replace(p, text=numbering.resolve(p.text)) for p in views]

    return replace(
        context,
        preamble=paras(context.preamble),
        sections=[replace(s, paragraphs=paras(s.paragraphs)) for s in context.sections],
        attestation=paras(context.attestation),
        order=replace(context.order, paragraphs=paras(context.order.paragraphs)),
        exhibit=replace(context.exhibit, paragraphs=paras(context.exhibit.paragraphs)),
        parties=replace(context.parties, attestation=paras(context.parties.attestation), motion=paras(context.parties.motion)),
    )
