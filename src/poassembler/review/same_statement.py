"""Which texts of a list repeat an earlier one: word bags compared, in time linear in the texts' length.

Two texts are the same statement when their bags of words (lower-cased, each occurrence counted)
overlap by at least `threshold`: shared words ÷ words in either (weighted Jaccard). Reordering words or
changing one word in ten keeps a copy a copy; two harms about different records do not come close.

Comparing every pair would cost (number of texts)² × length. Instead each text is indexed by its
rarest words only (the "prefix filter" of set-similarity joins: two bags that overlap by `threshold`
must share one of those words), so a text is compared only with the earlier texts that share a rare
word with it; a text that repeats an earlier one is not indexed itself (its original stands for it).
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

_WORD = re.compile(r"\w+")


class SameStatements:
    """For each text, the first earlier text it repeats (index), or None."""

    def __init__(self, texts: list[str], threshold: float):
        ids: dict[tuple[str, int], int] = {}
        bags = [_tokens(text, ids) for text in texts]
        frequency = Counter(token for bag in bags for token in bag)
        index: dict[int, list[int]] = defaultdict(list)
        self._first: list[int | None] = []
        for i, bag in enumerate(bags):
            size = len(bag)
            prefix = sorted(bag, key=lambda token: (frequency[token], token))[: size - math.ceil(threshold * size - 1e-9) + 1]
            low, high = threshold * size, size / threshold if threshold else math.inf
            candidates = sorted({j for token in prefix for j in index.get(token, ()) if low <= len(bags[j]) <= high})
            match = next((j for j in candidates if _overlap(bag, bags[j]) >= threshold), None)
            self._first.append(match)
            if match is None:
                for token in prefix:
                    index[token].append(i)

    def first_match(self, i: int) -> int | None:
        return self._first[i]


def _tokens(text: str, ids: dict[tuple[str, int], int]) -> frozenset[int]:
    """The text's words, each occurrence its own token ("the" twice: ("the", 0) and ("the", 1)), as numbers."""
    seen: Counter = Counter()
    out = []
    for word in _WORD.findall(text.lower()):
        token = (word, seen[word])
        seen[word] += 1
        out.append(ids.setdefault(token, len(ids)))
    return frozenset(out)


def _overlap(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
