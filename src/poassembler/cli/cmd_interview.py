"""`poassembler interview`: ask about the case in the terminal, save the answers file, render the draft."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from poassembler.errors import BadInput, OutputProblem


def _header(answers_path: Path, output: Path) -> str:
    return (
        "# Answers from `poassembler interview` (saved after every answer).\n"
        f"# Resume: poassembler interview -o {output} --answers {answers_path}\n"
        f"# Render: poassembler render {answers_path} -o {output}\n"
    )


@click.command()
@click.option("-o", "--output", required=True, type=click.Path(path_type=Path, dir_okay=False), help="Where to write the .docx draft.")
@click.option(
    "--answers",
    "answers_path",
    type=click.Path(path_type=Path, dir_okay=False),
    help="The answers file to resume from and save to (default: the draft's name with .yaml). "
    "Only unanswered or invalid questions are asked; earlier answers are the defaults.",
)
@click.option("--force", is_flag=True, help="Replace the output .docx if it already exists.")
@click.pass_obj
def interview(state, output: Path, answers_path: Path | None, force: bool) -> None:
    """Answer questions about the case, review them, and render the draft.

    Every answer is saved at once, so Ctrl-C loses nothing: run the command again with
    --answers to go on where you stopped.
    """
    if not sys.stdin.isatty():
        raise BadInput(
            "interview asks questions in a terminal, but input is not a terminal.",
            hint="Without a terminal, write an answers file (see samples/) and run `poassembler render ANSWERS.yaml -o DRAFT.docx`.",
        )
    from poassembler.pipeline.produce import Outputs

    outputs = Outputs(output, force)  # the same pre-flight check and all-or-nothing writing as `render`
    outputs.check_targets()
    data: dict = {}
    if answers_path is None:
        answers_path = output.with_suffix(".yaml")
        if answers_path.exists():
            raise OutputProblem(
                f"{answers_path} already exists.",
                hint=f"To go on from it: poassembler interview -o {output} --answers {answers_path}",
            )
    elif answers_path.exists():
        from poassembler.library.yamlfile import read_yaml

        data = read_yaml(answers_path, BadInput) or {}
        if not isinstance(data, dict):
            raise BadInput(f"{answers_path}: expected a mapping of fields (court:, case:, parties: …).")

    from poassembler.cli.show import show_result
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.produce import produce
    from poassembler.interview.ask import Interview, completed_yaml_data, save_answers_file
    from poassembler.interview.prompter_questionary import QuestionaryPrompter

    library = state.library()
    header = _header(answers_path, output)
    session = Interview(library.profiles, QuestionaryPrompter(), data, lambda d: save_answers_file(answers_path, d, header))
    try:
        answers = session.run()
    except (KeyboardInterrupt, EOFError):
        click.echo(f"\nInterrupted. Your answers so far are saved in {answers_path}.", err=True)
        click.echo(f"Go on with: poassembler interview -o {output} --answers {answers_path}", err=True)
        sys.exit(130)
    save_answers_file(answers_path, completed_yaml_data(answers), header)
    click.echo(f"Saved the answers in {answers_path}.")
    show_result(produce(plan_draft(answers, library), library, outputs))
