"""Every character a user typed reaches the draft exactly; what Word cannot store is refused by field.

The policy (src/poassembler/textpolicy.py): XML-illegal control characters are rejected with a message
naming the field; "\\r\\n" and "\\r" become "\\n"; the ends of each field are trimmed.
"""

from __future__ import annotations

import pytest

from conftest import sample_data
from docx_text import full_text, paragraphs
from poassembler.library.answers import parse_answers
from poassembler.errors import BadInput

HOSTILE_NAMES = [
    "AT&T Corp. <West> & \"Sons\"",
    "O'Brien & O’Brien “Holdings”, Ltd.",
    "José Núñez-Ørsted",
    "张伟",
    "Ørsted A/S",
    "Société Générale — § 12 ¶ 3",
    "שלום מרכז בע\"מ",  # Hebrew (right to left)
    "شركة الأمل",  # Arabic (right to left)
    "{{ 7*7 }}",
    "{% raw %}{{ x }}{% endraw %}",
    "{# not a comment #}",
    "a{_{b}_}c {_% x %_} d",  # docxtpl rewrites these four pairs in its output unless we guard them
    "_leading and trailing_",
    "{_",
    "Tab\tinside",
    "Line one\nLine two",
    "]]> <![CDATA[ &amp; &#95; &lt;",
    "Emoji 🙂 Corp. 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
    "Long " + "Name-" * 80 + "End",
]


def _with_defendant(name: str) -> dict:
    data = sample_data("segal-cacd.yaml")
    data["parties"][1]["name"] = name
    return data


@pytest.mark.parametrize("name", HOSTILE_NAMES, ids=range(len(HOSTILE_NAMES)))
def test_party_name_appears_exactly(name, render):
    path = render(_with_defendant(name))
    assert name in paragraphs(path)  # the caption shows it as a paragraph of its own, character for character
    assert f"Attorneys for Defendant {name}" in full_text(path)


def test_jinja_in_a_name_is_never_evaluated(render):
    text = full_text(render(_with_defendant("{{ 7*7 }} {{ answers.__class__ }}")))
    assert "{{ 7*7 }} {{ answers.__class__ }}" in text
    assert "Answers" not in text.replace("{{ answers.__class__ }}", "")


def test_docxtpl_escape_sequences_survive_in_every_free_text_field(render):
    tricky = "x{_{y}_}z{_%w%_}"
    data = sample_data("segal-cacd.yaml")
    data["parties"][0]["counsel"][0]["firm"] = "Firm " + tricky
    data["parties"][0]["counsel"][0]["address"] = ["1 " + tricky + " Street", "City"]
    data["categories"][0]["description"] = "Description " + tricky
    data["categories"][0]["harm"] = "Harm " + tricky
    data["case"]["short_title"] = "Title " + tricky
    text = full_text(render(data))
    for expected in ("Firm ", "1 ", "Description ", "Harm "):
        assert expected + tricky in text, expected
    assert "x{{y}}z" not in text


def test_category_text_with_quotes_and_symbols_is_exact(render):
    data = sample_data("segal-cacd.yaml")
    harm = "Rivals’ “bids” would fall by 12% — see § 4 ¶ 2 & <Exhibit 7>; O'Brien's notes"
    data["categories"][0]["harm"] = harm
    assert harm in full_text(render(data))


def test_windows_line_endings_become_line_breaks(render):
    text = full_text(render(_with_defendant("First line\r\nSecond line\rThird")))
    assert "First line\nSecond line\nThird" in text
    assert "\r" not in text


def test_surrounding_whitespace_is_trimmed_inner_kept(render):
    text = full_text(render(_with_defendant("   Acme  Widgets,  Inc.   ")))
    assert "Acme  Widgets,  Inc." in text


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x0b", "\x0c", "\x1b", "\ufffe", "\ud800"])
def test_control_characters_are_refused_naming_the_field(char):
    data = sample_data("segal-cacd.yaml")
    data["parties"][1]["counsel"][0]["firm"] = f"Sample{char}Whitman"
    with pytest.raises(BadInput) as caught:
        parse_answers(data)
    message = caught.value.render()
    assert "parties[1].counsel[0].firm" in message
    assert f"U+{ord(char):04X}" in message
