"""How the commands that make drafts show a `produce.Result`: the one place their messages are worded."""

from __future__ import annotations

import click

CHECK_HINT = "Run `poassembler check` on the answers file for the authorities."


def finding_line(finding) -> str:
    """A check finding in one line, as `render` shows it (`check` shows the authorities too)."""
    return f"check {finding.severity.value}: {finding.concerns}: {finding.problem} → {finding.action}"


def shown_findings(result) -> list:
    """Errors and warnings; notes are left to `poassembler check`."""
    return [f for f in result.findings if f.severity.value != "note"]


def warn(message: str) -> None:
    click.secho(message, fg="yellow", err=True)


def show_result(result, headline: str | None = None, notice: str | None = None) -> None:
    """Warnings, "Wrote DRAFT (court; N sections).", the check's errors and warnings, the other files, the verify
    notice (or `notice`, the interview's plain-words "Before filing" list, when given)."""
    for warning in result.warnings:
        warn(f"warning: {warning}")
    click.echo(headline or f"Wrote {result.docx} ({result.profile_name}; {result.sections} sections).")
    findings = shown_findings(result)
    for finding in findings:
        warn(finding_line(finding))
    if findings:
        warn(CHECK_HINT)
    for extra in result.written[1:]:
        click.echo(f"Wrote {extra}.")
    from poassembler.review.profile_report import verify_notice

    notice = notice if notice is not None else verify_notice(result.profile_id, result.unverified)
    if notice:
        warn(notice)
