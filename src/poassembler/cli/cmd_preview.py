"""`poassembler preview --court ID [--judge NAME] -o preview.docx`."""

from __future__ import annotations

from pathlib import Path

import click

OPTION_NAMES = ("fre_502d", "prosecution_bar", "source_code_tier", "privacy_act_order")


@click.command("preview")
@click.option("--court", required=True, help="The court's profile id (e.g. cacd).")
@click.option("--judge", help="The judge's profile within that court (e.g. segal).")
@click.option("--with", "chosen", multiple=True, type=click.Choice(OPTION_NAMES), help="Turn on an optional clause choice (repeatable).")
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="The .docx to write.")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True), help="Use this Word template instead of the court's.")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.pass_obj
def preview(state, court: str, judge: str | None, chosen: tuple[str, ...], output: Path, template: Path | None, force: bool) -> None:
    """Render a draft for a court with placeholder case facts ("[PLAINTIFF NAME]", …), to see what its
    profile (and your edits to it) produce without writing an answers file."""
    from poassembler.library.answers import Options
    from poassembler.pipeline.draft import plan_with_profile
    from poassembler.pipeline.produce import Outputs, produce
    from poassembler.errors import BadInput
    from poassembler.authoring.preview import placeholder_answers

    if output.suffix.lower() != ".docx":
        raise BadInput(f"-o {output}: the preview is a Word file; give a name ending in .docx.")
    outputs = Outputs(output, force, template, check=False)  # placeholder facts: the check would only flag them
    outputs.check_targets()
    library = state.library()
    profile = library.profiles.resolve_for(court, judge)
    answers = placeholder_answers(profile, court, judge, Options(**{name: True for name in chosen}))
    draft = plan_with_profile(answers, profile, library)  # placeholder facts: no case-number format check
    result = produce(draft, library, outputs)
    for warning in result.warnings:
        click.secho(f"warning: {warning}", fg="yellow", err=True)
    click.echo(f"Wrote {output}: PREVIEW of {profile.id} ({len(draft.context.sections)} sections) with placeholder case facts — not a draft to file.")
