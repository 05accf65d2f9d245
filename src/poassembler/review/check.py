"""The pre-flight check: what courts have sent protective orders back for, tested against one draft.

Every rule is a pure function of the case (`Review`: answers, resolved profile, clause selection and
the rendered clause text) returning `Finding`s. Court facts — which clause is a court's own dispute
procedure, which citations a finding cites — come from the profile's `check:` section and its
`citations`; nothing court-specific is written here.
"""

from __future__ import annotations

import difflib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from enum import Enum
from typing import Callable, Iterable

from poassembler.library.answers import Answers, Category, CategoryKind
from poassembler.library.clauses import Placement
from poassembler.pipeline.facts import CaseFacts
from poassembler.review.harm_language import (
    ABSTRACT_WORDS,
    BOILERPLATE_WORDS,
    content_words,
    overbroad_phrases,
    own_statement_phrases,
    speculative_terms,
)
from poassembler.library.profiles import Citation, ResolvedProfile
from poassembler.pipeline.selection import Selection


class Severity(str, Enum):
    error = "error"  # a court has refused orders for this: fix before filing
    warning = "warning"  # likely to draw an objection; decide and say why
    note = "note"  # something to verify or remember


@dataclass(frozen=True)
class Finding:
    """One problem: how serious, what it concerns, what is wrong, what to do, and on whose authority."""

    rule: str
    severity: Severity
    concerns: str  # "answers: categories[1].harm" or "clause challenge_generic"
    problem: str
    action: str
    authorities: tuple[Citation, ...] = ()

    def as_dict(self) -> dict:
        return {
            "rule": self.rule,
            "severity": self.severity.value,
            "concerns": self.concerns,
            "problem": self.problem,
            "action": self.action,
            "authorities": [a.model_dump() for a in self.authorities],
        }


@dataclass(frozen=True)
class ClauseText:
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
    texts: tuple[ClauseText, ...]

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

    def finding(self, rule: str, severity: Severity, concerns: str, problem: str, action: str, authority: str | None = None) -> Finding:
        return Finding(rule, severity, concerns, problem, action, self.authorities(authority or rule))


def build_review(answers: Answers, profile: ResolvedProfile, selection: Selection) -> Review:
    """Render the included clauses' text once, for the rules that read it."""
    from poassembler.pipeline.context import render_paragraphs
    from poassembler.pipeline.scope import ClauseScope

    scope = ClauseScope.build(profile, answers)
    texts = tuple(
        ClauseText(c.id, c.spec.placement, " ".join(p.text for p in render_paragraphs(c, scope)))
        for c in selection.included()
    )
    return Review(answers, profile, selection, scope.facts, texts)


def check(answers: Answers, profile: ResolvedProfile, selection: Selection) -> list[Finding]:
    """Every finding for this draft, errors first."""
    review = build_review(answers, profile, selection)
    findings = [f for rule in RULES for f in rule(review)]
    order = list(Severity)
    return sorted(findings, key=lambda f: order.index(f.severity))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == Severity.error for f in findings)


# --- good cause ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"^\W*(n/?a|none|tbd|to be (determined|added|supplied)|see above|same( as above)?|\[.*\])\W*$", re.IGNORECASE)
_SAME_HARM = 0.85  # difflib ratio above which two categories' harms are the same statement


def _where(index: int, category: Category, field: str) -> str:
    return f"answers: categories[{index}].{field} (“{category.name}”)"


def good_cause(review: Review) -> list[Finding]:
    """No category; a category without a real harm; a harm that is boilerplate or another category's."""
    categories = review.answers.categories
    if not categories:
        return [review.finding(
            "good_cause", Severity.error, "answers: categories",
            "No category of confidential information is described, so the GOOD CAUSE STATEMENT has no case-specific content.",
            "Add each category likely to be produced, with a concrete description and the specific harm its disclosure would cause.",
        )]
    out: list[Finding] = []
    repeats = _repeated_harms(categories)
    for i, category in enumerate(categories):
        harm = category.harm
        words = content_words(harm, frozenset())
        if _PLACEHOLDER.match(harm) or len(words) < 6:
            out.append(review.finding(
                "good_cause", Severity.error, _where(i, category, "harm"),
                f"The harm for this category (“{harm}”) does not state a harm.",
                "Say what would happen, to whom, if this information became public or reached the other side.",
            ))
            continue
        if len(content_words(harm, BOILERPLATE_WORDS)) < 3:
            out.append(review.finding(
                "good_cause", Severity.error, _where(i, category, "harm"),
                f"The harm (“{harm}”) repeats boilerplate (competitive harm, prejudice, embarrassment) without facts of this case.",
                "Name the concrete consequence: who would learn what, and what they could then do.",
            ))
            continue
        j = repeats.get(i)
        if j is not None:
            out.append(review.finding(
                "good_cause", Severity.error, _where(i, category, "harm"),
                f"The harm repeats the harm given for “{categories[j].name}” (categories[{j}]): good cause is shown category by category.",
                "State the harm particular to this category, or merge the two categories if they are one.",
            ))
    return out


