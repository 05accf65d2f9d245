"""The Word templates in templates/ are the source of truth (docs/architecture.md, "Word templates"):
what a paralegal changes in Word is what every draft gets."""

from __future__ import annotations

import re
import shutil
import zipfile
from pathlib import Path

from cli_inprocess import poassembler
from conftest import ROOT, SAMPLES


def _restyle_heading(template: Path) -> None:
    """What a paralegal does in Word: PO Heading 1 becomes 16 pt small caps (a style change, not direct formatting)."""
    with zipfile.ZipFile(template) as source:
        parts = {name: source.read(name) for name in source.namelist()}
    styles = parts["word/styles.xml"].decode("utf-8")
    heading = re.search(r'<w:style [^>]*w:styleId="POHeading1".*?</w:style>', styles).group(0)
    restyled = heading.replace("<w:rPr><w:b/><w:bCs/></w:rPr>", '<w:rPr><w:b/><w:bCs/><w:smallCaps/><w:sz w:val="32"/></w:rPr>')
    assert restyled != heading
    parts["word/styles.xml"] = styles.replace(heading, restyled).encode("utf-8")
    with zipfile.ZipFile(template, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in parts.items():
            target.writestr(name, data)


def test_a_template_restyled_in_word_gives_drafts_that_style(tmp_path, capsys):
    firm = tmp_path / "firm"
    (firm / "templates").mkdir(parents=True)
    shutil.copy(ROOT / "templates" / "standard.docx", firm / "templates" / "standard.docx")
    _restyle_heading(firm / "templates" / "standard.docx")
    out = tmp_path / "draft.docx"
    outcome = poassembler("--library", str(firm), "render", str(SAMPLES / "claudomir-mad.yaml"), "-o", str(out))
    assert outcome.code == 0, outcome.err
    styles = zipfile.ZipFile(out).read("word/styles.xml").decode("utf-8")
    heading = re.search(r'<w:style [^>]*w:styleId="POHeading1".*?</w:style>', styles).group(0)
    assert "<w:smallCaps/>" in heading and '<w:sz w:val="32"/>' in heading
    document = zipfile.ZipFile(out).read("word/document.xml").decode("utf-8")
    assert 'w:val="POHeading1"' in document

