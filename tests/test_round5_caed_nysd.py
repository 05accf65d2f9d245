"""Round 5 clerk reviews of the E.D. Cal. (Bosley) and S.D.N.Y. (Harborline) drafts: what the clerks would have
sent back, tested on what a user sees (the rendered order, the package checklist, `check` and its exit code)."""

from __future__ import annotations

import yaml

from cli_inprocess import poassembler
from conftest import ROOT, sample_data
from docx_text import full_text


def _write(tmp_path, name: str, data: dict):
    path = tmp_path / name
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def _package(tmp_path, name: str, data: dict) -> tuple[str, str]:
    answers = _write(tmp_path, f"{name}.yaml", data)
    result = poassembler("render", str(answers), "--package", str(tmp_path / f"{name}-pkg"))
    assert result.code == 0, result.err
    folder = tmp_path / f"{name}-pkg"
    return full_text(folder / "proposed-order.docx"), (folder / "checklist.md").read_text(encoding="utf-8")


# --- caed ---------------------------------------------------------------------------------------------


def test_caed_exhibit_b_is_a_placeholder_check_reports_until_replaced(tmp_path, render):
    """caed 1: the order says where the subpoena is; the page the tool cannot fill says so, and check fails on it."""
    docx = render("bosley-caed.yaml")
    text = full_text(docx)
    assert "The Court has reviewed the subpoena attached to the stipulation as Exhibit B and the showing of necessity" in text
    assert "\nEXHIBIT B\n" in text and "[DRAFTER: REPLACE THIS PAGE WITH A COMPLETE COPY OF THE SUBPOENA AS SERVED" in text
    result = poassembler("check", str(docx), "--court", "caed")
    assert result.code == 1
    assert "REPLACE THIS PAGE WITH A COMPLETE COPY OF THE SUBPOENA" in result.out + result.err


def test_caed_checklist_has_the_filing_steps_for_this_case(tmp_path):
    """caed 1, 2, 8: attach the subpoena, file the plaintiff's hand-signed page, Word copy [VERIFY], serve by mail."""
    _, checklist = _package(tmp_path, "bosley", sample_data("bosley-caed.yaml"))
    assert "No submission steps are recorded" not in checklist
    assert "- [ ] Replace the Exhibit B placeholder page with a complete copy of each subpoena as served" in checklist
    assert "signature page, signed by hand (from a party in custody, by mail, in time to file), and file it scanned" in checklist
    assert "L.R. 137(b)) **[VERIFY BEFORE FILING]**" in checklist
    assert "Serve the filed stipulation and proposed order on each self-represented party by mail" in checklist
    assert "original signature retained" not in checklist  # the step for the other method is left out
    assert "Order addressed to: Michael J. Seng, United States Magistrate Judge" in checklist


def test_caed_steps_follow_the_case_not_the_court(tmp_path):
    """Without a subpoena exhibit or a self-represented party, their steps are not listed (conditions in the profile)."""
    data = sample_data("bosley-caed.yaml")
    data["subpoenas"][0].pop("exhibit")
    plaintiff = data["parties"][0]
    plaintiff.pop("self_represented"), plaintiff.pop("signature"), plaintiff.pop("address"), plaintiff.pop("incarcerated")
    plaintiff["counsel"] = [{"name": "Ana Ruiz", "address": ["1 Main St", "Fresno, CA 93721"], "phone": "(559) 231-4400",
                             "email": "aruiz@ruizlaw.net", "bar_number": "298765"}]
    _, checklist = _package(tmp_path, "represented", data)
    assert "Exhibit B placeholder" not in checklist
    assert "self-represented party" not in checklist.split("## Steps", 1)[1].replace("any scanned signature page of a self-represented party", "")
    assert "L.R. 137(b)" in checklist


def test_caed_signature_method_comes_from_the_answers(tmp_path):
    """caed 2: the scanned page (blank line, attestation says it is filed) or the L.R. 131(f) notation."""
    scanned, _ = _package(tmp_path, "scanned", sample_data("bosley-caed.yaml"))
    assert "______________________________\nRobert Bosley, CDCR No. AT-0274\n" in scanned
    assert "signed by that party by hand, is filed with this document as a scanned image" in scanned
    data = sample_data("bosley-caed.yaml")
    data["parties"][0]["signature"] = "original_retained"
    retained, checklist = _package(tmp_path, "retained", data)
    assert "/s/ Robert Bosley (original signature retained by attorney Jordan P. Klein)" in retained
    assert "scanned image" not in retained
    assert "with the notation that the original is retained signed the signature page by hand; and that I hold each such original" in retained
    assert "Keep the original signature page each self-represented party signed by hand" in checklist
    assert "file it scanned" not in checklist


