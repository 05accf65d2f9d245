"""How fast poassembler is, at one draft and at hundreds. Not part of the test suite.

    python benchmarks/run.py            # everything (about five minutes on 2 cores); JSON, then a table
    python benchmarks/run.py --quick    # fewer repeats, smaller batches: a rough look in about two minutes

Measures this checkout (src/ first on the path) with the built-in library and every sample in samples/:
  (a) ours, per draft in a warm process, stage by stage: read/validate the answers, plan (profile,
      clauses, context), check, render (templated parts), save (the .docx package), the document check
      of the saved draft (which `render` runs on every draft), write, fsync;
  (b) the floors, on a template with the same paragraphs and text built from our own draft
      (benchmarks/word_floor.py), interleaved with ours draft by draft, ratios from this one run:
      docxtpl with the template read and compiled once (the honest floor); python-docx opening and
      saving the draft (no templating); the zip-and-serialise limit;
  (c) drafts per second of `render` batches of 200 drafts with 1 job and with N jobs, and the speed-up
      (each batch in a fresh process, from library load to the last file written); with --pdf too;
  (d) median wall and CPU time of `poassembler --help`, `jurisdictions list` and one cold `render` (a fresh
      process; bytecode and compiled Jinja kept by an earlier run, as after the first; and without them);
  (e) peak memory (max RSS) of a process rendering alone and of the largest batch worker;
  (f) the check on big cases (1,000 categories with 1 MB of harm text; 3 harms of 100 KB).
Wall and CPU times are both reported: the machine may be shared, and CPU time does not count the
moments another process had the core.
"""

from __future__ import annotations

import argparse
import gc
import itertools
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
SAMPLES = sorted((ROOT / "samples").glob("*.yaml"))
sys.path.insert(0, str(SRC))
sys.path.insert(0, str(Path(__file__).resolve().parent))

TARGETS = {
    "ratio_ours_to_floor_docxtpl": 1.2, "batch_speedup": 1.7, "help_s": 0.3, "render_s": 0.5,
    "jurisdictions_list_s": 0.2, "check_1000_categories_s": 1.0, "peak_mb_per_worker": 130,
}


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


STAGES = ("read_validate", "plan", "check", "render", "save", "document_check", "write", "fsync")


def _timed(clock_pairs: dict, name: str, start: tuple[float, float]) -> tuple[float, float]:
    now = time.perf_counter(), time.process_time()
    clock_pairs.setdefault(name, ([], []))
    clock_pairs[name][0].append(now[0] - start[0])
    clock_pairs[name][1].append(now[1] - start[1])
    return now


def _clock() -> tuple[float, float]:
    return time.perf_counter(), time.process_time()


