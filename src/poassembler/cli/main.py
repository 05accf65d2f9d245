"""Command line: `poassembler render | jurisdictions …`, and the one error → exit-code handler.

Heavy libraries (docxtpl, lxml, questionary) are imported inside the commands that need them, so
`--help` and `jurisdictions list` start fast.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import click

from poassembler import __version__
from poassembler.errors import BadInput, PoError

LIBRARY_ENV = "POASSEMBLER_LIBRARY"

EXIT_CODES = """\b
Exit codes: 0 done · 1 `check` found errors · 2 bad answers or arguments · 3 bad profile, clause
or Word template · 4 the output could not be written · 130 interrupted."""


class State:
    """Options every command shares."""

    def __init__(self, debug: bool, library: tuple[Path, ...], library_from_env: bool = False):
        from poassembler.library.config import library_setting

        self.debug = debug
        self.library_setting = library_setting(library, library_from_env)
        self.library_dirs = list(self.library_setting.folders)

    def library(self):
        from poassembler.library.load import load_library

        self._check_folders()
        return load_library(self.library_dirs)

    def profiles(self):
        """Only the court profiles (listings need no clause)."""
        from poassembler.library.load import load_profiles

        self._check_folders()
        return load_profiles(self.library_dirs)

    def _check_folders(self) -> None:
        missing = [str(d) for d in self.library_dirs if not d.is_dir()]
        if missing:
            raise BadInput(
                f"library folder not found: {', '.join(missing)} (from {self.library_setting.origin}).",
                hint="Give a folder holding jurisdictions/, clauses/ and/or templates/.",
            )


class LazyGroup(click.Group):
    """A group whose commands in their own modules (`lazy`: name → "cmd_module:function") are imported
    only when one runs, or when `--help` lists them: a command does not pay for the others' imports."""

    def __init__(self, *args, lazy: dict[str, str] | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.lazy = dict(lazy or {})

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*super().list_commands(ctx), *self.lazy})

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        if name in self.lazy and name not in self.commands:
            import importlib

            module, function = self.lazy[name].split(":")
            self.add_command(getattr(importlib.import_module(f"poassembler.cli.{module}"), function), name)
        return super().get_command(ctx, name)


# Commands that live in their own modules (each imports only click at module level), one line each.
COMMANDS = {
    "render": "cmd_render:render",
    "validate": "cmd_validate:validate",
    "schema": "cmd_schema:schema",
    "clauses": "cmd_clauses:clauses",
    "template": "cmd_template:template",
    "preview": "cmd_preview:preview",
    "check": "cmd_check:check_command",
    "compare": "cmd_compare:compare",
    "interview": "cmd_interview:interview",
    "serve": "cmd_serve:serve",
    "models": "cmd_models:models",
}
JURISDICTIONS_COMMANDS = {"new": "cmd_jurisdictions_new:new"}


@click.group(cls=LazyGroup, lazy=COMMANDS, epilog=EXIT_CODES, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="poassembler")
@click.option("--debug", is_flag=True, help="Show the full traceback when something goes wrong.")
@click.option(
    "--library",
    "library",
    multiple=True,
    type=click.Path(path_type=Path, file_okay=False),
    envvar=LIBRARY_ENV,
    help=f"A folder with your own jurisdictions/, clauses/ and templates/ that override the built-in ones by id "
    f"(repeatable; or set {LIBRARY_ENV}, several folders separated by '{os.pathsep}'; or list them as "
    "library = [...] in ./poassembler.toml or ~/.config/poassembler/config.toml).",
)
@click.pass_context
def cli(ctx: click.Context, debug: bool, library: tuple[Path, ...]) -> None:
    """Draft a stipulated protective order that the court will not send back.

    Answer questions about the case in an answers file (see samples/), then render it:

        poassembler render samples/janfeshan-edny.yaml -o janfeshan.docx
    """
    from_env = ctx.get_parameter_source("library") == click.core.ParameterSource.ENVIRONMENT
    ctx.obj = State(debug, library, from_env)
    if ctx.obj.library_setting.notice:
        click.secho(ctx.obj.library_setting.notice, fg="yellow", err=True)


@cli.group(cls=LazyGroup, lazy=JURISDICTIONS_COMMANDS)
def jurisdictions() -> None:
    """List and inspect the court profiles."""


@jurisdictions.command("list")
@click.pass_obj
def jurisdictions_list(state: State) -> None:
    """One line per court and judge profile."""
    from poassembler.library.profiles import ProfileKind

    from poassembler.library.load import origin_of

    library = state.profiles()
    for pid in library.ids():
        profile = library.profiles[pid]
        origin = f"  ({origin_of(library.paths[pid], state.library_dirs)})"
        if profile.kind == ProfileKind.judge:
            label = f"{profile.judge.title} {profile.judge.name}" if profile.judge else profile.name
            click.echo(f"{pid:<14} judge     {label} (extends {profile.extends}){origin}")
        else:
            judges = [j.id.split("-", 1)[-1] for j in library.judges_of(pid) if j.id != pid]
            extra = f"  [judges: {', '.join(judges)}]" if judges else ""
            click.echo(f"{pid:<14} {profile.kind.value:<9} {profile.name}{extra}{origin}")


@jurisdictions.command("show")
@click.argument("profile_id")
@click.option("--judge", help="Show the judge's profile within that court (e.g. --judge segal).")
@click.pass_obj
def jurisdictions_show(state: State, profile_id: str, judge: str | None) -> None:
    """The resolved profile PROFILE_ID: citations with sources, clauses, periods, format."""
    from poassembler.review.profile_report import describe_profile

    library = state.library()
    profile = library.profiles.resolve(f"{profile_id}-{judge.lower()}" if judge else profile_id)
    click.echo(describe_profile(profile, library.clauses))


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI; every PoError becomes one message and its exit code, no traceback."""
    from poassembler.cli.os_errors import os_error_problem

    args = sys.argv[1:] if argv is None else argv
    debug = "--debug" in args
    from poassembler.pipeline.atomic import Terminated, terminate_on_signals

    try:
        with terminate_on_signals():  # SIGTERM / SIGHUP unwind like Ctrl-C: temp files removed, nothing half-written
            cli.main(args=args, prog_name="poassembler", standalone_mode=False)
    except PoError as exc:
        if debug:
            raise
        click.secho(f"error: {exc.render()}", fg="red", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("Interrupted.", err=True)
        sys.exit(130)
    except Terminated as exc:
        click.echo("Interrupted.", err=True)
        sys.exit(exc.exit_code)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except Exception as exc:  # the last line of defence: still no traceback for the user
        if debug:
            raise
        problem = os_error_problem(exc) if isinstance(exc, OSError) else None
        if problem is not None:
            click.secho(f"error: {problem.render()}", fg="red", err=True)
            sys.exit(problem.exit_code)
        click.secho(
            f"error: an unexpected problem ({type(exc).__name__}: {exc}). "
            "Run again with --debug for details, and report it with the answers file if you can.",
            fg="red",
            err=True,
        )
        sys.exit(1)
