"""Placeholder case facts for `poassembler preview`: a draft that shows a profile's effect, no answers file.

Every fact a user would supply is a bracketed capitalised marker ("[PLAINTIFF NAME]"), so nobody
mistakes a preview for a draft.
"""

from __future__ import annotations

from poassembler.library.answers import Answers, Category, CategoryKind, Counsel, Options, Party, Role, Tier
from poassembler.library.profiles import ResolvedProfile

MARK = "[PREVIEW — PLACEHOLDER CASE FACTS]"


def _counsel(side: str) -> Counsel:
    # model_construct: the markers are deliberately not valid e-mail addresses or phone numbers.
    return Counsel.model_construct(
        name=f"[{side} COUNSEL NAME]",
        bar_number="[BAR NO.]",
        firm=f"[{side} LAW FIRM]",
        address=["[STREET ADDRESS]", "[CITY, STATE ZIP]"],
        phone="[PHONE]",
        email="[EMAIL]",
    )


def placeholder_answers(profile: ResolvedProfile, court: str, judge: str | None, options: Options) -> Answers:
    """Answers for a preview: one plaintiff, one defendant, one category, every tier the court labels."""
    tiers = [t for t in Tier if t.value in profile.tier_labels and (t != Tier.source_code or options.source_code_tier)]
    return Answers(
        court=court,
        judge=judge,
        case={"number": "[CASE NUMBER]", "short_title": MARK},
        parties=[
            Party(name="[PLAINTIFF NAME]", role=Role.plaintiff, counsel=[_counsel("PLAINTIFF'S")]),
            Party(name="[DEFENDANT NAME]", role=Role.defendant, counsel=[_counsel("DEFENDANT'S")]),
        ],
        categories=[
            Category(
                name="[CATEGORY OF CONFIDENTIAL INFORMATION]",
                kind=CategoryKind.other,
                description="[DESCRIBE THE INFORMATION]",
                harm="[STATE THE SPECIFIC HARM ITS DISCLOSURE WOULD CAUSE]",
            )
        ],
        tiers=tiers or [Tier.confidential],
        options=options,
    )
