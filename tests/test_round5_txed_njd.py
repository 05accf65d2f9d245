"""The E.D. Tex. and D.N.J. clerks' round-5 points, as a user sees them in the drafts and packages."""

from __future__ import annotations

import pytest
import yaml

from cli_inprocess import invoke
from conftest import ROOT, sample_data
from docx_text import full_text

SAMPLES = ROOT / "samples"


def _package(capsys, tmp_path, sample: str, data: dict | None = None, code: int = 0):
    source = SAMPLES / sample
    if data is not None:
        source = tmp_path / sample
        source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    target = tmp_path / f"package-{sample}"
    outcome = invoke(capsys, "render", str(source), "--package", str(target))
    assert outcome.code == code, outcome.err
    return target, outcome


@pytest.fixture(scope="module")
def txed(library, tmp_path_factory):
    """Both E.D. Tex. packages: name → {file: text}."""
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.package import write_package

    out = {}
    for sample in ("brasswell-txed", "lumenvale-txed-patent"):
        target = tmp_path_factory.mktemp("r5") / sample
        draft = plan_draft(parse_answers(sample_data(f"{sample}.yaml")), library)
        write_package(draft, library, target, force=False)
        out[sample] = {p.name: full_text(p) for p in target.glob("*.docx")} | {"checklist.md": (target / "checklist.md").read_text(encoding="utf-8")}
    return out


# --- txed: the order's form and the joint motion --------------------------------------------------------

def test_txed_order_is_titled_without_proposed_and_ends_with_blank_space_after_so_ordered(txed):
    for name, judge in (("brasswell-txed", "Amos L. Mazzant III"), ("lumenvale-txed-patent", "Rodney Gilstrap")):
        order = txed[name]["proposed-order.docx"]
        assert "STIPULATED PROTECTIVE ORDER" in order and "[PROPOSED]" not in order, name
        lines = [line for line in order.splitlines()]
        closing = lines.index("IT IS SO ORDERED.")
        exhibit = lines.index("EXHIBIT A")
        assert all(not line.strip() for line in lines[closing + 1:exhibit]), lines[closing:exhibit]
        assert "Dated:" not in order and judge not in order and "United States District Judge" not in order, name
        assert "GOOD CAUSE APPEARING, the Court approves" not in order
        assert "/s/" not in order and "Respectfully submitted" not in order  # counsel sign the motion


def test_txed_motion_carries_counsel_names_the_text_of_proposed_order_and_certifies_conference(txed):
    for name, filer in (("brasswell-txed", "Lucia F. Garza"), ("lumenvale-txed-patent", "Carter B. Ellison")):
        motion = txed[name]["motion.docx"]
        assert ("Submitted with this motion: Text of Proposed Order, the proposed Stipulated Protective Order (clean)."
                in motion), name
        assert "Exhibit A" not in motion  # the order's own Exhibit A is the acknowledgment
        certificate = motion[motion.index("CERTIFICATE OF CONFERENCE"):]
        assert "Counsel for all parties conferred about the relief this motion asks for, in keeping with Local Rule CV-7(h)." in certificate
        assert "the motion is filed jointly: it is unopposed." in certificate
        assert f"/s/ {filer}" in certificate
        assert motion.index("Respectfully submitted") < motion.index("CERTIFICATE OF CONFERENCE")
        checklist = txed[name]["checklist.md"]
        assert "Local Rule CV-7(a)" in checklist and "no date line, signature line or judge's name" in checklist


def test_other_courts_keep_their_judges_lines_and_their_own_motion_form(capsys, tmp_path):
    target, _ = _package(capsys, tmp_path, "alotrolado-casd.yaml")
    order, motion = full_text(target / "proposed-order.docx"), full_text(target / "motion.docx")
    assert "CERTIFICATE OF CONFERENCE" not in motion and "Text of Proposed Order" not in motion
    cacd = tmp_path / "segal.docx"
    assert invoke(capsys, "render", str(SAMPLES / "segal-cacd.yaml"), "-o", str(cacd)).code == 0
    text = full_text(cacd)
    assert "[PROPOSED]" in text and "Dated:" in text.split("IT IS SO ORDERED.")[-1]
    closing = order.split("IT IS SO ORDERED.")[-1]
    assert "Dated:" in closing and "United States Magistrate Judge" in closing  # S.D. Cal. keeps its judge's lines


def test_a_conferral_in_the_answers_dates_the_certificate_of_conference(capsys, tmp_path):
    data = sample_data("brasswell-txed.yaml")
    data["conferral"] = {"date": "2026-11-18", "manner": "telephone",
                         "participants": "Lucia F. Garza (for Brasswell) and Owen J. Petrakis (for Tamarind)"}
    target, _ = _package(capsys, tmp_path, "brasswell-txed.yaml", data)
    motion = full_text(target / "motion.docx")
    assert "Counsel for all parties conferred on November 18, 2026, by telephone, about the relief" in motion


# --- txed: Lumenvale ------------------------------------------------------------------------------------

