"""A copy of the checked order with one Word comment per paragraph that has findings.

Only comment markup is added: the comment itself through python-docx's comments API (≥ 1.2), and in
the paragraph a range start after its properties, a range end and a reference run at its end (so a
paragraph whose text is all a tracked insertion, or a field, is commented as a whole too). Text, numbering, styles and tracked changes are left as
they were. Findings about the order as a whole go on its title (or first heading).
"""

from __future__ import annotations

import io
from collections import defaultdict
from pathlib import Path

import docx
from docx.oxml import OxmlElement, parse_xml
from docx.oxml.ns import nsdecls, qn

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
        comment = document.comments.add_comment(text=comment_text(by_anchor[anchor]), author=AUTHOR, initials=INITIALS)
        _mark(p, comment.comment_id)
        count += 1
    buffer = io.BytesIO()
    document.save(buffer)
    write_atomically(output, buffer.getvalue(), force)
    return count


def _commentable(paragraphs, anchor: int):
    """The paragraph at `anchor`, or (for one inside a text box) the nearest body paragraph after it."""
    order = list(range(anchor, len(paragraphs))) + list(range(anchor - 1, -1, -1))
    for i in order:
        if not _in_text_box(paragraphs[i]):
            return paragraphs[i]
    return None


def _mark(p, comment_id: int) -> None:
    """Range start after the paragraph's properties; range end and the reference run at its end."""
    start = OxmlElement("w:commentRangeStart", attrs={qn("w:id"): str(comment_id)})
    ppr = p.find(qn("w:pPr"))
    if ppr is not None:
        ppr.addnext(start)
    else:
        p.insert(0, start)
    p.append(OxmlElement("w:commentRangeEnd", attrs={qn("w:id"): str(comment_id)}))
    reference = parse_xml(f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="CommentReference"/></w:rPr>'
                          f'<w:commentReference w:id="{comment_id}"/></w:r>')
    p.append(reference)


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
