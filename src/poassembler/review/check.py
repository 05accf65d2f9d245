"""The pre-flight check: what courts have sent protective orders back for, tested against one draft.

Every rule is a pure function of the case (`Review`: answers, resolved profile, clause selection and
the rendered clause text; review/findings.py) returning `Finding`s. Court facts — which clause is a court's own dispute
procedure, which citations a finding cites — come from the profile's `check:` section and its
`citations`; nothing court-specific is written here.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable

from poassembler.library.answers import Answers, Category, CategoryKind
from poassembler.library.clauses import Placement
from poassembler.pipeline.scope import ClauseScope
from poassembler.review.check_model import model_sections
from poassembler.review.same_statement import SameStatements
from poassembler.review.sentence_match import matching_sentences
from poassembler.review.harm_language import (
    ABSTRACT_WORDS,
    BOILERPLATE_WORDS,
    content_words,
    overbroad_phrases,
    own_statement_phrases,
    custody_holding_phrase,
    speculative_terms,
)
from poassembler.library.profiles import Citation, ResolvedProfile
from poassembler.pipeline.selection import Selection
from poassembler.review.findings import Concern, Finding, RenderedClause, Review, Severity, about_answer, about_clause

__all__ = ["Finding", "Severity", "check", "has_errors"]


def build_review(answers: Answers, profile: ResolvedProfile, selection: Selection, scope: ClauseScope | None = None) -> Review:
    """The included clauses' text, for the rules that read it (`scope`: the draft's, whose text is already rendered)."""
    from poassembler.pipeline.context import render_paragraphs

    scope = scope or ClauseScope.build(profile, answers)
    texts = tuple(
        RenderedClause(c.id, c.spec.placement, " ".join(p.text for p in render_paragraphs(c, scope)))
        for c in selection.included()
    )
    return Review(answers, profile, selection, scope.facts, texts)


def check(answers: Answers, profile: ResolvedProfile, selection: Selection, scope: ClauseScope | None = None) -> list[Finding]:
    """Every finding for this draft, errors first (`scope`: the planned draft's, to reuse its clause text)."""
    matching_sentences.cache_clear()  # remembered within one check only: each draft's check does all its own work
    review = build_review(answers, profile, selection, scope)
    findings = [f for rule in RULES for f in rule(review)]
    order = list(Severity)
    return sorted(findings, key=lambda f: order.index(f.severity))


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(f.severity == Severity.error for f in findings)


# --- good cause ---------------------------------------------------------------------------------

_PLACEHOLDER = re.compile(r"^\W*(n/?a|none|tbd|to be (determined|added|supplied)|see above|same( as above)?|\[.*\])\W*$", re.IGNORECASE)
_SAME_HARM = 0.8  # share of words (weighted Jaccard of the word bags) from which two harms are the same statement


def _where(index: int, category: Category, field: str) -> Concern:
    return about_answer(f"categories[{index}].{field}", category.name)


def good_cause(review: Review) -> list[Finding]:
    """No category; a category without a real harm; a harm that is boilerplate or another category's."""
    categories = review.answers.categories
    if not categories:
        return [review.finding(
            "good_cause", Severity.error, about_answer("categories"),
            "No category of confidential information is described, so the GOOD CAUSE STATEMENT has no case-specific content.",
            "Add each category likely to be produced, with a concrete description and the specific harm its disclosure would cause.",
        )]
    out: list[Finding] = []
    same_harms = SameStatements([c.harm for c in categories], _SAME_HARM)
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
        j = same_harms.first_match(i)
        if j is not None:
            out.append(review.finding(
                "good_cause", Severity.error, _where(i, category, "harm"),
                f"The harm repeats the harm given for “{categories[j].name}” (categories[{j}]): good cause is shown category by category.",
                "State the harm particular to this category, or merge the two categories if they are one.",
            ))
    return out


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
            "health", Severity.error, about_clause(hipaa or "hipaa"),
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


def custody_access(review: Review) -> list[Finding]:
    """A category whose harm is a prisoner holding it must not reach a self-represented prisoner's hands."""
    if not review.facts.has_incarcerated_self_represented_party:
        return []
    out = []
    for i, category in enumerate(review.answers.categories):
        phrase = custody_holding_phrase(category.harm)
        if phrase and not category.no_possession_in_custody:
            out.append(review.finding(
                "custody_access", Severity.error, _where(i, category, "no_possession_in_custody"),
                f"The stated harm is a prisoner holding this material ({phrase!r}), yet the order lets "
                f"{review.facts.incarcerated_self_represented_names}, a self-represented party in custody, receive and keep it.",
                "Set no_possession_in_custody: true on the category: he or she may then only review it under supervision.",
            ))
    return out


def tier_justified(review: Review) -> list[Finding]:
    """Each tier above CONFIDENTIAL is justified by the categories that need it (C.D. Cal.: good cause per tier)."""
    if not review.facts.uses_aeo or review.facts.aeo_category_count or not review.answers.categories:
        return []
    return [review.finding(
        "tier_justified", Severity.warning, "answers: categories[].tier",
        "The draft uses the attorneys'-eyes-only tier, but no category says it needs that tier, so the good cause "
        "statement cannot justify it (the draft prints a DRAFTER placeholder there).",
        "Set `tier: highly_confidential_aeo` on each category whose harm comes from disclosure to the opposing party "
        "itself, or drop the tier.",
        authority="good_cause",
    )]


def judge_named(review: Review) -> list[Finding]:
    """The order's signature line names the judge whenever the answers or the profile can tell who it is."""
    from poassembler.pipeline.context import signing_judge

    if signing_judge(review.profile, review.answers) is not None:
        return []
    return [review.finding(
        "judge_named", Severity.warning, "answers: judge_name",
        "The order's signature line names no judge: neither the answers, a judge profile, nor the case number's "
        "initials identify who will sign it.",
        "Give judge_name and judge_title (or the judge's initials in the case number, with the judge in the "
        "profile's `judges:` list).",
    )]


def nonparty_notice(review: Review) -> list[Finding]:
    """A non-party producer is told before its information is produced."""
    clause = review.profile.check.clause("nonparty_notice")
    if not review.facts.has_nonparty or review.included(clause):
        return []
    return [review.finding(
        "nonparty_notice", Severity.error, about_clause(clause or "nonparty_notice"),
        f"{review.facts.nonparty_names} will produce information, but the draft has no clause giving a non-party notice "
        f"and a chance to seek protection{_decision_reason(review.selection, clause) if clause else ''}.",
        "Include the non-party material clause.",
    )]


def gov_sharing(review: Review) -> list[Finding]:
    """A government party: the parties decide whether and how it may share designated material (seed 002)."""
    if not review.facts.has_government_party or review.answers.government_sharing is not None:
        return []
    return [review.finding(
        "gov_sharing", Severity.warning, about_answer("government_sharing"),
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
            "privacy_act", Severity.warning, about_answer("options.privacy_act_order"),
            "A federal agency is a party, and the Privacy Act order is not chosen: an agency may disclose records about "
            "individuals only with their consent or under the order of a court.",
            "Set options.privacy_act_order: true if the agency will produce records about individuals; otherwise note why not.",
        )]
    if clause and not review.included(clause):
        return [review.finding(
            "privacy_act", Severity.error, about_clause(clause),
            f"The Privacy Act order is chosen but the clause is not in the draft{_decision_reason(review.selection, clause)}.",
            f"Set {clause} to optional or required in the profile.",
        )]
    return []


# --- verify before filing -----------------------------------------------------------------------


def unverified(review: Review) -> list[Finding]:
    """Every citation or period the profile (or an included clause) marks unverified."""
    out = []
    seen: set[str] = set()
    for kind, name, entry in review.profile.unverified(set(review.selection.included_ids())):
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
                    clause=clause.id,
                ))
    return out


RULES: tuple[Callable[[Review], list[Finding]], ...] = (
    good_cause,
    speculative_harm,
    own_statements,
    custody_access,
    judge_named,
    tier_justified,
    overbreadth,
    sealing,
    dispute_procedure,
    health,
    nonparty_notice,
    gov_sharing,
    privacy_act,
    dispositive_sealing,
    model_sections,
    unverified,
)
