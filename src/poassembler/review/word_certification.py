"""The certifications some courts ask for with a proposed confidentiality order, as Word documents.

A court whose rule asks for one sets `submission.supporting_certification` in its profile (the rule's
citation). Each producing party certifies only about its own material (the categories whose `produced_by`
names it), by a person who knows the facts: the party's `declarant` (name and title) or, where none is given,
its first counsel. For each category the certification states the nature of the material (its description),
the interests that warrant keeping it confidential (its `interest`, else a statement by its kind), and the
clearly defined and serious injury that would follow without the order (its harm). The filed paper carries no
drafting notes: what counsel must still do is in the package checklist (`certification_notes`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from poassembler.library.answers import Category, CategoryKind, Party, Role, Tier
from poassembler.pipeline.draft import Draft

# The interest that warrants confidentiality, by the kind of material (our words); "{party}" is the producer.
INTERESTS = {
    CategoryKind.commercial: "{party}'s interest in keeping confidential commercial terms, which it negotiates "
    "privately, from competitors, customers and suppliers",
    CategoryKind.trade_secret: "{party}'s interest in protecting its trade secrets and confidential technical "
    "information, which give it a competitive advantage only while they stay secret",
    CategoryKind.financial: "{party}'s interest in keeping its non-public financial information from competitors "
    "and counterparties",
    CategoryKind.personnel: "the privacy interests of the employees whose records these are",
    CategoryKind.personal: "the privacy interests of the individuals the information is about",
    CategoryKind.health: "the privacy interests of the individuals whose health information this is, which federal "
    "and state law also protect",
    CategoryKind.mental_health: "the privacy interests of the individuals whose mental-health information this is, "
    "which the law treats as especially sensitive",
    CategoryKind.law_enforcement: "the public interest in the safety of persons and the integrity of law-enforcement "
    "and security operations",
    CategoryKind.source_code: "{party}'s interest in protecting its source code, a trade secret whose value depends "
    "on its secrecy",
    CategoryKind.other: "{party}'s interest in keeping this non-public information confidential",
}

FILE_STEM = "certification-in-support"


@dataclass(frozen=True)
class Certification:
    """One certification: the party it speaks for, who signs it, and the categories it covers."""

    file_name: str
    party: Party  # the party whose declarant or counsel signs
    own_only: bool  # covers only this party's own material (False: no category names a producer)
    signer: str
    signer_line: str  # under the signature: the declarant's title, or "Counsel for …"
    by_counsel: bool  # signed by counsel (no declarant given in the answers)
    categories: list[Category]


def certifications(draft: Draft) -> list[Certification]:
    """One certification per producing party (the parties the categories' `produced_by` names, in the order of
    `parties`), each covering that party's categories and any category that names no producer; where no
    category names a producer, one certification by the first party's signer covers all of them."""
    answers = draft.answers
    producers = [p for p in answers.parties if any(p.name in c.produced_by for c in answers.categories)]
    unassigned = [c for c in answers.categories if not c.produced_by]
    if not producers:
        first = next((p for p in answers.parties if p.role in (Role.plaintiff, Role.defendant) and (p.counsel or p.declarant)),
                     answers.parties[0])
        return [_certification(f"{FILE_STEM}.docx", first, list(answers.categories), own_only=False)]
    many = len(producers) > 1
    out = []
    for party in producers:
        own = [c for c in answers.categories if party.name in c.produced_by or not c.produced_by]
        name = f"{FILE_STEM}-{_slug(party)}.docx" if many else f"{FILE_STEM}.docx"
        out.append(_certification(name, party, own, own_only=not unassigned))
    return out


def _certification(file_name: str, party: Party, categories: list[Category], own_only: bool) -> Certification:
    if party.declarant is not None:
        return Certification(file_name, party, own_only, party.declarant.name,
                             f"{party.declarant.title}, {party.name}", False, categories)
    counsel = next((c for c in party.counsel if c.lead_attorney), party.counsel[0] if party.counsel else None)
    signer = counsel.name if counsel else party.name
    return Certification(file_name, party, own_only, signer, f"Counsel for {_role_word(party)} {party.name}",
                         True, categories)


def _role_word(party: Party) -> str:
    return {Role.plaintiff: "Plaintiff", Role.defendant: "Defendant", Role.intervenor: "Intervenor"}.get(party.role, "Non-Party")


def _slug(party: Party) -> str:
    words = re.findall(r"[a-z0-9]+", (party.short_name or party.name).lower())
    return "-".join(words[:2]) or "party"


