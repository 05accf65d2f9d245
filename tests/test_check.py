"""The pre-flight check: for each rule, an answers file that fails it and one that passes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from cli_inprocess import poassembler
from conftest import sample_data
from poassembler.library.answers import parse_answers
from poassembler.review.check import Severity, check
from poassembler.pipeline.draft import plan_draft
from poassembler.library.load import load_library


def findings(library, data, rule: str | None = None):
    draft = plan_draft(parse_answers(data), library)
    found = check(draft.answers, draft.profile, draft.selection)
    return [f for f in found if rule is None or f.rule == rule]


def cites(found) -> str:
    return " | ".join(a.cite for f in found for a in f.authorities)


@pytest.fixture
def override_library(tmp_path):
    """A library with one extra folder of the test's own profiles / clauses (overriding by id)."""

    def _make(profiles: dict[str, dict] | None = None, clauses: dict[str, dict] | None = None):
        for folder, files in (("jurisdictions", profiles or {}), ("clauses", clauses or {})):
            (tmp_path / folder).mkdir(exist_ok=True)
            for name, data in files.items():
                (tmp_path / folder / f"{name}.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        return load_library([tmp_path])

    return _make


# --- good cause ---------------------------------------------------------------------------------


def test_no_category_is_an_error(library):
    data = sample_data("segal-cacd.yaml")
    assert not findings(library, data, "good_cause")
    data["categories"] = []
    found = findings(library, data, "good_cause")
    assert [f.severity for f in found] == [Severity.error]
    assert found[0].concerns == "answers: categories"
    assert any("Segal" in a.source for a in found[0].authorities)


def test_category_without_a_real_harm(library):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["harm"] = "N/A"
    found = findings(library, data, "good_cause")
    assert len(found) == 1 and found[0].severity == Severity.error
    assert "categories[0].harm" in found[0].concerns and "does not state a harm" in found[0].problem


def test_boilerplate_harm(library):
    data = sample_data("janfeshan-edny.yaml")
    data["categories"][1]["harm"] = "Disclosure would cause competitive harm and prejudice to the producing party's business interests."
    found = findings(library, data, "good_cause")
    assert len(found) == 1 and "boilerplate" in found[0].problem
    assert "categories[1].harm" in found[0].concerns


def test_harm_copied_from_another_category(library):
    data = sample_data("janfeshan-edny.yaml")
    data["categories"][2]["harm"] = data["categories"][0]["harm"]
    found = findings(library, data, "good_cause")
    assert len(found) == 1 and "categories[0]" in found[0].problem and "categories[2]" in found[0].concerns


def test_speculative_harm_cites_hsqd(library):
    data = sample_data("janfeshan-edny.yaml")
    assert not findings(library, data, "speculative_harm")
    data["categories"][0]["harm"] = (
        "Disclosure could potentially reveal messages with relatives abroad and might expose their addresses."
    )
    found = findings(library, data, "speculative_harm")
    assert len(found) == 1 and found[0].severity == Severity.warning
    assert "'could'" in found[0].problem and "'might'" in found[0].problem
    assert "HSqd" in cites(found)


def test_harm_that_repeats_own_public_statements(library):
    data = sample_data("bosley-caed.yaml")
    assert not findings(library, data, "own_statements")
    data["categories"][0]["harm"] = (
        "Plaintiff stated in his deposition that he is paranoid and depressed, as alleged in the complaint."
    )
    found = findings(library, data, "own_statements")
    assert len(found) == 1 and "Bosley" in cites(found)


# --- overbreadth --------------------------------------------------------------------------------


def test_all_documents_is_overbroad(library):
    data = sample_data("segal-cacd.yaml")
    assert not findings(library, data, "overbreadth")
    data["categories"][0]["description"] = "All documents produced by Defendant in this action."
    found = findings(library, data, "overbreadth")
    assert len(found) == 1 and found[0].severity == Severity.error
    assert "'All documents'" in found[0].problem
    assert "King v. CitiMortgage" in cites(found)


def test_abstract_category_is_a_warning(library):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0].update(name="Confidential information", description="Proprietary and confidential business information.")
    found = findings(library, data, "overbreadth")
    assert len(found) == 1 and found[0].severity == Severity.warning and "concretely" in found[0].action


# --- sealing ------------------------------------------------------------------------------------

