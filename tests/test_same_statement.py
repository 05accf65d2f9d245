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


def _near_copy(words: list[str], rng: random.Random, vocabulary: list[str]) -> list[str]:
    """Up to one word in ten replaced, dropped or added; sometimes reordered."""
    words = list(words)
    for _ in range(rng.randint(0, len(words) // 10)):
        action = rng.random()
        if action < 0.5:
            words[rng.randrange(len(words))] = rng.choice(vocabulary)
        elif action < 0.75 and len(words) > 1:
            words.pop(rng.randrange(len(words)))
        else:
            words.insert(rng.randrange(len(words) + 1), rng.choice(vocabulary))
    if rng.random() < 0.3:
        rng.shuffle(words)
    return words


def test_the_sketch_finds_what_every_pair_finds():
    """Texts looked up by their sketch (as every text is when its rarest words are common: max_read=0)."""
    rng = random.Random(1818)
    vocabulary = [f"w{n}" for n in range(400)]
    for _ in range(60):
        texts: list[str] = []
        for _ in range(rng.randint(5, 40)):
            if texts and rng.random() < 0.4:
                texts.append(" ".join(_near_copy(rng.choice(texts).split(), rng, vocabulary)))
            else:
                texts.append(" ".join(rng.choice(vocabulary) for _ in range(rng.randint(70, 160))))
        found = SameStatements(texts, 0.8, max_read=0)
        assert [found.first_match(i) for i in range(len(texts))] == _every_pair(texts, 0.8), texts


def test_near_copies_in_a_big_case_from_a_small_vocabulary():
    """2,000 texts of 100 words from 3,000: every word is common, so most texts are looked up by their sketch;
    each planted near copy is found, and nothing else."""
    rng = random.Random(18)
    vocabulary = [f"w{n}" for n in range(3000)]
    texts = [" ".join(rng.choice(vocabulary) for _ in range(100)) for _ in range(2000)]
    planted = {}
    for _ in range(50):
        original = rng.randrange(2000)
        planted[len(texts)] = original
        texts.append(" ".join(_near_copy(texts[original].split(), rng, vocabulary)))
    found = SameStatements(texts, 0.8)
    assert {i: found.first_match(i) for i in range(len(texts)) if found.first_match(i) is not None} == planted
