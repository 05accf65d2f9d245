"""Spotting good-cause language courts reject: speculative or conclusory statements of harm.

HSqd, LLC v. Morinville (D. Conn. 2013), quoted in seed 002: a showing "rife with speculative
language (i.e., 'may', 'potential', 'could')" is not the particular and specific demonstration of
fact Rule 26(c) requires.
"""

from __future__ import annotations

import re

SPECULATIVE_TERMS = ("may", "might", "could", "potential", "potentially", "possibly", "possible", "perhaps")

_WORD = re.compile(r"[A-Za-z]+")


def speculative_terms(text: str) -> list[str]:
    """The speculative words in `text`, in order of first use, lower-cased ("may", "could", …)."""
    found: list[str] = []
    for word in _WORD.findall(text):
        lower = word.lower()
        if lower in SPECULATIVE_TERMS and lower not in found:
            found.append(lower)
    return found
