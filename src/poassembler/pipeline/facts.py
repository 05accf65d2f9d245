"""Facts derived from the answers that clause conditions and clause text ask about."""

from __future__ import annotations

from dataclasses import dataclass

from poassembler.library.answers import Answers, CaseType, CategoryKind, CounselKind, Government, Role, SelfSignature, Tier
from poassembler.pipeline.expressions import join_and

_HEALTH = {CategoryKind.health, CategoryKind.mental_health}


@dataclass(frozen=True)
class CaseFacts:
    """Read-only answers to the questions clauses ask ("is a government agency a party?")."""

    has_government_party: bool  # a government body is a plaintiff, defendant or intervenor
    has_federal_party: bool
    government_party_names: str
    has_federal_entity: bool  # a federal body in any role, incl. a non-party producing records
    federal_entity_names: str
    federal_agency_names: str  # the agencies that hold the records: a party's `agency`, else the party itself
    has_nonparty: bool
    nonparty_names: str
    has_health_records: bool
    has_mental_health_records: bool
    has_law_enforcement_material: bool
    has_self_represented_party: bool
    government_party_count: int
    nonparty_count: int
    has_government_counsel: bool  # a government lawyer appears for a party: counsel of record, not House Counsel
    has_in_house_counsel_of_record: bool  # an employee-lawyer has appeared for its employer
    has_incarcerated_party: bool
    has_incarcerated_self_represented_party: bool
    incarcerated_self_represented_names: str
    custody_restricted_names: str  # categories an incarcerated party may view only under supervision
    has_custody_restricted_material: bool
    withheld_from_others_in_custody_names: str  # categories no other person in custody may be shown without consent or order
    withheld_from_house_counsel_names: str  # categories Designated House Counsel may not receive
    aeo_category_names: str  # categories the good cause statement says need the AEO tier
    aeo_category_count: int
    source_code_category_names: str
    has_subpoena: bool
    has_subpoena_exhibit: bool  # a subpoena is to be attached as an exhibit (the drafter replaces its placeholder page)
    text_names: dict  # party name → the name as running text uses it ("the California Department of …")
    party_labels: dict  # party name → "Defendant Valasco" / "the California Department of …"
    subpoena_recipient_names: str
    signatories: str  # the preamble's list of who stipulates, each in its real capacity
    case_title: str
    plaintiff_names: str
    defendant_names: str
    uses_aeo: bool
    uses_source_code_tier: bool
    is_patent_or_software: bool
    has_several_tiers: bool  # more than one confidentiality tier: wording that chooses among tiers
    house_counsel_access: bool  # the top tier may go to Designated House Counsel (options.house_counsel_access)
    has_competitive_material: bool  # a category is commercial, a trade secret or source code: competitors matter
    law_enforcement_category_names: str  # the good cause categories of kind law_enforcement
    confidential_only_count: int  # categories that need only the lowest tier
    confidential_only_names: str  # those categories by name (“A” and “B”)
    law_enforcement_uses_aeo: bool  # a law_enforcement category needs the AEO tier
    has_represented_natural_person_party: bool  # an individual party with counsel: it may see its own side's CONFIDENTIAL material
    subpoenas_before_court: bool  # every subpoena is attached (exhibit) and its necessity shown: the Court can make a finding
    filer_name: str  # the lawyer whose block comes first: the one who files the stipulation and attests
    self_signed_pages_scanned: bool  # a self-represented party's hand-signed page is scanned and filed
    self_signed_originals_retained: bool  # the filer keeps a self-represented party's signed original (court's notation)

    @classmethod
    def of(cls, answers: Answers) -> "CaseFacts":
        government = [p for p in answers.parties if p.government is not None and p.role != Role.non_party]
        counsel = [c for p in answers.parties for c in p.counsel]
        jailed_pro_se = [p for p in answers.parties if p.incarcerated and p.self_represented]
        federal = [p for p in answers.parties if p.government == Government.federal]
        nonparties = answers.parties_with(Role.non_party)
        kinds = {c.kind for c in answers.categories}
        plaintiffs = [p.name for p in answers.parties_with(Role.plaintiff)]
        defendants = [p.name for p in answers.parties_with(Role.defendant)]
        return cls(
            has_government_party=bool(government),
            has_federal_party=any(p.government == Government.federal for p in government),
            government_party_names=join_and(p.text_name + (f" ({p.capacity})" if p.capacity else "") for p in government),
            has_federal_entity=bool(federal),
            federal_entity_names=join_and(p.text_name for p in federal),
            federal_agency_names=join_and(dict.fromkeys(p.agency or p.text_name for p in federal)),
            has_nonparty=bool(nonparties),
            nonparty_names=join_and(p.text_name for p in nonparties),
            has_health_records=bool(kinds & _HEALTH),
            has_mental_health_records=CategoryKind.mental_health in kinds,
            has_law_enforcement_material=CategoryKind.law_enforcement in kinds,
            has_self_represented_party=any(p.self_represented for p in answers.parties),
            government_party_count=len(government),
            nonparty_count=len(nonparties),
            has_government_counsel=any(c.kind == CounselKind.government for c in counsel),
            has_in_house_counsel_of_record=any(c.kind == CounselKind.in_house for c in counsel),
            has_incarcerated_party=any(p.incarcerated for p in answers.parties),
            has_incarcerated_self_represented_party=bool(jailed_pro_se),
            incarcerated_self_represented_names=join_and(p.text_name for p in jailed_pro_se),
            custody_restricted_names=join_and(f"“{c.name}”" for c in answers.categories if c.no_possession_in_custody),
            has_custody_restricted_material=any(c.no_possession_in_custody for c in answers.categories),
            withheld_from_house_counsel_names=join_and(f"“{c.name}”" for c in answers.categories if c.withheld_from_house_counsel),
            withheld_from_others_in_custody_names=join_and(
                f"“{c.name}”" for c in answers.categories if c.no_possession_in_custody or c.not_for_others_in_custody
            ),
            aeo_category_names=join_and(f"“{c.name}”" for c in answers.categories if c.tier == Tier.highly_confidential_aeo),
            aeo_category_count=sum(c.tier == Tier.highly_confidential_aeo for c in answers.categories),
            source_code_category_names=join_and(f"“{c.name}”" for c in answers.categories if c.tier == Tier.source_code),
            has_subpoena=bool(answers.subpoenas),
            has_subpoena_exhibit=any(s.exhibit for s in answers.subpoenas),
            text_names={p.name: p.text_name for p in answers.parties},
            party_labels={p.name: (f"{_ROLE_WORD[p.role]} {p.name}" if p.role in _ROLE_WORD else p.text_name) for p in answers.parties},
            subpoena_recipient_names=join_and(
                dict.fromkeys(next((p.text_name for p in answers.parties if p.name == s.recipient), s.recipient) for s in answers.subpoenas)
            ),
            signatories=_signatories(answers),
            case_title=answers.case.short_title or _title(plaintiffs, defendants, answers.case.more_parties),
            plaintiff_names=join_and(plaintiffs),
            defendant_names=join_and(defendants),
            uses_aeo=Tier.highly_confidential_aeo in answers.tiers,
            uses_source_code_tier=Tier.source_code in answers.tiers or answers.options.source_code_tier,
            is_patent_or_software=answers.case.type in (CaseType.patent, CaseType.software),
            has_several_tiers=len(set(answers.tiers) | ({Tier.source_code} if answers.options.source_code_tier else set())) > 1,
            house_counsel_access=Tier.highly_confidential_aeo in answers.tiers and (
                answers.options.house_counsel_access
                if answers.options.house_counsel_access is not None
                else answers.case.type in (CaseType.commercial, CaseType.patent, CaseType.software)
            ),
            has_competitive_material=bool(kinds & _COMPETITIVE),
            confidential_only_count=sum(c.tier in (None, Tier.confidential) for c in answers.categories),
            confidential_only_names=join_and(
                f"“{c.name}”" for c in answers.categories if c.tier in (None, Tier.confidential)
            ),
            law_enforcement_uses_aeo=any(
                c.kind == CategoryKind.law_enforcement and c.tier == Tier.highly_confidential_aeo for c in answers.categories
            ),
            has_represented_natural_person_party=any(
                p.natural_person and not p.self_represented and p.role != Role.non_party for p in answers.parties
            ),
            subpoenas_before_court=bool(answers.subpoenas) and all(s.exhibit and s.necessity for s in answers.subpoenas),
            filer_name=next((c.name for p in answers.parties for c in p.counsel), ""),
            self_signed_pages_scanned=any(p.self_represented and p.signature == SelfSignature.scanned_page for p in answers.parties),
            self_signed_originals_retained=any(
                p.self_represented and p.signature == SelfSignature.original_retained for p in answers.parties
            ),
            law_enforcement_category_names=join_and(
                f"“{c.name}”" for c in answers.categories if c.kind == CategoryKind.law_enforcement
            ),
        )


