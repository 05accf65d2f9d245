"""Courts' model orders as data: the draft in the model's order, the memo's model column, the check's
missing sections, the deviation explanation, the redline against a copy of the model, the filing package."""

from __future__ import annotations

import json
from pathlib import Path

import docx
import pytest
import yaml

from cli_inprocess import assert_clean, invoke
from conftest import SAMPLES, sample_data
from docx_text import full_text, paragraphs
from model_mode_fixture import standin_for

QUILL = str(SAMPLES / "quillfeather-cand.yaml")
CEDAR = str(SAMPLES / "cedarline-wawd.yaml")
PELL = str(SAMPLES / "pellworth-ilnd.yaml")


def write_answers(tmp_path: Path, data: dict, name: str = "case.yaml") -> Path:
    import yaml

    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def headings(path: Path) -> list[str]:
    """The order's numbered section headings, in document order."""
    document = docx.Document(str(path))
    return [p.text for p in document.paragraphs if p.style.name == "PO Heading 1"]


def stand_in_model(path: Path) -> Path:
    """A stand-in for a court's model order, written here in the project's own words (never a court's text)."""
    document = docx.Document()
    document.add_paragraph("STAND-IN MODEL CONFIDENTIALITY ORDER")
    for heading, text in [
        ("PURPOSES AND LIMITATIONS", "This stand-in text exists only for tests."),
        ("SCOPE", "Stand-in scope paragraph."),
        ("CHALLENGING CONFIDENTIALITY DESIGNATIONS", "Stand-in challenge paragraph."),
    ]:
        document.add_paragraph(heading)
        document.add_paragraph(text)
    document.save(str(path))
    return path


# --- the draft follows the model -----------------------------------------------------------------


def test_patent_draft_follows_the_n_d_cal_model_order_and_numbering(render):
    data = sample_data("quillfeather-cand.yaml")
    data["options"]["prosecution_bar"] = False
    out = headings(render(data))
    model = ["PURPOSES AND LIMITATIONS", "DEFINITIONS", "SCOPE", "DURATION", "DESIGNATING PROTECTED MATERIAL",
             "CHALLENGING CONFIDENTIALITY DESIGNATIONS", "ACCESS TO AND USE OF PROTECTED MATERIAL", "PROSECUTION BAR",
             "SOURCE CODE", "PROTECTED MATERIAL SUBPOENAED OR ORDERED PRODUCED IN OTHER LITIGATION",
             "A NON-PARTY'S PROTECTED MATERIAL SOUGHT TO BE PRODUCED IN THIS LITIGATION",
             "UNAUTHORIZED DISCLOSURE OF PROTECTED MATERIAL",
             "INADVERTENT PRODUCTION OF PRIVILEGED OR OTHERWISE PROTECTED MATERIAL", "MISCELLANEOUS", "FINAL DISPOSITION"]
    assert out[: len(model)] == model  # section N of the draft is section N of the model


def test_a_model_section_the_case_does_not_need_keeps_its_number(render):
    data = sample_data("quillfeather-cand.yaml")
    data["options"]["prosecution_bar"] = False
    texts = paragraphs(render(data))
    at = texts.index("PROSECUTION BAR")
    assert texts[at + 1] == "[Intentionally omitted.]"
    assert texts[at + 2] == "SOURCE CODE"


def test_clauses_the_model_lacks_keep_their_headings_inside_a_model_section(render):
    """cand round 3, 4: a merged clause's heading is a run-in caption, not a second, unnumbered heading line."""
    texts = paragraphs(render("quillfeather-cand.yaml"))

    def at(caption):
        return next(i for i, t in enumerate(texts) if t.startswith(caption + ". "))

    assert texts.index("PURPOSES AND LIMITATIONS") < at("GOOD CAUSE STATEMENT") < texts.index("DEFINITIONS")
    assert texts.index("MISCELLANEOUS") < at("RIGHT TO FURTHER RELIEF") < at("FILING PROTECTED MATERIAL")
    assert "GOOD CAUSE STATEMENT" not in texts and "ACCESS TO HIGHLY CONFIDENTIAL MATERIAL" not in texts
    assert "A NON-PARTY'S PROTECTED MATERIAL SOUGHT TO BE PRODUCED IN THIS ACTION" not in texts


