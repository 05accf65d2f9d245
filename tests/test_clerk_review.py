"""What the round-1 clerk reviews sent back (docs/review.md), checked on the rendered text of each draft."""

from __future__ import annotations

import re

import pytest

from conftest import sample_data
from docx_text import full_text

SAMPLES = {
    "cacd": "segal-cacd.yaml",
    "cand": "quillfeather-cand.yaml",
    "casd": "alotrolado-casd.yaml",
    "caed": "bosley-caed.yaml",
    "nyed": "janfeshan-edny.yaml",
    "nysd": "harborline-nysd.yaml",
    "mad": "claudomir-mad.yaml",
}

WAIVER = "it waives the challenged designation"


@pytest.fixture(scope="module")
def texts(library, tmp_path_factory):
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    out = tmp_path_factory.mktemp("clerk")
    return {
        court: full_text(render_draft(plan_draft(parse_answers(sample_data(name)), library), library, out / f"{court}.docx", force=False))
        for court, name in SAMPLES.items()
    }


def _body(text: str) -> str:
    """The stipulated terms: from the first section to the first signature date line."""
    return text.split("PURPOSES AND LIMITATIONS", 1)[-1].split("\nDated: ", 1)[0]


def _district_ids(library) -> list[str]:
    from poassembler.library.profiles import ProfileKind

    return [pid for pid in library.profiles.ids() if library.profiles.profiles[pid].kind == ProfileKind.district]


def test_waiver_schedule_only_where_the_profile_sets_it(library, render):
    """The N.D. Cal. model's 21/14-day schedule and automatic waiver appear only in a court whose own
    profile sets those periods, whatever dispute clause the court uses (the federal fallback has none)."""
    courts = _district_ids(library)
    assert {"cand", "nyed", "nysd", "mad", "caed", "casd", "cacd"} <= set(courts)
    with_schedule = []
    for court in courts + ["ohsd"]:  # ohsd: a real district with no profile (federal fallback)
        data = sample_data("harborline-nysd.yaml")
        data["court"] = court
        profile = library.profiles.resolve(court) if court in courts else library.profiles.resolve("federal")
        data["case"]["number"] = profile.case_number_example or "1:26-cv-04410"
        data["judge_name"], data["judge_title"] = "Ada B. Example", "United States District Judge"
        text = full_text(render(data, court))
        sets_it = "challenge_motion_days" in profile.periods
        assert (WAIVER in text) == sets_it, court
        assert ("within 21 days after the initial notice of challenge" in text) == sets_it, court
        if sets_it:
            with_schedule.append(court)
    assert with_schedule == ["cand"]


def test_federal_fallback_has_no_court_procedure_periods(library):
    federal = library.profiles.resolve("federal")
    for name in ("challenge_meet_confer_days", "challenge_motion_days", "challenge_motion_after_impasse_days", "expert_confer_days"):
        assert name not in federal.periods
    assert "expert_confer_days" in library.profiles.resolve("cand").periods


def test_expert_objection_conference_period_only_in_cand(texts):
    assert "within 7 days after the objection is served" in texts["cand"]
    for court in ("cacd", "nyed", "nysd", "casd"):
        assert "7 days after the objection" not in texts[court], court
    assert "in the manner that Local Rule 37 and the assigned judge's procedures require" in texts["cacd"]


def test_the_parties_do_not_speak_for_the_court(texts):
    for court, text in texts.items():
        assert not re.search(r"(?i)\bthe Court will\b", text), court
    assert "Any request to seal is governed by Lugosch v. Pyramid Co., 435 F.3d 110, 119-20 (2d Cir. 2006)." in texts["nysd"]
    assert "The Parties do not seek a blanket order of impoundment. See Local Rule 7.2." in texts["mad"]
    assert "7.2(e)" not in texts["mad"]
    assert "Under L.R. 37-2.4, a motion is not considered unless" in texts["cacd"]


