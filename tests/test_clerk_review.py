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
    assert "Any request to seal is governed by Lugosch v. Pyramid Co., 435 F.3d 110 (2d Cir. 2006)." in texts["nysd"]
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
    assert "Such information may be designated “CONFIDENTIAL”." in texts["caed"]  # a one-tier order


def test_government_use_is_an_exception_to_the_use_limit(texts):
    nyed = texts["nyed"]
    assert "Basic principles. Except as Section 17 provides, a Receiving Party may use Protected Material" in nyed
    assert "I will use such information only for this action, except as the Order otherwise permits." in nyed
    assert "the Government Party may use or disclose the material as Section 17.1 allows." in nyed
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
    for court in ("nyed", "cacd", "casd"):  # an individual or a government against its opponent: no in-house AEO access
        text = texts[court]
        assert "Designated House Counsel" not in text, court
        assert "competitive decision-making" not in text, court
        assert "NOTICE BEFORE DISCLOSING HIGHLY CONFIDENTIAL MATERIAL" in text, court
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
    assert "“Contractors' cost estimates”" not in texts["casd"].split("2.2", 1)[-1].split("3. DEFINITIONS", 1)[0].split("As the description", 1)[-1]
    # every good-cause harm in the C.D. Cal. draft concerns the people it is kept from: the public
    assert "former employer's workforce" not in texts["cacd"] and "among co-workers" not in texts["cacd"]


def test_samples_read_as_real_2026_filings(texts):
    for court, text in texts.items():
        assert "fictional" not in text.lower(), court
        assert not re.search(r"XX-0000|P\.O\. Box 0000|BBO No\. 00000|-0000\b|\bXYZ\b|'123", text), court
        dated = re.findall(r"Dated: (.*)", text.split("PURPOSES AND LIMITATIONS", 1)[-1].split("GOOD CAUSE APPEARING", 1)[0])
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
    assert "must follow Local Rule 141 and give the Designating Party notice" in texts["caed"]


def test_prisoner_case_signature_pronouns_and_procedure(texts, render):
    caed = texts["caed"]
    assert "/s/ Robert Bosley (original signature retained by attorney Jordan P. Klein)" in caed
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
    assert "The Court has reviewed the subpoena attached to the stipulation and the showing of necessity in Section 7." in caed
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
