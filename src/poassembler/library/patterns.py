"""Regular expressions written in library files (a court's case-number format) run in RE2.

RE2 matches in time linear in the text, whatever the pattern: a pattern such as `(a+)+$` cannot make
a run hang (Python's `re` backtracks exponentially on it). RE2 has no look-around or back-references;
a profile using them is refused when it loads, with the reason.
"""

from __future__ import annotations

from functools import lru_cache

import re2

_OPTIONS = re2.Options()
_OPTIONS.log_errors = False  # the error is reported to the user as a profile problem, not logged to stderr


@lru_cache(maxsize=256)
def compile_pattern(pattern: str):
    """The compiled pattern; raises ValueError with RE2's reason when RE2 cannot run it."""
    try:
        return re2.compile(pattern, options=_OPTIONS)
    except re2.error as exc:
        reason = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise ValueError(
            f"not a regular expression poassembler can run ({reason}); look-arounds and back-references are not supported"
        ) from None


def pattern_search(pattern: str, text: str) -> bool:
    """Whether `pattern` (a library regular expression) matches anywhere in `text`."""
    return compile_pattern(pattern).search(text) is not None
