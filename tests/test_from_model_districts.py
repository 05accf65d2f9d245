"""`render --from-model` on the W.D. Wash. and N.D. Ill. profiles as shipped: a stand-in model the test writes under
the headings the profiles record (our own filler text, never the court's), a whole filing package built on it, and a
redline that shows only the departures this case needs (those that only describe our own wording are moot)."""

from __future__ import annotations

import re
from pathlib import Path

import docx
import pytest
from cli_inprocess import invoke
from conftest import SAMPLES
from docx_text import full_text
from model_mode_fixture import filler, write_standin

from poassembler.review.word_redline import inserted_and_deleted_text


def markers(texts: list[str]) -> set[str]:
    return set(re.findall(r"marker-([0-9A-Za-z]+)-\d", " ".join(texts)))


def build(capsys, library, tmp_path, sample: str, court: str):
    model = write_standin(tmp_path / "standin.docx", library.profiles.resolve(court).model_order)
    target = tmp_path / "pkg"
    result = invoke(capsys, "render", str(SAMPLES / sample), "--from-model", str(model), "--package", str(target))
    assert result.code == 0, result.err
    redline = next(target.glob("*redline*.docx"), None)
    assert redline is not None, sorted(p.name for p in target.iterdir())  # the package itself carries the redline
    inserted, deleted = inserted_and_deleted_text(redline.read_bytes())
    return target, markers(deleted), full_text(target / "proposed-order.docx")


def test_wawd_package_on_a_stand_in_model_redlines_only_case_driven_departures(capsys, tmp_path, library):
    target, replaced, order = build(capsys, library, tmp_path, "cedarline-wawd.yaml", "wawd")
    # kept in the model's words: sections whose recorded departures only describe our wording (§ 1, 3, 5, 7), and
    # those with none (§ 6, 8, 9), the Rule 502(d) order (no heading in the model: printed under ours)
    for kept in ("1", "3", "5", "6", "7", "8", "9", "headless"):
        assert filler(kept, 1) in order, kept
    assert "NON-WAIVER ORDER UNDER FEDERAL RULE OF EVIDENCE 502(d)" in order
    # replaced: § 2 (the parties' list), § 4 (an individual party sees the material), § 10 (health records)
    assert replaced == {"2", "4", "10"}
    filed = full_text(target / "explanation-of-departures.docx")
    assert "Adds that no party may agree with another to file material under seal" not in filed  # wording only: moot
    assert "Lets a Receiving Party who is a natural person see CONFIDENTIAL material" in filed
    assert "the list may not be enlarged by the parties' agreement" in filed and "Filled in" in filed
    assert "profile" not in filed and "VERIFY" not in filed
    checklist = (target / "checklist.md").read_text(encoding="utf-8")
    assert "- [ ] Confirm against your copy of the model: rows " in checklist and "**[VERIFY BEFORE FILING]**" in checklist


def test_ilnd_package_on_a_stand_in_model_redlines_only_case_driven_departures(capsys, tmp_path, library):
    target, replaced, order = build(capsys, library, tmp_path, "pellworth-ilnd.yaml", "ilnd-alonso")
    for kept in ("1", "5", "7", "9", "10", "15", "16", "17"):  # recorded departures there only describe our wording
        assert filler(kept, 1) in order, kept           # (§ 5: the tier's access list and notice are sections added to it)
    # replaced: § 2 (the case's own categories in place of the form's general ones; the AEO tier), § 4 (the tier)
    assert replaced == {"2", "4"}
    filed = full_text(target / "explanation-of-departures.docx")
    # round 6 (ilnd clerk): each change once, keyed to the sections that print it; § 5's model text is kept
    assert filed.count("Adds the top tier's access list") == 1
    assert "ACCESS TO HIGHLY CONFIDENTIAL MATERIAL, § 5 NOTICE BEFORE DISCLOSING HIGHLY CONFIDENTIAL MATERIAL: Adds" in filed
    assert "(the parties' text in place of the model's): Adds the top tier's access list" not in filed
    assert "Instead of the form's general categories" in filed
    assert "The order opens with its purposes and limits" not in filed
