"""Check rules about answers a drafter must confirm before filing: contact details that are placeholders, and
whether the magistrate judge whose initials the case number carries has the case (who signs the order).

Warnings, not errors: the samples keep placeholder contacts on purpose, and a case may be referred later.
"""

from __future__ import annotations

import re

from poassembler.review.findings import Finding, Review, Severity, about_answer

# Domains reserved for examples (RFC 2606: example.com/.net/.org; RFC 6761 adds subdomains) cannot receive mail,
# and 555-0100 to 555-0199 are the North American numbers reserved for fiction: neither reaches counsel.
_EXAMPLE_EMAIL = re.compile(r"@(?:[\w-]+\.)*example\.(?:com|org|net)\s*$", re.IGNORECASE)
_FICTIONAL_PHONE = re.compile(r"\b555[\s.\-)]*01\d\d\b")


def placeholder_contacts(review: Review) -> list[Finding]:
    """Counsel's (or a self-represented party's) e-mail at example.com/.org/.net or telephone 555-01xx: Fed. R.
    Civ. P. 11(a) asks every signed paper for the signer's real e-mail address and telephone number."""
    out, seen = [], set()
    for i, party in enumerate(review.answers.parties):
        people = [(f"parties[{i}].counsel[{j}]", c.name, c.email, c.phone) for j, c in enumerate(party.counsel)]
        if party.self_represented:
            people.append((f"parties[{i}]", party.name, party.email or "", party.phone or ""))
        for path, name, email, phone in people:
            if (name, email, phone) in seen:  # one lawyer for several parties: told once
                continue
            seen.add((name, email, phone))
            bad = ([f"e-mail {email}"] if _EXAMPLE_EMAIL.search(email) else []) + \
                  ([f"telephone {phone}"] if _FICTIONAL_PHONE.search(phone) else [])
            if bad:
                field = f"{path}.email" if _EXAMPLE_EMAIL.search(email) else f"{path}.phone"
                out.append(review.finding(
                    "placeholder_contact", Severity.warning, about_answer(field, name),
                    f"{name}'s {' and '.join(bad)} {'is a placeholder' if len(bad) == 1 else 'are placeholders'}: "
                    "example.com/.org/.net addresses cannot receive mail and 555-01xx numbers are reserved for fiction.",
                    "Give the e-mail address and telephone number registered on the court's ECF system before filing "
                    "(Fed. R. Civ. P. 11(a): every signed paper states them).",
                ))
    return out


def magistrate_referral(review: Review) -> list[Finding]:
    """The case number carries a magistrate judge's initials and the answers do not say whether the case is
    referred to (or consented to) the magistrate judge: the draft has the magistrate judge sign, which is right
    only with a referral or consent."""
    from poassembler.pipeline.context import signing_judge

    answers = review.answers
    if answers.magistrate_judge_referral is not None or answers.judge_name or review.profile.judge:
        return []
    judge = signing_judge(review.profile, answers)
    if judge is None or not judge.name or "magistrate" not in judge.title.casefold():
        return []
    return [review.finding(
        "magistrate_referral", Severity.warning, about_answer("magistrate_judge_referral"),
        f"The order is addressed to {judge.name}, {judge.title}, because the case number carries that judge's "
        "initials; the answers do not say whether the case is referred to the magistrate judge (or the parties "
        "consented). Without a referral the district judge signs.",
        "Check the docket for a referral or consent order and set magistrate_judge_referral: true, or false for "
        "the district judge to sign.",
    )]
