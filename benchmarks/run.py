"""How fast poassembler is, at one draft and at hundreds. Not part of the test suite.

    python benchmarks/run.py            # everything (about two minutes on 2 cores); JSON, then a table
    python benchmarks/run.py --quick    # fewer repeats, 50-draft batches: a rough look in ~30 s

Measures this checkout (src/ first on the path) with the built-in library and every sample in samples/:
  (a) median ms per draft rendered in-process (answers → profile → clauses → Word → file), warm process;
  (b) the floor: plain docxtpl rendering a template with the same paragraphs and text (built from our
      own output, benchmarks/word_floor.py), and the ratio ours / floor;
  (c) drafts per second of `render` batches of 200 drafts with 1 job and with N jobs, and the speed-up
      (each batch in a fresh process, from library load to the last file written);
  (d) median wall time of `poassembler --help` and of one `poassembler render`, as whole processes
      (bytecode cached, as after `pip install`; without the cache too, for reference);
  (e) peak memory (max RSS) of a process rendering alone and of the largest batch worker.
"""

from __future__ import annotations

import argparse
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

TARGETS = {"ratio_ours_to_floor": 1.3, "batch_speedup": 1.7, "help_s": 0.3, "render_s": 1.0}


def ms(seconds: float) -> float:
    return round(seconds * 1000, 1)


def render_in_process(repeat: int, work: Path) -> dict:
    """(a) and (b): ours and the floor, per sample, in this (warm) process."""
    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft, render_draft
    from poassembler.library.load import load_library
    from word_floor import build_floor_template, render_floor, render_floor_cached, size_of

    library = load_library()
    ours_all, floor_all, cached_all, per_sample = [], [], [], {}
    for sample in SAMPLES:
        out = work / f"{sample.stem}.docx"

        def ours() -> None:
            draft = plan_draft(load_answers(sample), library)
            render_draft(draft, library, out, force=True)

        ours()  # warm: this process has compiled the court's template once
        times = []
        for _ in range(repeat):
            start = time.perf_counter()
            ours()
            times.append(time.perf_counter() - start)
        floor_template = work / f"{sample.stem}-floor-template.docx"
        texts = build_floor_template(out, floor_template)
        floor_out = work / f"{sample.stem}-floor.docx"

        def floor() -> bytes:
            data = render_floor(floor_template, texts)
            floor_out.write_bytes(data)
            return data

        floor()
        floor_times = []
        for _ in range(repeat):
            start = time.perf_counter()
            floor()
            floor_times.append(time.perf_counter() - start)
        template_bytes = floor_template.read_bytes()
        render_floor_cached(template_bytes, texts)
        cached_times = []
        for _ in range(repeat):
            start = time.perf_counter()
            floor_out.write_bytes(render_floor_cached(template_bytes, texts))
            cached_times.append(time.perf_counter() - start)
        ours_size, floor_size = size_of(out.read_bytes()), size_of(floor_out.read_bytes())
        per_sample[sample.name] = {
            "ours_ms": ms(statistics.median(times)),
            "floor_ms": ms(statistics.median(floor_times)),
            "floor_cached_ms": ms(statistics.median(cached_times)),
            "paragraphs_ours_floor": [ours_size[0], floor_size[0]],
            "characters_ours_floor": [ours_size[1], floor_size[1]],
        }
        ours_all += times
        floor_all += floor_times
        cached_all += cached_times
    ours_ms, floor_ms, cached_ms = statistics.median(ours_all), statistics.median(floor_all), statistics.median(cached_all)
    return {
        "samples": len(SAMPLES),
        "repeats_per_sample": repeat,
        "ours_ms_per_draft": ms(ours_ms),
        "floor_ms_per_draft": ms(floor_ms),
        "ratio_ours_to_floor": round(ours_ms / floor_ms, 2),
        "floor_cached_ms_per_draft": ms(cached_ms),
        "ratio_ours_to_cached_floor": round(ours_ms / cached_ms, 2),
        "per_sample": per_sample,
    }


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
        "max_rss_self_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
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


