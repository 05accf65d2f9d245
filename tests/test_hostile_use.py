"""Hostile and extreme use of the command line (issue #16, items 7–10 and 12): exit codes, signals,
the text policy, bounded resources, and the smaller cases. docs/errors.md lists each by test name.
"""

from __future__ import annotations

import os
import random
import re
import shutil
import signal
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

import poassembler as package_under_test
from cli_inprocess import assert_clean, poassembler
from conftest import ROOT, SAMPLES, sample_data
from test_hostile_files import assert_clean_child, dumped, run_cli

SAMPLE = SAMPLES / "segal-cacd.yaml"
SRC = Path(package_under_test.__file__).resolve().parent.parent


def answers_file(tmp_path: Path, data: dict | str, name: str = "case.yaml") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else dumped(data), encoding="utf-8")
    return path


# --- 7. exit codes ---------------------------------------------------------------------------------


def test_impossible_date_names_file_and_line(tmp_path):
    data = sample_data("segal-cacd.yaml")
    data.pop("dates", None)
    text = dumped(data) + "dates:\n  stipulated: 2024-02-30\n"
    path = answers_file(tmp_path, text)
    outcome = poassembler("render", str(path), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    assert f"{path}:{len(text.splitlines())}:" in outcome.err and "'2024-02-30' is not a real date" in outcome.err


def test_a_5000_digit_integer_names_file_and_line(tmp_path):
    text = re.sub(r'bar_number: "[^"]*"', "bar_number: " + "9" * 5000, SAMPLE.read_text(encoding="utf-8"), count=1)
    path = answers_file(tmp_path, text)
    outcome = poassembler("render", str(path), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    line = next(i for i, t in enumerate(text.splitlines(), 1) if "9999" in t)
    assert f"{path}:{line}:" in outcome.err and "5,000 digits" in outcome.err and "put it in quotes" in outcome.err


@pytest.mark.parametrize("which", ["answers", "output"])
def test_over_long_path_is_exit_2(which, tmp_path):
    long_name = "a" * 300
    answers = tmp_path / f"{long_name}.yaml" if which == "answers" else SAMPLE
    output = tmp_path / (f"{long_name}.docx" if which == "output" else "d.docx")
    outcome = poassembler("render", str(answers), "-o", str(output))
    assert_clean(outcome, 2)
    assert "too long for this system" in outcome.err and "unexpected problem" not in outcome.err


def _docx_with_damaged_body(source: Path, target: Path) -> Path:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item.filename)
            new.writestr(item, data[: len(data) // 2] if item.filename == "word/document.xml" else data)
    return target


def test_compare_with_a_damaged_document_xml_is_exit_2(tmp_path):
    good = ROOT / "templates" / "standard.docx"
    bad = _docx_with_damaged_body(good, tmp_path / "bad.docx")
    outcome = poassembler("compare", str(good), str(bad), "-o", str(tmp_path / "r.docx"))
    assert_clean(outcome, 2)
    assert f"{bad}: the document text (word/document.xml) is damaged (line " in outcome.err
    assert not (tmp_path / "r.docx").exists()


def test_control_character_in_author_is_exit_2(tmp_path):
    good = ROOT / "templates" / "standard.docx"
    outcome = poassembler("compare", str(good), str(good), "-o", str(tmp_path / "r.docx"), "--author", "Jane\x1b[31m")
    assert_clean(outcome, 2)
    assert "--author" in outcome.err and "U+001B" in outcome.err and "\x1b" not in outcome.err


# --- 8. signals ------------------------------------------------------------------------------------

_SIGNAL_DURING_WRITE = """
import os, signal, sys
real_fsync = os.fsync
def fsync_then_signal(fd):
    real_fsync(fd)
    os.kill(os.getpid(), signal.{name})
os.fsync = fsync_then_signal
from poassembler.__main__ import run
sys.argv = ["poassembler", "render", {answers!r}, "-o", "draft.docx"]
run()
"""


@pytest.mark.parametrize("name", ["SIGTERM", "SIGHUP"])
def test_signal_during_the_write_leaves_no_temp_file(name, tmp_path):
    code = _SIGNAL_DURING_WRITE.format(name=name, answers=str(SAMPLE))
    result = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(SRC)},
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 128 + getattr(signal, name), result.stderr
    assert "Interrupted." in result.stderr and "Traceback" not in result.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == [], "no draft and no .draft.docx.*.tmp"


_CTRL_C_AT_START = """
import runpy, sys
class CtrlC:
    def find_spec(self, name, path=None, target=None):
        if name == "click":
            raise KeyboardInterrupt
sys.meta_path.insert(0, CtrlC())
sys.argv = ["poassembler", "--help"]
runpy.run_module("poassembler", run_name="__main__")
"""


def test_ctrl_c_at_start_up_prints_no_traceback(tmp_path):
    result = subprocess.run([sys.executable, "-c", _CTRL_C_AT_START], cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(SRC)},
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 130, result.stderr
    assert result.stderr == "Interrupted.\n"


# --- 9. text policy --------------------------------------------------------------------------------


@pytest.mark.parametrize("char", ["\x0b", "\x0c", "\x1c", "\x1d", "\x1e", "\x1f"])
@pytest.mark.parametrize("where", ["start of a name", "inside an address line"])
def test_control_characters_that_python_treats_as_space_or_line_break_are_refused(char, where, tmp_path):
    data = sample_data("segal-cacd.yaml")
    if where == "start of a name":
        data["parties"][0]["name"] = char + data["parties"][0]["name"]
        field = "parties[0].name"
    else:
        data["parties"][0]["counsel"][0]["address"] = "100 Main Street" + char + "Suite 200\nLos Angeles, CA 90012"
        field = "parties[0].counsel[0].address"
    outcome = poassembler("render", str(answers_file(tmp_path, data)), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    assert field in outcome.err and f"U+{ord(char):04X}" in outcome.err


# --- 10. resources ---------------------------------------------------------------------------------


def test_dev_zero_as_answers_file_is_refused(tmp_path):
    result = run_cli("render", "/dev/zero", "-o", "d.docx", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 2)
    assert "/dev/zero: is not a regular file" in result.stderr


def test_dev_zero_given_to_compare_is_refused(tmp_path):
    result = run_cli("compare", "/dev/zero", str(ROOT / "templates" / "standard.docx"), "-o", "r.docx", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 2)
    assert "/dev/zero: is not a regular file" in result.stderr


def test_a_link_to_dev_zero_given_to_check_is_refused(tmp_path):
    (tmp_path / "order.docx").symlink_to("/dev/zero")
    result = run_cli("check", "order.docx", "--court", "cacd", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 2)
    assert "order.docx: is not a regular file" in result.stderr


def test_a_named_pipe_as_answers_file_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.yaml")
    result = run_cli("render", "pipe.yaml", "-o", "d.docx", cwd=tmp_path, timeout=30)
    assert_clean_child(result, 2)
    assert "is not a regular file" in result.stderr


def _profile_with_pattern(root: Path, pattern: str) -> Path:
    (root / "jurisdictions").mkdir(parents=True)
    profile = yaml.safe_load((ROOT / "jurisdictions" / "cacd.yaml").read_text(encoding="utf-8"))
    profile["case_number_pattern"] = pattern
    (root / "jurisdictions" / "cacd.yaml").write_text(dumped(profile), encoding="utf-8")
    return root


def test_a_library_regex_cannot_hang_the_run(tmp_path):
    library = _profile_with_pattern(tmp_path / "lib", "^(a+)+$")
    data = sample_data("segal-cacd.yaml")
    data["case"]["number"] = "a" * 60 + "!"  # 2**60 steps for a backtracking engine
    answers_file(tmp_path, data)
    result = run_cli("--library", str(library), "render", "case.yaml", "-o", "d.docx", cwd=tmp_path, timeout=60)
    assert_clean_child(result, 2)
    assert "does not look like a case number" in result.stderr


def test_a_library_regex_the_safe_engine_cannot_run_is_a_profile_error(tmp_path):
    library = _profile_with_pattern(tmp_path / "lib", r"(?<=\d)-cv-")
    outcome = poassembler("--library", str(library), "render", str(SAMPLE), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 3)
    assert "case_number_pattern" in outcome.err and "look-arounds" in outcome.err
    assert "absl" not in outcome.err and "WARNING" not in outcome.err


def test_many_parties_sharing_counsel_sign_once_per_counsel(tmp_path):
    data = sample_data("segal-cacd.yaml")
    template = data["parties"][0]
    parties = []
    for i in range(600):
        party = yaml.safe_load(yaml.safe_dump(template))
        party["name"], party["role"] = f"Party {i}", ("plaintiff", "defendant")[i % 2]
        party["counsel"][0].update(name=f"Lawyer {i % 7}", email=f"lawyer{i % 7}@example.com")
        parties.append(party)
    data["parties"] = parties
    out = tmp_path / "d.docx"
    outcome = poassembler("render", str(answers_file(tmp_path, data)), "-o", str(out))
    assert outcome.code == 0, outcome.err
    from docx_text import full_text

    text = full_text(out)
    assert all(f"/s/ Lawyer {k}" in text for k in range(7)) and text.count("/s/ Lawyer") == 7


def test_many_distinct_harms_are_not_taken_for_repeats(tmp_path):
    """400 distinct harms (review/same_statement.py compares them in linear time; benchmarks/scale.py
    measures the growth): none is reported as repeating another."""
    data = sample_data("segal-cacd.yaml")
    rng = random.Random(16)
    vocabulary = [f"{a}{b}" for a in ("pric", "marg", "suppl", "rout", "payr", "pati", "diagn", "invent", "vend", "freig")
                  for b in ("ing", "er", "al", "ance", "ure", "ity", "ment", "ive", "ous", "ly", "ed", "ist", "ism", "ize", "ward", "ful", "less", "ness", "ship", "dom")]
    data["categories"] = [
        {"name": f"Records {i}", "kind": "commercial", "description": f"Ledger {i} of the company's accounts.",
         "harm": "Rivals would use " + " ".join(rng.choice(vocabulary) for _ in range(14)) + " to divert customers."}
        for i in range(400)
    ]
    outcome = poassembler("check", str(answers_file(tmp_path, data)))
    assert outcome.code in (0, 1), outcome.err
    assert "The harm repeats the harm given for" not in outcome.out


def test_an_exact_repeat_of_a_harm_is_still_found(tmp_path):
    data = sample_data("segal-cacd.yaml")
    first = data["categories"][0]
    data["categories"] = [first, {**first, "name": "Second"}]
    outcome = poassembler("check", str(answers_file(tmp_path, data)))
    assert outcome.code == 1 and "The harm repeats the harm given for" in outcome.out


# --- 12. smaller -----------------------------------------------------------------------------------


def test_hidden_config_file_that_changes_the_library_is_announced(tmp_path):
    firm = tmp_path / "firm"
    (firm / "jurisdictions").mkdir(parents=True)
    (tmp_path / ".poassembler.toml").write_text('library = ["firm"]\n', encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(SRC), "XDG_CONFIG_HOME": str(tmp_path / "no-config")}
    result = subprocess.run([sys.executable, "-m", "poassembler", "jurisdictions", "list"], cwd=tmp_path, env=env,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert f"note: using library folder(s) {firm}" in result.stderr and ".poassembler.toml" in result.stderr


def test_profile_id_with_a_trailing_newline_is_refused(tmp_path):
    (tmp_path / "lib" / "jurisdictions").mkdir(parents=True)
    profile = yaml.safe_load((ROOT / "jurisdictions" / "cacd.yaml").read_text(encoding="utf-8"))
    profile["id"] = "nvd\n"
    (tmp_path / "lib" / "jurisdictions" / "nvd\n.yaml").write_text(dumped(profile), encoding="utf-8")
    outcome = poassembler("--library", str(tmp_path / "lib"), "jurisdictions", "list")
    assert_clean(outcome, 3)
    assert "is not a profile id" in outcome.err


@pytest.mark.skipif(shutil.which("soffice") is None and shutil.which("libreoffice") is None, reason="needs LibreOffice (CI installs it)")
def test_a_draft_name_starting_with_a_dash_is_safe_for_libreoffice(tmp_path):
    result = subprocess.run([sys.executable, "-m", "poassembler", "render", str(SAMPLE), "--pdf", "-o", "-headless.docx"],
                            cwd=tmp_path, env={**os.environ, "PYTHONPATH": str(SRC)}, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "-headless.pdf").is_file(), result.stderr


def test_escape_sequences_in_unknown_keys_are_not_sent_to_the_terminal(tmp_path):
    text = SAMPLE.read_text(encoding="utf-8") + '"\\e]0;pwned\\a\\e[2J": 1\n'
    outcome = poassembler("render", str(answers_file(tmp_path, text)), "-o", str(tmp_path / "d.docx"))
    assert_clean(outcome, 2)
    assert "\x1b" not in outcome.err and "\x07" not in outcome.err
    assert "\\x1b]0;pwned\\x07" in outcome.err


def test_library_root_folder_is_labelled_right():
    outcome = poassembler("--library", "/", "jurisdictions", "list")
    assert outcome.code == 0, outcome.err
    cacd = next(line for line in outcome.out.splitlines() if line.startswith("cacd "))
    assert cacd.endswith("(built-in)"), cacd