def test_new_york_local_rules_cited_one_way_per_court(texts):
    nysd, nyed = texts["nysd"], texts["nyed"]
    for text in (nysd, nyed):
        assert "July 1, 2024" not in text and "as amended" not in text and "as numbered before" not in text
        assert "individual practices and the assigned judge's procedures" not in text
    # S.D.N.Y.: Local Civil Rule 37.2 by number only; every local civil rule the draft names is 37.2
    assert set(re.findall(r"Local Civil Rules? \d+(?:\.\d+)*", nysd)) == {"Local Civil Rule 37.2"}
    # E.D.N.Y.: no number (37.2 as amended or former 37.3: either way right), the same words everywhere
    assert not re.search(r"37\.[23]", nyed)
    rules = "the Local Civil Rules of the Southern and Eastern Districts of New York governing discovery disputes"
    assert nyed.count(rules) >= 3
    assert "raise it with the Court in the manner that " + rules + " and the assigned judge's individual practices require" in nyed


def test_law_enforcement_section_adds_no_category_of_its_own(texts):
    for court, category in (("nyed", "“CBP secondary-inspection procedures”"), ("casd", "“Port-of-entry surveillance capabilities”"),
                            ("caed", "“CDCR camera-placement and staffing records”")):
        text = texts[court]
        assert "surveillance capabilities, security infrastructure" not in text, court
        assert "places concerned" not in text, court
        assert f"This Section applies to information within {category} as described in the Good Cause Statement, and to no other information." in text, court
    for court in ("caed", "nyed"):  # one-tier orders
        assert "Such information may be designated only “CONFIDENTIAL”." in texts[court], court
    assert "Such information may be designated “CONFIDENTIAL” or, where Section 2 allows it, “HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY”." in texts["casd"]
    assert "the tier the Good Cause Statement gives its category" not in "".join(texts.values())


def test_government_use_is_an_exception_to_the_use_limit(texts):
    nyed = texts["nyed"]
    found = re.search(r"Basic principles\. Except as Section (\d+) provides, a Receiving Party may use Protected Material", nyed)
    assert found
    section = found.group(1)
    assert "I will use such information only for this action, except as the Order otherwise permits." in nyed
    assert f"the Government Party may use or disclose the material as Section {section}.1 allows." in nyed
    assert "first paragraph of this Section" not in nyed
    nysd = texts["nysd"]  # no government party: no exception
    assert "Basic principles. A Receiving Party may use" in nysd
    assert "except as the Order otherwise permits" not in nysd


def test_government_retention_never_keeps_health_information(texts, render):
    mad = texts["mad"]
    assert "To the extent a Government Party is required by law to retain records" in mad
    assert "This exception does not apply to protected health information, which must be returned or destroyed as Section 13 requires." in mad
    assert "This exception does not apply to protected health information" not in texts["nyed"]  # no health records
    data = sample_data("claudomir-mad.yaml")
    data["government_sharing"] = {"burden": "requesting_party"}
    text = full_text(render(data))
    assert "This Section does not apply to protected health information, which every recipient, including a Government Party, may use or disclose only as Section 13 allows." in text


def test_single_tier_order_speaks_of_one_tier(texts):
    mad = _body(texts["mad"])
    assert not re.search(r"(?i)\btiers?\b", mad)
    assert "as appropriate" not in mad
    assert "designates information or items it produces in disclosures or in responses to discovery as “CONFIDENTIAL” under this Order." in mad
    assert "any Disclosure or Discovery Material that is designated as “CONFIDENTIAL” under this Order." in mad
    assert "under one of the confidentiality tiers of this Order" in texts["nysd"]  # two tiers


