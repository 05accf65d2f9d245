"""`render --from-model MODEL.docx`: the order built on the user's copy of the court's model — the model's
own words where the case keeps them, each departure shown in the redline and explained with its reason —
and the default explanation of departures from the profile's substance, known departures and periods."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
import yaml
from cli_inprocess import assert_clean, invoke
from conftest import SAMPLES, sample_data
from docx_text import full_text
from model_mode_fixture import JUDGE, PROFILE, filler, write_library, write_model

KEPT = ["1", "3", "6", "7", "8", "9", "11"]  # sections the sample keeps in the model's words (with the AEO tier)


@pytest.fixture
def court(tmp_path, library):
    """(library folder, the fixture profile resolved, a stand-in model written under its headings)."""
    from poassembler.library.load import load_library

    lib = write_library(tmp_path)
    profile = load_library([lib]).profiles.resolve(f"wawd-{JUDGE}")
    return lib, profile, write_model(tmp_path / "model.docx", profile)


def answers(tmp_path: Path, aeo: bool = True) -> Path:
    data = sample_data("cedarline-wawd.yaml")
    data["judge"] = JUDGE
    if aeo:
        data["tiers"] = ["confidential", "highly_confidential_aeo"]
    path = tmp_path / ("aeo.yaml" if aeo else "plain.yaml")
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def render(capsys, lib, *args):
    return invoke(capsys, "--library", str(lib), "render", *map(str, args))


def markers(texts: list[str]) -> set[str]:
    """The stand-in sections whose sentences appear in `texts` ("4" for marker-4-n)."""
    return set(re.findall(r"marker-([0-9A-Za-z]+)-\d", " ".join(texts)))


def test_unchanged_sections_are_the_model_s_own_words_in_the_order_s_numbering(capsys, tmp_path, court):
    lib, profile, model = court
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model)
    assert result.code == 0, result.err
    text = full_text(out)
    for number in KEPT:
        assert filler(number, 1) in text and filler(number, 3) in text
    assert filler("ExhibitA", 1) in text  # the model's Acknowledgment, as the copy has it
    for number in ("2", "4", "5"):  # filled by the parties / departed: our clauses, not the model's
        assert f"marker-{number}-" not in text
    assert "Only the following documents and tangible things" in text  # the parties' list of specific documents
    assert "ACCESS TO HIGHLY CONFIDENTIAL MATERIAL" in text and "STAND-IN MODEL ORDER" not in text
    assert "IT IS SO STIPULATED, THROUGH COUNSEL OF RECORD." not in text  # the model's closing is the template's
    assert "Okafor" in text and "/s/ Gregory P. Lindqvist" in text  # caption and signatures from our template
    document = docx.Document(str(out))
    kept = next(p for p in document.paragraphs if filler("6", 1) in p.text)
    assert kept.style.name == "PO Level 2" and kept.text == filler("6", 1)  # Word numbers it 6.1; no typed "6.1"
    headings = [p.text for p in document.paragraphs if p.style.name == "PO Heading 1"]
    assert headings[:11] == [s.heading for s in profile.model_order.sections[:11]]  # the model's order and numbering
    assert headings[9] == "PROSECUTION BAR" and "[Intentionally omitted.]" in text


def test_an_aeo_tier_and_a_differing_period_are_the_departures_with_their_reasons(capsys, tmp_path, court):
    lib, _, model = court
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model, "--deviations", "--memo")
    assert result.code == 0, result.err
    filed = full_text(tmp_path / "o.deviations.docx")
    assert "adds a HIGHLY CONFIDENTIAL – ATTORNEYS' EYES ONLY tier with its own access list" in filed
    assert "The customer pricing produced here would harm the producing party" in filed
    assert "§ 5 DESIGNATING PROTECTED MATERIAL (the parties' text in place of the model's): model: 30 days; this order: 21 days" in filed
    assert "Model default, not a local rule of the court" in filed  # the period's reason, from the profile
    assert "CHALLENGING" not in filed  # same period as the model (21 days): no departure
    assert "Reworded" not in filed and "Not matched" not in filed and "not compared" not in filed
    assert "built on the Court's model: each section keeps the model's own text except where the table below lists a departure" in filed
    assert "§ 10 PROSECUTION BAR" in filed and "DEFINITIONS (within § 3 SCOPE)" in filed
    memo = (tmp_path / "o.memo.md").read_text(encoding="utf-8")
    assert "## Built on the court's model" in memo
    assert "The model's own words (kept as the copy has them): § 1 PURPOSES AND LIMITATIONS; § 3 SCOPE; § 6 CHALLENGING" in memo
    assert "Replaced by the parties' clauses (each departure is in the table below): § 4 ACCESS TO AND USE OF CONFIDENTIAL MATERIAL; § 5 DESIGNATING PROTECTED MATERIAL." in memo
    assert "the case facts: facts.uses\\_aeo" in memo  # the drafter sees what caused it
    purposes = memo[memo.index("(purposes\\_limitations)"):memo.index("(confidential\\_material\\_wawd)")]
    assert "In this order: the model's own words, from the copy it was built on, stand in place of this clause's text." in purposes


def test_without_the_aeo_tier_the_access_section_stays_the_model_s(capsys, tmp_path, court):
    lib, _, model = court
    out = tmp_path / "o.docx"
    assert render(capsys, lib, answers(tmp_path, aeo=False), "-o", out, "--from-model", model, "--deviations").code == 0
    assert filler("4", 1) in full_text(out)
    assert "ATTORNEYS' EYES ONLY tier" not in full_text(tmp_path / "o.deviations.docx")


def test_the_redline_shows_only_the_departed_sections(capsys, tmp_path, court):
    from poassembler.review.word_redline import inserted_and_deleted_text

    lib, _, model = court
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model, "--redline-against", model, "--memo")
    assert result.code == 0, result.err
    inserted, deleted = inserted_and_deleted_text((tmp_path / "o.redline.docx").read_bytes())
    assert markers(deleted) == {"2", "4", "5", "10"}  # filled, two departures, the omitted section
    assert markers(inserted) == set()  # nothing of the model is added back anywhere
    joined = " ".join(inserted)
    assert "Okafor" in joined  # the parties' list of documents, inserted where the model leaves it to them
    assert not any(w in joined for w in ("Sandoval Reyes", "Lindqvist Harrow", "IT IS SO ORDERED"))  # the frame is the same
    memo = (tmp_path / "o.memo.md").read_text(encoding="utf-8")
    assert "its tracked changes are the departures, nothing else" in memo


def test_package_from_the_model_is_complete_and_redlined_against_the_same_copy(capsys, tmp_path, court):
    lib, _, model = court
    target = tmp_path / "package"
    result = render(capsys, lib, answers(tmp_path), "--package", target, "--from-model", model)
    assert result.code == 0, result.err
    assert sorted(p.name for p in target.iterdir()) == sorted([
        "checklist.md", "explanation-of-departures.docx", "proposed-order.docx", "proposed-order-redline-against-model.docx"])
    assert filler("1", 1) in full_text(target / "proposed-order.docx")
    from poassembler.review.word_redline import inserted_and_deleted_text

    _, deleted = inserted_and_deleted_text((target / "proposed-order-redline-against-model.docx").read_bytes())
    assert markers(deleted) == {"2", "4", "5", "10"}
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "The proposed order is built on your copy of the Stand-in Model Order** (model.docx" in checklist
    assert "does **not** reproduce" not in checklist
    assert "model: 30 days; this order: 21 days" in full_text(target / "explanation-of-departures.docx")


@pytest.mark.parametrize("layout", [{"run_in": True}, {"pages": True}], ids=["run-in headings", "page furniture"])
def test_copies_laid_out_otherwise_split_as_well(capsys, tmp_path, court, layout):
    """Sections that open with a run-in heading ("1. Scope. All materials …"); a PDF saved as Word, with its
    line numbers and running footers between the paragraphs (left out of the order)."""
    from poassembler.review.word_redline import inserted_and_deleted_text

    lib, profile, _ = court
    model = write_model(tmp_path / "copy.docx", profile, **layout)
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model, "--redline-against", model)
    assert result.code == 0, result.err
    text = full_text(out)
    assert filler("6", 1) in text and "STAND-IN ORDER -" not in text and "\n27\n" not in text
    if layout.get("run_in"):
        assert filler("6", 0) in text and "Challenging Confidentiality Designations" in text
    _, deleted = inserted_and_deleted_text((tmp_path / "o.redline.docx").read_bytes())
    assert markers(deleted) == {"2", "4", "5", "10"}


def test_a_tier_no_departure_covers_is_a_warning(capsys, tmp_path, court):
    lib, _, model = court
    write_library(tmp_path, PROFILE.replace('when: "facts.uses_aeo"', 'when: "false"'))
    result = render(capsys, lib, answers(tmp_path), "-o", tmp_path / "o.docx", "--from-model", model)
    assert result.code == 0, result.err
    assert "the answers add the tier(s) highly_confidential_aeo, which the Stand-in Model Order lacks" in result.err
    assert filler("4", 1) in full_text(tmp_path / "o.docx")


def test_a_batch_builds_each_draft_on_the_model(capsys, tmp_path, court):
    lib, _, model = court
    folder = tmp_path / "cases"
    folder.mkdir()
    answers(folder), answers(folder, aeo=False)
    result = render(capsys, lib, folder, "-o", tmp_path / "out", "--from-model", model, "-j", "1")
    assert result.code == 0, result.err
    assert filler("1", 1) in full_text(tmp_path / "out" / "aeo.docx")
    assert filler("4", 1) in full_text(tmp_path / "out" / "plain.docx") and filler("4", 1) not in full_text(tmp_path / "out" / "aeo.docx")


def test_a_pdf_is_refused_with_what_to_do(capsys, tmp_path, court):
    lib, _, _ = court
    for name in ("model.pdf", "pdf-renamed.docx"):
        (tmp_path / name).write_bytes(b"%PDF-1.7 stand-in")
        result = render(capsys, lib, answers(tmp_path), "-o", tmp_path / "o.docx", "--from-model", tmp_path / name)
        assert_clean(result, 2)
        assert f"--from-model {tmp_path / name}" in result.err and "save it as Word Document (.docx)" in result.err
        assert not (tmp_path / "o.docx").exists()
    result = render(capsys, lib, answers(tmp_path), "--package", tmp_path / "pkg", "--from-model", tmp_path / "pdf-renamed.docx")
    assert_clean(result, 2)
    assert "this is a PDF" in result.err and not (tmp_path / "pkg").exists()


def test_a_heading_missing_from_the_copy_is_named(capsys, tmp_path, court):
    lib, profile, _ = court
    model = write_model(tmp_path / "older.docx", profile, drop="DESIGNATING PROTECTED MATERIAL")
    result = render(capsys, lib, answers(tmp_path), "-o", tmp_path / "o.docx", "--from-model", model, "--memo")
    assert_clean(result, 2)
    assert f"--from-model {model}: 1 heading of the Stand-in Model Order (Western District of Washington) not found" in result.err
    assert "“5 DESIGNATING PROTECTED MATERIAL”" in result.err
    assert list(tmp_path.glob("o.*")) == []


def test_a_court_without_a_complete_model_map_is_refused(capsys, tmp_path, court):
    lib, _, model = court
    result = invoke(capsys, "render", str(SAMPLES / "harborline-nysd.yaml"), "-o", str(tmp_path / "h.docx"), "--from-model", str(model))
    assert_clean(result, 2)
    assert "names no model order to build on" in result.err
    write_library(tmp_path, PROFILE.replace("complete: true", "complete: false"))
    result = render(capsys, lib, answers(tmp_path), "-o", tmp_path / "o.docx", "--from-model", model)
    assert_clean(result, 2)
    assert "lists only some of the Stand-in Model Order's sections" in result.err and "map of the model is incomplete" in result.err and "--redline-against" in result.err


def test_existing_output_is_not_overwritten_without_force(capsys, tmp_path, court):
    lib, _, model = court
    out = tmp_path / "o.docx"
    out.write_bytes(b"mine")
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model)
    assert_clean(result, 4)
    assert out.read_bytes() == b"mine"


# --- the default explanation (no copy of the model) ----------------------------------------------


def test_default_explanation_names_carried_provisions_known_departures_and_periods(capsys, tmp_path, court):
    lib, _, _ = court
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--deviations", "--memo")
    assert result.code == 0, result.err
    filed = full_text(tmp_path / "o.deviations.docx")
    assert "The draft carries the model's provisions" not in filed  # the memo says what each carried section provides
    assert "adds a HIGHLY CONFIDENTIAL – ATTORNEYS' EYES ONLY tier with its own access list" in filed
    assert "The customer pricing produced here would harm the producing party" in filed
    assert "model: 30 days; this order: 21 days" in filed and "model: 21 days" not in filed
    assert "The model asks the parties to write this section; the text is theirs." in filed
    assert "Not matched to a model section" not in filed and "not compared" not in filed  # the map is complete
    assert "PROTECTED HEALTH INFORMATION (after the model's last section)" in filed
    # in the model's order, what the map adds to a section right after it; the recorded departure explains the tier
    assert filed.index("DEFINITIONS (within § 3 SCOPE)") < filed.index("§ 4 ACCESS TO AND USE OF CONFIDENTIAL MATERIAL")
    kinds = [row.cells[1].text for row in docx.Document(str(tmp_path / "o.deviations.docx")).tables[0].rows]
    assert "Tiers" not in kinds and kinds.count("Changed") == 1 and kinds.count("Period") == 1
    memo = (tmp_path / "o.memo.md").read_text(encoding="utf-8")
    assert "only some of the model's sections" not in memo
    assert "The draft carries the model's provisions, in the parties' own words: basic principles of use; who may see CONFIDENTIAL material." in memo


def test_a_section_the_template_s_frame_carries_is_not_printed_twice(capsys, tmp_path, court):
    """A model section carried by the recitals (a non-body clause) stays the template's; the explanation says so."""
    from poassembler.library.load import load_library
    from poassembler.review.word_redline import inserted_and_deleted_text

    lib, _, _ = court
    text = PROFILE.replace("  sections:\n", '  sections:\n    - {number: "", heading: "STIPULATION", clauses: [preamble], verified: false}\n')
    write_library(tmp_path, text)
    model = write_model(tmp_path / "framed.docx", load_library([lib]).profiles.resolve(f"wawd-{JUDGE}"))
    out = tmp_path / "o.docx"
    result = render(capsys, lib, answers(tmp_path), "-o", out, "--from-model", model, "--deviations", "--redline-against", model)
    assert result.code == 0, result.err
    order = full_text(out)
    assert "marker--" not in order and "IT IS HEREBY STIPULATED" in order
    assert "with no change in substance, in the parties' own words: STIPULATION (model STIPULATION)" in full_text(tmp_path / "o.deviations.docx")
    _, deleted = inserted_and_deleted_text((tmp_path / "o.redline.docx").read_bytes())
    assert "marker--" not in " ".join(deleted) and markers(deleted) == {"2", "4", "5", "10"}


def test_an_addition_in_a_draft_not_in_the_model_s_order_is_related_not_within(capsys, tmp_path, court):
    lib, _, _ = court
    write_library(tmp_path, PROFILE.replace("follow_order: true", "follow_order: false"))
    assert render(capsys, lib, answers(tmp_path), "-o", tmp_path / "o.docx", "--deviations").code == 0
    filed = full_text(tmp_path / "o.deviations.docx")
    assert "DEFINITIONS (added; related to § 3 SCOPE)" in filed and "within §" not in filed
    assert "PROTECTED HEALTH INFORMATION (added)" in filed and "after the model's last section" not in filed
