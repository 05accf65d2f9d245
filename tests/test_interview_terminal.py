"""The questionnaire in a real pseudo-terminal: type a small case, press Ctrl-C half-way, resume, finish.

Matches on the prompts' words, never on escape codes; generous timeouts, no timing assertions.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from docx_text import full_text

pexpect = pytest.importorskip("pexpect")

ROOT = Path(__file__).resolve().parent.parent
UP, DOWN, ENTER, CLEAR_LINE, ESC, END = "\x1b[A", "\x1b[B", "\r", "\x15", "\x1b", "\x1b[F"


def spawn(*args: str, cwd: Path):
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""), TERM="xterm",
               XDG_CONFIG_HOME=str(cwd / "config"),  # where "save my details" writes, never the real home
               PROMPT_TOOLKIT_NO_CPR="1")  # no cursor-position requests: nothing answers them in a test terminal
    child = pexpect.spawn(sys.executable, ["-m", "poassembler", *args], cwd=str(cwd), env=env, encoding="utf-8",
                          timeout=60, dimensions=(100, 200))
    return child


def answer(child, prompt: str, keys: str) -> None:
    child.expect_exact(prompt)
    child.send(keys)


def test_type_a_case_go_back_interrupt_resume_remove_a_party_and_render(tmp_path):
    first = spawn("interview", "-o", "draft.docx", cwd=tmp_path)
    first.expect_exact("Step 1 of 7: Court and case")
    for prompt, keys in [
        ("Court where the case is pending", "C.D. Cal." + ENTER),  # as lawyers write it
        ("Court: Central District of California (C.D. Cal.).", ""),
        ("Assigned judge", UP + ENTER),  # from "None of these" up to Judge Segal
        ("Division", ENTER),
        ("Case number", "2:24-cv-01234-ABC (SSx)" + ENTER),
        ("Short title", ENTER),
        ("Kind of case", ENTER),
        ("Step 2 of 7: Plaintiffs", ""),
        ("Plaintiff 1: full name", "Maria Ortega" + ENTER),
        ("Is Maria Ortega a government agency", ENTER),
        ("Is Maria Ortega an individual", "y"),
        ("Is Maria Ortega self-represented", "n"),
        ("Does Maria Ortega sue in a special capacity", ENTER),
        ("Counsel 1 for Maria Ortega: name", "Jane Q. Example" + ENTER),
        ("Counsel 1 for Maria Ortega: bar number", "123456" + ENTER),
        ("Counsel 1 for Maria Ortega: firm", "Example & Partners LLP" + ENTER),
        ("Counsel 1 for Maria Ortega: address", "100 Main Street, Suite 200; Los Angeles, CA 90012" + ENTER),
        ("Counsel 1 for Maria Ortega: phone", "(213) 555-0100" + ENTER),
        ("Counsel 1 for Maria Ortega: e-mail", "jexample-at-example" + ENTER),  # wrong: told and asked again
        ("is not an e-mail address", CLEAR_LINE + "jexample@example.com" + ENTER),
        ("Are you Jane Q. Example? Save these details", "y"),  # once: offered as defaults next time
        ("Add another lawyer for Maria Ortega?", ESC),  # back one question: the e-mail, with its answer
        ("Counsel 1 for Maria Ortega: e-mail", CLEAR_LINE + "jane@example.com" + ENTER),
        ("Add another lawyer for Maria Ortega?", "n"),
        ("Add another plaintiff?", "y"),  # by accident
        ("Plaintiff 2: full name", ESC),  # back: the "add" question again, where no undoes the add
        ("Add another plaintiff?", "n"),
        ("Step 3 of 7: Defendants", ""),
        ("Defendant 1: full name", "Pacific Harbor Logistics, Inc." + ENTER),
    ]:
        answer(first, prompt, keys)
    first.expect_exact("Is Pacific Harbor Logistics, Inc. a government agency")
    first.sendcontrol("c")
    first.expect_exact("Interrupted. Your answers so far are saved in draft.yaml")
    first.expect_exact("poassembler interview -o draft.docx --answers draft.yaml")
    first.expect(pexpect.EOF)
    first.close()
    assert first.exitstatus == 130
    assert not (tmp_path / "draft.docx").exists()
    saved = yaml.safe_load((tmp_path / "draft.yaml").read_text(encoding="utf-8"))
    assert saved["court"] == "cacd"
    me = yaml.safe_load((tmp_path / "config" / "poassembler" / "me.yaml").read_text(encoding="utf-8"))
    assert me["name"] == "Jane Q. Example" and me["firm"] == "Example & Partners LLP"
    assert saved["parties"][0]["counsel"][0]["email"] == "jane@example.com"
    assert [p["name"] for p in saved["parties"]] == ["Maria Ortega", "Pacific Harbor Logistics, Inc."]

    resumed = spawn("interview", "-o", "draft.docx", "--answers", "draft.yaml", cwd=tmp_path)
    resumed.expect_exact("Welcome back: 18 answers saved; next: Defendant 1:")
    resumed.expect(r"Pacific\s+Harbor\s+Logistics,\s+Inc\.\s+—\s+Government\.")  # wrapped to the terminal's width
    for prompt, keys in [
        ("Is Pacific Harbor Logistics, Inc. a government agency", ENTER),  # the first question not yet answered
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: name", "Robert L. Sample" + ENTER),  # a company: no self-representation
        ("What kind of lawyer is Robert L. Sample", ENTER),  # outside counsel
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: bar number", "654321" + ENTER),
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: firm", "Sample Whitman LLP" + ENTER),
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: address", "500 Harbor Boulevard; Long Beach, CA 90802" + ENTER),
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: phone", "(562) 555-0175" + ENTER),
        ("Counsel 1 for Pacific Harbor Logistics, Inc.: e-mail", "rsample@example.com" + ENTER),
        ("Add another lawyer for Pacific Harbor Logistics, Inc.?", "n"),
        ("Add another defendant?", "n"),
        ("Add a non-party or intervenor", "y"),
        ("Other party 1: full name", "Harbor Clinic" + ENTER),
        ("What is Harbor Clinic?", ENTER),  # a non-party
        ("Is Harbor Clinic a government agency", ENTER),
        ("Counsel 1 for Harbor Clinic: name", "Clara Counsel" + ENTER),
        ("What kind of lawyer is Clara Counsel", ENTER),
        ("Counsel 1 for Harbor Clinic: bar number", ENTER),
        ("Counsel 1 for Harbor Clinic: firm", ENTER),
        ("Counsel 1 for Harbor Clinic: address", "1 Clinic Way; Long Beach, CA 90802" + ENTER),
        ("Counsel 1 for Harbor Clinic: phone", "(562) 555-0111" + ENTER),
        ("Counsel 1 for Harbor Clinic: e-mail", "clara@example.com" + ENTER),
        ("Add another lawyer for Harbor Clinic?", "n"),
        ("Add another non-party or intervenor?", "n"),
        ("Add a subpoena", "n"),
        ("Category 1 of protected information: a short name", "Carrier rate tables" + ENTER),
        ("What kind of information is it?", ENTER),  # guessed from the name: commercial
        ("Describe it", "carrier rate tables and per-customer margins, 2020 to 2024" + ENTER),  # a fragment
        ("The specific harm", "Rival brokers could undercut its quotes." + ENTER),
        ("The harm says 'could': courts reject speculative harm", ""),  # shown at once, naming the word
        ("Rewrite it now?", "y"),
        ("The specific harm", CLEAR_LINE + "Rival brokers would undercut its quotes by the exact margin." + ENTER),
        ("Who may see Carrier rate tables", ""),
        ("(not the other side's staff)", ENTER),  # guessed from the kind: attorneys' eyes only
        ("Add another category", "n"),
        ("protective or sealing order already been entered", "n"),
        ("levels of protection", ENTER),
        ("in-house lawyers", "n"),
        ("Fed. R. Evid. 502(d)", "n"),
        ("Date of the stipulation", ENTER),
        # Long lists: wait for their last row to be drawn before pressing keys.
        ("Remove or move a party, lawyer or category", END + ENTER),  # End: the last row of the review screen
        ("Which one?", ""),
        ("Cancel", DOWN + DOWN + ENTER),  # Plaintiff 1, Defendant 1, Other party 1
        ("What to do with Other party 1: Harbor Clinic?", ""),
        ("Cancel", UP + ENTER),  # the list starts on Cancel; one up: Remove
        ("Remove or move a party, lawyer or category", ENTER),  # back on the review screen, on "render"
    ]:
        answer(resumed, prompt, keys)
    resumed.expect_exact("Wrote draft.docx")
    resumed.expect(pexpect.EOF)
    output = resumed.before
    resumed.close()
    assert resumed.exitstatus == 0, output

    text = full_text(tmp_path / "draft.docx")
    for expected in ("Maria Ortega", "Pacific Harbor Logistics, Inc.", "2:24-cv-01234-ABC (SSx)", "GOOD CAUSE STATEMENT",
                     "Rival brokers would undercut its quotes by the exact margin.", "Robert L. Sample", "Suzanne H. Segal",
                     "Carrier rate tables and per-customer margins, 2020 to 2024."):
        assert expected in text
    assert "could undercut" not in text and "Harbor Clinic" not in text

    # The saved answers file is an ordinary answers file: `render` draws the same order from it.
    again = subprocess.run([sys.executable, "-m", "poassembler", "render", "draft.yaml", "-o", "again.docx"], cwd=tmp_path,
                           capture_output=True, text=True, timeout=120,
                           env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert again.returncode == 0, again.stderr
    assert full_text(tmp_path / "again.docx") == text


def test_without_a_terminal_interview_fails_at_once_pointing_to_render(tmp_path):
    result = subprocess.run([sys.executable, "-m", "poassembler", "interview", "-o", "draft.docx"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=60, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert result.returncode == 2
    assert "not a terminal" in result.stderr and "poassembler render ANSWERS.yaml" in result.stderr
    assert "samples/" not in result.stderr  # an installed user has no samples folder
    assert "Traceback" not in result.stderr
    assert not list(tmp_path.iterdir())


def test_an_existing_answers_file_is_never_overwritten_without_answers(tmp_path):
    (tmp_path / "draft.yaml").write_text("court: cacd\n", encoding="utf-8")
    child = spawn("interview", "-o", "draft.docx", cwd=tmp_path)
    child.expect_exact("draft.yaml already exists")
    child.expect_exact("poassembler interview -o draft.docx --answers draft.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 4
    assert (tmp_path / "draft.yaml").read_text(encoding="utf-8") == "court: cacd\n"
