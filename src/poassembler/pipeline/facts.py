"""Facts derived from the answers that clause conditions and clause text ask about."""

from __future__ import annotations

from dataclasses import dataclass

from poassembler.library.answers import Answers, CaseType, CategoryKind, Government, Role, Tier
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
    has_nonparty: bool
    nonparty_names: str
    has_health_records: bool
    has_mental_health_records: bool
    has_law_enforcement_material: bool
    has_self_represented_party: bool
    case_title: str
    plaintiff_names: str
    defendant_names: str
    uses_aeo: bool
    uses_source_code_tier: bool
    is_patent_or_software: bool

    @classmethod
    def of(cls, answers: Answers) -> "CaseFacts":
        government = [p for p in answers.parties if p.government is not None and p.role != Role.non_party]
        federal = [p for p in answers.parties if p.government == Government.federal]
        nonparties = answers.parties_with(Role.non_party)
        kinds = {c.kind for c in answers.categories}
        plaintiffs = [p.name for p in answers.parties_with(Role.plaintiff)]
        defendants = [p.name for p in answers.parties_with(Role.defendant)]
        return cls(
            has_government_party=bool(government),
            has_federal_party=any(p.government == Government.federal for p in government),
            government_party_names=join_and(p.name for p in government),
            has_federal_entity=bool(federal),
            federal_entity_names=join_and(p.name for p in federal),
            has_nonparty=bool(nonparties),
            nonparty_names=join_and(p.name for p in nonparties),
            has_health_records=bool(kinds & _HEALTH),
            has_mental_health_records=CategoryKind.mental_health in kinds,
            has_law_enforcement_material=CategoryKind.law_enforcement in kinds,
            has_self_represented_party=any(p.self_represented for p in answers.parties),
            case_title=answers.case.short_title or _title(plaintiffs, defendants),
            plaintiff_names=join_and(plaintiffs),
            defendant_names=join_and(defendants),
            uses_aeo=Tier.highly_confidential_aeo in answers.tiers,
            uses_source_code_tier=Tier.source_code in answers.tiers or answers.options.source_code_tier,
            is_patent_or_software=answers.case.type in (CaseType.patent, CaseType.software),
        )


def _title(plaintiffs: list[str], defendants: list[str]) -> str:
    first = lambda names: (names[0] if names else "") + (", et al." if len(names) > 1 else "")  # noqa: E731
    return f"{first(plaintiffs)} v. {first(defendants)}"
