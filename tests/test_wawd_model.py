"""W.D. Wash.: what the clerk who lays the package beside the District's Model Stipulated Protective Order
reads (clerk's round-2 verdict, docs/review-verdicts/new-districts-round2-verdict-wawd.md), and the
profile's facts about the model that the explanation of departures is built from."""

from __future__ import annotations

import docx
import pytest
from conftest import sample_data
from docx_text import full_text


@pytest.fixture(scope="module")
def cedarline(library, tmp_path_factory):
    """The W.D. Wash. sample rendered: (draft plan, rendered .docx path, its text)."""
    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft, render_draft

    draft = plan_draft(parse_answers(sample_data("cedarline-wawd.yaml")), library)
    path = render_draft(draft, library, tmp_path_factory.mktemp("wawd") / "cedarline.docx", force=False)
    return draft, path, full_text(path)


def test_the_judge_is_named_at_the_top_right_of_page_one(cedarline):
    _, path, _ = cedarline
    first_table = docx.Document(str(path)).tables[0]
    right = first_table.rows[0].cells[1]
    lines = [p for p in right.paragraphs if p.text.strip()]
    assert [p.text for p in lines] == ["The Honorable Jamal N. Whitehead"]
    assert lines[0].style.name == "PO Judge Assigned"  # the look comes from the template's style
    assert lines[0].style.paragraph_format.alignment == docx.enum.text.WD_ALIGN_PARAGRAPH.RIGHT


def test_purposes_acknowledge_consistency_with_lcr_26c(cedarline):
    text = cedarline[2]
    assert "The parties acknowledge that this Order is consistent with LCR 26(c) and does not confer blanket protection" in text


def test_an_individual_receiving_party_may_see_confidential_material(cedarline):
    text = cedarline[2]
    assert "the Receiving Party itself, if it is a natural person, after signing Exhibit A;" in text


def test_periods_are_the_models(cedarline):
    text = cedarline[2]
    assert "within 15 days after the final transcript is available" in text
    assert "Within 60 days after the Final Disposition of this Action" in text
    assert "21 days" not in text


def test_the_designating_party_moves_and_the_material_stays_confidential_until_the_court_rules(cedarline):
    text = cedarline[2]
    judicial = next(line for line in text.splitlines() if "Judicial intervention." in line)
    assert "the Designating Party may file and serve a motion to retain the confidential designation under LCR 7" in judicial
    assert "LCR 5(g)" in judicial
    assert "The Designating Party bears the burden of persuasion on that motion." in judicial
    assert "Challenging Party or the Designating Party may bring" not in text and "LCR 37(a)(2)" not in text
    assert "All Parties must continue to treat the challenged material as designated until the Court rules on the challenge." in text


def test_the_rule_502d_order_carries_every_point_of_the_models(cedarline):
    text = cedarline[2]
    start = text.index("NON-WAIVER ORDER UNDER FEDERAL RULE OF EVIDENCE 502(d)")  # our heading: the model's part has none
    section = text[start:].split("\n\n")[0]
    assert "for this proceeding or for any other federal or state proceeding" in section  # no waiver here or elsewhere
    assert "attorney-client privilege, the attorney work-product protection, and any other privilege or protection" in section
    assert "the fullest protection that Fed. R. Evid. 502(d) permits" in section
    assert "Fed. R. Evid. 502(b) does not apply." in section
    assert "(including metadata) before producing it" in section  # pre-production review kept
    assert "must be returned to the Producing Party at once" in section
    assert len(section.strip().splitlines()) == 1 + 4  # the heading and one paragraph per point