def test_house_counsel_and_competitors_only_where_parties_compete(texts, render):
    assert "ATTORNEYS’ EYES ONLY" not in texts["nyed"]  # every Janfeshan harm is harm from public disclosure: one tier
    for court in ("nyed", "cacd", "casd"):  # an individual or a government against its opponent: no in-house AEO access
        text = texts[court]
        assert "Designated House Counsel" not in text, court
        assert "competitive decision-making" not in text, court
        assert ("NOTICE BEFORE DISCLOSING HIGHLY CONFIDENTIAL MATERIAL" in text) == (court != "nyed"), court
    for court in ("nyed", "mad", "caed"):  # no commercial information at all
        assert "competitor" not in texts[court], court
    for court in ("nysd", "cand"):  # businesses that compete
        assert "Designated House Counsel of the Receiving Party who have no involvement in competitive" in texts[court], court
        assert "or of a Party's competitor" in texts[court], court
    data = sample_data("segal-cacd.yaml")
    data.setdefault("options", {})["house_counsel_access"] = True
    assert "Designated House Counsel of the Receiving Party" in full_text(render(data))


def test_each_tier_is_justified_against_the_party_that_receives_it(texts):
    for court in ("nysd", "cacd", "nyed", "cand"):
        assert "including its officers and employees, and not only from public disclosure" not in texts[court], court
    assert "Harborline owns Tidewater Freight Lines, a drayage carrier that bids against Meridian" in texts["nysd"]
    assert "Plaintiff has worked as a sales dispatcher for Bayline Freight Brokers" in texts["cacd"]
    assert "“Contractors' cost estimates”" not in texts["casd"].split("2.2", 1)[-1].split("3. DEFINITIONS", 1)[0].split("Only information in", 1)[-1]
    # every good-cause harm in the C.D. Cal. draft concerns the people it is kept from: the public
    assert "former employer's workforce" not in texts["cacd"] and "among co-workers" not in texts["cacd"]


def test_samples_read_as_real_2026_filings(texts):
    for court, text in texts.items():
        assert "fictional" not in text.lower(), court
        assert not re.search(r"XX-0000|P\.O\. Box 0000|BBO No\. 00000|-0000\b|\bXYZ\b|'123", text), court
        dated = re.findall(r"Dated: (.*)", text.split("PURPOSES AND LIMITATIONS", 1)[-1].split("GOOD CAUSE APPEARING", 1)[0])
        if court != "casd":  # S.D. Cal.: counsel sign and date the joint motion, not the order (test_model_orders)
            assert dated and all(d.endswith("2026") for d in dated), (court, dated)
        assert "District Judge / Magistrate Judge" not in text, court
    for name in SAMPLES.values():
        assert str(sample_data(name)["dates"]["stipulated"]).startswith("2026-"), name
    assert "Case No. 1:26-cv-04410 (AT) (BCM)" in texts["nysd"] and "Barbara Moses\nUnited States Magistrate Judge" in texts["nysd"]
    assert "5:26-cv-01187-BLF (VKD)" in texts["cand"] and "Virginia K. DeMarchi\nUnited States Magistrate Judge" in texts["cand"]
    assert "-ABC" not in texts["cacd"]


def test_filer_is_named_in_each_attestation(texts):
    assert "ATTESTATION: I, Alicia M. Brennan, the filer of this document, attest under L.R. 5-4.3.4(a)(2)(i)" in texts["cacd"]
    assert "ATTESTATION: I, Priya N. Raman, the filer of this document, attest" in texts["cand"]
    assert "ATTESTATION: I, Jordan P. Klein, the filing attorney, attest" in texts["caed"]


def test_order_names_a_non_party_that_signs(texts):
    assert "the Court approves the stipulation of the parties and Atlas Audit Services LLP, which is not a party, and enters it" in texts["nysd"]
    assert "the Court approves the parties' stipulation" in texts["nyed"]


def test_ninth_circuit_sealing_cites_what_the_rules_hold(texts):
    casd = texts["casd"]
    assert "procedure that Civil Local Rule 79.2 provides" not in casd
    assert "must follow Civil Local Rule 79.2, the Electronic Case Filing Administrative Policies and Procedures Manual, and the chambers rules of the assigned judges on sealing" in casd
    assert "Ctr. for Auto Safety v. Chrysler Grp., LLC, 809 F.3d 1092" in casd
    assert "must follow Local Rule 141, and must give the Designating Party written notice" in texts["caed"]
    assert "supporting declaration from, the Designating Party" not in texts["caed"]  # round 7: no such step in L.R. 141


