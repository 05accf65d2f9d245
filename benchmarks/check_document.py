"""How long `check ORDER.docx` takes on a 40-page order. Not part of the test suite.

    python benchmarks/check_document.py

Builds a 40-page protective order (the corpus order with automatic numbering, its sections repeated until
it holds about 12,000 words: 40 double-spaced pages at ~300 words a page), then times
  (a) the check in a warm process (read, outline, every rule), median of 7;
  (b) the same with --annotate (check + a copy with a comment at each finding);
  (c) `poassembler check ORDER.docx --court cacd` as a whole process (start-up included), median of 3.
Target: under 2 seconds for (c).
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "tests" / "corpus"))

WORDS_PER_PAGE = 300
PAGES = 40


def build_long_order(out: Path) -> tuple[Path, int]:
    import docx
    from build import build_order, load_specs

    spec = next(s for s in load_specs() if s["name"] == "01-cacd-auto-numbering")
    path = build_order(spec, out)
    document = docx.Document(str(path))
    body = document.element.body
    paragraphs = [p for p in body.iterchildren() if p.tag.endswith("}p")]
    start = next(i for i, p in enumerate(paragraphs) if "PURPOSES AND LIMITATIONS" in "".join(p.itertext()))
    end = next(i for i, p in enumerate(paragraphs) if "IT IS SO STIPULATED" in "".join(p.itertext()))
    block = paragraphs[start:end]
    anchor = paragraphs[end]
    words = sum(len(" ".join(p.itertext()).split()) for p in paragraphs)
    import copy

    while words < PAGES * WORDS_PER_PAGE:
        for p in block:
            anchor.addprevious(copy.deepcopy(p))
        words += sum(len(" ".join(p.itertext()).split()) for p in block)
    long_path = out / "forty-pages.docx"
    document.save(str(long_path))
    return long_path, words


def main() -> None:
    from poassembler.library.load import load_library
    from poassembler.review.document.annotate import annotate
    from poassembler.review.document.checker import check_document

    with tempfile.TemporaryDirectory() as tmp:
        path, words = build_long_order(Path(tmp))
        library = load_library()
        profile = library.profiles.resolve_for("cacd", "segal")
        warm, annotated = [], []
        for i in range(7):
            t = time.perf_counter()
            report = check_document(path, profile, library.profiles)
            warm.append(time.perf_counter() - t)
            t = time.perf_counter()
            annotate(check_document(path, profile, library.profiles), Path(tmp) / f"review-{i}.docx", force=True)
            annotated.append(time.perf_counter() - t)
        process = []
        for _ in range(3):
            t = time.perf_counter()
            subprocess.run([sys.executable, "-m", "poassembler", "check", str(path), "--court", "cacd", "--judge", "segal"],
                           cwd=ROOT, env={"PYTHONPATH": str(ROOT / "src"), "PATH": "/usr/bin:/bin"}, capture_output=True)
            process.append(time.perf_counter() - t)
        result = {
            "words": words, "pages_at_300_words": round(words / WORDS_PER_PAGE, 1), "paragraphs": len(report.document.blocks),
            "findings": len(report.findings),
            "check_warm_s": round(statistics.median(warm), 3),
            "check_and_annotate_warm_s": round(statistics.median(annotated), 3),
            "check_process_s": round(statistics.median(process), 3),
            "target_process_s": 2.0,
        }
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
