"""Each court's draft cites that court's own rules, and no other court's rule numbers leak in."""

from __future__ import annotations

import re

import pytest

from docx_text import full_text

COURT_OF = {
    "segal-cacd.yaml": "cacd",
    "quillfeather-cand.yaml": "cand",
    "alotrolado-casd.yaml": "casd",
    "bosley-caed.yaml": "caed",
    "janfeshan-edny.yaml": "nyed",
    "harborline-nysd.yaml": "nysd",
    "claudomir-mad.yaml": "mad",
}

# What a litigator in that court expects to see cited.
OWN_RULES = {
    "cacd": ["L.R. 37-1", "L.R. 37-2", "Civil Local Rule 79-5", "GOOD CAUSE STATEMENT"],
    "cand": ["Civil L.R. 37-1", "Civil L.R. 79-5", "SOURCE CODE", "PROSECUTION BAR", "502(d)"],
    "casd": ["CivLR 26.1", "Civil Local Rule 79.2"],
    "caed": ["Local Rule 141.1(c)", "Local Rule 251"],
    "nyed": ["Local Civil Rule 37.3", "Lugosch"],
    "nysd": ["Local Civil Rule 37.3", "Lugosch", "502(d)"],
    "mad": ["Local Rule 7.2", "Local Rule 37.1", "Kravetz"],
}

# Distinctive marks of one court's (or circuit's) rules → the courts whose drafts may show them.
MARKS = {
    r"L\.R\. 37-2": {"cacd"},
    r"5-4\.3\.4": {"cacd"},
    r"Civil L\.R\. (37-1|79-5)": {"cand"},
    r"CivLR 26\.1|79\.2\b": {"casd"},
    r"141\.1|Local Rule 251": {"caed"},
    r"Local Civil Rules? 37\.[23]": {"nyed", "nysd"},
    r"Lugosch": {"nyed", "nysd"},
    r"(?<![\d.])7\.2\b|37\.1\b|Kravetz": {"mad"},
    r"Kamakana": {"cacd", "cand", "casd", "caed"},
}


@pytest.fixture(scope="module")
def texts(library, tmp_path_factory):
    from conftest import sample_data
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    out = tmp_path_factory.mktemp("courts")
    result = {}
    for name, court in COURT_OF.items():
        draft = plan_draft(parse_answers(sample_data(name)), library)
        assert draft.profile.chain[1] == court
        result[court] = full_text(render_draft(draft, library, out / f"{court}.docx", force=False))
    return result


@pytest.mark.parametrize("court", sorted(OWN_RULES))
def test_court_cites_its_own_rules(court, texts):
    for rule in OWN_RULES[court]:
        assert rule in texts[court], f"{court} draft lacks {rule}"


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_no_other_courts_rules_leak(mark, texts):
    for court, text in texts.items():
        found = re.search(mark, text)
        if court in MARKS[mark]:
            assert found, f"{court} should show {mark}"
        else:
            assert not found, f"{court} draft shows another court's rule: …{text[max(0, found.start() - 60):found.end() + 20]}"


def test_federal_fallback_cites_only_the_federal_rules(render):
    from conftest import sample_data

    data = sample_data("segal-cacd.yaml")
    data.update(court="txsd", case={"number": "4:26-cv-00123", "type": "employment"})
    data.pop("judge")
    data.pop("division")
    text = full_text(render(data))
    assert "SOUTHERN DISTRICT OF TEXAS" in text
    assert "Fed. R. Civ. P. 26(c)" in text
    for mark in MARKS:
        assert not re.search(mark, text), mark
