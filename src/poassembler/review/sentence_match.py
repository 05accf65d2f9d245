"""The sentences of a text that a pattern matches: one scan of the whole text per pattern, not one per sentence.

A sentence runs to the next "." or ";". The patterns handed in cannot match across a sentence end, so a
scan of the whole text finds every sentence a pattern matches in, and only those are looked at one by
one (the first pattern that matches a sentence, unless `excused`, reports it). A pattern is not run at
all on a text lacking its `words` (any one of each group, case-folded): most text has none of them.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache
from typing import Callable

SENTENCE = re.compile(r"[^.;]+[.;]?")


@lru_cache(maxsize=64)  # the sealing rule asks twice about clause text (with and without the answers' words)
def matching_sentences(
    patterns: tuple[re.Pattern, ...],
    words: tuple[tuple[tuple[str, ...], ...], ...],
    text: str,
    excused: Callable[[str, re.Match], bool],
) -> tuple[str, ...]:
    """The matched sentences of `text`, whitespace collapsed, in order (remembered for the last texts)."""
    candidates: set[int] = set()
    starts: list[int] | None = None
    sentences: list[str] = []
    folded = text.casefold()
    for pattern, groups in zip(patterns, words):
        if not all(any(word in folded for word in group) for group in groups):
            continue
        for found in pattern.finditer(text):
            if starts is None:
                spans = [(m.start(), m.group(0)) for m in SENTENCE.finditer(text)]
                starts, sentences = [start for start, _ in spans], [sentence for _, sentence in spans]
            candidates.add(bisect.bisect_right(starts, found.start()) - 1)
    hits = []
    for index in sorted(candidates):
        sentence = sentences[index]
        for pattern in patterns:
            match = pattern.search(sentence)
            if match and not excused(sentence, match):
                hits.append(" ".join(sentence.split()))
                break
    return tuple(hits)
