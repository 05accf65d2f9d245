"""`poassembler jurisdictions new ID --extends PARENT [--judge NAME]`: write a starter profile."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("new")
@click.argument("profile_id")
@click.option("--extends", "parent_id", required=True, help="The profile it builds on (e.g. cacd for a C.D. Cal. judge, federal for a new district).")
@click.option("--judge", "judge_name", help="Make a judge profile for this judge (full name, e.g. \"Jane Roe\").")
@click.option("--judge-title", default="United States Magistrate Judge", show_default=True, help="With --judge: the judge's title.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False), help="Where to write it (default: jurisdictions/ID.yaml in the first --library folder).")
@click.option("--force", is_flag=True, help="Replace the file if it already exists.")
@click.pass_obj
def new(state, profile_id: str, parent_id: str, judge_name: str | None, judge_title: str, output: Path | None, force: bool) -> None:
    """Write a commented starter profile PROFILE_ID that already validates, every field explained.

    \b
    poassembler --library firm-lib jurisdictions new cacd-roe --extends cacd --judge "Jane Roe"
    poassembler --library firm-lib jurisdictions new nvd --extends federal
    """
    from poassembler.pipeline.atomic import write_atomically
    from poassembler.errors import BadInput
    from poassembler.library.load import data_root
    from poassembler.library.profiles import PROFILE_ID, _suggest
    from poassembler.authoring.starter_profile import starter_profile

    if not PROFILE_ID.match(profile_id):
        raise BadInput(f"'{profile_id}' is not a profile id: use lower-case letters, digits and hyphens (e.g. cacd-roe).")
    library = state.library()
    if parent_id not in library.profiles.profiles:
        raise BadInput(f"--extends: no profile '{parent_id}'{_suggest(parent_id, library.profiles.ids())}", hint="Run `poassembler jurisdictions list`.")
    if output is None:
        if not state.library_dirs:
            raise BadInput("say where to write the profile: -o PATH, or --library DIR (it goes into DIR/jurisdictions/).")
        folder = state.library_dirs[0] / "jurisdictions"
        folder.mkdir(parents=True, exist_ok=True)
        output = folder / f"{profile_id}.yaml"
    if output.stem != profile_id or output.suffix != ".yaml":
        raise BadInput(f"-o {output}: a profile's file is named after its id; use {profile_id}.yaml.")
    if judge_name and not profile_id.startswith(parent_id + "-"):
        click.secho(
            f"warning: answers find a judge profile as `court: {parent_id}` + `judge: NAME` through the id {parent_id}-NAME; "
            f"'{profile_id}' will only be found as `court: {profile_id}`.",
            fg="yellow",
            err=True,
        )
    schema = data_root() / "schemas" / "profile.schema.json"
    text = starter_profile(
        profile_id,
        library.profiles.resolve(parent_id),
        judge_name,
        judge_title,
        library.profiles.districts.get(profile_id),
        schema.resolve() if schema.is_file() else None,
    )
    write_atomically(output, text.encode("utf-8"), force)
    click.echo(f"Wrote {output}. Edit it, then check it with `poassembler validate {output}`.")