def test_a_case_the_model_does_not_govern_keeps_the_library_order(render):
    data = sample_data("quillfeather-cand.yaml")
    data["case"]["type"] = "commercial"
    data["tiers"] = ["confidential"]
    data["options"] = {}
    data["categories"] = [c for c in data["categories"] if c["kind"] != "source_code"]
    for category in data["categories"]:
        category.pop("tier", None)
    out = headings(render(data))
    assert "MISCELLANEOUS" not in out and "[Intentionally omitted.]" not in full_text(render(data))
    assert out.index("GOOD CAUSE STATEMENT") == 1


# --- memo, check ----------------------------------------------------------------------------------


def test_memo_shows_the_model_section_of_each_clause(capsys, tmp_path):
    out = tmp_path / "q.docx"
    assert invoke(capsys, "render", QUILL, "-o", str(out), "--memo").code == 0
    memo = (tmp_path / "q.memo.md").read_text(encoding="utf-8")
    assert "Model order: corresponds to § 6 CHALLENGING CONFIDENTIALITY DESIGNATIONS" in memo
    assert "Model order: not in the model; placed within § 1 PURPOSES AND LIMITATIONS" in memo


def test_check_reports_model_sections_the_draft_lacks(capsys, tmp_path):
    data = sample_data("quillfeather-cand.yaml")
    data["options"]["prosecution_bar"] = False
    result = invoke(capsys, "check", str(write_answers(tmp_path, data)), "--format", "json")
    findings = [f for f in json.loads(result.out)["findings"] if f["rule"] == "model_sections"]
    assert [f["concerns"] for f in findings] == ["model order: § 8 PROSECUTION BAR"]
    assert findings[0]["severity"] == "warning" and "--deviations" in findings[0]["action"]


def test_docx_check_entry_point_finds_model_sections_by_heading(library):
    from poassembler.review.check_model import docx_model_findings
    from poassembler.review.model_order import section_label

    profile = library.profiles.resolve("wawd")
    clause_headings = {c.id: c.spec.heading for c in library.clauses.ordered()}
    found = docx_model_findings(profile, ["1. PURPOSES AND LIMITATIONS", "2. “CONFIDENTIAL” MATERIAL", "3. Scope",
                                          "CHALLENGING CONFIDENTIALITY DESIGNATIONS"], clause_headings)
    missing = [f.concerns for f in found]
    assert missing == [f"model order: {section_label(s)}" for s in profile.model_order.sections if s.number not in ("1", "2", "3", "6")]
    assert missing[-2:] == ["model order: Rule 502(d) order (no heading in the model)",
                            "model order: Exhibit A ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND"]
    # A heading of a clause that carries the section counts as the section.
    found = docx_model_findings(profile, ["PURPOSES AND LIMITATIONS", "“CONFIDENTIAL” MATERIAL", "SCOPE", "CHALLENGING CONFIDENTIALITY DESIGNATIONS",
                                          "ACCESS TO AND USE OF PROTECTED MATERIAL", "DESIGNATING PROTECTED MATERIAL",
                                          "PROTECTED MATERIAL SUBPOENAED OR ORDERED PRODUCED IN OTHER LITIGATION",
                                          "UNAUTHORIZED DISCLOSURE OF PROTECTED MATERIAL",
                                          "INADVERTENT PRODUCTION OF PRIVILEGED OR OTHERWISE PROTECTED MATERIAL", "FINAL DISPOSITION",
                                          "NON-WAIVER ORDER UNDER FEDERAL RULE OF EVIDENCE 502(d)", "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND"], clause_headings)
    assert found == []


# --- render --deviations --------------------------------------------------------------------------


