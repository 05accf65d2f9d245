"""Which clauses go in the draft, and why: a pure function of (profile, clause library, answers)."""

from __future__ import annotations

from dataclasses import dataclass

from poassembler.library.clauses import Clause, ClauseLibrary, Placement
from poassembler.errors import BadLibrary
from poassembler.pipeline.expressions import run
from poassembler.library.profiles import ClauseStatus, ResolvedProfile
from poassembler.pipeline.scope import ClauseScope


@dataclass(frozen=True)
class Decision:
    """One clause's fate in this draft, in words a supervising partner can read."""

    clause: Clause
    included: bool
    reason: str
    status: ClauseStatus | None  # what the profile says (None: no profile in the chain lists it → left out)
    origin: str | None  # the profile that set the status


@dataclass(frozen=True)
class Selection:
    decisions: tuple[Decision, ...]

    def included(self, placement: Placement | None = None) -> list[Clause]:
        return [d.clause for d in self.decisions if d.included and (placement is None or d.clause.spec.placement == placement)]

    def decision(self, clause_id: str) -> Decision:
        return next(d for d in self.decisions if d.clause.id == clause_id)

    def included_ids(self) -> list[str]:
        return [c.id for c in self.included()]


def select_clauses(profile: ResolvedProfile, library: ClauseLibrary, scope: ClauseScope) -> Selection:
    """Decide every clause: unlisted or excluded by the profile → out; not applicable to the case → out;
    required by the profile → in; optional → in only when the answers choose it."""
    unknown = sorted(set(profile.clauses) - set(library.clauses))
    if unknown:
        origins = ", ".join(f"'{c}' (set in {profile.clauses[c].origin})" for c in unknown)
        raise BadLibrary(f"profile {profile.id} names clauses the library does not have: {origins}.",
                         hint="Fix the clause id in the profile, or add the clause file.")
    names = scope.names()
    decisions = []
    for clause in library.ordered():
        entry = profile.clauses.get(clause.id)
        status = entry.value if entry else None
        origin = entry.origin if entry else None
        decisions.append(Decision(clause, *_decide(clause, status, origin, names), status=status, origin=origin))
    return Selection(tuple(decisions))


def _decide(clause: Clause, status: ClauseStatus | None, origin: str | None, names: dict) -> tuple[bool, str]:
    spec = clause.spec
    if status is None:
        return False, "not part of this court's profile (no profile in its chain lists it)"
    if status == ClauseStatus.excluded:
        return False, f"excluded by the {origin} profile"
    if not run(f"{clause.path}: applies_when", clause.applies_when, names):
        why = spec.why_applies or spec.applies_when
        return False, f"does not apply to this case (applies only when {why})"
    if status == ClauseStatus.required:
        cites = "; ".join(a.cite for a in spec.authority)
        return True, f"required by the {origin} profile" + (f" ({cites})" if cites else "")
    if run(f"{clause.path}: chosen_when", clause.chosen_when, names):
        if spec.chosen_when.strip() == "true":
            return True, "standard clause, included by default"
        return True, f"chosen in the answers ({spec.why_chosen or spec.chosen_when})"
    return False, f"optional, not chosen in the answers ({spec.why_chosen or spec.chosen_when})"
