"""Round 7 clerk reviews (docs/review-verdicts/round7-verdict-*.md): the points sent back, tested on the rendered
orders with their list numbers as Word shows them."""

from __future__ import annotations

import docx
import pytest

from conftest import ROOT, sample_data

SAMPLES = ROOT / "samples"


def _numbered(path) -> list[str]:
    """Body paragraphs as a reader sees them: "16.", "16.2 …" written out, lettered items as "(a) …"."""
    section = item = 0
    lines = []
    for paragraph in docx.Document(str(path)).paragraphs:
        style = paragraph.style.name if paragraph.style is not None else ""
        text = paragraph.text
        if style.startswith("PO Heading 1"):
            section, item = section + 1, 0
            text = f"{section}. {text}"
        elif style.startswith("PO Level 2"):
            item += 1
            text = f"{section}.{item} {text}"
        lines.append(text)
    return lines


@pytest.fixture(scope="module")
def drafts(library, tmp_path_factory) -> dict[str, list[str]]:
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    out = tmp_path_factory.mktemp("round7")
    texts = {}
    for path in sorted(SAMPLES.glob("*.yaml")):
        draft = plan_draft(parse_answers(sample_data(path.name)), library)
        texts[path.stem] = _numbered(render_draft(draft, library, out / f"{path.stem}.docx", force=False))
    return texts


def _paragraph(lines: list[str], number: str) -> str:
    found = [line for line in lines if line.startswith(f"{number} ")]
    assert len(found) == 1, (number, found)
    return " ".join(found[0].split())


def _text(lines: list[str]) -> str:
    return " ".join(" ".join(lines).split())


def _section(lines: list[str], heading: str) -> str:
    """The number of the body section with this heading ("16")."""
    found = [line.split(". ", 1)[0] for line in lines if line.split(". ", 1)[-1] == heading]
    assert len(found) == 1, (heading, found)
    return found[0]


@pytest.mark.parametrize("name", ["harborline-nysd", "janfeshan-edny"])
def test_second_circuit_sealing_is_for_the_court_under_lugosch_and_brown(drafts, name):
    """nysd 1: not every filed paper is a judicial document, and "higher values" is only the First Amendment test."""
    lines = drafts[name]
    number = _section(lines, "FILING PROTECTED MATERIAL")
    standard = _paragraph(lines, f"{number}.2")
    assert standard == (f"{number}.2 Whether material filed with the Court may be sealed or redacted is for the Court to "
                        "decide, under the standards of Lugosch v. Pyramid Co., 435 F.3d 110, 119-20 (2d Cir. 2006), and "
                        "Brown v. Maxwell, 929 F.3d 41, 49-50 (2d Cir. 2019). A designation under this Order does not by "
                        "itself justify sealing or redaction.")
    text = _text(lines)
    assert "are judicial documents to which a presumption" not in text
    assert "higher values" not in text


def test_second_circuit_citations_have_sources_and_flags(library):
    for court in ("nysd", "nyed"):
        profile = library.profiles.resolve(court)
        brown = profile.citation("sealing_access_weight")
        assert brown.cite == "Brown v. Maxwell, 929 F.3d 41, 49-50 (2d Cir. 2019)" and brown.verified
        assert "casetext.com/case/brown-v-maxwell-4" in brown.source
        assert profile.citation("sealing_standard").cite == "Lugosch v. Pyramid Co., 435 F.3d 110, 119-20 (2d Cir. 2006)"


@pytest.mark.parametrize("name", ["harborline-nysd", "janfeshan-edny"])
def test_filing_party_files_publicly_without_a_leave_step(drafts, name):
    """nyed 5: when the Designating Party does not ask to seal, no leave of Court is needed to file publicly."""
    lines = drafts[name]
    number = _section(lines, "FILING PROTECTED MATERIAL")
    notice = _paragraph(lines, f"{number}.3")
    assert notice.endswith("If it does not, the filing Party may file the material publicly unless the Court orders otherwise.")
    assert "leave to file the material publicly" not in _text(lines)


def test_clawback_does_not_state_what_an_unverified_rule_requires(drafts):
    """nysd 2: Local Civil Rule 37.2 is `verified: false`, so the clawback names no rule and no rule's content."""
    for name in ("harborline-nysd", "janfeshan-edny", "fernhollow-njd"):
        text = _text(drafts[name])
        assert ("for a determination of the claim, through the Court's procedure for discovery disputes and after "
                "conferring in good faith as the Local Civil Rules and the assigned judge's practices require, submitting "
                "the information itself under seal or for in camera review as the Court directs.") in text, name
        assert "after conferring as required under" not in text, name
    # a verified local rule is still named
    assert "after conferring as required under Local Rule CV-7(h)" in _text(drafts["lumenvale-txed-patent"])