def test_deviations_explain_each_departure_with_its_cause(capsys, tmp_path):
    data = sample_data("cedarline-wawd.yaml")
    data["tiers"] = ["confidential", "highly_confidential_aeo"]
    out = tmp_path / "w.docx"
    result = invoke(capsys, "render", str(write_answers(tmp_path, data)), "-o", str(out), "--memo", "--deviations")
    assert result.code == 0, result.err
    memo = (tmp_path / "w.memo.md").read_text(encoding="utf-8")
    assert "## Departures from the Model Stipulated Protective Order" in memo
    assert "| Departure | Model section | This draft | Caused by | Why |" in memo
    # the second tier is the profile's known departure for § 4, caused by the tiers answer
    assert "the case facts: 'highly\\_confidential\\_aeo' in answers.tiers" in memo
    filed = full_text(tmp_path / "w.deviations.docx")
    assert "EXPLANATION OF DEPARTURES FROM THE COURT'S MODEL STIPULATED PROTECTIVE ORDER" in filed
    assert "HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY" in filed and "PROTECTED HEALTH INFORMATION" in filed
    assert "answers:" not in filed  # the court reads reasons, not the tool's field names
    # wawd's map is not confirmed heading by heading: the filed explanation carries no drafter's note and claims no
    # absence of departures; every section of the draft has its place in the model (added sections placed in one),
    # each reworded model section (502(d), Exhibit A) and each period is listed.
    assert "[DRAFTER" not in filed and "no departure" not in filed
    assert "does not reproduce the model's text, so every section departs from the model's wording" in filed
    assert "Not matched to a model section" not in filed and "DEFINITIONS" in filed and "DURATION" in filed
    # each model section the draft carries says what the model provides (the profile's substance, our words), each
    # known change gives its reason; the periods equal the model's, so only periods the model lacks are listed
    # the filed explanation lists departures only: the sections carried with no change in substance are named in
    # one sentence (draft § and model §); what each provides stays in the memo
    assert "Carried" not in filed and "Rule 502(b) does not apply" not in filed
    assert ("These sections carry the model's provisions with no change in substance, in the parties' own words: "
            "§ 6 CHALLENGING CONFIDENTIALITY DESIGNATIONS (model § 6), ") in filed
    assert "NON-WAIVER ORDER UNDER FEDERAL RULE OF EVIDENCE 502(d) (model Rule 502(d) order (no heading in the model))" in filed
    assert "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND (model Exhibit A)." in filed
    assert "Rule 502(b) does not apply" in memo and "the designating party may file and serve a motion to retain confidentiality" in memo
    assert "provisions (" not in memo and "; …" not in memo  # substance is a list after a colon, never in parentheses
    assert "Lets a Receiving Party who is a natural person see CONFIDENTIAL material" in filed
    assert "days: deposition designation" not in filed and "days: final disposition" not in filed
    # a period of a section the model lacks is part of that section's row, never "not compared"
    assert "not compared" not in filed
    assert "A NON-PARTY'S PROTECTED MATERIAL SOUGHT TO BE PRODUCED IN THIS ACTION (within § 7" in filed
    assert "The section sets its own period, which the model does not have: 14 days (non-party objection)." in filed
    # every section is listed but some facts are unverified: the memo lists the rows to confirm, not an incomplete map
    assert "lists only some of the model's sections" not in memo and "records only some" not in memo
    assert "VERIFY BEFORE FILING: confirm against your copy of the model: rows " in memo
    assert "(Changed: § 3 SCOPE)" in memo and "(Changed: § 1 PURPOSES AND LIMITATIONS)" not in memo
    assert "VERIFY" not in filed and "profile" not in filed
    # a section the model leaves to the parties shows both: filled in, and the recorded departure that applies
    assert "Filled in" in filed and "the list may not be enlarged by the parties' agreement" in filed
    # an added section names its real cause (the court's profile), not an option that only varies its wording
    definitions = next(line for line in memo.splitlines() if line.startswith("| Added") and "DEFINITIONS" in line)
    assert "court profile federal: definitions required" in definitions and "answers: tiers" not in definitions
    assert "/s/ Miriam T. Sandoval" in filed
    table = docx.Document(str(tmp_path / "w.deviations.docx")).tables[0]
    assert [c.text for c in table.rows[0].cells] == ["No.", "Departure", "Model section", "Proposed order", "Reason"]


