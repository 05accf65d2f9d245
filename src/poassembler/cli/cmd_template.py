"""`poassembler template export --court ID -o court-template.docx`."""

from __future__ import annotations

from pathlib import Path

import click


@click.group("template")
def template() -> None:
    """Word templates: export a court's template with its clauses written out."""


@template.command("export")
@click.option("--court", required=True, help="The court's profile id (e.g. cacd).")
@click.option("--judge", help="The judge's profile within that court (e.g. segal).")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="The .docx to write.")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.pass_obj
def export(state, court: str, judge: str | None, output: Path, force: bool) -> None:
    """Write a Word template (docxtpl syntax) with the court's clauses laid out, the case facts left as
    {{ … }} fields. Restyle or reword it in Word, then draft with it:

    \b
    poassembler template export --court cacd -o cacd-house.docx
    poassembler render answers.yaml --template cacd-house.docx -o draft.docx

    Keep the {% … %} and {{ … }} tags intact (one run each, straight quotes); `poassembler validate
    cacd-house.docx` checks them.
    """
    from poassembler.pipeline.atomic import write_atomically
    from poassembler.library.clauses import Placement
    from poassembler.errors import BadInput
    from poassembler.library.profiles import ClauseStatus
    from poassembler.authoring.word_export import export_template

    if output.suffix.lower() != ".docx":
        raise BadInput(f"-o {output}: a Word template is a .docx file; give a name ending in .docx.")
    library = state.library()
    profile = library.profiles.resolve_for(court, judge)
    for warning in profile.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    listed = [
        c for c in library.clauses.ordered()
        if c.spec.placement == Placement.body and profile.status(c.id) in (ClauseStatus.required, ClauseStatus.optional)
    ]
    data = export_template(library.template(profile.format.template), listed)
    write_atomically(output, data, force)
    click.echo(f"Wrote {output}: the {profile.id} template with {len(listed)} clauses laid out (each shown only when a draft includes it).")
