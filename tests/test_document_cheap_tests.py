"""The document check skips a costly pattern where a cheap test says it cannot match: the cheap test must
never hide a match. Each pattern against paragraphs that match it (in every case the pattern ignores) and
the paragraphs of our rendered samples; and the defects still reported through the whole check."""

from __future__ import annotations

import pytest

from poassembler.review.document import rules_court as court
from poassembler.review.document import rules_drafting as drafting
from poassembler.review.document.reader import read_document

MATCHING = [
    "Signed by the Hon. ______ on the date below.", "HONORABLE ___ , District Judge / Magistrate Judge",
    "[DRAFTER: NAME THE JUDGE and title]", "magistrate judge / district judge", "Fill in [NAME] and [●] and ____ days.",
    "As provided in Section 12.3 and ¶ 14 and § 4 and Paragraphs 2(a) and Article IV.",
    "the Section headed “NO SUCH HEADING”", "the paragraphs of this Order ENTITLED \"Other Words\"", "PART CAPTIONED “X Y Z”",
    "Exhibit B is attached.", "under L.R. 37-1, Local Rule 79-5.2.2, Civil L.R. 7-11, LCivR 5.2, LCR 26, LR 16.1 and CivLR 16.1",
    "Outside Counsel and Expert Vendors may review Highly Restricted Materials and the Receiving Party's Information.",
    "the “Protected Material” means anything; \"Producing Party\": a party",
    "within thirty (30) days; 2 YEARS after; ten business days",
    "see ¶ 14", "see §§ 4", "Articles 2", "LCivR 5.2", "CivLR 16.1", "LCR 26", "L. Civ. R. 7", "Local Civil Rule 5",
    "Vendors", "the Designating Party", "Retained Experts and Counsel",
]


def _texts(render) -> list[str]:
    texts = list(MATCHING)
    for sample in ("segal-cacd.yaml", "harborline-nysd.yaml", "claudomir-mad.yaml", "janfeshan-edny.yaml"):
        texts += [b.text for b in read_document(render(sample)).blocks if b.text]
    return texts + [t.upper() for t in texts] + [t.lower() for t in texts] + [t.swapcase() for t in texts]


@pytest.mark.parametrize("pattern, cheap", [
    (drafting._JUDGE, drafting._may_name_judge), (drafting._REF, drafting._may_refer),
    (drafting._HEADED, drafting._may_name_heading), (drafting._USED_TERM, drafting._may_use_term),
    (drafting._BRACKET, lambda t: "[" in t), (drafting._BLANK, lambda t: "___" in t),
    (drafting._EXHIBIT_REF, lambda t: "Exhibit" in t), (drafting._TERM_DEF, lambda t: "“" in t or '"' in t),
])
def test_a_cheap_test_never_hides_a_match(pattern, cheap, render):
    matched = 0
    for text in _texts(render):
        if pattern.search(text):
            matched += 1
            assert cheap(text), text
    assert matched  # the texts exercise the pattern


def test_rule_numbers_and_periods_are_found_in_any_case(render):
    for text in _texts(render):
        assert bool(court._RULE_CITE.search(text)) == bool(court.rule_numbers(text)), text
    assert court.rule_numbers("LCivR 5.2 and CivLR 16.1") == ["5.2", "16.1"]
    assert court.periods_in("within thirty (30) days") == [(30, "days")]


def test_court_names_match_alike_in_any_case():
    pattern, folded = court._names_pattern(("Central District of California", "District of Massachusetts"))
    for text in ("filed in the CENTRAL district of california today", "District of Massachusetts.", "the district of mass"):
        assert [m.span() for m in pattern.finditer(text)] == [m.span() for m in folded.finditer(text.lower())]
    assert court._names_pattern(("Distrito de Puerto Rico é",))[1] is None  # not ASCII: only the case-ignoring pattern


@pytest.mark.parametrize("pattern", [
    r"\bHIPAA\b", r"health\s+(care\s+)?(records|information)", r"[A-Z][a-z]+ Court", r"\b(the)\s+\1\b", r"[^.;]{0,20}seal",
    r"(?<!non)party(?=\W)", r"[A-z]+", r"(?i:x)", r"\x41", r"[!-~]seal",
])
def test_a_folded_pattern_finds_what_the_case_ignoring_one_finds(pattern, render):
    import re

    from poassembler.review.document.folding import finds, fold, lowered

    texts = _texts(render) + ["İSTANBUL HEALTH RECORDS", "the HıPAA", "ſeal", "K", "The THE court", "Straße COURT"]
    for text in texts:
        assert finds(pattern, text) == bool(re.search(pattern, text, re.IGNORECASE)), (pattern, text)
    assert fold(r"[A-z]+") is None and fold(r"(?i:x)") is None and fold(r"\x41") is None and fold(r"[!-~]seal") is None
    assert lowered("İSTANBUL") is None and lowered("ſeal") is None and lowered("“Court” § 4") == "“court” § 4"


def test_the_rendered_parts_read_as_the_saved_draft(library):
    """`render` hands the document check the parts it built (`parts_of`); the check reads the same paragraphs
    from them as from the saved draft's bytes, and only for the package it made last."""
    from conftest import sample_data
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_bytes
    from poassembler.pipeline.word_prepared import parts_of

    for name in ("segal-cacd.yaml", "claudomir-mad.yaml", "alotrolado-casd.yaml"):
        docx = render_bytes(plan_draft(parse_answers(sample_data(name)), library), library)
        parts = parts_of(docx)
        assert parts is not None and parts_of(bytes(bytearray(docx))) is None  # an equal copy: not the package made
        assert read_document(docx, parts=parts) == read_document(docx)
