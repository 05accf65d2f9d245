"""What `render` does after writing the draft: show the check, write the memo, write the baseline redline."""

from __future__ import annotations

from pathlib import Path

from poassembler.library.answers import Answers, parse_answers
from poassembler.pipeline.draft import Draft, plan_draft
from poassembler.library.load import Library

BASELINES = ("court-default",)


def sibling(output: Path, suffix: str) -> Path:
    """DRAFT.docx → DRAFT.memo.md, DRAFT.redline.docx, …"""
    return output.with_name(output.stem + suffix)


def court_default_answers(answers: Answers) -> Answers:
    """The same court, judge, case, parties and dates, with every other answer at its default
    (no categories, the CONFIDENTIAL tier only, options off, the profile's periods). A government
    party gets the default sharing clause, so the baseline shows the court's standard terms for it."""
    data = answers.model_dump(mode="json", include={"court", "judge", "division", "case", "parties", "dates"}, exclude_none=True)
    if any(p.government is not None for p in answers.parties):
        data["government_sharing"] = {}
    return parse_answers(data, "court-default baseline")


def court_default_draft(draft: Draft, library: Library) -> Draft:
    return plan_draft(court_default_answers(draft.answers), library)


def review_rendered(draft: Draft, library: Library, output: Path, force: bool, memo: bool, redline_against: str | None) -> list[Path]:
    """Print the check's findings as warnings; write the memo and the redline when asked. Returns the files written."""
    from poassembler.pipeline.atomic import write_atomically
    from poassembler.review.check import check
    from poassembler.cli.cmd_check import warn_findings

    findings = check(draft.answers, draft.profile, draft.selection, draft.scope)
    warn_findings(findings)
    written: list[Path] = []
    redline_path = sibling(output, ".redline.docx") if redline_against else None
    for path in ([sibling(output, ".memo.md"), sibling(output, ".memo.docx")] if memo else []) + ([redline_path] if redline_path else []):
        if path.exists() and not force:
            from poassembler.errors import OutputProblem

            raise OutputProblem(f"{path} already exists.", hint="Add --force to replace it, or choose another name with -o.")
    if redline_path:
        from poassembler.pipeline.render import render_docx
        from poassembler.review.word_redline import redline

        baseline = court_default_draft(draft, library)
        baseline_bytes = render_docx(library.template(baseline.profile.format.template), baseline.context, baseline.profile.format)
        write_atomically(redline_path, redline(baseline_bytes, output.read_bytes(), original_label="court-default baseline"), force)
        written.append(redline_path)
    if memo:
        from poassembler.review.memo import build_memo, memo_markdown
        from poassembler.review.word_memo import memo_docx

        built = build_memo(draft, findings, redline_path.name if redline_path else None)
        write_atomically(sibling(output, ".memo.md"), memo_markdown(built).encode("utf-8"), force)
        write_atomically(sibling(output, ".memo.docx"), memo_docx(built), force)
        written += [sibling(output, ".memo.md"), sibling(output, ".memo.docx")]
    return written
