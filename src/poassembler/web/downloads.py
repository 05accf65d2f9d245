"""The files a user downloads: the draft and what `render` writes beside it, made in memory.

Each download goes through the one production path (`pipeline.produce.make_files`: plan → render →
check → memo / redline → PDF) and is sent, not written: nothing is left on disk but the answers file.
"""

from __future__ import annotations

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
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.produce import Outputs, make_files, run_check

    target = Path(f"{stem}{KINDS[kind].suffix}")
    outputs = Outputs(
        docx=Path(f"{stem}.docx"), memo=kind.startswith("memo"),
        redline_against="court-default" if kind == "redline.docx" else None, pdf=kind == "pdf",
    )
    draft = plan_draft(answers, library)
    warnings: list[str] = []
    findings = run_check(draft) if outputs.memo else []
    for path, data in make_files(draft, library, outputs, findings, warnings):
        if path == target:
            return data, path.name
    raise NoPdf(" ".join(warnings) or f"no {kind} was made.")