def _env(cached: bool, pycache: Path | None = None) -> dict:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONDONTWRITEBYTECODE", "PYTHONPYCACHEPREFIX")}
    env["PYTHONPATH"] = os.pathsep.join([str(SRC), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
    if cached:
        env["PYTHONPYCACHEPREFIX"] = str(pycache or Path(tempfile.gettempdir()) / "poassembler-bench-pycache")
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    return env


def wall(args: list[str], env: dict, repeat: int, cwd: Path) -> tuple[float, float]:
    """Median wall time and median CPU time (user + system) of `poassembler ARGS` as a whole process."""
    walls, cpus = [], []
    for index in range(repeat + 1):
        argv = [a.replace("{i}", str(index)) for a in args]
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "poassembler", *argv], env=env, cwd=cwd, check=True, capture_output=True)
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if index:  # the first run fills the bytecode cache
            walls.append(elapsed)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
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
    result["render_sample"] = SAMPLES[0].name
    return result


def table(results: dict) -> str:
    a, c, d = results["in_process"], results["batch"], results["processes"]
    jobs = c["jobs"]
    rows = [
        ("(a) ours, ms per draft (median, in-process)", a["ours_ms_per_draft"], ""),
        ("(b) floor: plain docxtpl, same paragraphs and text", a["floor_ms_per_draft"], ""),
        ("    ratio ours / floor", a["ratio_ours_to_floor"], "ratio_ours_to_floor"),
        ("    floor with our per-process caching, ms per draft", a["floor_cached_ms_per_draft"], ""),
        ("    ratio ours / cached floor", a["ratio_ours_to_cached_floor"], ""),
        (f"(c) batch of {c['drafts']}, drafts/s with 1 job", c["drafts_per_s_1_job"], ""),
        (f"    drafts/s with {jobs} jobs", c[f"drafts_per_s_{jobs}_jobs"], ""),
        (f"    speed-up {jobs} jobs / 1 job (wall)", c["batch_speedup"], "batch_speedup"),
        (f"    CPU s: 1 job / {jobs} jobs (parent + workers)", f"{c['cpu_s_1_job']} / {sum(c[f'cpu_s_{jobs}_jobs_parent_and_workers']):.2f}", ""),
        ("    speed-up on idle cores, from CPU time (estimate)", c["batch_speedup_on_idle_cores_from_cpu_time"], ""),
        (f"    reference: pure CPU work split over {jobs} processes, now", c["reference_speedup_pure_cpu_work"], ""),
        ("(d) `poassembler --help`, s wall (median)", d["help_s"], "help_s"),
        ("    `poassembler --help`, s CPU", d["help_cpu_s"], ""),
        ("    `poassembler jurisdictions list`, s wall / CPU", f"{d['jurisdictions_list_s']} / {d['jurisdictions_list_cpu_s']}", ""),
        ("    one `poassembler render`, s wall (median)", d["render_s"], "render_s"),
        ("    one `poassembler render`, s CPU", d["render_cpu_s"], ""),
        ("    no bytecode cache: --help / render, s wall", f"{d['help_s_without_bytecode_cache']} / {d['render_s_without_bytecode_cache']}", ""),
        ("(e) peak MB, one process rendering alone", c["peak_mb_single_process"], ""),
        ("    peak MB, largest batch worker", c["peak_mb_per_worker"], ""),
    ]
    load = results["machine"]["load_average_at_start"][0], results["machine"]["load_average_at_end"][0]
    lines = [f"{results['machine']['cpus']} CPUs; load average (1 min) {load[0]} at start, {load[1]} at end", ""]
    lines.append(f"{'measure':<58} {'value':>12}  target")
    for label, value, target in rows:
        goal = ""
        if target:
            limit = TARGETS[target]
            met = value >= limit if target == "batch_speedup" else value <= limit
            goal = f"{'≥' if target == 'batch_speedup' else '≤'} {limit}  {'met' if met else 'NOT MET'}"
        lines.append(f"{label:<58} {value!s:>12}  {goal}")
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
            "batch": batches(drafts, jobs, work),
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