_CANDIDATES = 20  # earlier harms compared with each harm, at most: the check stays linear in the categories
_SHARED_WORDS = 0.5  # near repeats share at least half their words (sets); only those go to difflib
_COMPARED_CHARS = 2_000  # how much of two harms is compared (difflib is quadratic in the length)


def _repeated_harms(categories: list[Category]) -> dict[int, int]:
    """For each category whose harm repeats an earlier category's, the first such earlier category.

    Exact repeats (after normalising case and spaces) are found by a dictionary; near repeats (difflib
    ratio >= _SAME_HARM) only among the earlier harms that share this harm's rarest shared words, at most
    _CANDIDATES of them, so 100,000 categories take seconds, not days.
    """
    norms = [_norm(c.harm)[:_COMPARED_CHARS] for c in categories]
    words = [frozenset(n.split()) for n in norms]
    frequency = Counter(w for ws in words for w in ws)
    first_with: dict[str, int] = {}
    earlier_with_word: dict[str, list[int]] = defaultdict(list)
    repeats: dict[int, int] = {}
    for i, norm in enumerate(norms):
        if norm in first_with:
            repeats[i] = first_with[norm]
            continue
        first_with[norm] = i
        rarest = sorted((w for w in words[i] if w in earlier_with_word), key=lambda w: (frequency[w], w))[:3]
        candidates = sorted({j for w in rarest for j in earlier_with_word[w][:_CANDIDATES]})[:_CANDIDATES]
        for j in candidates:
            if len(words[i] & words[j]) < _SHARED_WORDS * len(words[i] | words[j]):
                continue  # too few words in common to be the same statement; difflib is the costly part
            matcher = difflib.SequenceMatcher(None, norm, norms[j])
            if matcher.real_quick_ratio() >= _SAME_HARM and matcher.quick_ratio() >= _SAME_HARM and matcher.ratio() >= _SAME_HARM:
                repeats[i] = j
                break
        for w in words[i]:
            if len(earlier_with_word[w]) < _CANDIDATES:
                earlier_with_word[w].append(i)
    return repeats


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def speculative_harm(review: Review) -> list[Finding]:
    """Harms written as possibilities ("may", "could", "potential") — HSqd, quoted in seed 002."""
    out = []
    for i, category in enumerate(review.answers.categories):
        terms = speculative_terms(category.harm)
        if terms:
            out.append(review.finding(
                "speculative_harm", Severity.warning, _where(i, category, "harm"),
                f"The harm is stated as a possibility ({', '.join(repr(t) for t in terms)}), not as a fact.",
                "Rewrite it as what disclosure would do (“would let competitors undercut …”), supported by facts.",
            ))
    return out


def own_statements(review: Review) -> list[Finding]:
    """A harm resting only on what a party has itself said in the case or in public (seed 003)."""
    out = []
    for i, category in enumerate(review.answers.categories):
        phrases = own_statement_phrases(category.harm)
        if phrases:
            out.append(review.finding(
                "own_statements", Severity.warning, _where(i, category, "harm"),
                f"The harm relies on statements already made ({', '.join(repr(p) for p in phrases)}); what a party has said "
                "itself in the litigation or in public does not show a need for confidentiality.",
                "Base the harm on the confidential records themselves, not on a party's own public statements.",
            ))
    return out


# --- overbreadth --------------------------------------------------------------------------------


def overbreadth(review: Review) -> list[Finding]:
    """Sweeping categories ("all documents", "any information") or ones not described concretely."""
    out = []
    for i, category in enumerate(review.answers.categories):
        phrases = overbroad_phrases(f"{category.name}. {category.description}")
        if phrases:
            out.append(review.finding(
                "overbreadth", Severity.error, _where(i, category, "description"),
                f"The category sweeps in everything ({', '.join(repr(p) for p in phrases)}): an order must be narrowly tailored, "
                "and designating whole productions is what courts refuse.",
                "Describe the specific kind of document or information (e.g. customer lists, blueprints, payroll records).",
            ))
        elif len(content_words(f"{category.name} {category.description}", ABSTRACT_WORDS)) < 3:
            out.append(review.finding(
                "overbreadth", Severity.warning, _where(i, category, "description"),
                f"“{category.name}: {category.description}” names a kind of information in the abstract.",
                "Describe the category concretely: which records, of whom, for what period.",
            ))
    return out


