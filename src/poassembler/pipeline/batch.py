"""Render many answers files at once: one draft per file, on every core, every failure reported at the end.

`poassembler render samples/ -o out/` (a folder, or several answers files) comes here; a single answers
file keeps the plain `render` path in cli.py. The library is loaded once in this process before the
worker processes start, so on Linux (fork) each worker begins with it already loaded; each worker then
compiles each Word template once (render.py) and renders its share of the drafts.

Only the standard library is imported at module level; the pipeline is imported when a batch runs.
"""

from __future__ import annotations

import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from poassembler.errors import BadInput, OutputProblem, PoError

ANSWERS_SUFFIXES = (".yaml", ".yml")

# The exit code of a batch with failures is that of its most serious failure, in this order:
# 1 an unexpected problem (a bug) · 3 bad profile, clause or template · 4 output · 2 bad answers.
EXIT_PRIORITY = (1, 3, 4, 2)


@dataclass(frozen=True)
class BatchItem:
    """One answers file and the draft it becomes."""

    answers: Path
    output: Path


@dataclass(frozen=True)
class Outcome:
    """What happened to one item: exit code 0 and the profile used, or the error message the single render gives.

    `notices` are the lines the single render prints on stderr for this draft (warnings, check findings).
    """

    item: BatchItem
    exit_code: int = 0
    message: str = ""
    notices: tuple[str, ...] = ()
    profile_id: str = ""
    unverified: int = 0

    @property
    def ok(self) -> bool:
        return self.exit_code == 0


@dataclass(frozen=True)
class BatchReport:
    outcomes: tuple[Outcome, ...]
    seconds: float
    jobs: int

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.ok]

    @property
    def exit_code(self) -> int:
        codes = {o.exit_code for o in self.failures}
        return next((c for c in EXIT_PRIORITY if c in codes), max(codes, default=0))


@dataclass(frozen=True)
class RenderOptions:
    """What every draft in the batch shares."""

    library_dirs: tuple[Path, ...] = ()
    force: bool = False
    template: Path | None = None
    debug: bool = False
    pdf: bool = False
    memo: bool = False
    redline_against: str | None = None
    deviations: bool = False


class BatchFailed(PoError):
    """Some drafts of a batch failed; the exit code is that of the most serious failure (EXIT_PRIORITY)."""

    def __init__(self, report: BatchReport):
        failures = report.failures
        super().__init__(
            f"{len(failures)} of {len(report.outcomes)} draft{'s' if len(report.outcomes) != 1 else ''} failed:",
            [_failure_line(o) for o in failures],
            hint="Every other draft was written. Fix these answers files and run the same command again (add --force to replace drafts already written).",
        )
        self.exit_code = report.exit_code


def is_batch(paths: Sequence[Path]) -> bool:
    """Several answers files, or a folder of them."""
    return len(paths) > 1 or any(path.is_dir() for path in paths)


