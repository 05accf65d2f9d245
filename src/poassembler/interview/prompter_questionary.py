"""The questionnaire in a terminal: each `Question` translated to a questionary prompt.

The only module that imports questionary. `input`/`output` are prompt_toolkit objects, passed in
tests (`create_pipe_input()`, `DummyOutput()`); in a terminal they are left to prompt_toolkit.
Esc goes back one question (the prompt returns `BACK`); in a list, PgDn/PgUp jump to the next or
previous section and Home/End to the first or last row. Ctrl-C raises KeyboardInterrupt
(questionary's `unsafe_ask`), which the command turns into "interrupted, your answers are saved".
"""

from __future__ import annotations

import textwrap
from typing import Any

import questionary
from prompt_toolkit.key_binding import KeyBindings, merge_key_bindings
from prompt_toolkit.keys import Keys
from prompt_toolkit.styles import Style
from questionary.prompts.common import InquirerControl, Separator

from poassembler.interview.questions import BACK, Kind, Question

_STYLE = Style([("qmark", "fg:ansicyan bold"), ("question", "bold"), ("instruction", "fg:ansigray")])
KEYS_HINT = "(Esc: back one question · Ctrl-C: stop; every answer is saved)"


class QuestionaryPrompter:
    """Asks through questionary; `tell` prints to the same output."""

    def __init__(self, input: Any = None, output: Any = None):
        self._io = {k: v for k, v in (("input", input), ("output", output)) if v is not None}
        self._hinted = False

    def ask(self, question: Question, default: Any) -> Any:
        if not self._hinted:
            self._hinted = True
            self.tell(KEYS_HINT)
        if question.help:
            print(textwrap.fill(question.help, width=78, initial_indent="  ", subsequent_indent="  "), flush=True)
        if question.kind in (Kind.confirm, Kind.group):
            prompt = questionary.confirm(question.prompt, default=bool(default), style=_STYLE, **self._io)
        elif question.kind == Kind.select:
            return self._select(question, default)
        elif question.kind == Kind.autocomplete:
            titles = [c.title for c in question.choices if not c.heading]
            prompt = questionary.autocomplete(
                question.prompt, choices=titles, default=question.text_of(default), style=_STYLE, match_middle=True, **self._io
            )
        else:
            prompt = questionary.text(question.prompt, default=question.text_of(default), style=_STYLE, **self._io)
        return _with_back(prompt).unsafe_ask()

    def _select(self, question: Question, default: Any) -> Any:
        # questionary would turn a None value into the title, so choices carry their index.
        choices: list[Any] = []
        chosen = None
        for index, choice in enumerate(question.choices):
            if choice.heading:
                choices.append(Separator(f"── {choice.title}"))
                continue
            item = questionary.Choice(choice.title, value=str(index))
            choices.append(item)
            if chosen is None and choice.value == default:
                chosen = item
        prompt = questionary.select(question.prompt, choices=choices, default=chosen, style=_STYLE, **self._io)
        _with_jumps(prompt)
        picked = _with_back(prompt).unsafe_ask()
        return BACK if picked is BACK else question.choices[int(picked)].value

    def tell(self, message: str) -> None:
        """Print a message, long lines wrapped at word boundaries for an 80-column terminal."""
        lines = [textwrap.fill(line, width=78, subsequent_indent="  ", break_on_hyphens=False) if len(line) > 78 else line
                 for line in message.splitlines() or [""]]
        print("\n".join(lines), flush=True)


def _with_back(prompt: Any) -> Any:
    """Esc ends the prompt with BACK."""
    keys = KeyBindings()

    @keys.add(Keys.Escape, eager=True)
    def _back(event: Any) -> None:
        event.app.exit(result=BACK)

    prompt.application.key_bindings = merge_key_bindings([prompt.application.key_bindings, keys])
    return prompt


def _with_jumps(prompt: Any) -> None:
    """PgDn/PgUp: the first row of the next/previous section; Home/End: the first/last row."""
    app = prompt.application
    control = next((c for c in app.layout.find_all_controls() if isinstance(c, InquirerControl)), None)
    if control is None:
        return
    rows = [i for i, c in enumerate(control.choices) if not isinstance(c, Separator) and not c.disabled]
    starts = [i + 1 for i, c in enumerate(control.choices) if isinstance(c, Separator) and i + 1 in rows]
    keys = KeyBindings()

    def go(index: int | None) -> None:
        if index is not None:
            control.pointed_at = index

    @keys.add(Keys.PageDown, eager=True)
    def _next(event: Any) -> None:
        go(next((s for s in starts if s > control.pointed_at), rows[-1] if rows else None))

    @keys.add(Keys.PageUp, eager=True)
    def _previous(event: Any) -> None:
        earlier = [s for s in starts if s < control.pointed_at]
        go(earlier[-1] if earlier else (rows[0] if rows else None))

    @keys.add(Keys.Home, eager=True)
    def _first(event: Any) -> None:
        go(rows[0] if rows else None)

    @keys.add(Keys.End, eager=True)
    def _last(event: Any) -> None:
        go(rows[-1] if rows else None)

    app.key_bindings = merge_key_bindings([app.key_bindings, keys])
