"""The errors a user can see. The CLI maps each class to one message and one exit code.

A `Problem` is one thing wrong, with its place (file, line, field path) as data: answers loading,
profile and clause loading, `validate` and the interview all report `Problem`s, and only `str()` turns
one into the "file:line: field: message" text a user reads.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong: what (`message`), where (`file`, `line`, `field` — a dotted key path), and its exit code."""

    message: str
    file: str | None = None
    line: int | None = None
    field: str | None = None
    exit_code: int = 2

    @property
    def where(self) -> str:
        """"path:line", "path", "line 7" or "" — the place without the field."""
        if self.file and self.line:
            return f"{self.file}:{self.line}"
        if self.file:
            return self.file
        return f"line {self.line}" if self.line else ""

    def __str__(self) -> str:
        head = ": ".join(part for part in (self.where, self.field) if part)
        return f"{head}: {self.message}" if head else self.message


def field_path(loc: tuple) -> str:
    """('parties', 2, 'counsel', 0, 'email') → 'parties[2].counsel[0].email'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += ("." if out else "") + str(part)
    return out or "(top level)"


class PoError(Exception):
    """Base of every error poassembler reports to a user (never shown as a traceback)."""

    exit_code = 1
    label = "error"

    def __init__(self, message: str, problems: list[Problem | str] | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.problems: list[Problem] = [p if isinstance(p, Problem) else Problem(p, exit_code=self.exit_code) for p in problems or []]
        self.hint = hint

    def render(self) -> str:
        """The whole message: headline, one line per problem, what to do. Control characters from a
        file (an escape sequence in a misspelt key) are shown as \\xNN, never sent to the terminal."""
        from poassembler.library.textpolicy import for_terminal

        lines = [self.message]
        lines += [f"  - {p}" for p in self.problems]
        if self.hint:
            lines.append(self.hint)
        return for_terminal("\n".join(lines))


class BadInput(PoError):
    """The user's answers (file or prompt) or command-line arguments are wrong. Exit 2."""

    exit_code = 2


class BadLibrary(PoError):
    """A jurisdiction profile, clause or Word template is wrong. Exit 3."""

    exit_code = 3


class OutputProblem(PoError):
    """The draft could not be written where asked. Exit 4."""

    exit_code = 4
