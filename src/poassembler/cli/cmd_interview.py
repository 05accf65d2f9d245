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
            hint="Run it in a terminal window; or write the answers in a YAML file (`poassembler schema answers` describes "
            "every field) and run `poassembler render ANSWERS.yaml -o DRAFT.docx`.",
        )
    from poassembler.interview.answers_file import AnswersFile
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
    answers_file = AnswersFile(answers_path, _header(answers_path, output))
    if answers_path.exists():
        data = answers_file.load()

    from poassembler.cli.show import show_result
    from poassembler.interview.ask import Interview, completed_yaml_data
    from poassembler.interview.plan import load_plan
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.produce import produce
    from poassembler.interview.prompter_questionary import QuestionaryPrompter
    from poassembler.interview.review import closing_message, order_paragraphs

    library = state.library()
    from poassembler.interview.me import load_me, save_me

    session = Interview(library.profiles, QuestionaryPrompter(), data, answers_file.save, load_plan(state.library_dirs),
                        preview=lambda d: order_paragraphs(d, library), me=load_me(), save_me=save_me)
    try:
        answers = session.run()
    except (KeyboardInterrupt, EOFError):
        click.echo(f"\nInterrupted. Your answers so far are saved in {answers_path}.", err=True)
        click.echo(f"Go on with: poassembler interview -o {output} --answers {answers_path}", err=True)
        sys.exit(130)
    answers_file.save(session.pruned() if answers_file.document is not None else completed_yaml_data(answers))
    click.echo(f"Saved the answers in {answers_path}.")
    draft = plan_draft(answers, library)
    show_result(produce(draft, library, outputs), notice=closing_message(draft, answers_path))