def test_prisoner_case_signature_pronouns_and_procedure(texts, render):
    caed = texts["caed"]
    # caed round 2, 3: the prisoner signs the page by hand; the filer files the scanned page and says so
    assert "______________________________\nRobert Bosley, CDCR No. AT-0274\n" in caed
    assert "original signature retained" not in caed
    assert "the signature page of each Self-Represented Party whose signature line above is blank, signed by that party by hand, is filed with this document as a scanned image; and that I hold each such original" in caed
    assert not re.search(r"himself or herself|his or her|him or her|he or she", caed)
    assert "Plaintiff Robert Bosley, who appears without counsel" in caed
    assert "are not required to meet and confer" not in caed
    assert "as the Court's discovery and scheduling order in this Action provides, and otherwise as Local Rule 251 and the other Local Rules require" in caed
    assert "within 14 days" not in caed.split("CHALLENGING CONFIDENTIALITY DESIGNATIONS", 1)[1].split("ACCESS TO", 1)[0]
    # the use-of-force reports are their own category, not held back from the plaintiff
    assert "other than material within “CDCR camera-placement and staffing records”, only for use in this Action" in caed


def test_subpoena_finding_only_with_the_subpoena_and_its_necessity_before_the_court(texts, render):
    caed = texts["caed"]
    assert "(a copy is attached as Exhibit B)" in caed
    assert "The records are necessary to the claims and defenses in this Action because Plaintiff claims emotional distress" in caed
    assert "The Court has reviewed the subpoena attached to the stipulation as Exhibit B and the showing of necessity in Section 7." in caed
    data = sample_data("bosley-caed.yaml")
    data["subpoenas"][0].pop("exhibit")
    text = full_text(render(data))
    assert "The Court has reviewed" not in text and "The Court finds" not in text


def test_mad_dispute_and_filing_terms(texts):
    mad = texts["mad"]
    assert "with any certification of conference that Local Rule 37.1 requires" in mad
    assert "It does not limit the Court's power over how confidential information is used" in mad
    assert "says nothing about" not in mad
    assert "in time for the Court to decide the motion before the filing is due" in mad


def test_patent_case_names_its_patents_and_printout_disputes(texts):
    cand = texts["cand"]
    assert "“Patents-in-Suit”: U.S. Patent No. 11,482,907 and U.S. Patent No. 11,790,214." in cand
    assert "shares a claim of priority with, a Patent-in-Suit" in cand
    assert "the procedure of the Section" not in cand
    assert "the Producing Party may present the dispute to the Court under the assigned judge's discovery procedures, and it bears the burden of showing that the request is excessive" in cand
    assert "Export Control Classification Number 5D002" in cand  # the export-control section rests on a stated fact
    assert "Engineers' personal information. Names, personal e-mail addresses" in cand  # the CONFIDENTIAL tier has a category of its own


# --- Round 2 verdicts (docs/review.md): what the clerks asked for, on the rendered text ---


def test_an_individual_party_may_see_confidential_material(texts, render):
    """nyed 1, cacd 1, mad 1: a natural-person Receiving Party is on the CONFIDENTIAL list (not the AEO list)."""
    line = "the Receiving Party itself, if it is a natural person, after signing Exhibit A;"
    for court in ("nyed", "cacd", "mad", "casd"):
        text = texts[court]
        confidential = text.split("only to:", 1)[1].split("ACCESS TO HIGHLY CONFIDENTIAL", 1)[0]
        assert line in confidential, court
        if "ACCESS TO HIGHLY CONFIDENTIAL" in text:
            assert line not in text.split("ACCESS TO HIGHLY CONFIDENTIAL", 1)[1], court
    for court in ("nysd", "cand"):  # businesses only
        assert "natural person, after signing" not in texts[court], court
    assert "natural person, after signing" not in texts["caed"]  # a prisoner without counsel has his own paragraph
    data = sample_data("segal-cacd.yaml")
    data["parties"][0].pop("natural_person")
    assert line not in full_text(render(data))


