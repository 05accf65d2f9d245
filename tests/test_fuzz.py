"""Fuzzing (hypothesis, derandomized and bounded: about half a minute in CI) over the YAML loader and the CLI.

- The YAML loader, given any text or bytes built from YAML's sharp edges (brackets, anchors and
  aliases, tags, merge keys, directives, control characters, impossible dates, huge numbers), returns
  data or raises the one error type it was given; `key_lines` never raises.
- `render` on a sample answers file with random fragments spliced in exits 0 or 2, never with a
  traceback or "unexpected problem", and leaves no draft behind when it fails.
- A built-in profile with random fragments spliced in, in a `--library` folder: `jurisdictions show`
  exits 0, 2 or 3 with a message, never a traceback.
- Random command lines (commands, paths, options, odd values) exit 0–4 with no traceback and no
  "unexpected problem" (exit 1 only from `check` finding errors).
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from cli_inprocess import poassembler
from conftest import ROOT, SAMPLES
from poassembler.errors import BadInput
from poassembler.library.yamlfile import key_lines, read_yaml

FUZZ = dict(deadline=None, derandomize=True, suppress_health_check=list(HealthCheck))

FRAGMENTS = [
    "[", "]", "{", "}", ",", ": ", "- ", "? ", "\n", "  ", "    ", "\t", "#", "&a ", "&b ", "*a", "*b", "<<: *a", "!!int ",
    "!!timestamp ", "!!python/object/apply:os.system ['true']", "!!binary ", "!!set ", "!!omap ", "%YAML 1.1\n", "---\n",
    "...\n", '"', "'", "\\x0c", "\\e", "|\n", ">\n", "2024-02-30", "2024-13-01", "9" * 5000, "0x" + "f" * 200, "1e999",
    ".nan", "~", "null", "yes", "court", "parties", "\x00", "\x07", "\x85", "\u2028", "\ufeff", "\ufffe", "é", "张",
]
yaml_text = st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=4)), max_size=60).map("".join)


@settings(max_examples=500, **FUZZ)
@given(text=yaml_text)
@example(text="!!int ")  # found by this test: PyYAML's own IndexError
@example(text="!!set 2024-02-30")  # found by this test: a ValueError outside construct_object
def test_yaml_loader_returns_data_or_its_error(text):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        try:
            read_yaml(path, BadInput)
        except BadInput as exc:
            assert exc.message and "Traceback" not in exc.render()
        assert isinstance(key_lines(path), dict)


@settings(max_examples=100, **FUZZ)
@given(data=st.binary(max_size=200))
def test_yaml_loader_on_any_bytes(data):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "f.yaml"
        path.write_bytes(data)
        try:
            read_yaml(path, BadInput)
        except BadInput:
            pass


SAMPLE_TEXT = (SAMPLES / "segal-cacd.yaml").read_text(encoding="utf-8")


@settings(max_examples=150, **FUZZ)
@given(at=st.integers(0, len(SAMPLE_TEXT)), cut=st.integers(0, 40), insert=yaml_text)
def test_render_on_a_damaged_answers_file(at, cut, insert):
    text = SAMPLE_TEXT[:at] + insert + SAMPLE_TEXT[at + cut:]
    with tempfile.TemporaryDirectory() as folder:
        answers, out = Path(folder) / "case.yaml", Path(folder) / "d.docx"
        answers.write_bytes(text.encode("utf-8", "surrogatepass"))
        code, err = _run("render", str(answers), "-o", str(out))
        assert code in (0, 2), err
        assert "Traceback" not in err and "unexpected problem" not in err
        assert code == 0 or (err.startswith("error: ") and not out.exists())


PROFILE_TEXT = (ROOT / "jurisdictions" / "cacd.yaml").read_text(encoding="utf-8")


@settings(max_examples=100, **FUZZ)
@given(at=st.integers(0, len(PROFILE_TEXT)), cut=st.integers(0, 40), insert=yaml_text)
def test_a_damaged_library_profile(at, cut, insert):
    text = PROFILE_TEXT[:at] + insert + PROFILE_TEXT[at + cut:]
    with tempfile.TemporaryDirectory() as folder:
        (Path(folder) / "jurisdictions").mkdir()
        (Path(folder) / "jurisdictions" / "cacd.yaml").write_bytes(text.encode("utf-8", "surrogatepass"))
        code, err = _run("--library", folder, "jurisdictions", "show", "cacd")
        assert code in (0, 2, 3), err
        assert "Traceback" not in err and "unexpected problem" not in err, err


ARGS = [
    str(SAMPLES / "segal-cacd.yaml"), str(SAMPLES / "janfeshan-edny.yaml"), "missing.yaml", "/dev/null", "/dev/zero", "/",
    "a" * 300 + ".yaml", "-o", "out.docx", "out.pdf", "-x.docx", "--force", "--memo", "--template", str(ROOT / "templates" / "standard.docx"),
    "--library", "/", ".", "--format", "json", "--judge", "segal", "cacd", "cacd\n", "\x1b[2J", "", "-", "--", "--debugx",
]
COMMANDS = [["render"], ["check"], ["preview"], ["validate"], ["jurisdictions", "show"], ["jurisdictions", "list"], ["clauses", "show"]]


@settings(max_examples=150, **FUZZ)
@given(command=st.sampled_from(COMMANDS), args=st.lists(st.sampled_from(ARGS), max_size=5))
@example(command=["check"], args=[""])  # found by this test: "" is the current folder, once an unexpected problem
@example(command=["render"], args=["", "-o", "out.docx"])
def test_random_command_lines(command, args):
    with tempfile.TemporaryDirectory() as folder:
        outcome = poassembler(*command, *args, cwd=Path(folder))
        code, err = outcome.code, outcome.err
        assert "Traceback" not in err and "unexpected problem" not in err, err
        assert code in (0, 2, 3, 4) or (code == 1 and command == ["check"]), (code, err)


def _run(*args: str) -> tuple[int, str]:
    """The CLI in this process (cli_inprocess.poassembler): exit code and stderr."""
    outcome = poassembler(*args)
    return outcome.code, outcome.err
