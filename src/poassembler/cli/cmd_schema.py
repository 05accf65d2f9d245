"""`poassembler schema answers|profile|clause`: print the JSON Schema of a file kind."""

from __future__ import annotations

import click

KINDS = ("answers", "profile", "clause")


@click.command("schema")
@click.argument("kind", type=click.Choice(KINDS))
def schema(kind: str) -> None:
    """Print the JSON Schema of an answers file, a jurisdiction profile or a clause.

    Editors that understand `# yaml-language-server: $schema=…` (VS Code with the YAML extension, …)
    use it to complete and check fields as you type; the built-in files already point to
    schemas/<kind>.schema.json.
    """
    from poassembler.authoring.schemas import schema_text

    click.echo(schema_text(kind), nl=False)