# --- sealing ------------------------------------------------------------------------------------

_SENTENCE = re.compile(r"[^.;]+[.;]?")
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
# The parties' stipulation speaks for the parties; the court's own order paragraphs may bind the court.
_STIPULATED = (Placement.preamble, Placement.body, Placement.attestation, Placement.exhibit)


def _matches(patterns: list[re.Pattern], text: str) -> list[str]:
    """Sentences of `text` that a pattern matches without a negation before it or a qualifier after it."""
    hits = []
    for sentence in _SENTENCE.findall(text):
        for pattern in patterns:
            match = pattern.search(sentence)
            if not match:
                continue
            if _NEGATION.search(sentence[: match.end()]) or _QUALIFIED.match(sentence[match.end():]):
                continue
            hits.append(" ".join(sentence.split()))
            break
    return hits


def _sealing_sources(review: Review) -> list[tuple[str, str]]:
    """Clause text (without the answers' own words, reported once below) and the answers' free text."""
    texts = []
    for t in review.texts:
        if t.placement in _STIPULATED:
            texts.append((f"clause {t.clause_id}", _without_answers(t.text, review.answers.categories)))
    for i, category in enumerate(review.answers.categories):
        texts.append((f"answers: categories[{i}] (“{category.name}”)", f"{category.description} {category.harm}"))
    return texts


def _without_answers(text: str, categories: list[Category]) -> str:
    """`text` without each category's description and harm, found in the order the clause shows them
    (one pass over the text, however many categories: a replace per category would be quadratic)."""
    pieces, last = [], 0
    for category in categories:
        for answer in (category.description, category.harm):
            at = text.find(answer, last)
            if at >= 0 and answer:
                pieces += [text[last:at], " "]
                last = at + len(answer)
    return "".join(pieces) + text[last:] if pieces else text


