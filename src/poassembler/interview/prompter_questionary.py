"""The questionnaire in a terminal: each `Question` translated to a questionary prompt.

The only module that imports questionary. `input`/`output` are prompt_toolkit objects, passed in
tests (`create_pipe_input()`, `DummyOutput()`); in a terminal they are left to prompt_toolkit.
Ctrl-C raises KeyboardInterrupt (questionary's `unsafe_ask`), which the command turns into
"interrupted, your answers are saved".
"""

from __future__ import annotations

from typing import Any

import questionary
from prompt_toolkit.styles import Style

from poassembler.interview.questions import Kind, Question

_STYLE = Style([("qmark", "fg:ansicyan bold"), ("question", "bold"), ("instruction", "fg:ansigray")])


class QuestionaryPrompter:
    """Asks through questionary; `tell` prints to the same output."""

    def __init__(self, input: Any = None, output: Any = None):
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}

    def ask(self, question: Question, default: Any) -> Any:
        if question.kind in (Kind.confirm, Kind.group):
            return questionary.confirm(question.prompt, default=bool(default), style=_STYLE, **self._io).unsafe_ask()
        if question.kind == Kind.select:
            return self._select(question, default)
        text = question.text_of(default)
        if question.kind == Kind.autocomplete:
            titles = [c.title for c in question.choices if not c.heading]
            return questionary.autocomplete(
                question.prompt, choices=titles, default=text, style=_STYLE, match_middle=True, **self._io
            ).unsafe_ask()
        return questionary.text(question.prompt, default=text, instruction=question.help or None, style=_STYLE, **self._io).unsafe_ask()

    def _select(self, question: Question, default: Any) -> Any:
        # questionary would turn a None value into the title, so choices carry their index.
        choices: list[Any] = []
        chosen = None
        for index, choice in enumerate(question.choices):
            if choice.heading:
                choices.append(questionary.Separator(f"── {choice.title}"))
                continue
            item = questionary.Choice(choice.title, value=str(index))
            choices.append(item)
            if chosen is None and choice.value == default:
                chosen = item
        picked = questionary.select(
            question.prompt, choices=choices, default=chosen, style=_STYLE, instruction=question.help or None, **self._io
        ).unsafe_ask()
        return question.choices[int(picked)].value

    def tell(self, message: str) -> None:
        print(message, flush=True)
