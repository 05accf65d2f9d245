"""The paralegal toolkit as a user runs it: library folders, validate, schema, clauses, template export, preview."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import docx
import pytest

from conftest import ROOT, SAMPLES
from docx_text import full_text, paragraphs, styled
from cli_inprocess import poassembler

FIXTURES = Path(__file__).resolve().parent / "fixtures"
FIRM = FIXTURES / "firm-library"




# --- placeholders (issue 3: no clause may reference a field that does not exist) -----------------------


def test_every_built_in_clause_placeholder_exists(library):
    from poassembler.authoring.placeholders import KnownNames, check_clause

    known = KnownNames.of_profiles(library.profiles.profiles.values())
    problems = [
        f"{clause.path}: {p.field}: {p.problem.expression}: {p.problem.message}"
        for clause in library.clauses.ordered()
        for p in check_clause(clause.spec, known).problems
    ]
    assert problems == []
    assert len(library.clauses.clauses) > 5


def test_placeholder_walker_catches_misspelt_fields():
    from poassembler.library.clauses import ClauseSpec
    from poassembler.authoring.placeholders import KnownNames, check_clause

    spec = ClauseSpec.model_validate({
        "id": "x", "order": 1, "applies_when": "answers.options.fre_502",
        "paragraphs": [
            {"text": "{{ answers.parties[0].counsel[0].emial }} {% for c in answers.categories %}{{ c.harm }}{% endfor %}"},
            {"text": "{{ item.harmm }} {{ tiers.confidential }}", "repeat": "answers.categories"},
        ],
    })
    report = check_clause(spec, KnownNames(frozenset(), frozenset(), frozenset({"confidential"})))
    messages = [(p.problem.expression, p.problem.message) for p in report.problems]
    assert messages == [
        ("answers.options.fre_502", "Options has no field 'fre_502' (did you mean 'fre_502d'?)"),
        ("answers.parties[0].counsel[0].emial", "Counsel has no field 'emial' (did you mean 'email'?)"),
        ("item.harmm", "Category has no field 'harmm' (did you mean 'harm'?)"),
    ]
    assert report.used == {"tier": {"confidential"}}


# --- validate -----------------------------------------------------------------------------------------


def test_validate_built_in_library_is_clean():
    result = poassembler("validate")
    assert result.code == 0, result.out + result.err
    assert result.out.startswith("OK")


@pytest.mark.parametrize(
    "fixture, expected",
    [
        ("profile-unknown-clause", ["jurisdictions/zzd.yaml:9: clauses: unknown clause id 'challenge_nowhere'"]),
        ("profile-extends-cycle", ["jurisdictions/aad.yaml:3: `extends:` goes round in a circle (aad → bbd → aad)",
                                   "jurisdictions/bbd.yaml:3: `extends:` goes round in a circle (bbd → aad → bbd)"]),
        ("profile-citation-no-source", ["jurisdictions/ccd.yaml:7: citations.sealing.source: required, but missing"]),
        ("clause-bad-placeholder", [
            "bad_placeholder.yaml:5: applies_when: `facts.has_goverment_party`: CaseFacts has no field 'has_goverment_party'",
            "bad_placeholder.yaml:7: paragraphs[0].text: `answers.case.numbr`: Case has no field 'numbr' (did you mean 'number'?)",
            "bad_placeholder.yaml:11: paragraphs[1].text: `item.nam`: Category has no field 'nam'",
            "bad_placeholder.yaml:12: paragraphs[2].text: `periods.no_such_period`: no period 'no_such_period'",
        ]),
        ("template-undeclared", ["paragraph “{{ order.dated_line }}”: order.dated_line: OrderBlock has no field 'dated_line'",
                                 "paragraph “{{ hearing_date }}”: hearing_date: unknown name 'hearing_date'"]),
        ("template-split-run", ["paragraph “{{ exhibit.title }}”: the tag {{ exhibit.title }} is split across several runs"]),
        ("template-curly-quotes", ["curly quotes inside the tag {%p if order.judge_name != “” %}"]),
        ("template-p-tag-shared", ["paragraph “Signed: {%p endif %}”: the paragraph tag {%p endif %} shares its paragraph"]),
    ],
)
def test_validate_reports_each_breakage_with_its_place(fixture, expected):
    result = poassembler("validate", str(FIXTURES / fixture), cwd=ROOT)
    assert result.code == 3, result.out + result.err
    assert "Traceback" not in result.err
    lines = result.out.splitlines()
    for want in expected:
        assert any(want in line for line in lines), (want, result.out)
    assert len(lines) == len(expected), result.out
    assert f"{len(expected)} problem" in result.err


def test_validate_lists_every_problem_in_one_run():
    folders = [str(FIXTURES / name) for name in ("profile-unknown-clause", "profile-citation-no-source", "clause-bad-placeholder")]
    result = poassembler("validate", *folders)
    assert result.code == 3
    assert "6 problems found" in result.err


def test_validate_firm_library_clean_and_missing_path():
    assert poassembler("--library", str(FIRM), "validate").code == 0
    missing = poassembler("validate", "no/such/file.yaml")
    assert missing.code == 3 and "no/such/file.yaml: no such file or folder" in missing.out


# --- library folders: option, environment variable, config file ------------------------------------


def test_jurisdictions_list_shows_where_each_profile_comes_from():
    result = poassembler("--library", str(FIRM), "jurisdictions", "list")
    assert result.code == 0, result.err
    lines = {line.split()[0]: line for line in result.out.splitlines()}
    assert lines["nvd"].endswith(f"({FIRM})")
    assert lines["nvd-roe"].startswith("nvd-roe") and "Jane Roe" in lines["nvd-roe"]
    assert lines["cacd"].endswith("(built-in)")


def test_config_file_env_and_option_precedence(tmp_path):
    other = tmp_path / "other"
    (other / "jurisdictions").mkdir(parents=True)
    shutil.copy(FIRM / "jurisdictions" / "nvd.yaml", other / "jurisdictions" / "nvd.yaml")
    (tmp_path / "poassembler.toml").write_text(f'library = ["{FIRM}"]\n', encoding="utf-8")
    home = {"XDG_CONFIG_HOME": str(tmp_path / "no-config")}

    from_config = poassembler("jurisdictions", "list", cwd=tmp_path, env=home)
    assert f"({FIRM})" in from_config.out and "nvd-roe" in from_config.out
    from_env = poassembler("jurisdictions", "list", cwd=tmp_path, env={**home, "POASSEMBLER_LIBRARY": str(other)})
    assert f"({other})" in from_env.out and "nvd-roe" not in from_env.out
    from_option = poassembler("--library", str(FIRM), "jurisdictions", "list", cwd=tmp_path, env={**home, "POASSEMBLER_LIBRARY": str(other)})
    assert f"({FIRM})" in from_option.out and f"({other})" not in from_option.out

    (tmp_path / "poassembler.toml").write_text("library = [1, 2]\n", encoding="utf-8")
    bad = poassembler("jurisdictions", "list", cwd=tmp_path, env=home)
    assert bad.code == 2 and "poassembler.toml: `library` must be a folder" in bad.err
    gone = poassembler("--library", str(tmp_path / "nope"), "jurisdictions", "list")
    assert gone.code == 2 and "library folder not found" in gone.err


def test_custom_library_renders_new_district_judge_clause_and_template(tmp_path):
    out = tmp_path / "nvd.docx"
    result = poassembler("--library", str(FIRM), "render", str(FIRM / "sample-nvd.yaml"), "-o", str(out))
    assert result.code == 0, result.err
    text = full_text(out)
    assert "DISTRICT OF NEVADA" in text and "Jane Roe" in text and "DISCOVERY MATTER" in text
    assert "Case No. 2:26-cv-00042 (JR)" not in text  # initials only when the profile asks
    assert "This Order, in the firm's house wording, covers Protected Material produced in the case of Silver State Mining v. Basin Freight" in text
    assert "SCOPE OF THIS ORDER" in styled(out, "PO Heading 1")
    assert "SCOPE" not in styled(out, "PO Heading 1")
    heading = docx.Document(str(out)).styles["PO Heading 1"]
    assert heading.font.name == "Arial"


# --- jurisdictions new --------------------------------------------------------------------------------


def test_jurisdictions_new_writes_a_valid_commented_judge_profile(tmp_path):
    lib = tmp_path / "lib"
    lib.mkdir()
    result = poassembler("--library", str(lib), "jurisdictions", "new", "cacd-roe", "--extends", "cacd", "--judge", "Jane Roe")
    assert result.code == 0, result.err
    written = lib / "jurisdictions" / "cacd-roe.yaml"
    text = written.read_text(encoding="utf-8")
    assert "kind: judge" in text and '"Jane Roe"' in text and "# the profile this one builds on" in text
    assert "#   good_cause_statement: required  [cacd]" in text
    assert poassembler("--library", str(lib), "validate").code == 0
    show = poassembler("--library", str(lib), "jurisdictions", "show", "cacd", "--judge", "roe")
    assert "United States Magistrate Judge Jane Roe" in show.out and "federal → cacd → cacd-roe" in show.out
    again = poassembler("--library", str(lib), "jurisdictions", "new", "cacd-roe", "--extends", "cacd", "--judge", "Jane Roe")
    assert again.code == 4 and "already exists" in again.err
    assert poassembler("--library", str(lib), "jurisdictions", "new", "cacd-roe", "--extends", "cacd", "--judge", "J. Roe", "--force").code == 0


def test_jurisdictions_new_district_and_bad_inputs(tmp_path):
    out = tmp_path / "nvd.yaml"
    result = poassembler("jurisdictions", "new", "nvd", "--extends", "federal", "-o", str(out))
    assert result.code == 0, result.err
    assert '"DISTRICT OF NEVADA"' in out.read_text(encoding="utf-8")
    assert poassembler("validate", str(out)).code == 0
    assert "did you mean 'cacd'" in poassembler("jurisdictions", "new", "x", "--extends", "cacdd", "-o", str(tmp_path / "x.yaml")).err
    assert poassembler("jurisdictions", "new", "nvd", "--extends", "federal").code == 2  # nowhere to write
    assert "use nvd.yaml" in poassembler("jurisdictions", "new", "nvd", "--extends", "federal", "-o", str(tmp_path / "other.yaml")).err


# --- schema -------------------------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["answers", "profile", "clause"])
def test_committed_schemas_equal_the_models(kind):
    from poassembler.authoring.schemas import schema_text

    committed = (ROOT / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8")
    assert committed == schema_text(kind), f"regenerate: poassembler schema {kind} > schemas/{kind}.schema.json"


def test_schema_command_prints_json_schema():
    result = poassembler("schema", "profile")
    schema = json.loads(result.out)
    assert "extends" in schema["properties"] and "source" in schema["$defs"]["Citation"]["required"]
    assert poassembler("schema", "nope").code == 2


def test_built_in_files_point_to_the_schemas():
    for folder, kind in (("jurisdictions", "profile"), ("clauses", "clause")):
        for path in (ROOT / folder).glob("[!_]*.yaml"):
            assert path.read_text(encoding="utf-8").startswith(f"# yaml-language-server: $schema=../schemas/{kind}.schema.json"), path


# --- clauses list / show ------------------------------------------------------------------------------


def test_clauses_list_and_show():
    listing = poassembler("clauses", "list", "--court", "cacd", "--judge", "segal")
    assert listing.code == 0, listing.err
    lines = {line.split()[0]: line for line in listing.out.splitlines()[1:]}
    assert lines["duration_discovery_only"].rstrip().endswith("required (cacd-segal)")
    assert lines["duration_cacd"].rstrip().endswith("excluded (cacd-segal)")
    show = poassembler("clauses", "show", "good_cause_statement")
    assert "Fed. R. Civ. P. 26(c)" in show.out and "excluded: caed" in show.out
    assert "{{ item.harm }}" in show.out and "once for each item of answers.categories" in show.out
    bad = poassembler("clauses", "show", "good_cause_statment")
    assert bad.code == 2 and "did you mean 'good_cause_statement'" in bad.err


def test_clauses_show_marks_a_library_override():
    show = poassembler("--library", str(FIRM), "clauses", "show", "scope")
    assert "SCOPE OF THIS ORDER" in show.out and f"({FIRM})" in show.out


# --- template export: round trip ----------------------------------------------------------------------


@pytest.mark.parametrize("sample, court, judge", [("segal-cacd.yaml", "cacd", "segal"), ("janfeshan-edny.yaml", "nyed", None), ("quillfeather-cand.yaml", "cand", None), ("harborline-nysd.yaml", "nysd", None)])
def test_exported_template_renders_like_the_court_template(tmp_path, sample, court, judge):
    template = tmp_path / "court-template.docx"
    args = ["template", "export", "--court", court, "-o", str(template)] + (["--judge", judge] if judge else [])
    result = poassembler(*args)
    assert result.code == 0, result.err
    exported = paragraphs(template)
    assert "{%p if \"good_cause_statement\" in clauses_included %}" in exported
    assert any("{{ item.name }}" in p for p in exported)
    assert poassembler("validate", str(template)).code == 0
    direct, via = tmp_path / "direct.docx", tmp_path / "via.docx"
    answers = SAMPLES / sample
    if sample == "quillfeather-cand.yaml":
        # A patent case follows the N.D. Cal. model's section order (model_order.follow_order); an exported
        # template lays clauses out in library order, so the round trip is checked on a non-patent case.
        import yaml

        data = yaml.safe_load(answers.read_text(encoding="utf-8"))
        data["case"]["type"] = "commercial"
        data["tiers"] = ["confidential", "highly_confidential_aeo"]
        data["options"] = {"fre_502d": True}
        data["categories"] = [c for c in data["categories"] if c["kind"] != "source_code"]
        answers = tmp_path / "non-patent-cand.yaml"
        answers.write_text(yaml.safe_dump(data), encoding="utf-8")
    assert poassembler("render", str(answers), "-o", str(direct)).code == 0
    rendered = poassembler("render", str(answers), "--template", str(template), "-o", str(via))
    assert rendered.code == 0, rendered.err
    assert styled(via, "PO Heading 1") == styled(direct, "PO Heading 1")
    assert paragraphs(via) == paragraphs(direct)


def test_template_export_bad_inputs(tmp_path):
    assert poassembler("template", "export", "--court", "cacd", "-o", str(tmp_path / "t.txt")).code == 2
    assert "did you mean 'cacd'" in poassembler("template", "export", "--court", "cacdd", "-o", str(tmp_path / "t.docx")).err


# --- preview ------------------------------------------------------------------------------------------


def test_preview_renders_with_marked_placeholders(tmp_path):
    out = tmp_path / "preview.docx"
    result = poassembler("preview", "--court", "cacd", "--judge", "segal", "-o", str(out))
    assert result.code == 0, result.err
    assert "PREVIEW" in result.out
    text = full_text(out)
    assert "[PLAINTIFF NAME]" in text and "[DEFENDANT NAME]" in text and "Case No. [CASE NUMBER]" in text
    assert "GOOD CAUSE STATEMENT" in text and "DISCOVERY MATTER" in text
    assert "Suzanne H. Segal" in text
    other = tmp_path / "nyed.docx"
    assert poassembler("preview", "--court", "nyed", "-o", str(other)).code == 0
    assert "GOOD CAUSE STATEMENT" in full_text(other) and "DISCOVERY MATTER" not in full_text(other)


def test_preview_bad_inputs(tmp_path):
    assert "did you mean 'cacd'" in poassembler("preview", "--court", "cacdd", "-o", str(tmp_path / "p.docx")).err
    (tmp_path / "p.docx").write_bytes(b"mine")
    kept = poassembler("preview", "--court", "cacd", "-o", str(tmp_path / "p.docx"))
    assert kept.code == 4 and (tmp_path / "p.docx").read_bytes() == b"mine"