def test_deviations_for_a_court_without_a_model_write_nothing(capsys, tmp_path):
    out = tmp_path / "h.docx"
    result = invoke(capsys, "render", str(SAMPLES / "harborline-nysd.yaml"), "-o", str(out), "--deviations")
    assert result.code == 0
    assert "no model order governs this case" in result.err
    assert not (tmp_path / "h.deviations.docx").exists()


# --- redline against the court's model ------------------------------------------------------------


def test_redline_against_a_copy_of_the_model(capsys, tmp_path):
    from poassembler.review.word_redline import count_revisions, inserted_and_deleted_text

    model = stand_in_model(tmp_path / "model.docx")
    out = tmp_path / "p.docx"
    result = invoke(capsys, "render", PELL, "-o", str(out), "--redline-against", str(model), "--memo")
    assert result.code == 0, result.err
    redline = (tmp_path / "p.redline.docx").read_bytes()
    inserted, deleted = inserted_and_deleted_text(redline)
    assert count_revisions(redline).insertions > 0
    assert any("stand-in text exists only for tests" in d for d in deleted)  # the model's words, struck
    assert any("LR 37.2" in i for i in inserted)  # the draft's words, added
    memo = (tmp_path / "p.memo.md").read_text(encoding="utf-8")
    assert "## Redline against the court's model" in memo and "model.docx" in memo


@pytest.mark.parametrize("name, says", [("model.pdf", "must be a Word .docx file"), ("absent.docx", "no such file")])
def test_redline_against_needs_a_word_copy_of_the_model(capsys, tmp_path, name, says):
    if name.endswith(".pdf"):
        (tmp_path / name).write_bytes(b"%PDF-1.4 stand-in")
    result = invoke(capsys, "render", PELL, "-o", str(tmp_path / "p.docx"), "--redline-against", str(tmp_path / name))
    assert_clean(result, 2)
    assert says in result.err
    assert not (tmp_path / "p.docx").exists()


# --- render --package -----------------------------------------------------------------------------


def test_package_holds_what_the_n_d_ill_expects(capsys, tmp_path):
    model = standin_for("ilnd", tmp_path / "form-26-2.docx")
    target = tmp_path / "package"
    result = invoke(capsys, "render", PELL, "--package", str(target), "--from-model", str(model))
    assert result.code == 0, result.err
    assert sorted(p.name for p in target.iterdir()) == sorted([
        "motion.docx", "proposed-order.docx", "proposed-order-redline-against-model.docx",
        "explanation-of-departures.docx", "checklist.md"])
    motion = full_text(target / "motion.docx")
    assert "AGREED MOTION FOR ENTRY OF STIPULATED PROTECTIVE ORDER" in motion
    assert "Exhibit A, the proposed Stipulated Protective Order (clean)" in motion
    assert "Exhibit B, the proposed order, showing each difference from the Court's Form LR 26.2 Model Confidentiality Order" in motion
    assert "form-26-2.docx" not in motion  # the motion names exhibits for the court, not files
    order_text = full_text(target / "proposed-order.docx")
    assert "STIPULATED PROTECTIVE ORDER" in order_text and "[PROPOSED]" not in order_text  # the title the motion names
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    # The sample is before Judge Alonso: his profile sets the mailbox and steps, the district the rest.
    assert "Court: Northern District of Illinois (United States District Judge Jorge L. Alonso)" in checklist
    assert "Mailbox: Proposed_Order_Alonso@ilnd.uscourts.gov" in checklist
    assert "Subject line: [case name] [case number]; [docket number of the motion]" in checklist
    assert "non-redlined Word format (no PDF)" in checklist and "https://www.ilnd.uscourts.gov/judge-cmp-detail.aspx?cmpid=891" in checklist
    # The order is built on the user's copy of the form (the judges require it): the checklist and motion say so
    assert "**The proposed order is built on your copy of the Form LR 26.2 Model Confidentiality Order**" in checklist
    assert "- [ ] Confirm against your copy of the model: rows " in checklist and "**[VERIFY BEFORE FILING]**" in checklist
    assert "does not reproduce the text" not in motion
    assert "The proposed order is built on the Court's Form LR 26.2 Model Confidentiality Order" in motion
    assert "The redline submitted with this motion shows each difference of text from the model" in motion
    assert "conferred in good faith by telephone on November 18, 2026, about the terms of the proposed order" in motion
    assert "As Local Rule 37.2 requires" in motion and "____" not in motion
    filed = full_text(target / "explanation-of-departures.docx")
    assert "[DRAFTER" not in filed and "no departure" not in filed
    assert "§ 2 Confidential Information (the parties' text in place of the model's)" in filed  # the form's § 2
    assert "ACCESS TO HIGHLY CONFIDENTIAL MATERIAL" in filed  # the sample's second tier is listed


