"""Which federal district court a user means: "cacd", "C.D. Cal", "Central District of California", or a near miss.

Names and Bluebook abbreviations come from `jurisdictions/_districts.yaml` and the district profiles; the
terminal interview and the browser form both resolve typed courts here.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from poassembler.library.profiles import ProfileKind, ProfileLibrary

_LEADING = re.compile(r"^(the\s+)?(united\s+states\s+district\s+court|u\.?\s*s\.?\s+district\s+court|usdc)(\s+(for|of))?(\s+the)?\s+", re.I)
_CLEAR_LEAD = 0.08  # a close match is taken only when it beats the next one by this much
_CLOSE = 0.8


@dataclass(frozen=True)
class Court:
    id: str  # PACER id
    name: str  # "Central District of California"
    abbreviation: str  # "C.D. Cal." ("" where the library has none)
    has_profile: bool  # this court's own rules are in the library (else the federal default)

    @property
    def title(self) -> str:
        """"Central District of California (C.D. Cal.) — cacd" — how a list shows it."""
        short = f" ({self.abbreviation})" if self.abbreviation else ""
        return f"{self.name}{short} — {self.id}"


def courts(profiles: ProfileLibrary) -> list[Court]:
    """Every district court the library knows, by name."""
    with_profile = {p.id: p for p in profiles.profiles.values() if p.kind == ProfileKind.district}
    ids = set(profiles.districts) | set(with_profile)
    out = [
        Court(cid, profiles.districts.get(cid) or with_profile[cid].name, profiles.abbreviations.get(cid, ""), cid in with_profile)
        for cid in ids
    ]
    return sorted(out, key=lambda c: (c.name.split(" of ", 1)[-1], c.name))


def _forms(court: Court) -> list[str]:
    return [_plain(f) for f in (court.id, court.name, court.abbreviation, court.title) if f]


def _plain(text: str) -> str:
    """Lower case, without "United States District Court for the", dots, commas and spaces."""
    text = _LEADING.sub("", text.strip())
    return re.sub(r"[\s.,'’()\-—]+", "", text.lower())


@dataclass(frozen=True)
class CourtMatch:
    court: Court | None  # the one court meant, or None
    suggestions: tuple[Court, ...] = ()  # the closest courts when none is clearly meant
    exact: bool = False  # typed as an id, a name or an abbreviation (else a close match)


def match_court(text: str, profiles: ProfileLibrary) -> CourtMatch:
    """The court `text` names: exactly (id, name, abbreviation, a list title), else the one clearly
    closest match; with no clear match, up to three suggestions."""
    typed = _plain(text)
    if not typed:
        return CourtMatch(None)
    known = courts(profiles)
    for court in known:
        if typed in _forms(court):
            return CourtMatch(court, exact=True)
    scored = sorted(
        ((max(difflib.SequenceMatcher(None, typed, form).ratio() for form in _forms(c)), c) for c in known),
        key=lambda sc: (-sc[0], not sc[1].has_profile, sc[1].id),
    )
    best, runner_up = scored[0], scored[1] if len(scored) > 1 else (0.0, None)
    if best[0] >= _CLOSE and best[0] - runner_up[0] >= _CLEAR_LEAD:
        return CourtMatch(best[1])
    return CourtMatch(None, tuple(c for score, c in scored[:3] if score >= 0.5))


def court_problem(text: str, profiles: ProfileLibrary) -> str:
    """The message when `text` names no court: what was typed, the nearest courts, how to write one."""
    suggestions = match_court(text, profiles).suggestions
    near = " or ".join(f"{c.abbreviation or c.name} ({c.id})" for c in suggestions)
    return f"no district court matches '{text.strip()}'" + (f"; did you mean {near}?" if near else "; type its name, its abbreviation (C.D. Cal.) or its id (cacd).")
