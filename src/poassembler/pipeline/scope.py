"""The names clause text and conditions can use, built once per draft."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from poassembler.library.answers import Answers
from poassembler.pipeline.facts import CaseFacts
from poassembler.library.profiles import Citation, Period, ResolvedProfile

# Answers that override a profile period: (period name, function reading the answer or None).
_PERIOD_OVERRIDES = {
    "gov_sharing_application_business_days": lambda a: a.government_sharing.application_business_days
    if a.government_sharing
    else None,
}


@dataclass(frozen=True)
class ClauseScope:
    """`answers`, `facts`, `profile`, `periods`, `citations`, `tiers` — nothing else is visible to a clause."""

    answers: Answers
    facts: CaseFacts
    profile: ResolvedProfile
    periods: dict[str, Period]
    citations: dict[str, Citation]
    tiers: dict[str, str]
    # Clause text rendered with this scope, by clause id (context.render_paragraphs): the draft and its check share it.
    rendered: dict[str, tuple[Any, list]] = field(default_factory=dict, compare=False, repr=False)

    @classmethod
    def build(cls, profile: ResolvedProfile, answers: Answers) -> "ClauseScope":
        periods = {name: entry.value for name, entry in profile.periods.items()}
        for name, read in _PERIOD_OVERRIDES.items():
            value = read(answers)
            if value is not None:
                periods[name] = Period(value=value, unit=periods[name].unit if name in periods else "days",
                                       source="answers file", verified=True, note="chosen by the parties")
        return cls(
            answers=answers,
            facts=CaseFacts.of(answers),
            profile=profile,
            periods=periods,
            citations={name: entry.value for name, entry in profile.citations.items()},
            tiers=dict(profile.tier_labels),
        )

    def names(self, **extra: Any) -> dict[str, Any]:
        return {
            "answers": self.answers,
            "facts": self.facts,
            "profile": self.profile,
            "periods": self.periods,
            "citations": self.citations,
            "tiers": self.tiers,
            **extra,
        }
