"""Check rules about filing and procedure: blanket sealing, terms that bind the court, the sealing
standard for merits material, and the court's own discovery-dispute procedure.

Pure functions of a `Review` (review/findings.py) returning `Finding`s, like every rule in review/check.py;
court facts come from the profile's `check:` section and citations. The sentence patterns here are shared
with the .docx check (review/document/rules_court.py).
"""

from __future__ import annotations

import re

from poassembler.library.clauses import Placement
from poassembler.pipeline.selection import Selection
from poassembler.review.findings import Concern, Finding, Review, Severity, about_answer, about_clause
from poassembler.review.sentence_match import matching_sentences

# --- sealing ------------------------------------------------------------------------------------

_NEGATION = re.compile(r"\b(not|no|never|nothing|neither|nor)\b|n't\b", re.IGNORECASE)
_QUALIFIED = re.compile(r"^[\s,]*(only|if|upon|after|with\s+(leave|the\s+Court'?s?\s+(approval|permission|leave)))\b", re.IGNORECASE)
_BLANKET_SEALING = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(all|any|every)\b[^.;]{0,150}?\b(shall|will|must)\s+(be\s+|automatically\s+be\s+)?(filed|lodged|maintained|kept|submitted)\s+(\w+\s+){0,3}?under\s+seal\b",
    r"\b(all|any|every)\b[^.;]{0,150}?\b(shall|will|must)\s+(be\s+|automatically\s+be\s+)?(impounded|sealed)\b",
    r"\bagree\w*\s+(to|that\s+they\s+(shall|will))\s+(file|lodge)\s+(all|any|every)\b[^.;]{0,100}?under\s+seal\b",
    r"\bautomatically\s+(be\s+)?(filed\s+under\s+seal|sealed|impounded)\b",
)]
_BINDS_COURT = [re.compile(p, re.IGNORECASE) for p in (
    r"\b(the\s+)?(Court|Clerk|court\s+personnel|court\s+staff|Court'?s\s+staff|judicial\s+officers?)\s+(shall|must|agrees?\s+to|is\s+bound|are\s+bound)\b",
    r"\bbind(s|ing)?\b[^.;]{0,40}?\b(the\s+Court|the\s+Clerk|court\s+personnel|court\s+staff|Court'?s\s+staff)\b",
    r"\bbinding\s+(up)?on\s+(the\s+)?(Court|Clerk)\b",
)]
# Words each pattern above cannot match without (any one of each group, case-folded): a text lacking them is
# not scanned by that pattern, which spares most clause text the regular expressions.
_BLANKET_WORDS = ((("seal",),), (("impound", "seal"),), (("seal",),), (("automatically",), ("seal", "impound")))
_BINDS_WORDS = ((("court", "clerk", "judicial"), ("shall", "must", "agree", "bound")), (("bind",), ("court", "clerk")), (("binding",), ("court", "clerk")))
# The parties' stipulation speaks for the parties; the court's own order paragraphs may bind the court.
_STIPULATED = (Placement.preamble, Placement.body, Placement.attestation, Placement.exhibit)


def _matches(patterns: list[re.Pattern], words: tuple, text: str) -> list[str]:
    """Sentences of `text` that a pattern matches without a negation before it or a qualifier after it."""
    return list(matching_sentences(tuple(patterns), words, text, _excused))


def _excused(sentence: str, match: re.Match) -> bool:
    return bool(_NEGATION.search(sentence[: match.end()]) or _QUALIFIED.match(sentence[match.end():]))


def _sealing_sources(review: Review) -> list[tuple[Concern, str]]:
    """Clause text (without the answers' own words, reported once below) and the answers' free text."""
    texts = [(about_clause(t.clause_id), _without_answers(t.text, review)) for t in review.texts if t.placement in _STIPULATED]
    for i, category in enumerate(review.answers.categories):
        texts.append((about_answer(f"categories[{i}]", category.name), f"{category.description} {category.harm}"))
    return texts


def _without_answers(text: str, review: Review) -> str:
    """The clause text with the categories' descriptions and harms taken out. Only a text with a hit is
    rewritten (and looked at again): the others would be scanned once per category for nothing."""
    if not _matches(_BLANKET_SEALING, _BLANKET_WORDS, text) and not _matches(_BINDS_COURT, _BINDS_WORDS, text):
        return text
    for category in review.answers.categories:
        text = text.replace(category.description, " ").replace(category.harm, " ")
    return text


