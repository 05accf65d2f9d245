"""A copy of the checked order with one Word comment per paragraph that has findings.

Only comment markup is added (python-docx's comments API, ≥ 1.2): a range start, a range end and a
reference run around the paragraph's own runs. Text, numbering, styles and tracked changes are left as
they were. Findings about the order as a whole go on its title (or first heading).
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import docx
from docx.oxml.ns import qn
from docx.text.run import Run

from poassembler.errors import BadInput
from poassembler.pipeline.atomic import write_atomically
from poassembler.review.document.checker import DocumentReport
from poassembler.review.document.reading import DocumentFinding

AUTHOR = "poassembler check"
INITIALS = "PO"


def annotate(report: DocumentReport, output: Path, force: bool) -> int:
    """Write `output`: the checked document with the findings as comments. Returns the number of comments."""
    source = report.document.path
    try:
        document = docx.Document(str(source))
    except Exception as exc:  # python-docx raises several kinds for a damaged package
        raise BadInput(f"{source}: could not be opened for annotation ({exc}).") from None
    paragraphs = list(document.element.iter(qn("w:p")))  # the order reader.py numbers them in
    by_anchor: dict[int, list[DocumentFinding]] = defaultdict(list)
    for finding in report.findings:
        if finding.location.anchor is not None:
            by_anchor[finding.location.anchor].append(finding)
    count = 0
    for anchor in sorted(by_anchor):
        p = _commentable(paragraphs, anchor)
        if p is None:
            continue
        runs = [Run(r, None) for r in p.findall(qn("w:r"))]
        comment = document.add_comment(runs, text=comment_text(by_anchor[anchor]), author=AUTHOR, initials=INITIALS)
        del comment
        count += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(output, buffer.getvalue(), force)
    return count


def _commentable(paragraphs, anchor: int):
    """The paragraph at `anchor` if it has runs of its own, else the nearest one after (then before) that has."""
    order = list(range(anchor, len(paragraphs))) + list(range(anchor - 1, -1, -1))
    for i in order:
        p = paragraphs[i]
        if p.findall(qn("w:r")) and not _in_text_box(p):
            return p
    return None


def _in_text_box(p) -> bool:
    parent = p.getparent()
    while parent is not None:
        if parent.tag == qn("w:txbxContent"):
            return True
        parent = parent.getparent()
    return False


def comment_text(findings: list[DocumentFinding]) -> str:
    """One paragraph per finding: severity, problem, what to do, authority."""
    parts = []
    for f in findings:
        lines = [f"{f.severity.value.upper()}: {f.problem}", f"What to do: {f.action}"]
        for a in f.authorities:
            lines.append(f"Authority: {a.cite} ({a.source})" + ("" if a.verified else " [verify before filing]"))
        parts.append("\n".join(lines))
    return "\n\n".join(parts)
