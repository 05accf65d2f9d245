"""OS errors that come from what the user typed, for the one error handler (`main.py`).

An over-long path or file name (ENAMETOOLONG) can surface from any `Path.exists()` on an argument; it is
the user's argument, not a bug: exit 2 with the path shortened. (Signals: `atomic.terminate_on_signals`.)
"""

from __future__ import annotations

import errno

from poassembler.errors import BadInput, PoError
from poassembler.library.yamlfile import shown_path


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
