"""`poassembler clauses list [--court ID]` and `poassembler clauses show ID`."""

from __future__ import annotations

import click


@click.group("clauses")
def clauses() -> None:
    """List and inspect the clause library."""


@clauses.command("list")
@click.option("--court", help="Show each clause's status in this court's profile (required / optional / excluded).")
@click.option("--judge", help="With --court: the judge's profile within that court.")
@click.pass_obj
def clauses_list(state, court: str | None, judge: str | None) -> None:
    """One line per clause, in document order: id, order, placement, heading."""
    from poassembler.authoring.clause_report import list_clauses

    click.echo(list_clauses(state.library(), state.library_dirs, court, judge))


@clauses.command("show")
@click.argument("clause_id")
@click.pass_obj
def clauses_show(state, clause_id: str) -> None:
    """A clause's text, options, authority, and which courts require, allow or exclude it."""
    from poassembler.authoring.clause_report import show_clause
    from poassembler.errors import BadInput
    from poassembler.library.profiles import _suggest

    library = state.library()
    if clause_id not in library.clauses:
        raise BadInput(f"no clause '{clause_id}'{_suggest(clause_id, sorted(library.clauses.clauses))}", hint="Run `poassembler clauses list` to see every clause.")
    click.echo(show_clause(library, clause_id, state.library_dirs))