def test_material_produced_before_entry_has_interim_top_tier_until_designated(txed, capsys, tmp_path):
    order = txed["lumenvale-txed-patent"]["proposed-order.docx"]
    assert "MATERIAL PRODUCED BEFORE THIS ORDER" in order
    assert ("produced in this Action before this Order is entered, including material served with contentions or "
            "disclosures under the Court's patent rules, is treated, from the time this Order is entered, as if it had "
            "been designated “HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY” (or, where it is source code, “HIGHLY "
            "CONFIDENTIAL – SOURCE CODE”), until the Producing Party designates it under this Order.") in order
    assert "Within 21 days after this Order is entered, the Producing Party must designate such material" in order
    assert "Patent Rule 2-2" not in order and "P. R. 2-2" not in order  # the rule was not verified: not cited
    assert "MATERIAL PRODUCED BEFORE THIS ORDER" not in txed["brasswell-txed"]["proposed-order.docx"]
    # without patents or an AEO tier: the lowest tier, no patent-rules words
    data = sample_data("fernhollow-njd.yaml")
    data["tiers"] = ["confidential"]
    for category in data["categories"]:
        category.pop("tier", None)
    data["options"]["pre_entry_productions"] = True
    out = tmp_path / "njd.docx"
    source = tmp_path / "njd.yaml"
    source.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert invoke(capsys, "render", str(source), "-o", str(out)).code == 0
    text = full_text(out)
    assert "as if it had been designated “CONFIDENTIAL”, until" in text and "patent rules" not in text


# --- njd: the certifications in support -----------------------------------------------------------------

def test_njd_one_certification_per_producing_party_about_its_own_material(capsys, tmp_path):
    target, _ = _package(capsys, tmp_path, "fernhollow-njd.yaml")
    names = sorted(p.name for p in target.iterdir())
    assert names == ["certification-in-support-fernhollow-biologics.docx", "certification-in-support-quarry-lane.docx",
                     "checklist.md", "proposed-order.docx"]
    quarry = full_text(target / "certification-in-support-quarry-lane.docx")
    fern = full_text(target / "certification-in-support-fernhollow-biologics.docx")
    assert "CERTIFICATION OF DANA P. WHITCOMB IN SUPPORT OF THE PROPOSED DISCOVERY CONFIDENTIALITY ORDER" in quarry
    assert "I am employed by Quarry Lane Contract Manufacturing LLC as Chief Operating Officer. I make" in quarry
    assert "I am employed by Fernhollow Biologics, Inc. as Vice President, Supply Chain. I make" in fern
    assert "about the material Quarry Lane Contract Manufacturing LLC will produce in discovery" in quarry
    assert "Batch manufacturing records." in quarry and "Supply agreement pricing." in quarry
    assert "Fernhollow's supply forecasts." not in quarry
    assert "Fernhollow's supply forecasts." in fern and "Batch manufacturing records." not in fern
    assert "Supply agreement pricing." not in fern
    # interests from the answers, named for the party
    assert ("(b) Interests that warrant confidentiality. Quarry Lane sets its per-lot prices and minimum-volume floors "
            "separately for each client") in quarry
    assert "(b) Interests that warrant confidentiality. Fernhollow's launch dates and planned volumes are not public" in fern
    assert "the producing party's interest" not in quarry + fern
    for text, signer in ((quarry, "Dana P. Whitcomb"), (fern, "Priya N. Castellan")):
        assert "[DRAFTER" not in text and "____" not in text and "Inc.." not in text
        assert "I know the facts stated below personally." in text and "or from" not in text
        assert "I certify under penalty of perjury that the foregoing is true and correct.\nDated: November 20, 2026" in text
        assert f"s/ {signer}\n{signer}\n" in text
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "by Dana P. Whitcomb (Chief Operating Officer, Quarry Lane Contract Manufacturing LLC)" in checklist
    assert "[DRAFTER" not in checklist


def test_njd_certification_without_a_declarant_is_counsels_and_the_checklist_says_so(capsys, tmp_path):
    data = sample_data("fernhollow-njd.yaml")
    del data["parties"][0]["declarant"]
    for category in data["categories"]:
        if category["name"] == "Supply agreement pricing":
            del category["produced_by"]
    target, _ = _package(capsys, tmp_path, "fernhollow-njd.yaml", data)
    fern = full_text(target / "certification-in-support-fernhollow-biologics.docx")
    assert "I am counsel for Fernhollow Biologics, Inc. in this action." in fern
    assert "s/ Rebecca L. Adeyemi\nRebecca L. Adeyemi\nCounsel for Plaintiff Fernhollow Biologics, Inc." in fern
    assert "[DRAFTER" not in fern
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    notes = checklist.split("## Before the certifications are filed")[1].split("##")[0]
    assert "signed by Rebecca L. Adeyemi, counsel, because the answers name no declarant for Fernhollow Biologics, Inc." in notes
    assert "these categories name no producing party, so every certification covers them: Supply agreement pricing." in notes


def test_produced_by_must_name_a_party(capsys, tmp_path):
    data = sample_data("fernhollow-njd.yaml")
    data["categories"][0]["produced_by"] = ["Quarry Lane"]
    _, outcome = _package(capsys, tmp_path, "fernhollow-njd.yaml", data, code=2)
    assert "produced_by 'Quarry Lane' is not the name of a party in `parties`" in outcome.err


def test_njd_batch_record_harm_states_the_risk_of_disclosure_not_misconduct(capsys, tmp_path):
    out = tmp_path / "njd.docx"
    assert invoke(capsys, "render", str(SAMPLES / "fernhollow-njd.yaml"), "-o", str(out)).code == 0
    text = " ".join(full_text(out).split())
    assert "would pass Quarry Lane's platform process" not in text
    assert ("Fernhollow is moving the product to another contract manufacturer, and Fernhollow's technical staff will "
            "take part in that technology transfer. Disclosure of the parameters to Fernhollow personnel would therefore "
            "carry Quarry Lane's platform process into the transfer") in text
    outcome = invoke(capsys, "check", str(SAMPLES / "fernhollow-njd.yaml"))
    assert outcome.code == 0 and "speculative_harm" not in outcome.out + outcome.err
