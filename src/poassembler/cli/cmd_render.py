"""`poassembler render ANSWERS… -o DRAFT.docx`: one draft, or a batch (several answers files or a folder).

Both go through `pipeline.produce.produce`; this module only prints its results (and the batch's
progress bar, summary and failures).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import click

from poassembler.cli.show import CHECK_HINT, finding_line, show_result, shown_findings, warn


@click.command()
@click.argument("answers_files", metavar="ANSWERS...", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("-o", "--output", type=click.Path(path_type=Path), help="Where to write the .docx (default: the answers file's name with .docx, in the current folder). With several answers files or a folder: the folder for the drafts.")
@click.option("--force", is_flag=True, help="Replace the output file if it already exists.")
@click.option("--template", type=click.Path(path_type=Path, dir_okay=False, exists=True), help="Use this Word template instead of the court's.")
@click.option("--pdf", "pdf", is_flag=True, help="Also write a PDF beside the .docx (needs LibreOffice; without it: a warning, the .docx, exit 0).")
@click.option("--memo", is_flag=True, help="Also write the drafting memo: DRAFT.memo.md and DRAFT.memo.docx.")
@click.option("--redline-against", metavar="court-default|MODEL.docx", help="Also write DRAFT.redline.docx: this draft as tracked changes against the court's default draft (`court-default`) or against your Word copy of the court's model order.")
@click.option("--deviations", is_flag=True, help="Also write DRAFT.deviations.docx: each departure from the court's model order, the answer that caused it, and why (a table in the memo too).")
@click.option("--from-model", "from_model", metavar="MODEL.docx", type=click.Path(path_type=Path), help="Build the order on your Word copy of the court's model order: the model's own words where this case keeps them, this draft's clauses where it departs (each departure recorded with its reason). With --package, the redline compares with this copy.")
@click.option("--package", "package", type=click.Path(path_type=Path), help="Write everything the court expects filed or sent together into this folder (motion or stipulation, clean proposed order in Word, redline against the model where required, the explanation of departures, a submission checklist) — all or nothing.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), help="With several answers files: drafts rendered at once (default: the number of CPUs; at most twice that).")
@click.pass_obj
def render(
    state,
    answers_files: tuple[Path, ...],
    output: Path | None,
    force: bool,
    template: Path | None,
    pdf: bool,
    memo: bool,
    redline_against: str | None,
    deviations: bool,
    from_model: Path | None,
    package: Path | None,
    jobs: int | None,
) -> None:
    """Render the protective order for the case in ANSWERS (a YAML answers file).

    Several answers files, or a folder of them, give one draft each, named after its answers file:
    `poassembler render samples/ -o out/`.
    """
    from poassembler.pipeline.batch import BatchOptions, is_batch
    from poassembler.pipeline.produce import Outputs

    def outputs_for(docx: Path) -> Outputs:
        return Outputs(docx, force=force, template=template, memo=memo, redline_against=redline_against, pdf=pdf,
                       deviations=deviations, from_model=from_model)

    if package:
        if is_batch(answers_files):
            from poassembler.errors import BadInput

            raise BadInput("--package takes one answers file: a package is what one case files with the court.")
        return render_package(state, answers_files[0], package, outputs_for(Path("package.docx")))
    if is_batch(answers_files):
        state.library()  # a missing --library folder fails the whole batch, as it fails one file
        options = BatchOptions(outputs_for(Path("each-answers-file.docx")), tuple(state.library_dirs), state.debug)
        return render_many(answers_files, output, options, jobs)
    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.produce import produce

    answers = answers_files[0]
    outputs = outputs_for(output or Path(answers.stem + ".docx"))
    outputs.check_targets(answers)  # before anything is loaded: a name taken fails at once
    library = state.library()
    show_result(produce(plan_draft(load_answers(answers), library, outputs.from_model), library, outputs))


def render_package(state, answers: Path, target: Path, outputs) -> None:
    """`render ANSWERS --package DIR`: the filing package for one case (pipeline/package.py)."""
    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.package import refuse_without_model, write_package
    from poassembler.pipeline.produce import run_check
    from poassembler.review.profile_report import verify_notice

    outputs.check_model_copy()  # before any work
    library = state.library()
    draft = plan_draft(load_answers(answers), library, outputs.from_model)
    refuse_without_model(draft)  # before anything is shown or written
    for warning in draft.warnings:
        warn(f"warning: {warning}")
    shown = [f for f in run_check(draft) if f.severity.value != "note"]
    written = write_package(draft, library, target, outputs.force, outputs.template, outputs.model_copy or outputs.from_model)
    click.echo(f"Wrote the filing package {target}/ ({draft.profile.name}): " + ", ".join(p.name for p in written) + ".")
    for finding in shown:  # after the package is written, as `render` shows them: a failure is one `error:` message
        warn(finding_line(finding))
    if shown:
        warn(CHECK_HINT)
    notice = verify_notice(draft.profile.id, len(draft.profile.unverified()))
    if notice:
        warn(notice)


@dataclass
class _Progress:
    """A rich progress bar on stderr when it is a terminal; nothing otherwise (the summary line follows)."""

    total: int
    bar: object | None = None
    task: object | None = None
    failed: int = field(default=0)

    def __enter__(self) -> "_Progress":
        if sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

            self.bar = Progress(
                TextColumn("Rendering"), BarColumn(), MofNCompleteColumn(), TextColumn("{task.fields[failed]}"),
                TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True,
            )
            self.task = self.bar.add_task("drafts", total=self.total, failed="")
            self.bar.__enter__()
        return self

    def advance(self, outcome) -> None:
        self.failed += 0 if outcome.ok else 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, failed=f"{self.failed} failed" if self.failed else "")

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc_info)


def render_many(paths: Sequence[Path], output_dir: Path | None, options, jobs: int | None) -> None:
    """`poassembler render` with several answers files or a folder: render, summarise, raise BatchFailed if any failed."""
    from poassembler.errors import OutputProblem
    from poassembler.pipeline.batch import BatchFailed, default_jobs, plan_batch, render_batch

    items = plan_batch(paths, output_dir)
    folder = output_dir or Path(".")
    if not folder.is_dir():
        try:
            folder.mkdir(parents=True)
        except OSError as exc:
            raise OutputProblem(f"{folder}: could not create the folder ({exc.strerror or exc}).", hint="Choose a folder you can write to.") from None
    # The bar starts after the workers are forked (render_batch forks on its first submit, before any
    # callback runs), so no rich thread is running when the process forks.
    progress = _Progress(len(items))
    started = False

    def on_done(outcome) -> None:
        nonlocal started
        if not started:
            progress.__enter__()
            started = True
        progress.advance(outcome)

    try:
        report = render_batch(items, options, jobs or default_jobs(), on_done)
    finally:
        if started:
            progress.__exit__(None, None, None)
    written = len(report.outcomes) - len(report.failures)
    failed = f"; {len(report.failures)} failed" if report.failures else ""
    click.echo(
        f"Wrote {written} of {len(report.outcomes)} drafts to {folder} in {report.seconds:.1f} s "
        f"({report.jobs} job{'s' if report.jobs != 1 else ''}){failed}."
    )
    hint = False
    for outcome in report.outcomes:
        if outcome.result is None:
            continue
        for warning in outcome.result.warnings:
            warn(f"{outcome.item.answers}: warning: {warning}")
        for finding in shown_findings(outcome.result):
            warn(f"{outcome.item.answers}: {finding_line(finding)}")
            hint = True
    if hint:
        warn(CHECK_HINT)
    unverified = sorted({o.result.profile_id for o in report.outcomes if o.result and o.result.unverified})
    if unverified:
        warn(
            f"Verify before filing: the {', '.join(unverified)} profile(s) have citations or periods that are not verified "
            "(`poassembler jurisdictions show ID` lists them)."
        )
    if report.failures:
        raise BatchFailed(report)
