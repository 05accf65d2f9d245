"""`poassembler validate [PATH …]`: check profiles, clauses and Word templates; exit 0 only when clean."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("validate")
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.pass_obj
def validate(state, paths: tuple[Path, ...]) -> None:
    """Check profiles, clauses and Word templates and list EVERY problem (file:line, or the Word paragraph).

    With no PATH: the whole library (built-in plus --library folders). A PATH may be a library folder,
    one of its jurisdictions/, clauses/ or templates/ folders, or single files. Exit 0 only when clean,
    3 when there are problems: usable in a firm's own CI.
    """
    from poassembler.errors import BadLibrary
    from poassembler.authoring.validate import validate as run_validation

    findings = run_validation(state.library_dirs, list(paths) or None)
    if findings:
        for finding in findings:
            click.echo(str(finding))
        raise BadLibrary(f"{len(findings)} problem{'s' if len(findings) != 1 else ''} found (listed above).", hint="Fix each one at the line or paragraph shown, then run `poassembler validate` again.")
    what = ", ".join(str(p) for p in paths) if paths else "the library" + (f" (with {', '.join(map(str, state.library_dirs))})" if state.library_dirs else "")
    click.echo(f"OK: no problems in {what}.")
