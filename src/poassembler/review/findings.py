"""What the pre-flight check works with: a `Review` of one draft (answers, profile, selection, the included
clauses' rendered text; built by `check.build_review`) and the `Finding`s its rules return (review/check.py)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from poassembler.library.answers import Answers
from poassembler.library.clauses import Placement
from poassembler.library.profiles import Citation, ResolvedProfile
from poassembler.pipeline.facts import CaseFacts
from poassembler.pipeline.selection import Selection


class Severity(str, Enum):
    error = "error"  # a court has refused orders for this: fix before filing
    warning = "warning"  # likely to draw an objection; decide and say why
    note = "note"  # something to verify or remember


@dataclass(frozen=True)
class Concern:
    """What a finding is about, as data: an answer's key path (`field`) or a clause id, and how it is shown."""

    shown: str  # "answers: categories[1].harm (“Pricing”)"
    field: str | None = None  # "categories[1].harm": where the answer is (interview, web form, JSON)
    clause: str | None = None

    def __str__(self) -> str:
        return self.shown


def about_answer(field: str, label: str | None = None) -> Concern:
    """A finding about the answer at `field` ("categories[1].harm"), optionally with a label to show."""
    return Concern(f"answers: {field}" + (f" (“{label}”)" if label else ""), field=field)


def about_clause(clause_id: str) -> Concern:
    return Concern(f"clause {clause_id}", clause=clause_id)


@dataclass(frozen=True)
class Finding:
    """One problem: how serious, what it concerns, what is wrong, what to do, and on whose authority."""

    rule: str
    severity: Severity
    concerns: str  # "answers: categories[1].harm" or "clause challenge_generic", as shown
    problem: str
    action: str
    authorities: tuple[Citation, ...] = ()
    field: str | None = None  # the answer's key path when the finding is about an answer ("categories[1].harm")
    clause: str | None = None  # the clause id when it is about a clause

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "concerns": self.concerns,
            "field": self.field,
            "clause": self.clause,
            "problem": self.problem,
            "action": self.action,
            "authorities": [a.model_dump() for a in self.authorities],
        }


@dataclass(frozen=True)
class RenderedClause:
    """The rendered text of one included clause."""

    clause_id: str
    placement: Placement
    text: str


@dataclass(frozen=True)
class Review:
    """What the rules look at."""

    answers: Answers
    profile: ResolvedProfile
    selection: Selection
    facts: CaseFacts
    texts: tuple[RenderedClause, ...]

    def authorities(self, rule: str) -> tuple[Citation, ...]:
        """The citations the profile's `check.authorities` names for `rule` (names it lacks are skipped)."""
        names = self.profile.check.authorities.get(rule, ())
        out: list[Citation] = []
        for name in names:
            entry = self.profile.citations.get(name)
            if entry is not None and entry.value not in out:
                out.append(entry.value)
        return tuple(out)

    def included(self, clause_id: str | None) -> bool:
        return clause_id is not None and clause_id in self.selection.included_ids()

    def finding(self, rule: str, severity: Severity, concerns: Concern | str, problem: str, action: str, authority: str | None = None) -> Finding:
        place = concerns if isinstance(concerns, Concern) else Concern(concerns)
        return Finding(rule, severity, place.shown, problem, action, self.authorities(authority or rule), place.field, place.clause)
