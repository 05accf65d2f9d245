"""Round-7 clerk verdicts: the Privacy Act order reaches every responsive record (nyed, casd), and the
Word file's default run size is the court's type size (cacd 14 pt), checked on re-opened drafts."""

from __future__ import annotations

import dataclasses
import io
import re
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from docx_text import full_text


def _privacy_section(text: str) -> str:
    return text.split("PRIVACY ACT", 1)[1].split("This Section does not require", 1)[0]


@pytest.mark.parametrize(
    ("sample", "agencies"),
    [
        ("janfeshan-edny.yaml", "U.S. Customs and Border Protection and the U.S. Department of Homeland Security"),
        ("alotrolado-casd.yaml", "the U.S. Department of Homeland Security and U.S. Customs and Border Protection"),
    ],
)
def test_privacy_act_order_reaches_records_outside_the_designated_categories(render, sample, agencies):
    section = " ".join(_privacy_section(full_text(render(sample))).split())
    assert "court of competent jurisdiction under 5 U.S.C. § 552a(b)(11)" in section
    assert f"It authorizes {agencies} to produce, in response to discovery in this Action, records that are subject to the Privacy Act" in section
    assert "whether or not the records fall within a category of information that may be designated under this Order" in section
    assert "meets this Order's definition of “CONFIDENTIAL” Information or Items may be designated" in section
    assert "provided that such records are designated" not in section
    # The Act's reach (citizens and permanent residents) is still stated, with its citation.
    assert "United States citizens and aliens lawfully admitted for permanent residence (5 U.S.C. § 552a(a)(2))" in section
    assert re.search(r"protected in this Action by this Order if designated under it,( by| and by) any other law", section)


def _default_run_size(path) -> str:
    defaults = Document(str(path)).styles.element.find(qn("w:docDefaults"))
    return defaults.find(qn("w:rPrDefault")).find(qn("w:rPr")).find(qn("w:sz")).get(qn("w:val"))


def _style_size(path, style_id: str) -> str | None:
    for style in Document(str(path)).styles.element.findall(qn("w:style")):
        if style.get(qn("w:styleId")) == style_id:
            size = style.find(qn("w:rPr") + "/" + qn("w:sz"))
            return None if size is None else size.get(qn("w:val"))
    raise AssertionError(f"no style {style_id}")


def test_fourteen_point_court_sets_the_document_default_size(render):
    path = render("segal-cacd.yaml")
    assert _default_run_size(path) == "28"
    assert _style_size(path, "Normal") == "28"
    assert _style_size(path, "POFooter") == "20"  # the footer keeps its own, smaller size


def test_twelve_point_court_keeps_twelve_point_defaults(render):
    path = render("janfeshan-edny.yaml")
    assert _default_run_size(path) == "24"
    assert _style_size(path, "Normal") == "24"


def test_plain_docxtpl_path_sets_the_same_default_size(library):
    from conftest import sample_data

    from poassembler.library.answers import parse_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.render import render_docx
    from poassembler.pipeline.template_names import template_extras

    draft = plan_draft(parse_answers(sample_data("janfeshan-edny.yaml")), library)
    fmt = dataclasses.replace(draft.profile.format, font_size_pt=13.0)
    docx = render_docx(library.template("standard"), draft.context, fmt, template_extras(draft), plain_docxtpl=True)
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        styles = package.read("word/styles.xml").decode()
    defaults = re.search(r"<w:docDefaults>.*?</w:docDefaults>", styles, re.DOTALL).group(0)
    assert '<w:sz w:val="26"/>' in defaults and '<w:szCs w:val="26"/>' in defaults
