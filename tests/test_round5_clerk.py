"""What the round-5 clerks sent back for C.D. Cal. and S.D. Cal. (docs/review-verdicts/round5-verdict-*.md),
checked on what a user sees: the rendered order, the package's motion and checklist, exit codes and messages."""

from __future__ import annotations

import yaml

from cli_inprocess import assert_clean, poassembler
from conftest import SAMPLES, sample_data
from docx_text import full_text

AEO = "“HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY”"
DEPONENT = "This does not prevent the deponent from reviewing the transcript of the deponent's own testimony"


def test_interim_treatment_stays_within_the_good_cause_statement(render):
    """cacd 1 / casd 5: while a transcript or inspected material awaits designation it is CONFIDENTIAL; the top
    tier only for what the Designating Party identifies as the category §2 allows there; the deponent reviews."""
    cacd = full_text(render("segal-cacd.yaml"))
    assert f"Until that period expires, the entire transcript is treated as “CONFIDENTIAL”, except that testimony the Designating Party identifies on the record, or by written notice to all Parties before the transcript is delivered, as information in “Warehouse-routing software and rate tables” is treated as {AEO}." in cacd
    assert f"all of the material made available is treated as “CONFIDENTIAL”, except that material the Producing Party identifies, in writing before or at the inspection, as information in “Warehouse-routing software and rate tables” is treated as {AEO}." in cacd
    assert f"the entire transcript is treated as {AEO}" not in cacd
    assert DEPONENT in cacd and "Fed. R. Civ. P. 30(e)" in cacd
    casd = full_text(render("alotrolado-casd.yaml"))
    assert "as information in “Port-of-entry surveillance capabilities” is treated as" in casd
    assert f"all of the material made available is treated as {AEO}" not in casd


def test_the_n_d_cal_patent_model_keeps_its_interim_top_tier(render):
    """cand: the patent model holds the transcript and inspected material at the top tier (format.interim_top_tier);
    the deponent may still review their own transcript."""
    cand = full_text(render("quillfeather-cand.yaml"))
    assert f"Until that period expires, the entire transcript is treated as {AEO}." in cand
    assert f"all of the material made available is treated as {AEO}, except that source code" in cand
    assert DEPONENT in cand


def test_earlier_orders_are_named_and_their_relation_stated(render):
    """casd 1 and 4: the earlier sealing and asylum-information orders, 8 C.F.R. § 208.6, the agencies."""
    text = full_text(render("alotrolado-casd.yaml"))
    assert "EARLIER ORDERS IN THIS ACTION" in text
    assert ("The order of April 7, 2021 (ruling on Doc. Nos. 647 and 684), which governs the production of asylum "
            "information of potential preliminary-injunction class members") in text
    assert "Material that order governs remains subject to it alone: this Order does not apply to that material" in text
    assert "This Order supplements that order and does not modify it." in text
    assert "This information is also kept confidential by 8 C.F.R. § 208.6" in text
    assert ("It authorizes the U.S. Department of Homeland Security and U.S. Customs and Border Protection to produce, "
            "in response to discovery") in text
    assert "It authorizes Kristi Noem" not in text
    assert "only records about United States citizens and aliens lawfully admitted for permanent residence (5 U.S.C. § 552a(a)(2))" in text


def test_an_order_replaced_without_a_reason_is_refused(tmp_path):
    data = sample_data("alotrolado-casd.yaml")
    data["prior_orders"][0]["relation"] = "replaces"
    answers = tmp_path / "replaces.yaml"
    answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    outcome = poassembler("render", answers, "-o", tmp_path / "out.docx")
    assert_clean(outcome, 2)
    assert "prior_orders" in outcome.err and "why this Order replaces the earlier order" in outcome.err
    assert not (tmp_path / "out.docx").exists()


def test_replacing_an_order_says_why(render):
    data = sample_data("alotrolado-casd.yaml")
    data["prior_orders"][0].update(relation="replaces", reason="the parties now produce the same material under tiers.")
    text = full_text(render(data))
    assert ("This Order replaces that order from the date this Order is entered, because the parties now produce the "
            "same material under tiers. Material produced under the earlier order") in text


def test_et_al_only_when_the_answers_say_there_are_more_parties(render, tmp_path):
    """casd 3: no "et al." when the caption lists every party; with more_parties, "X, et al." on both sides."""
    listed = full_text(render("alotrolado-casd.yaml"))
    assert "et al." not in listed
    data = sample_data("alotrolado-casd.yaml")
    data["case"].update(short_title="", more_parties=True)
    more = full_text(render(data))
    assert "Al Otro Lado, Inc., et al.\nPlaintiffs,\nv.\nKristi Noem, Secretary of Homeland Security, in her official capacity, et al.\nDefendants." in more
    assert "“Action”: Al Otro Lado, Inc., et al. v. Kristi Noem, et al., Case No." in more
    bad = sample_data("alotrolado-casd.yaml")
    bad["case"]["short_title"] = "Al Otro Lado, Inc., et al. v. Noem, et al."
    answers = tmp_path / "et-al.yaml"
    answers.write_text(yaml.safe_dump(bad, allow_unicode=True), encoding="utf-8")
    outcome = poassembler("render", answers, "-o", tmp_path / "out.docx")
    assert_clean(outcome, 2)
    assert "more_parties" in outcome.err


def test_cacd_package_lists_the_submission_steps_and_what_to_verify(tmp_path):
    """cacd 4 and all packages: the stipulation, the PDF attachment, the Word copy through CM/ECF, and the
    profile's unverified citations under VERIFY BEFORE FILING, each with its source."""
    target = tmp_path / "pkg"
    outcome = poassembler("render", SAMPLES / "segal-cacd.yaml", "--package", target)
    assert outcome.code == 0, outcome.err
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "No submission steps are recorded" not in checklist
    assert "File the stipulation on CM/ECF as the main document" in checklist
    assert "Attach the proposed order to that filing as a PDF" in checklist
    assert "Utilities → Proposed Orders" in checklist and "http://www.cacd.uscourts.gov/e-filing/proposed-documents" in checklist
    verify = checklist.split("## VERIFY BEFORE FILING", 1)[1]
    assert "- [ ] L.R. 79-5.2.2(b) — Under-seal filing of material designated confidential by another party (source: https://courtrules.net/courts/federal/central-district-california/local-rules/1393)" in verify
    assert "- [ ] L.R. 11-3.2 — 28-line numbered paper" in verify
    assert "l37_conference_days" not in verify  # shown for information only: not in the order


def test_the_footer_case_number_is_the_courts_compact_form():
    from poassembler.pipeline.word_footer import compact_case_number

    assert compact_case_number("3:17-cv-02366-BAS-KSC") == "17cv2366-BAS-KSC"
    assert compact_case_number("21-cv-1428-MMA-KSC") == "21cv1428-MMA-KSC"
    assert compact_case_number("2:26-cv-00045") == "26cv0045"
    assert compact_case_number("CV 12-10003 SVW (SSx)") == "CV 12-10003 SVW (SSx)"
