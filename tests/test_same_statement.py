"""same_statement.SameStatements finds what comparing every text with every earlier one finds."""

from __future__ import annotations

import random

from poassembler.review.same_statement import SameStatements, _overlap, _tokens


def _every_pair(texts: list[str], threshold: float) -> list[int | None]:
    """The reference: each text against every earlier original (a text that repeats one is not an original)."""
    ids: dict = {}
    bags = [_tokens(t, ids) for t in texts]
    originals: list[int] = []
    first: list[int | None] = []
    for i, bag in enumerate(bags):
        match = next((j for j in originals if _overlap(bag, bags[j]) >= threshold), None)
        first.append(match)
        if match is None:
            originals.append(i)
    return first


def test_same_answer_as_every_pair_on_near_copies():
    rng = random.Random(18)
    vocabulary = [f"w{n}" for n in range(60)]
    for _ in range(400):
        texts: list[str] = []
        for _ in range(rng.randint(2, 25)):
            if texts and rng.random() < 0.5:  # an earlier text with some words changed, dropped or added
                words = rng.choice(texts).split()
                for _ in range(rng.randint(0, max(1, len(words) // 4))):
                    action = rng.random()
                    if action < 0.4 and words:
                        words[rng.randrange(len(words))] = rng.choice(vocabulary)
                    elif action < 0.7 and len(words) > 1:
                        words.pop(rng.randrange(len(words)))
                    else:
                        words.insert(rng.randrange(len(words) + 1), rng.choice(vocabulary))
                texts.append(" ".join(words))
            else:
                texts.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(0, 40))))
        threshold = rng.choice([0.6, 0.8, 0.9])
        found = SameStatements(texts, threshold)
        assert [found.first_match(i) for i in range(len(texts))] == _every_pair(texts, threshold), (threshold, texts)