BLANKET = {
    "id": "filing_agreement",
    "heading": "FILING",
    "order": 905,
    "paragraphs": [{"text": "All Protected Material shall be filed under seal. The Clerk shall keep every such filing sealed."}],
}
CAREFUL = {
    "id": "filing_agreement",
    "heading": "FILING",
    "order": 905,
    "paragraphs": [{"text": "No party may file Protected Material under seal without the Court's approval. "
                            "A party may file Protected Material under seal only with leave of Court. "
                            "This Order does not bind the Court or its personnel."}],
}


def _with_clause(override_library, court: str, clause: dict):
    return override_library(
        profiles={court: {**yaml.safe_load((Path(__file__).parent.parent / "jurisdictions" / f"{court}.yaml").read_text()),
                          "clauses": {**yaml.safe_load((Path(__file__).parent.parent / "jurisdictions" / f"{court}.yaml").read_text())["clauses"],
                                      clause["id"]: "required"}}},
        clauses={clause["id"]: clause},
    )


def test_rendered_clause_agreeing_to_file_everything_under_seal(override_library):
    custom = _with_clause(override_library, "cacd", BLANKET)
    found = findings(custom, sample_data("segal-cacd.yaml"))
    blanket = [f for f in found if f.rule == "blanket_sealing"]
    binds = [f for f in found if f.rule == "binds_court"]
    assert len(blanket) == 1 and blanket[0].concerns == "clause filing_agreement"
    assert "All Protected Material shall be filed under seal" in blanket[0].problem
    assert any("Segal" in a.source for a in blanket[0].authorities)
    assert len(binds) == 1 and "Gaylor v. Morin" in cites(binds)


def test_negated_or_qualified_sealing_language_passes(override_library):
    custom = _with_clause(override_library, "cacd", CAREFUL)
    found = findings(custom, sample_data("segal-cacd.yaml"))
    assert not [f for f in found if f.rule in ("blanket_sealing", "binds_court")]


def test_dmass_blanket_impoundment_cites_local_rule_7_2_e(override_library, library):
    clause = {**BLANKET, "paragraphs": [{"text": "Any material designated CONFIDENTIAL shall be impounded."}]}
    custom = _with_clause(override_library, "mad", clause)
    found = findings(custom, sample_data("claudomir-mad.yaml"), "blanket_sealing")
    assert len(found) == 1
    assert "L.R. 7.2(e)" in cites(found) and "Claudomir" in cites(found)
    assert not findings(library, sample_data("claudomir-mad.yaml"), "blanket_sealing")


def test_sealing_language_in_the_answers_is_caught(library):
    data = sample_data("claudomir-mad.yaml")
    data["categories"][0]["description"] += " The parties agree to file all such records under seal."
    found = findings(library, data, "blanket_sealing")
    assert len(found) == 1 and found[0].concerns.startswith("answers: categories[0]")


def test_ninth_circuit_note_on_dispositive_motions(library):
    found = findings(library, sample_data("alotrolado-casd.yaml"), "dispositive_sealing")
    assert len(found) == 1 and found[0].severity == Severity.note
    assert "compelling reasons" in found[0].problem and "Kamakana" in cites(found)
    assert not findings(library, sample_data("janfeshan-edny.yaml"), "dispositive_sealing")


# --- dispute procedure --------------------------------------------------------------------------


def test_cacd_without_its_local_rule_37_clause(override_library, library):
    assert not findings(library, sample_data("segal-cacd.yaml"), "dispute_procedure")
    firm = {"id": "cacd-firm", "extends": "cacd", "kind": "judge", "name": "Central District of California",
            "clauses": {"challenge_cacd": "excluded", "challenge_generic": "required"}}
    custom = override_library(profiles={"cacd-firm": firm})
    data = sample_data("segal-cacd.yaml")
    data["judge"] = "firm"
    found = findings(custom, data, "dispute_procedure")
    assert {f.concerns for f in found} == {"clause challenge_cacd", "clause challenge_generic"}
    assert all(f.severity == Severity.error for f in found)
    assert "Local Rule 37" in cites(found) and "L.R. 37-2.4" in cites(found)


# --- health, non-parties, government ------------------------------------------------------------


def test_mental_health_records_need_necessity_and_limits(library):
    data = sample_data("bosley-caed.yaml")
    assert not findings(library, data, "health")
    data["categories"][0]["description"] = "Plaintiff's mental health records."
    found = findings(library, data, "health")
    assert len(found) == 1 and found[0].severity == Severity.error
    assert "why disclosure is necessary" in found[0].problem and "Bosley" in cites(found)