def test_top_tier_justification_claims_only_what_the_answers_state(texts):
    """nyed 2, nyed 8, nysd 3: no "as the description … states"; the CONFIDENTIAL-only categories are named."""
    for court, text in texts.items():
        assert "As the description of" not in text, court
        assert "categories not named in this paragraph" not in text and "category not named in this paragraph" not in text, court
    assert ("Information in “Other acquisition diligence materials” and “Audit work papers” needs protection only from "
            "disclosure to the public and may be designated only “CONFIDENTIAL”. Only information in “Customer pricing and "
            "margin analyses” may be designated “HIGHLY CONFIDENTIAL – ATTORNEYS’ EYES ONLY”, and only to the extent that the "
            "harm described for that category would follow from its disclosure to another Party") in texts["nysd"]


def test_new_york_sealing_gives_the_designating_party_notice(texts):
    """nyed 3, nysd 2: the filer notifies the Designating Party; its showing follows the court's procedure; no invented period."""
    for court in ("nyed", "nysd"):
        text = texts[court]
        assert "must notify the Designating Party in writing, identifying the material, before it files" in text, court
        filing = text.split("FILING PROTECTED MATERIAL", 1)[1].split("THE COURT'S AUTHORITY", 1)[0]
        assert not re.search(r"\b\d+ (business )?days\b", filing), court
    assert "in the manner and within the time that S.D.N.Y. ECF Rules & Instructions § 6 and the assigned judge's individual practices provide" in texts["nysd"]


def test_conferral_mode_is_the_parties_agreement_not_a_rule(texts):
    """nyed 4, nysd 1: "in person or by telephone" is agreed, not attributed to the Local Civil Rules."""
    for court in ("nyed", "nysd"):
        text = texts[court]
        assert "the Parties agree to confer in person or by telephone." in text, court
        assert "in person or by telephone, in an effort to resolve each challenge, as" not in text, court
    # nysd round 5, 2: the rule is cited plainly, as the Court's own orders cite it, with no hedge in the order
    assert "as Local Civil Rule 37.2 and the assigned judge's individual practices require" in texts["nysd"]
    assert "as this Court's orders cite it" not in texts["nysd"]


def test_government_party_means_the_government_parties(texts):
    """nyed 5: a non-party agency is a Non-Party, never also a Government Party."""
    nyed = texts["nyed"]
    assert "the United States and each of its agencies" not in nyed
    assert "A government agency that is not a Party is a Non-Party, not a Government Party." in nyed
    assert "“Government Party”: the Commonwealth of Massachusetts and the Massachusetts Environmental Police, each a Party" in texts["mad"]


def test_service_agent_line_only_where_the_profile_asks(texts):
    """nyed 7, nysd 4, mad 4: the N.D. Cal. model's California agent and place of signing stay in California courts."""
    for court in ("nyed", "nysd", "mad"):
        assert "agent for service of process" not in texts[court], court
    for court in ("cand", "cacd", "casd", "caed"):
        assert "as my California agent for service of process" in texts[court], court


def test_government_lawyers_titles_and_the_place_of_signing(texts, render):
    """nyed 9, mad 5: a counsel title line; the order's place only as the answers (or a judge entry) give it."""
    assert "Morgan T. Ellery\nAssistant United States Attorney\n271-A Cadman Plaza East" in texts["nyed"]
    assert "Riley S. Fontaine\nBBO No. 671905\nAssistant Attorney General\nOne Ashburton Place" in texts["mad"]
    assert "Dated: Brooklyn, New York, ____________________\n" in texts["nyed"]
    assert "Dated: Brooklyn" not in texts["nysd"] and "Dated: New York" not in texts["nysd"]
    data = sample_data("janfeshan-edny.yaml")
    data.pop("order_place")
    assert "Dated: Brooklyn" not in full_text(render(data))