def test_caed_hipaa_authority_is_limited_to_the_subpoenaed_records(render):
    """caed 3: in a records-subpoena case no general authority to produce PHI; without a subpoena it stays general."""
    text = " ".join(full_text(render("bosley-caed.yaml")).split())
    assert "may produce in this Action only the records described in Section 7 and any other protected health information that the Court later orders produced or that the person whose information it is authorizes in writing" in text
    assert "may produce protected health information in this Action subject to this Order" not in text
    assert "No mental-health records other than those described in Section 7 may be released under this Order without a further order of the Court." in text
    data = sample_data("bosley-caed.yaml")
    data.pop("subpoenas")
    general = " ".join(full_text(render(data)).split())
    assert "may produce protected health information in this Action subject to this Order" in general
    assert "No mental-health records other than" not in general


def test_caed_incident_date_and_use_of_force_reports_kept_from_others_in_custody(render):
    """caed 4, 5 (sample answers): the incident date in the necessity showing; the reports in §9.3(g)-(h)."""
    text = " ".join(full_text(render("bosley-caed.yaml")).split())
    assert "the use of force on October 14, 2013 alleged in the complaint (a copy is attached as Exhibit B)" in text
    assert "the nine months before the incident" in text
    assert text.count("“CDCR camera-placement and staffing records”, and “Use-of-force incident reports” under this item") == 2


def test_caed_enforcement_while_pending_and_request_to_seal(render):
    """caed 6, 7: profile data, not a court test in code; other courts keep their wording."""
    caed = " ".join(full_text(render("bosley-caed.yaml")).split())
    assert "for the purpose of enforcing the Order while this action is pending, and after it ends to the extent the Court retains jurisdiction to enforce the Order." in caed
    assert "this submission continues after this action ends" not in caed
    assert "After Final Disposition, the Court enforces this Order only to the extent it retains jurisdiction to do so." in caed
    assert "on a Request to Seal Documents that complies with Local Rule 141" in caed
    cacd = " ".join(full_text(render("segal-cacd.yaml")).split())
    assert "Request to Seal Documents" not in cacd and "retains jurisdiction" not in cacd
    cand = " ".join(full_text(render("quillfeather-cand.yaml")).split())
    assert "this submission continues after this action ends" in cand


# --- nysd ---------------------------------------------------------------------------------------------


def test_nysd_referral_decides_who_signs_and_the_checklist_says_so(tmp_path):
    """nysd 1: referred → the magistrate judge; not referred → the district judge from the case number's initials."""
    referred, checklist = _package(tmp_path, "referred", sample_data("harborline-nysd.yaml"))
    assert "Barbara Moses\nUnited States Magistrate Judge" in referred
    assert "Order addressed to: Barbara Moses, United States Magistrate Judge (the answers say the magistrate judge has the case" in checklist
    data = sample_data("harborline-nysd.yaml")
    data["magistrate_judge_referral"] = False
    district, checklist = _package(tmp_path, "district", data)
    assert "Analisa Torres\nUnited States District Judge" in district
    assert "Barbara Moses" not in district
    assert "Order addressed to: Analisa Torres, United States District Judge (the answers say the case is not referred" in checklist


def test_nysd_unstated_referral_is_a_warning_to_confirm(tmp_path):
    data = sample_data("harborline-nysd.yaml")
    data.pop("magistrate_judge_referral")
    result = poassembler("check", str(_write(tmp_path, "h.yaml", data)))
    assert "the answers do not say whether the case is referred to the magistrate judge" in result.out
    assert result.code == 0  # a warning: the draft is not wrong if the referral exists


def test_nysd_discovery_rule_cited_plainly_and_quality_of_earnings_harm(render):
    """nysd 2, 5: no hedge in the Court's own order; the harm is from disclosure, not from filing."""
    text = " ".join(full_text(render("harborline-nysd.yaml")).split())
    assert "as this Court's orders cite it" not in text
    assert text.count("Local Civil Rule 37.2") == 4  # round 7: not the clawback paragraph (the rule is unverified)
    assert "as Local Civil Rule 37.2 and the assigned judge's individual practices require" in text
    assert "filing it publicly" not in text
    assert "disclosed outside this Action, the adjustments would let lenders reprice that credit" in text


def test_placeholder_contact_details_are_a_warning(tmp_path):
    """nysd 3: example.com e-mail and 555-01xx telephone numbers are told to the drafter before filing, once each."""
    result = poassembler("check", str(ROOT / "samples" / "harborline-nysd.yaml"))
    assert result.code == 0
    assert "Eleanor J. Vasquez's e-mail evasquez@example.com and telephone (212) 555-0181 are placeholders" in result.out
    data = sample_data("harborline-nysd.yaml")
    for party in data["parties"]:
        for counsel in party.get("counsel", []):
            counsel["email"] = counsel["email"].replace("example.com", "vhmlaw.com")
            counsel["phone"] = counsel["phone"].replace("555-01", "555-71")
    clean = poassembler("check", str(_write(tmp_path, "real.yaml", data)))
    assert "are placeholders" not in clean.out and "is a placeholder" not in clean.out
