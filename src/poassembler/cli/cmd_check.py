"""`poassembler check ANSWERS.yaml`: the pre-flight check, as text or JSON; exit 1 when any error."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click

SEVERITY_COLOURS = {"error": "red", "warning": "yellow", "note": "cyan"}


@click.command("check")
@click.argument("answers", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="text for people; json (one object with a list of findings) for scripts and CI.")
@click.pass_obj
def check_command(state, answers: Path, fmt: str) -> None:
    """Check the draft for ANSWERS against what courts have rejected (good cause, overbreadth, sealing,
    dispute procedure, health records, non-parties, government parties, unverified citations).

    \b
    Exit codes: 0 no errors (warnings and notes may remain) · 1 at least one error ·
    2 bad answers · 3 bad profile, clause or template.
    """
    from poassembler.library.answers import load_answers
    from poassembler.review.check import check, has_errors
    from poassembler.pipeline.draft import plan_draft

    draft = plan_draft(load_answers(answers), state.library())
    findings = check(draft.answers, draft.profile, draft.selection)
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
    if has_errors(findings):
        sys.exit(1)  # not click's Exit: the CLI runs click with standalone_mode=False, which swallows it


def describe(finding, colour: bool = True) -> str:
    """A finding in a few lines: severity and what it concerns, the problem, what to do, the authority."""
    head = f"{finding.severity.value}: {finding.concerns}"
    if colour:
        head = click.style(head, fg=SEVERITY_COLOURS[finding.severity.value], bold=finding.severity.value == "error")
    lines = [head, f"  {finding.problem}", f"  → {finding.action}"]
    for authority in finding.authorities:
        flag = "" if authority.verified else " [verify before filing]"
        lines.append(f"  authority: {authority.cite} ({authority.source}){flag}")
    return "\n".join(lines)


def summary(findings, profile_id: str) -> str:
    counts = {s: sum(f.severity.value == s for f in findings) for s in ("error", "warning", "note")}
    return f"{profile_id}: {counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)."
