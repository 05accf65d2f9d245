"""`poassembler check ANSWERS.yaml | ORDER.docx`: the pre-flight check, as text or JSON; exit 1 when any error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

from poassembler.errors import BadInput

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "note": "cyan"}


@click.command("check")
@click.argument("target", metavar="ANSWERS.yaml|ORDER.docx", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json (one object with a list of findings) for scripts and CI.")
@click.option("--court", help="For a .docx: the court id as PACER spells it (cacd, nyed, mad, …).")
@click.option("--judge", help="For a .docx: a judge profile of that court (e.g. segal).")
@click.option("--annotate", "annotate_to", type=click.Path(path_type=Path, dir_okay=False),
              help="For a .docx: write a copy with a Word comment at each finding.")
@click.option("--as-is", "as_is", is_flag=True, help="For a .docx: read tracked changes as rejected (default: as accepted).")
@click.option("--force", is_flag=True, help="Replace the --annotate file if it exists.")
@click.pass_obj
def check_command(state, target: Path, fmt: str, court: str | None, judge: str | None, annotate_to: Path | None,
                  as_is: bool, force: bool) -> None:
    """Check a draft against what courts have sent protective orders back for.

    \b
    ANSWERS.yaml: the draft poassembler would write for these answers (good cause, overbreadth,
    sealing, dispute procedure, health records, non-parties, government parties, unverified citations).
    ORDER.docx (--court required): any protective order in Word — the other side's, or our own —
    for the court's required sections, sealing and dispute terms, good cause, overbreadth, another
    court's rules, periods, placeholders, defined terms and cross-references. Tracked changes are
    read as accepted (--as-is: rejected); --annotate writes a copy with a comment at each finding.

    \b
    Exit codes: 0 no errors (warnings and notes may remain) · 1 at least one error ·
    2 bad answers or arguments · 3 bad profile, clause or template · 4 the annotated copy could not be written.
    """
    if target.suffix.lower() in (".doc", ".pdf", ".odt", ".rtf", ".wpd"):
        raise BadInput(f"{target}: check reads Word .docx files only.", hint="Open it in Word or LibreOffice and save it as .docx, then check that file.")
    if target.suffix.lower() in (".docx", ".docm"):
        findings = _check_document(state, target, fmt, court, judge, annotate_to, as_is, force)
    else:
        for option, value in (("--court", court), ("--judge", judge), ("--annotate", annotate_to), ("--as-is", as_is)):
            if value:
                raise BadInput(f"{option} applies to a Word document (.docx); {target} is an answers file, which names its court.")
        findings = _check_answers(state, target, fmt)
    if any(f.severity.value == "error" for f in findings):
        sys.exit(1)  # not click's Exit: the CLI runs click with standalone_mode=False, which swallows it


def _check_answers(state, answers: Path, fmt: str):
    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.review.check import check

    draft = plan_draft(load_answers(answers), state.library())
    findings = check(draft.answers, draft.profile, draft.selection, draft.scope)
    if fmt == "json":
        click.echo(json.dumps({
            "answers": str(answers),
            "profile": draft.profile.id,
            "errors": sum(f.severity.value == "error" for f in findings),
            "findings": [f.as_dict() for f in findings],
        }, indent=2, ensure_ascii=False))
    else:
        for warning in draft.warnings:
            click.secho(f"warning: {warning}", fg="yellow")
        for finding in findings:
            click.echo(describe(finding))
        click.echo(summary(findings, draft.profile.id))
    return findings


def _check_document(state, path: Path, fmt: str, court: str | None, judge: str | None, annotate_to: Path | None,
                    as_is: bool, force: bool):
    from poassembler.review.document.checker import check_document

    if not court:
        raise BadInput(f"{path}: say which court the order is for: --court ID (e.g. --court cacd).",
                       hint="`poassembler jurisdictions list` shows every court and judge profile.")
    if annotate_to is not None and annotate_to.resolve() == path.resolve():
        raise BadInput("--annotate must name a new file: the checked document is never changed.")
    library = state.library()
    profile = library.profiles.resolve_for(court, judge)
    report = check_document(path, profile, library.profiles, as_is=as_is)
    comments = None
    if annotate_to is not None:
        from poassembler.review.document.annotate import annotate

        comments = annotate(report, annotate_to, force)
    if fmt == "json":
        click.echo(json.dumps({
            "document": str(path),
            "profile": profile.id,
            "tracked_changes": {"count": report.document.tracked_changes, "read_as": report.document.view},
            "reading_note": report.reading_note,
            "errors": report.errors,
            "findings": [f.as_dict() for f in report.findings],
            "annotated": None if annotate_to is None else str(annotate_to),
        }, indent=2, ensure_ascii=False))
        return report.findings
    for warning in profile.warnings:
        click.secho(f"warning: {warning}", fg="yellow")
    if report.reading_note:
        click.secho(f"note: {report.reading_note}", fg="cyan")
    for finding in report.findings:
        click.echo(describe(finding))
    click.echo(summary(report.findings, profile.id))
    if annotate_to is not None:
        click.echo(f"Wrote {annotate_to} ({comments} comment(s)).")
    return report.findings


def describe(finding, colour: bool = True) -> str:
    """A finding in a few lines: severity and what it concerns, the problem, what to do, the authority."""
    head = f"{finding.severity.value}: {finding.concerns}"
    if colour:
        head = click.style(head, fg=SEVERITY_COLOURS[finding.severity.value], bold=finding.severity.value == "error")
    lines = [head, f"  {finding.problem}", f"  → {finding.action}"]
    for authority in finding.authorities:
        flag = "" if authority.verified else " [verify before filing]"
        lines.append(f"  authority: {authority.cite} ({authority.source}){flag}")
    if not finding.authorities and hasattr(finding, "location"):
        lines.append("  authority: none needed — a drafting defect the court would enter as written")
    return "\n".join(lines)


def summary(findings, profile_id: str) -> str:
    counts = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "note")}
    return f"{profile_id}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)."