def default_jobs() -> int:
    """The CPUs this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def plan_batch(paths: Sequence[Path], output_dir: Path | None) -> list[BatchItem]:
    """One item per answers file (folders expanded to their *.yaml / *.yml files), drafts named after them."""
    folder = output_dir or Path(".")
    if folder.suffix.lower() == ".docx" or folder.is_file():
        raise BadInput(f"-o {folder}: with several answers files or a folder, -o names the folder for the drafts (one .docx per answers file).")
    answers_files: list[Path] = []
    for path in paths:
        if path.is_dir():
            found = sorted(p for p in path.iterdir() if p.suffix.lower() in ANSWERS_SUFFIXES and p.is_file())
            if not found:
                raise BadInput(f"{path}: no answers files (*.yaml) in this folder.")
            answers_files += found
        else:
            answers_files.append(path)  # a missing file is reported as that draft's failure
    items = [BatchItem(answers=path, output=folder / f"{path.stem}.docx") for path in answers_files]
    by_output: dict[Path, list[Path]] = {}
    for item in items:
        by_output.setdefault(item.output, []).append(item.answers)
    clashes = [f"{out}: {', '.join(str(a) for a in answers)}" for out, answers in by_output.items() if len(answers) > 1]
    if clashes:
        raise BadInput("several answers files would write the same draft.", clashes, hint="Rename the answers files so their names differ.")
    return items


def render_one(item: BatchItem, options: RenderOptions) -> Outcome:
    """Render one draft exactly as `poassembler render ANSWERS -o OUTPUT [options]` does; never raises."""
    import contextlib
    import io

    from poassembler.library.answers import load_answers
    from poassembler.pipeline.draft import plan_draft, render_draft
    from poassembler.library.load import load_library
    from poassembler.pipeline.pdf import check_pdf_target, pdf_step
    from poassembler.review.reports import review_rendered

    try:
        if item.output.exists() and not options.force:
            raise OutputProblem(f"{item.output} already exists.", hint="Choose another name with -o, or add --force to replace it.")
        pdf_target = check_pdf_target(item.output, options.force) if options.pdf else None
        library = load_library(list(options.library_dirs))
        draft = plan_draft(load_answers(item.answers), library)
        render_draft(draft, library, item.output, options.force, options.template)
        printed = io.StringIO()  # the check's findings, as the single render prints them
        with contextlib.redirect_stderr(printed):
            review_rendered(draft, library, item.output, options.force, options.memo, options.redline_against, options.deviations)
        notices = [f"warning: {w}" for w in draft.warnings] + [line for line in printed.getvalue().splitlines() if line.strip()]
        if pdf_target:
            made, message = pdf_step(item.output, pdf_target, options.force)
            if not made:
                notices.append(message)
        return Outcome(item, notices=tuple(notices), profile_id=draft.profile.id, unverified=len(draft.profile.unverified()))
    except PoError as exc:
        return Outcome(item, exit_code=exc.exit_code, message=exc.render())
    except Exception as exc:  # one broken draft must not stop the others; reported like the single render does
        message = (
            f"an unexpected problem ({type(exc).__name__}: {exc}). "
            "Run again with --debug for details, and report it with the answers file if you can."
        )
        if options.debug:
            message += "\n" + traceback.format_exc().rstrip()
        return Outcome(item, exit_code=1, message=message)


def render_batch(
    items: Sequence[BatchItem],
    options: RenderOptions,
    jobs: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Render every item, in worker processes when jobs > 1; outcomes in the order of `items`."""
    from poassembler.library.load import load_library
    import poassembler.pipeline.draft  # noqa: F401 — loaded here once, so forked workers start with it
    import poassembler.pipeline.render  # noqa: F401

    load_library(list(options.library_dirs))  # a broken library fails the whole batch once, not per draft
    started = time.perf_counter()
    workers = max(1, min(jobs, len(items)))
    done: dict[BatchItem, Outcome] = {}

    def record(outcome: Outcome) -> None:
        done[outcome.item] = outcome
        if on_done:
            on_done(outcome)

    if workers == 1:
        for item in items:
            record(render_one(item, options))
    else:
        _render_in_pool(items, options, workers, record)
    return BatchReport(tuple(done[item] for item in items), time.perf_counter() - started, workers)


def _render_in_pool(items: Sequence[BatchItem], options: RenderOptions, workers: int, record: Callable[[Outcome], None]) -> None:
    import gc
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    # Linux: fork, so each worker starts with this process's modules and loaded library. Elsewhere the
    # platform's default (spawn), and each worker loads the library once in `_start_worker`.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    gc.freeze()  # what the workers inherit is never scanned by their garbage collector (nor copied for it)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(options,))
    try:
        futures = [pool.submit(render_one, item, options) for item in items]  # the workers start here
        gc.unfreeze()
        for future in as_completed(futures):
            record(future.result())
    except BaseException:  # Ctrl-C or a broken pool: drop what has not started, wait for what has
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        gc.unfreeze()
    pool.shutdown(wait=True)


def _start_worker(options: RenderOptions) -> None:
    """Ctrl-C is the parent's to handle (it cancels what has not started); load the library once (no-op after fork)."""
    import signal

    from poassembler.library.load import load_library

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    load_library(list(options.library_dirs))


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

    def advance(self, outcome: Outcome) -> None:
        self.failed += 0 if outcome.ok else 1
        if self.bar is not None:
            self.bar.update(self.task, advance=1, failed=f"{self.failed} failed" if self.failed else "")

    def __exit__(self, *exc_info) -> None:
        if self.bar is not None:
            self.bar.__exit__(*exc_info)


def run_from_cli(paths: Sequence[Path], output_dir: Path | None, options: RenderOptions, jobs: int | None) -> None:
    """`poassembler render` with several answers files or a folder: render, summarise, raise BatchFailed if any failed."""
    import click

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

    def on_done(outcome: Outcome) -> None:
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
    once = set()
    for outcome in report.outcomes:
        for notice in outcome.notices:
            if notice.startswith("Run `poassembler"):  # the check's closing hint: once for the batch
                once.add(notice)
            else:
                click.secho(f"{outcome.item.answers}: {notice}", fg="yellow", err=True)
    for notice in sorted(once):
        click.secho(notice, fg="yellow", err=True)
    unverified = sorted({o.profile_id for o in report.outcomes if o.ok and o.unverified})
    if unverified:
        click.secho(
            f"Verify before filing: the {', '.join(unverified)} profile(s) have citations or periods that are not verified "
            "(`poassembler jurisdictions show ID` lists them).",
            fg="yellow",
            err=True,
        )
    if report.failures:
        raise BatchFailed(report)


def _failure_line(outcome: Outcome) -> str:
    """`path: message`, the message as the single render prints it (its own further lines indented)."""
    path = str(outcome.item.answers)
    line = outcome.message if outcome.message.startswith(path) else f"{path}: {outcome.message}"
    return line.replace("\n", "\n    ")
