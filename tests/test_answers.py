"""The answers model: what a drafter sees when an answers file is wrong."""

from __future__ import annotations

import pytest

from conftest import sample_data
from poassembler.library.answers import load_answers, parse_answers
from poassembler.errors import BadInput


def problems_of(data) -> list[str]:
    with pytest.raises(BadInput) as caught:
        parse_answers(data, "case.yaml")
    return [str(p) for p in caught.value.problems]


def test_every_sample_is_valid():
    for name in ("janfeshan-edny.yaml", "segal-cacd.yaml", "bosley-caed.yaml", "claudomir-mad.yaml", "alotrolado-casd.yaml"):
        answers = parse_answers(sample_data(name))
        assert answers.parties


def test_bad_email_names_the_field_path():
    data = sample_data("janfeshan-edny.yaml")
    data["parties"][2]["counsel"][0]["email"] = "not-an-address"
    problems = problems_of(data)
    assert any(p.startswith("parties[2].counsel[0].email:") and "not an e-mail address" in p for p in problems)


def test_all_problems_are_listed_at_once():
    data = sample_data("janfeshan-edny.yaml")
    del data["case"]["number"]
    data["parties"][0]["counsel"][0]["phone"] = "call me"
    data["tiers"] = ["secret"]
    problems = problems_of(data)
    joined = "\n".join(problems)
    assert "case.number: required, but missing" in joined
    assert "parties[0].counsel[0].phone:" in joined
    assert "tiers[0]: must be one of" in joined
    assert len(problems) == 3


def test_misspelt_field_is_an_error_not_ignored():
    data = sample_data("segal-cacd.yaml")
    data["categorys"] = data.pop("categories")
    assert any("categorys: is not a field" in p for p in problems_of(data))


def test_party_needs_counsel_or_self_representation():
    data = sample_data("segal-cacd.yaml")
    data["parties"][1]["counsel"] = []
    assert any(p.startswith("parties[1]:") and "counsel" in p for p in problems_of(data))


def test_both_sides_are_required():
    data = sample_data("segal-cacd.yaml")
    data["parties"] = [p for p in data["parties"] if p["role"] == "plaintiff"] * 2
    assert any("defendant" in p for p in problems_of(data))


def test_control_character_is_rejected_with_the_field():
    data = sample_data("segal-cacd.yaml")
    data["parties"][0]["name"] = "Maria\x0bOrtega"
    assert any(p.startswith("parties[0].name:") and "U+000B" in p for p in problems_of(data))


def test_file_errors_carry_line_numbers(tmp_path):
    path = tmp_path / "case.yaml"
    path.write_text("court: cacd\ncase:\n  number: 12\nparties:\n  - name: A\n    role: plaintif\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        load_answers(path)
    assert any(p.line == 6 and p.field == "parties[0].role" for p in caught.value.problems)


def test_malformed_yaml_gives_file_line_column(tmp_path):
    path = tmp_path / "broken.yaml"
    path.write_text("court: cacd\ncase:\n  number: [unclosed\n", encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        load_answers(path)
    assert str(path) + ":" in caught.value.message
    assert caught.value.message.count(":") >= 3


def test_address_may_be_one_string_with_line_breaks():
    data = sample_data("segal-cacd.yaml")
    data["parties"][0]["counsel"][0]["address"] = "100 Main Street\nLos Angeles, CA 90012\n"
    answers = parse_answers(data)
    assert answers.parties[0].counsel[0].address == ["100 Main Street", "Los Angeles, CA 90012"]
