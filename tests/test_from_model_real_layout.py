"""`render --from-model` on copies laid out as a court's real model is (found by building on a public
transcription of the N.D. Cal. patent model, never stored here): blanks in brackets the model leaves for the
parties, headings carrying a bracketed note or a footnote mark, a sentence a page break cut in two, the model's
own export-control subsection. The stand-in copies are our own filler words under the cand profile's headings."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest
from cli_inprocess import poassembler
from conftest import SAMPLES
from docx_text import full_text, paragraphs

ANSWERS = SAMPLES / "quillfeather-cand.yaml"
SPLIT_SENTENCE = "Stand-in sentence (1) written, (2) cut, (3) for the tests, “Term,” or marker-4-1 joined again."


def filler(number: str, n: int) -> str:
    return f"Stand-in sentence for the tests, marker-{number.replace(' ', '')}-{n}."


def write_cand_copy(path: Path, *, bracket_in: tuple[str, ...] = (), heading_marks: bool = False,
                    page_split: str | None = None) -> Path:
    """A stand-in copy under the cand profile's model headings, typed numbers. `bracket_in`: sections whose first
    paragraph leaves a blank in brackets for the parties ("Exhibit A" gets "[date]" and a signer's blank);
    `heading_marks`: § 8 heading with a typed footnote mark, § 9 with "[Optional]"; `page_split`: the section
    whose first sentence a page break (line numbers, running footer) cuts in two."""
    from poassembler.library.load import load_library

    profile = load_library([]).profiles.resolve("cand")
    document = docx.Document()
    document.add_paragraph("STAND-IN MODEL ORDER")
    for section in profile.model_order.sections:
        number = section.number
        if number.startswith("Exhibit"):
            document.add_paragraph("IT IS SO STIPULATED, THROUGH COUNSEL OF RECORD.")
            document.add_paragraph("EXHIBIT A")
            document.add_paragraph(section.heading)
            text = filler(number, 1)
            if "Exhibit A" in bracket_in:
                text += " Entered on [date]. Signed by ________ [print or type full name]."
            document.add_paragraph(text)
            document.add_paragraph("Signature: ______________________")
            continue
        heading = section.heading
        if heading_marks and number == "8":
            heading += "3"
        if heading_marks and number == "9":
            heading += " [Optional]"
        document.add_paragraph(f"{number}. {heading}")
        first = filler(number, 1)
        if number in bracket_in:
            first = first[:-1] + " relating to [insert the subject matter here]."
        if page_split == number:  # cut after "(3)" and after a quoted “term,”: neither ends a sentence
            head, tail = SPLIT_SENTENCE.split(" for the tests")
            document.add_paragraph(f"{number}.1 {head}")
            for line in ("27", "28", "STAND-IN ORDER - 4", "STAND-IN ORDER - 5", "STAND-IN ORDER - 6", "1", "2"):
                document.add_paragraph(line)
            document.add_paragraph(f"for the tests{tail.split(' “Term,”')[0]} “Term,”")
            for line in ("3", "STAND-IN ORDER - 7"):
                document.add_paragraph(line)
            document.add_paragraph(f"or{tail.split(' “Term,” or')[1]}")
        else:
            document.add_paragraph(f"{number}.1 {first}")
        document.add_paragraph(f"{number}.2 {filler(number, 2)}")
        if page_split and page_split != number:  # the running footer recurs on other pages too
            document.add_paragraph(f"STAND-IN ORDER - {number}")
    document.save(str(path))
    return path


def render(capsys, tmp_path, copy: Path, *extra):
    out = tmp_path / "pkg"
    result = poassembler("render", str(ANSWERS), "--package", str(out), "--from-model", str(copy), *map(str, extra))
    assert result.code == 0, result.err
    return out, result


def test_a_blank_the_model_leaves_in_brackets_is_filled_by_the_parties_clause_not_printed(capsys, tmp_path):
    copy = write_cand_copy(tmp_path / "copy.docx", bracket_in=("8", "Exhibit A"))
    out, _ = render(capsys, tmp_path, copy)
    order = full_text(out / "proposed-order.docx")
    assert "[insert" not in order and "[date]" not in order
    assert "marker-8-" not in order and "marker-ExhibitA-" not in order  # our prosecution bar and Acknowledgment
    assert filler("9", 1) in order  # the sections without blanks stay the model's
    explanation = paragraphs(out / "explanation-of-departures.docx")
    assert "Filled in" in explanation
    assert any(p.startswith("§ 8 PROSECUTION BAR") for p in explanation)


def test_a_signer_s_blank_is_not_a_blank_for_the_parties():
    from poassembler.review.model_copy import drafting_instructions

    assert drafting_instructions(["I, ________ [print or type full name], of ____ [print or type full address]"]) == ()
    assert drafting_instructions(["in the case of ______ [insert formal name of the case]", "on [date]"]) == (
        "[insert formal name of the case]", "[date]")


def test_headings_with_a_footnote_mark_or_a_bracketed_note_are_found(capsys, tmp_path):
    copy = write_cand_copy(tmp_path / "copy.docx", heading_marks=True)
    out, _ = render(capsys, tmp_path, copy)
    assert filler("9", 1) in full_text(out / "proposed-order.docx")


def test_a_sentence_a_page_break_cut_in_two_is_one_paragraph_again(capsys, tmp_path):
    copy = write_cand_copy(tmp_path / "copy.docx", page_split="4")
    out, _ = render(capsys, tmp_path, copy)
    texts = paragraphs(out / "proposed-order.docx")
    assert SPLIT_SENTENCE in texts
    assert not any(t.startswith(("for the tests", "or marker")) for t in texts)
    assert not any("STAND-IN ORDER -" in t for t in texts)


def test_the_parties_export_control_terms_follow_the_model_s_miscellaneous_section(capsys, tmp_path):
    """cand's model has export control in § 14 (Miscellaneous): the parties' own terms go there, before Final
    Disposition, not after the model's last section."""
    copy = write_cand_copy(tmp_path / "copy.docx")
    out, _ = render(capsys, tmp_path, copy)
    texts = paragraphs(out / "proposed-order.docx")
    export = next(i for i, t in enumerate(texts) if t.startswith("EXPORT CONTROL"))
    final = next(i for i, t in enumerate(texts) if t == "FINAL DISPOSITION")
    misc = next(i for i, t in enumerate(texts) if t == "MISCELLANEOUS")
    assert misc < export < final
    explanation = full_text(out / "explanation-of-departures.docx")
    assert "(within § 14 MISCELLANEOUS)" in explanation and "after the model's last section" not in explanation


@pytest.mark.parametrize("heading", ["PROSECUTION BAR [Optional]", "PROSECUTION BAR3", "8. Prosecution Bar"])
def test_heading_key_ignores_notes_and_footnote_marks(heading):
    from poassembler.review.model_copy import heading_key

    assert heading_key(heading) == "prosecution bar"


def _styles_of(path: Path, texts: list[str]) -> list[str]:
    document = docx.Document(str(path))
    return [next(p.style.name for p in document.paragraphs if p.text == t) for t in texts]


def test_paragraphs_numbered_by_their_style_keep_their_level(capsys, tmp_path):
    """A court's Word file often numbers "4.1" and "(a)" through paragraph styles, with no number typed and no
    numbering on the paragraph: the order numbers them as it does typed "4.1" and "(a)"."""
    from docx.enum.style import WD_STYLE_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    typed = write_cand_copy(tmp_path / "typed.docx")
    document = docx.Document(str(typed))
    for name, level in (("Model Sub", "1"), ("Model Item", "2")):
        style = document.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        numbering = OxmlElement("w:numPr")
        for tag, value in (("w:ilvl", level), ("w:numId", "1")):
            element = OxmlElement(tag)
            element.set(qn("w:val"), value)
            numbering.append(element)
        style.element.get_or_add_pPr().append(numbering)
    for paragraph in document.paragraphs:
        for prefix, style in (("4.1 ", "Model Sub"), ("4.2 ", "Model Sub")):
            if paragraph.text.startswith(prefix):
                paragraph.text, paragraph.style = paragraph.text[len(prefix):], document.styles[style]
    by_style = tmp_path / "styled.docx"
    document.save(str(by_style))
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first, _ = render(capsys, tmp_path / "a", typed)
    second, _ = render(capsys, tmp_path / "b", by_style)
    texts = [filler("4", 1), filler("4", 2)]
    assert _styles_of(second / "proposed-order.docx", texts) == _styles_of(first / "proposed-order.docx", texts)
