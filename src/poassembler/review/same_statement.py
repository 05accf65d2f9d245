"""Which texts of a list repeat an earlier one: word bags compared, in time linear in the number of texts.

Two texts are the same statement when their bags of words (lower-cased, each occurrence counted)
overlap by at least `threshold`: shared words ÷ words in either (weighted Jaccard). Reordering words or
changing one word in ten keeps a copy a copy; two harms about different records do not come close.

Comparing every pair would cost (number of texts)² × length. Instead an exact copy is looked up by its
bag, and each text is indexed by its rarest words only (the "prefix filter" of set-similarity joins:
two bags that overlap by `threshold` share several of those words, `_least_shared`), so a text is
compared in full only with the earlier texts sharing that many rare words with it; a text that repeats
an earlier one is not indexed itself (its original stands for it). This is exact, and cheap as long as
rare words are rare: real harms name their records, people and particulars.

In a case written from a small vocabulary every word is common, and the earlier texts sharing a text's
rarest words grow with the number of texts (the cost would grow with its square). So a text whose
rarest words lead to more than `_MAX_READ` index entries is looked up instead by its sketch (`_sketch`):
its words are spread over `_BANDS` bands by a fixed hash, and each band's key is its `_ROWS` first
words in hash order. A near copy shares a band's key with its original with a chance of about
overlap³ (0.5 at the threshold of 0.8), so it is missed only if it shares none of its keys: at the
threshold, about 1 in 5,000 for a text of 70 words (12 keys), under 1 in a million for 125 words (21),
and far less for closer copies. A text with fewer than `_MIN_KEYS` keys is always looked up exactly.
Unrelated texts almost never share a key, so each text costs a bounded amount of work either way.
tests/test_same_statement.py compares both lookups with every pair; benchmarks/run.py plants near
copies in a case from a small vocabulary and counts those found.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict

_WORD = re.compile(r"\w+")

_MAX_READ = 512
"""Index entries a text may read through its rarest words before its sketch is used instead."""
_BANDS, _ROWS = 24, 3
_MIN_KEYS = 12  # a shorter text (under about 70 words) has too few band keys to rely on: it reads its entries
_SPREAD = 0x9E3779B1  # a fixed odd multiplier: spreads token numbers over 32 bits (Knuth's multiplicative hash)


class SameStatements:
    """For each text, the first earlier text it repeats (index), or None."""

    def __init__(self, texts: list[str], threshold: float, max_read: int = _MAX_READ):
        ids: dict[tuple[str, int], int] = {}
        bags = [_tokens(text, ids) for text in texts]
        frequency = Counter(token for bag in bags for token in bag)
        index: dict[int, list[int]] = defaultdict(list)
        sketches: dict[tuple[int, ...], list[int]] = defaultdict(list)
        copies: dict[frozenset[int], int] = {}  # an exact copy is found without the index
        self._first: list[int | None] = []
        for i, bag in enumerate(bags):
            match = copies.get(bag) if bag else None
            keys: list[tuple[int, ...]] = []
            prefix: list[int] = []
            if match is None and bag:
                size = len(bag)
                prefix_size = _prefix_size(size, threshold)
                prefix = sorted(bag, key=lambda token: (frequency[token], token))[:prefix_size]
                keys = _sketch(bag)
                if len(keys) < _MIN_KEYS or sum(len(index.get(token, ())) for token in prefix) <= max_read:
                    shared: Counter = Counter(j for token in prefix for j in index.get(token, ()))
                    candidates = (j for j in sorted(shared) if shared[j] >= _least_shared(size, prefix_size, len(bags[j]), threshold))
                else:
                    candidates = iter(sorted({j for key in keys for j in sketches.get(key, ())}))
                match = next((j for j in candidates if _overlap(bag, bags[j]) >= threshold), None)
            if match is None and bag:
                for token in prefix:
                    index[token].append(i)
                for key in keys:
                    sketches[key].append(i)
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


def _sketch(bag: frozenset[int]) -> list[tuple[int, ...]]:
    """The bag's band keys: (band, its `_ROWS` first tokens in hash order) for each band holding that many."""
    bands: list[list[int]] = [[] for _ in range(_BANDS)]
    for spread in sorted((token * _SPREAD) & 0xFFFFFFFF for token in bag):
        rows = bands[(spread * _BANDS) >> 32]
        if len(rows) < _ROWS:
            rows.append(spread)
    return [(band, *rows) for band, rows in enumerate(bands) if len(rows) == _ROWS]


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
