"""The check on a big case still finds what it should: a repeated harm among hundreds, and nothing else."""

from __future__ import annotations

import random

from conftest import sample_data
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft
from poassembler.review.check import check


def _categories(count: int, words_each: int) -> list[dict]:
    rng = random.Random(7)
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dun", "pel", "sor", "ith", "bra", "que"]
    vocabulary = ["".join(rng.choice(syllables) for _ in range(3)) for _ in range(3000)]
    return [
        {
            "name": f"Ledgers of line {i}",
            "kind": "commercial",
            "description": f"Monthly ledgers of product line {i}, 2019 to 2023.",
            "harm": "Disclosure would show competitors " + " ".join(rng.choice(vocabulary) for _ in range(words_each)) + ".",
        }
        for i in range(count)
    ]


def _repeats(library, categories: list[dict]) -> list[tuple[str, str]]:
    data = sample_data("segal-cacd.yaml")
    data["categories"] = categories
    draft = plan_draft(parse_answers(data), library)
    found = check(draft.answers, draft.profile, draft.selection, draft.scope)
    return [(f.concerns, f.problem) for f in found if f.rule == "good_cause"]


def test_distinct_harms_are_not_repeats(library):
    assert _repeats(library, _categories(300, 40)) == []


def test_a_copied_harm_with_a_word_changed_is_found_among_hundreds(library):
    categories = _categories(300, 40)
    copy = dict(categories[5], name="Ledgers again")
    words = copy["harm"].split()
    words[10] = "different"
    copy["harm"] = " ".join(words)
    reordered = dict(categories[120], name="Ledgers reordered")
    reordered["harm"] = " ".join(reversed(categories[120]["harm"].rstrip(".").split())) + "."
    found = _repeats(library, categories + [copy, reordered])
    assert len(found) == 2
    assert "categories[300]" in found[0][0] and "categories[5])" in found[0][1]
    assert "categories[301]" in found[1][0] and "categories[120])" in found[1][1]


def test_a_harm_sharing_half_its_words_is_not_a_repeat(library):
    categories = _categories(20, 40)
    half = dict(categories[3], name="Half")
    words = categories[3]["harm"].split()
    other = categories[4]["harm"].split()
    half["harm"] = " ".join(words[: len(words) // 2] + other[len(other) // 2:])
    assert _repeats(library, categories + [half]) == []
