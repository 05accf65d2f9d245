"""The interview plan as data (questions/interview.yaml): its conditions are the clauses' conditions over
the same case facts, its court facts come from the profile, and a broken plan file is a library error."""

from __future__ import annotations

import pytest

from conftest import ROOT, sample_data
from poassembler.errors import BadLibrary
from poassembler.interview.plan import PLAN_FILE, build_plan, load_plan
from poassembler.interview.questions import Kind
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft


def needed(library, data, key):
    """Is the question at `key` in the plan for `data`, and needed?"""
    profile = library.profiles.resolve_for(data["court"], data.get("judge"))
    plan = build_plan(data, profile, library.profiles)
    return any(q.key == key and q.needed(data, profile) for q in plan)


def with_party(data, **party):
    counsel = sample_data("janfeshan-edny.yaml")["parties"][1]["counsel"]
    data["parties"].append({"counsel": counsel, **party})
    return data


BURDEN = ("government_sharing", "burden")
PRIVACY = ("options", "privacy_act_order")


@pytest.mark.parametrize("case, government_sharing_clause", [
    ("a federal agency as non-party only", False),
    ("a federal agency as defendant", True),
    ("a state agency as intervenor", True),
    ("no government body", False),
])
def test_the_government_sharing_question_is_asked_exactly_when_the_clause_can_appear(library, case, government_sharing_clause):
    data = sample_data("harborline-nysd.yaml")  # nysd lists gov_sharing as optional
    data.pop("government_sharing", None)
    for party in data["parties"]:
        party.pop("government", None)
    if case == "a federal agency as non-party only":
        with_party(data, name="U.S. Department of Labor", role="non_party", government="federal")
    elif case == "a federal agency as defendant":
        data["parties"][1]["government"] = "federal"
    elif case == "a state agency as intervenor":
        with_party(data, name="New York State Department of Labor", role="intervenor", government="state")
    included = "gov_sharing" in plan_draft(parse_answers(data), library).selection.included_ids()
    assert included is government_sharing_clause
    assert needed(library, data, BURDEN) is government_sharing_clause


def test_a_federal_non_party_brings_the_privacy_act_question_as_it_brings_the_clause(library):
    data = with_party(sample_data("harborline-nysd.yaml"), name="U.S. Department of Labor", role="non_party", government="federal")
    data["options"] = {**data.get("options", {}), "privacy_act_order": True}
    assert "privacy_act" in plan_draft(parse_answers(data), library).selection.included_ids()
    assert needed(library, data, PRIVACY)
    assert not needed(library, sample_data("segal-cacd.yaml"), PRIVACY)


def test_a_question_about_a_clause_the_court_excludes_is_not_asked(library, tmp_path):
    data = sample_data("janfeshan-edny.yaml")
    assert needed(library, data, BURDEN)
    (tmp_path / "jurisdictions").mkdir()
    source = (ROOT / "jurisdictions" / "nyed.yaml").read_text(encoding="utf-8")
    (tmp_path / "jurisdictions" / "nyed.yaml").write_text(source.replace("gov_sharing: optional", "gov_sharing: excluded"), encoding="utf-8")
    from poassembler.library.load import load_library

    firm = load_library([tmp_path])
    assert not needed(firm, data, BURDEN)


def test_court_facts_in_questions_come_from_the_profile(library):
    data = sample_data("janfeshan-edny.yaml")
    profile = library.profiles.resolve_for("nyed", None)
    prompts = {q.key: q.prompt for q in build_plan(data, profile, library.profiles)}
    assert profile.citation("privacy_act").cite in prompts[PRIVACY]
    assert profile.citation("fre_502d").cite in prompts[("options", "fre_502d")]
    days = next(q for q in build_plan(data, profile, library.profiles) if q.key[-1] == "application_business_days")
    assert days.default == profile.period("gov_sharing_application_business_days").value


def test_the_plan_lists_sections_in_order_with_their_questions(library):
    plan = load_plan()
    assert [s.title for s in plan.sections][:2] == ["Court and case", "Plaintiffs"]
    questions = build_plan(sample_data("segal-cacd.yaml"), library.profiles.resolve_for("cacd", "segal"), library.profiles)
    sections = list(dict.fromkeys(q.section for q in questions))
    assert sections[0] == "Court and case" and "Category 3: Plaintiff's medical records" in sections
    assert all(q.label for q in questions if q.kind != Kind.note)


def firm_plan(tmp_path, edit):
    (tmp_path / "questions").mkdir()
    text = (ROOT / PLAN_FILE).read_text(encoding="utf-8")
    (tmp_path / PLAN_FILE).write_text(edit(text), encoding="utf-8")
    return [tmp_path]


def test_a_firm_library_can_replace_the_plan(library, tmp_path):
    folders = firm_plan(tmp_path, lambda t: t.replace('prompt: "Division (blank if none)"', 'prompt: "Courthouse division"'))
    plan = load_plan(folders)
    questions = build_plan({"court": "cacd"}, library.profiles.resolve_for("cacd", None), library.profiles, plan)
    assert any(q.prompt == "Courthouse division" for q in questions)


@pytest.mark.parametrize("edit, message", [
    (lambda t: t.replace("key: case.number", "key: case.numbr"), "'case.numbr' is not a field of the answers"),
    (lambda t: t.replace("block: category", "block: categry"), "no block 'categry'"),
    (lambda t: t.replace('needed_when: "facts.has_federal_entity"', 'needed_when: "facts.has_federal_entity and"'), "not a valid expression"),
    (lambda t: t.replace("kind: integer", "kind: number"), "kind"),
])
def test_a_broken_plan_file_is_a_library_error_naming_the_file(tmp_path, edit, message):
    with pytest.raises(BadLibrary) as caught:
        load_plan(firm_plan(tmp_path, edit))
    text = caught.value.message + " ".join(str(p) for p in caught.value.problems)
    assert str(tmp_path / PLAN_FILE) in text or str(PLAN_FILE) in text
    assert message in text


def test_the_plan_ships_with_the_package():
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert '"questions" = "poassembler/_data/questions"' in pyproject


def test_validate_checks_a_firm_libraries_plan(tmp_path):
    from cli_inprocess import poassembler

    firm_plan(tmp_path, lambda t: t.replace("key: case.number", "key: case.numbr"))
    result = poassembler("validate", str(tmp_path))
    assert result.code == 3, result.out + result.err
    assert "'case.numbr' is not a field of the answers" in result.out + result.err
    assert "interview.yaml" in result.out + result.err
    assert poassembler("validate").code == 0  # the built-in plan is valid
