"""Hostile and extreme files, as a security-minded tester would try them (issue #16, items 1–6).

Each case gives one clean message and the documented exit code, quickly, and writes nothing. Cases
that crashed or ran away before (segfault, 10 GB of memory) run in a child process with a memory and
time limit, so a regression fails the test instead of taking the test run down. docs/errors.md lists
every case by test name.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from cli_inprocess import assert_clean, poassembler
from conftest import ROOT, SAMPLES, sample_data
from test_sandbox import clause_library, word_template

import poassembler as package_under_test

SAMPLE = SAMPLES / "segal-cacd.yaml"
SRC = Path(package_under_test.__file__).resolve().parent.parent  # the source under test, in the child too


def dumped(data: dict) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10**9)


def _limits() -> None:  # in the child: 1.5 GB of memory at most
    resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))


def run_cli(*args: str, cwd: Path, timeout: float = 60) -> subprocess.CompletedProcess:
    """`python -m poassembler ARGS…` in a child process with a memory limit and a time limit."""
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.run([sys.executable, "-m", "poassembler", *args], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=timeout, preexec_fn=_limits)


def assert_clean_child(result: subprocess.CompletedProcess, code: int) -> None:
    assert result.returncode == code, (result.returncode, result.stderr[-2000:])
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stderr.startswith("error: "), result.stderr[-2000:]


# --- 1. no silent truncation -----------------------------------------------------------------------


def test_a_field_over_the_limit_is_refused_naming_field_and_limit(tmp_path):
    data = sample_data("segal-cacd.yaml")
    data["categories"][0]["description"] = "x" * 11_000_000  # past libxml2's 10 MB text limit
    answers = tmp_path / "huge.yaml"
    answers.write_text(dumped(data), encoding="utf-8")
    outcome = poassembler("render", str(answers), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    assert "categories[0].description" in outcome.err and "at most 100,000" in outcome.err
    assert not (tmp_path / "d.docx").exists()


def test_a_draft_cut_short_while_rendering_is_refused_not_written(tmp_path):
    # Clause text that makes one huge paragraph: docxtpl re-reads the XML with recover=True and drops the rest.
    library = clause_library(tmp_path / "lib", "{{ 'x' * 11000000 }}")
    out = tmp_path / "d.docx"
    outcome = poassembler("--library", str(library), "render", str(SAMPLE), "-o", str(out))
    assert_clean(outcome, 3)
    assert "the rendered draft is incomplete" in outcome.err and "Nothing was written" in outcome.err
    assert not out.exists()


# --- 2. deep nesting -------------------------------------------------------------------------------


def test_deep_nesting_in_answers_is_refused_before_parsing(tmp_path):
    answers = tmp_path / "deep.yaml"
    answers.write_text("court: " + "[" * 30_000 + "]" * 30_000 + "\n", encoding="utf-8")
    result = run_cli("render", str(answers), "-o", "d.docx", cwd=tmp_path)
    assert_clean_child(result, 2)
    assert f"{answers}:1:" in result.stderr and "nests more than 64 levels" in result.stderr


def test_deep_nesting_in_a_library_profile_is_exit_3(tmp_path):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    (tmp_path / "lib" / "jurisdictions" / "cacd.yaml").write_text("notes: " + "{a: " * 20_000 + "}" * 20_000 + "\n", encoding="utf-8")
    result = run_cli("--library", "lib", "render", str(SAMPLE), "-o", "d.docx", cwd=tmp_path)
    assert_clean_child(result, 3)
    assert "cacd.yaml:1:" in result.stderr and "nests more than" in result.stderr


# --- 3. alias bombs and cycles ---------------------------------------------------------------------


def billion_laughs(key: str) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for level in range(1, 9):
        name, prev = chr(ord("a") + level), chr(ord("a") + level - 1)
        lines.append(f"{name}: &{name} [{','.join(['*' + prev] * 9)}]")
    lines.append(f"{key}: *i")
    return "\n".join(lines) + "\n"


def test_alias_bomb_answers_file_is_refused_quickly(tmp_path):
    (tmp_path / "bomb.yaml").write_text(billion_laughs("court"), encoding="utf-8")
    result = run_cli("render", "bomb.yaml", "-o", "d.docx", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 2)
    assert "bomb.yaml:" in result.stderr and "expand to more than 1,000,000 values" in result.stderr


def test_alias_bomb_profile_is_refused_quickly(tmp_path):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    (tmp_path / "lib" / "jurisdictions" / "cacd.yaml").write_text(billion_laughs("notes"), encoding="utf-8")
    result = run_cli("--library", "lib", "render", str(SAMPLE), "-o", "d.docx", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 3)
    assert "cacd.yaml:" in result.stderr and "expand to more than" in result.stderr


def test_cyclic_alias_gives_a_message(tmp_path):
    answers = tmp_path / "cycle.yaml"
    answers.write_text(SAMPLE.read_text(encoding="utf-8") + "options: &o {fre_502d: *o}\n", encoding="utf-8")
    outcome = poassembler("render", str(answers), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    assert "the alias *o refers to the collection it is inside" in outcome.err and "RecursionError" not in outcome.err


def test_a_few_aliases_still_work(tmp_path):
    outcome = poassembler("render", str(SAMPLES / "alotrolado-casd.yaml"), "-o", str(tmp_path / "d.docx"))
    assert outcome.code == 0, outcome.err


# --- 4. Word templates in the immutable sandbox ----------------------------------------------------


@pytest.mark.parametrize("tag", ["{% if answers.categories.clear() %}{% endif %}", "{{ profile.citations.popitem() }}",
                                 "{{ sections.append(1) }}"])
def test_word_template_cannot_change_the_answers_or_the_profile(tag, tmp_path):
    template = word_template(tmp_path / "t.docx", tag, "{{ court.caption_lines[0] }}")
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "d.docx"), "--template", str(template))
    assert_clean(outcome, 3)
    assert "refused by the sandbox" in outcome.err
    (tmp_path / "templates").mkdir()
    template.rename(tmp_path / "templates" / "t.docx")
    found = poassembler("validate", str(tmp_path / "templates" / "t.docx"))
    assert found.code == 3 and "would change the draft's data" in found.out + found.err


# --- 5. zip bombs and outside targets in templates -------------------------------------------------


def zip_bomb_template(path: Path) -> Path:
    """standard.docx plus one part of 110 MB of zeros (about 110 KB packed)."""
    with zipfile.ZipFile(ROOT / "templates" / "standard.docx") as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            target.writestr(item, source.read(item.filename))
        with target.open("word/media/padding.bin", "w") as part:
            chunk = bytes(2**20)
            for _ in range(110):
                part.write(chunk)
    return path


def external_target_template(path: Path, target: str, kind: str = "attachedTemplate") -> Path:
    """standard.docx with one external relationship added to document.xml.rels."""
    rel = (f'<Relationship Id="rIdEvil" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/{kind}" '
           f'Target="{target}" TargetMode="External"/>')
    with zipfile.ZipFile(ROOT / "templates" / "standard.docx") as source, zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as out:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "word/_rels/document.xml.rels":
                data = data.replace(b"</Relationships>", rel.encode() + b"</Relationships>")
            out.writestr(item, data)
    return path


def test_zip_bomb_template_is_refused_by_render_and_validate(tmp_path):
    (tmp_path / "templates").mkdir()
    bomb = zip_bomb_template(tmp_path / "templates" / "bomb.docx")
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "d.docx"), "--template", str(bomb))
    assert_clean(outcome, 3)
    assert "unpacks to" in outcome.err and "zip bomb" in outcome.err
    found = poassembler("validate", str(bomb))
    assert found.code == 3 and "zip bomb" in found.out + found.err


@pytest.mark.parametrize("target,kind", [("file:///etc/passwd", "image"), ("https://evil.example/macros.dotm", "attachedTemplate"),
                                         ("file:///etc/passwd", "hyperlink")])
def test_external_targets_in_a_template_are_refused_by_render_and_validate(target, kind, tmp_path):
    (tmp_path / "templates").mkdir()
    template = external_target_template(tmp_path / "templates" / "outside.docx", target, kind)
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "d.docx"), "--template", str(template))
    assert_clean(outcome, 3)
    assert "points outside the document" in outcome.err and target in outcome.err
    found = poassembler("validate", str(template))
    assert found.code == 3 and target in found.out + found.err


def test_a_web_hyperlink_in_a_template_is_fine(tmp_path):
    template = external_target_template(tmp_path / "link.docx", "https://www.uscourts.gov/", "hyperlink")
    outcome = poassembler("render", str(SAMPLE), "-o", str(tmp_path / "d.docx"), "--template", str(template))
    assert outcome.code == 0, outcome.err


# --- 6. library files that are links out of the library -------------------------------------------


def test_library_symlink_out_of_the_library_is_refused_and_not_echoed(tmp_path):
    secret = tmp_path / "outside" / "shadow"
    secret.parent.mkdir()
    secret.write_text("root: $6$SECRETHASH$abc\ndaemon: '*'\n", encoding="utf-8")
    for kind, name in (("clauses", "purposes_limitations.yaml"), ("jurisdictions", "cacd.yaml")):
        library = tmp_path / f"lib-{kind}"
        (library / kind).mkdir(parents=True)
        (library / kind / name).symlink_to(secret)
        outcome = poassembler("--library", str(library), "render", str(SAMPLE), "-o", str(tmp_path / "d.docx"))
        assert_clean(outcome, 3)
        assert "outside the library folder" in outcome.err
        assert "SECRETHASH" not in outcome.err and "root" not in outcome.err.replace(str(tmp_path), "")


def test_template_symlink_out_of_the_library_is_refused(tmp_path):
    (tmp_path / "lib" / "templates").mkdir(parents=True)
    (tmp_path / "lib" / "templates" / "pleading.docx").symlink_to(ROOT / "templates" / "standard.docx")
    outcome = poassembler("--library", str(tmp_path / "lib"), "render", str(SAMPLE), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 3)
    assert "pleading.docx: is a link to a file outside the library folder" in outcome.err


def test_a_link_inside_the_library_is_fine(tmp_path):
    library = clause_library(tmp_path / "lib", "Our own purposes text.")
    shared = tmp_path / "lib" / "shared.yaml"
    (library / "clauses" / "purposes_limitations.yaml").rename(shared)
    (library / "clauses" / "purposes_limitations.yaml").symlink_to(shared)
    outcome = poassembler("--library", str(library), "render", str(SAMPLE), "-o", str(tmp_path / "d.docx"))
    assert outcome.code == 0, outcome.err
