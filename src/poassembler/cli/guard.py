"""What the one error handler needs from the operating system: signals and path errors.

- SIGTERM and SIGHUP (a closed terminal, `kill`, a CI timeout) raise `Terminated` in the main thread,
  like Ctrl-C raises KeyboardInterrupt: every `finally:` runs, so a write in progress removes its temp
  file and a batch stops its workers; the process then exits 128 + the signal's number.
- An over-long path or file name (ENAMETOOLONG) is the user's argument, not a bug: exit 2 with the
  path shortened.
"""

from __future__ import annotations

import errno
import signal

from poassembler.errors import BadInput, PoError
from poassembler.library.yamlfile import shown_path

_SIGNALS = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGHUP") if hasattr(signal, name))


class Terminated(KeyboardInterrupt):
    """The process was asked to stop (SIGTERM/SIGHUP): unwinds like Ctrl-C."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum

    @property
    def exit_code(self) -> int:
        return 128 + self.signum


def _raise_terminated(signum: int, frame) -> None:
    raise Terminated(signum)


def install_signal_handlers() -> None:
    """SIGTERM and SIGHUP unwind the program (see the module docstring); call from the main thread."""
    for signum in _SIGNALS:
        try:
            if signal.getsignal(signum) is signal.SIG_IGN and signum == getattr(signal, "SIGHUP", None):
                continue  # started under nohup: keep ignoring hang-ups
            signal.signal(signum, _raise_terminated)
        except (ValueError, OSError):  # not the main thread, or not allowed here
            pass


def default_signal_handlers() -> None:
    """Back to the default actions (for a worker process that must simply stop)."""
    for signum in _SIGNALS:
        try:
            signal.signal(signum, signal.SIG_DFL)
        except (ValueError, OSError):
            pass


def interrupted_exit_code(exc: KeyboardInterrupt) -> int:
    """130 for Ctrl-C, 128 + N for signal N."""
    return exc.exit_code if isinstance(exc, Terminated) else 130


def os_error_problem(exc: OSError) -> PoError | None:
    """The user-facing error for an OSError that comes from what the user typed, or None (a bug)."""
    if exc.errno == errno.ENAMETOOLONG:
        name = exc.filename if isinstance(exc.filename, (str, bytes)) else ""
        shown = shown_path(name if isinstance(name, str) else name.decode("utf-8", "replace"))
        return BadInput(
            f"{shown}: the path or a file name in it is too long for this system.",
            hint="Use a shorter file or folder name (most systems allow 255 characters per name).",
        )
    return None