def test_package_without_a_judge_profile_names_the_district_practice(capsys, tmp_path):
    data = sample_data("pellworth-ilnd.yaml")
    data.pop("judge")
    model = standin_for("ilnd", tmp_path / "form-26-2.docx")
    target = tmp_path / "package"
    result = invoke(capsys, "render", str(write_answers(tmp_path, data)), "--package", str(target), "--from-model", str(model))
    assert result.code == 0, result.err
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "Mailbox: Proposed_Order_[judge's last name]@ilnd.uscourts.gov" in checklist
    assert "in Word (not PDF)" in checklist and "https://www.ilnd.uscourts.gov/PrintContent.aspx?cmpid=1439" in checklist


def test_package_is_all_or_nothing(capsys, tmp_path):
    target = tmp_path / "package"
    result = invoke(capsys, "render", PELL, "--package", str(target))  # the court wants its model's text: none given
    assert_clean(result, 2)
    assert "models fetch ilnd" in result.err and "--from-model MODEL.docx" in result.err
    broken = tmp_path / "broken.docx"
    broken.write_bytes(b"not a word file")
    result = invoke(capsys, "render", PELL, "--package", str(target), "--from-model", str(broken))
    assert result.code == 2, result.err
    assert not target.exists()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".")] == []  # no staging folder left behind


def test_package_never_fills_a_folder_that_is_in_use(capsys, tmp_path):
    target = tmp_path / "package"
    target.mkdir()
    (target / "keep.txt").write_text("mine")
    model = standin_for("wawd", tmp_path / "model.docx")
    result = invoke(capsys, "render", CEDAR, "--package", str(target), "--from-model", str(model))
    assert_clean(result, 4)
    assert [p.name for p in target.iterdir()] == ["keep.txt"]
    assert invoke(capsys, "render", CEDAR, "--package", str(target), "--force", "--from-model", str(model)).code == 0
    assert sorted(p.name for p in target.iterdir()) == ["checklist.md", "explanation-of-departures.docx", "proposed-order-redline-against-model.docx", "proposed-order.docx"]


def test_package_for_a_stipulation_court_has_no_motion_and_flags_unverified_steps(capsys, tmp_path):
    target = tmp_path / "package"
    assert invoke(capsys, "render", str(SAMPLES / "fernhollow-njd.yaml"), "--package", str(target)).code == 0
    # no motion; the certification in support L.Civ.R. 5.3(b)(2) asks for goes with the order
    assert sorted(p.name for p in target.iterdir()) == ["certification-in-support-fernhollow-biologics.docx",
                                                        "certification-in-support-quarry-lane.docx", "checklist.md",
                                                        "proposed-order.docx"]
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "**[VERIFY BEFORE FILING]**" in checklist and "L.Civ.R. 5.3(c)" in checklist