def test_clawback_in_a_prisoner_case_follows_the_discovery_and_scheduling_order(drafts, library, tmp_path):
    """caed: L.R. 251's conference does not bind a self-represented prisoner; the claim goes the way §§ 8.3, 20.1 say."""
    text = _text(drafts["bosley-caed"])
    assert ("for a determination of the claim, through the procedure for discovery disputes set by the Court's discovery "
            "and scheduling order in this Action and, where that order does not provide otherwise, the Local Rules, "
            "submitting the information itself under seal or for in camera review as the Court directs.") in text
    assert "after conferring as required under Local Rule 251" not in text
    # with counsel for the plaintiff, the court's rule applies again
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    data = sample_data("bosley-caed.yaml")
    plaintiff = data["parties"][0]
    plaintiff.pop("self_represented"), plaintiff.pop("signature"), plaintiff.pop("address"), plaintiff.pop("incarcerated")
    plaintiff["counsel"] = [{"name": "Ana Ruiz", "address": ["1 Main St", "Fresno, CA 93721"], "phone": "(559) 231-4400",
                             "email": "aruiz@ruizlaw.net", "bar_number": "298765"}]
    represented = _text(_numbered(render_draft(plan_draft(parse_answers(data), library), library, tmp_path / "r.docx", force=False)))
    assert "after conferring as required under Local Rule 251, submitting the information" in represented
    assert "discovery and scheduling order in this Action and, where that order" not in represented


def test_designating_party_step_only_where_the_sealing_rule_has_it(drafts):
    """caed 16.3: the notice-and-declaration step is C.D. Cal.'s and N.D. Cal.'s; E.D. Cal. gets notice so that the
    Designating Party can make its own Request to Seal Documents under L.R. 141."""
    step = "including any requirement there for notice to, and a supporting declaration from, the Designating Party"
    assert step in _text(drafts["segal-cacd"])
    assert step in _text(drafts["quillfeather-cand"])
    for name in ("bosley-caed", "alotrolado-casd"):
        assert step not in _text(drafts[name]), name
    caed = drafts["bosley-caed"]
    number = _section(caed, "FILING PROTECTED MATERIAL")
    assert _paragraph(caed, f"{number}.3").startswith(
        f"{number}.3 Material designated by another Party. A Party that wishes to file material designated by another "
        "Party or by a Non-Party must follow Local Rule 141, and must give the Designating Party written notice, "
        "identifying the material, before it files, so that the Designating Party can submit a Request to Seal Documents "
        "under Local Rule 141; the Designating Party bears the burden")


def test_patient_authorization_does_not_reach_mental_health_records(drafts):
    """caed 14.1: written authorization opens other health records; mental-health records only as 14.3 provides."""
    caed = drafts["bosley-caed"]
    number = _section(caed, "PROTECTED HEALTH INFORMATION")
    first = _paragraph(caed, f"{number}.1")
    mental = _paragraph(caed, f"{number}.3")
    assert mental.startswith(f"{number}.3 Mental-health records are produced only to the extent necessary")
    assert first.endswith("or that the person whose information it is authorizes in writing to be produced; "
                          f"mental-health records, however, only as Section {number}.3 provides.")


EXHIBIT_COURTS = ["alotrolado-casd", "bosley-caed", "brasswell-txed", "claudomir-mad", "fernhollow-njd", "harborline-nysd",
                  "janfeshan-edny", "lumenvale-txed-patent", "pellworth-ilnd", "quillfeather-cand", "segal-cacd"]


@pytest.mark.parametrize("name", EXHIBIT_COURTS + ["cedarline-wawd"])
def test_acknowledgment_is_a_1746_1_declaration_with_the_place_signed(drafts, name):
    """Exhibit A: "under the laws of the United States of America" (28 U.S.C. § 1746(1)) works signed abroad too."""
    lines = drafts[name]
    exhibit = lines[max(i for i, line in enumerate(lines) if line == "ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND"):]
    text = _text(exhibit)
    assert "declare under penalty of perjury under the laws of the United States of America that I" in text
    place = "City and State (or Country) where sworn and signed" if name == "cedarline-wawd" else "City and State (or Country) where signed"
    assert sum(line.startswith(f"{place}: ___") for line in exhibit) == 1
    assert "City and state where signed" not in text


def test_njd_sealing_motion_lists_a_minimum_not_the_whole_rule(drafts):
    """njd 16.1/16.2: the index only if the rule requires one; the factors are a minimum under L.Civ.R. 5.3(c)."""
    njd = drafts["fernhollow-njd"]
    number = _section(njd, "FILING CONFIDENTIAL MATERIAL")
    assert "in the time and manner that rule provides, with any index the rule requires and with" in _paragraph(njd, f"{number}.1")
    showing = _paragraph(njd, f"{number}.2")
    assert showing.startswith(f"{number}.2 The motion must show, for each item to be sealed, at a minimum the nature of the material,")
    assert "why a less restrictive alternative is not available, and whatever else L.Civ.R. 5.3(c) requires." in showing
