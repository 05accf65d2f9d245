"""`poassembler render` over several answers files or a folder, as a user runs it; and a light start-up."""

from __future__ import annotations

import shutil
import sys
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import SAMPLES
from docx_text import full_text
from cli_inprocess import in_a_process, poassembler

SAMPLE_NAMES = sorted(p.name for p in SAMPLES.glob("*.yaml"))




@pytest.fixture
def answers_dir(tmp_path) -> Path:
    folder = tmp_path / "matters"
    folder.mkdir()
    for name in SAMPLE_NAMES:
        shutil.copy(SAMPLES / name, folder / name)
    return folder


def package_members(path: Path) -> dict[str, bytes]:
    """The parts of a .docx (zip timestamps aside, two identical drafts have identical parts)."""
    with zipfile.ZipFile(path) as package:
        return {name: package.read(name) for name in package.namelist()}


def test_folder_with_one_broken_file_renders_the_others_and_reports_it(answers_dir, tmp_path):
    broken = answers_dir / "broken.yaml"
    broken.write_text((SAMPLES / "segal-cacd.yaml").read_text().replace("abrennan@example.com", "abrennan-at-example"))
    out = tmp_path / "out"
    result = poassembler("render", str(answers_dir), "-o", str(out), "--jobs", "2")
    assert result.code == 2, result.err
    assert "Traceback" not in result.err + result.out
    assert f"Wrote {len(SAMPLE_NAMES)} of {len(SAMPLE_NAMES) + 1} drafts to {out}" in result.out
    assert "1 failed" in result.out
    # the failure: its path and the message the single render gives for the same file
    single = poassembler("render", str(broken), "-o", str(tmp_path / "single.docx"))
    single_message = single.err.removeprefix("error: ").splitlines()[0]
    assert "parties[0].counsel[0].email" in result.err
    assert f"  - {single_message}" in result.err.splitlines()
    assert str(broken) in result.err
    assert not (out / "broken.docx").exists()
    assert sorted(p.name for p in out.iterdir()) == sorted(n.replace(".yaml", ".docx") for n in SAMPLE_NAMES)
    assert "Hemad Janfeshan" in full_text(out / "janfeshan-edny.docx")
    assert "Maria Ortega" in full_text(out / "segal-cacd.docx")
    assert not list(out.glob("*.tmp"))


def test_several_files_and_the_highest_priority_exit_code(tmp_path):
    bad_court = tmp_path / "typo.yaml"
    bad_court.write_text((SAMPLES / "janfeshan-edny.yaml").read_text().replace("court: nyed", "court: zzzz"))
    out = tmp_path / "out"
    out.mkdir()
    (out / "claudomir-mad.docx").write_bytes(b"the user's own file")  # an output problem (4) outranks bad answers (2)
    result = poassembler("render", str(SAMPLES / "claudomir-mad.yaml"), str(bad_court), str(SAMPLES / "bosley-caed.yaml"), "-o", str(out))
    assert result.code == 4, result.err
    assert "2 of 3 drafts failed" in result.err
    assert f"{bad_court}: court: no profile 'zzzz'" in result.err
    assert (out / "bosley-caed.docx").is_file()


