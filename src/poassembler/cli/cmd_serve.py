"""`poassembler serve`: the interview as a form in the browser, served on this computer only."""

from __future__ import annotations

from pathlib import Path

import click


@click.command("serve")
@click.argument("answers", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--dir", "workspace", type=click.Path(path_type=Path, file_okay=False, exists=True),
              help="The folder whose answers files the form lists, opens and saves (default: ANSWERS' folder, else the current one).")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(1, 65535), help="The port to listen on.")
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Keep the loopback default unless you know why: the form has no login.")
@click.option("--no-browser", is_flag=True, help="Do not open the browser; only print the address.")
@click.pass_obj
def serve(state, answers: Path | None, workspace: Path | None, port: int, host: str, no_browser: bool) -> None:
    """Answer the questions in a browser form instead of the terminal.

    Opens ANSWERS (an answers file, new or to resume), or lists the answers files in --dir.
    Every answer is saved to the file at once; the review page downloads the .docx, the PDF,
    the memo and the redline.
    """
    from poassembler.errors import BadInput
    from poassembler.web.app import CASE_NAME
    from poassembler.web.server import is_loopback
    from poassembler.web.server import serve as run

    start = "/"
    if answers is not None:
        if workspace is not None:
            raise BadInput("give either ANSWERS or --dir, not both.")
        if answers.suffix.lower() not in (".yaml", ".yml") or not CASE_NAME.fullmatch(answers.name):
            raise BadInput(f"{answers}: the answers file needs a name of letters, digits, '.', '-' or '_' ending in .yaml.")
        workspace = answers.parent if str(answers.parent) else Path(".")
        if not workspace.is_dir():
            raise BadInput(f"{answers}: the folder {workspace} does not exist.")
        start = f"/c/{answers.name}/"
    workspace = (workspace or Path(".")).resolve()
    if host in ("0.0.0.0", "::", ""):
        raise BadInput(f"--host {host!r}: give the one address browsers will use (e.g. 192.168.1.20), so requests naming "
                       "any other host can be refused.")
    if not is_loopback(host):
        click.secho(f"warning: --host {host} lets other computers reach this form, which has no login.", fg="yellow", err=True)
    from poassembler.interview.plan import load_plan

    run(workspace, state.library(), load_plan(state.library_dirs), host, port, start, not no_browser, click.echo)
