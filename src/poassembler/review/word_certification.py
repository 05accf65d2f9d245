"""The attorney's certification some courts ask for with a proposed confidentiality order, as a Word document.

A court whose rule asks for one sets `submission.supporting_certification` in its profile (the rule's
citation). The certification is built from the answers' categories: for each, the nature of the material
(its description), the interests that warrant keeping it confidential (from its kind, and that it is kept
confidential), and the clearly defined and serious injury that would follow without the order (its harm).
Counsel completes the bracketed items, reads it against the current rule and signs it; nothing here is filed
without that.
"""

from __future__ import annotations

from poassembler.library.answers import Category, CategoryKind, Tier
from poassembler.pipeline.draft import Draft

# The interest that warrants confidentiality, by the kind of material (our words).
INTERESTS = {
    CategoryKind.commercial: "the producing party's interest in keeping confidential commercial terms, which it "
    "negotiates privately, from competitors, customers and suppliers",
    CategoryKind.trade_secret: "the producing party's interest in protecting its trade secrets and confidential "
    "technical information, which give it a competitive advantage only while they stay secret",
    CategoryKind.financial: "the producing party's interest in keeping its non-public financial information from "
    "competitors and counterparties",
    CategoryKind.personnel: "the privacy interests of the employees whose records these are",
    CategoryKind.personal: "the privacy interests of the individuals the information is about",
    CategoryKind.health: "the privacy interests of the individuals whose health information this is, which federal "
    "and state law also protect",
    CategoryKind.mental_health: "the privacy interests of the individuals whose mental-health information this is, "
    "which the law treats as especially sensitive",
    CategoryKind.law_enforcement: "the public interest in the safety of persons and the integrity of law-enforcement "
    "and security operations",
    CategoryKind.source_code: "the producing party's interest in protecting its source code, a trade secret whose "
    "value depends on its secrecy",
    CategoryKind.other: "the producing party's interest in keeping this non-public information confidential",
}

DRAFTER_NOTE = (
    "[DRAFTER: the facts for each category must come from a person who knows them. Each Party's counsel certifies "
    "for its own client's material: where the categories below belong to different Parties, split this "
    "certification or have each Party's counsel sign one. Read the current rule cited below and add anything it "
    "requires that this certification lacks. Delete this note.]"
)


def certification_title(draft: Draft) -> str:
    return f"CERTIFICATION OF COUNSEL IN SUPPORT OF THE PROPOSED {draft.profile.format.order_name.upper()}"


def certification_docx(draft: Draft) -> bytes:
    """The certification, for counsel to complete and sign (the package's piece, when the profile asks for it)."""
    from poassembler.review.word_filing import _caption, _document, _save

    rule = draft.profile.submission.supporting_certification
    order_name = draft.profile.format.order_name
    document = _document()
    _caption(document, draft, certification_title(draft))
    document.add_paragraph(DRAFTER_NOTE)
    signer = draft.context.parties.filer
    name = signer.name if signer else "[DRAFTER: NAME]"
    role = signer.role_line.replace("Attorneys for", "counsel for", 1).rstrip(".") if signer else "counsel for [DRAFTER: PARTY]"
    document.add_paragraph(f"I, {name}, certify as follows:")
    points = [
        f"I am {('an attorney with ' + signer.firm + ', ') if signer and signer.firm else 'an attorney, '}{role}. "
        f"I make this certification under {rule.cite} in support of the parties' proposed {order_name}. I know the "
        "facts stated below from my own review of the materials described, or from [DRAFTER: NAME AND POSITION OF "
        "THE PERSON WITH KNOWLEDGE], as stated for each.",
        "Discovery in this action will require the production of the categories of material described below. For "
        "each, I state the nature of the material, the legitimate interests that warrant keeping it confidential, "
        f"and the clearly defined and serious injury that would result if the {order_name} were not entered.",
    ]
    for number, text in enumerate(points, start=1):
        document.add_paragraph(f"{number}. {text}")
    number = len(points)
    for category in draft.answers.categories:
        number += 1
        document.add_paragraph(f"{number}. {category.name}.")
        for label, text in _elements(category, draft):
            document.add_paragraph(f"({label}) {text}")
    number += 1
    document.add_paragraph(
        f"{number}. The proposed {order_name} reaches only these categories, and a party may designate material "
        "under it only in the good-faith belief that the material falls within one of them and has been kept "
        "confidential. It does not authorize the filing of any material under seal."
    )
    document.add_paragraph()
    document.add_paragraph("I certify under penalty of perjury that the foregoing is true and correct.")
    document.add_paragraph("Executed on ____________________.")
    document.add_paragraph()
    for line in ("______________________________", name):
        document.add_paragraph(line)
    return _save(document)


def _elements(category: Category, draft: Draft) -> list[tuple[str, str]]:
    """(a) nature, (b) interests, (c) injury — in the answers' own facts where the answers give them."""
    interest = INTERESTS.get(category.kind, INTERESTS[CategoryKind.other])
    injury = category.harm.strip()
    if category.tier in (Tier.highly_confidential_aeo, Tier.source_code):
        label = _tier_label(draft, category.tier)
        injury += (f" Because this injury would follow from disclosure to the receiving party itself, and not only "
                   f"to the public, the proposed order allows this category to be designated “{label}”.")
    return [
        ("a", f"Nature of the material. {category.description.strip()}"),
        ("b", f"Interests that warrant confidentiality. The material is not public and has been kept confidential; "
              f"keeping it so serves {interest}."),
        ("c", f"Injury if the order is not entered. {injury}"),
    ]


def _tier_label(draft: Draft, tier: Tier) -> str:
    return draft.profile.tier_labels.get(tier.value, tier.value)
