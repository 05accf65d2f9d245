"""Court facts for checking any protective order in Word (`check: document:` in a profile).

What a court requires to be in the order (a heading worded exactly, contents matched by meaning,
elements that a kind of clause must carry), which local-rule numbers are the court's own, which of them
a dispute procedure must follow, and where each period of the profile appears in an order's text.
Patterns are regular expressions, matched case-insensitively; rule numbers are shell-style globs
("37-*", "79-5*"). Everything here is data: the check itself knows no court.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _compiles(patterns: list[str] | str | None):
    for pattern in [patterns] if isinstance(patterns, str) else patterns or []:
        try:
            re.compile(pattern, re.IGNORECASE)  # as the check matches it: compiled once, for both
        except re.error as exc:
            raise ValueError(f"{pattern!r} is not a valid regular expression: {exc}") from None
    return patterns


class Requirement(_Strict):
    """Something the order must contain: a heading worded exactly, or text matching one of `content`."""

    what: str  # plain words for the finding: 'a paragraph headed exactly "GOOD CAUSE STATEMENT"'
    severity: Literal["error", "warning", "note"] = "error"
    heading: str | None = None  # the exact heading wording (case and numbering ignored)
    similar: str | None = None  # a heading matching this but not worded exactly: "rename it"
    within: str | None = None  # look only under headings matching this
    content: list[str] = Field(default_factory=list)  # any one of these found = present
    applies_if: list[str] = Field(default_factory=list)  # only when the order matches one of these
    near_trigger: bool = False  # look for `content` only in the paragraphs matching `applies_if` and the few after
    action: str = ""
    authorities: list[str] = Field(default_factory=list)  # names of this profile's citations

    @field_validator("similar", "within", "content", "applies_if")
    @classmethod
    def _regex(cls, value):
        return _compiles(value)


class DisputeRules(_Strict):
    """The court's own procedure for discovery disputes, as a challenge section must follow it."""

    name: str  # how the finding names the rule: "Local Rule 37"
    heading: str = r"challeng|dispute"  # the sections that set a dispute procedure
    rules: list[str] = Field(default_factory=list)  # globs of the court's dispute rules ("37-*")
    mentions: list[str] = Field(default_factory=list)  # or words that name them without a number
    refuses: list[str] = Field(default_factory=list)  # patterns of a procedure the court refuses
    authorities: list[str] = Field(default_factory=list)

    @field_validator("heading", "refuses", "mentions")
    @classmethod
    def _regex(cls, value):
        return _compiles(value)


class PeriodText(_Strict):
    """Where a profile period appears in an order: a sentence matching `context` (under `within`)."""

    context: str
    within: str | None = None
    unit: Literal["days", "business days", "years"] = "days"

    @field_validator("context", "within")
    @classmethod
    def _regex(cls, value):
        return _compiles(value)


class DocumentCheckPatch(_Strict):
    """`check: document:` as one profile file writes it; a child replaces entries by name."""

    requirements: dict[str, Requirement | None] = Field(default_factory=dict)
    good_cause: str | None = None  # the headings of the statement of good cause (default 'good\s+cause')
    rule_numbers: list[str] | None = None  # this court's own local-rule numbers (globs)
    dispute: DisputeRules | None = None
    periods: dict[str, PeriodText | None] = Field(default_factory=dict)

    @field_validator("good_cause")
    @classmethod
    def _regex(cls, value):
        return _compiles(value)


@dataclass(frozen=True)
class DocumentCheck:
    """The merged `check: document:` of a profile chain."""

    requirements: dict[str, Requirement] = field(default_factory=dict)
    rule_numbers: tuple[str, ...] = ()
    dispute: DisputeRules | None = None
    periods: dict[str, PeriodText] = field(default_factory=dict)
    good_cause: str = r"good\s+cause"


def merge_document_checks(patches: list[DocumentCheckPatch]) -> DocumentCheck:
    requirements: dict[str, Requirement] = {}
    periods: dict[str, PeriodText] = {}
    rule_numbers: tuple[str, ...] = ()
    dispute: DisputeRules | None = None
    good_cause = DocumentCheck.good_cause
    for patch in patches:
        for name, requirement in patch.requirements.items():
            if requirement is None:
                requirements.pop(name, None)
            else:
                requirements[name] = requirement
        for name, period in patch.periods.items():
            if period is None:
                periods.pop(name, None)
            else:
                periods[name] = period
        if patch.rule_numbers is not None:
            rule_numbers = tuple(patch.rule_numbers)
        if patch.dispute is not None:
            dispute = patch.dispute
        if patch.good_cause is not None:
            good_cause = patch.good_cause
    return DocumentCheck(requirements, rule_numbers, dispute, periods, good_cause)