def test_validate_names_an_unknown_clause_in_a_model_map(capsys, tmp_path):
    from conftest import ROOT

    folder = tmp_path / "lib" / "jurisdictions"
    folder.mkdir(parents=True)
    text = (ROOT / "jurisdictions" / "wawd.yaml").read_text(encoding="utf-8")
    (folder / "wawd.yaml").write_text(text.replace("clauses: [scope]", "clauses: [scopee]"), encoding="utf-8")
    result = invoke(capsys, "--library", str(tmp_path / "lib"), "validate")
    assert result.code == 3
    assert "model_order: section 'SCOPE' names unknown clause id 'scopee'; did you mean 'scope'?" in result.out + result.err


def test_a_judge_profile_overrides_submission_fields_one_by_one(capsys, tmp_path):
    """Submission merges field by field: a judge sets the mailbox, the district's steps and motion remain."""
    folder = tmp_path / "lib" / "jurisdictions"
    folder.mkdir(parents=True)
    (folder / "ilnd-example.yaml").write_text(
        "id: ilnd-example\nextends: ilnd\nkind: judge\nname: \"Northern District of Illinois\"\n"
        "judge: {name: \"Example Judge\", title: \"United States District Judge\"}\n"
        "submission:\n  mailbox: \"Proposed_Order_Example@ilnd.uscourts.gov\"\n", encoding="utf-8")
    model = standin_for("ilnd", tmp_path / "model.docx")
    data = sample_data("pellworth-ilnd.yaml")
    data["judge"] = "example"
    target = tmp_path / "package"
    result = invoke(capsys, "--library", str(tmp_path / "lib"), "render", str(write_answers(tmp_path, data)),
                    "--package", str(target), "--from-model", str(model))
    assert result.code == 0, result.err
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "Mailbox: Proposed\\_Order" not in checklist  # plain text, not Markdown-escaped field names
    assert "Mailbox: Proposed_Order_Example@ilnd.uscourts.gov" in checklist
    assert "Subject line: [case name]" in checklist and (target / "motion.docx").exists()


def test_docx_entry_point_reads_a_word_order(library, render, tmp_path):
    from poassembler.review.check_model import docx_headings, docx_model_findings
    from poassembler.review.model_order import section_label

    profile = library.profiles.resolve("wawd")
    clause_headings = {c.id: c.spec.heading for c in library.clauses.ordered()}
    ours = render("cedarline-wawd.yaml")
    assert docx_model_findings(profile, docx_headings(ours), clause_headings) == []
    other = stand_in_model(tmp_path / "theirs.docx")  # PURPOSES, SCOPE, CHALLENGING only
    missing = [f.concerns for f in docx_model_findings(profile, docx_headings(other), clause_headings)]
    assert missing == [f"model order: {section_label(s)}" for s in profile.model_order.sections if s.number not in ("1", "3", "6")]


def test_package_replaced_with_force_keeps_the_old_one_if_the_new_one_fails(capsys, tmp_path, monkeypatch):
    target = tmp_path / "package"
    model = standin_for("wawd", tmp_path / "model.docx")
    assert invoke(capsys, "render", CEDAR, "--package", str(target), "--from-model", str(model)).code == 0
    before = (target / "proposed-order.docx").read_bytes()
    real_rename = Path.rename

    def failing_rename(self, other):
        if self.name.endswith(".tmp"):  # the finished new package moving into place
            raise OSError(28, "No space left on device")
        return real_rename(self, other)

    monkeypatch.setattr(Path, "rename", failing_rename)
    result = invoke(capsys, "render", CEDAR, "--package", str(target), "--force", "--from-model", str(model))
    assert_clean(result, 4)
    assert "could not be written" in result.err
    assert (target / "proposed-order.docx").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["model.docx", "package"]


