"""The sealing rule's one-scan sentence matching finds exactly what looking at every sentence finds."""

from __future__ import annotations

import random

from poassembler.review import rules_filing as check
from poassembler.review.sentence_match import SENTENCE, matching_sentences

FRAGMENTS = [
    "All Protected Material shall be filed under seal", "The Court shall decide", "the parties agree to file all exhibits under seal",
    "nothing here binds the Court", "any document will be sealed only with leave of Court", "Each Party shall meet and confer",
    "documents shall automatically be impounded", "This Order is binding upon the Clerk", "court staff are bound by it",
    "Designations must be narrowly tailored", "any exhibit must be lodged conditionally under seal", "The Clerk must not",
]


def _naive(patterns, text: str) -> list[str]:
    hits = []
    for sentence in SENTENCE.findall(text):
        for pattern in patterns:
            match = pattern.search(sentence)
            if match and not check._excused(sentence, match):
                hits.append(" ".join(sentence.split()))
                break
    return hits


def test_same_sentences_as_looking_at_each_sentence():
    rng = random.Random(18)
    for _ in range(300):
        text = "".join(rng.choice(FRAGMENTS) + rng.choice([". ", "; ", ", and ", " "]) for _ in range(rng.randint(1, 12)))
        for patterns, words in ((check._BLANKET_SEALING, check._BLANKET_WORDS), (check._BINDS_COURT, check._BINDS_WORDS)):
            assert list(matching_sentences(tuple(patterns), words, text, check._excused)) == _naive(patterns, text), text