def sealing(review: Review) -> list[Finding]:
    """Agreements to file Protected Material under seal as a class, and terms that bind the court."""
    out = []
    for concerns, text in _sealing_sources(review):
        for sentence in _matches(_BLANKET_SEALING, text):
            out.append(review.finding(
                "blanket_sealing", Severity.error, concerns,
                f"Agrees to file or keep Protected Material under seal as a class: “{_clip(sentence)}”. Parties may not agree "
                "to file confidential documents under seal without the court's approval, and courts do not enter blanket sealing "
                "(impoundment) orders.",
                "Replace it with a term that a party seeking to file under seal applies to the court under its sealing rule, "
                "with a particularized showing for each document.",
            ))
        for sentence in _matches(_BINDS_COURT, text):
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
    """Ninth Circuit: the order's good cause will not seal material filed with dispositive motions."""
    if review.profile.circuit != 9:
        return []
    return [review.finding(
        "dispositive_sealing", Severity.note, "filing under seal",
        "In the Ninth Circuit a protective order's good cause does not carry over to sealing: material attached to a "
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
        why = _decision_reason(review.selection, own)
        out.append(review.finding(
            "dispute_procedure", Severity.error, f"clause {own}",
            f"The draft leaves out {own}, the court's own procedure for challenges and disputes ({rule_cites}){why}.",
            f"Include {own} (set it `required` in the profile) and remove any other dispute procedure.",
        ))
    for clause_id in review.profile.check.dispute_clauses:
        if clause_id != own and review.included(clause_id):
            out.append(review.finding(
                "dispute_procedure", Severity.error, f"clause {clause_id}",
                f"{clause_id} sets a dispute procedure of its own, which departs from {rule_cites}; judges in this court "
                "refuse procedures the parties invent.",
                f"Exclude {clause_id} and use {own}, which follows the local rule.",
            ))
    return out


def _decision_reason(selection: Selection, clause_id: str) -> str:
    decision = next((d for d in selection.decisions if d.clause.id == clause_id), None)
    return f": {decision.reason}" if decision else ": the clause library has no such clause"


# --- health, non-parties, government ------------------------------------------------------------

_HEALTH = {CategoryKind.health, CategoryKind.mental_health}
_NECESSITY = re.compile(r"necessar|at issue|relevant|claim|alleg|defen[cs]e|subpoena|needed|put .* in issue", re.IGNORECASE)
_LIMIT = re.compile(r"limited to|\bonly\b|through|between|\bfrom\b.*\bto\b|\b(19|20)\d{2}\b|period|dated|for the (injur|condition|treatment|incident)", re.IGNORECASE)


def health(review: Review) -> list[Finding]:
    """Health records need the HIPAA clause and a statement that disclosure is necessary and limited (seed 003)."""
    out = []
    hipaa = review.profile.check.clause("hipaa")
    if review.facts.has_health_records and not review.included(hipaa):
        out.append(review.finding(
            "health", Severity.error, f"clause {hipaa or 'hipaa'}",
            "Health information will be produced but the draft has no HIPAA qualified-protective-order clause "
            f"({hipaa or 'none named in the profile'}{_decision_reason(review.selection, hipaa) if hipaa else ''}).",
            "Include the HIPAA clause: use limited to this litigation, return or destruction at its end.",
        ))
    for i, category in enumerate(review.answers.categories):
        if category.kind not in _HEALTH:
            continue
        text = f"{category.description} {category.harm}"
        missing = [w for w, rx in (("why disclosure is necessary", _NECESSITY), ("how it is limited", _LIMIT)) if not rx.search(text)]
        if missing:
            severity = Severity.error if category.kind == CategoryKind.mental_health else Severity.warning
            out.append(review.finding(
                "health", severity, _where(i, category, "description"),
                f"The category does not say {' or '.join(missing)}; a court will not order wholesale disclosure of a person's "
                "health records.",
                "Say which claim or defense puts the records at issue and limit them (provider, period, subject, the subpoena).",
            ))
    return out


def nonparty_notice(review: Review) -> list[Finding]:
    """A non-party producer is told before its information is produced."""
    clause = review.profile.check.clause("nonparty_notice")
    if not review.facts.has_nonparty or review.included(clause):
        return []
    return [review.finding(
        "nonparty_notice", Severity.error, f"clause {clause or 'nonparty_notice'}",
        f"{review.facts.nonparty_names} will produce information, but the draft has no clause giving a non-party notice "
        f"and a chance to seek protection{_decision_reason(review.selection, clause) if clause else ''}.",
        "Include the non-party material clause.",
    )]


def gov_sharing(review: Review) -> list[Finding]:
    """A government party: the parties decide whether and how it may share designated material (seed 002)."""
    if not review.facts.has_government_party or review.answers.government_sharing is not None:
        return []
    return [review.finding(
        "gov_sharing", Severity.warning, "answers: government_sharing",
        f"{review.facts.government_party_names} is a government party, and the answers make no decision on whether it may "
        "use or share designated material outside this case.",
        "Set government_sharing.burden (requesting_party, government, or omit) and, if needed, application_business_days.",
    )]


def privacy_act(review: Review) -> list[Finding]:
    """A federal agency's records about individuals are released under a Privacy Act court order."""
    if not review.facts.has_federal_party:
        return []
    clause = review.profile.check.clause("privacy_act")
    if not review.answers.options.privacy_act_order:
        return [review.finding(
            "privacy_act", Severity.warning, "answers: options.privacy_act_order",
            "A federal agency is a party, and the Privacy Act order is not chosen: an agency may disclose records about "
            "individuals only with their consent or under the order of a court.",
            "Set options.privacy_act_order: true if the agency will produce records about individuals; otherwise note why not.",
        )]
    if clause and not review.included(clause):
        return [review.finding(
            "privacy_act", Severity.error, f"clause {clause}",
            f"The Privacy Act order is chosen but the clause is not in the draft{_decision_reason(review.selection, clause)}.",
            f"Set {clause} to optional or required in the profile.",
        )]
    return []


# --- verify before filing -----------------------------------------------------------------------


def unverified(review: Review) -> list[Finding]:
    """Every citation or period the profile (or an included clause) marks unverified."""
    out = []
    seen: set[str] = set()
    for kind, name, entry in review.profile.unverified():
        if isinstance(entry, Citation):
            seen.add(entry.cite)
            what, authorities = f"{entry.cite} — {entry.title}" if entry.title else entry.cite, (entry,)
        else:
            what, authorities = f"{entry.value} {entry.unit} (source: {entry.source})", ()
        out.append(Finding(
            "unverified", Severity.note, f"profile {kind} {name}",
            f"Not verified: {what}." + (f" {entry.note}" if entry.note else ""),
            "Verify before filing: read the current rule or decision and correct the profile.",
            authorities,
        ))
    for clause in review.selection.included():
        for authority in clause.spec.authority:
            if not authority.verified and authority.cite not in seen:
                seen.add(authority.cite)
                out.append(Finding(
                    "unverified", Severity.note, f"clause {clause.id}",
                    f"The clause relies on an unverified authority: {authority.cite}." + (f" {authority.note}" if authority.note else ""),
                    "Verify before filing.",
                    (authority,),
                ))
    return out


RULES: tuple[Callable[[Review], list[Finding]], ...] = (
    good_cause,
    speculative_harm,
    own_statements,
    overbreadth,
    sealing,
    dispute_procedure,
    health,
    nonparty_notice,
    gov_sharing,
    privacy_act,
    dispositive_sealing,
    unverified,
)
