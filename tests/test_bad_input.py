"""Every bad input a user can give, as the user sees it: one message, the documented exit code, no
traceback, no draft written. docs/errors.md lists these cases by test name.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
import yaml

from cli_inprocess import in_a_process, assert_clean, poassembler
from conftest import ROOT, SAMPLES, sample_data
from test_sandbox import clause_library, word_template

SAMPLE = SAMPLES / "segal-cacd.yaml"


def answers_file(tmp_path: Path, text: str | bytes, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))
    return path


def dumped(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def render(capsys, tmp_path: Path, answers: Path, *extra: str, library: Path | None = None):
    """`poassembler [--library L] render ANSWERS -o draft.docx EXTRA…`; a failure leaves no draft."""
    out = tmp_path / "draft.docx"
    prefix = ("--library", str(library)) if library else ()
    outcome = poassembler(*prefix, "render", str(answers), "-o", str(out), *extra)
    if outcome.code != 0:
        assert not out.exists(), "a failed render must not leave a draft behind"
    return outcome


# --- answers files: exit 2 -------------------------------------------------------------------------


def test_malformed_yaml_names_file_line_column(tmp_path, capsys):
    path = answers_file(tmp_path, "court: cacd\ncase:\n  number: [2:16-cv-04512\nparties: []\n")
    outcome = render(capsys, tmp_path, path)
    assert_clean(outcome, 2)
    assert f"{path}:4:" in outcome.err


def test_tab_indentation_names_file_line_column(tmp_path, capsys):
    path = answers_file(tmp_path, "court: cacd\ncase:\n\tnumber: x\n")
    outcome = render(capsys, tmp_path, path)
    assert_clean(outcome, 2)
    assert f"{path}:3:1:" in outcome.err and "\\t" in outcome.err


def test_duplicate_key_is_an_error(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace("court: cacd\n", "court: cacd\ncourt: nyed\n", 1)
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "'court' appears twice" in outcome.err and "first on line" in outcome.err


def test_raw_control_character_in_file_names_line_column(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace("Maria Ortega", "Maria\x07Ortega", 1)
    path = answers_file(tmp_path, text)
    outcome = render(capsys, tmp_path, path)
    assert_clean(outcome, 2)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "\x07" in t)
    assert f"{path}:{line}:" in outcome.err and "U+0007" in outcome.err


def test_escaped_control_character_names_the_field(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace('"Maria Ortega"', '"Maria\\x0cOrtega"', 1)
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "parties[0].name" in outcome.err and "U+000C" in outcome.err


def test_python_object_tag_is_refused_not_run(tmp_path, capsys):
    marker = tmp_path / "pwned"
    text = f"court: !!python/object/apply:os.system ['touch {marker}']\n"
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "case.yaml:1:" in outcome.err
    assert not marker.exists()


def test_empty_answers_file(tmp_path, capsys):
    outcome = render(capsys, tmp_path, answers_file(tmp_path, "# nothing yet\n"))
    assert_clean(outcome, 2)
    assert "the answers are empty" in outcome.err


def test_answers_file_that_is_a_list(tmp_path, capsys):
    outcome = render(capsys, tmp_path, answers_file(tmp_path, "- court: cacd\n"))
    assert_clean(outcome, 2)
    assert "expected a mapping of fields" in outcome.err


def test_answers_file_not_utf8(tmp_path, capsys):
    path = answers_file(tmp_path, SAMPLE.read_text(encoding="utf-8").replace("Maria", "Mar\u00eda").encode("latin-1", "replace"))
    outcome = render(capsys, tmp_path, path)
    assert_clean(outcome, 2)
    assert "not UTF-8" in outcome.err and "save it as UTF-8" in outcome.err


def test_missing_answers_file(tmp_path, capsys):
    outcome = render(capsys, tmp_path, tmp_path / "nope.yaml")
    assert_clean(outcome, 2)
    assert "no such file" in outcome.err


def test_wrong_types_are_all_listed_with_lines(tmp_path, capsys):
    data = sample_data("segal-cacd.yaml")
    data["parties"][0]["counsel"][0]["bar_number"] = 123456
    data["division"] = True
    data["options"] = {"fre_502d": "maybe"}
    data["dates"] = {"stipulated": "next week"}
    data["categories"] = "pricing"
    outcome = render(capsys, tmp_path, answers_file(tmp_path, dumped(data)))
    assert_clean(outcome, 2)
    assert "5 problems" in outcome.err
    for field in ("parties[0].counsel[0].bar_number", "division", "options.fre_502d", "dates.stipulated", "categories"):
        assert f": {field}:" in outcome.err, field
    assert "put the value in quotes" in outcome.err
    assert "line " in outcome.err


def test_missing_required_answers_are_all_listed_at_once(tmp_path, capsys):
    data = sample_data("segal-cacd.yaml")
    del data["court"], data["case"]["number"], data["parties"][1]["role"], data["parties"][0]["counsel"][0]["email"]
    del data["categories"][2]["harm"]
    outcome = render(capsys, tmp_path, answers_file(tmp_path, dumped(data)))
    assert_clean(outcome, 2)
    for field in ("court", "case.number", "parties[1].role", "parties[0].counsel[0].email", "categories[2].harm"):
        assert f"{field}: required, but missing" in outcome.err, field
    assert "5 problems" in outcome.err


def test_misspelt_field_and_bad_choice(tmp_path, capsys):
    data = sample_data("segal-cacd.yaml")
    data["partys"] = data.pop("parties")
    data["tiers"] = ["confidential", "top_secret"]
    outcome = render(capsys, tmp_path, answers_file(tmp_path, dumped(data)))
    assert_clean(outcome, 2)
    assert "partys: is not a field poassembler knows" in outcome.err
    assert "tiers[1]: must be one of" in outcome.err


def test_unknown_court_gets_suggestions(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace("court: cacd", "court: cadc")
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "no profile 'cadc'; did you mean 'cacd'" in outcome.err


def test_mistyped_judge_gets_a_suggestion(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace("judge: segal", "judge: segall")
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "did you mean 'segal'" in outcome.err


def test_judge_without_profile_drafts_with_district_and_lists_judges(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace("judge: segal", "judge: wright")
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert outcome.code == 0, outcome.err
    assert "no profile for judge 'wright' in cacd (judge profiles for cacd: segal)" in outcome.err


def test_case_number_that_does_not_fit_the_court(tmp_path, capsys):
    text = SAMPLE.read_text(encoding="utf-8").replace('"2:26-cv-04512-SVW (SSx)"', '"hello"')
    outcome = render(capsys, tmp_path, answers_file(tmp_path, text))
    assert_clean(outcome, 2)
    assert "case.number: 'hello'" in outcome.err


def test_output_name_must_end_in_docx(tmp_path, capsys):
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "draft.pdf"))
    assert_clean(outcome, 2)
    assert ".docx" in outcome.err


def test_unknown_option_is_a_usage_error(capsys):
    outcome = poassembler("render", str(SAMPLE), "--frce")
    assert outcome.code == 2
    assert "No such option" in outcome.err and "Traceback" not in outcome.err


# --- clauses, profiles and templates: exit 3 -------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Served by {{ answers.case.nmber }}.", "refers to a field that does not exist"),
        ("Hello {{ answers.case.number", "Jinja syntax error"),
        ("{{ 1 / 0 }}", "could not be evaluated (ZeroDivisionError"),
    ],
    ids=["missing-field", "syntax-error", "runtime-error"],
)
def test_broken_clause_text_names_the_clause(text, expected, tmp_path, capsys):
    library = clause_library(tmp_path / "lib", text)
    outcome = render(capsys, tmp_path, SAMPLE, library=library)
    assert_clean(outcome, 3)
    assert "purposes_limitations.yaml (paragraph 1)" in outcome.err and expected in outcome.err


def test_clause_condition_naming_a_missing_field(tmp_path, capsys):
    library = clause_library(tmp_path / "lib", "Hello.", applies_when="facts.has_federal_agency")
    outcome = render(capsys, tmp_path, SAMPLE, library=library)
    assert_clean(outcome, 3)
    assert "purposes_limitations.yaml: applies_when: refers to a field that does not exist" in outcome.err
    assert "has_federal_agency" in outcome.err


def test_malformed_profile_yaml_names_file_line_column(tmp_path, capsys):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    bad = tmp_path / "lib" / "jurisdictions" / "cacd.yaml"
    bad.write_text("id: cacd\nname: [Central\n", encoding="utf-8")
    outcome = render(capsys, tmp_path, SAMPLE, library=tmp_path / "lib")
    assert_clean(outcome, 3)
    assert f"{bad}:3:" in outcome.err


def test_profile_with_wrong_type_names_field_and_line(tmp_path, capsys):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    bad = tmp_path / "lib" / "jurisdictions" / "cacd.yaml"
    bad.write_text("id: cacd\nextends: federal\nkind: district\nname: C.D. Cal.\ncircuit: ninth\n", encoding="utf-8")
    outcome = render(capsys, tmp_path, SAMPLE, library=tmp_path / "lib")
    assert_clean(outcome, 3)
    assert f"{bad}:5: circuit:" in outcome.err


def _damaged_templates(tmp_path: Path) -> dict[str, Path]:
    good = (ROOT / "templates" / "standard.docx").read_bytes()
    renamed = tmp_path / "renamed.docx"
    renamed.write_text("Dear Court, this is a letter saved as text.\n", encoding="utf-8")
    truncated = tmp_path / "truncated.docx"
    truncated.write_bytes(good[: len(good) // 2])
    no_document = tmp_path / "no-document.docx"
    with zipfile.ZipFile(no_document, "w") as archive:
        archive.writestr("hello.txt", "not a Word package")
    broken_xml = tmp_path / "broken-xml.docx"
    with zipfile.ZipFile(ROOT / "templates" / "standard.docx") as source, zipfile.ZipFile(broken_xml, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            target.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return {"renamed": renamed, "truncated": truncated, "no-document": no_document, "broken-xml": broken_xml}


@pytest.mark.parametrize("kind", ["renamed", "truncated", "no-document", "broken-xml"])
def test_corrupt_or_non_docx_template(kind, tmp_path, capsys):
    template = _damaged_templates(tmp_path)[kind]
    outcome = render(capsys, tmp_path, SAMPLE, "--template", str(template))
    assert_clean(outcome, 3)
    assert str(template) in outcome.err
    assert "Re-save it from Word" in outcome.err


def test_template_with_a_tag_the_draft_does_not_provide(tmp_path, capsys):
    template = word_template(tmp_path / "t.docx", "{{ court.nmae }}")
    outcome = render(capsys, tmp_path, SAMPLE, "--template", str(template))
    assert_clean(outcome, 3)
    assert "the template uses a name the draft does not provide" in outcome.err and "nmae" in outcome.err


def test_profile_naming_a_missing_template(tmp_path, capsys):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    profile = yaml.safe_load((ROOT / "jurisdictions" / "cacd.yaml").read_text(encoding="utf-8"))
    profile["format"]["template"] = "no-such-template"
    (tmp_path / "lib" / "jurisdictions" / "cacd.yaml").write_text(dumped(profile), encoding="utf-8")
    outcome = render(capsys, tmp_path, SAMPLE, library=tmp_path / "lib")
    assert_clean(outcome, 3)
    assert "no Word template 'no-such-template.docx'" in outcome.err


# --- where the draft goes: exit 4 (more in test_nothing_lost.py) -----------------------------------


def test_output_folder_missing(tmp_path, capsys):
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "no" / "such" / "x.docx"))
    assert_clean(outcome, 4)
    assert "no such folder" in outcome.err


def test_output_folder_is_a_file(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "notes.txt" / "x.docx"))
    assert_clean(outcome, 4)
    assert "is a file, not a folder" in outcome.err
    assert (tmp_path / "notes.txt").read_text(encoding="utf-8") == "mine"


@pytest.mark.skipif(not Path("/sys/kernel").is_dir(), reason="needs a read-only /sys (Linux)")
def test_unwritable_output_folder(tmp_path, capsys):
    outcome = poassembler("render", str(SAMPLE), "-o", "/sys/kernel/draft.docx")
    assert_clean(outcome, 4)
    assert "/sys/kernel/draft.docx" in outcome.err and ("permission denied" in outcome.err or "could not be written" in outcome.err)


# --- --debug ---------------------------------------------------------------------------------------


def test_debug_shows_the_traceback(tmp_path):
    bad = answers_file(tmp_path, "court: [\n")
    plain = in_a_process("render", bad)
    debug = in_a_process("--debug", "render", bad)
    assert plain.code == 2 and "Traceback" not in plain.err
    assert debug.code != 0 and "Traceback" in debug.err and "BadInput" in debug.err
