"""The files a user downloads: the draft and what `render` writes beside it, made in a temp folder.

Each download renders from the completed answers through the same steps as `poassembler render`
(plan → render → check → memo / redline → PDF); nothing is left on disk but the answers file.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import OutputProblem
from poassembler.library.answers import Answers
from poassembler.library.load import Library

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@dataclass(frozen=True)
class Kind:
    suffix: str
    media_type: str
    title: str


KINDS = {
    "docx": Kind(".docx", DOCX, "The draft order (.docx)"),
    "pdf": Kind(".pdf", "application/pdf", "The draft as PDF"),
    "memo.docx": Kind(".memo.docx", DOCX, "The drafting memo (.docx)"),
    "memo.md": Kind(".memo.md", "text/markdown; charset=utf-8", "The drafting memo (Markdown)"),
    "redline.docx": Kind(".redline.docx", DOCX, "Redline against the court's default draft (.docx)"),
}


class NoPdf(OutputProblem):
    """LibreOffice is not installed here, so there is no PDF."""


def pdf_available() -> bool:
    from poassembler.pipeline.pdf import find_soffice

    return find_soffice() is not None


def produce(answers: Answers, library: Library, stem: str, kind: str) -> tuple[bytes, str]:
    """(file bytes, file name) of one output for the completed answers."""
    from poassembler.pipeline.draft import plan_draft, render_draft
    from poassembler.review.reports import review_rendered

    spec = KINDS[kind]
    with tempfile.TemporaryDirectory(prefix="poassembler-web-") as folder:
        draft_path = Path(folder) / f"{stem}.docx"
        draft = plan_draft(answers, library)
        render_draft(draft, library, draft_path, force=False)
        if kind in ("memo.docx", "memo.md", "redline.docx"):
            review_rendered(draft, library, draft_path, False, kind.startswith("memo"), "court-default" if kind == "redline.docx" else None)
        if kind == "pdf":
            from poassembler.pipeline.pdf import pdf_step

            made, message = pdf_step(draft_path, draft_path.with_suffix(".pdf"), False)
            if not made:
                raise NoPdf(message.removeprefix("warning: "))
        target = Path(folder) / f"{stem}{spec.suffix}"
        return target.read_bytes(), target.name
