"""Start-up alone, quickly: `poassembler --help`, `jurisdictions list` and one `render`, each as N fresh
processes (default 15), median and fastest wall time and median CPU time, with the load average.
Not part of the test suite.

    python benchmarks/cold_start.py [N]

The same measure as (d) in run.py (bytecode and compiled Jinja kept by the first, unmeasured run; the
render also with POASSEMBLER_CACHE=off), without the rest of the benchmark: run it when the machine is
quiet, several times if it is shared.
"""

from __future__ import annotations

import os
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from run import SAMPLES, _env, process_times  # noqa: E402


def measure(args: list[str], env: dict, repeat: int, cwd: Path) -> dict:
    walls, cpus = process_times(args, env, repeat, cwd)
    return {"median_wall_s": round(statistics.median(walls), 3), "fastest_wall_s": round(min(walls), 3),
            "median_cpu_s": round(statistics.median(cpus), 3)}


def main() -> None:
    repeat = int(sys.argv[1]) if len(sys.argv) > 1 else 15
    with tempfile.TemporaryDirectory(prefix="poassembler-cold-") as tmp:
        work = Path(tmp)
        env, off = _env(True, work / "pycache"), _env(True, work / "pycache", jinja_cache=False)
        render = ["render", str(SAMPLES[0]), "-o", str(work / "single-{i}.docx")]
        print(f"load average at start: {os.getloadavg()[0]:.2f}; {repeat} runs each")
        for label, args, environment in (("--help", ["--help"], env), ("jurisdictions list", ["jurisdictions", "list"], env),
                                          ("render", render, env), ("render, POASSEMBLER_CACHE=off", render, off)):
            print(f"{label:<32} {measure(args, environment, repeat, work)}")
            for leftover in work.glob("single-*.docx"):
                leftover.unlink()
        print(f"load average at end: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