def render_in_process(repeat: int, work: Path) -> dict:
    """(a) and (b): ours, stage by stage, and the floors, interleaved draft by draft in this (warm) process.

    Wall time and CPU time (process_time) are both kept: on a shared machine the wall time also counts
    the moments another process had the core; the CPU time does not (but excludes waiting for the disk,
    so fsync is reported in wall time)."""
    from poassembler.library.answers import load_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline import render
    from poassembler.pipeline.atomic import write_atomically
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.template_names import template_extras
    from poassembler.pipeline.word_prepared import parts_of
    from poassembler.review.check import check
    from poassembler.review.document.checker import check_rendered
    from word_floor import DocxtplFloor, ZipLimit, build_floor_template, open_and_save, size_of

    library = load_library()
    times: dict[str, tuple[list, list]] = {}
    per_sample = {}
    for sample in SAMPLES:
        out = work / f"{sample.stem}.docx"
        plain_out = work / f"{sample.stem}-plain.docx"

        def ours(record: bool) -> None:
            clocks: dict = times if record else {}
            start = _clock()
            answers = load_answers(sample)
            start = _timed(clocks, "read_validate", start)
            draft = plan_draft(answers, library)
            start = _timed(clocks, "plan", start)
            findings = check(draft.answers, draft.profile, draft.selection, draft.scope)
            start = _timed(clocks, "check", start)
            fmt = draft.profile.format
            prepared = render._prepared(library.template(fmt.template))
            parts = prepared.render({**template_extras(draft), **draft.context.as_template_data()}, fmt.font_size_pt)
            start = _timed(clocks, "render", start)
            data = prepared.package(parts, fmt.font_size_pt, fmt.font_name)
            start = _timed(clocks, "save", start)
            check_rendered(data, draft.profile, library.profiles, findings, parts_of(data))  # as `render` (produce) runs it on every draft
            start = _timed(clocks, "document_check", start)
            plain_out.write_bytes(data)  # what the floors do: write the file, no fsync
            start = _timed(clocks, "write", start)
            write_atomically(out, data, force=True)  # what render does: temp file, fsync, rename, fsync the folder
            now = _clock()
            # fsync (with the rename) = the atomic write less the plain write
            clocks.setdefault("fsync", ([], []))
            clocks["fsync"][0].append(max(0.0, now[0] - start[0] - clocks["write"][0][-1]))
            clocks["fsync"][1].append(max(0.0, now[1] - start[1] - clocks["write"][1][-1]))

        ours(record=False)  # warm: this process has prepared the court's template once
        floor_template = work / f"{sample.stem}-floor-template.docx"
        texts = build_floor_template(out, floor_template)
        draft_bytes = out.read_bytes()
        docxtpl_floor, limit = DocxtplFloor(floor_template), ZipLimit(floor_template, texts)
        floor_out = work / f"{sample.stem}-floor.docx"
        floors = {
            "floor_docxtpl": lambda: floor_out.write_bytes(docxtpl_floor.render(texts)),
            "floor_python_docx_open_save": lambda: floor_out.write_bytes(open_and_save(draft_bytes)),
            "floor_zip_limit": lambda: floor_out.write_bytes(limit.render(texts)),
        }
        for run_floor in floors.values():
            run_floor()
        for _ in range(repeat):  # interleaved, so a busy moment on the machine hits every measure alike
            gc.collect()  # (untimed) so no measure pays for collecting another's garbage
            ours(record=True)
            for name, run_floor in floors.items():
                gc.collect()
                start = _clock()
                run_floor()
                _timed(times, name, start)
        floor_docxtpl_size = size_of(docxtpl_floor.render(texts))
        ours_size = size_of(draft_bytes)
        per_sample[sample.name] = {
            "paragraphs_ours_floor": [ours_size[0], floor_docxtpl_size[0]],
            "characters_ours_floor": [ours_size[1], floor_docxtpl_size[1]],
        }

    def med(name: str, cpu: bool) -> float:
        return statistics.median(times[name][1 if cpu else 0])

    result: dict = {"samples": len(SAMPLES), "repeats_per_sample": repeat}
    for clock, cpu in (("wall", False), ("cpu", True)):
        stages = {name: ms(med(name, cpu)) for name in STAGES}
        # the total is the median of each draft's sum of stages (not the sum of medians)
        totals = [sum(times[name][1 if cpu else 0][k] for name in STAGES if name != "fsync") for k in range(len(times["plan"][0]))]
        ours_ms = statistics.median(totals) * 1000
        fsync_ms = med("fsync", False) * 1000  # waiting for the disk: wall time in both columns
        floors = {name: med(name, cpu) * 1000 for name in ("floor_docxtpl", "floor_python_docx_open_save", "floor_zip_limit")}
        result[clock] = {
            "ours_stages_ms": stages,
            "ours_ms_per_draft_without_fsync": round(ours_ms, 1),
            "fsync_ms": round(fsync_ms, 1),
            **{f"{name}_ms": round(value, 1) for name, value in floors.items()},
            **{f"ratio_ours_to_{name}": round(ours_ms / value, 2) for name, value in floors.items()},
            "ratio_ours_with_fsync_to_floor_docxtpl": round((ours_ms + fsync_ms) / floors["floor_docxtpl"], 2),
        }
    result["per_sample"] = per_sample
    return result


