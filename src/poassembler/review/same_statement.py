"""Which texts of a list repeat an earlier one: word bags compared, in time linear in the texts' length.

Two texts are the same statement when their bags of words (lower-cased, each occurrence counted)
overlap by at least `threshold`: shared words ÷ words in either (weighted Jaccard). Reordering words or
changing one word in ten keeps a copy a copy; two harms about different records do not come close.

Comparing every pair would cost (number of texts)² × length. Instead an exact copy is looked up by its
bag, and each text is indexed by its rarest words only (the "prefix filter" of set-similarity joins:
two bags that overlap by `threshold` share several of those words, `_least_shared`), so a text is
compared in full only with the earlier texts sharing that many rare words with it; a text that repeats
an earlier one is not indexed itself (its original stands for it). Natural text has many rare words,
so this stays near linear; a case written from a small vocabulary costs more (benchmarks/run.py).
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
        copies: dict[frozenset[int], int] = {}  # an exact copy is found without the index
        self._first: list[int | None] = []
        for i, bag in enumerate(bags):
            match = copies.get(bag) if bag else None
            if match is None and bag:
                size = len(bag)
                prefix_size = _prefix_size(size, threshold)
                prefix = sorted(bag, key=lambda token: (frequency[token], token))[:prefix_size]
                shared: Counter = Counter(j for token in prefix for j in index.get(token, ()))
                match = next((j for j in sorted(shared) if shared[j] >= _least_shared(size, prefix_size, len(bags[j]), threshold)
                              and _overlap(bag, bags[j]) >= threshold), None)
                if match is None:
                    for token in prefix:
                        index[token].append(i)
            self._first.append(match)
            copies.setdefault(bag, i if match is None else match)

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


def _prefix_size(size: int, threshold: float) -> int:
    """How many of a bag's rarest tokens are indexed: any bag overlapping it by `threshold` shares one."""
    return size - math.ceil(threshold * size - 1e-9) + 1


def _least_shared(size_a: int, prefix_a: int, size_b: int, threshold: float) -> int:
    """How many prefix tokens two bags overlapping by `threshold` share at least. They share at least
    `need` tokens; a prefix holds all but (size - prefix) of a bag's tokens, so at least
    prefix - (size - need) of the shared ones, the rarest of them: both prefixes hold the fewer."""
    need = math.ceil(threshold / (1 + threshold) * (size_a + size_b) - 1e-9)
    prefix_b = _prefix_size(size_b, threshold)
    return max(1, min(prefix_a - size_a + need, prefix_b - size_b + need))


def _overlap(a: frozenset, b: frozenset) -> float:
    if not a or not b:
        return 0.0
    shared = len(a & b)
    return shared / (len(a) + len(b) - shared)