def test_health_records_without_the_hipaa_clause(override_library):
    caed = yaml.safe_load((Path(__file__).parent.parent / "jurisdictions" / "caed.yaml").read_text())
    caed["clauses"]["hipaa_qpo"] = "excluded"
    custom = override_library(profiles={"caed": caed})
    found = findings(custom, sample_data("bosley-caed.yaml"), "health")
    assert len(found) == 1 and found[0].concerns == "clause hipaa_qpo"
    assert "excluded by the caed profile" in found[0].problem


def test_nonparty_producer_without_notice_clause(override_library, library):
    assert not findings(library, sample_data("bosley-caed.yaml"), "nonparty_notice")
    caed = yaml.safe_load((Path(__file__).parent.parent / "jurisdictions" / "caed.yaml").read_text())
    caed["clauses"]["nonparty_material"] = "excluded"
    found = findings(override_library(profiles={"caed": caed}), sample_data("bosley-caed.yaml"), "nonparty_notice")
    assert len(found) == 1 and found[0].severity == Severity.error and found[0].concerns == "clause nonparty_material"
    assert "excluded by the caed profile" in found[0].problem


def test_government_party_without_a_sharing_decision(library):
    data = sample_data("janfeshan-edny.yaml")
    assert not findings(library, data, "gov_sharing")
    del data["government_sharing"]
    found = findings(library, data, "gov_sharing")
    assert len(found) == 1 and found[0].concerns == "answers: government_sharing"
    assert "Janfeshan" in cites(found)


def test_federal_agency_without_privacy_act_order(library):
    data = sample_data("janfeshan-edny.yaml")
    data.pop("options")
    found = findings(library, data, "privacy_act")
    assert len(found) == 1 and "5 U.S.C. § 552a(b)(11)" in cites(found)
    data["options"] = {"privacy_act_order": True}
    assert not findings(library, data, "privacy_act")


# --- verify before filing -----------------------------------------------------------------------


def test_every_unverified_citation_and_period_is_a_note(library):
    data = sample_data("segal-cacd.yaml")
    draft = plan_draft(parse_answers(data), library)
    found = findings(library, data, "unverified")
    concerns = {f.concerns for f in found}
    for kind, name, _entry in draft.profile.unverified():
        assert f"profile {kind} {name}" in concerns
    assert all(f.severity == Severity.note for f in found)
    assert "profile citation sample_order" in concerns
    assert "profile citation discovery_matter_caption" in concerns
    federal = findings(library, {**data, "court": "cacd", "judge": None}, "unverified")
    assert "profile citation sample_order" not in {f.concerns for f in federal}


# --- the command --------------------------------------------------------------------------------


def _write(tmp_path, data) -> Path:
    path = tmp_path / "answers.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return path


def test_check_command_exit_codes_and_json(tmp_path):
    good = _write(tmp_path, sample_data("segal-cacd.yaml"))
    result = poassembler("check", good)
    assert result.code == 0 and "0 error(s)" in result.out

    data = sample_data("segal-cacd.yaml")
    data["categories"] = []
    bad = _write(tmp_path, data)
    result = poassembler("check", bad, "--format", "json")
    assert result.code == 1
    report = json.loads(result.out)
    assert report["profile"] == "cacd-segal" and report["errors"] >= 1
    first = report["findings"][0]
    assert first["severity"] == "error" and first["rule"] == "good_cause"
    assert first["action"] and first["authorities"][0]["source"]


def test_render_shows_the_check_as_warnings(tmp_path):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["description"] = "All documents produced by Defendant."
    answers = _write(tmp_path, data)
    result = poassembler("render", answers, "-o", tmp_path / "d.docx")
    assert result.code == 0
    err = result.err
    assert "check error: answers: categories[0].description" in err and "All documents" in err


def test_a_finding_names_the_answer_it_is_about_as_data(tmp_path):
    """The field path is data (for the interview and the web form), not text to split; JSON carries it."""
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["harm"] = "Disclosure could harm the company."
    result = poassembler("check", _write(tmp_path, data), "--format", "json")
    assert result.code == 1
    findings = json.loads(result.out)["findings"]
    harm = [f for f in findings if f["field"] == "categories[0].harm"]
    assert harm and harm[0]["concerns"].startswith("answers: categories[0].harm") and harm[0]["clause"] is None
    assert all(f["field"] is None for f in findings if f["concerns"].startswith("clause "))