def sealing(review: Review) -> list[Finding]:
    """Agreements to file Protected Material under seal as a class, and terms that bind the court."""
    out = []
    for concerns, text in _sealing_sources(review):
        for sentence in _matches(_BLANKET_SEALING, _BLANKET_WORDS, text):
            out.append(review.finding(
                "blanket_sealing", Severity.error, concerns,
                f"Agrees to file or keep Protected Material under seal as a class: “{_clip(sentence)}”. Parties may not agree "
                "to file confidential documents under seal without the court's approval, and courts do not enter blanket sealing "
                "(impoundment) orders.",
                "Replace it with a term that a party seeking to file under seal applies to the court under its sealing rule, "
                "with a particularized showing for each document.",
            ))
        for sentence in _matches(_BINDS_COURT, _BINDS_WORDS, text):
            out.append(review.finding(
                "binds_court", Severity.error, concerns,
                f"Binds the court or its staff: “{_clip(sentence)}”. A stipulation binds the parties; the court keeps its power "
                "over its own records.",
                "Rewrite it to bind the parties only, and leave what the court does to the court.",
            ))
    return out


def _clip(text: str, limit: int = 160) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def dispositive_sealing(review: Review) -> list[Finding]:
    """Where the profile says so (`check.authorities.dispositive_sealing`: the Ninth Circuit courts), a note that
    the order's good cause will not seal material filed with dispositive motions."""
    if not review.authorities("dispositive_sealing"):
        return []
    return [review.finding(
        "dispositive_sealing", Severity.note, "filing under seal",
        "In this circuit a protective order's good cause does not carry over to sealing: material attached to a "
        "dispositive motion (or more than tangentially related to the merits) is sealed only for compelling reasons "
        "supported by specific facts.",
        "Plan the sealing applications: for merits filings, prepare compelling-reasons declarations document by document.",
    )]


# --- dispute procedure --------------------------------------------------------------------------


def dispute_procedure(review: Review) -> list[Finding]:
    """A court with its own discovery-dispute rule gets that clause, and no invented procedure."""
    own = review.profile.check.clause("dispute")
    if own is None:
        return []
    out = []
    rule_cites = "; ".join(a.cite for a in review.authorities("dispute_procedure")) or "the court's local rule"
    if not review.included(own):
        why = decision_reason(review.selection, own)
        out.append(review.finding(
            "dispute_procedure", Severity.error, about_clause(own),
            f"The draft leaves out {own}, the court's own procedure for challenges and disputes ({rule_cites}){why}.",
            f"Include {own} (set it `required` in the profile) and remove any other dispute procedure.",
        ))
    for clause_id in review.profile.check.dispute_clauses:
        if clause_id != own and review.included(clause_id):
            out.append(review.finding(
                "dispute_procedure", Severity.error, about_clause(clause_id),
                f"{clause_id} sets a dispute procedure of its own, which departs from {rule_cites}; judges in this court "
                "refuse procedures the parties invent.",
                f"Exclude {clause_id} and use {own}, which follows the local rule.",
            ))
    return out


def decision_reason(selection: Selection, clause_id: str) -> str:
    decision = next((d for d in selection.decisions if d.clause.id == clause_id), None)
    return f": {decision.reason}" if decision else ": the clause library has no such clause"




# --- the motion's conferral statement -------------------------------------------------------------


def conferral_stated(review: Review) -> list[Finding]:
    """Where the court's rule wants the motion for entry to say when and how counsel conferred (profile
    `submission.conferral_required`, e.g. N.D. Ill. LR 37.2), the answers must give it: the order itself is
    unaffected, but `render --package` refuses to write a motion with the statement missing."""
    submission = review.profile.submission
    if submission is None or not submission.conferral_required or review.answers.conferral is not None:
        return []
    return [review.finding(
        "conferral_stated", Severity.warning, about_answer("conferral"),
        f"The {review.profile.name} wants the motion for entry to state when and how counsel conferred, and who took "
        "part; the answers do not say, so the filing package cannot be written.",
        "Add `conferral:` with date, manner (in_person, telephone or video) and participants.",
    )]
