"""A batch (`render` over a folder, in worker processes) survives any single bad file, ends its workers
when stopped, and starts no more workers than the machine can use (issue #16, items 2, 8 and 10).

The batch runs in a child process. Where a test needs a worker to crash or to be slow, a few lines of
Python start the CLI with `render_one` / `produce` wrapped for one answers file — the only way to make
a worker die on purpose now that no input crashes one.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import poassembler as package_under_test
from conftest import SAMPLES
from test_hostile_files import run_cli

SRC = Path(package_under_test.__file__).resolve().parent.parent
SOME = ["segal-cacd.yaml", "janfeshan-edny.yaml", "claudomir-mad.yaml"]


def folder_of(tmp_path: Path, names: list[str], extra: dict[str, str] | None = None) -> Path:
    folder = tmp_path / "matters"
    folder.mkdir()
    for name in names:
        shutil.copy(SAMPLES / name, folder / name)
    for name, text in (extra or {}).items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def python_cli(script: str, *args: str, cwd: Path, **popen) -> subprocess.Popen:
    """`poassembler ARGS…` started by `script` (which may wrap functions first) in a child process."""
    code = script + "\nimport sys\nsys.argv = ['poassembler', *%r]\nfrom poassembler.__main__ import run\nrun()\n" % (list(args),)
    return subprocess.Popen([sys.executable, "-c", code], cwd=cwd, env={**os.environ, "PYTHONPATH": str(SRC)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **popen)


def test_deep_nesting_in_one_file_of_a_batch_is_one_failure(tmp_path):
    folder = folder_of(tmp_path, SOME, {"deep.yaml": "court: " + "[" * 30_000 + "]" * 30_000 + "\n"})
    result = run_cli("render", str(folder), "-o", "out", "--jobs", "2", cwd=tmp_path, timeout=300)
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr and "BrokenProcessPool" not in result.stderr
    assert "1 of 4 drafts failed" in result.stderr and "deep.yaml:1:" in result.stderr and "nests more than" in result.stderr
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(n).stem + ".docx" for n in SOME)


_CRASH_ONE = """
import multiprocessing, os, signal
import poassembler.pipeline.batch as batch
real_render_one = batch.render_one
def crashing(item, options):
    if item.answers.stem == "crash" and multiprocessing.parent_process() is not None:
        os.kill(os.getpid(), signal.SIGKILL)  # what a segfault in a C library does to a worker
    return real_render_one(item, options)
batch.render_one = crashing
"""


def test_a_worker_that_crashes_does_not_stop_the_batch(tmp_path):
    folder = folder_of(tmp_path, SOME)
    shutil.copy(SAMPLES / "segal-cacd.yaml", folder / "crash.yaml")
    process = python_cli(_CRASH_ONE, "render", str(folder), "-o", "out", "--jobs", "2", cwd=tmp_path)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 1, err
    assert "BrokenProcessPool" not in err and "Traceback" not in err
    assert "1 of 4 drafts failed" in err and "crash.yaml: the process rendering this draft stopped unexpectedly" in err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(Path(n).stem + ".docx" for n in SOME)


_SLOW_DRAFTS = """
import multiprocessing, time
import poassembler.pipeline.batch as batch
real_produce = batch.produce
def slow(*args, **kwargs):
    if multiprocessing.parent_process() is not None:
        time.sleep(120)
    return real_produce(*args, **kwargs)
batch.produce = slow
"""


def _children(pid: int) -> set[int]:
    path = Path(f"/proc/{pid}/task/{pid}/children")
    return {int(p) for p in path.read_text().split()} if path.exists() else set()


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads worker processes from /proc (Linux)")
def test_sigterm_to_a_batch_ends_its_workers(tmp_path):
    folder = folder_of(tmp_path, SOME * 1)
    process = python_cli(_SLOW_DRAFTS, "render", str(folder), "-o", "out", "--jobs", "2", cwd=tmp_path)
    deadline = time.monotonic() + 60
    while len(_children(process.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    workers = _children(process.pid)
    assert len(workers) >= 2, "the batch did not start its workers"
    time.sleep(1)  # the workers are inside their (slow) drafts
    started = time.monotonic()
    process.send_signal(signal.SIGTERM)
    out, err = process.communicate(timeout=100)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert time.monotonic() - started < 30, "the batch waited for its workers' drafts instead of ending them"
    time.sleep(0.5)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived the batch"
    assert not list((tmp_path / "out").glob("*.tmp")) if (tmp_path / "out").exists() else True


def test_jobs_is_capped_at_twice_the_cpus(tmp_path):
    from poassembler.pipeline.batch import default_jobs

    cap = 2 * default_jobs()
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(cap + 1):
        shutil.copy(SAMPLES / "segal-cacd.yaml", folder / f"case{i}.yaml")
    result = run_cli("render", str(folder), "-o", "out", "--jobs", "1000", cwd=tmp_path, timeout=600)
    assert result.returncode == 0, result.stderr
    assert f"({cap} jobs)" in result.stdout + result.stderr
