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


def model_copy(redline_against: str | None) -> Path | None:
    """`--redline-against PATH`: the user's Word copy of the court's model (None for the court-default baseline)."""
    from poassembler.errors import BadInput

    if redline_against is None or redline_against in BASELINES:
        return None
    path = Path(redline_against)
    if not path.is_file():
        raise BadInput(f"--redline-against {redline_against}: no such file.",
                       hint="Give `court-default`, or the path of a Word (.docx) copy of the court's model order.")
    if path.suffix.lower() != ".docx":
        raise BadInput(f"--redline-against {redline_against}: the court's model must be a Word .docx file to compare against.",
                       hint="Open the court's PDF or .doc in Word and save it as .docx, then pass that file.")
    return path


def court_default_bytes(draft: Draft, library: Library) -> bytes:
    """The court-default baseline rendered to Word (what `--redline-against court-default` compares with)."""
    from poassembler.pipeline.render import render_docx

    baseline = court_default_draft(draft, library)
    return render_docx(library.template(baseline.profile.format.template), baseline.context, baseline.profile.format)


def review_rendered(draft: Draft, library: Library, output: Path, force: bool, memo: bool, redline_against: str | None,
                    deviations: bool = False) -> list[Path]:
    """Print the check's findings as warnings; write the memo, the redline and the deviation explanation
    when asked. Returns the files written."""
    import click

    from poassembler.pipeline.atomic import write_atomically
    from poassembler.review.check import check
    from poassembler.cli.cmd_check import warn_findings
    from poassembler.review.deviations import build_deviations

    findings = check(draft.answers, draft.profile, draft.selection)
    warn_findings(findings)
    written: list[Path] = []
    model_path = model_copy(redline_against)
    report = build_deviations(draft) if deviations else None
    if deviations and report is None:
        click.secho(f"warning: --deviations: no model order governs this case in the {draft.profile.id} profile; "
                    "no explanation written.", fg="yellow", err=True)
    redline_path = sibling(output, ".redline.docx") if redline_against else None
    deviations_path = sibling(output, ".deviations.docx") if report is not None else None
    for path in ([sibling(output, ".memo.md"), sibling(output, ".memo.docx")] if memo else []) + [p for p in (redline_path, deviations_path) if p]:
        if path.exists() and not force:
            from poassembler.errors import OutputProblem

            raise OutputProblem(f"{path} already exists.", hint="Add --force to replace it, or choose another name with -o.")
    if redline_path:
        from poassembler.review.word_redline import redline

        if model_path is not None:
            data = redline(model_path, output.read_bytes(), original_label=str(model_path))
        else:
            data = redline(court_default_bytes(draft, library), output.read_bytes(), original_label="court-default baseline")
        write_atomically(redline_path, data, force)
        written.append(redline_path)
    if deviations_path:
        from poassembler.review.word_filing import deviations_docx

        write_atomically(deviations_path, deviations_docx(report, draft), force)
        written.append(deviations_path)
    if memo:
        from poassembler.review.memo import build_memo, memo_markdown
        from poassembler.review.word_memo import memo_docx

        built = build_memo(draft, findings, redline_path.name if redline_path else None, report, model_path)
        write_atomically(sibling(output, ".memo.md"), memo_markdown(built).encode("utf-8"), force)
        write_atomically(sibling(output, ".memo.docx"), memo_docx(built), force)
        written += [sibling(output, ".memo.md"), sibling(output, ".memo.docx")]
    return written