def test_each_category_is_no_broader_than_its_harm(texts):
    """mad 2, cacd 3: the D. Mass. category is the parts of the files its harm covers; harms are named, not restated."""
    mad = texts["mad"]
    assert "Personnel, training and internal-affairs records" not in mad
    assert "that record home addresses, family information, or complaints unrelated to the events of this action" in mad
    assert "would put Plaintiff's private health conditions on the public record" not in texts["cacd"]
    assert "including Plaintiff's current employer, a competitor of Defendant" in " ".join(texts["cacd"].split())


def test_clawback_goes_through_impoundment_in_massachusetts(texts):
    """mad 3: no "under seal" without a motion in a court where sealing is impoundment under L.R. 7.2."""
    mad = texts["mad"]
    assert "with a motion to impound it under Local Rule 7.2 or a request for review in camera" in mad
    assert "present the information to the Court under seal" not in mad
    # round 7 (nysd 2): Local Civil Rule 37.2 is not verified, so the order does not say what it requires
    assert ("through the Court's procedure for discovery disputes and after conferring in good faith as the Local Civil "
            "Rules and the assigned judge's practices require") in texts["nysd"]


def test_designation_of_testimony_is_deposition_testimony_only(texts):
    """cacd 2: the order governs discovery, not testimony at hearings."""
    for court, text in texts.items():
        assert "other pretrial proceedings" not in text, court
        assert "Deposition testimony: the Designating Party may identify on the record, before the close of the deposition," in text, court


def test_an_attached_subpoena_has_its_exhibit_page(texts, render):
    """caed 1: the order says the subpoena is attached as Exhibit B, so the draft carries Exhibit B's cover page
    after Exhibit A; without an attached copy there is no Exhibit B."""
    caed = texts["caed"]
    assert caed.index("ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND") < caed.index("\nEXHIBIT B\nSubpoena issued by Defendant Valasco")
    data = sample_data("bosley-caed.yaml")
    data["subpoenas"][0].pop("exhibit")
    assert "EXHIBIT B" not in full_text(render(data))
    for court in ("nyed", "nysd", "mad", "cacd", "casd", "cand"):
        assert "EXHIBIT B" not in texts[court], court


def test_caed_prisoner_number_matches_the_record(texts):
    """caed 2: the CDCR number the Court's order uses for Plaintiff's records."""
    assert "Robert Bosley, CDCR No. AT-0274" in texts["caed"]


def test_cand_conferral_and_tier_harms(texts):
    """cand 1, 3: each AEO harm says why the opposing party itself is the risk; the conferral mode is agreed."""
    cand = texts["cand"]
    assert "Brightlane, the accused infringer, is itself a prospective licensee of the Patents-in-Suit" in cand
    assert "Quillfeather and Brightlane sell competing scheduling software to the same enterprise customers" in cand
    assert "confer directly, in person or by telephone, as" not in cand
    assert "the Parties agree to confer by direct dialogue (in person, by telephone, or by video conference)" in cand


def test_casd_material_stays_in_the_case(texts):
    """casd 2, 5: no government-use clause where no category says why material should leave the case; spelling."""
    casd = texts["casd"]
    assert "GOVERNMENT USE OF PROTECTED MATERIAL" not in casd
    assert "the United States and each of its agencies" not in casd
    assert "travellers" not in casd and "travellers" not in texts["nyed"]


def test_ca_harms_speak_of_use_outside_the_case_not_of_the_docket(texts):
    """Round 3 (cacd 2, caed 3, cand): each harm is harm from disclosure or use outside the case without an order."""
    for court in ("cacd", "caed", "cand"):
        good_cause = texts[court].split("GOOD CAUSE", 1)[-1].split("DEFINITIONS", 1)[0]
        assert "public docket" not in good_cause and "filed publicly" not in good_cause, court
    assert "other employers in the drayage trade" in texts["cacd"]
    assert "passed from hand to hand inside the prison" in texts["caed"]
    assert "to recruit them away or to contact them at home" in " ".join(texts["cand"].split())


