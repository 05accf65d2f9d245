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
from poassembler.review.rules_before_filing import magistrate_referral, placeholder_contacts
from poassembler.review.rules_filing import conferral_stated, decision_reason, dispositive_sealing, dispute_procedure, sealing

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
    """Harms written as possibilities ("may", "could", "potential") — HSqd, quoted in Janfeshan v. U.S. Customs & Border Prot., No. 16-CV-6915 (E.D.N.Y. 2018)."""
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
    """A harm resting only on what a party has itself said in the case or in public (Bosley v. Valasco, No. 1:14-cv-00049-MJS (PC) (E.D. Cal. 2016))."""
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


# --- health, non-parties, government ------------------------------------------------------------

_HEALTH = {CategoryKind.health, CategoryKind.mental_health}
_NECESSITY = re.compile(r"necessar|at issue|relevant|claim|alleg|defen[cs]e|subpoena|needed|put .* in issue", re.IGNORECASE)
_LIMIT = re.compile(r"limited to|\bonly\b|through|between|\bfrom\b.*\bto\b|\b(19|20)\d{2}\b|period|dated|for the (injur|condition|treatment|incident)", re.IGNORECASE)


def health(review: Review) -> list[Finding]:
    """Health records need the HIPAA clause and a statement that disclosure is necessary and limited (Bosley v. Valasco, No. 1:14-cv-00049-MJS (PC) (E.D. Cal. 2016))."""
    out = []
    hipaa = review.profile.check.clause("hipaa")
    if review.facts.has_health_records and not review.included(hipaa):
        out.append(review.finding(
            "health", Severity.error, about_clause(hipaa or "hipaa"),
            "Health information will be produced but the draft has no HIPAA qualified-protective-order clause "
            f"({hipaa or 'none named in the profile'}{decision_reason(review.selection, hipaa) if hipaa else ''}).",
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
    """The order's signature line says who signs whenever the answers or the profile can tell; otherwise the
    draft prints `JUDGE_PLACEHOLDER`, an error here and (same rule id) in the document check, shown once."""
    from poassembler.pipeline.context import JUDGE_PLACEHOLDER, signing_judge

    if not review.profile.format.judge_signature_block or signing_judge(review.profile, review.answers) is not None:
        return []
    return [review.finding(
        "judge_named", Severity.error, "answers: judge_name",
        f"The order's signature block reads “{JUDGE_PLACEHOLDER}”: neither the answers, a judge profile, nor the "
        "case number's initials tell who will sign it.",
        "Give judge_name and judge_title, or judge_title alone for a blank line over the title (or the judge's "
        "initials in the case number, with the judge in the profile's `judges:` list).",
    )]


def nonparty_notice(review: Review) -> list[Finding]:
    """A non-party producer is told before its information is produced."""
    clause = review.profile.check.clause("nonparty_notice")
    if not review.facts.has_nonparty or review.included(clause):
        return []
    return [review.finding(
        "nonparty_notice", Severity.error, about_clause(clause or "nonparty_notice"),
        f"{review.facts.nonparty_names} will produce information, but the draft has no clause giving a non-party notice "
        f"and a chance to seek protection{decision_reason(review.selection, clause) if clause else ''}.",
        "Include the non-party material clause.",
    )]


def gov_sharing(review: Review) -> list[Finding]:
    """A government party: the parties decide whether and how it may share designated material (Janfeshan, E.D.N.Y. 2018, ¶ 14)."""
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
            f"The Privacy Act order is chosen but the clause is not in the draft{decision_reason(review.selection, clause)}.",
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
    magistrate_referral,
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
    conferral_stated,
    placeholder_contacts,
    unverified,
)
