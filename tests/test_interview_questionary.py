"""The questionnaire through questionary, in-process: keystrokes through prompt_toolkit's pipe input.

Each test runs the real ask loop with the real questionary prompts; only the terminal is replaced
(`create_pipe_input()` for the keyboard, `DummyOutput()` for the screen), as questionary's own tests do.
"""

from __future__ import annotations

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput

from conftest import sample_data
from poassembler.interview.ask import Interview
from poassembler.interview.prompter_questionary import QuestionaryPrompter
from poassembler.interview.plan import build_plan
from poassembler.interview.questions import Context

DOWN, UP, ENTER, CLEAR_LINE = "\x1b[B", "\x1b[A", "\r", "\x15"


def interview(library, data, keys: str):
    """Run the interview on `data`, typing `keys`; returns the answers and what was saved last."""
    saved: list[dict] = []
    with create_pipe_input() as keyboard:
        keyboard.send_text(keys)
        keyboard.close()  # when the keys run out, the prompt ends (EOFError) instead of waiting
        prompter = QuestionaryPrompter(keyboard, DummyOutput())
        answers = Interview(library.profiles, prompter, data, saved.append).run()
    return answers, saved


@pytest.fixture
def segal():
    """The C.D. Cal. sample with the two questions these tests answer left open (FRE 502(d), the date)."""
    data = sample_data("segal-cacd.yaml")
    data.pop("dates", None)
    data["options"] = {"house_counsel_access": False}  # answered: the in-house question comes before FRE 502(d)
    return data


def test_court_by_typing_then_judge_from_the_list(library, segal):
    del segal["court"], segal["judge"]
    keys = "Nowhere District" + ENTER  # no such court: told, and asked again
    keys += CLEAR_LINE + "C.D. Cal" + ENTER  # the Bluebook abbreviation, without its last dot
    keys += UP + ENTER  # the judges list starts on "None of these"; one up is Judge Segal
    keys += "n" + ENTER  # FRE 502(d): no; date: blank
    keys += ENTER  # review: render
    answers, saved = interview(library, segal, keys)
    assert answers.court == "cacd" and answers.judge == "segal"
    assert saved[0]["court"] == "cacd"


def test_court_title_from_the_type_ahead_list_is_accepted(library):
    court = build_plan({}, None, library.profiles)[0]
    title = next(c.title for c in court.choices if c.value == "nyed")
    with create_pipe_input() as keyboard:
        keyboard.send_text(title + ENTER)
        raw = QuestionaryPrompter(keyboard, DummyOutput()).ask(court, None)
    assert court.resolve(court.parse(raw), Context({}, None, library.profiles))[0] == "nyed"
    assert title == "Eastern District of New York (E.D.N.Y.) — nyed"


def test_a_repeating_list_of_categories(library, segal):
    del segal["categories"], segal["tiers"], segal["options"]
    keys = "n" * 3  # nothing after the defendant is answered: its lawyers, the defendants, other parties
    for name, downs in (("Customer pricing", 0), ("Bank statements", 0), ("Clinic records", 6)):
        keys += name + ENTER
        # kind: the list starts on the kind guessed from the name (commercial, financial), else on Other
        # (the last), and wraps
        keys += DOWN * downs + ENTER
        keys += f"The {name.lower()} of the defendant, 2019 to 2024." + ENTER
        keys += "Competitors would see them and undercut every bid." + ENTER
        keys += ENTER if name != "Customer pricing" else ""  # a law that keeps financial and health records confidential: none
        keys += ENTER  # who may see it: the tier guessed from the kind
        keys += "y" if name != "Clinic records" else "n"  # add another category?
    keys += "n"  # no protective or sealing order entered yet
    keys += ENTER  # tiers: the default
    keys += "n"  # in-house lawyers may not see the top tier
    keys += "n" + ENTER + ENTER  # FRE 502(d), date, review: render
    answers, saved = interview(library, segal, keys)
    assert [(c.name, c.kind.value) for c in answers.categories] == [
        ("Customer pricing", "commercial"),
        ("Bank statements", "financial"),
        ("Clinic records", "health"),
    ]
    assert [t.value for t in answers.tiers] == ["confidential", "highly_confidential_aeo"]  # business records: two tiers
    assert len(saved[-1]["categories"]) == 3


def test_the_review_screen_changes_one_answer(library, segal):
    keys = "n" + ENTER  # FRE 502(d), date
    keys += DOWN + ENTER  # review: the first answer, "Court: cacd"
    keys += CLEAR_LINE + "casd" + ENTER  # a court without judge profiles
    keys += UP + ENTER  # review again, on the row just changed; one up: render
    answers, saved = interview(library, segal, keys)
    assert answers.court == "casd" and answers.judge is None
    assert saved[-1]["court"] == "casd"