def synthetic_categories(count: int, harm_chars: int, seed: int = 18) -> list[dict]:
    """`count` distinct categories whose harms are about `harm_chars` long, in words of a made-up vocabulary."""
    import random

    rng = random.Random(seed)
    syllables = ["ka", "lo", "mi", "ren", "tas", "vo", "dun", "pel", "sor", "ith", "bra", "que", "zan", "fol", "gri"]
    vocabulary = ["".join(rng.choice(syllables) for _ in range(rng.randint(2, 4))) for _ in range(4000)]
    categories = []
    for index in range(count):
        words = ["Disclosure", "would", "show", "competitors"]
        while sum(len(w) + 1 for w in words) < harm_chars:
            words.append(rng.choice(vocabulary))
        categories.append({
            "name": f"Records of line {index}",
            "kind": "commercial",
            "description": f"Ledgers of product line {index} ({rng.choice(vocabulary)} {rng.choice(vocabulary)}), 2019 to 2023.",
            "harm": " ".join(words) + ".",
        })
    return categories


def with_near_copies(categories: list[dict], copies: int, seed: int = 18) -> list[dict]:
    """`categories` and `copies` more, each repeating the harm of one of the first (up to one word in ten
    changed, and reordered): the check must report each, and nothing else."""
    import random

    rng = random.Random(seed)
    out = list(categories)
    for number in range(copies):
        words = rng.choice(categories)["harm"].rstrip(".").split()
        for _ in range(rng.randint(0, len(words) // 10)):
            words[rng.randrange(len(words))] = rng.choice(words)
        rng.shuffle(words)
        out.append({**out[number], "name": f"Copied records {number}", "harm": " ".join(words) + "."})
    return out


def check_scale() -> dict:
    """(f) the check on big cases: plan (clause text for every category) and check, in CPU seconds; and a case
    of 1,000 categories with 50 near copies of earlier harms planted (how many the check reports)."""
    import yaml

    from poassembler.library.answers import parse_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline.draft import plan_draft
    from poassembler.review.check import check

    library = load_library()
    base = yaml.safe_load((ROOT / "samples" / "segal-cacd.yaml").read_text(encoding="utf-8"))
    cases = {
        "100_short_categories": (100, 150), "1000_categories_1MB_of_harm": (1000, 1000),
        "2000_categories_2MB_of_harm": (2000, 1000), "3_harms_of_100KB": (3, 99_900),  # an answer holds at most 100,000 characters
    }
    result = {}
    for name, (count, chars) in {**cases, "1000_categories_50_near_copies": (1000, 1000)}.items():
        categories = synthetic_categories(count, chars)
        data = {**base, "categories": with_near_copies(categories, 50) if "near_copies" in name else categories}
        start = time.process_time()
        draft = plan_draft(parse_answers(data), library)
        planned = time.process_time()
        findings = check(draft.answers, draft.profile, draft.selection, draft.scope)
        checked = time.process_time()
        result[name] = {
            "harm_chars": sum(len(c["harm"]) for c in data["categories"]),
            "plan_cpu_s": round(planned - start, 3),
            "check_cpu_s": round(checked - planned, 3),
            "duplicate_harm_findings": sum("repeats the harm" in f.problem for f in findings),
        }
    return result


def batch_child(folder: Path, out: Path, jobs: int) -> None:
    """One batch in this fresh process: library load to last file written; prints JSON."""
    start = time.perf_counter()
    from poassembler.pipeline.batch import BatchOptions, plan_batch, render_batch
    from poassembler.pipeline.produce import Outputs

    items = plan_batch([folder], out)
    out.mkdir(parents=True, exist_ok=True)
    report = render_batch(items, BatchOptions(Outputs(Path("draft.docx"))), jobs)  # as `render FOLDER -o OUT`
    seconds = time.perf_counter() - start
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    print(json.dumps({
        "cpu_self_s": own.ru_utime + own.ru_stime,
        "cpu_workers_s": children.ru_utime + children.ru_stime,
        "drafts": len(items),
        "failed": len(report.failures),
        "seconds": seconds,
        "max_rss_self_mb": _own_peak_mb(),  # not ru_maxrss: after exec it keeps the launching process's peak
        "max_rss_worker_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }))


def batches(drafts: int, jobs: int, work: Path) -> dict:
    """(c) and (e): the same batch with 1 job and with `jobs` jobs, each in a fresh process."""
    folder = work / "answers"
    folder.mkdir()
    for index, sample in zip(range(drafts), itertools.cycle(SAMPLES)):
        shutil.copy(sample, folder / f"{index:04d}-{sample.name}")
    results = {}
    for count in (1, jobs):
        out = work / f"out-{count}"
        child = subprocess.run(
            [sys.executable, __file__, "--batch-child", str(folder), str(out), str(count)],
            capture_output=True, text=True, env=_env(cached=True), check=True,
        )
        results[count] = json.loads(child.stdout)
        assert results[count]["failed"] == 0, child.stdout
        shutil.rmtree(out)
    one, many = results[1], results[jobs]
    reference = reference_speedup(jobs)
    # On a shared machine the kernel shares the CPUs between sessions (autogroup), so extra workers
    # cannot get extra cores while other sessions are busy. What the batch costs in CPU shows what it
    # does on idle cores: the parent's own work runs alone, the workers' work splits over `jobs` cores.
    idle_estimate = one["cpu_self_s"] / (many["cpu_self_s"] + many["cpu_workers_s"] / jobs)
    return {
        "drafts": drafts,
        "jobs": jobs,
        "drafts_per_s_1_job": round(drafts / one["seconds"], 1),
        f"drafts_per_s_{jobs}_jobs": round(drafts / many["seconds"], 1),
        "batch_speedup": round(one["seconds"] / many["seconds"], 2),
        "cpu_s_1_job": round(one["cpu_self_s"], 2),
        f"cpu_s_{jobs}_jobs_parent_and_workers": [round(many["cpu_self_s"], 2), round(many["cpu_workers_s"], 2)],
        "batch_speedup_on_idle_cores_from_cpu_time": round(idle_estimate, 2),
        "reference_speedup_pure_cpu_work": reference,
        "peak_mb_single_process": round(one["max_rss_self_mb"], 1),
        "peak_mb_per_worker": round(many["max_rss_worker_mb"], 1),
    }


def pdf_batches(drafts: int, jobs: int, work: Path) -> dict:
    """(c) `render FOLDER --pdf` through the command line with 1 and `jobs` jobs (LibreOffice converts each
    group of drafts in one run), and one `render --pdf` of a single draft for reference."""
    from poassembler.pipeline.pdf import find_soffice

    if find_soffice() is None:
        return {"skipped": "LibreOffice is not installed"}
    folder = work / "pdf-answers"
    folder.mkdir()
    for index, sample in zip(range(drafts), itertools.cycle(SAMPLES)):
        shutil.copy(sample, folder / f"{index:04d}-{sample.name}")
    result: dict = {"drafts": drafts}
    for count in (1, jobs):
        out = work / f"pdf-out-{count}"
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "poassembler", "render", str(folder), "-o", str(out), "--pdf", "-j", str(count)],
                       env=_env(cached=True), check=True, capture_output=True)
        seconds = time.perf_counter() - start
        assert len(list(out.glob("*.pdf"))) == drafts, "not every PDF was written"
        result[f"drafts_per_s_{count}_job{'s' if count > 1 else ''}"] = round(drafts / seconds, 2)
        shutil.rmtree(out)
    one = work / "pdf-one.docx"
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "poassembler", "render", str(SAMPLES[0]), "-o", str(one), "--pdf"],
                   env=_env(cached=True), check=True, capture_output=True)
    result["single_render_with_pdf_s"] = round(time.perf_counter() - start, 2)
    shutil.rmtree(folder)
    return result


def _own_peak_mb() -> float:
    """This process's peak resident memory (VmHWM). Linux carries the launching process's peak into a
    child's ru_maxrss at exec, so a child of this (large) benchmark process cannot trust its own."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


# Runs a command and prints its rusage as JSON. Started from the big benchmark process, this small
# launcher's own ru_maxrss is inflated (see _own_peak_mb), but the command it forks is not.
_LAUNCHER = """
import json, os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[1], sys.argv[1:])
_, status, usage = os.wait4(pid, 0)
print(json.dumps({"code": os.waitstatus_to_exitcode(status), "cpu_s": usage.ru_utime + usage.ru_stime, "maxrss_kb": usage.ru_maxrss}))
"""


def long_batch_memory(drafts: int, jobs: int, work: Path) -> dict:
    """(e) a long batch through the command line, with 1 job and with `jobs`: the peak memory of its
    largest process (the one process; or the parent or a worker)."""
    folder = work / "long-answers"
    folder.mkdir()
    for index, sample in zip(range(drafts), itertools.cycle(SAMPLES)):
        shutil.copy(sample, folder / f"{index:04d}-{sample.name}")
    result: dict = {"drafts": drafts}
    for count in (1, jobs):
        out = work / "long-out"
        start = time.perf_counter()
        child = subprocess.run(
            [sys.executable, "-c", _LAUNCHER, sys.executable, "-m", "poassembler", "render", str(folder), "-o", str(out), "-j", str(count)],
            env=_env(cached=True), capture_output=True, text=True, check=True,
        )
        seconds = time.perf_counter() - start
        usage = json.loads(child.stdout.strip().splitlines()[-1])  # the command's, with its workers (waited for by it)
        assert usage["code"] == 0 and len(list(out.glob("*.docx"))) == drafts, "the long batch failed"
        shutil.rmtree(out)
        suffix = f"{count}_job{'s' if count > 1 else ''}"
        result[f"seconds_{suffix}"] = round(seconds, 1)
        result[f"cpu_s_{suffix}"] = round(usage["cpu_s"], 1)
        result[f"peak_mb_{suffix}"] = round(usage["maxrss_kb"] / 1024, 1)
    shutil.rmtree(folder)
    return result


def _spin(units: int) -> int:
    total = 0
    for _ in range(units):
        total += sum(i * i for i in range(1_500_000))
    return total


def reference_speedup(jobs: int, units: int = 8) -> float:
    """The same pure-Python CPU work in 1 process and split over `jobs`: what this machine allows right now."""
    from concurrent.futures import ProcessPoolExecutor

    start = time.perf_counter()
    _spin(units)
    alone = time.perf_counter() - start
    with ProcessPoolExecutor(jobs) as pool:
        start = time.perf_counter()
        list(pool.map(_spin, [units // jobs] * jobs))
        split = time.perf_counter() - start
    return round(alone / split, 2)


def _env(cached: bool, pycache: Path | None = None, jinja_cache: bool | None = None) -> dict:
    """The environment of a measured process: with `cached`, Python's bytecode cache and poassembler's
    compiled-Jinja cache (pipeline/jinja_cache.py) in folders of this run, filled by the first (unmeasured)
    run; without, neither. `jinja_cache` overrides the latter alone."""
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX", "POASSEMBLER_CACHE")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    folder = (pycache or Path(tempfile.gettempdir()) / "poassembler-bench-pycache")
    if cached:
        env["PYTHONPYCACHEPREFIX"] = str(folder)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env["POASSEMBLER_CACHE"] = str(folder.with_name(folder.name + "-cache")) if (cached if jinja_cache is None else jinja_cache) else "off"
    return env


def process_times(args: list[str], env: dict, repeat: int, cwd: Path) -> tuple[list[float], list[float]]:
    """Wall and CPU (user + system) seconds of `repeat` runs of `poassembler ARGS`, each a whole process; one
    untimed run first fills the caches. `{i}` in an argument becomes the run's number."""
    walls, cpus = [], []
    for index in range(repeat + 1):
        argv = [a.replace("{i}", str(index)) for a in args]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "poassembler", *argv], env=env, cwd=cwd, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:
            walls.append(elapsed)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return walls, cpus


