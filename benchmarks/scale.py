"""Does cost grow linearly with the size of a case? Not part of the test suite.

    python benchmarks/scale.py          # about a minute on 2 cores

Renders a draft with N parties (counsel shared by groups of parties) and runs the check over N
categories with distinct harms, for N and 4·N, in this process; prints seconds and the growth factor
(≈ 4 when linear, ≈ 16 when quadratic). Before issue #16, 10,000 parties took 105 s and 100,000
categories never finished the check.
"""

from __future__ import annotations

import copy
import json
import random
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

SAMPLE = yaml.safe_load((ROOT / "samples" / "segal-cacd.yaml").read_text(encoding="utf-8"))


def with_parties(n: int) -> dict:
    data = copy.deepcopy(SAMPLE)
    template = data["parties"][0]
    data["parties"] = []
    for i in range(n):
        party = copy.deepcopy(template)
        party["name"], party["role"] = f"Party {i}", ("plaintiff", "defendant")[i % 2]
        party["counsel"][0].update(name=f"Lawyer {i % (n // 3 + 1)}", email=f"l{i % (n // 3 + 1)}@example.com")
        data["parties"].append(party)
    return data


def with_categories(n: int) -> dict:
    rng = random.Random(n)
    words = [f"w{k}" for k in range(3000)]
    data = copy.deepcopy(SAMPLE)
    data["categories"] = [
        {"name": f"Records {i}", "kind": "commercial", "description": f"Ledger {i}.",
         "harm": "Rivals would use " + " ".join(rng.choice(words) for _ in range(12)) + " to divert customers."}
        for i in range(n)
    ]
    return data


def seconds(call) -> float:
    start = time.perf_counter()
    call()
    return round(time.perf_counter() - start, 2)


def main() -> None:
    from poassembler.library.answers import parse_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline.draft import plan_draft, render_draft
    from poassembler.review.check import check

    library = load_library()
    results = {}
    with tempfile.TemporaryDirectory() as folder:
        for n in (2_500, 10_000):
            answers = parse_answers(with_parties(n))
            out = Path(folder) / f"p{n}.docx"
            results[f"render, {n} parties"] = seconds(lambda: render_draft(plan_draft(answers, library), library, out, force=True))
    for n in (5_000, 20_000):
        answers = parse_answers(with_categories(n))
        draft = plan_draft(answers, library)
        results[f"check, {n} categories"] = seconds(lambda: check(answers, draft.profile, draft.selection))
    keys = list(results)
    results["growth, parties ×4"] = round(results[keys[1]] / max(results[keys[0]], 0.01), 1)
    results["growth, categories ×4"] = round(results[keys[3]] / max(results[keys[2]], 0.01), 1)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