def test_jobs_1_and_jobs_2_write_the_same_drafts(answers_dir, tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first = poassembler("render", str(answers_dir), "-o", str(one), "--jobs", "1")
    second = poassembler("render", str(answers_dir), "-o", str(two), "--jobs", "2")
    assert first.code == 0, first.err
    assert second.code == 0, second.err
    assert "(1 job)" in first.out and "(2 jobs)" in second.out
    names = sorted(p.name for p in one.iterdir())
    assert names == sorted(p.name for p in two.iterdir()) and len(names) == len(SAMPLE_NAMES)
    for name in names:
        assert package_members(one / name) == package_members(two / name), name


def test_batch_refuses_to_overwrite_without_force(answers_dir, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    mine = out / "segal-cacd.docx"
    mine.write_bytes(b"the user's own file")
    result = poassembler("render", str(answers_dir), "-o", str(out))
    assert result.code == 4, result.err
    assert f"{mine} already exists." in result.err and "--force" in result.err
    assert mine.read_bytes() == b"the user's own file"
    assert (out / "janfeshan-edny.docx").is_file()  # the others are written
    forced = poassembler("render", str(answers_dir), "-o", str(out), "--force")
    assert forced.code == 0, forced.err
    assert "Maria Ortega" in full_text(mine)


def test_summary_is_one_line_when_not_a_terminal(answers_dir, tmp_path):
    result = poassembler("render", str(answers_dir), "-o", str(tmp_path / "out"), "-j", "2")
    assert result.code == 0, result.err
    assert result.out.splitlines() == [
        f"Wrote {len(SAMPLE_NAMES)} of {len(SAMPLE_NAMES)} drafts to {tmp_path / 'out'} in "
        + result.out.split(" in ", 1)[1].split(" s ", 1)[0]
        + " s (2 jobs)."
    ]
    for bar_mark in ("━", "Rendering", "\x1b["):
        assert bar_mark not in result.err


def test_progress_bar_on_a_terminal(answers_dir, tmp_path):
    pexpect = pytest.importorskip("pexpect")
    child = pexpect.spawn(
        sys.executable, ["-m", "poassembler", "render", str(answers_dir), "-o", str(tmp_path / "out"), "-j", "1"],
        encoding="utf-8", timeout=120, dimensions=(24, 120),
    )
    child.expect("Rendering")
    child.expect(f"Wrote {len(SAMPLE_NAMES)} of {len(SAMPLE_NAMES)} drafts")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0


def test_output_must_be_a_folder_and_names_must_not_clash(answers_dir, tmp_path):
    as_file = poassembler("render", str(answers_dir), "-o", str(tmp_path / "x.docx"))
    assert as_file.code == 2 and "names the folder" in as_file.err
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(SAMPLES / "segal-cacd.yaml", other / "segal-cacd.yaml")
    clash = poassembler("render", str(answers_dir), str(other), "-o", str(tmp_path / "out"))
    assert clash.code == 2
    assert "several answers files would write the same draft" in clash.err
    assert not (tmp_path / "out").exists()


HEAVY = ("docxtpl", "lxml", "questionary", "docx")


@pytest.mark.parametrize("command", [["--help"], ["jurisdictions", "list"], ["render", "--help"]])
def test_light_commands_do_not_import_word_or_prompt_libraries(command):
    result = in_a_process(*command, python_args=("-X", "importtime"))
    assert result.code == 0, result.err
    imported = {
        line.rsplit("|", 1)[1].strip().split(".")[0]
        for line in result.err.splitlines()
        if line.startswith("import time:") and line.count("|") == 2
    }
    assert "click" in imported  # the import log was read
    assert not imported & set(HEAVY), sorted(imported & set(HEAVY))


def test_memo_and_check_findings_per_draft_in_a_batch(tmp_path):
    out = tmp_path / "out"
    data = yaml.safe_load((SAMPLES / "janfeshan-edny.yaml").read_text(encoding="utf-8"))
    data.pop("options")  # a federal party without the Privacy Act order: a check finding
    janfeshan, claudomir = tmp_path / "janfeshan-edny.yaml", SAMPLES / "claudomir-mad.yaml"
    janfeshan.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = poassembler("render", str(janfeshan), str(claudomir), "-o", str(out), "--memo", "-j", "2")
    assert result.code == 0, result.err
    for stem in ("janfeshan-edny", "claudomir-mad"):
        assert (out / f"{stem}.memo.md").is_file() and (out / f"{stem}.memo.docx").is_file()
    single = poassembler("render", str(janfeshan), "-o", str(tmp_path / "single.docx"))
    findings = [line for line in single.err.splitlines() if line.startswith("check ")]
    assert findings  # the sample has a check finding (a federal party without the Privacy Act order)
    for line in findings:
        assert f"{janfeshan}: {line}" in result.err.splitlines()
    assert result.err.count("Run `poassembler check`") == 1