def wall(args: list[str], env: dict, repeat: int, cwd: Path) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `poassembler ARGS` as a whole process."""
    walls, cpus = process_times(args, env, repeat, cwd)
    return round(statistics.median(walls), 3), round(statistics.median(cpus), 3)


def processes(repeat: int, work: Path) -> dict:
    """(d): whole processes, as a user starts them. CPU time is reported too: on a shared machine the
    wall time also measures the other processes competing for the cores (see `load_average`)."""
    render = ["render", str(SAMPLES[0]), "-o", str(work / "single-{i}.docx")]
    result = {}
    for cached, suffix in ((True, ""), (False, "_without_bytecode_cache")):
        env = _env(cached, work / "pycache")
        result[f"help_s{suffix}"], result[f"help_cpu_s{suffix}"] = wall(["--help"], env, repeat, work)
        result[f"jurisdictions_list_s{suffix}"], result[f"jurisdictions_list_cpu_s{suffix}"] = wall(["jurisdictions", "list"], env, repeat, work)
        result[f"render_s{suffix}"], result[f"render_cpu_s{suffix}"] = wall(render, env, repeat, work)
        for leftover in work.glob("single-*.docx"):
            leftover.unlink()
    # bytecode cached, compiled Jinja not kept (POASSEMBLER_CACHE=off): every run parses and compiles it again
    env = _env(True, work / "pycache", jinja_cache=False)
    result["render_s_jinja_cache_off"], result["render_cpu_s_jinja_cache_off"] = wall(render, env, repeat, work)
    for leftover in work.glob("single-*.docx"):
        leftover.unlink()
    result["render_sample"] = SAMPLES[0].name
    return result


def table(results: dict) -> str:
    a, c, d, f = results["in_process"], results["batch"], results["processes"], results["check_scale"]
    jobs = c["jobs"]
    w, u = a["wall"], a["cpu"]
    big = f["1000_categories_1MB_of_harm"]

    def pair(key: str) -> str:
        return f"{w[key]} / {u[key]}"

    stages = " · ".join(f"{name} {w['ours_stages_ms'][name]}" for name in STAGES)
    rows = [
        ("(a) ours, ms per draft without fsync, wall / CPU", pair("ours_ms_per_draft_without_fsync"), ""),
        ("    stages, ms wall (median)", stages, ""),
        ("(b) floor: docxtpl, template read and compiled once, ms", pair("floor_docxtpl_ms"), ""),
        ("    ratio ours / docxtpl floor, wall", w["ratio_ours_to_floor_docxtpl"], "ratio_ours_to_floor_docxtpl"),
        ("    ratio ours / docxtpl floor, CPU", u["ratio_ours_to_floor_docxtpl"], "ratio_ours_to_floor_docxtpl"),
        ("    ratio with fsync (wall) / docxtpl floor", f"{w['ratio_ours_with_fsync_to_floor_docxtpl']} (fsync {w['fsync_ms']} ms)", ""),
        ("    python-docx open + save, ms; ratio ours / it (wall / CPU)", f"{w['floor_python_docx_open_save_ms']}; {w['ratio_ours_to_floor_python_docx_open_save']} / {u['ratio_ours_to_floor_python_docx_open_save']}", ""),
        ("    zip-and-serialise limit, ms; ratio ours / it (wall / CPU)", f"{w['floor_zip_limit_ms']}; {w['ratio_ours_to_floor_zip_limit']} / {u['ratio_ours_to_floor_zip_limit']}", ""),
        (f"(c) batch of {c['drafts']}, drafts/s with 1 job / {jobs} jobs", f"{c['drafts_per_s_1_job']} / {c[f'drafts_per_s_{jobs}_jobs']}", ""),
        (f"    speed-up {jobs} jobs / 1 job (wall)", c["batch_speedup"], "batch_speedup"),
        (f"    CPU s: 1 job / {jobs} jobs (parent + workers)", f"{c['cpu_s_1_job']} / {sum(c[f'cpu_s_{jobs}_jobs_parent_and_workers']):.2f}", ""),
        ("    speed-up on idle cores, from CPU time (estimate)", c["batch_speedup_on_idle_cores_from_cpu_time"], ""),
        (f"    reference: pure CPU work split over {jobs} processes, now", c["reference_speedup_pure_cpu_work"], ""),
    ]
    pdf = results["pdf"]
    if "drafts" in pdf:
        rows.append((f"    `render --pdf`, {pdf['drafts']} drafts: drafts/s 1 job / {jobs} jobs", f"{pdf['drafts_per_s_1_job']} / {pdf[f'drafts_per_s_{jobs}_jobs']}", ""))
        rows.append(("    one `render --pdf` of one draft, s wall", pdf["single_render_with_pdf_s"], ""))
    rows += [
        ("(d) `poassembler --help`, s wall / CPU", f"{d['help_s']} / {d['help_cpu_s']}", ""),
        ("    `poassembler jurisdictions list`, s wall", d["jurisdictions_list_s"], "jurisdictions_list_s"),
        ("    `poassembler jurisdictions list`, s CPU", d["jurisdictions_list_cpu_s"], "jurisdictions_list_s"),
        ("    one cold `poassembler render`, s wall", d["render_s"], "render_s"),
        ("    one cold `poassembler render`, s CPU", d["render_cpu_s"], "render_s"),
        ("    render with compiled Jinja not kept (POASSEMBLER_CACHE=off), s wall / CPU", f"{d['render_s_jinja_cache_off']} / {d['render_cpu_s_jinja_cache_off']}", ""),
        ("    no bytecode or Jinja cache: --help / render, s wall", f"{d['help_s_without_bytecode_cache']} / {d['render_s_without_bytecode_cache']}", ""),
        ("(e) peak MB, one process rendering alone", c["peak_mb_single_process"], ""),
        ("    peak MB, largest batch worker", c["peak_mb_per_worker"], "peak_mb_per_worker"),
        (f"    `render` of {results['long_batch']['drafts']} drafts, 1 job: peak MB of the process",
         results["long_batch"]["peak_mb_1_job"], "peak_mb_per_worker"),
        (f"    `render` of {results['long_batch']['drafts']} drafts, {jobs} jobs: peak MB of its largest process",
         results["long_batch"][f"peak_mb_{jobs}_jobs"], "peak_mb_per_worker"),
        ("(f) check, 1,000 categories, 1 MB of harm: s CPU", big["check_cpu_s"], "check_1000_categories_s"),
        ("    plan of that case (clause text for each category), s CPU", big["plan_cpu_s"], ""),
        ("    check, 2,000 categories, 2 MB of harm (how it grows): s CPU", f["2000_categories_2MB_of_harm"]["check_cpu_s"], ""),
        ("    check: 100 short categories / 3 harms of 100 KB, s CPU", f"{f['100_short_categories']['check_cpu_s']} / {f['3_harms_of_100KB']['check_cpu_s']}", ""),
        ("    1,000 categories + 50 near copies planted: repeats reported", f["1000_categories_50_near_copies"]["duplicate_harm_findings"], ""),
    ]
    load = results["machine"]["load_average_at_start"][0], results["machine"]["load_average_at_end"][0]
    lines = [f"{results['machine']['cpus']} CPUs; load average (1 min) {load[0]} at start, {load[1]} at end", ""]
    lines.append(f"{'measure':<62} {'value':>24}  target")
    for label, value, target in rows:
        goal = ""
        if target:
            limit = TARGETS[target]
            met = value >= limit if target == "batch_speedup" else value <= limit
            goal = f"{'≥' if target == 'batch_speedup' else '≤'} {limit}  {'met' if met else 'NOT MET'}"
        lines.append(f"{label:<62} {value!s:>24}  {goal}")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="fewer repeats and 50-draft batches")
    parser.add_argument("--jobs", type=int, default=None, help="jobs for the parallel batch (default: CPUs, at least 2)")
    parser.add_argument("--json", type=Path, help="also write the JSON here")
    parser.add_argument("--batch-child", nargs=3, metavar=("FOLDER", "OUT", "JOBS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.batch_child:
        folder, out, jobs = args.batch_child
        batch_child(Path(folder), Path(out), int(jobs))
        return
    from poassembler.pipeline.batch import default_jobs

    jobs = args.jobs or max(2, default_jobs())
    repeat, drafts = (5, 50) if args.quick else (15, 200)
    with tempfile.TemporaryDirectory(prefix="poassembler-bench-") as tmp:
        work = Path(tmp)
        (work / "a").mkdir()
        results = {
            "machine": {
                "cpus": os.cpu_count(), "python": sys.version.split()[0], "platform": sys.platform,
                "load_average_at_start": [round(x, 2) for x in os.getloadavg()],
            },
            "processes": processes(repeat=5 if args.quick else 11, work=work),
            "in_process": render_in_process(repeat, work / "a"),
            "check_scale": check_scale(),
            "long_batch": long_batch_memory(200 if args.quick else 1000, jobs, work),
            "batch": batches(drafts, jobs, work),
            "pdf": pdf_batches(14 if args.quick else 42, jobs, work),
            "targets": TARGETS,
        }
    results["machine"]["load_average_at_end"] = [round(x, 2) for x in os.getloadavg()]
    text = json.dumps(results, indent=2)
    print(text)
    print()
    print(table(results))
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
