"""The E.D. Tex. and D.N.J. clerks' round-2 points, as a user sees them in the drafts and packages."""

from __future__ import annotations

import re

import pytest

from cli_inprocess import invoke
from conftest import ROOT, sample_data
from docx_text import full_text

SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def drafts(library, tmp_path_factory):
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    out = tmp_path_factory.mktemp("txnj")
    texts = {}
    for path in sorted(SAMPLES.glob("*.yaml")):
        draft = plan_draft(parse_answers(sample_data(path.name)), library)
        texts[path.stem] = full_text(render_draft(draft, library, out / f"{path.stem}.docx", force=False))
    return texts


def test_njd_numbers_the_case_as_a_civil_action_in_caption_definitions_and_exhibit_a(drafts):
    text = drafts["fernhollow-njd"]
    assert text.count("Civil Action No. 2:26-cv-05521 (SDW)(JSA)") == 3
    assert "Case No." not in text
    for name, other in drafts.items():
        if name != "fernhollow-njd":
            assert "Civil Action No." not in other and "Case No." in other, name


def test_njd_sealing_standard_cites_leucadia_with_its_pin(drafts):
    text = drafts["fernhollow-njd"]
    assert text.count("Leucadia, Inc. v. Applied Extrusion Techs., Inc., 998 F.2d 157, 164 (3d Cir. 1993)") == 2
    assert "924 F.3d 662 (3d Cir. 2019)" in text  # no pin that was not seen in a paginated copy


def test_txed_cites_cv7h_alone_and_june_medical_at_519_20(drafts):
    for name in ("brasswell-txed", "lumenvale-txed-patent"):
        text = drafts[name]
        assert "as the meet-and-confer requirements of Local Rule CV-7(h) require" in text
        assert "CV-7(h) and (i)" not in text and "CV-7(i)" not in text
        assert "with any certificate of conference the local rules require" in text
        assert "22 F.4th 512, 519-20 (5th Cir. 2022)" in text and "519-21" not in text


def test_lumenvale_uses_us_spelling_and_points_to_the_prosecution_bar_section(drafts):
    text = drafts["lumenvale-txed-patent"]
    assert "License agreements and royalty reports." in text and "licence" not in text.casefold()
    assert re.search(r"The prosecution bar in Section \d+ applies to every individual who personally receives it\.", text)
    assert "Prosecution Bar if one applies" not in text


def test_the_clause_library_uses_us_spelling():
    for path in sorted((ROOT / "clauses").glob("*.yaml")):
        assert "licence" not in path.read_text(encoding="utf-8").casefold(), path.name


def test_njd_package_checklist_carries_the_cover_note_and_judge_allens_steps(capsys, tmp_path):
    target = tmp_path / "package"
    assert invoke(capsys, "render", str(SAMPLES / "fernhollow-njd.yaml"), "--package", str(target)).code == 0
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "Civil Action No. 2:26-cv-05521 (SDW)(JSA)" in checklist
    assert "(United States Magistrate Judge Jessica S. Allen)" in checklist
    assert "Cover note:" in checklist and "not the court's form of Discovery Confidentiality Order" in checklist
    assert "notice-and-objection procedure before Designated House Counsel" in checklist
    assert "permits no formal motion without leave of court" in checklist and "Fed. R. Evid. 502(d) non-waiver order" in checklist
    assert "JSA_orders@njd.uscourts.gov" in checklist


def test_njd_without_a_judge_profile_keeps_judge_allens_requirements_out(capsys, tmp_path):
    data = sample_data("fernhollow-njd.yaml")
    data.pop("judge")
    data["case"]["number"] = "2:26-cv-05521 (SDW)(ABC)"
    answers = tmp_path / "other-judge-njd.yaml"
    import yaml

    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    target = tmp_path / "package"
    assert invoke(capsys, "render", str(answers), "--package", str(target)).code == 0
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "JSA_orders" not in checklist and "Allen" not in checklist.split("## Steps")[0]
    assert "Cover note:" in checklist
    order = full_text(target / "proposed-order.docx")
    assert "Jessica S. Allen" not in order and "Civil Action No. 2:26-cv-05521 (SDW)(ABC)" in order


def test_txed_checklist_flags_referral_numbering_and_e_signing(capsys, tmp_path):
    target = tmp_path / "package"
    assert invoke(capsys, "render", str(SAMPLES / "lumenvale-txed-patent.yaml"), "--package", str(target)).code == 0
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "2:YY-cv-NNNNN-JRG-RSP" in checklist and "File the joint motion in this package" in checklist
    referral = next(line for line in checklist.splitlines() if "JRG-RSP" in line and "give judge_name" in line)
    assert "**[VERIFY BEFORE FILING]**" in referral


def test_lumenvale_prosecution_bar_good_cause_names_the_material_that_triggers_the_bar(drafts):
    text = drafts["lumenvale-txed-patent"]
    reason = next(line for line in text.splitlines() if line.startswith("The prosecution bar in Section"))
    assert "reads another Party's material designated “HIGHLY CONFIDENTIAL – SOURCE CODE” and who also prepares" in reason
    assert "ATTORNEYS’ EYES ONLY" not in reason
