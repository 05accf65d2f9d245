"""Jurisdiction profiles: the extends chain, merging, and what happens with unknown or broken ones."""

from __future__ import annotations

from pathlib import Path

import pytest

from poassembler.errors import BadInput, BadLibrary
from poassembler.library.profiles import ClauseStatus, ProfileLibrary


def write(folder: Path, name: str, text: str) -> None:
    (folder / f"{name}.yaml").write_text(text, encoding="utf-8")


FEDERAL = """
id: federal
kind: federal
name: United States District Court
caption_lines: [UNITED STATES DISTRICT COURT]
citations:
  sealing: {cite: "Fed. R. Civ. P. 5.2(d)", source: seed 003, verified: true}
periods:
  final_disposition_days: {value: 60, source: model, verified: true}
  expert_objection_days: {value: 14, source: model, verified: true}
clauses: {a: required, b: optional}
"""


def test_every_built_in_profile_resolves_to_federal(library):
    for pid in library.profiles.ids():
        profile = library.profiles.resolve(pid)
        assert profile.chain[0] == "federal"
        # "IN THE UNITED STATES DISTRICT COURT" is the E.D. Tex. form (txed.yaml cites orders using it).
        assert profile.caption_lines[0] in ("UNITED STATES DISTRICT COURT", "IN THE UNITED STATES DISTRICT COURT")


def test_every_citation_and_period_has_source_and_flag(library):
    for pid in library.profiles.ids():
        profile = library.profiles.resolve(pid)
        for entry in list(profile.citations.values()) + list(profile.periods.values()):
            assert entry.value.source.strip()
            assert isinstance(entry.value.verified, bool)


def test_child_adds_replaces_and_removes(tmp_path):
    write(tmp_path, "federal", FEDERAL)
    write(tmp_path, "xxd", """
id: xxd
extends: federal
kind: district
name: District of Nowhere
caption_lines: [UNITED STATES DISTRICT COURT, DISTRICT OF NOWHERE]
periods:
  final_disposition_days: {value: 30, source: L.R. 1, verified: false}
  expert_objection_days: null
clauses: {a: excluded, c: required}
""")
    profile = ProfileLibrary.load([tmp_path]).resolve("xxd")
    assert profile.chain == ("federal", "xxd")
    assert profile.period("final_disposition_days").value == 30
    assert profile.periods["final_disposition_days"].origin == "xxd"
    assert "expert_objection_days" not in profile.periods
    assert profile.status("a") == ClauseStatus.excluded
    assert profile.status("b") == ClauseStatus.optional
    assert profile.status("c") == ClauseStatus.required
    assert profile.citation("sealing").cite == "Fed. R. Civ. P. 5.2(d)"


def test_extends_cycle_is_reported(tmp_path):
    write(tmp_path, "federal", FEDERAL)
    write(tmp_path, "aad", "id: aad\nextends: bbd\nkind: district\nname: A\n")
    write(tmp_path, "bbd", "id: bbd\nextends: aad\nkind: district\nname: B\n")
    with pytest.raises(BadLibrary) as caught:
        ProfileLibrary.load([tmp_path]).resolve("aad")
    assert "circle" in caught.value.message


def test_extends_cannot_name_a_path(tmp_path):
    write(tmp_path, "federal", FEDERAL)
    write(tmp_path, "evil", "id: evil\nextends: ../../etc/passwd\nkind: district\nname: Evil\n")
    with pytest.raises(BadLibrary) as caught:
        ProfileLibrary.load([tmp_path])
    assert "never by path" in caught.value.render()


def test_citation_without_source_is_refused(tmp_path):
    write(tmp_path, "federal", FEDERAL.replace("source: seed 003, ", ""))
    with pytest.raises(BadLibrary) as caught:
        ProfileLibrary.load([tmp_path])
    assert "citations.sealing.source: required" in caught.value.render()


def test_unknown_profile_gets_a_suggestion(library):
    with pytest.raises(BadInput) as caught:
        library.profiles.resolve("nyd")
    assert "did you mean 'nyed'" in caught.value.message


def test_unprofiled_real_district_falls_back_to_federal_with_warning(library):
    profile = library.profiles.resolve_for("txsd", None)
    assert profile.chain == ("federal",)
    assert profile.caption_lines == ("UNITED STATES DISTRICT COURT", "SOUTHERN DISTRICT OF TEXAS")
    assert any("federal default" in w for w in profile.warnings)


def test_typo_court_is_an_error_with_suggestion(library):
    with pytest.raises(BadInput) as caught:
        library.profiles.resolve_for("cacdd", None)
    assert "did you mean 'cacd'" in caught.value.message


def test_judge_profile_extends_district(library):
    profile = library.profiles.resolve_for("cacd", "segal")
    assert profile.chain == ("federal", "cacd", "cacd-segal")
    assert profile.judge is not None and "Segal" in profile.judge.name


def test_judge_without_profile_uses_district_with_warning(library):
    profile = library.profiles.resolve_for("nyed", "someone-else")
    assert profile.id == "nyed"
    assert any("no profile for judge" in w for w in profile.warnings)


def test_judge_typo_gets_suggestion(library):
    with pytest.raises(BadInput) as caught:
        library.profiles.resolve_for("cacd", "segl")
    assert "did you mean 'segal'" in caught.value.message


def test_judge_profile_adds_replaces_and_removes_from_its_district(library, render):
    district = library.profiles.resolve("cacd")
    judge = library.profiles.resolve_for("cacd", "segal")
    # adds a clause and citations the district does not have
    assert district.status("duration_discovery_only") != ClauseStatus.required
    assert judge.status("duration_discovery_only") == ClauseStatus.required
    assert "judge_order" in judge.citations and "judge_order" not in district.citations
    # replaces the district's duration clause
    assert district.status("duration_cacd") == ClauseStatus.required
    assert judge.status("duration_cacd") == ClauseStatus.excluded
    # and the drafts differ accordingly
    from conftest import sample_data
    from docx_text import full_text

    data = sample_data("segal-cacd.yaml")
    with_judge = full_text(render(data, "judge"))
    data.pop("judge")
    without = full_text(render(data, "district"))
    # "DISCOVERY MATTER" is the district's caption practice before any magistrate judge (issue 13)
    assert "DISCOVERY MATTER" in with_judge and "DISCOVERY MATTER" in without
    assert "Suzanne H. Segal" in with_judge and "Suzanne H. Segal" not in without
    assert with_judge != without
