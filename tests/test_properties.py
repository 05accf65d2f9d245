"""Property tests over generated answers (hypothesis, derandomized so CI is deterministic).

- Valid answers (random parties with Unicode names, XML specials and Jinja-looking text, any number of
  categories and tiers, every court and judge profile, with and without government parties): the
  render succeeds, the .docx re-opens with python-docx and holds each party name exactly.
- Invalid answers (one broken field in a valid file): the CLI exits 2 with an `error:` message, never
  a traceback, and writes nothing.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import docx
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cli_inprocess import poassembler
from conftest import sample_data
from docx_text import full_text
from poassembler.library.answers import parse_answers
from poassembler.pipeline.draft import plan_draft, render_draft
from poassembler.library.load import load_library
from poassembler.library.profiles import ProfileKind

LIBRARY = load_library()
PROPERTY_SETTINGS = dict(deadline=None, derandomize=True, suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])


def _courts() -> list[tuple[str, str | None, str]]:
    """(court, judge, example case number) for every district and judge profile."""
    out = []
    for pid in LIBRARY.profiles.ids():
        profile = LIBRARY.profiles.profiles[pid]
        resolved = LIBRARY.profiles.resolve(pid)
        example = resolved.case_number_example or "1:24-cv-00001"
        if profile.kind == ProfileKind.district:
            out.append((pid, None, example))
        elif profile.kind == ProfileKind.judge:
            out.append((profile.extends, pid.removeprefix(f"{profile.extends}-"), example))
    return out


COURTS = _courts()

# Characters Word cannot store are refused by design (textpolicy.py); "\r" is normalised to "\n".
_LEGAL = st.characters(blacklist_categories=("Cs",), blacklist_characters="\r\ufffe\uffff" + "".join(
    chr(c) for c in range(0x20) if chr(c) not in "\t\n"))
_SPECIALS = st.sampled_from([
    "&", "<", ">", '"', "'", "’", "“", "”", "O'Brien", "Núñez", "张伟", "Ørsted", "§", "¶", "—", "שלום", "مرحبا",
    "{{ 7*7 }}", "{% raw %}", "{{", "}}", "{%", "%}", "{#", "{_{", "}_}", "{_%", "%_}", "_", "&amp;", "&#95;",
    "]]>", "\t", "\n", "  ",
])
TEXT = st.lists(st.one_of(_SPECIALS, st.text(_LEGAL, min_size=1, max_size=12)), min_size=1, max_size=6).map("".join).filter(
    lambda s: s.strip() != "")


@st.composite
def counsel(draw, index: int) -> dict:
    return {
        "name": draw(TEXT),
        "firm": draw(TEXT),
        "address": [draw(TEXT), "Springfield, ST 00000"],
        "phone": "(213) 555-0100",
        "email": f"counsel{index}@example.com",
    }


@st.composite
def party(draw, role: str, index: int) -> dict:
    return {
        "name": draw(TEXT),
        "role": role,
        "government": draw(st.sampled_from([None, None, "federal", "state", "local"])),
        "counsel": [draw(counsel(index))],
    }


@st.composite
def valid_answers(draw) -> dict:
    court, judge, number = draw(st.sampled_from(COURTS))
    roles = ["plaintiff", "defendant"] + draw(st.lists(st.sampled_from(["plaintiff", "defendant", "non_party", "intervenor"]), max_size=3))
    parties = [draw(party(role, i)) for i, role in enumerate(roles)]
    categories = [
        {"name": draw(TEXT), "kind": draw(st.sampled_from(["commercial", "trade_secret", "financial", "personnel", "personal", "health", "other"])),
         "description": draw(TEXT), "harm": draw(TEXT)}
        for _ in range(draw(st.integers(0, 3)))
    ]
    data = {
        "court": court,
        "case": {"number": number, "short_title": draw(TEXT), "type": draw(st.sampled_from(["general", "commercial", "employment", "civil_rights"]))},
        "parties": parties,
        "categories": categories,
        "tiers": draw(st.lists(st.sampled_from(["confidential", "highly_confidential_aeo", "source_code"]), min_size=1, max_size=3, unique=True)),
        "options": {"fre_502d": draw(st.booleans()), "prosecution_bar": draw(st.booleans())},
    }
    if judge:
        data["judge"] = judge
    if any(p["government"] for p in parties) and draw(st.booleans()):
        data["government_sharing"] = {"burden": draw(st.sampled_from(["requesting_party", "government", "omit"]))}
    return data


@settings(max_examples=30, **PROPERTY_SETTINGS)
@given(data=valid_answers())
def test_valid_answers_always_render_with_every_name_exact(data):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder) / "draft.docx"
        draft = plan_draft(parse_answers(data), LIBRARY)
        render_draft(draft, LIBRARY, out, force=False)
        docx.Document(str(out))  # re-opens
        text = full_text(out)
        signed_here = draft.profile.submission.parties_sign == "order"  # S.D. Cal.: counsel sign the joint motion
        for p in data["parties"]:
            assert p["name"].strip() in text, p["name"]
            assert (p["counsel"][0]["name"].strip() in text) or not signed_here


# --- invalid answers -------------------------------------------------------------------------------

_BAD_CHAR = st.sampled_from(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x1f", "\ufffe"])
_TEXT_FIELDS = [("court",), ("case", "number"), ("parties", 0, "name"), ("parties", 1, "counsel", 0, "firm"),
                ("categories", 0, "harm"), ("parties", 0, "counsel", 0, "address", 0)]


def _set(data: dict, path: tuple, value) -> None:
    for key in path[:-1]:
        data = data[key]
    data[path[-1]] = value


def _delete(data: dict, path: tuple) -> None:
    for key in path[:-1]:
        data = data[key]
    del data[path[-1]]


@st.composite
def invalid_answers(draw) -> dict:
    data = sample_data("segal-cacd.yaml")
    breakage = draw(st.sampled_from(["control", "missing", "type", "enum", "email", "extra", "court", "sides", "tiers"]))
    if breakage == "control":
        path = draw(st.sampled_from(_TEXT_FIELDS))
        _set(data, path, draw(TEXT) + draw(_BAD_CHAR) + draw(TEXT))
    elif breakage == "missing":
        _delete(data, draw(st.sampled_from([("court",), ("case",), ("case", "number"), ("parties", 0, "role"),
                                            ("parties", 1, "counsel", 0, "email"), ("categories", 1, "description")])))
    elif breakage == "type":
        path = draw(st.sampled_from([("parties",), ("tiers",), ("case",), ("options",), ("dates",), ("case", "number")]))
        _set(data, path, draw(st.one_of(st.integers(), st.floats(allow_nan=False), st.lists(st.integers(), max_size=2), st.just("maybe"))))
    elif breakage == "enum":
        path = draw(st.sampled_from([("parties", 0, "role"), ("case", "type"), ("categories", 0, "kind")]))
        _set(data, path, draw(TEXT).replace(":", ""))
    elif breakage == "email":
        _set(data, ("parties", 0, "counsel", 0, "email"), draw(TEXT).replace("@", ""))
    elif breakage == "extra":
        data[draw(st.text("abcdefghijklmnopqrstuvwxyz_", min_size=3, max_size=12).filter(lambda k: k not in data))] = draw(TEXT)
    elif breakage == "court":
        known = set(LIBRARY.profiles.ids()) | set(LIBRARY.profiles.districts)
        data["court"] = draw(st.text("abcdefghijklmnopqrstuvwxyz-", min_size=1, max_size=8).filter(lambda c: c not in known))
    elif breakage == "sides":
        data["parties"] = [p for p in data["parties"] if p["role"] == draw(st.sampled_from(["plaintiff", "defendant"]))]
    else:
        data["tiers"] = draw(st.sampled_from([[], ["secret"], ["confidential", "confidential"]]))
    return data


@settings(max_examples=40, **PROPERTY_SETTINGS)
@given(data=invalid_answers())
def test_invalid_answers_exit_2_with_a_message(data, capsys):
    with tempfile.TemporaryDirectory() as folder:
        answers = Path(folder) / "case.yaml"
        answers.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        out = Path(folder) / "draft.docx"
        outcome = poassembler("render", str(answers), "-o", str(out))
        assert outcome.code == 2, outcome.err
        assert outcome.err.startswith("error: ") and len(outcome.err.strip()) > len("error: ")
        assert "Traceback" not in outcome.err + outcome.out
        assert not out.exists()
