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
    "cedarline-wawd.yaml": "wawd",
    "pellworth-ilnd.yaml": "ilnd",
    "lumenvale-txed-patent.yaml": "txed",
    "brasswell-txed.yaml": "txed",
    "fernhollow-njd.yaml": "njd",
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
    "wawd": ["LCR 37(a)(1)", "LCR 37(a)(2)", "LCR 5(g)", "LCR 5(g)(3)(A)", "“CONFIDENTIAL” MATERIAL", "Kamakana", "502(d)"],
    "ilnd": ["LR 37.2", "LR 26.2", "LR 5.8", "Baxter", "Citizens First"],
    "txed": ["IN THE UNITED STATES DISTRICT COURT", "Local Rule CV-5(a)(7)(E)", "Local Rule CV-7(h) and (i)", "Binh Hoa Le", "June Med."],
    "txed-patent": ["Local Rule CV-1(c)", "SOURCE CODE", "PROSECUTION BAR", "HIGHLY CONFIDENTIAL – SOURCE CODE", "MARSHALL DIVISION"],
    "txed-nonpatent": ["SHERMAN DIVISION", "cannot yet test each claim of confidentiality"],
    "njd": ["L.Civ.R. 5.3(c)", "L.Civ.R. 37.1", "Avandia", "Pansy", "clearly defined and serious injury"],
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
    r"(?<![\d.])7\.2\b|(?<!Civ\.R\. )37\.1\b|Kravetz": {"mad"},
    r"Kamakana": {"cacd", "cand", "casd", "caed", "wawd"},
    # The four model-order districts (issue 15): their rules and circuit law stay in their own drafts.
    r"\bLCR \d|Carlson|Stenson": {"wawd"},
    r"\bLR (26\.2|37\.2|5\.8)\b|Form LR|Baxter|Citizens First|Seventh Circuit": {"ilnd"},
    r"Rule CV-\d|Binh Hoa Le|June Med\.|Fifth Circuit": {"txed"},
    r"L\.Civ\.R\.|Avandia|Pansy|Third Circuit|clearly defined and serious injury": {"njd"},
}

# Words the new courts' clauses introduce that no other court's draft may show.
NEW_COURT_VOCABULARY = ["“CONFIDENTIAL” MATERIAL", "face to face or by telephone", "may not add to this list",
                        "WHEREAS", "certificate of conference", "index of the materials", "Magistrate Judge's procedures"]
NEW_COURTS = {"wawd", "ilnd", "txed", "njd"}


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
        text = full_text(render_draft(draft, library, out / f"{name}.docx", force=False))
        # A court with two samples (txed patent and non-patent) is checked on both, joined.
        result[court] = result.get(court, "") + text
        if court == "txed":
            result["txed-patent" if draft.answers.case.type.value == "patent" else "txed-nonpatent"] = text
    return result


@pytest.mark.parametrize("court", sorted(OWN_RULES))
def test_court_cites_its_own_rules(court, texts):
    for rule in OWN_RULES[court]:
        assert rule in texts[court], f"{court} draft lacks {rule}"


def test_txed_patent_and_non_patent_practice_differ(texts):
    """Patent recitals and three tiers only in the patent draft; the non-patent draft has one tier."""
    patent, other = texts["txed-patent"], texts["txed-nonpatent"]
    assert "Local Patent Rules apply" in patent and "Local Patent Rules" not in other
    assert "HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY" in patent and "ATTORNEYS’ EYES ONLY" not in other
    assert "PROSECUTION BAR" not in other and "SOURCE CODE" not in other


@pytest.mark.parametrize("word", NEW_COURT_VOCABULARY)
def test_seven_courts_do_not_get_the_new_courts_vocabulary(word, texts):
    for court in set(COURT_OF.values()) - NEW_COURTS:
        assert word not in texts[court], f"{court} draft shows “{word}”, a phrase of another court's clauses"


@pytest.mark.parametrize("mark", sorted(MARKS))
def test_no_other_courts_rules_leak(mark, texts):
    for court, text in texts.items():
        if court.startswith("txed-"):
            continue  # the two txed samples are also checked joined, as "txed"
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
