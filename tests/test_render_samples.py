"""Render every sample and read the Word file back: what a litigator would look for is there."""

from __future__ import annotations

import re

import docx
import pytest

from conftest import SAMPLES, sample_data
from docx_text import full_text, paragraphs, styled
from poassembler.library.answers import parse_answers

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.yaml"))


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sample_renders_with_caption_parties_and_headings(name, render, plan):
    draft = plan(name)
    path = render(name)
    text = full_text(path)
    answers = parse_answers(sample_data(name))
    for line in draft.profile.caption_lines:
        assert line in text
    assert answers.case.number in text
    for party in answers.parties:
        assert party.name in text, party.name
    headings = styled(path, "PO Heading")
    expected = [c.spec.heading for c in draft.selection.included() if c.spec.placement.value == "body"]
    from poassembler.review.model_order import model_for

    model = model_for(draft.profile, draft.scope.names())
    if model is not None and model.follow_order and model.complete:
        # A court whose model order sets the draft's order and numbering (model_order.follow_order): the
        # headings are the model's sections, and every included clause's heading is still in the text.
        assert headings == [s.heading for s in draft.context.sections]
        # (a merged clause's heading is a run-in caption, or dropped where it repeats the model's heading)
        from poassembler.review.model_order import same_heading

        # the clause that carries a model section first may have the model's heading stand for its own
        firsts = {c.spec.heading for c in draft.selection.included() if any(s.clauses[:1] == [c.id] for s in model.sections)}
        assert all(h in text or h in firsts or any(same_heading(h, m) for m in headings) for h in expected)
    else:
        assert headings == expected
    assert draft.profile.format.caption_title in text  # the title the court's profile sets (D.N.J.: DISCOVERY CONFIDENTIALITY ORDER)
    assert "IT IS SO ORDERED" in text.upper()
    assert "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND" in text.upper()
    assert "{{" not in text and "{%" not in text


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_headings_are_numbered_by_word_not_typed(name, render):
    path = render(name)
    document = docx.Document(str(path))
    heading_style = document.styles["PO Heading 1"]
    assert heading_style.element.pPr.numPr is not None, "heading style must carry Word list numbering"
    for text in styled(path, "PO Heading") + styled(path, "PO Level") + styled(path, "PO Body"):
        assert not re.match(r"^\s*(\d+(\.\d+)*\.?|\([a-z]\))\s", text), f"typed number in: {text[:60]}"


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_every_counsel_signs(name, render, plan, tmp_path):
    """Every lawyer signs the paper the parties sign: the order, or (S.D. Cal.) the joint motion `--package` writes."""
    answers = parse_answers(sample_data(name))
    draft = plan(name)
    if draft.profile.submission.parties_sign == "motion":
        from poassembler.review.word_filing import motion_docx

        motion = tmp_path / "motion.docx"
        motion.write_bytes(motion_docx(draft, draft.profile.submission.vehicle_title, []))
        assert "/s/ " not in full_text(render(name))
        text = full_text(motion)
    else:
        text = full_text(render(name))
    for party in answers.parties:
        for counsel in party.counsel:
            assert f"/s/ {counsel.name}" in text
            assert counsel.email in text


def test_cacd_segal_good_cause_statement_and_local_rule_37(render):
    path = render("segal-cacd.yaml")
    text = full_text(path)
    assert "GOOD CAUSE STATEMENT" in styled(path, "PO Heading")
    for category in sample_data("segal-cacd.yaml")["categories"]:
        assert category["harm"].strip() in text
    for rule in ("37-1", "37-2", "79-5"):
        assert rule in text, rule
    assert not re.search(r"agree[sd]? (that .{0,40})?to file (all|any) .{0,60}under seal", text, re.IGNORECASE)


def test_nyed_government_sharing_clause(render):
    text = full_text(render("janfeshan-edny.yaml"))
    assert "authorized by law" in text
    assert "the Producing Party may, within 3 business days after receiving the written rejection, apply to the Court" in text
    assert "The Government Party must accept or reject the request in writing." in text


def test_government_sharing_text_differs_per_burden(render):
    texts = {}
    for burden in ("requesting_party", "government", "omit"):
        data = sample_data("janfeshan-edny.yaml")
        data["government_sharing"]["burden"] = burden
        texts[burden] = full_text(render(data, burden))
    assert texts["requesting_party"] != texts["government"]
    assert "authorized by law" in texts["requesting_party"]
    assert "authorized by law" in texts["government"]
    assert "authorized by law" not in texts["omit"]


def test_mad_order_governs_exchange_only_and_keeps_impoundment_power(render):
    text = full_text(render("claudomir-mad.yaml"))
    assert "7.2" in text
    assert "impound" in text.lower()
    assert not re.search(r"agree[sd]? (that .{0,40})?to file (all|any) .{0,60}under seal", text, re.IGNORECASE)


def test_caed_self_represented_plaintiff_and_nonparty_producer(render):
    text = full_text(render("bosley-caed.yaml"))
    assert "141.1" in text
    assert "self-represented" in text
    assert "California Department of Corrections and Rehabilitation" in text


def test_party_name_with_xml_characters_survives_exactly(render):
    data = sample_data("segal-cacd.yaml")
    data["parties"][1]["name"] = "AT&T Corp. <West>"
    path = render(data)
    assert "AT&T Corp. <West>" in paragraphs(path)
    assert "AT&T Corp. <West>" in full_text(path)


def test_jinja_looking_text_stays_literal(render):
    data = sample_data("segal-cacd.yaml")
    data["parties"][0]["name"] = "{{ 7*7 }} {% raw %}"
    text = full_text(render(data))
    assert "{{ 7*7 }} {% raw %}" in text


@pytest.mark.parametrize("name", SAMPLE_NAMES)
def test_sentences_start_with_a_capital(name, render):
    """A citation or fact spliced into clause text must not leave a sentence starting in lower case."""
    path = render(name)
    for text in styled(path, "PO Level 2") + styled(path, "PO Body"):  # (a)-items may follow a colon in lower case
        first = text.lstrip("“\"'([")[:1]
        assert not first.islower(), f"paragraph starts in lower case: {text[:70]}"
    for text in styled(path, "PO Level") + styled(path, "PO Body"):
        # a full stop after an ordinary word (not an abbreviation such as "v." or "Civ.") ends a sentence
        bad = re.search(r"\b[a-z]{5,}\. [a-z]", text)
        assert not bad, f"sentence starts in lower case: …{text[max(0, bad.start() - 30):bad.end() + 30]}"