def test_package_for_s_d_cal_has_the_joint_motion_signed_and_the_order_unsigned(capsys, tmp_path):
    """S.D. Cal.: the joint motion carries the parties' request, signatures and attestation; the proposed order
    (not an exhibit: e-mailed to chambers in Word) carries none of them; the checklist flags the [P] steps."""
    target = tmp_path / "package"
    result = invoke(capsys, "render", str(SAMPLES / "alotrolado-casd.yaml"), "--package", str(target))
    assert result.code == 0, result.err
    assert sorted(p.name for p in target.iterdir()) == ["checklist.md", "motion.docx", "proposed-order.docx"]
    motion = full_text(target / "motion.docx")
    assert "JOINT MOTION FOR ENTRY OF STIPULATED PROTECTIVE ORDER" in motion
    assert "Plaintiffs Al Otro Lado, Inc. and Abigail Doe, through counsel; and Defendants Kristi Noem and Rodney S. Scott, through counsel, jointly move the Court to enter" in motion
    assert "Good Cause Statement in Section 2 of the proposed order" in motion
    assert "/s/ Sofía Ramírez-Ortiz" in motion and "/s/ Taylor B. Okafor" in motion
    assert motion.count("Dated: November 12, 2026") == 2
    assert "Attorneys for Defendants Kristi Noem and Rodney S. Scott" in motion
    assert "ATTESTATION: I, Sofía Ramírez-Ortiz, the filer of this document, attest" in motion
    assert "Exhibit A" not in motion  # the proposed order goes to chambers, not onto the docket as an exhibit
    order = full_text(target / "proposed-order.docx")
    assert "[PROPOSED] STIPULATED PROTECTIVE ORDER" in order and "Attorneys for" not in order and "/s/ " not in order
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "E-mail the proposed order (proposed-order.docx) in Word format" in checklist
    assert checklist.count("**[VERIFY BEFORE FILING]**") == 4  # vehicle, both steps and the mailbox are [P]
    # round 5 (casd 7): the mailbox of the magistrate judge who signs, flagged until her chambers rules are read
    assert "- Mailbox: efile_crawford@casd.uscourts.gov **[VERIFY BEFORE FILING]**" in checklist
    # round 5 (casd 2): the motion is on the court's paper — counsel at the top of page 1, the full caption with
    # the motion's title, the footer with its short title and the CivLR 5.1.b case number
    assert motion.lstrip().startswith("Sofía Ramírez-Ortiz\nBar No. 268314\nBorder Rights Litigation Group")
    assert "Plaintiffs,\nv.\nKristi Noem, Secretary of Homeland Security, in her official capacity" in motion
    assert "Case No. 3:17-cv-02366-BAS-KSC\nJOINT MOTION FOR ENTRY OF STIPULATED PROTECTIVE ORDER" in motion
    assert motion.rstrip().endswith("Joint Motion for Entry of Stipulated Protective Order\n17cv2366-BAS-KSC")


def test_package_motion_elsewhere_keeps_the_plain_request(capsys, tmp_path):
    """N.D. Ill.'s motion (no motion clause) still lists the clean proposed order as Exhibit A."""
    model = standin_for("ilnd", tmp_path / "form-26-2.docx")
    target = tmp_path / "package"
    assert invoke(capsys, "render", PELL, "--package", str(target), "--from-model", str(model)).code == 0
    motion = full_text(target / "motion.docx")
    assert "Exhibit A, the proposed Stipulated Protective Order (clean)" in motion and "jointly move for entry" in motion
    assert "/s/ " in full_text(target / "proposed-order.docx")