def certification_title(draft: Draft, cert: Certification) -> str:
    return f"CERTIFICATION OF {cert.signer.upper()} IN SUPPORT OF THE PROPOSED {draft.profile.format.order_name.upper()}"


def certification_docx(draft: Draft, cert: Certification) -> bytes:
    """The certification as filed: facts from the signer's own knowledge, an s/ signature and the date."""
    from poassembler.pipeline.signatures import long_date
    from poassembler.review.word_filing import _caption, _document, _save

    rule = draft.profile.submission.supporting_certification
    order_name = draft.profile.format.order_name
    party = cert.party
    document = _document()
    _caption(document, draft, certification_title(draft, cert))
    document.add_paragraph(f"I, {cert.signer}, certify as follows:")
    whose = f"the material {party.text_name} will produce in discovery" if cert.own_only else "the material to be produced in discovery"
    if cert.by_counsel:
        who = f"I am counsel for {party.text_name} in this action."
    else:
        who = f"I am employed by {party.text_name} as {party.declarant.title}."
    points = [
        f"{who} I make this certification under {rule.cite} in support of the parties' proposed {order_name}, about "
        f"{whose}. I know the facts stated below personally.",
        ("The categories of that material are described below. For each, I state the nature of the material, the "
         "legitimate interests that warrant keeping it confidential, and the clearly defined and serious injury that "
         f"would result if the {order_name} were not entered."),
    ]
    for number, text in enumerate(points, start=1):
        document.add_paragraph(f"{number}. {text}")
    number = len(points)
    for category in cert.categories:
        number += 1
        document.add_paragraph(f"{number}. {category.name}.")
        for label, text in _elements(category, draft, party if party.name in category.produced_by else None):
            document.add_paragraph(f"({label}) {text}")
    number += 1
    document.add_paragraph(
        f"{number}. The proposed {order_name} reaches only the categories it describes, and a party may designate "
        "material under it only in the good-faith belief that the material falls within one of them and has been "
        "kept confidential. It does not authorize the filing of any material under seal."
    )
    document.add_paragraph()
    document.add_paragraph("I certify under penalty of perjury that the foregoing is true and correct.")
    stipulated = draft.answers.dates.stipulated
    document.add_paragraph(f"Dated: {long_date(stipulated)}" if stipulated else "Dated: ____________________")
    document.add_paragraph()
    for line in (f"s/ {cert.signer}", cert.signer, cert.signer_line):
        document.add_paragraph(line).paragraph_format.space_after = 0
    return _save(document)


def certification_notes(draft: Draft, certs: list[Certification]) -> list[str]:
    """What counsel must still do before filing the certifications: checklist lines, never in the papers."""
    notes = []
    for cert in certs:
        if cert.by_counsel:
            notes.append(
                f"[DRAFTER: `{cert.file_name}` is signed by {cert.signer}, counsel, because the answers name no "
                f"declarant for {cert.party.name}. Counsel may certify only facts counsel knows personally: give "
                "`parties[].declarant` (name and title of an officer or employee who knows them) and render again.]"
            )
    if any(not c.produced_by for c in draft.answers.categories):
        unassigned = "; ".join(c.name for c in draft.answers.categories if not c.produced_by)
        notes.append(
            f"[DRAFTER: these categories name no producing party, so every certification covers them: {unassigned}. "
            "Give `categories[].produced_by` so each party certifies only its own material.]"
        )
    return notes


def _elements(category: Category, draft: Draft, party: Party | None) -> list[tuple[str, str]]:
    """(a) nature, (b) interests, (c) injury — in the answers' own facts where the answers give them."""
    producer = party.text_name if party else "the producing party"
    interest = category.interest.strip() or (
        "The material is not public and has been kept confidential; keeping it so serves "
        + INTERESTS.get(category.kind, INTERESTS[CategoryKind.other]).format(party=producer) + "."
    )
    injury = category.harm.strip()
    if category.tier in (Tier.highly_confidential_aeo, Tier.source_code):
        label = draft.profile.tier_labels.get(category.tier.value, category.tier.value)
        injury += (f" Because this injury would follow from disclosure to the receiving party itself, and not only "
                   f"to the public, the proposed order allows this category to be designated “{label}”.")
    return [
        ("a", f"Nature of the material. {category.description.strip()}"),
        ("b", f"Interests that warrant confidentiality. {interest}"),
        ("c", f"Injury if the order is not entered. {injury}"),
    ]