def test_exhibit_a_carries_every_element_of_the_models_acknowledgment(cedarline):
    text = cedarline[2]
    exhibit = text[text.index("ACKNOWLEDGMENT AND AGREEMENT TO BE BOUND"):]
    for element in ("[print or type full name]", "[print or type full address]", "declare under penalty of perjury",
                    "have read the whole of the Stipulated Protective Order",
                    "United States District Court for the Western District of Washington entered on ____________________ [date of entry]",
                    "Okafor v. Cedarline Logistics, Inc., Case No. 2:26-cv-01482-JNW",
                    "comply with every term of that Order and to be bound by it", "punishment for contempt of court",
                    "solemnly promise", "except as the Order strictly allows",
                    "for the purpose of enforcing the Order, even if the enforcement proceedings take place after this action has ended"):
        assert element in exhibit, element
    blanks = [line.split(":")[0] for line in exhibit.splitlines() if line.endswith("____")]
    assert blanks == ["Date", "City and State (or Country) where sworn and signed", "Printed name", "Signature"]
    assert "use such information only for this action" not in exhibit  # not in the model's acknowledgment


def test_every_section_of_the_draft_has_its_place_in_the_model(cedarline):
    """No row of the explanation says "not matched": each clause carries a model section or is an addition placed in one."""
    from poassembler.library.clauses import Placement
    from poassembler.review.model_order import is_addition, unmapped_clauses

    draft = cedarline[0]
    model = draft.profile.model_order
    body = [c.id for c in draft.selection.included(Placement.body)]
    assert unmapped_clauses(model, body) == []
    for carried in ("designating", "access_confidential", "other_litigation_subpoena", "unauthorized_disclosure",
                    "privilege_clawback", "final_disposition", "fre_502d_wawd", "challenge_wawd"):
        assert not is_addition(model, carried), carried
    assert is_addition(model, "nonparty_material") and is_addition(model, "definitions")
    numbers = [s.number for s in model.sections]
    assert numbers == ["1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "", "Exhibit A"]
    # every part of the model is listed (the map is complete) though not every heading is confirmed (verified: false)
    assert model.follow_order and model.complete and not all(s.verified for s in model.sections)


def test_the_models_periods_are_the_profiles_periods(library):
    profile = library.profiles.resolve("wawd")
    model_periods = [p for s in profile.model_order.sections for p in s.periods]
    assert {p.period for p in model_periods} == {"deposition_designation_days", "final_disposition_days"}
    for period in model_periods:
        assert profile.periods[period.period].value.value == period.value, period.period
        assert period.source.startswith("https://")


def test_every_known_departure_has_a_condition_the_case_facts_can_answer(cedarline):
    """Each `when:` is in the clause-condition language and runs on the sample's facts; the AEO tier is a
    departure only when the tiers answer asks for it."""
    from poassembler.pipeline.expressions import compile_condition, run

    draft = cedarline[0]
    names = draft.scope.names()
    fired = []
    for section in draft.profile.model_order.sections:
        for departure in section.departures:
            where = f"wawd model § {section.number}: departure"
            if run(where, compile_condition(departure.when, where), names):
                fired.append(departure.change)
            assert departure.why.strip() and departure.change.strip()
    assert any("natural person" in c for c in fired)
    assert not any("HIGHLY CONFIDENTIAL" in c for c in fired)  # the sample has one tier


def test_the_judge_line_is_a_court_fact_any_template_prints(tmp_path, capsys):
    """`format.judge_line` is generic: with the standard template the line also opens page 1, right-aligned."""
    from cli_inprocess import invoke
    from conftest import ROOT, SAMPLES

    (tmp_path / "jurisdictions").mkdir()
    profile = (ROOT / "jurisdictions" / "wawd.yaml").read_text(encoding="utf-8")
    (tmp_path / "jurisdictions" / "wawd.yaml").write_text(profile.replace("  template: pleading\n", "  template: standard\n"), encoding="utf-8")
    out = tmp_path / "standard.docx"
    result = invoke(capsys, "--library", str(tmp_path), "render", str(SAMPLES / "cedarline-wawd.yaml"), "-o", str(out))
    assert result.code == 0, result.err
    first = docx.Document(str(out)).paragraphs[0]
    assert first.text == "The Honorable Jamal N. Whitehead" and first.style.name == "PO Judge Assigned"
