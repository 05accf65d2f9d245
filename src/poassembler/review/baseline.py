"""The court-default baseline a redline compares a draft against: same court, case and parties, every other answer at its default."""

from __future__ import annotations

from poassembler.library.answers import Answers, parse_answers
from poassembler.library.load import Library
from poassembler.pipeline.draft import Draft, plan_draft


def court_default_answers(answers: Answers) -> Answers:
    """The same court, judge, case, parties and dates, with every other answer at its default
    (no categories, the CONFIDENTIAL tier only, options off, the profile's periods). A government
    party gets the default sharing clause, so the baseline shows the court's standard terms for it."""
    data = answers.model_dump(mode="json", include={"court", "judge", "division", "case", "parties", "dates"}, exclude_none=True)
    if any(p.government is not None for p in answers.parties):
        data["government_sharing"] = {}
    return parse_answers(data, "court-default baseline")


def court_default_draft(draft: Draft, library: Library) -> Draft:
    return plan_draft(court_default_answers(draft.answers), library)
