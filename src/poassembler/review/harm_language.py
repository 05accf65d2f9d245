"""Spotting good-cause language courts reject: speculative or conclusory statements of harm.

HSqd, LLC v. Morinville (D. Conn. 2013), quoted in Janfeshan v. U.S. Customs & Border Prot., No. 16-CV-6915 (E.D.N.Y. 2018): a showing "rife with speculative
language (i.e., 'may', 'potential', 'could')" is not the particular and specific demonstration of
fact Rule 26(c) requires.
"""

from __future__ import annotations

import re

SPECULATIVE_TERMS = ("may", "might", "could", "potential", "potentially", "possibly", "possible", "perhaps")

_WORD = re.compile(r"[A-Za-z]+")


# "potential customers" names people (prospective customers), it does not hedge a harm: an adjective
# before one of these nouns is not speculative.
_NAMED_PEOPLE = frozenset(
    """customer customers client clients buyer buyers purchaser purchasers investor investors acquirer acquirers
    bidder bidders licensee licensees partner partners employer employers employee employees hire hires candidate
    candidates competitor competitors entrant entrants supplier suppliers vendor vendors donor donors member members
    user users subscriber subscribers patient patients tenant tenants recruit recruits witness witnesses juror jurors
    claimant claimants plaintiff plaintiffs defendant defendants lender lenders borrower borrowers""".split()
)
_ADJECTIVES = frozenset({"potential", "possible"})
_MONTH_DAY = re.compile(r"^\s*(\d{1,2}(st|nd|rd|th)?\b|\d{4}\b)")


def speculative_terms(text: str) -> list[str]:
    """The speculative words in `text`, in order of first use, lower-cased ("may", "could", …).

    Not counted: "potential" or "possible" naming people ("potential customers"), and "May" the month
    ("May 2024", "May 3").
    """
    found: list[str] = []
    words = list(_WORD.finditer(text))
    for position, match in enumerate(words):
        lower = match.group().lower()
        if lower not in SPECULATIVE_TERMS or lower in found:
            continue
        following = words[position + 1].group().lower() if position + 1 < len(words) else ""
        if lower in _ADJECTIVES and following in _NAMED_PEOPLE:
            continue
        if match.group() == "May" and _MONTH_DAY.match(text[match.end():]):
            continue
        found.append(lower)
    return found


# Words that restate Rule 26(c) or a form order instead of saying what would happen in this case.
BOILERPLATE_WORDS = frozenset(
    """a an and or the of to in on for with by as is are be been would will cause harm harms harmful
    injury injure prejudice prejudicial damage damages competitive competitively commercial commercially
    business businesses sensitive confidential confidentiality proprietary private privacy information
    material materials disclosure disclose disclosed disclosing public publicly party parties producing
    designating irreparable serious substantial significant embarrassment annoyance oppression undue burden
    expense interests interest its their his her such this that it other disadvantage position""".split()
)

# Phrases showing the "harm" only repeats what a party has already said in public (Bosley v. Valasco, No. 1:14-cv-00049-MJS (PC) (E.D. Cal. 2016)).
OWN_STATEMENT_PATTERNS = (
    r"\b(plaintiff|defendant|petitioner|respondent)s?\s+(has\s+|have\s+)?(stated|said|testified|claimed|admitted|told)\b",
    r"\bas\s+alleged\s+in\s+the\s+(complaint|answer|pleadings?)\b",
    r"\b(has|have|had)\s+(already\s+)?publicly\s+(stated|said|disclosed|discussed|described|admitted)\b",
    r"\bpress\s+release\b",
    r"\b(in|during)\s+(his|her|their|its)\s+(deposition|testimony|letters?)\b",
    r"\bown\s+(public\s+)?statements?\b",
)

# Phrases that sweep in everything instead of a described category (King v. CitiMortgage, C.D. Cal., as quoted in Walker v. City of Los Angeles (C.D. Cal. 2019); the C.D. Cal. Segal order — sources in jurisdictions/federal.yaml).
OVERBROAD_PATTERNS = (
    r"\ball\s+(documents|information|materials?|records|data|discovery)\b",
    r"\bany\s+(documents?|information|materials?|records|data)\b",
    r"\b(every|each)\s+(document|production|page)\b",
    r"\b(entire|whole)\s+(production|file|record)s?\b",
    r"\beverything\s+produced\b",
    r"\ball\s+(productions|produced\s+\w+)\b",
)

# Words that name a kind of information without saying what it is ("confidential business information").
ABSTRACT_WORDS = BOILERPLATE_WORDS | frozenset(
    """trade secret secrets financial personal personnel technical know how data documents records other
    certain various including without limitation any all related relating regarding concerning""".split()
)

_OWN = [re.compile(p, re.IGNORECASE) for p in OWN_STATEMENT_PATTERNS]
_OVERBROAD = [re.compile(p, re.IGNORECASE) for p in OVERBROAD_PATTERNS]


def content_words(text: str, ignore: frozenset[str]) -> list[str]:
    """The words of `text` that are not in `ignore` (lower-cased, in order)."""
    return [w.lower() for w in _WORD.findall(text) if w.lower() not in ignore]


# The stated harm comes from a prisoner holding the material (E.D. Cal., Bosley): a self-represented
# prisoner may then only view it under supervision.
_CUSTODY_HOLDING = re.compile(
    r"\b(in\s+the\s+hands\s+of|held\s+by|possess(ed|ion)\s+(by|of)|kept\s+by|access\s+by)\s+(an?\s+|other\s+)?"
    r"(inmates?|prisoners?|detainees?)\b|\b(inmates?|prisoners?|detainees?)\s+(who\s+)?(hold|holding|possess|possessing|keep|keeping)\b",
    re.IGNORECASE,
)


def custody_holding_phrase(text: str) -> str | None:
    """The phrase in a harm saying the harm comes from a prisoner holding the material, if any."""
    match = _CUSTODY_HOLDING.search(text)
    return match.group(0) if match else None


def own_statement_phrases(text: str) -> list[str]:
    """Phrases in `text` suggesting it repeats a party's own public statements."""
    return [m.group(0) for pattern in _OWN for m in [pattern.search(text)] if m]


def overbroad_phrases(text: str) -> list[str]:
    """Sweeping phrases in `text` ("all documents", "any information", "every production")."""
    return [m.group(0) for pattern in _OVERBROAD for m in [pattern.search(text)] if m]
