"""Render many answers files at once: one draft per file, on every core, every failure reported at the end.

`poassembler render samples/ -o out/` (a folder, or several answers files) comes here. Each draft goes
through the same `produce` as a single render; a worker returns its `Result` (or the error), and only
`run_from_cli` prints. The library is loaded once in this process before the
worker processes start, so on Linux (fork) each worker begins with it already loaded; each worker then
compiles each Word template once (render.py) and renders its share of the drafts.

Nothing here prints: `cli/cmd_render.py` shows the progress, the results and the failures.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import sys
import time
import traceback
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from poassembler.errors import BadInput, PoError
from poassembler.pipeline.produce import Outputs, Result, produce

ANSWERS_SUFFIXES = (".yaml", ".yml")

# The exit code of a batch with failures is that of its most serious failure, in this order:
# 1 an unexpected problem (a bug) · 3 bad profile, clause or template · 4 output · 2 bad answers.
EXIT_PRIORITY = (1, 3, 4, 2)

_IN_WORKER = False  # set in worker processes (`_start_worker`)
PDF_GROUP = 16  # with --pdf, drafts converted in one LibreOffice run (its ~1 s start shared by them)


@dataclass(frozen=True)
class BatchItem:
    """One answers file and the draft it becomes."""

    answers: Path
    output: Path


@dataclass(frozen=True)
class Outcome:
    """What happened to one item: its `Result`, or the exit code and message the single render gives."""

    item: BatchItem
    exit_code: int = 0
    message: str = ""
    result: Result | None = None

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
class BatchOptions:
    """What every draft in the batch shares: the outputs asked for (`outputs.docx` is replaced by each item's)."""

    outputs: Outputs
    library_dirs: tuple[Path, ...] = ()
    debug: bool = False

    def outputs_for(self, item: BatchItem) -> Outputs:
        return dataclasses.replace(self.outputs, docx=item.output)


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


def max_jobs() -> int:
    """The most worker processes a batch starts, whatever `--jobs` asks: twice the CPUs (each worker holds
    the library and a draft, about 130 MB; more would only compete for the same CPUs)."""
    return 2 * default_jobs()


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


_BUSY = False  # a worker is producing a draft (its temp files must be removed before it ends)


def _worker_signal(signum: int, frame) -> None:
    """SIGTERM / SIGHUP in a worker: while a draft is under way, `Terminated` (its temp files are removed, then
    the worker ends by the signal); idle (the pool shutting down after another worker crashed), end at once
    without a traceback."""
    import os
    import signal

    from poassembler.pipeline.atomic import Terminated

    if _BUSY:
        raise Terminated(signum)
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


@contextlib.contextmanager
def _busy():
    global _BUSY
    _BUSY = True
    try:
        yield
    finally:
        _BUSY = False


def render_one(item: BatchItem, options: BatchOptions) -> Outcome:
    """Produce one draft exactly as `poassembler render ANSWERS -o OUTPUT [options]` does; never raises
    (except `Terminated`, after which the worker ends by the signal that stopped it)."""
    from poassembler.library.answers import load_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline.atomic import Terminated
    from poassembler.pipeline.draft import plan_draft

    try:
        with _busy():
            outputs = options.outputs_for(item)
            outputs.check_targets(item.answers)
            library = load_library(list(options.library_dirs))
            return Outcome(item, result=produce(plan_draft(load_answers(item.answers), library, outputs.from_model), library, outputs))
    except PoError as exc:
        return Outcome(item, exit_code=exc.exit_code, message=exc.render())
    except Terminated as exc:
        if _IN_WORKER:
            exc.die()
        raise
    except Exception as exc:  # one broken draft must not stop the others; reported like the single render does
        return _unexpected(item, exc, options)


def render_with_pdfs(items: Sequence[BatchItem], options: BatchOptions) -> list[Outcome]:
    """Several drafts, each as `render_one` produces it, their PDFs from one LibreOffice run (produce_many)."""
    from poassembler.library.answers import load_answers
    from poassembler.library.load import load_library
    from poassembler.pipeline.atomic import Terminated
    from poassembler.pipeline.draft import plan_draft
    from poassembler.pipeline.produce import produce_many

    outcomes: dict[BatchItem, Outcome] = {}
    planned = []
    global _BUSY
    _BUSY = True
    try:
        library = load_library(list(options.library_dirs))
        for item in items:
            try:
                outputs = options.outputs_for(item)
                outputs.check_targets(item.answers)
                planned.append((item, plan_draft(load_answers(item.answers), library, outputs.from_model), outputs))
            except PoError as exc:
                outcomes[item] = Outcome(item, exit_code=exc.exit_code, message=exc.render())
            except Exception as exc:  # one broken draft must not stop the others
                outcomes[item] = _unexpected(item, exc, options)
        for (item, _, _), made in zip(planned, produce_many([(d, o) for _, d, o in planned], library)):
            if isinstance(made, PoError):
                outcomes[item] = Outcome(item, exit_code=made.exit_code, message=made.render())
            else:
                outcomes[item] = Outcome(item, result=made)
    except Terminated as exc:
        if _IN_WORKER:
            exc.die()
        raise
    except Exception as exc:  # a bug while producing: every draft of the group not yet done reports it
        for item in items:
            outcomes.setdefault(item, _unexpected(item, exc, options))
    finally:
        _BUSY = False
    return [outcomes[item] for item in items]


def _unexpected(item: BatchItem, exc: Exception, options: BatchOptions) -> Outcome:
    message = (
        f"an unexpected problem ({type(exc).__name__}: {exc}). "
        "Run again with --debug for details, and report it with the answers file if you can."
    )
    if options.debug:
        message += "\n" + traceback.format_exc().rstrip()
    return Outcome(item, exit_code=1, message=message)


def _work_units(items: Sequence[BatchItem], options: BatchOptions, workers: int) -> list[list[BatchItem]]:
    """One draft per unit; with --pdf, groups of up to PDF_GROUP drafts, as many per worker (one
    LibreOffice start per group)."""
    if not options.outputs.pdf:
        return [[item] for item in items]
    groups = workers * -(-len(items) // (workers * PDF_GROUP))  # a multiple of the workers: even shares
    size = max(1, -(-len(items) // groups))
    return [list(items[i:i + size]) for i in range(0, len(items), size)]


def _render_unit(unit: list[BatchItem], options: BatchOptions) -> list[Outcome]:
    return render_with_pdfs(unit, options) if options.outputs.pdf else [render_one(item, options) for item in unit]


def render_batch(
    items: Sequence[BatchItem],
    options: BatchOptions,
    jobs: int,
    on_done: Callable[[Outcome], None] | None = None,
) -> BatchReport:
    """Render every item, in worker processes when jobs > 1; outcomes in the order of `items`."""
    from poassembler.library.load import load_library
    import poassembler.pipeline.produce  # noqa: F401 — loaded here once, so forked workers start with it
    import poassembler.pipeline.render  # noqa: F401
    import poassembler.review.check  # noqa: F401

    load_library(list(options.library_dirs))  # a broken library fails the whole batch once, not per draft
    started = time.perf_counter()
    workers = max(1, min(jobs, len(items), max_jobs()))
    done: dict[BatchItem, Outcome] = {}

    def record(outcome: Outcome) -> None:
        done[outcome.item] = outcome
        if on_done:
            on_done(outcome)

    units = _work_units(items, options, workers)
    if workers == 1:
        for unit in units:
            for outcome in _render_unit(unit, options):
                record(outcome)
    else:
        _render_in_pool(units, options, workers, record)
    return BatchReport(tuple(done[item] for item in items), time.perf_counter() - started, workers)


def _render_in_pool(units: list[list[BatchItem]], options: BatchOptions, workers: int, record: Callable[[Outcome], None]) -> None:
    import multiprocessing

    # Linux: fork, so each worker starts with this process's modules and loaded library. Elsewhere the
    # platform's default (spawn), and each worker loads the library once in `_start_worker`.
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else None)
    # A worker that crashes (a segfault in a C library) breaks its pool: the drafts that pool had not
    # finished go to a fresh pool once more (one draft a unit), then each to a process of its own.
    pending = _pool_round(units, options, workers, record, context)
    if len(pending) > 1:
        pending = _pool_round([[item] for item in pending], options, workers, record, context)
    for item in pending:
        record(_render_alone(item, options, context))


def _pool_round(units: list[list[BatchItem]], options: BatchOptions, workers: int, record: Callable[[Outcome], None], context) -> list[BatchItem]:
    """Render `units` in one pool; return the items left unfinished because a worker died."""
    import gc
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    from poassembler.pipeline.atomic import Terminated

    gc.freeze()  # what the workers inherit is never scanned by their garbage collector (nor copied for it)
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_start_worker, initargs=(options,))
    unfinished: list[BatchItem] = []
    try:
        futures = {pool.submit(_render_unit, unit, options): unit for unit in units}  # the workers start here
        gc.unfreeze()
        for future in as_completed(futures):
            try:
                outcomes = future.result()
            except BrokenProcessPool:  # a worker died: the drafts already done still count
                unfinished += futures[future]
                continue
            for outcome in outcomes:
                record(outcome)
    except Terminated:  # SIGTERM / SIGHUP: end the workers too (each removes its temp files), then stop
        _stop_workers(pool)
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    except BaseException:  # Ctrl-C: drop what has not started, wait for what has
        pool.shutdown(wait=True, cancel_futures=True)
        raise
    finally:
        gc.unfreeze()
    pool.shutdown(wait=True)
    position = {item: index for index, unit in enumerate(units) for item in unit}
    return sorted(unfinished, key=position.__getitem__)


def _stop_workers(pool) -> None:
    """Send SIGTERM to each worker process of `pool` (their handler cleans up, then ends them)."""
    for process in list((getattr(pool, "_processes", None) or {}).values()):
        try:
            process.terminate()
        except (OSError, ValueError):
            pass


def _render_alone(item: BatchItem, options: BatchOptions, context) -> Outcome:
    """Render one item in a fresh single worker; a crash there is that item's failure, not the batch's."""
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    with ProcessPoolExecutor(max_workers=1, mp_context=context, initializer=_start_worker, initargs=(options,)) as pool:
        try:
            return pool.submit(render_one, item, options).result()
        except BrokenProcessPool:
            return Outcome(item, exit_code=1, message=(
                "the process rendering this draft stopped unexpectedly (it crashed); the other drafts are not affected. "
                "Render this file alone with --debug, and report it with the answers file if you can."
            ))


def _start_worker(options: BatchOptions) -> None:
    """Ctrl-C is the parent's to handle (it cancels what has not started); SIGTERM / SIGHUP remove this
    worker's temp files, then end it; load the library once (no-op after fork)."""
    import signal

    from poassembler.library.load import load_library
    from poassembler.pipeline.atomic import terminate_on_signals

    global _IN_WORKER
    _IN_WORKER = True
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    terminate_on_signals().__enter__()  # for the worker's whole life
    for signum in (signal.SIGTERM, signal.SIGHUP):  # idle between drafts: nothing to clean up, end quietly
        signal.signal(signum, _worker_signal)
    load_library(list(options.library_dirs))


def _failure_line(outcome: Outcome) -> str:
    """`path: message`, the message as the single render prints it (its own further lines indented)."""
    path = str(outcome.item.answers)
    line = outcome.message if outcome.message.startswith(path) else f"{path}: {outcome.message}"
    return line.replace("\n", "\n    ")