_COMPETITIVE = {CategoryKind.commercial, CategoryKind.trade_secret, CategoryKind.source_code}

_ROLE_WORD = {Role.plaintiff: "Plaintiff", Role.defendant: "Defendant", Role.intervenor: "Intervenor"}


def _signatories(answers: Answers) -> str:
    """Each signatory in its real capacity: parties by side ("Plaintiffs A and B, through counsel"), a
    self-represented party on its own, then each non-party that signs."""
    items: list[str] = []
    for role in (Role.plaintiff, Role.defendant, Role.intervenor):
        parties = answers.parties_with(role)
        represented = [p.text_name for p in parties if not p.self_represented]
        if represented:
            word = _ROLE_WORD[role] + ("s" if len(represented) > 1 else "")
            items.append(f"{word} {join_and(represented)}, through counsel")
        items += [f"{_ROLE_WORD[role]} {p.name}, who appears without counsel" for p in parties if p.self_represented]
    for party in answers.parties_with(Role.non_party):
        short = f" (“{party.short_name}”)" if party.short_name else ""
        items.append(f"{party.text_name}{short}, which is not a party to this action, through counsel")
    if len(items) <= 1:  # (none only half-way through an interview)
        return "".join(items)
    return "; ".join(items[:-1]) + "; and " + items[-1]


def _title(plaintiffs: list[str], defendants: list[str], more_parties: bool) -> str:
    """"A v. B": every listed party on each side, or, where the action has parties not listed
    (`case.more_parties`), the first on each side with "et al." (Fed. R. Civ. P. 10(a))."""
    if more_parties:
        side = lambda names: f"{names[0]}, et al." if names else ""  # noqa: E731
    else:
        side = join_and  # noqa: E731
    return f"{side(plaintiffs)} v. {side(defendants)}"
