"""A prompter that plays a script: each step names a fragment of the prompt it expects and the answer."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

DEFAULT = object()  # accept the offered default


@dataclass(frozen=True)
class Pick:
    """Pick the choice whose title contains `fragment` (the `nth` such choice)."""

    fragment: str
    nth: int = 0


@dataclass
class ScriptedPrompter:
    steps: list[tuple[str, Any]]
    asked: list[str] = field(default_factory=list)
    defaults: dict[str, Any] = field(default_factory=dict)  # prompt → default it was offered
    told: list[str] = field(default_factory=list)
    choices: dict[str, list[str]] = field(default_factory=dict)  # prompt → choice titles offered

    def ask(self, question, default):
        self.asked.append(question.prompt)
        self.defaults[question.prompt] = default
        self.choices[question.prompt] = [c.title for c in question.choices]
        if not self.steps:
            raise AssertionError(f"the script ran out; the interview asked: {question.prompt!r}")
        expected, answer = self.steps.pop(0)
        assert expected in question.prompt, f"expected a question about {expected!r}, got {question.prompt!r}"
        if answer is DEFAULT:
            return default
        if isinstance(answer, Pick):
            matches = [c.value for c in question.choices if answer.fragment in c.title and not c.heading]
            assert len(matches) > answer.nth, f"no choice {answer.fragment!r} in {[c.title for c in question.choices]}"
            return matches[answer.nth]
        return answer

    def tell(self, message: str) -> None:
        self.told.append(message)

    def done(self) -> bool:
        return not self.steps
