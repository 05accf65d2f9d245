"""Recall and precision of `check ORDER.docx` over the corpus: each planted defect must draw a finding of its
rule (whose location, quote or problem mentions the sidecar's `near`); every error that matches no planted
defect is a false error. Run `python tests/corpus/measure.py` for the table README quotes."""

from __future__ import annotations

import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from build import build_all  # noqa: E402


@dataclass
class Result:
    name: str
    planted: list[dict]
    found: list = field(default_factory=list)  # planted defects found
    missed: list = field(default_factory=list)
    false_errors: list = field(default_factory=list)
    other: list = field(default_factory=list)  # warnings and notes not planted


def matches(planted: dict, finding) -> bool:
    if finding.rule != planted["rule"]:
        return False
    text = f"{finding.location.where} {finding.location.quote} {finding.problem}".lower()
    return planted.get("near", "").lower() in text


def score(name: str, planted: list[dict], findings) -> Result:
    result = Result(name, planted)
    used = set()
    for p in planted:
        hit = next((i for i, f in enumerate(findings) if i not in used and matches(p, f)), None)
        if hit is None:
            result.missed.append(p)
        else:
            used.add(hit)
            result.found.append(p)
    for i, f in enumerate(findings):
        if i in used:
            continue
        (result.false_errors if f.severity.value == "error" else result.other).append(f)
    return result


def measure(out: Path, library=None) -> list[Result]:
    from poassembler.library.load import load_library
    from poassembler.review.document.checker import check_document

    library = library or load_library()
    results = []
    for spec, path in build_all(out):
        profile = library.profiles.resolve_for(spec["court"], spec.get("judge"))
        report = check_document(path, profile, library.profiles)
        results.append(score(spec["name"], spec["planted"], report.findings))
        if "as_is_planted" in spec:
            report = check_document(path, profile, library.profiles, as_is=True)
            results.append(score(spec["name"] + " (--as-is)", spec["as_is_planted"], report.findings))
    return results


def table(results: list[Result]) -> str:
    lines = ["| order | planted | found | false errors | other warnings |", "|---|---|---|---|---|"]
    for r in results:
        lines.append(f"| {r.name} | {len(r.planted)} | {len(r.found)} | {len(r.false_errors)} | {len(r.other)} |")
    planted = sum(len(r.planted) for r in results)
    found = sum(len(r.found) for r in results)
    false = sum(len(r.false_errors) for r in results)
    true_errors = sum(1 for r in results for p in r.found)
    lines.append(f"| **all {len(results)}** | {planted} | {found} (recall {found / planted:.0%}) | {false} "
                 f"(precision {true_errors / max(true_errors + false, 1):.0%}) | {sum(len(r.other) for r in results)} |")
    return "\n".join(lines)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        results = measure(Path(tmp))
    print(table(results))
    for r in results:
        for p in r.missed:
            print(f"MISSED {r.name}: {p}")
        for f in r.false_errors + r.other:
            print(f"{'FALSE' if f in r.false_errors else 'other'} {r.name}: {f.rule} {f.severity.value} {f.location} — {f.problem}")