@pytest.mark.parametrize("sample, court", [("cedarline-wawd.yaml", "wawd"), ("pellworth-ilnd.yaml", "ilnd")])
def test_a_court_that_wants_its_model_text_gets_no_package_worded_by_us(capsys, tmp_path, sample, court):
    """W.D. Wash. and N.D. Ill. judges want the order built on the model: without --from-model the package is
    refused (one message, exit 2, nothing written); the order alone renders with the same words as a warning,
    once, and the memo says so."""
    target = tmp_path / "package"
    result = invoke(capsys, "render", str(SAMPLES / sample), "--package", str(target))
    assert_clean(result, 2)
    assert result.err.count("error: ") == 1 and "warning:" not in result.err
    assert f"`poassembler models fetch {court}" in result.err and "--from-model MODEL.docx" in result.err
    assert "save it as Word (.docx)" in result.err
    assert not target.exists()
    order = tmp_path / "order.docx"
    result = invoke(capsys, "render", str(SAMPLES / sample), "-o", str(order), "--memo")
    assert result.code == 0, result.err
    assert result.err.count("not built on the model") == 1 and "--from-model MODEL.docx" in result.err
    memo = (tmp_path / "order.memo.md").read_text(encoding="utf-8")
    assert "Not built on the court's model" in memo and "--from-model MODEL.docx" in memo
    # built on a stand-in copy of the model: no warning
    model = standin_for(court, tmp_path / "model.docx")
    result = invoke(capsys, "render", str(SAMPLES / sample), "-o", str(tmp_path / "built.docx"), "--from-model", str(model))
    assert result.code == 0 and "not built on the model" not in result.err


def test_a_court_without_the_requirement_still_packages_its_own_wording(capsys, tmp_path):
    """D.N.J. has no model-text requirement in its profile: its package is made without a model copy."""
    data = yaml.safe_load((SAMPLES / "fernhollow-njd.yaml").read_text(encoding="utf-8"))
    assert data
    result = invoke(capsys, "render", str(SAMPLES / "fernhollow-njd.yaml"), "-o", str(tmp_path / "o.docx"))
    assert result.code == 0 and "not built on the model" not in result.err


def test_explanation_rows_are_keyed_to_the_sections_that_print_each_change_once(render, tmp_path, library):
    """Round 6 (ilnd clerk): a change made by sections the map adds is one row at those sections (not at the model
    section's carrier, and not again as an "Added" row), and no section is called both changed and unchanged."""
    import re

    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.review.deviations import build_deviations

    report = build_deviations(plan_draft(load_answers(Path(PELL)), library))
    filed = report.filed()
    numbers = {h: n for n, h in enumerate(headings(render("pellworth-ilnd.yaml")), start=1)}

    def at(heading: str) -> str:
        return next(f"§ {n}" for h, n in numbers.items() if heading in h)

    rows = [d.draft for d in filed]
    access = [r for r in rows if "Adds the top tier's access list" in r]
    assert access == [f"{at('ACCESS TO HIGHLY CONFIDENTIAL')} ACCESS TO HIGHLY CONFIDENTIAL MATERIAL, "
                      f"{at('NOTICE BEFORE DISCLOSING')} NOTICE BEFORE DISCLOSING HIGHLY CONFIDENTIAL MATERIAL: Adds the "
                      "top tier's access list and the written notice, objection and resolution procedure before in-house "
                      "counsel or an expert sees top-tier material."]
    assert sum("UNAUTHORIZED DISCLOSURE" in r for r in rows) == 1 and sum("NON-PARTY'S PROTECTED MATERIAL" in r for r in rows) == 1
    assert sum("RIGHT TO ASSERT OTHER OBJECTIONS" in r for r in rows) == 1 and sum("VIOLATIONS OF THIS ORDER" in r for r in rows) == 1
    objections = next(r for r in rows if "Adds that no party waives other objections" in r)
    assert objections.startswith(f"{at('RIGHT TO ASSERT OTHER OBJECTIONS')} RIGHT TO ASSERT OTHER OBJECTIONS, {at('VIOLATIONS')} ")
    named = {n for r in rows for n in re.findall(r"§ \d+", re.sub(r"\(.*?\)", "", r.split(":")[0]))}
    unchanged = set(re.findall(r"(§ \d+) [A-Z]", report.carried_sentence().split("model")[0] + " ".join(
        p.split(" (model")[0] for p in report.carried_sentence().split(", "))))
    assert not named & unchanged, named & unchanged
