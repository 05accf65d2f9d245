"""The errors a user can see. The CLI maps each class to one message and one exit code."""

from __future__ import annotations


class PoError(Exception):
    """Base of every error poassembler reports to a user (never shown as a traceback)."""

    exit_code = 1
    label = "error"

    def __init__(self, message: str, problems: list[str] | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.problems = list(problems or [])
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
