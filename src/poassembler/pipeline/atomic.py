"""Write the files of one command together: all of them, whole, or none — and never over a file without force.

`Staging` is the one way poassembler writes a file:

    check_targets(paths, force)           # before any work: each path writable, none existing without force
    with Staging(force) as staging:
        staging.add(path, data)           # a temp file beside `path` (same folder, so the move is a rename)
        ...
        staging.commit()                  # every temp file moved into place, or none (old files untouched)

Without force the final move is a hard link (`os.link` fails if the name exists), so a file that appeared
while we were rendering is never replaced: of eight renders racing to one path, exactly one writes it.
With force each replaced file is kept under a backup name until every move has succeeded, so a failure
part-way restores the old files.

Signals: `terminate_on_signals()` turns SIGTERM and SIGHUP into the `Terminated` exception in the main
thread, so the `finally` blocks here remove every temp file before the process ends (the CLI installs
it; a batch worker re-sends the signal to itself after cleaning up).
"""

from __future__ import annotations

import contextlib
import errno
import os
import signal
from collections.abc import Iterable, Iterator
from pathlib import Path

from poassembler.errors import OutputProblem, Problem

EXISTS_HINT = "Choose another name with -o, or add --force to replace it."


class Terminated(BaseException):
    """SIGTERM or SIGHUP arrived (raised in the main thread by `terminate_on_signals`)."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum

    def die(self) -> None:
        """End this process by the same signal, with the default action (after cleanup has run)."""
        signal.signal(self.signum, signal.SIG_DFL)
        os.kill(os.getpid(), self.signum)


def _raise_terminated(signum: int, _frame) -> None:
    raise Terminated(signum)


@contextlib.contextmanager
def terminate_on_signals(signums: Iterable[int] = (signal.SIGTERM, signal.SIGHUP)) -> Iterator[None]:
    """Within the block, SIGTERM / SIGHUP raise `Terminated` (previous handlers restored after).

    Outside the main thread (a web server's worker thread) this does nothing: Python only lets the main
    thread set handlers.
    """
    previous: dict[int, object] = {}
    try:
        for signum in signums:
            previous[signum] = signal.signal(signum, _raise_terminated)
    except ValueError:  # not the main thread
        pass
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def target_problems(targets: Iterable[Path], force: bool) -> list[Problem]:
    """What stops any of `targets` being written: a folder in the way, no folder, no permission, an existing file."""
    problems: list[Problem] = []
    for target in targets:
        folder = target.parent if str(target.parent) else Path(".")
        if target.is_dir():
            problems.append(Problem(f"{target} is a folder; give a file name.", file=str(target), exit_code=4))
        elif folder.exists() and not folder.is_dir():
            problems.append(Problem(f"{folder} is a file, not a folder.", file=str(target), exit_code=4))
        elif not folder.is_dir():
            problems.append(Problem(f"{folder}: no such folder.", file=str(target), exit_code=4))
        elif not os.access(folder, os.W_OK | os.X_OK):
            problems.append(Problem(f"{target}: permission denied.", file=str(target), exit_code=4))
        elif os.path.lexists(target) and not force:
            problems.append(Problem(f"{target} already exists.", file=str(target), exit_code=4))
    return problems


def check_targets(targets: Iterable[Path], force: bool) -> None:
    """Raise OutputProblem naming every target that cannot be written (before any work is done)."""
    problems = target_problems(targets, force)
    if not problems:
        return
    exists = any(p.message.endswith("already exists.") for p in problems)
    hint = EXISTS_HINT if exists else "Choose a folder you can write to (create it first)."
    if len(problems) == 1:
        raise OutputProblem(problems[0].message, hint=hint)
    raise OutputProblem(f"{len(problems)} outputs cannot be written; nothing was written.", [p.message for p in problems], hint=hint)


def _temp_name(target: Path, kind: str) -> Path:
    return target.with_name(f".{target.name}.{os.urandom(6).hex()}.{kind}")


def _unlink_quietly(path: Path | None) -> None:
    if path is not None:
        with contextlib.suppress(OSError):
            os.unlink(path)


class Staging:
    """The new files of one command, staged as temp files until `commit` moves them all into place."""

    def __init__(self, force: bool):
        self.force = force
        self._staged: list[tuple[Path, Path]] = []  # (temp file, target)
        self._committed = False

    def __enter__(self) -> "Staging":
        return self

    def __exit__(self, *exc_info) -> None:
        self.discard()

    @property
    def targets(self) -> list[Path]:
        return [target for _tmp, target in self._staged]

    def add(self, target: Path, data: bytes) -> None:
        """Write `data` to a temp file beside `target` (flushed to disk); nothing visible at `target` yet."""
        if self._committed:
            raise RuntimeError("Staging.add after commit")
        check_targets([target], self.force)
        mode = os.stat(target).st_mode & 0o7777 if self.force and target.is_file() else 0o666  # umask applies
        tmp = _temp_name(target, "tmp")
        self._staged.append((tmp, target))  # before the file exists: a signal at any moment after finds it listed
        try:
            fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, mode)
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise _output_problem(target, exc) from None

    def commit(self) -> list[Path]:
        """Move every staged file into place, or — on any failure — none (old files restored, temp files gone)."""
        moved: list[tuple[Path, Path | None]] = []  # (target, backup of the file it replaced)
        try:
            for tmp, target in self._staged:
                moved.append((target, self._move(tmp, target)))
        except BaseException as exc:
            for target, backup in reversed(moved):
                if backup is not None:
                    with contextlib.suppress(OSError):
                        os.replace(backup, target)
                else:
                    _unlink_quietly(target)
            if isinstance(exc, FileExistsError):
                raise OutputProblem(f"{exc.filename2 or exc.filename} already exists (it appeared while the draft was being made); nothing was written.", hint=EXISTS_HINT) from None
            if isinstance(exc, OSError):
                raise _output_problem(Path(exc.filename2 or exc.filename or "output"), exc) from None
            raise
        for _target, backup in moved:
            _unlink_quietly(backup)
        self._committed = True
        self.discard()
        for folder in {target.parent for target in self.targets}:
            _sync_folder(folder)
        return self.targets

    def _move(self, tmp: Path, target: Path) -> Path | None:
        """Put `tmp` at `target`; returns the backup of the file it replaced (force) or None."""
        if not self.force:
            try:
                os.link(tmp, target)  # fails if target exists: no clobbering a file that appeared meanwhile
            except FileExistsError as exc:
                raise FileExistsError(exc.errno, exc.strerror, str(target)) from None
            except OSError as exc:
                if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EXDEV, errno.EMLINK):
                    raise
                os.close(os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))  # no hard links here: reserve the name
                try:
                    os.replace(tmp, target)
                except BaseException:
                    _unlink_quietly(target)
                    raise
            return None
        backup = None
        if os.path.lexists(target) and not target.is_dir():
            backup = _temp_name(target, "old")
            try:
                os.link(target, backup)
            except OSError:
                backup = None  # no hard links on this file system: replace without a way back
        try:
            os.replace(tmp, target)
        except BaseException:
            _unlink_quietly(backup)
            raise
        return backup

    def discard(self) -> None:
        """Remove every temp file still staged (after commit: the second names left by the links)."""
        for tmp, _target in self._staged:
            _unlink_quietly(tmp)
        if not self._committed:
            self._staged.clear()


def write_atomically(target: Path, data: bytes, force: bool) -> None:
    """One file, whole or not at all; refuses to replace an existing file unless `force`."""
    check_targets([target], force)
    with Staging(force) as staging:
        staging.add(target, data)
        staging.commit()


def _output_problem(target: Path, exc: OSError) -> OutputProblem:
    if isinstance(exc, PermissionError):
        return OutputProblem(f"{target}: permission denied.", hint="Choose a folder you can write to.")
    return OutputProblem(
        f"{target}: could not be written ({exc.strerror or exc}).",
        hint="Check free disk space and the folder, then try again.",
    )


def _sync_folder(folder: Path) -> None:
    """Make the renames themselves durable where the platform allows it (best effort)."""
    try:
        fd = os.open(folder if str(folder) else ".", os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