def test_aeo_access_of_document_recipients_is_limited_to_the_face_of_the_document(texts):
    """cacd round 3, 1: a former employee who once knew the information does not thereby see the AEO tier."""
    for court in ("cacd", "cand"):
        text = " ".join(texts[court].split())
        assert "as shown on the face of that document, and only that document" in text, court
        assert "a Party, or a person employed by a competitor of the Designating Party, may see it under this item only if" in text
        aeo = text.split("ACCESS TO HIGHLY CONFIDENTIAL MATERIAL", 1)[-1]
        assert "who otherwise possessed or knew the information; and" not in aeo


def test_caed_custody_restricted_categories_are_kept_from_other_persons_in_custody(texts):
    """caed round 3, 2: deposition witnesses and custodians held in custody are not shown the restricted categories."""
    caed = " ".join(texts["caed"].split())
    assert caed.count("a person held in custody, other than a Party as to records about that Party, may not be shown material within") == 2
    # caed round 5, 5: the use-of-force reports name inmate witnesses, so they are kept from others in custody too
    assert "“Plaintiff's mental-health records held by CDCR”, “CDCR camera-placement and staffing records”, and “Use-of-force incident reports” under this item" in caed
    assert "badge numbers and home-institution assignments redacted" in caed
    assert "a person held in custody" not in texts["cacd"] and "a person held in custody" not in texts["cand"]


def test_cand_cross_references_point_at_paragraphs_and_the_bar_is_justified(texts):
    """cand round 3, 1, 3, 5, 6: paragraph references, the prosecution bar's good cause and trigger, the joint letter."""
    cand = " ".join(texts["cand"].split())
    assert "the procedure in Section 7 has been followed" not in cand
    assert cand.count("request, objection and resolution procedure in Section 7.5 to Section 7.7 has been followed") == 2
    assert "The prosecution bar in Section 8 is needed because" in cand
    assert "any individual who personally receives another Party's material designated “HIGHLY CONFIDENTIAL – SOURCE CODE” may not" in cand
    assert "Prosecution Bar" not in cand and "if one applies" not in cand
    assert "The prosecution bar in Section 8 applies to every individual who personally receives it." in cand
    assert "Material returned or destroyed under Section 13.1 of this Order" in cand
    assert "the Designating Party meets this deadline by delivering its portion of the submission" in cand
    assert "Designated House Counsel may not receive material designated “HIGHLY CONFIDENTIAL – SOURCE CODE” or material within “Licensing terms and royalty reports”" in cand


def test_minor_shared_wording_from_round_3(texts):
    """cacd 4, caed 6, HIPAA: no Expert-only leftover, the Court's procedures either way, return to whoever produced PHI."""
    cacd = " ".join(texts["cacd"].split())
    assert "(b) attaches the Expert's current curriculum vitae" in cacd and "for an Expert" not in cacd
    caed = " ".join(texts["caed"].split())
    assert "assigned District Judge and Magistrate Judge" not in caed and "assigned District Judge and Magistrate Judge" not in cacd
    assert "with any pertinent orders or procedures of the Court" in caed
    assert "must return it to the Producing Party or destroy it" in caed


def test_caed_court_order_reason_names_the_custodian(texts):
    """caed round 3, 4: the reason a court order is needed is the custodian's own condition, not a hedge."""
    caed = " ".join(texts["caed"].split())
    assert "commonly will not" not in caed and "some may not" not in caed
    assert ("the California Department of Corrections and Rehabilitation, the custodian of the records sought by the subpoena this"
            " Order describes, will not release them without an order of this Court finding that their disclosure is necessary") in caed
